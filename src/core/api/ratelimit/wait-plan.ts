/**
 * How long a response asks us to wait: the one place that combines every rate-limit
 * signal of docs/api-contract.md part C, in its order of precedence, into a wait on the local
 * clock. Pure: no I/O, no sleeping; the local time is passed in.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { ErrorBody } from '../http/error-body.js'
import { headerValue } from '../http/headers.js'
import { readIetfRateLimit, readXRateLimit } from './headers.js'
import { delayOrEpoch, parseResetTime, type ResetForm, type ResetTime } from './reset-time.js'
import { parseRetryAfter } from './retry-after.js'
import { serverClock, type ServerClock } from './server-clock.js'

/** Which signal set a wait, as logs and errors name it. */
export type WaitSignal =
  'Retry-After' | 'RateLimit' | 'X-RateLimit-Reset' | 'retryAfter in body' | 'resetAt in body'

/**
 * The shortest wait a server-given signal leads to. Every signal has one-second
 * resolution, so `Retry-After: 0` or a reset that has just passed means "within the
 * next second"; retrying at once would hit the same limit again, and a stale reset
 * (already past) must never make the client loop without pause.
 */
export const MIN_WAIT_MS = 1000

/** A wait the server asked for. */
export interface RateLimitWait {
  /** When the wait ends, local clock (epoch ms). */
  untilMs: number
  /** `untilMs` minus the local now: at least {@link MIN_WAIT_MS}. */
  delayMs: number
  signal: WaitSignal
  /** How the signal's value was read (delay seconds, HTTP-date, epoch ms, …). */
  form: ResetForm
}

function toWait(
  reset: ResetTime,
  signal: WaitSignal,
  clock: ServerClock,
  localNowMs: number
): RateLimitWait {
  const untilMs = Math.max(Math.ceil(clock.toLocal(reset.atMs)), localNowMs + MIN_WAIT_MS)
  return { untilMs, delayMs: untilMs - localNowMs, signal, form: reset.form }
}

/** The IETF reset, when the most constrained policy is spent (or does not say). */
function ietfReset(
  headers: IncomingHttpHeaders,
  nowMs: number,
  requireExhausted: boolean
): ResetTime | undefined {
  const reading = readIetfRateLimit(headers)
  if (reading?.resetSeconds === undefined) return undefined
  if (reading.remaining !== undefined ? reading.remaining > 0 : requireExhausted) return undefined
  return delayOrEpoch(reading.resetSeconds, nowMs)
}

/** The X-RateLimit-Reset instant, when remaining is 0 (or not said). */
function xReset(
  headers: IncomingHttpHeaders,
  nowMs: number,
  requireExhausted: boolean
): ResetTime | undefined {
  const reading = readXRateLimit(headers)
  if (reading?.reset === undefined) return undefined
  if (reading.remaining !== undefined ? reading.remaining > 0 : requireExhausted) return undefined
  return parseResetTime(reading.reset, nowMs)
}

/**
 * The wait a rate-limit response (429, 503, or a 403 carrying rate-limit signals)
 * asks for, or undefined when it carries no usable signal (the caller backs off).
 *
 * Precedence (docs/api-contract.md part C): `Retry-After`, then the IETF `RateLimit` fields,
 * then `X-RateLimit-Reset`, then the body's `retryAfter` and `resetAt`. A malformed
 * or implausible signal is skipped and the next one used. A quota reset is only
 * used when that quota is spent (remaining 0) or the response does not say: the
 * reset of a quota with room left does not explain the refusal.
 *
 * Absolute times are corrected for clock skew with `Date` (server-clock.ts); every
 * wait is at least {@link MIN_WAIT_MS}. Bounding long waits is the caller's job
 * (see `checkWait`): a long wait must fail clearly, not be shortened.
 */
export function rateLimitWait(
  headers: IncomingHttpHeaders,
  body: ErrorBody | undefined,
  localNowMs: number
): RateLimitWait | undefined {
  const clock = serverClock(headers, localNowMs)
  const now = clock.nowMs
  const candidates: [WaitSignal, () => ResetTime | undefined][] = [
    ['Retry-After', () => parseRetryAfter(headerValue(headers, 'retry-after'), now)],
    ['RateLimit', () => ietfReset(headers, now, false)],
    ['X-RateLimit-Reset', () => xReset(headers, now, false)],
    [
      'retryAfter in body',
      () => (body?.retryAfter === undefined ? undefined : delayOrEpoch(body.retryAfter, now))
    ],
    [
      'resetAt in body',
      () => (body?.resetAt === undefined ? undefined : parseResetTime(body.resetAt, now))
    ]
  ]
  for (const [signal, read] of candidates) {
    const reset = read()
    if (reset) return toWait(reset, signal, clock, localNowMs)
  }
  return undefined
}

/**
 * For a response that is not itself a rate limit (typically a 2xx): when it says no
 * requests remain (`RateLimit` r=0, `X-RateLimit-Remaining: 0`) and when the quota
 * resets, the wait before the next request may be sent. Undefined otherwise,
 * including "remaining 0" without a readable reset (the next request will find out).
 */
export function exhaustedWait(
  headers: IncomingHttpHeaders,
  localNowMs: number
): RateLimitWait | undefined {
  const clock = serverClock(headers, localNowMs)
  const ietf = ietfReset(headers, clock.nowMs, true)
  if (ietf) return toWait(ietf, 'RateLimit', clock, localNowMs)
  const x = xReset(headers, clock.nowMs, true)
  if (x) return toWait(x, 'X-RateLimit-Reset', clock, localNowMs)
  return undefined
}
