/**
 * Rate limits for the `rateLimit` slot: per API key (or per job, for the job calls
 * made with `X-Job-Token`; see principalOf) and per route bucket (read, search,
 * write; docs/interface.md section 5), `limit` requests per window.
 *
 * Windows are FIXED and aligned to the epoch: a 60 s window runs from one whole
 * minute of the sandbox clock to the next (`floor(now / window) * window`), so a
 * reset time is easy to state and to assert, and every key's windows reset
 * together. A rejected request does not count. `timeScale` multiplies every
 * window (and a storm's retry delay), so tests and benchmarks can compress time.
 *
 * Every counted answer (2xx included) carries the limit headers in one of the
 * styles real APIs use (rate-limit-headers.ts; `retry-after-only` and `body-only`
 * send none on a success); a 429 other than `body-only` carries the Echopoint
 * envelope, code `RATE_LIMITED`.
 *
 * Each hint is recorded as `retryAt` (sandbox clock ms) on the request log entry:
 * the earliest moment the answer allowed the next request of that bucket.
 */
import { ApiError } from '../errors.js'
import type { HeaderStyle } from '../header-styles.js'
import { ROUTE_BUCKETS, type RouteBucket } from '../route-ids.js'
import { resolveServerConfig } from '../settings/server-section.js'
import type { Next, RequestContext, SandboxLayer, SandboxResponse } from '../types/http.js'
import type { RateLimitOptions, StormOptions } from '../types/options.js'
import { iso } from '../validate.js'
import {
  formatSeconds,
  hintedRetryAt,
  limitHeaders,
  secondsUntil,
  type Snapshot
} from './rate-limit-headers.js'
import { seededRandom } from './seeded-random.js'

// Kept here too for callers that import them from the rate limiter.
export { HEADER_STYLES, type HeaderStyle } from '../header-styles.js'
export type { BucketLimit, RateLimitOptions, StormOptions } from '../types/options.js'

/**
 * Who a request counts against: the API key's id, or `job:<jobId>` for a job call
 * (`X-Job-Token` routes: each job has its own windows, POSTs in `write`, the
 * webhook-requests GET in `read`). Unauthenticated requests (the webhook ingest)
 * are not counted.
 */
export function principalOf(ctx: RequestContext): string | undefined {
  return ctx.apiKey?.id ?? (ctx.job ? `job:${ctx.job.jobId}` : undefined)
}

/** Requests per window when not configured (docs/api-contract.md part C, typical limits). */
export const DEFAULT_LIMITS: Readonly<Record<RouteBucket, number>> = {
  read: 100,
  search: 30,
  write: 60
}
export const DEFAULT_WINDOW_MS = 60_000
export const DEFAULT_HEADER_STYLE: HeaderStyle = 'retry-after'
/** A storm's retry delay when not configured. */
export const DEFAULT_STORM_RETRY_AFTER_MS = 1_000

export interface ResolvedBucket {
  limit: number
  /** The window as configured, before timeScale. */
  windowMs: number
  /** The window in effect (windowMs × timeScale). */
  effectiveWindowMs: number
}

export interface RateLimitConfig {
  buckets: Record<RouteBucket, ResolvedBucket>
  style: HeaderStyle
  timeScale: number
}

interface Window {
  start: number
  count: number
}

/** Fills the defaults of rate-limit options (validated by startSandbox: settings/). */
export function resolveRateLimits(
  options: RateLimitOptions,
  sandboxTimeScale = 1
): RateLimitConfig {
  const style = options.style ?? DEFAULT_HEADER_STYLE
  const timeScale = options.timeScale ?? sandboxTimeScale
  const defaultWindow = options.windowMs ?? DEFAULT_WINDOW_MS
  const buckets = {} as Record<RouteBucket, ResolvedBucket>
  for (const bucket of ROUTE_BUCKETS) {
    const given = options[bucket] ?? DEFAULT_LIMITS[bucket]
    const limit = typeof given === 'number' ? given : given.limit
    const windowMs = typeof given === 'number' ? defaultWindow : (given.windowMs ?? defaultWindow)
    buckets[bucket] = { limit, windowMs, effectiveWindowMs: windowMs * timeScale }
  }
  return { buckets, style, timeScale }
}

/** The rate-limit layer. `sandbox.rateLimit` when rate limits are on. */
export class RateLimiter implements SandboxLayer {
  readonly name = 'rateLimit'
  readonly config: RateLimitConfig
  private readonly windows = new Map<string, Window>()
  private stormLeft = 0
  private stormFraction = 0
  private stormRetryAfterMs = DEFAULT_STORM_RETRY_AFTER_MS
  private stormRandom: () => number = seededRandom(1)

  /** @param options validated options (startSandbox checks them against the settings schema) */
  constructor(options: RateLimitOptions = {}, sandboxTimeScale = 1) {
    this.config = resolveRateLimits(options, sandboxTimeScale)
    if (options.storm) this.startStorm(options.storm)
  }

  /**
   * Starts a 429 storm (replacing any running one): the next `count` counted
   * requests, then a `fraction` of them, get 429 whatever their bucket holds.
   * Throws a RangeError naming a bad option (`rateLimits.storm.fraction …`).
   */
  storm(options: StormOptions): void {
    resolveServerConfig(undefined, { rateLimits: { storm: options } })
    this.startStorm(options)
  }

  private startStorm(options: StormOptions): void {
    this.stormLeft = options.count ?? 0
    this.stormFraction = options.fraction ?? 0
    this.stormRetryAfterMs = options.retryAfterMs ?? DEFAULT_STORM_RETRY_AFTER_MS
    this.stormRandom = seededRandom(options.seed ?? 1)
  }

  /** Ends a storm. */
  calm(): void {
    this.stormLeft = 0
    this.stormFraction = 0
  }

  /** Requests of the current window left to this key (or `job:<jobId>`) in this bucket. */
  remaining(keyId: string, bucket: RouteBucket, now: number): number {
    const { limit, effectiveWindowMs } = this.config.buckets[bucket]
    const window = this.windows.get(`${keyId}\u0000${bucket}`)
    const start = Math.floor(now / effectiveWindowMs) * effectiveWindowMs
    return window && window.start === start ? Math.max(0, limit - window.count) : limit
  }

  /** Forgets every window (all keys start afresh). */
  reset(): void {
    this.windows.clear()
  }

  async handle(ctx: RequestContext, next: Next): Promise<SandboxResponse> {
    const bucket = ctx.route?.definition.bucket
    const keyId = principalOf(ctx)
    // Only authenticated requests to a known route count (the slot sits after auth).
    if (bucket === undefined || keyId === undefined) return next()
    const now = ctx.services.clock.now()
    const { limit, effectiveWindowMs } = this.config.buckets[bucket]

    if (this.stormHits()) {
      const resetAt = now + this.stormRetryAfterMs * this.config.timeScale
      return this.reject(ctx, { bucket, limit, remaining: 0, resetAt, now, effectiveWindowMs })
    }

    const start = Math.floor(now / effectiveWindowMs) * effectiveWindowMs
    const id = `${keyId}\u0000${bucket}`
    let window = this.windows.get(id)
    if (!window || window.start !== start) {
      window = { start, count: 0 }
      this.windows.set(id, window)
    }
    const snapshot: Snapshot = {
      bucket,
      limit,
      remaining: 0,
      resetAt: start + effectiveWindowMs,
      now,
      effectiveWindowMs
    }
    if (window.count >= limit) return this.reject(ctx, snapshot)
    window.count += 1
    snapshot.remaining = limit - window.count

    const response = await next()
    // A 2xx (or any answer) with nothing left says: hold the next request until the reset.
    if (snapshot.remaining === 0) {
      const retryAt = hintedRetryAt(this.config.style, snapshot, ctx.services.clockSkewMs, false)
      if (retryAt !== undefined) ctx.annotations.retryAt = retryAt
    }
    const headers = limitHeaders(this.config.style, snapshot, ctx.services.clockSkewMs, false)
    return { ...response, headers: { ...response.headers, ...headers } }
  }

  private stormHits(): boolean {
    if (this.stormLeft > 0) {
      this.stormLeft -= 1
      return true
    }
    return this.stormFraction > 0 && this.stormRandom() < this.stormFraction
  }

  private reject(ctx: RequestContext, snapshot: Snapshot): SandboxResponse {
    const skew = ctx.services.clockSkewMs
    const seconds = secondsUntil(snapshot)
    ctx.annotations.retryAt = hintedRetryAt(this.config.style, snapshot, skew, true)
    const headers = limitHeaders(this.config.style, snapshot, skew, true)
    if (this.config.style === 'body-only') {
      return {
        status: 429,
        headers,
        body: {
          error: 'Rate limit exceeded',
          retryAfter: seconds,
          resetAt: iso(snapshot.resetAt + skew)
        }
      }
    }
    const error = new ApiError(
      429,
      'RATE_LIMITED',
      `Rate limit exceeded for ${snapshot.bucket} requests (${snapshot.limit} per ${formatSeconds(snapshot.effectiveWindowMs)}); retry in ${seconds} s`,
      { metadata: { bucket: snapshot.bucket } }
    )
    return { status: 429, headers, body: error.toEnvelope() }
  }

  /** One line for the banner, e.g. `read 100/60s, search 30/60s, write 60/60s per key`. */
  describe(): string {
    const parts = ROUTE_BUCKETS.map((b) => {
      const { limit, effectiveWindowMs } = this.config.buckets[b]
      return `${b} ${limit}/${formatSeconds(effectiveWindowMs)}`
    })
    return `${parts.join(', ')} per key; headers: ${this.config.style}`
  }
}
