/**
 * `echopoint-ci flow …`: flow definition files on this machine, no account
 * needed. `flow validate FILE...` checks each file as the engine would before a
 * run (src/engine/load.ts) and names every problem (node and field); exit 3 when
 * any file is invalid. `flow pull FLOW_ID [--out FILE]` saves a flow's
 * definition from the API, to run or edit it locally.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { Command } from 'commander'
import { createClient } from '../../core/api/client.js'
import { systemClock } from '../../core/clock.js'
import { resolveCredentials } from '../../core/credentials.js'
import { ConfigError, toEchopointError } from '../../core/errors.js'
import { printable, usablePath } from '../../core/input-values.js'
import { createRedactor } from '../../core/redact.js'
import { UUID_PATTERN } from '../../core/run/config.js'
import { VERSION } from '../../core/version.js'
import { createCliLogger } from '../logger.js'
import { credentialOptions, readCredentials, type CredentialFlags } from '../io.js'
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

interface PullFlags extends CredentialFlags {
  out?: string
  verbose?: boolean
}

const PULL_NAMES = {
  apiKey: '--api-key (or ECHOPOINT_API_KEY)',
  organizationId: '--organization-id (or ECHOPOINT_ORGANIZATION_ID)',
  apiUrl: '--api-url (or ECHOPOINT_API_URL)'
}

/** Saves one flow's definition to `--out` (or prints it); returns the exit code (0, or 3). */
export async function flowPullCommand(
  flowId: string,
  flags: PullFlags,
  io: CliIo
): Promise<number> {
  const given = readCredentials(flags, io.env)
  const key = given.apiKey
  const logger = createCliLogger({
    verbose: flags.verbose === true,
    write: io.stderr,
    secrets: [key]
  })
  const redact = createRedactor(key ? [key] : [])
  try {
    if (!UUID_PATTERN.test(flowId)) {
      throw new ConfigError(
        'FLOW_ID',
        `"${printable(flowId, 80)}" is not a flow ID (flow IDs are UUIDs)`,
        "Copy the ID from the flow's page in Echopoint."
      )
    }
    const out = flags.out === undefined ? undefined : usablePath(flags.out)
    if (flags.out !== undefined && out === undefined) {
      throw new ConfigError(
        '--out',
        'it is empty or contains a control character',
        'Use a plain file path.'
      )
    }
    const credentials = resolveCredentials(given, PULL_NAMES)
    const api = createClient({
      ...credentials,
      clock: systemClock,
      logger,
      userAgent: `echopoint-ci-cli/${VERSION}`
    })
    const flow = await api.getFlowDefinition(flowId, { signal: io.signal })
    // A file that runs as is: the flow's name goes in when the definition lacks one.
    const definition = { name: flow.name, ...flow.definition }
    const json = `${JSON.stringify(definition, null, 2)}\n`
    if (out === undefined) {
      io.stdout(json.trimEnd())
      return 0
    }
    const path = resolve(out)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, json)
    logger.info(`Saved "${flow.name}" (${flow.id}) to ${path}`)
    return 0
  } catch (err) {
    io.stderr(inertLine(redact(`error: ${toEchopointError(err).userMessage}`)))
    return 3
  }
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
  const pull = flow
    .command('pull')
    .description("Save a flow's definition from the API, to run or edit it locally")
    .argument('<FLOW_ID>', 'the flow to save (a UUID)')
    .option('--out <file>', 'write the definition to this file (default: print it)')
    .option('-v, --verbose', 'debug logging (never shows the key)')
  credentialOptions(pull)
  pull.action(async (flowId: string, flags: PullFlags) => {
    setExit(await flowPullCommand(flowId, flags, io))
  })
  return flow
}
