/**
 * The CLI: `echopoint-ci run | check-key | whoami | sandbox | demo | flow`. Builds the command tree, maps
 * usage errors to exit code 3, and turns SIGINT/SIGTERM into an abort signal so
 * `run` can cancel what it launched and still write its reports.
 */
import { Command, CommanderError } from 'commander'
import { VERSION } from '../core/version.js'
import { toEchopointError } from '../core/errors.js'
import { checkKeyCommandDefinition } from './commands/check-key.js'
import { demoCommandDefinition } from './commands/demo.js'
import { flowCommandDefinition } from './commands/flow.js'
import { runCommandDefinition } from './commands/run.js'
import { sandboxCommandDefinition } from './commands/sandbox.js'
import { whoamiCommandDefinition } from './commands/whoami.js'
import type { CliIo } from './io.js'

/** Exit code for usage errors (interface.md section 3). */
export const USAGE_EXIT_CODE = 3

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('echopoint-ci')
    .description('Run Echopoint flows (API test scenarios) from any CI system or a terminal')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout(text.replace(/\n$/, '')),
      writeErr: (text) => io.stderr(text.replace(/\n$/, ''))
    })
    .exitOverride()
  for (const command of [
    runCommandDefinition(io, setExit),
    checkKeyCommandDefinition(io, setExit),
    whoamiCommandDefinition(io, setExit),
    sandboxCommandDefinition(io, setExit),
    demoCommandDefinition(io, setExit),
    flowCommandDefinition(io, setExit)
  ]) {
    program.addCommand(
      command.exitOverride().configureOutput({
        writeOut: (text) => io.stdout(text.replace(/\n$/, '')),
        writeErr: (text) => io.stderr(text.replace(/\n$/, ''))
      })
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
export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0
  const program = buildProgram(io, (code) => {
    exitCode = code
  })
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
