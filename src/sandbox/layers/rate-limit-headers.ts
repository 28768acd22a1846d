/**
 * How the rate limiter (rate-limit.ts) announces a limit, in each of the styles
 * real APIs use (docs/api-contract.md part C). Every counted answer (2xx included) carries
 * the headers of the configured style (none, for `retry-after-only` and `body-only`):
 *
 * - `retry-after`: `X-RateLimit-Limit`, `X-RateLimit-Remaining`; on 429 also
 *   `Retry-After: <seconds>` (RFC 9110 section 10.2.3).
 * - `retry-after-only`: nothing on a success (no budget to pace by); a 429 has
 *   only `Retry-After: <seconds>` (and the Echopoint envelope).
 * - `x-ratelimit-iso`: `X-RateLimit-Limit`, `X-RateLimit-Remaining`,
 *   `X-RateLimit-Reset: <ISO 8601>`.
 * - `x-ratelimit-epoch`: the same with `X-RateLimit-Reset: <Unix epoch seconds>`.
 * - `ietf`: `RateLimit-Policy: "<bucket>";q=<limit>;w=<window s>` and
 *   `RateLimit: "<bucket>";r=<remaining>;t=<seconds to reset>`
 *   (draft-ietf-httpapi-ratelimit-headers).
 * - `body-only`: no headers; a 429's body is
 *   `{"error":"Rate limit exceeded","retryAfter":45,"resetAt":"<ISO>"}`.
 *
 * Seconds are whole and rounded up (a client that waits them is never early).
 * Absolute reset times are in SERVER time: the sandbox clock plus the configured
 * clock skew, the same clock as the `Date` header, so only a client that reads
 * `Date` computes the right wait.
 */
import type { HeaderStyle } from '../header-styles.js'
import type { RouteBucket } from '../route-ids.js'
import { iso } from '../validate.js'

/** What a counted request learned about its bucket, for the headers. */
export interface Snapshot {
  bucket: RouteBucket
  limit: number
  remaining: number
  /** Sandbox clock ms when the window (or the storm's wait) ends. */
  resetAt: number
  now: number
  effectiveWindowMs: number
}

/** Whole seconds until the reset, rounded up, at least 1. */
export function secondsUntil(s: Snapshot): number {
  return Math.max(1, Math.ceil((s.resetAt - s.now) / 1000))
}

/** `60s`, `6s`, `0.5s`. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(3).replace(/0+$/, '')}s`
}

/** The limit headers of an answer in `style`. */
export function limitHeaders(
  style: HeaderStyle,
  s: Snapshot,
  skew: number,
  rejected: boolean
): Record<string, string> {
  const seconds = secondsUntil(s)
  const serverReset = s.resetAt + skew
  switch (style) {
    case 'retry-after': {
      const headers: Record<string, string> = {
        'x-ratelimit-limit': String(s.limit),
        'x-ratelimit-remaining': String(s.remaining)
      }
      if (rejected) headers['retry-after'] = String(seconds)
      return headers
    }
    case 'retry-after-only':
      return rejected ? { 'retry-after': String(seconds) } : {}
    case 'x-ratelimit-iso':
    case 'x-ratelimit-epoch':
      return {
        'x-ratelimit-limit': String(s.limit),
        'x-ratelimit-remaining': String(s.remaining),
        'x-ratelimit-reset':
          style === 'x-ratelimit-iso' ? iso(serverReset) : String(Math.ceil(serverReset / 1000))
      }
    case 'ietf':
      return {
        'ratelimit-policy': `"${s.bucket}";q=${s.limit};w=${Math.max(1, Math.ceil(s.effectiveWindowMs / 1000))}`,
        ratelimit: `"${s.bucket}";r=${s.remaining};t=${seconds}`
      }
    case 'body-only':
      return {}
  }
}

/**
 * The earliest sandbox clock time the answer lets the client come back, reading
 * the hint exactly as sent (whole seconds, epoch seconds, server-time dates).
 * Undefined when the answer says nothing about it (a 2xx in the retry-after,
 * retry-after-only or body-only style).
 */
export function hintedRetryAt(
  style: HeaderStyle,
  s: Snapshot,
  skew: number,
  rejected: boolean
): number | undefined {
  const seconds = secondsUntil(s)
  switch (style) {
    case 'retry-after':
    case 'retry-after-only':
      return rejected ? s.now + seconds * 1000 : undefined
    case 'x-ratelimit-iso':
      return s.resetAt
    case 'x-ratelimit-epoch':
      return Math.ceil((s.resetAt + skew) / 1000) * 1000 - skew
    case 'ietf':
      return s.now + seconds * 1000
    case 'body-only':
      // Both `resetAt` (exact) and `retryAfter` (rounded up) are given: the earlier one.
      return rejected ? s.resetAt : undefined
  }
}
