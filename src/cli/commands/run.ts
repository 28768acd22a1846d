/** `echopoint-ci run`: the same core as the action, with exit codes for any CI system. */
import { Command } from 'commander'
import { detectCiContext, newInvocationId } from '../../core/ci-context.js'
import { systemClock } from '../../core/clock.js'
import {
  DEFAULT_MAX_PARALLEL,
  DEFAULT_TIMEOUT,
  resolveRunConfig,
  type InputNames,
  type RawRunInputs,
  type RunConfig
} from '../../core/run/config.js'
import { toEchopointError } from '../../core/errors.js'
import { EXIT_CODES } from '../../core/run/results.js'
import { outcomeOfError, runFlows, type RunOutcome } from '../../core/run/run.js'
import { VERSION } from '../../core/version.js'
import { junitTarget, writeJunit } from '../../core/report/write-reports.js'
import { createRedactor } from '../../core/redact.js'
import { inertText, oneLine } from '../../core/report/escape.js'
import { createCliLogger } from '../logger.js'
import { LiveProgress, wantsLiveProgress, type ProgressStream } from '../progress.js'
import { renderTable } from '../../core/report/table.js'
import {
  CLI_CREDENTIAL_NAMES,
  type CliIo,
  credentialOptions,
  describeDefault,
  optionWithDefault,
  readCredentials
} from '../io.js'

/** What `run` writes to; `progress` is where live progress may be drawn (default: process.stderr). */
export interface RunIo extends CliIo {
  progress?: ProgressStream
}

export const CLI_INPUT_NAMES: InputNames = {
  ...CLI_CREDENTIAL_NAMES,
  flowIds: 'FLOW_ID',
  tags: '--tag',
  matchMode: '--match-mode',
  environment: '--environment',
  versionId: '--version-id',
  runner: '--runner',
  timeout: '--timeout',
  pollInterval: '--poll-interval',
  maxParallel: '--max-parallel',
  idempotencyKey: '--idempotency-key',
  failOnEmpty: '--allow-empty',
  cancelOnAbort: '--no-cancel-on-abort',
  failFast: '--fail-fast',
  junitPath: '--junit',
  jobSummary: 'job-summary',
  shard: '--shard'
}

/** The run's inputs as flags (the raw inputs' own names), plus what only the CLI has. */
interface RunFlags extends Pick<
  RawRunInputs,
  | 'apiKey'
  | 'organizationId'
  | 'apiUrl'
  | 'matchMode'
  | 'environment'
  | 'versionId'
  | 'runner'
  | 'timeout'
  | 'pollInterval'
  | 'maxParallel'
  | 'idempotencyKey'
  | 'shard'
> {
  /** Absent when no --tag is given. */
  tag?: string[]
  output: string
  junit?: string
  allowEmpty?: boolean
  cancelOnAbort: boolean
  failFast?: boolean
  verbose?: boolean
}

/** Runs the command; returns the exit code. */
export async function runCommand(flowIds: string[], flags: RunFlags, io: RunIo): Promise<number> {
  if (flags.output !== 'table' && flags.output !== 'json') {
    io.stderr(`error: Invalid --output: "${flags.output}" is not one of table, json.`)
    return EXIT_CODES.error
  }
  // At a terminal, live progress owns stderr: log lines go above its block.
  const stream = io.progress ?? process.stderr
  const live = wantsLiveProgress(stream, io.env)
    ? new LiveProgress({ stream, color: io.env.NO_COLOR === undefined })
    : undefined
  // Secrets learned during the run (a claimed job's secret inputs) are hidden in the output too.
  const learned: string[] = []
  const logger = createCliLogger({
    verbose: flags.verbose === true,
    secrets: [readCredentials(flags, io.env).apiKey],
    write: live ? (line) => live.log(line) : io.stderr,
    onProtect: (secret) => learned.push(secret)
  })
  const onInterrupt = (): void =>
    logger.info(
      flags.cancelOnAbort
        ? 'Interrupted: stopping, and cancelling the executions this run launched'
        : 'Interrupted: stopping (executions keep running: --no-cancel-on-abort)'
    )
  io.signal?.addEventListener('abort', onInterrupt, { once: true })
  try {
    return await runAndReport(flowIds, flags, io, logger, live, learned)
  } finally {
    live?.stop()
    io.signal?.removeEventListener('abort', onInterrupt)
  }
}

async function runAndReport(
  flowIds: string[],
  flags: RunFlags,
  io: RunIo,
  logger: ReturnType<typeof createCliLogger>,
  live: LiveProgress | undefined,
  learned: readonly string[]
): Promise<number> {
  const creds = readCredentials(flags, io.env)
  let config: RunConfig | undefined
  let outcome: RunOutcome
  try {
    config = resolveRunConfig(
      {
        ...creds,
        flowIds,
        tags: flags.tag,
        matchMode: flags.matchMode,
        environment: flags.environment,
        versionId: flags.versionId,
        runner: flags.runner,
        timeout: flags.timeout,
        pollInterval: flags.pollInterval,
        maxParallel: flags.maxParallel,
        idempotencyKey: flags.idempotencyKey,
        failOnEmpty: flags.allowEmpty !== true,
        cancelOnAbort: flags.cancelOnAbort,
        failFast: flags.failFast,
        junitPath: flags.junit,
        jobSummary: false,
        shard: flags.shard
      },
      CLI_INPUT_NAMES,
      'cli'
    )
    outcome = await runFlows(config, {
      clock: systemClock,
      logger,
      ci: detectCiContext(io.env),
      invocationId: newInvocationId(),
      signal: io.signal,
      userAgent: `echopoint-ci-cli/${VERSION}`,
      onProgress: live ? (flows) => live.update(flows) : undefined
    })
  } catch (err) {
    outcome = outcomeOfError(toEchopointError(err))
  }
  // Written even when the options did not validate: a report step then shows the error.
  await writeJunit(junitTarget(config, flags.junit), outcome, logger)
  live?.stop()
  // A run that stopped before any flow: the reason on stderr (stdout keeps only the result).
  const stoppedEarly = outcome.error !== undefined && outcome.results.flows.length === 0
  // The core redacts what the API sends; this is the last line of defence before a person reads it.
  const redact = createRedactor([...(creds.apiKey ? [creds.apiKey] : []), ...learned])
  if (stoppedEarly) io.stderr(redact(`error: ${oneLine(outcome.error?.userMessage ?? '', 4000)}`))
  // A usage error (the options did not validate, nothing was sent): only that one line.
  if (config === undefined) return EXIT_CODES[outcome.results.status]
  // `##[` can only be inside a JSON string: \u0023 keeps the document equal and the runner blind.
  if (flags.output === 'json') {
    io.stdout(redact(JSON.stringify(outcome.results, null, 2)).replace(/##\[/g, '#\\u0023['))
  } else if (!stoppedEarly) io.stdout(inertText(redact(renderTable(outcome))))
  return EXIT_CODES[outcome.results.status]
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

export function runCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('run')
    .description(
      'Launch Echopoint flows by ID or by tag, follow them to the end, and exit with the verdict'
    )
    .argument('[FLOW_ID...]', 'flow IDs to run (or select by --tag)')
    .option(
      '--tag <tag>',
      'run flows with this tag (repeatable; comma-separated also works)',
      collect
    )
    .option(
      '--match-mode <mode>',
      describeDefault('any (a flow with at least one tag) or all (every tag)', 'any')
    )
    .option('--environment <key>', 'environment_key for the launch')
    .option('--version-id <id>', 'run a published version of the flow')
    .option(
      '--runner <runner>',
      describeDefault(
        'where flows run: cloud, ephemeral (claimed and run on this machine) or self_hosted',
        'cloud'
      )
    )
    .option(
      '--timeout <duration>',
      describeDefault('overall deadline: 900, 90s, 15m, 1h', DEFAULT_TIMEOUT)
    )
    .option(
      '--poll-interval <seconds>',
      describeDefault('seconds between status polls, or auto', 'auto')
    )
    .option('--max-parallel <n>', describeDefault('launches at once', DEFAULT_MAX_PARALLEL))
    .option(
      '--idempotency-key <key>',
      describeDefault('idempotency key for the launches', 'derived from the CI run and the flow')
    )
    .option('--shard <i/n>', 'run only the i-th of n deterministic slices of the selection')
    .addOption(
      optionWithDefault(
        '--output <format>',
        'table or json (the results document) on stdout',
        'table'
      )
    )
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option('--allow-empty', 'pass when the selection matches no flow, which otherwise fails')
    .option(
      '--no-cancel-on-abort',
      'leave executions running when interrupted instead of cancelling them'
    )
    .option(
      '--fail-fast',
      'stop at the first flow that does not pass: cancel the running executions, launch no more'
    )
    .option('-v, --verbose', 'debug logging (never shows the key)')
  credentialOptions(command)
  command
    .addHelpText(
      'after',
      `
Examples:
  $ export ECHOPOINT_API_KEY=... ECHOPOINT_ORGANIZATION_ID=org_abc123
  $ echopoint-ci run --tag smoke
  $ echopoint-ci run --tag regression --tag checkout --match-mode all --junit reports/echopoint.xml
  $ echopoint-ci run 3f1c7a52-0b7e-4a55-9d8e-2b1f7c0e9a11 --timeout 10m --output json

Exit codes: 0 all passed, 1 a flow failed, 2 cancelled, 3 usage, auth, API or contract error, 4 timeout.`
    )
    .action(async (ids: string[], flags: RunFlags) => {
      setExit(await runCommand(ids, flags, io))
    })
  return command
}
