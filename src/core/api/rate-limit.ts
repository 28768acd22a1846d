/**
 * Reads rate-limit signals from a response (contract.md part C).
 *
 * Scope today: detecting that a response is a rate limit at all (all header
 * families) and the wait from a plain `Retry-After: <seconds>` or a body `retryAfter`.
 * The wait engine extends {@link rateLimitDelayMs} with Retry-After HTTP-dates, the
 * IETF RateLimit fields, X-RateLimit-Reset variants and clock skew via `Date`.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { ErrorBody } from './error-body.js'
import { headerValue } from './headers.js'

/** True when `RateLimit: "default";r=0;t=45` says no requests remain (draft-ietf-httpapi-ratelimit-headers). */
function ietfRemainingZero(value: string | undefined): boolean {
  return value !== undefined && /(^|[;,\s])r\s*=\s*0+\s*($|[;,])/i.test(value)
}

/**
 * True when a response carries any rate-limit signal: Retry-After, X-RateLimit-Remaining
 * of 0, an IETF RateLimit field with r=0, or a body retryAfter/resetAt. Used to tell a
 * rate-limiting 403 (some gateways answer so) from a real permission error.
 */
export function hasRateLimitSignals(headers: IncomingHttpHeaders, body?: ErrorBody): boolean {
  if (headerValue(headers, 'retry-after') !== undefined) return true
  if (headerValue(headers, 'x-ratelimit-remaining')?.trim() === '0') return true
  if (ietfRemainingZero(headerValue(headers, 'ratelimit'))) return true
  return body?.retryAfter !== undefined || body?.resetAt !== undefined
}

/**
 * `Retry-After` in its delay-seconds form: RFC 9110 §10.2.3 defines
 * `Retry-After = HTTP-date / delay-seconds`, delay-seconds being `1*DIGIT`.
 * Returns milliseconds, or undefined for an absent or (for now) date-form value.
 */
export function retryAfterSecondsMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const match = /^\s*(\d+)\s*$/.exec(value)
  return match ? Number(match[1]) * 1000 : undefined
}

/** How long a rate-limit response asks us to wait, and which signal said so. */
export interface RateLimitDelay {
  delayMs: number
  /** For logs, e.g. `Retry-After: 45s`. */
  source: string
}

/**
 * The wait a 429/503 (or rate-limiting 403) asks for, or undefined when it gives no
 * usable signal (the caller then backs off). Precedence per contract.md part C:
 * Retry-After first, the body last.
 */
export function rateLimitDelayMs(
  headers: IncomingHttpHeaders,
  body: ErrorBody | undefined
): RateLimitDelay | undefined {
  const header = retryAfterSecondsMs(headerValue(headers, 'retry-after'))
  if (header !== undefined) return { delayMs: header, source: `Retry-After: ${header / 1000}s` }
  if (body?.retryAfter !== undefined) {
    const delayMs = Math.round(body.retryAfter * 1000)
    return { delayMs, source: `retryAfter in body: ${body.retryAfter}s` }
  }
  return undefined
}
