/**
 * What the last answers said about the rate-limit budget, per bucket: requests
 * remaining in the current window, the window's size and when it resets. The
 * pacer (pacing.ts) uses it to send no more requests than the server will accept,
 * and the poll schedule (poll-schedule.ts) to spread its reads over the window.
 *
 * Buckets are the server's (contract.md part C, typical limits): reads (GET),
 * searches (a POST that only reads) and writes (launch, cancel). Each answer only
 * speaks for the bucket of its own request. Readings reuse the header readers of
 * the wait engine (ratelimit/headers.ts), so every style it understands counts.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { headerValue } from '../http/headers.js'
import { readIetfRateLimit, readXRateLimit } from './headers.js'
import { delayOrEpoch, parseNonNegative, parseResetTime } from './reset-time.js'
import { serverClock } from './server-clock.js'
import { parseStructuredMembers } from './structured-fields.js'

export type BudgetBucket = 'read' | 'search' | 'write'

/** One bucket's budget as the latest answer told it. */
export interface BudgetReading {
  /** Requests remaining in the window when the answer was sent. */
  remaining: number
  /** Requests per window, when said (`X-RateLimit-Limit`, `RateLimit-Policy` q). */
  limit?: number
  /** Window length in ms, when said (`RateLimit-Policy` w). */
  windowMs?: number
  /** When the window resets, local clock (epoch ms), when said. */
  resetAtMs?: number
  /** Local time the answer arrived. */
  at: number
}

/** The bucket a request counts against. */
export function bucketOf(method: string, safe?: boolean): BudgetBucket {
  if (method === 'GET') return 'read'
  return safe ? 'search' : 'write'
}

/** Limit and window from `RateLimit-Policy` (the most constrained policy: smallest quota). */
function policyOf(headers: IncomingHttpHeaders): { limit?: number; windowS?: number } {
  const value = headerValue(headers, 'ratelimit-policy')
  if (value === undefined) return {}
  let best: { limit?: number; windowS?: number } = {}
  for (const m of parseStructuredMembers(value)) {
    const q = typeof m.params.q === 'number' ? m.params.q : undefined
    const w = typeof m.params.w === 'number' ? m.params.w : undefined
    if (q !== undefined && (best.limit === undefined || q < best.limit))
      best = { limit: q, windowS: w }
  }
  return best
}

/**
 * Reads the budget an answer states, or undefined when it states no remaining
 * count. Absolute reset times are corrected for clock skew like the wait engine's.
 */
export function readBudget(
  headers: IncomingHttpHeaders,
  localNowMs: number
): Omit<BudgetReading, 'at'> | undefined {
  const clock = serverClock(headers, localNowMs)
  const ietf = readIetfRateLimit(headers)
  const x = readXRateLimit(headers)
  const remaining = ietf?.remaining ?? x?.remaining
  if (remaining === undefined) return undefined
  const policy = policyOf(headers)
  const limit = parseNonNegative(headerValue(headers, 'x-ratelimit-limit') ?? '') ?? policy.limit
  let resetAtMs: number | undefined
  if (ietf?.resetSeconds !== undefined) {
    resetAtMs = clock.toLocal(delayOrEpoch(ietf.resetSeconds, clock.nowMs).atMs)
  } else if (x?.reset !== undefined) {
    const reset = parseResetTime(x.reset, clock.nowMs)
    if (reset) resetAtMs = clock.toLocal(reset.atMs)
  }
  return {
    remaining,
    limit,
    windowMs: policy.windowS === undefined ? undefined : policy.windowS * 1000,
    resetAtMs: resetAtMs === undefined ? undefined : Math.ceil(resetAtMs)
  }
}

/** The latest reading of each bucket. */
export class RateBudget {
  private readonly readings = new Map<BudgetBucket, BudgetReading>()

  /** Records what an answer said. Ignores an out-of-order answer from the same window that says more remain. */
  record(bucket: BudgetBucket, reading: Omit<BudgetReading, 'at'>, at: number): void {
    const old = this.readings.get(bucket)
    const sameWindow =
      old !== undefined &&
      old.resetAtMs !== undefined &&
      reading.resetAtMs !== undefined &&
      Math.abs(old.resetAtMs - reading.resetAtMs) < 1500 &&
      old.resetAtMs > at
    if (sameWindow && reading.remaining > old.remaining) return
    this.readings.set(bucket, { ...reading, at })
  }

  /**
   * The budget now: once a known reset has passed, the window starts afresh with
   * `limit` remaining (or nothing is known, without a limit).
   */
  get(bucket: BudgetBucket, now: number): BudgetReading | undefined {
    const r = this.readings.get(bucket)
    if (!r) return undefined
    if (r.resetAtMs !== undefined && r.resetAtMs <= now) {
      if (r.limit === undefined) return undefined
      // A window of unknown length: the next answer will tell when it resets.
      const w = r.windowMs
      return {
        remaining: r.limit,
        limit: r.limit,
        windowMs: w,
        resetAtMs:
          w === undefined || w <= 0
            ? undefined
            : r.resetAtMs + (Math.floor((now - r.resetAtMs) / w) + 1) * w,
        at: now
      }
    }
    return r
  }
}
