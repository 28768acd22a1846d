/**
 * The CLI: `echopoint-ci run | check-key | whoami | sandbox | demo | demo-service | flow`. Builds the command tree, maps
 * usage errors to exit code 3, and turns SIGINT/SIGTERM into an abort signal so
 * `run` can cancel what it launched and still write its reports.
 */
import { Command, CommanderError } from 'commander'
import { VERSION } from '../core/version.js'
import { toEchopointError } from '../core/errors.js'
import { cliOutput, commandLineSecrets, USAGE_HINT, type CliIo } from './io.js'
import { createRedactor } from '../core/redact.js'

type Definition = (io: CliIo, setExit: (code: number) => void) => Command

/**
 * Each command's module, loaded only when that command runs (or for the full
 * help): `flow run` does not pay for the API client, the sandbox or the
 * toolkit, and `run` does not pay for the flow engine.
 */
const COMMANDS: Record<string, () => Promise<Definition>> = {
  run: async () => (await import('./commands/run.js')).runCommandDefinition,
  'check-key': async () => (await import('./commands/check-key.js')).checkKeyCommandDefinition,
  whoami: async () => (await import('./commands/whoami.js')).whoamiCommandDefinition,
  sandbox: async () => (await import('./commands/sandbox.js')).sandboxCommandDefinition,
  demo: async () => (await import('./commands/demo.js')).demoCommandDefinition,
  'demo-service': async () =>
    (await import('./commands/demo-service.js')).demoServiceCommandDefinition,
  flow: async () => (await import('./commands/flow.js')).flowCommandDefinition
}

/** Exit code for usage errors (docs/interface.md section 3). */
export const USAGE_EXIT_CODE = 3

/**
 * The command tree: only `only` when given (the command being run), else every
 * command (for the top-level help and for unknown commands' suggestions).
 */
export async function buildProgram(
  io: CliIo,
  setExit: (code: number) => void,
  only?: string
): Promise<Command> {
  const program = new Command('echopoint-ci')
    .description('Run Echopoint flows (API test scenarios) from any CI system or a terminal')
    .version(VERSION, '-V, --version')
    .showHelpAfterError(USAGE_HINT)
    .configureOutput(cliOutput(io))
    .exitOverride()
  const names =
    only === '--version' || only === '-V'
      ? []
      : only !== undefined && only in COMMANDS
        ? [only]
        : Object.keys(COMMANDS)
  const definitions = await Promise.all(names.map((name) => COMMANDS[name]()))
  for (const command of definitions.map((define) => define(io, setExit))) {
    program.addCommand(
      command.exitOverride().showHelpAfterError(USAGE_HINT).configureOutput(cliOutput(io))
    )
  }
  program.addHelpText(
    'after',
    `
Examples:
  $ echopoint-ci run --tag smoke
  $ echopoint-ci check-key --warn-days 14 --fail-days 3
  $ echopoint-ci whoami
  $ echopoint-ci sandbox
  $ echopoint-ci demo
  $ echopoint-ci flow validate flows/*.json

Credentials come from ECHOPOINT_API_KEY, ECHOPOINT_ORGANIZATION_ID and ECHOPOINT_API_URL (flags override them).`
  )
  return program
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], given: CliIo): Promise<number> {
  // Any epk_… token as well: no line on stderr shows a key, whatever printed it.
  const redact = createRedactor(commandLineSecrets(given.env, argv))
  const io: CliIo = { ...given, stderr: (text) => given.stderr(redact(text)) }
  let exitCode = 0
  const program = await buildProgram(
    io,
    (code) => {
      exitCode = code
    },
    argv[0]
  )
  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; everything else is a usage error.
      return err.exitCode === 0 ? 0 : USAGE_EXIT_CODE
    }
    io.stderr(`error: ${toEchopointError(err).userMessage}`)
    return USAGE_EXIT_CODE
  }
  return exitCode
}
