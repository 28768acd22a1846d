/**
 * Rate limits for the `rateLimit` slot: per API key and per route bucket (read,
 * search, write; interface.md section 5), `limit` requests per window.
 *
 * Windows are FIXED and aligned to the epoch: a 60 s window runs from one whole
 * minute of the sandbox clock to the next (`floor(now / window) * window`), so a
 * reset time is easy to state and to assert, and every key's windows reset
 * together. A rejected request does not count. `timeScale` multiplies every
 * window (and a storm's retry delay), so tests and benchmarks can compress time.
 *
 * Every counted answer (2xx included) carries the limit headers in one of the
 * styles real APIs use (contract.md part C):
 *
 * - `retry-after`: `X-RateLimit-Limit`, `X-RateLimit-Remaining`; on 429 also
 *   `Retry-After: <seconds>` (RFC 9110 section 10.2.3).
 * - `x-ratelimit-iso`: `X-RateLimit-Limit`, `X-RateLimit-Remaining`,
 *   `X-RateLimit-Reset: <ISO 8601>`.
 * - `x-ratelimit-epoch`: the same with `X-RateLimit-Reset: <Unix epoch seconds>`.
 * - `ietf`: `RateLimit-Policy: "<bucket>";q=<limit>;w=<window s>` and
 *   `RateLimit: "<bucket>";r=<remaining>;t=<seconds to reset>`
 *   (draft-ietf-httpapi-ratelimit-headers).
 * - `body-only`: no headers; a 429's body is
 *   `{"error":"Rate limit exceeded","retryAfter":45,"resetAt":"<ISO>"}`.
 *
 * Other styles answer 429 with the Echopoint envelope, code `RATE_LIMITED`.
 * Seconds are whole and rounded up (a client that waits them is never early).
 * Absolute reset times are in SERVER time: the sandbox clock plus the configured
 * clock skew, the same clock as the `Date` header, so only a client that reads
 * `Date` computes the right wait.
 *
 * Each hint is recorded as `retryAt` (sandbox clock ms) on the request log entry:
 * the earliest moment the answer allowed the next request of that bucket.
 */
import type { RequestContext, SandboxResponse } from '../context.js'
import { ApiError } from '../errors.js'
import type { Next, SandboxLayer } from '../pipeline.js'
import type { RouteBucket } from '../router.js'
import { iso } from '../validate.js'
import { seededRandom } from './seeded-random.js'

export const HEADER_STYLES = [
  'retry-after',
  'x-ratelimit-iso',
  'x-ratelimit-epoch',
  'ietf',
  'body-only'
] as const

/** How the limit is told to the client. */
export type HeaderStyle = (typeof HEADER_STYLES)[number]

export const BUCKETS: readonly RouteBucket[] = ['read', 'search', 'write']

/** Requests per window when not configured (contract.md part C, typical limits). */
export const DEFAULT_LIMITS: Readonly<Record<RouteBucket, number>> = {
  read: 100,
  search: 30,
  write: 60
}
export const DEFAULT_WINDOW_MS = 60_000
export const DEFAULT_HEADER_STYLE: HeaderStyle = 'retry-after'
/** A storm's retry delay when not configured. */
export const DEFAULT_STORM_RETRY_AFTER_MS = 1_000

/** One bucket's limit: a number of requests per the default window, or both. */
export type BucketLimit = number | { limit: number; windowMs?: number }

/** A "429 storm": answer 429 regardless of the buckets, with a valid hint. */
export interface StormOptions {
  /** The next `count` counted requests get 429. */
  count?: number
  /** Afterwards (or alone), each request gets 429 with this probability (0..1). */
  fraction?: number
  /** The wait each storm 429 asks for (before timeScale). Default 1000. */
  retryAfterMs?: number
  /** Seed of the `fraction` draws. Default 1. */
  seed?: number
}

export interface RateLimitOptions {
  read?: BucketLimit
  search?: BucketLimit
  write?: BucketLimit
  /** Window of the buckets given as a bare number (before timeScale). Default 60 000. */
  windowMs?: number
  style?: HeaderStyle
  storm?: StormOptions
  /** Multiplies every window and the storm's delay. Default: the sandbox's timeScale. */
  timeScale?: number
}

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

function check(ok: boolean, what: string, value: unknown, rule: string): void {
  if (!ok) throw new RangeError(`rateLimits.${what} must be ${rule}, got ${String(value)}`)
}

const isPositiveInt = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1
const isPositive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0
const isProbability = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1

/** Validates rate-limit options (RangeError naming the option) and fills the defaults. */
export function resolveRateLimits(
  options: RateLimitOptions,
  sandboxTimeScale = 1
): RateLimitConfig {
  const style = options.style ?? DEFAULT_HEADER_STYLE
  check(HEADER_STYLES.includes(style), 'style', style, `one of ${HEADER_STYLES.join(', ')}`)
  const timeScale = options.timeScale ?? sandboxTimeScale
  check(isPositive(timeScale), 'timeScale', timeScale, 'a positive number')
  const defaultWindow = options.windowMs ?? DEFAULT_WINDOW_MS
  check(isPositive(defaultWindow), 'windowMs', defaultWindow, 'a positive number of ms')
  const buckets = {} as Record<RouteBucket, ResolvedBucket>
  for (const bucket of BUCKETS) {
    const given = options[bucket] ?? DEFAULT_LIMITS[bucket]
    const limit = typeof given === 'number' ? given : given.limit
    const windowMs = typeof given === 'number' ? defaultWindow : (given.windowMs ?? defaultWindow)
    check(isPositiveInt(limit), `${bucket}`, limit, 'a whole number of requests >= 1')
    check(isPositive(windowMs), `${bucket}.windowMs`, windowMs, 'a positive number of ms')
    buckets[bucket] = { limit, windowMs, effectiveWindowMs: windowMs * timeScale }
  }
  if (options.storm) validateStorm(options.storm)
  return { buckets, style, timeScale }
}

function validateStorm(storm: StormOptions): void {
  const { count, fraction, retryAfterMs, seed } = storm
  if (count !== undefined) {
    check(Number.isInteger(count) && count >= 0, 'storm.count', count, 'a whole number >= 0')
  }
  if (fraction !== undefined) {
    check(isProbability(fraction), 'storm.fraction', fraction, 'a number from 0 to 1')
  }
  if (retryAfterMs !== undefined) {
    check(isPositive(retryAfterMs), 'storm.retryAfterMs', retryAfterMs, 'a positive number of ms')
  }
  if (seed !== undefined) check(Number.isFinite(seed), 'storm.seed', seed, 'a number')
}

/** What a counted request learned about its bucket, for the headers. */
interface Snapshot {
  bucket: RouteBucket
  limit: number
  remaining: number
  /** Sandbox clock ms when the window (or the storm's wait) ends. */
  resetAt: number
  now: number
  effectiveWindowMs: number
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

  constructor(options: RateLimitOptions = {}, sandboxTimeScale = 1) {
    this.config = resolveRateLimits(options, sandboxTimeScale)
    if (options.storm) this.storm(options.storm)
  }

  /**
   * Starts a 429 storm (replacing any running one): the next `count` counted
   * requests, then a `fraction` of them, get 429 whatever their bucket holds.
   */
  storm(options: StormOptions): void {
    validateStorm(options)
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

  /** Requests of the current window left to this key in this bucket. */
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
    const keyId = ctx.apiKey?.id
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
      const retryAt = this.hintedRetryAt(snapshot, ctx.services.clockSkewMs, false)
      if (retryAt !== undefined) ctx.annotations.retryAt = retryAt
    }
    const headers = this.headers(snapshot, ctx.services.clockSkewMs, false)
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
    ctx.annotations.retryAt = this.hintedRetryAt(snapshot, skew, true)
    const headers = this.headers(snapshot, skew, true)
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

  /** The limit headers of an answer in the configured style. */
  private headers(s: Snapshot, skew: number, rejected: boolean): Record<string, string> {
    const seconds = secondsUntil(s)
    const serverReset = s.resetAt + skew
    switch (this.config.style) {
      case 'retry-after': {
        const headers: Record<string, string> = {
          'x-ratelimit-limit': String(s.limit),
          'x-ratelimit-remaining': String(s.remaining)
        }
        if (rejected) headers['retry-after'] = String(seconds)
        return headers
      }
      case 'x-ratelimit-iso':
      case 'x-ratelimit-epoch':
        return {
          'x-ratelimit-limit': String(s.limit),
          'x-ratelimit-remaining': String(s.remaining),
          'x-ratelimit-reset':
            this.config.style === 'x-ratelimit-iso'
              ? iso(serverReset)
              : String(Math.ceil(serverReset / 1000))
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
   * Undefined when the answer says nothing about it (a 2xx in the retry-after or
   * body-only style).
   */
  private hintedRetryAt(s: Snapshot, skew: number, rejected: boolean): number | undefined {
    const seconds = secondsUntil(s)
    switch (this.config.style) {
      case 'retry-after':
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

  /** One line for the banner, e.g. `read 100/60s, search 30/60s, write 60/60s per key`. */
  describe(): string {
    const parts = BUCKETS.map((b) => {
      const { limit, effectiveWindowMs } = this.config.buckets[b]
      return `${b} ${limit}/${formatSeconds(effectiveWindowMs)}`
    })
    return `${parts.join(', ')} per key; headers: ${this.config.style}`
  }
}

/** Whole seconds until the reset, rounded up, at least 1. */
function secondsUntil(s: Snapshot): number {
  return Math.max(1, Math.ceil((s.resetAt - s.now) / 1000))
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(3).replace(/0+$/, '')}s`
}
