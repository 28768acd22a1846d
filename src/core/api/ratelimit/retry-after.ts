/**
 * The `Retry-After` header (RFC 9110 §10.2.3):
 *
 *     Retry-After = HTTP-date / delay-seconds
 *
 * With 503 it says how long the service will be unavailable; with 429 (RFC 6585 §4)
 * how long to wait before the next request. Both forms are read here; anything else
 * is ignored, never an error.
 */
import { parseHttpDate } from './http-date.js'
import { delayOrEpoch, parseNonNegative, type ResetTime } from './reset-time.js'

/**
 * Reads `Retry-After` as an instant on the server's clock (`nowMs`, from `Date`).
 *
 * - delay-seconds (`45`, `0`) → `nowMs + 45 s`. A number that is plausibly an epoch
 *   time (seconds or ms within a year of now) is read as one (see `delayOrEpoch`).
 *   Fractions are accepted, being harmless.
 * - HTTP-date in any of the three forms of RFC 9110 §5.6.7 → that instant.
 *
 * Returns undefined for a missing or malformed value.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): ResetTime | undefined {
  if (value === undefined) return undefined
  const seconds = parseNonNegative(value)
  if (seconds !== undefined) return delayOrEpoch(seconds, nowMs)
  const date = parseHttpDate(value, nowMs)
  return date === undefined ? undefined : { atMs: date, form: 'HTTP-date' }
}
