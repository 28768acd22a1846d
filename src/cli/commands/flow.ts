/**
 * `echopoint-ci flow …`: flow definition files on this machine, no account
 * needed. `flow validate FILE...` checks each file as the engine would before a
 * run (src/engine/load.ts) and names every problem (node and field); exit 3 when
 * any file is invalid.
 */
import { readFile } from 'node:fs/promises'
import { Command } from 'commander'
import { inertLine } from '../../core/report/escape.js'
import type { CliIo } from '../io.js'

/** The engine, loaded only by the flow commands (its JSONPath and RE2 libraries cost ~40 ms to load). */
const engine = () => import('../../engine/load.js')

/** Largest flow file read (a flow of thousands of nodes is far smaller). */
export const MAX_FLOW_FILE_BYTES = 16 * 1024 * 1024

async function readFlowFile(path: string): Promise<{ json?: unknown; error?: string }> {
  let text: string
  try {
    const buffer = await readFile(path)
    if (buffer.length > MAX_FLOW_FILE_BYTES) {
      return { error: `it is larger than ${MAX_FLOW_FILE_BYTES / 1024 / 1024} MiB` }
    }
    text = buffer.toString('utf8')
  } catch (err) {
    const code = (err as { code?: string }).code
    return {
      error: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(err)})`
    }
  }
  try {
    return { json: JSON.parse(text) as unknown }
  } catch (err) {
    return { error: `is not JSON (${(err as Error).message})` }
  }
}

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
    .configureOutput({
      writeOut: (text) => io.stdout(text.replace(/\n$/, '')),
      writeErr: (text) => io.stderr(text.replace(/\n$/, ''))
    })
  flow
    .command('validate')
    .description('Check flow files without running them; exit 3 naming every problem (node, field)')
    .argument('<FILE...>', 'flow definition files (Echopoint JSON)')
    .action(async (files: string[]) => {
      setExit(await flowValidateCommand(files, io))
    })
  return flow
}
