/**
 * End to end: what the bundled CLI (dist/cli/index.js) prints and writes.
 * A CI log (no terminal, or CI=true) gets plain lines with no control
 * characters; a terminal (a real pseudo-terminal, through util-linux `script`)
 * gets live progress drawn in place and cleaned up; `--junit` is valid against
 * the JUnit schema on every outcome, and `--output json` is the results document.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import type { ResultsDocument } from '../src/core/run/results.js'
import { CLI_ENTRY, runCli } from '../__fixtures__/run-dist.js'
import { FLOWS } from '../__fixtures__/sandbox-http.js'

let sandbox: Sandbox
let tmp: string

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 0.05 })
  tmp = await mkdtemp(join(tmpdir(), 'echopoint-e2e-cli-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(tmp, { recursive: true, force: true })
})
beforeEach(() => sandbox.requestLog.clear())

/** Credentials only: no CI variable, as at a developer's shell. */
const shellEnv = (): Record<string, string> => ({
  ECHOPOINT_API_KEY: sandbox.apiKey,
  ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
  ECHOPOINT_API_URL: sandbox.url
})

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/

async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'echopoint.xml', contents: xml }],
    schema: [await readFile(new URL('../__fixtures__/junit.xsd', import.meta.url), 'utf8')]
  })
  return result.errors.map((e) => e.rawMessage)
}

const hasScript = spawnSync('script', ['--version']).status === 0

/** Runs the CLI inside a pseudo-terminal (stdout and stderr are a TTY); returns what the terminal got. */
function runInTerminal(
  args: string[],
  env: Record<string, string>
): Promise<{ code: number | null; output: string }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  const command = [process.execPath, CLI_ENTRY, ...args].map(quote).join(' ')
  const base = { ...process.env }
  for (const key of Object.keys(base))
    if (/^(CI|GITHUB_|ECHOPOINT_|RUNNER_|NODE_OPTIONS$|NO_COLOR$)/.test(key)) delete base[key]
  return new Promise((resolve, reject) => {
    // -e: the command's exit code; -q: no "Script started" banner; the log goes to /dev/null.
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...base, TERM: 'xterm-256color', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')))
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(killer)
      resolve({ code, output })
    })
  })
}

describe('the CLI in a CI log', () => {
  it('prints plain lines with no control characters when not a terminal, even without CI=true', async () => {
    const run = await runCli(['run', '--tag', 'regression'], { env: shellEnv() })
    expect(run.exitCode).toBe(1)
    expect(run.stdout + run.stderr).not.toContain('\u001b')
    expect(run.stdout + run.stderr).not.toMatch(CONTROL)
    // Progress as plain lines on stderr: each launch and each end.
    expect(run.stderr).toMatch(/^Launched "Order history" .*: execution /m)
    expect(run.stderr).toMatch(/^"Order history" failed in /m)
    expect(run.stdout).toMatch(/^FAIL\s+Order history/m)
  })
})

;(hasScript ? describe : describe.skip)('the CLI at a terminal', () => {
  it('draws live progress in place and cleans it up, then prints the table', async () => {
    const { code, output } = await runInTerminal(['run', '--tag', 'smoke'], shellEnv())
    expect(code).toBe(0)
    expect(output).toContain('\u001b[?25l') // cursor hidden while drawing
    expect(output).toMatch(/Echopoint {2}\d\/4 done/)
    // eslint-disable-next-line no-control-regex
    expect(output).toMatch(/\u001b\[\d+A\r\u001b\[J/) // redrawn in place
    // Cleaned up: the cursor shown again, after the last frame and before the table.
    const shown = output.lastIndexOf('\u001b[?25h')
    expect(shown).toBeGreaterThan(output.lastIndexOf('\u001b[?25l'))
    expect(output.indexOf('All 4 flows passed')).toBeGreaterThan(shown)
    expect(output).toMatch(/PASS\s+Login and fetch profile/)
  })

  it('stays plain at a terminal when CI=true', async () => {
    const { code, output } = await runInTerminal(['run', FLOWS.health], {
      ...shellEnv(),
      CI: 'true'
    })
    expect(code).toBe(0)
    expect(output).not.toContain('\u001b')
    expect(output).toContain('All 1 flow passed')
  })
})

describe('the CLI reports', () => {
  it('--junit writes a schema-valid report; --output json is the results document', async () => {
    const junitPath = join(tmp, 'cli', 'echopoint.xml')
    const run = await runCli(
      ['run', FLOWS.login, FLOWS.orderHistory, '--junit', junitPath, '--output', 'json'],
      { env: { ...shellEnv(), CI: 'true' } }
    )
    expect(run.exitCode).toBe(1)
    const doc = JSON.parse(run.stdout) as ResultsDocument
    expect(doc.status).toBe('failed')
    expect(doc.flows.map((f) => f.status)).toEqual(['passed', 'failed'])
    expect(run.stderr).toContain(`JUnit report written to ${junitPath}`)
    const xml = await readFile(junitPath, 'utf8')
    expect(await junitErrors(xml)).toEqual([])
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml)
      .testsuites.testsuite
    expect(suite).toMatchObject({ tests: '2', failures: '1' })
    expect(suite.testcase[1].failure.message).toContain('status_code equals 200, got 500')
  })

  it('writes the JUnit report even when the options are invalid, and exits 3', async () => {
    const junitPath = join(tmp, 'cli-invalid', 'echopoint.xml')
    const run = await runCli(['run', '--tag', 'smoke', '--timeout', 'soon', '--junit', junitPath], {
      env: { ...shellEnv(), CI: 'true' }
    })
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('Invalid --timeout')
    expect(sandbox.requestLog.entries()).toEqual([])
    const xml = await readFile(junitPath, 'utf8')
    expect(await junitErrors(xml)).toEqual([])
    expect(xml).toContain('type="config"')
  })
})
