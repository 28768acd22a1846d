/**
 * `echopoint-ci check-key`: the key-expiry check of the check-key action, for any
 * CI system's scheduled job and for people at a terminal. The same core
 * (src/core/key/check.ts); no reminder issue (that is the GitHub action's job).
 *
 * Exit codes: 0 ok, expiring (fewer than --warn-days left), never expiring, or
 * unknown expiry; 3 invalid (401), expired, fewer than --fail-days left, missing
 * --required-scopes, a key of another organization, a usage error, or an API
 * error that stopped the check.
 */
import { Command } from 'commander'
import { systemClock } from '../../core/clock.js'
import { toEchopointError } from '../../core/errors.js'
import { oneLine } from '../../core/report/escape.js'
import {
  checkKey,
  expiryDate,
  expirySourceLabel,
  failedCheckResult,
  type KeyCheckResult
} from '../../core/key/check.js'
import {
  DEFAULT_FAIL_DAYS,
  DEFAULT_REQUIRED_SCOPES,
  DEFAULT_WARN_DAYS,
  resolveKeyCheckConfig,
  type KeyCheckConfig,
  type KeyCheckInputNames,
  type RawKeyCheckInputs
} from '../../core/key/check-config.js'
import { CLI_ROTATION_STEPS } from '../../core/key/rotation.js'
import { VERSION } from '../../core/version.js'
import {
  CLI_CREDENTIAL_NAMES,
  type CliIo,
  credentialOptions,
  describeDefault,
  optionWithDefault,
  readCredentials
} from '../io.js'
import { createCliLogger } from '../logger.js'

export const CHECK_KEY_CLI_INPUT_NAMES: KeyCheckInputNames = {
  ...CLI_CREDENTIAL_NAMES,
  warnDays: '--warn-days',
  failDays: '--fail-days',
  expiresAt: '--expires-at',
  requiredScopes: '--required-scopes'
}

/** Exit codes of check-key (docs/interface.md section 3: 3 is auth, usage or API error). */
export const CHECK_KEY_EXIT = { passed: 0, failed: 3 } as const

/** The check's inputs as flags (commander's camelCase names are the raw inputs' own). */
interface CheckKeyFlags extends RawKeyCheckInputs {
  output: string
  verbose?: boolean
}

/** The `--output json` document: the action's outputs, plus whether the check passed. */
export function checkKeyDocument(result: KeyCheckResult): Record<string, unknown> {
  return {
    status: result.status,
    passed: result.passed,
    expires_at: result.expiresAt ?? null,
    expires_at_source: result.expiresAtSource ?? null,
    days_left: result.daysLeft ?? null,
    key_id: result.keyId ?? null,
    key_name: result.keyName ?? null,
    organization_id: result.keyOrganizationId ?? null,
    permissions: result.permissions,
    missing_scopes: result.missingScopes,
    messages: result.messages
  }
}

function renderText(result: KeyCheckResult, now: number): string {
  const rows: [string, string][] = [['status', result.status]]
  if (result.expiresAt === null) rows.push(['expires', 'never'])
  else if (result.expiresAt) rows.push(['expires', expiryDate(result.expiresAt, now)])
  else rows.push(['expires', 'unknown'])
  if (result.expiresAtSource)
    rows.push(['expiry from', expirySourceLabel(result.expiresAtSource, 'cli')])
  if (result.keyId) {
    rows.push([
      'key',
      `${result.keyId}${result.keyName ? ` (${oneLine(result.keyName, 100)})` : ''}`
    ])
  }
  if (result.keyOrganizationId) rows.push(['organization', result.keyOrganizationId])
  if (result.status !== 'invalid' && !result.error) {
    rows.push(['scopes', result.permissions.join(', ') || 'none'])
    rows.push(['missing scopes', result.missingScopes.join(', ') || 'none'])
  }
  const lines = rows.map(([k, v]) => `${k.padEnd(15)} ${v}`)
  if (result.reminder === 'open') {
    lines.push('', 'Rotate the key:')
    CLI_ROTATION_STEPS.forEach((step, i) => lines.push(`  ${i + 1}. ${step.replace(/`/g, '')}`))
  }
  lines.push('', `${result.passed ? 'PASS' : 'FAIL'}  ${result.headline}`)
  return lines.join('\n')
}

/** Runs the command; returns the exit code. */
export async function checkKeyCommand(flags: CheckKeyFlags, io: CliIo): Promise<number> {
  const logger = createCliLogger({
    verbose: flags.verbose === true,
    write: io.stderr,
    secrets: [readCredentials(flags, io.env).apiKey]
  })
  if (flags.output !== 'text' && flags.output !== 'json') {
    io.stderr(`error: Invalid --output: "${flags.output}" is not one of text, json.`)
    return CHECK_KEY_EXIT.failed
  }
  let config: KeyCheckConfig
  try {
    config = resolveKeyCheckConfig(
      {
        ...readCredentials(flags, io.env),
        warnDays: flags.warnDays,
        failDays: flags.failDays,
        expiresAt: flags.expiresAt,
        requiredScopes: flags.requiredScopes
      },
      CHECK_KEY_CLI_INPUT_NAMES,
      'cli'
    )
  } catch (err) {
    // A usage error: the one line that says what to fix, no report (nothing was checked).
    logger.error(toEchopointError(err).userMessage)
    return CHECK_KEY_EXIT.failed
  }
  let result: KeyCheckResult
  try {
    result = await checkKey(config, {
      clock: systemClock,
      logger,
      signal: io.signal,
      userAgent: `echopoint-ci-cli/${VERSION}`
    })
  } catch (err) {
    result = failedCheckResult(toEchopointError(err))
  }
  for (const message of result.messages) {
    if (message.level === 'info') logger.debug(message.text)
    else if (message.level === 'notice') io.stderr(`notice: ${oneLine(message.text, 4000)}`)
    else logger[message.level](message.text)
  }
  if (flags.output === 'json') io.stdout(JSON.stringify(checkKeyDocument(result), null, 2))
  else io.stdout(renderText(result, systemClock.now()))
  return result.passed ? CHECK_KEY_EXIT.passed : CHECK_KEY_EXIT.failed
}

export function checkKeyCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  const command = new Command('check-key')
    .description(
      'Check the API key: is it valid, when does it expire, does it have the scopes CI needs (for a scheduled job)'
    )
    .option(
      '--warn-days <n>',
      describeDefault(
        'warn (exit 0) when fewer than this many whole days are left',
        DEFAULT_WARN_DAYS
      )
    )
    .option(
      '--fail-days <n>',
      describeDefault(
        'fail (exit 3) when fewer than this many whole days are left, or expired; at most --warn-days',
        DEFAULT_FAIL_DAYS
      )
    )
    .option(
      '--expires-at <date>',
      'the expiry (2026-03-31 or RFC 3339), used only when the API does not report it'
    )
    .option(
      '--required-scopes <scopes>',
      describeDefault('comma-separated scopes the key must have', DEFAULT_REQUIRED_SCOPES.join(','))
    )
    .addOption(optionWithDefault('--output <format>', 'text or json on stdout', 'text'))
    .option(
      '-v, --verbose',
      'debug logging, including where the expiry came from (never shows the key)'
    )
  credentialOptions(command)
  command
    .addHelpText(
      'after',
      `
Examples:
  $ export ECHOPOINT_API_KEY=... ECHOPOINT_ORGANIZATION_ID=org_abc123
  $ echopoint-ci check-key
  $ echopoint-ci check-key --warn-days 30 --fail-days 7 --required-scopes flows:execute,flows:read
  $ echopoint-ci check-key --expires-at 2026-03-31 --output json

The expiry comes from, in order: expires_at of GET /api-keys/self, the
X-Api-Key-Expires-At response header, --expires-at.

Exit codes:
  0  ok, expiring (fewer than --warn-days left: a warning), never expires (a warning), or expiry unknown (a notice)
  3  invalid (HTTP 401: wrong, revoked or expired), expired, fewer than --fail-days left,
     a missing --required-scopes scope, a key of another organization, a usage or API error`
    )
    .action(async (flags: CheckKeyFlags) => {
      setExit(await checkKeyCommand(flags, io))
    })
  return command
}
