/**
 * `echopoint-ci demo` (and `npm run demo`): starts the sandbox with the shipped
 * fixture and runs the bundled action (dist/index.js) exactly as the GitHub
 * runner does: inputs as INPUT_* variables with action.yml's defaults, and
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Then prints the action's log,
 * its outputs and its job summary, and stops the sandbox. Last, it runs two of
 * the example flow files with the flow engine against a small local service
 * (`flow run`), as a CI job would test the service it started.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { parse as parseYaml } from 'yaml'
import {
  LOCAL_FLOWS,
  LOCAL_KEY,
  LOCAL_ORG,
  localServiceFixtures
} from '../../demo-service/fixtures.js'
import { startDemoService } from '../../demo-service/server.js'
import { startSandbox } from '../../sandbox/index.js'
import { parseGithubOutput, renderRunnerLine } from '../github-files.js'
import { optionWithDefault, type CliIo } from '../io.js'
import { flowRunCommand } from './flow-run.js'

/**
 * The bundled action and its action.yml, found next to the bundled CLI
 * (dist/cli/index.js → dist/index.js and action.yml). The paths are joined as
 * plain strings on purpose: ncc rewrites `new URL('…', import.meta.url)` and
 * `path.join(__dirname, …)` into copied assets, which would run a copy instead.
 */
export function actionPaths(): { entry: string; actionYml: string } {
  const cliDir = dirname(fileURLToPath(import.meta.url))
  return {
    entry: [cliDir, '..', 'index.js'].join(sep),
    actionYml: [cliDir, '..', '..', 'action.yml'].join(sep)
  }
}

/** The runner passes every input as INPUT_<NAME> (upper case, spaces to _), defaults from action.yml included. */
export async function runnerInputEnv(
  actionYml: string,
  inputs: Record<string, string>
): Promise<Record<string, string>> {
  const env: Record<string, string> = {}
  const definition = parseYaml(await readFile(actionYml, 'utf8')) as {
    inputs?: Record<string, { default?: string | number | boolean }>
  }
  const all = {
    ...Object.fromEntries(
      Object.entries(definition.inputs ?? {}).map(([k, v]) => [k, String(v.default ?? '')])
    ),
    ...inputs
  }
  for (const [name, value] of Object.entries(all)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

interface ActionRun {
  entry: string
  actionYml: string
  work: string
  outputFile: string
  summaryFile: string
  say: (text: string) => void
}

/** Runs dist/index.js as a GitHub runner does (INPUT_* variables, output and summary files), showing its log. */
async function runBundledAction(run: ActionRun, inputs: Record<string, string>): Promise<number> {
  const { entry, actionYml, work, outputFile, summaryFile, say } = run
  const inputEnv = await runnerInputEnv(actionYml, inputs)
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...inputEnv,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'echopoint/demo-shop',
    GITHUB_WORKFLOW: 'Echopoint demo',
    GITHUB_JOB: 'api-tests',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: randomUUID().replace(/-/g, '').padEnd(40, '0').slice(0, 40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'demo-user',
    RUNNER_TEMP: work
  }
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let buffered = ''
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const shown = renderRunnerLine(line)
        if (shown !== undefined) say(`   │ ${shown}`)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('close', (code) => {
      if (buffered) onData(Buffer.from('\n'))
      resolve(code ?? 1)
    })
  })
}

interface DemoFlags {
  tags?: string
}

export async function demoCommand(flags: DemoFlags, io: CliIo): Promise<number> {
  const { entry, actionYml } = actionPaths()
  if (!existsSync(entry) || !existsSync(actionYml)) {
    io.stderr(`error: the bundled action is missing (${entry}); run npm run build first`)
    return 3
  }
  const tags = flags.tags ?? 'smoke, regression'
  const sandbox = await startSandbox({ port: 0 })
  const work = await mkdtemp(join(tmpdir(), 'echopoint-demo-'))
  const say = io.stdout
  try {
    const outputFile = join(work, 'github_output')
    const summaryFile = join(work, 'step_summary.md')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    say('━━ echopoint-ci demo ━━')
    say('')
    say(`1. Started the Echopoint sandbox at ${sandbox.url} with the shipped demo fixture`)
    say(
      `   (organization ${sandbox.organizationId}; one flow fails on purpose, so you can see a failure report).`
    )
    say('')
    say('2. Running the bundled action (dist/index.js) the way a GitHub runner runs this step:')
    say('')
    say('     - uses: echopoint/echopoint-ci@v1')
    say('       with:')
    say('         api-key: ${{ secrets.ECHOPOINT_API_KEY }}')
    say('         organization-id: ${{ vars.ECHOPOINT_ORGANIZATION_ID }}')
    say(`         tags: ${tags}`)
    say('')
    say('   ┌─ action log')
    const exitCode = await runBundledAction(
      { entry, actionYml, work, outputFile, summaryFile, say },
      {
        'api-key': sandbox.apiKey,
        'organization-id': sandbox.organizationId,
        'api-url': sandbox.url,
        tags
      }
    )
    say(`   └─ the step ${exitCode === 0 ? 'passed' : 'failed'} (exit code ${exitCode})`)
    say('')

    const outputs = parseGithubOutput(await readFile(outputFile, 'utf8'))
    say('3. Step outputs (steps.<id>.outputs.*):')
    say('')
    for (const [name, value] of Object.entries(outputs)) {
      if (name === 'results-json') continue
      say(`     ${name.padEnd(16)} ${value === '' ? '(empty)' : value}`)
    }
    say(
      `     ${'results-json'.padEnd(16)} (the results document, ${outputs['results-json']?.length ?? 0} characters of JSON; see README)`
    )
    say('')
    say('4. Job summary (GITHUB_STEP_SUMMARY, rendered as Markdown on the run page):')
    say('')
    for (const line of (await readFile(summaryFile, 'utf8')).trimEnd().split('\n'))
      say(`     ${line}`)
    say('')
    if (!outputs.status) {
      say('The action did not report a status: something is wrong with the build.')
      return 1
    }
    say(
      outputs.status === 'failed'
        ? 'The step failed, as it should: a flow in the demo fixture fails on purpose, and the kit is strict.'
        : `The run ended with status ${outputs.status}.`
    )
    await demoEphemeral({ entry, actionYml, work, say })
    await demoLocalFlows(say, io)
    say(
      'Next: add the step to a workflow (README, "Quickstart"), or try the CLI against `echopoint-ci sandbox`.'
    )
    return 0
  } finally {
    await sandbox.close()
    await rm(work, { recursive: true, force: true })
  }
}

/** The example flow files, beside the package (examples/flows), when they are there. */
export function exampleFlowsDir(): string {
  const cliDir = dirname(fileURLToPath(import.meta.url))
  return [cliDir, '..', '..', 'examples', 'flows'].join(sep)
}

/**
 * Step 5: the same action with `runner: ephemeral`, against a service the demo
 * starts on localhost: each execution is claimed and run in this job.
 */
async function demoEphemeral(run: Omit<ActionRun, 'outputFile' | 'summaryFile'>): Promise<void> {
  const dir = exampleFlowsDir()
  if (!LOCAL_FLOWS.every((f) => existsSync([dir, f.file].join(sep)))) return
  const { say, work } = run
  const service = await startDemoService()
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined
  try {
    sandbox = await startSandbox({ port: 0, fixtures: localServiceFixtures(service.url, dir) })
    const outputFile = join(work, 'github_output_ephemeral')
    const summaryFile = join(work, 'step_summary_ephemeral.md')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    say('')
    say('5. The ephemeral runner: flows that test a service this job started')
    say('')
    say(`   A small REST service is listening at ${service.url} (as \`npm start &\` would in a`)
    say("   workflow). Echopoint's cloud cannot reach localhost, so the step claims each")
    say("   execution and runs it here with the kit's flow engine, then reports it:")
    say('')
    say('     - uses: echopoint/echopoint-ci@v1')
    say('       with:')
    say('         api-key: ${{ secrets.ECHOPOINT_API_KEY }}')
    say('         organization-id: ${{ vars.ECHOPOINT_ORGANIZATION_ID }}')
    say('         tags: local')
    say('         runner: ephemeral')
    say('')
    say('   ┌─ action log')
    const exitCode = await runBundledAction(
      { ...run, outputFile, summaryFile },
      {
        'api-key': LOCAL_KEY,
        'organization-id': LOCAL_ORG,
        'api-url': sandbox.url,
        tags: 'local',
        runner: 'ephemeral'
      }
    )
    say(`   └─ the step ${exitCode === 0 ? 'passed' : 'failed'} (exit code ${exitCode})`)
    const outputs = parseGithubOutput(await readFile(outputFile, 'utf8'))
    say(
      `   Outputs: status ${outputs.status ?? '(none)'}, ${outputs.passed ?? '?'} of ${outputs.total ?? '?'} passed. The service saw ${service.requests.length} requests from the flows, the cleanup DELETEs included.`
    )
    say('')
  } finally {
    await sandbox?.close()
    await service.close()
  }
}

/** Step 6: flow files run on this machine by the flow engine, against a tiny local service. */
async function demoLocalFlows(say: (text: string) => void, io: CliIo): Promise<void> {
  const dir = exampleFlowsDir()
  const files = ['widgets-crud.json', 'failing-on-purpose.json'].map((f) => [dir, f].join(sep))
  if (!files.every((f) => existsSync(f))) return
  const service = await startDemoService()
  try {
    say('6. Flow files run on this machine (echopoint-ci flow run), against a small service')
    say(`   the demo started at ${service.url}: no account, no API, the service is on localhost.`)
    for (const file of files) {
      say('')
      say(
        `   $ echopoint-ci flow run examples/flows/${basename(file)} --input baseUrl=${service.url}`
      )
      const indent = (text: string): void => {
        for (const line of text.split('\n')) say(`     ${line}`)
      }
      const code = await flowRunCommand(
        file,
        { input: [`baseUrl=${service.url}`] },
        { env: { ...io.env, CI: 'true' }, stdout: indent, stderr: indent, signal: io.signal }
      )
      say(`     (exit code ${code})`)
    }
    say('')
  } finally {
    await service.close()
  }
}

export function demoCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('demo')
    .description(
      'Run the bundled action end to end against the built-in sandbox, and show its log, outputs and job summary'
    )
    .addOption(
      optionWithDefault('--tags <tags>', 'tags to select in the demo fixture', 'smoke, regression')
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ npx echopoint-ci demo\n  $ npx echopoint-ci demo --tags smoke'
    )
    .action(async (flags: DemoFlags) => {
      setExit(await demoCommand(flags, io))
    })
}
