/**
 * Turns HTTP outcomes into typed EchopointErrors: one place decides which status is
 * which kind, and every message is redacted and says what to do.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { EchopointError, type ErrorKind } from '../../errors.js'
import { cleanText, statusText, type ErrorBody } from './error-body.js'
import { hasRateLimitSignals } from '../ratelimit/signals.js'
import { redactDeep, type Redactor } from '../../redact.js'
import { isoTime } from '../ratelimit/wait-format.js'

/** The server's code for a spent daily execution budget (docs/api-contract.md, launch semantics). */
export const DAILY_QUOTA_CODE = 'DAILY_EXECUTION_LIMIT_EXCEEDED'

/**
 * The sandbox's code for an Idempotency-Key reused with different launch parameters
 * (docs/api-contract.md, launch semantics: the same key with different parameters gets 409).
 */
export const IDEMPOTENCY_KEY_REUSED_CODE = 'IDEMPOTENCY_KEY_REUSED'

/** A non-2xx response, its body already parsed. */
export interface HttpFailure {
  status: number
  headers: IncomingHttpHeaders
  body: ErrorBody
  /** `METHOD /path`, without the query. */
  request: string
}

/** Which kind a status (and its signals) is. */
export function kindForResponse(failure: HttpFailure): ErrorKind {
  const { status, headers, body } = failure
  if (body.code?.toUpperCase() === DAILY_QUOTA_CODE) return 'quota'
  if (status === 401) return 'auth'
  // A 403 that carries rate-limit signals is a rate limit, not a missing scope (part C).
  if (status === 403) return hasRateLimitSignals(headers, body) ? 'rate_limited' : 'permission'
  if (status === 404) return 'not_found'
  if (status === 408) return 'network'
  // 407 comes from a proxy between the kit and the API, not from the API.
  if (status === 407) return 'network'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  if (status >= 500 && status <= 599) return 'server'
  // 400, 422 and anything else: the API refused what the kit sent, or answered outside the contract.
  return 'contract'
}

const SUMMARY: Record<ErrorKind, string> = {
  auth: 'the API key is invalid, revoked or expired',
  permission: 'the API key is not allowed to do this',
  not_found: 'not found',
  network: 'the server timed out waiting for the request',
  conflict: 'conflicts with the current state',
  quota: "the organization's daily execution quota is used up",
  rate_limited: 'rate limited by the API',
  server: 'server error',
  contract: 'the API refused the request',
  config: 'invalid configuration',
  timeout: 'timed out',
  cancelled: 'cancelled'
}

const HINT: Partial<Record<ErrorKind, string>> = {
  auth: 'Check the API key: it must be current and not revoked. Create a new one with the `ci` preset if needed',
  permission:
    'The key needs the scopes for this mode (e.g. flows:execute, flows:read, runner:complete) and must belong to the given organization. Keys created with the `ci` preset have them',
  not_found: 'Check the ID and the organization ID: a resource in another organization answers 404',
  quota:
    'This is a rolling 24-hour budget, not a short rate limit, so retrying in this job will not help. Run fewer flows, wait for the window to roll over, or raise the plan limit'
}

const KEY_REUSED_SUMMARY =
  'the Idempotency-Key was already used for a launch with different parameters'
function keyReusedHint(idempotencyKeyName: string): string {
  return `The server keeps the first launch for a key and refuses the same key with another environment, version, runner or trigger type. If you set ${idempotencyKeyName}, give each distinct launch its own value, or leave it unset so one is derived from the CI run and the flow`
}

export const PROXY_AUTH_SUMMARY =
  'the HTTP proxy between this machine and the API asks for credentials (407 Proxy Authentication Required)'
export const PROXY_AUTH_HINT =
  'Put the proxy credentials in HTTPS_PROXY (http://user:password@proxy:port), or list the API host in NO_PROXY if it needs no proxy'

/** Builds the typed error for a non-2xx response. */
export function errorFromResponse(
  failure: HttpFailure,
  redact: Redactor,
  idempotencyKeyName = 'idempotency-key'
): EchopointError {
  const { status, body, request } = failure
  const kind = kindForResponse(failure)
  const scope = typeof body.metadata?.scope === 'string' ? body.metadata.scope : undefined
  const keyReused = status === 409 && body.code?.toUpperCase() === IDEMPOTENCY_KEY_REUSED_CODE
  let summary = keyReused ? KEY_REUSED_SUMMARY : status === 407 ? PROXY_AUTH_SUMMARY : SUMMARY[kind]
  if (kind === 'quota' && scope) summary += ` (scope: ${cleanText(scope, redact, 60)})`
  const tag = body.code ? `HTTP ${status}, ${body.code}` : `HTTP ${status}`
  const fallback = statusText(status)
  const said = body.message === fallback ? fallback.replace(/^\d+ /, '') : body.message
  const field = body.field ? ` (field ${body.field})` : ''
  const message = redact(`${request} failed: ${summary} (${tag}): ${said}${field}`)
  return new EchopointError(kind, message, {
    status,
    code: body.code,
    request,
    field: body.field,
    metadata: body.metadata ? redactDeep(body.metadata, redact) : undefined,
    hint: keyReused
      ? keyReusedHint(idempotencyKeyName)
      : status === 407
        ? PROXY_AUTH_HINT
        : HINT[kind]
  })
}

/** A wait the client will not take, for {@link waitRefusedError}. */
export interface RefusedWait {
  /** `METHOD /path` of the request that fails. */
  request: string
  /** When the wait would end (local clock, epoch ms). */
  untilMs: number
  /** The signal that asked for it, e.g. `Retry-After`, or `backoff`. */
  signal: string
  /** Why it is refused: `the step's deadline is …`, or the longest wait. */
  why: string
  /** The response's error, when this request got one. */
  error?: EchopointError
  /** The status, and the request that taught the pause when it was another one. */
  status?: number
  learnedFrom?: string
}

/**
 * The error for a rate-limit wait that would end past the step's deadline (or last
 * longer than any wait the client takes): fail now and say until when, rather than
 * sleep into a timeout. E.g. `GET /flows/f failed: rate limited until
 * 2024-01-15T10:31:00Z (HTTP 429, Retry-After); the step's deadline is 2024-01-15T10:30:00Z`.
 */
export function waitRefusedError(wait: RefusedWait): EchopointError {
  const status = wait.error?.status ?? wait.status
  const what = [status === undefined ? undefined : `HTTP ${status}`, wait.signal]
    .filter(Boolean)
    .join(', ')
  const origin = wait.learnedFrom ? ` on ${wait.learnedFrom}` : ''
  const verb = wait.error ? 'failed' : 'not sent'
  return new EchopointError(
    'rate_limited',
    `${wait.request} ${verb}: rate limited until ${isoTime(wait.untilMs)} (${what}${origin}); ${wait.why}`,
    {
      status,
      code: wait.error?.code,
      request: wait.request,
      metadata: wait.error?.metadata,
      hint: 'The API asked for a longer wait than this step allows. Run fewer flows at once, spread runs out over time, or give the step a longer timeout',
      cause: wait.error
    }
  )
}

/** A 2xx whose body is not what the endpoint promises. */
export function contractViolation(
  request: string,
  status: number,
  problem: string,
  apiUrlName = 'api-url'
): EchopointError {
  return new EchopointError(
    'contract',
    `${request}: the API answered HTTP ${status} with a body that does not match the Echopoint API (${problem})`,
    {
      status,
      request,
      hint: `Check that ${apiUrlName} points at the Echopoint API and not at a proxy or web page`
    }
  )
}

/** The same error with another message (fields kept), e.g. to add the attempt count. */
export function withMessage(error: EchopointError, message: string): EchopointError {
  return new EchopointError(error.kind, message, {
    status: error.status,
    code: error.code,
    request: error.request,
    field: error.field,
    metadata: error.metadata,
    hint: error.hint,
    cause: error.cause
  })
}

/** The error for an aborted request or wait; a reason that is already typed wins (e.g. a deadline). */
export function cancelledError(signal: AbortSignal | undefined, request: string): EchopointError {
  const reason: unknown = signal?.reason
  if (reason instanceof EchopointError) return reason
  return new EchopointError('cancelled', `${request} was cancelled`, { request, cause: reason })
}
