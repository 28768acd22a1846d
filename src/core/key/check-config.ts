/**
 * The key-expiry check's inputs (docs/interface.md section 2) turned into a validated
 * config. The action and `echopoint-ci check-key` both call resolveKeyCheckConfig,
 * so the rules and the messages naming the bad input are the same in both.
 */
import { ConfigError } from '../errors.js'
import { resolveCredentials, type CredentialNames, type Credentials } from '../credentials.js'
import { CONTROL_CHARS, present, splitList } from '../input-values.js'
import type { Surface } from '../surface.js'

export const DEFAULT_WARN_DAYS = 14
export const DEFAULT_FAIL_DAYS = 3
export const DEFAULT_REQUIRED_SCOPES: readonly string[] = ['flows:execute']

/** Scopes are `resource:action` (docs/api-contract.md part A, Authentication). */
const SCOPE_PATTERN = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/

/** Raw values as the user wrote them; undefined or empty means "not set". */
export interface RawKeyCheckInputs {
  apiKey?: string
  organizationId?: string
  apiUrl?: string
  warnDays?: string
  failDays?: string
  expiresAt?: string
  requiredScopes?: string
}

export type KeyCheckInputNames = Record<keyof RawKeyCheckInputs, string>

export const KEY_CHECK_ACTION_INPUT_NAMES: KeyCheckInputNames = {
  apiKey: 'api-key',
  organizationId: 'organization-id',
  apiUrl: 'api-url',
  warnDays: 'warn-days',
  failDays: 'fail-days',
  expiresAt: 'expires-at',
  requiredScopes: 'required-scopes'
}

export interface KeyCheckConfig extends Credentials {
  /** Warn (and pass) when fewer than this many whole days are left. */
  warnDays: number
  /** Fail when fewer than this many whole days are left, or the key has expired. */
  failDays: number
  /** The `expires-at` input, normalised to RFC 3339 UTC; used when the API does not say. */
  expiresAtInput?: string
  requiredScopes: string[]
  /** How the user called each setting, for messages (`fail-days` vs `--fail-days`). */
  names: KeyCheckInputNames
  /** The front door in use, for hints that say how to change a setting. */
  surface: Surface
}

function parseDays(name: string, text: string | undefined, fallback: number): number {
  const value = present(text)
  if (value === undefined) return fallback
  if (!/^\d{1,5}$/.test(value)) {
    throw new ConfigError(
      name,
      `"${value.slice(0, 40)}" is not a whole number of days`,
      'Use a whole number of days, 0 or more, for example 14.'
    )
  }
  return Number(value)
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/

/**
 * Parses an expiry date as a user writes it: an RFC 3339 date-time with a time
 * zone (`2026-03-31T12:00:00Z`) or a plain date (`2026-03-31`, read as midnight
 * UTC, the start of that day, so the check never reports more time than there
 * is). Returns it as RFC 3339 UTC. Throws ConfigError naming the input.
 */
export function parseExpiresAt(name: string, text: string): string {
  const value = text.trim()
  const match = DATE_ONLY.exec(value) ?? DATE_TIME.exec(value)
  if (match) {
    const [year, month, day] = match.slice(1, 4).map(Number)
    // Date.parse rolls 2026-02-30 over to March 2: refuse a day the calendar does not have.
    const calendar = new Date(Date.UTC(year, month - 1, day))
    const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value)
    if (
      calendar.getUTCMonth() === month - 1 &&
      calendar.getUTCDate() === day &&
      Number.isFinite(ms)
    ) {
      return new Date(ms).toISOString()
    }
  }
  throw new ConfigError(
    name,
    `"${value.slice(0, 40)}" is not a date`,
    'Use the date the key expires, as shown in Echopoint: 2026-03-31 or 2026-03-31T12:00:00Z.'
  )
}

/**
 * Validates every input of the key-expiry check. Throws ConfigError naming the
 * first bad input (by the name the user wrote) and what to do about it.
 */
export function resolveKeyCheckConfig(
  raw: RawKeyCheckInputs,
  names: KeyCheckInputNames = KEY_CHECK_ACTION_INPUT_NAMES,
  surface: Surface = 'action'
): KeyCheckConfig {
  const credentials = resolveCredentials(raw, names as CredentialNames, { surface })
  const warnDays = parseDays(names.warnDays, raw.warnDays, DEFAULT_WARN_DAYS)
  const failDays = parseDays(names.failDays, raw.failDays, DEFAULT_FAIL_DAYS)
  if (failDays > warnDays) {
    throw new ConfigError(
      names.failDays,
      `${failDays} is greater than ${names.warnDays} (${warnDays})`,
      surface === 'cli'
        ? `The check warns first and fails later: give ${names.failDays} at most ${names.warnDays}, for example ${names.warnDays} 14 ${names.failDays} 3.`
        : `The check warns first and fails later: set ${names.failDays} to at most ${names.warnDays}, for example ${names.warnDays}: 14 and ${names.failDays}: 3.`
    )
  }
  const expiresAtText = present(raw.expiresAt)
  const expiresAtInput =
    expiresAtText === undefined ? undefined : parseExpiresAt(names.expiresAt, expiresAtText)

  const scopes = splitList(raw.requiredScopes)
  for (const scope of scopes) {
    if (CONTROL_CHARS.test(scope) || !SCOPE_PATTERN.test(scope)) {
      throw new ConfigError(
        names.requiredScopes,
        `"${scope.slice(0, 40)}" is not a scope`,
        'Scopes look like resource:action, comma-separated, for example flows:execute, flows:read.'
      )
    }
  }
  return {
    ...credentials,
    warnDays,
    failDays,
    expiresAtInput,
    requiredScopes: scopes.length > 0 ? scopes : [...DEFAULT_REQUIRED_SCOPES],
    names,
    surface
  }
}
