/**
 * Tells whether a response is a rate limit at all (docs/api-contract.md part C). How long it
 * asks us to wait is wait-plan.ts's job.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { ErrorBody } from '../http/error-body.js'
import { headerValue } from '../http/headers.js'
import { parseHttpDate } from './http-date.js'
import { readIetfRateLimit, readXRateLimit } from './headers.js'
import { parseNonNegative } from './reset-time.js'

/** True for a `Retry-After` value of either RFC 9110 §10.2.3 form (garbage does not count). */
function isRetryAfter(value: string | undefined): boolean {
  if (value === undefined) return false
  // The reference time only picks the century of an RFC 850 year; any will do here.
  return parseNonNegative(value) !== undefined || parseHttpDate(value, 0) !== undefined
}

/**
 * True when a response carries a readable rate-limit signal: a valid `Retry-After`,
 * no requests remaining per the IETF `RateLimit` fields or `X-RateLimit-Remaining`,
 * or a body `retryAfter`/`resetAt`. Used to tell a rate-limiting 403 (some gateways
 * answer so) from a real permission error; a malformed signal does not count.
 */
export function hasRateLimitSignals(headers: IncomingHttpHeaders, body?: ErrorBody): boolean {
  if (isRetryAfter(headerValue(headers, 'retry-after'))) return true
  if (readIetfRateLimit(headers)?.remaining === 0) return true
  if (readXRateLimit(headers)?.remaining === 0) return true
  return body?.retryAfter !== undefined || body?.resetAt !== undefined
}
