/**
 * `echopoint-ci whoami`: the key's id, name, organization, scopes and expiry, and
 * for each CI mode (docs/api-contract.md part B) whether this key can run it. Only
 * `GET /api-keys/self` is called, so the organization ID is optional; when it
 * is given and differs from the key's, a warning says so.
 */
import { Command } from 'commander'
import { createClient } from '../../core/api/client.js'
import { systemClock } from '../../core/clock.js'
import { resolveCredentials } from '../../core/credentials.js'
import { toEchopointError } from '../../core/errors.js'
import { expiryDate, expirySourceLabel } from '../../core/key/check.js'
import { whoami, type KeyReport } from '../../core/key/whoami.js'
import { oneLine } from '../../core/report/escape.js'
import { VERSION } from '../../core/version.js'
import {
  CLI_CREDENTIAL_NAMES,
  type CliIo,
  credentialOptions,
  optionWithDefault,
  readCredentials
} from '../io.js'
import { createCliLogger } from '../logger.js'

interface WhoamiFlags {
  apiKey?: string
  organizationId?: string
  apiUrl?: string
  output: string
  verbose?: boolean
}

function expiryText(report: KeyReport, now: number): string {
  if (report.never_expires) return 'never (create keys with an expiration date)'
  if (report.expires_at === null) {
    return 'unknown (the API does not report it; check-key accepts --expires-at)'
  }
  const source = report.expires_at_source
    ? `; from ${expirySourceLabel(report.expires_at_source, 'cli')}`
    : ''
  return `${expiryDate(report.expires_at, now)}${source}`
}

/** The text rendering: the key, then one line per CI mode. */
export function renderWhoami(report: KeyReport, now: number): string {
  const rows: [string, string][] = [
    ['Key', `${report.key_id}${report.key_name ? ` (${oneLine(report.key_name, 100)})` : ''}`],
    ['Organization', report.organization_id],
    ['Scopes', report.permissions.join(', ') || 'none'],
    ['Expires', expiryText(report, now)]
  ]
  const lines = rows.map(([k, v]) => `${k.padEnd(13)} ${v}`)
  const width = Math.max(...report.modes.map((m) => m.label.length))
  lines.push('', `${'CI mode'.padEnd(width)}  can run`)
  for (const mode of report.modes) {
    const answer = mode.can_run ? 'yes' : `no (lacks ${mode.missing_scopes.join(', ')})`
    lines.push(`${mode.label.padEnd(width)}  ${answer}`)
  }
  return lines.join('\n')
}

/** Runs the command; returns the exit code (0, or 3 for an invalid key, usage or API error). */
export async function whoamiCommand(flags: WhoamiFlags, io: CliIo): Promise<number> {
  const logger = createCliLogger({
    verbose: flags.verbose === true,
    write: io.stderr,
    secrets: [readCredentials(flags, io.env).apiKey]
  })
  if (flags.output !== 'text' && flags.output !== 'json') {
    io.stderr(`error: Invalid --output: "${flags.output}" is not one of text, json.`)
    return 3
  }
  let report: KeyReport
  let organizationId: string
  try {
    const credentials = resolveCredentials(readCredentials(flags, io.env), CLI_CREDENTIAL_NAMES, {
      organizationRequired: false,
      surface: 'cli'
    })
    organizationId = credentials.organizationId
    const api = createClient({
      ...credentials,
      clock: systemClock,
      logger,
      userAgent: `echopoint-ci-cli/${VERSION}`,
      names: CLI_CREDENTIAL_NAMES
    })
    report = await whoami(api, systemClock.now, io.signal, 'cli')
  } catch (err) {
    io.stderr(`error: ${toEchopointError(err).userMessage}`)
    return 3
  }
  if (organizationId !== '' && organizationId !== report.organization_id) {
    logger.warning(
      `The API key belongs to organization ${report.organization_id}, but the organization ID given is ${organizationId}: runs with both would fail.`
    )
  }
  if (flags.output === 'json') io.stdout(JSON.stringify(report, null, 2))
  else io.stdout(renderWhoami(report, systemClock.now()))
  return 0
}

export function whoamiCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('whoami')
    .description(
      "Show the API key's id, name, organization, scopes and expiry, and which CI modes it can run"
    )
    .addOption(optionWithDefault('--output <format>', 'text or json on stdout', 'text'))
    .option('-v, --verbose', 'debug logging (never shows the key)')
  credentialOptions(command)
  command
    .addHelpText(
      'after',
      `
Examples:
  $ export ECHOPOINT_API_KEY=...
  $ echopoint-ci whoami
  $ echopoint-ci whoami --output json | jq '.modes[] | select(.can_run | not) | .label'

Exit codes: 0 the key answered, 3 invalid key (HTTP 401), usage or API error.`
    )
    .action(async (flags: WhoamiFlags) => {
      setExit(await whoamiCommand(flags, io))
    })
  return command
}
