/**
 * The key-expiry check (docs/interface.md section 2), without GitHub: ask the API who
 * the key is, find its expiry, and decide.
 *
 * - Expiry from, in order: `expires_at` of `GET /api-keys/self`, the
 *   `X-Api-Key-Expires-At` response header (docs/api-contract.md part B.1), the
 *   `expires-at` input. The result says which one was used.
 * - `days-left` is whole days, rounded down (negative once expired). The key is
 *   `expiring` when fewer than `warn-days` whole days are left, and the check
 *   fails when fewer than `fail-days` are left or the key has expired; so
 *   `fail-days: 0` fails only once the key has expired.
 * - 401 is `invalid` (wrong, revoked or expired) and fails. A key that never
 *   expires passes with a warning; an unknown expiry passes with a notice.
 * - Missing `required-scopes`, or a key of another organization, fail.
 *
 * The adapters turn the result into outputs, annotations, a job summary, a
 * reminder issue (action) or an exit code (CLI).
 *
 * Over 300 lines on purpose: the check's whole decision (expiry source, days
 * left, scopes, messages) in one place.
 */
import { createClient } from '../api/client.js'
import type { EchopointApi } from '../api/api.js'
import type { Clock } from '../clock.js'
import { EchopointError, toEchopointError } from '../errors.js'
import type { KeyCheckConfig } from './check-config.js'
import { daysLeft as wholeDaysLeft, describeExpiry } from './expiry.js'
import type { Logger } from '../logger.js'
import {
  fetchKeyInfo,
  invalidKeyHint,
  INVALID_KEY_MESSAGE,
  type KeyInfo
} from '../run/preflight.js'
import { BUILT_IN_SCOPE_DESCRIPTIONS, missingScopes } from './scopes.js'
import { keyStore, type Surface } from '../surface.js'

export { describeExpiry, expiryDate } from './expiry.js'

export type KeyStatus = 'ok' | 'expiring' | 'expired' | 'invalid' | 'unknown'

/** Where the expiry came from. */
export type ExpirySource = 'api-keys/self' | 'header' | 'input'

export const EXPIRY_SOURCE_LABEL: Record<ExpirySource, string> = {
  'api-keys/self': 'the expires_at field of GET /api-keys/self',
  header: 'the X-Api-Key-Expires-At response header',
  input: 'the expires-at input'
}

/** Where the expiry came from, in the words of the front door in use (`--expires-at` for the CLI). */
export function expirySourceLabel(source: ExpirySource, surface: Surface = 'action'): string {
  return source === 'input' && surface === 'cli'
    ? 'the --expires-at flag'
    : EXPIRY_SOURCE_LABEL[source]
}

export interface KeyCheckMessage {
  level: 'error' | 'warning' | 'notice' | 'info'
  text: string
}

/** What to do with the reminder issue: keep one open, close it, or leave it as it is. */
export type ReminderAction = 'open' | 'close' | 'leave'

export interface KeyCheckResult {
  status: KeyStatus
  /** False when the step fails (exit code 3 for the CLI). */
  passed: boolean
  /** RFC 3339 UTC; null when the key never expires; undefined when unknown. */
  expiresAt: string | null | undefined
  expiresAtSource?: ExpirySource
  /** Whole days left, rounded down; negative once expired. */
  daysLeft?: number
  keyId?: string
  keyName?: string
  /** The organization the key belongs to, as the API says. */
  keyOrganizationId?: string
  permissions: string[]
  missingScopes: string[]
  /** One line: what the check found. */
  headline: string
  /** In the order they should be shown; `error` ones are why the check failed. */
  messages: KeyCheckMessage[]
  reminder: ReminderAction
  /** Set when the check could not complete for a reason other than a 401. */
  error?: EchopointError
}

/** The settings evaluateKey needs (a KeyCheckConfig has them all; the front door defaults to the action). */
export type KeyCheckRules = Pick<
  KeyCheckConfig,
  'organizationId' | 'warnDays' | 'failDays' | 'expiresAtInput' | 'requiredScopes' | 'names'
> &
  Partial<Pick<KeyCheckConfig, 'surface'>>

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** How to give the expiry when the API does not report it, in the words of the front door in use. */
function giveExpiry(name: string, surface: Surface): string {
  return surface === 'cli'
    ? `Pass ${name} with the date shown in Echopoint (Settings → API keys), for example ${name} 2026-03-31.`
    : `Set ${name} to the date shown in Echopoint (Settings → API keys), for example from a repository variable: gh variable set ECHOPOINT_API_KEY_EXPIRES_AT --body 2026-03-31, then ${name}: \${{ vars.ECHOPOINT_API_KEY_EXPIRES_AT }}.`
}

interface ResolvedExpiry {
  expiresAt: string | null | undefined
  source?: ExpirySource
  messages: KeyCheckMessage[]
}

/** Picks the expiry in the documented order and says which source was used. */
export function resolveExpiry(
  info: KeyInfo,
  headerValue: string | undefined,
  input?: { value: string; name: string }
): ResolvedExpiry {
  const messages: KeyCheckMessage[] = []
  const fromApi = (expiresAt: string | null, source: ExpirySource): ResolvedExpiry => {
    if (input !== undefined && input.value !== expiresAt) {
      messages.push({
        level: 'info',
        text: `The ${input.name} value (${input.value}) is not used: the API reports the expiry itself.`
      })
    }
    return { expiresAt, source, messages }
  }

  if (info.expiresAtSource === 'api-keys/self' && info.expiresAt === null) {
    return fromApi(null, 'api-keys/self')
  }
  if (info.expiresAtSource === 'api-keys/self' && typeof info.expiresAt === 'string') {
    const ms = Date.parse(info.expiresAt)
    if (Number.isFinite(ms)) return fromApi(new Date(ms).toISOString(), 'api-keys/self')
    messages.push({
      level: 'warning',
      text: 'GET /api-keys/self returned an expires_at that is not a date; ignoring it.'
    })
  }
  // fetchKeyInfo already read the header when the body did not say; read it again for
  // the case above (an unreadable expires_at in the body).
  const header = info.expiresAtSource === 'header' ? info.expiresAt : headerValue
  if (typeof header === 'string' && Number.isFinite(Date.parse(header))) {
    return fromApi(new Date(Date.parse(header)).toISOString(), 'header')
  }
  if (input !== undefined) return { expiresAt: input.value, source: 'input', messages }
  return { expiresAt: undefined, messages }
}

/**
 * Decides the status from what the API said about the key, at `now`. Pure: the
 * same inputs always give the same result (tests pass fixed times).
 */
export function evaluateKey(
  info: KeyInfo,
  rules: KeyCheckRules,
  now: number,
  headerValue?: string
): KeyCheckResult {
  const { key } = info
  const { names } = rules
  const surface = rules.surface ?? 'action'
  const expiry = resolveExpiry(
    info,
    headerValue,
    rules.expiresAtInput === undefined
      ? undefined
      : { value: rules.expiresAtInput, name: names.expiresAt }
  )
  const messages: KeyCheckMessage[] = [...expiry.messages]
  const errors: string[] = []
  let status: KeyStatus
  let daysLeft: number | undefined
  let headline: string
  // Each source is named on its own line; only an expiry the user typed is worth repeating.
  const from = expiry.source === 'input' ? ` (according to ${names.expiresAt})` : ''

  if (expiry.expiresAt === null) {
    status = 'ok'
    headline = 'The API key is valid and never expires'
    messages.push({
      level: 'warning',
      text: `The API key never expires. A key without an expiration date stays valid if it leaks or is forgotten: create a replacement with the ci preset and an expiration date (for example 90 days), update ${keyStore(surface)}, then delete this key.`
    })
  } else if (expiry.expiresAt === undefined) {
    status = 'unknown'
    headline = 'The API key is valid; its expiry is unknown'
    messages.push({
      level: 'notice',
      text: `The API does not report when this key expires. ${giveExpiry(names.expiresAt, surface)}`
    })
  } else {
    const msLeft = Date.parse(expiry.expiresAt) - now
    daysLeft = wholeDaysLeft(expiry.expiresAt, now)
    const when = describeExpiry(expiry.expiresAt, now)
    if (msLeft <= 0) {
      status = 'expired'
      headline = `The API key expired ${when}`
      errors.push(`The API key expired ${when}${from}. Rotate it now.`)
    } else if (daysLeft < rules.failDays) {
      status = 'expiring'
      headline = `The API key expires ${when}`
      errors.push(
        `The API key expires ${when}${from}, fewer days than ${names.failDays} (${rules.failDays}). Rotate it now.`
      )
    } else if (daysLeft < rules.warnDays) {
      status = 'expiring'
      headline = `The API key expires ${when}`
      messages.push({
        level: 'warning',
        text: `The API key expires ${when}${from}, fewer days than ${names.warnDays} (${rules.warnDays}). Rotate it before then: the check fails once fewer than ${plural(rules.failDays, 'day')} are left.`
      })
    } else {
      status = 'ok'
      headline = `The API key is valid and expires ${when}`
    }
    if (expiry.source) {
      messages.push({
        level: 'info',
        text: `Expiry from ${expirySourceLabel(expiry.source, surface)}.`
      })
    }
  }

  if (key.organization_id !== rules.organizationId) {
    errors.push(
      `The API key belongs to organization ${key.organization_id}, but ${names.organizationId} is ${rules.organizationId}. Use the organization the key was created in.`
    )
  }
  const missing = missingScopes(rules.requiredScopes, key.permissions)
  if (missing.length > 0) {
    const list = missing
      .map((scope) => {
        const description = BUILT_IN_SCOPE_DESCRIPTIONS[scope]
        return description ? `${scope} (${description})` : scope
      })
      .join('; ')
    errors.push(
      `The API key lacks ${missing.length === 1 ? 'a required scope' : `${missing.length} required scopes`}: ${list}. Create a key with the ci preset (it has every scope CI needs) and update ${keyStore(surface)}.`
    )
  }

  const passed = errors.length === 0
  return {
    status,
    passed,
    expiresAt: expiry.expiresAt,
    expiresAtSource: expiry.source,
    daysLeft,
    keyId: key.api_key_id,
    keyName: typeof key.name === 'string' && key.name !== '' ? key.name : undefined,
    keyOrganizationId: key.organization_id,
    permissions: [...key.permissions],
    missingScopes: missing,
    headline,
    messages: [...errors.map((text) => ({ level: 'error' as const, text })), ...messages],
    reminder:
      status === 'expiring' || status === 'expired'
        ? 'open'
        : status === 'ok' && passed
          ? 'close'
          : 'leave'
  }
}

/** The result for a key the API refused (401): wrong, revoked or expired. */
export function invalidKeyResult(surface: Surface = 'action'): KeyCheckResult {
  return {
    status: 'invalid',
    passed: false,
    expiresAt: undefined,
    permissions: [],
    missingScopes: [],
    headline: 'The API key is invalid, revoked or expired',
    messages: [{ level: 'error', text: `${INVALID_KEY_MESSAGE}. ${invalidKeyHint(surface)}` }],
    reminder: 'open'
  }
}

/** The result when the check could not ask the API (network, 5xx, bad answer, ...). */
export function failedCheckResult(error: EchopointError): KeyCheckResult {
  return {
    status: 'unknown',
    passed: false,
    expiresAt: undefined,
    permissions: [],
    missingScopes: [],
    headline: 'The key-expiry check could not complete',
    messages: [{ level: 'error', text: error.userMessage }],
    reminder: 'leave',
    error
  }
}

export interface CheckKeyOptions {
  clock: Clock
  logger: Logger
  signal?: AbortSignal
  userAgent?: string
  /** For tests of the core: an API other than the HTTP client. */
  api?: EchopointApi
}

/** Runs the check against the API. Never throws: failures are in the result. */
export async function checkKey(
  config: KeyCheckConfig,
  options: CheckKeyOptions
): Promise<KeyCheckResult> {
  let api: EchopointApi
  let info: KeyInfo
  try {
    api =
      options.api ??
      createClient({
        apiUrl: config.apiUrl,
        apiKey: config.apiKey,
        organizationId: config.organizationId,
        clock: options.clock,
        logger: options.logger,
        userAgent: options.userAgent,
        names: config.names
      })
    info = await fetchKeyInfo(api, options.signal, config.surface)
  } catch (err) {
    const error = toEchopointError(err)
    if (error.kind === 'auth') return invalidKeyResult(config.surface)
    return failedCheckResult(error)
  }
  options.logger.debug(
    `Key ${info.key.api_key_id} (organization ${info.key.organization_id}) has scopes: ${info.key.permissions.join(', ') || 'none'}`
  )
  return evaluateKey(info, config, options.clock.now(), api.keyExpiresAtHeader)
}
