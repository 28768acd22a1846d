/**
 * What the last answers said about the rate-limit budget, per bucket: requests
 * remaining in the current window, the window's size and when it resets. The
 * pacer (pacing.ts) uses it to send no more requests than the server will accept,
 * and the poll schedule (poll-schedule.ts) to spread its reads over the window.
 *
 * Buckets are the server's (docs/api-contract.md part C, typical limits): reads (GET),
 * searches (a POST that only reads) and writes (launch, cancel). Each answer only
 * speaks for the bucket of its own request. Readings reuse the header readers of
 * the wait engine (ratelimit/headers.ts), so every style it understands counts.
 *
 * Whether a pause learned from one bucket holds the others is learned here too
 * (`pauseKey`): a server that names its policies (`RateLimit: "write";r=0`) keys
 * each pause by that name, so buckets with different names pause apart and
 * buckets that share a name (`"default"`) pause together. A server that names
 * none keeps one shared pause until its answers prove the buckets are counted
 * apart: different limits, or one bucket stating more requests left in the same
 * window than another bucket's earlier answer (one shared counter only goes down).
 */
import type { IncomingHttpHeaders } from 'node:http'
import { headerValue } from '../http/headers.js'
import { readIetfRateLimit, readXRateLimit } from './headers.js'
import { delayOrEpoch, parseNonNegative, parseResetTime } from './reset-time.js'
import { serverClock } from './server-clock.js'
import { parseStructuredMembers } from './structured-fields.js'

export type BudgetBucket = 'read' | 'search' | 'write'

/** The pause key of a server that names no buckets: one pause for every request. */
export const SHARED_PAUSE = 'shared'

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
  /** The policy's name, when the server names it (`RateLimit: "write";r=5;t=3`). */
  policy?: string
}

/**
 * A count that goes up by more than this within one window, from one bucket's
 * answer to another's, cannot come from one shared counter: answers of one
 * counter only arrive out of order by the requests in flight together.
 */
export const SEPARATE_BUCKETS_SLACK = 16

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
    resetAtMs: resetAtMs === undefined ? undefined : Math.ceil(resetAtMs),
    policy: ietf?.policy
  }
}

/** Whether two readings speak of the same window (their resets agree). */
function sameWindow(a: Omit<BudgetReading, 'at'>, b: Omit<BudgetReading, 'at'>): boolean {
  return (
    a.resetAtMs !== undefined &&
    b.resetAtMs !== undefined &&
    Math.abs(a.resetAtMs - b.resetAtMs) < 1500
  )
}

/** The latest reading of each bucket. */
export class RateBudget {
  private readonly readings = new Map<BudgetBucket, BudgetReading>()
  /** The policy name each bucket's answers carry, when they name one. */
  private readonly names = new Map<BudgetBucket, string>()
  /** Set once answers prove the server counts the buckets apart (see the file comment). */
  private apart = false

  /** Records what an answer said. Ignores an out-of-order answer from the same window that says more remain. */
  record(bucket: BudgetBucket, reading: Omit<BudgetReading, 'at'>, at: number): void {
    if (reading.policy !== undefined && reading.policy !== '')
      this.names.set(bucket, reading.policy)
    for (const [other, seen] of this.readings) {
      if (other === bucket || this.apart) continue
      const limits = reading.limit !== undefined && seen.limit !== undefined
      if (limits && reading.limit !== seen.limit) this.apart = true
      else if (
        sameWindow(seen, reading) &&
        reading.remaining > seen.remaining + SEPARATE_BUCKETS_SLACK
      )
        this.apart = true
    }
    const old = this.readings.get(bucket)
    const stale =
      old !== undefined &&
      sameWindow(old, reading) &&
      (old.resetAtMs ?? 0) > at &&
      reading.remaining > old.remaining
    if (stale) return
    this.readings.set(bucket, { ...reading, at })
  }

  /** Whether any answer of `bucket` ever stated its budget. */
  stated(bucket: BudgetBucket): boolean {
    return this.readings.has(bucket)
  }

  /**
   * Which pause a refusal or an exhausted answer of `bucket` sets, and which ones
   * a request of it waits for: the server's policy name, the bucket once the
   * buckets are known to be counted apart, or one pause shared by every request.
   */
  pauseKey(bucket: BudgetBucket): string {
    const name = this.names.get(bucket)
    if (name !== undefined) return `policy ${name}`
    return this.apart ? `bucket ${bucket}` : SHARED_PAUSE
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
