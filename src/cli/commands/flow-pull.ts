/**
 * `echopoint-ci flow pull FLOW_ID [--out FILE]`: saves a flow's definition from
 * the API (identity-checked, the key redacted), to run or edit it locally.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createClient } from '../../core/api/client.js'
import { systemClock } from '../../core/clock.js'
import { resolveCredentials } from '../../core/credentials.js'
import { ConfigError, toEchopointError } from '../../core/errors.js'
import { printable, usablePath } from '../../core/input-values.js'
import { createRedactor } from '../../core/redact.js'
import { inertLine } from '../../core/report/escape.js'
import { UUID_PATTERN } from '../../core/run/config.js'
import { VERSION } from '../../core/version.js'
import { CLI_CREDENTIAL_NAMES, readCredentials, type CliIo, type CredentialFlags } from '../io.js'
import { createCliLogger } from '../logger.js'

export interface PullFlags extends CredentialFlags {
  out?: string
  verbose?: boolean
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
    const credentials = resolveCredentials(given, CLI_CREDENTIAL_NAMES, { surface: 'cli' })
    const api = createClient({
      ...credentials,
      clock: systemClock,
      logger,
      userAgent: `echopoint-ci-cli/${VERSION}`,
      names: CLI_CREDENTIAL_NAMES
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
