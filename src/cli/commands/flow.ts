/**
 * `echopoint-ci flow …`: flow definition files on this machine, no account
 * needed. `flow validate FILE...` checks each file as the engine would before a
 * run (src/engine/load.ts) and names every problem (node and field); exit 3 when
 * any file is invalid. `flow pull FLOW_ID [--out FILE]` saves a flow's
 * definition from the API, to run or edit it locally.
 */
import { Command } from 'commander'
import { inertLine } from '../../core/report/escape.js'
import {
  cliOutput,
  credentialOptions,
  describeDefault,
  optionWithDefault,
  USAGE_HINT,
  type CliIo,
  type CredentialFlags
} from '../io.js'
import type { FlowRunFlags } from './flow-run.js'
import { readFlowFile } from './flow-files.js'

/** The engine, loaded only by the flow commands (its JSONPath and RE2 libraries cost ~40 ms to load). */
const engine = () => import('../../engine/load.js')

/** Validates every file; returns the exit code (0 all valid, 3 any invalid). */
export async function flowValidateCommand(files: string[], io: CliIo): Promise<number> {
  let invalid = 0
  for (const file of files) {
    const read = await readFlowFile(file)
    if (read.error !== undefined) {
      invalid++
      io.stderr(inertLine(`error: ${file}: ${read.error}`))
      continue
    }
    const { flow, problems } = (await engine()).loadFlow(read.json)
    if (problems.length === 0) {
      io.stdout(
        inertLine(
          `${file}: valid ("${flow.name}", ${flow.nodes.length} node${flow.nodes.length === 1 ? '' : 's'})`
        )
      )
      continue
    }
    invalid++
    io.stderr(
      inertLine(
        `error: ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in "${flow.name}"`
      )
    )
    for (const p of problems) {
      io.stderr(inertLine(`- ${p.node ? `node ${p.node}, ` : ''}${p.field}: ${p.message}`))
    }
  }
  return invalid > 0 ? 3 : 0
}

export function flowCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  // Subcommands inherit these at creation: usage errors exit 3 through main's handler.
  const flow = new Command('flow')
    .description('Work with Echopoint flow definition files on this machine (no account needed)')
    .exitOverride()
    .showHelpAfterError(USAGE_HINT)
    .configureOutput(cliOutput(io))
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value]
  flow
    .command('run')
    .description('Run a flow definition file on this machine (no account, no API)')
    .argument('<FILE>', 'a flow definition file (Echopoint JSON)')
    .option(
      '--input <NAME=VALUE>',
      'set an input (VALUE read as JSON when it is JSON); repeatable',
      collect
    )
    .option(
      '--secret <NAME=VALUE>',
      'set an input whose value is hidden in everything printed; repeatable',
      collect
    )
    .option('--inputs-file <file>', 'a JSON object of input names to values')
    .option('--timeout <duration>', 'stop the run after this long (90s, 5m, 1h30m); exit 4')
    .addOption(
      optionWithDefault('--output <format>', 'table or json (the flow result) on stdout', 'table')
    )
    .option('--junit <file>', 'write a JUnit XML report')
    .action(async (file: string, flags: FlowRunFlags) => {
      const { flowRunCommand } = await import('./flow-run.js')
      setExit(await flowRunCommand(file, flags, io))
    })
  flow
    .command('validate')
    .description('Check flow files without running them; exit 3 naming every problem (node, field)')
    .argument('<FILE...>', 'flow definition files (Echopoint JSON)')
    .action(async (files: string[]) => {
      setExit(await flowValidateCommand(files, io))
    })
  const pull = flow
    .command('pull')
    .description("Save a flow's definition from the API, to run or edit it locally")
    .argument('<FLOW_ID>', 'the flow to save (a UUID)')
    .option('--out <file>', describeDefault('write the definition to this file', 'print it'))
    .option('-v, --verbose', 'debug logging (never shows the key)')
  credentialOptions(pull)
  pull.action(
    async (flowId: string, flags: CredentialFlags & { out?: string; verbose?: boolean }) => {
      const { flowPullCommand } = await import('./flow-pull.js')
      setExit(await flowPullCommand(flowId, flags, io))
    }
  )
  return flow
}
