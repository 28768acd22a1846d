/**
 * Runs a bundled entry point of dist/ the way users run it: the action as the
 * GitHub runner does (INPUT_* variables with action.yml's defaults,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), or the CLI as a shell does.
 * Asynchronous on purpose: the sandbox runs in the test's own process and must
 * keep serving while the child runs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runnerInputEnv } from '../src/cli/commands/demo.js'
import { parseGithubOutput } from '../src/cli/github-files.js'
import { findLeaks } from './leaks.js'

export const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..')
export const ACTION_ENTRY = join(ROOT, 'dist/index.js')
export const CLI_ENTRY = join(ROOT, 'dist/cli/index.js')

export interface DistRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** GITHUB_OUTPUT, parsed (action runs only). */
  outputs: Record<string, string>
  /** GITHUB_STEP_SUMMARY contents (action runs only). */
  summary: string
  /** Every file the run wrote that a user could read (for leak scans). */
  files: Record<string, string>
  workDir: string
}

export interface SpawnOptions {
  env?: Record<string, string | undefined>
  /** Called once the child is running (e.g. to send it signals). */
  onSpawn?: (child: ChildProcess) => void
  /** Kill the child after this many ms (a safety net; tests should not hit it). */
  killAfterMs?: number
}

/** The environment a GitHub runner gives every step. */
export function githubEnv(workDir: string): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: join(workDir, 'github_output'),
    GITHUB_STEP_SUMMARY: join(workDir, 'step_summary'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_WORKFLOW: 'api-tests',
    GITHUB_JOB: 'echopoint',
    GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: workDir,
    // Debug logging on, as with "Enable debug logging" on a re-run: the worst case for leaks.
    RUNNER_DEBUG: '1'
  }
}

/** This process's environment without its CI inputs and context, for a child that must not inherit them. */
export function cleanEnv(): Record<string, string | undefined> {
  // The test process's own CI variables must not leak into the child's context.
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^(INPUT_|GITHUB_|ECHOPOINT_|RUNNER_)/.test(key) || key === 'NODE_OPTIONS') delete env[key]
  }
  return env
}

/**
 * The secret-leak scan every end-to-end run goes through: a key or token that
 * appears anywhere a person or another step could read it fails the test.
 */
function assertNoLeak(run: DistRun, secrets: (string | undefined)[]): DistRun {
  const candidates = secrets
    .flatMap((s) => (s ?? '').split(/\r?\n|\r/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8)
  const leaks = findLeaks(run, candidates)
  if (leaks.length > 0) throw new Error(`a secret leaked into: ${leaks.join(', ')}`)
  return run
}

async function spawnNode(
  args: string[],
  env: Record<string, string | undefined>,
  options: SpawnOptions
): Promise<Omit<DistRun, 'outputs' | 'summary' | 'files' | 'workDir'>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 25_000)
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      clearTimeout(killer)
      resolvePromise({ exitCode, signal, stdout, stderr })
    })
    options.onSpawn?.(child)
  })
}

/**
 * Runs a bundled action entry as the GitHub runner would: INPUT_* from its
 * action.yml's defaults and `inputs`, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, then the leak scan over everything it left.
 */
async function runActionEntry(
  entry: string,
  actionYml: string,
  inputs: Record<string, string>,
  options: SpawnOptions,
  secrets: (string | undefined)[]
): Promise<DistRun> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build`)
  const workDir = await mkdtemp(join(tmpdir(), 'echopoint-e2e-'))
  try {
    const gh = githubEnv(workDir)
    await writeFile(gh.GITHUB_OUTPUT, '')
    await writeFile(gh.GITHUB_STEP_SUMMARY, '')
    const env = {
      ...cleanEnv(),
      ...gh,
      ...(await runnerInputEnv(actionYml, inputs)),
      ...options.env
    }
    const result = await spawnNode([entry], env, options)
    const outputText = await readFile(gh.GITHUB_OUTPUT, 'utf8')
    const summary = await readFile(gh.GITHUB_STEP_SUMMARY, 'utf8')
    const files: Record<string, string> = { github_output: outputText, step_summary: summary }
    const junit = inputs['junit-path']
    if (junit && existsSync(resolve(junit))) files.junit = await readFile(resolve(junit), 'utf8')
    const run = { ...result, outputs: parseGithubOutput(outputText), summary, files, workDir }
    return assertNoLeak(run, secrets)
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

/** Runs dist/index.js as the GitHub runner would, with these inputs. */
export function runAction(
  inputs: Record<string, string>,
  options: SpawnOptions = {}
): Promise<DistRun> {
  return runActionEntry(ACTION_ENTRY, join(ROOT, 'action.yml'), inputs, options, [
    inputs['api-key']
  ])
}

/** Runs dist/cli/index.js with these arguments. */
export async function runCli(args: string[], options: SpawnOptions = {}): Promise<DistRun> {
  if (!existsSync(CLI_ENTRY)) throw new Error('dist/cli/index.js is missing: run npm run build')
  const env = { ...cleanEnv(), ...options.env }
  const result = await spawnNode([CLI_ENTRY, ...args], env, options)
  const flagKey = args.includes('--api-key') ? args[args.indexOf('--api-key') + 1] : undefined
  return assertNoLeak({ ...result, outputs: {}, summary: '', files: {}, workDir: '' }, [
    env.ECHOPOINT_API_KEY,
    flagKey
  ])
}

export const CHECK_KEY_ENTRY = join(ROOT, 'dist/check-key/index.js')
export const CHECK_KEY_ACTION_YML = join(ROOT, 'check-key/action.yml')

/**
 * Runs dist/check-key/index.js as the GitHub runner would for `uses: ./check-key`
 * (the literal `${{ github.token }}` default must be overridden by the test).
 */
export function runCheckKeyAction(
  inputs: Record<string, string>,
  options: SpawnOptions = {}
): Promise<DistRun> {
  return runActionEntry(CHECK_KEY_ENTRY, CHECK_KEY_ACTION_YML, inputs, options, [
    inputs['api-key'],
    inputs['github-token']
  ])
}
