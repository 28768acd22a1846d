/**
 * How hard the sandbox is to talk to: rate limits, the daily quota, faults, clock
 * skew and time scale. The same settings come from `startSandbox` options, from
 * the `server:` section of a fixtures file (snake_case, validated here with the
 * path of a bad field, and turned into options by `serverConfigOf`), and from `echopoint-ci sandbox` flags (which override the
 * file field by field).
 *
 * ```yaml
 * server:
 *   time_scale: 0.1
 *   rate_limits:
 *     read: 100                       # or { limit: 100, window_ms: 60000 }
 *     search: 30
 *     write: 60
 *     style: ietf                     # retry-after | x-ratelimit-iso | x-ratelimit-epoch | ietf | body-only
 *     storm: { count: 3, fraction: 0.1, retry_after_ms: 2000, seed: 7 }
 *   quota: { daily: 50, scope: cloud_fleet }
 *   faults:
 *     seed: 42
 *     rate_5xx: 0.05
 *     rate_503: 0.02
 *     rate_reset: 0.01
 *     rate_slow: 0.05
 *     slow_ms: 300
 *     rate_malformed: 0.01
 *     rate_html: 0.01
 *     clock_skew_ms: 30000
 *     routes: [flows.launch, GET]    # route ids, methods or buckets
 *     exclude: [keys.self]
 *     after_commit: 0.5
 * ```
 */
import { Checker, type Json } from './fixture-checker.js'
import { isFaultSelector, MAX_CLOCK_SKEW_MS, MAX_SLOW_MS } from './layers/faults.js'
import type { FaultOptions } from './layers/faults.js'
import type { QuotaOptions } from './layers/quota.js'
import {
  BUCKETS,
  HEADER_STYLES,
  type BucketLimit,
  type HeaderStyle,
  type RateLimitOptions,
  type StormOptions
} from './layers/rate-limit.js'
import { allRoutes } from './routes/index.js'

/** The `server:` section, in the shape of `startSandbox` options. */
export interface SandboxServerConfig {
  timeScale?: number
  /** `false` turns rate limits off. */
  rateLimits?: RateLimitOptions | false
  quota?: QuotaOptions
  faults?: FaultOptions
}

/** Every route id, whatever the extensions (for fault selectors). */
export function knownRouteIds(): string[] {
  return allRoutes({
    permissionsForAnyKey: true,
    cancel: true,
    executionsList: true,
    keyIntrospection: true
  }).map((r) => r.id)
}

function positive(c: Checker, value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    c.fail(path, 'must be a positive number')
  }
  return value
}

function wholeNumber(c: Checker, value: unknown, path: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    c.fail(path, `must be a whole number >= ${min}`)
  }
  return value
}

function probability(c: Checker, value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    c.fail(path, 'must be a probability from 0 to 1 (e.g. 0.05 for 5%)')
  }
  return value
}

/** `rate_limits.<bucket>` in a fixtures file. */
export type FixtureBucketLimit = number | { limit: number; window_ms?: number }

/** The `server:` section of a fixtures file (snake_case, like the rest of the file). */
export interface FixtureServer {
  time_scale?: number
  rate_limits?:
    | false
    | {
        read?: FixtureBucketLimit
        search?: FixtureBucketLimit
        write?: FixtureBucketLimit
        window_ms?: number
        style?: HeaderStyle
        storm?: { count?: number; fraction?: number; retry_after_ms?: number; seed?: number }
      }
  quota?: { daily: number; scope?: string; window_ms?: number }
  faults?: {
    seed?: number
    rate_5xx?: number
    rate_503?: number
    rate_reset?: number
    rate_slow?: number
    slow_ms?: number
    rate_malformed?: number
    rate_html?: number
    retry_after_seconds?: number
    clock_skew_ms?: number
    routes?: string[]
    exclude?: string[]
    after_commit?: number | boolean
  }
}

type FixtureRateLimits = Exclude<FixtureServer['rate_limits'], false | undefined>
type FixtureFaults = NonNullable<FixtureServer['faults']>

function checkBucket(c: Checker, value: unknown, path: string): FixtureBucketLimit {
  if (typeof value === 'number') return wholeNumber(c, value, path, 1)
  const o = c.object(value, path, ['limit', 'window_ms'])
  const limit: FixtureBucketLimit = { limit: wholeNumber(c, o.limit, `${path}.limit`, 1) }
  if (o.window_ms !== undefined) limit.window_ms = positive(c, o.window_ms, `${path}.window_ms`)
  return limit
}

function checkStorm(c: Checker, value: unknown, path: string): FixtureRateLimits['storm'] {
  const o = c.object(value, path, ['count', 'fraction', 'retry_after_ms', 'seed'])
  const storm: FixtureRateLimits['storm'] = {}
  if (o.count !== undefined) storm.count = wholeNumber(c, o.count, `${path}.count`, 0)
  if (o.fraction !== undefined) storm.fraction = probability(c, o.fraction, `${path}.fraction`)
  if (o.retry_after_ms !== undefined) {
    storm.retry_after_ms = positive(c, o.retry_after_ms, `${path}.retry_after_ms`)
  }
  if (o.seed !== undefined) storm.seed = c.number(o.seed, `${path}.seed`, -Infinity, true)
  return storm
}

function checkRateLimits(c: Checker, value: unknown, path: string): FixtureServer['rate_limits'] {
  if (value === false) return false
  const o = c.object(value, path, [...BUCKETS, 'window_ms', 'style', 'storm'])
  const limits: FixtureRateLimits = {}
  for (const bucket of BUCKETS) {
    if (o[bucket] !== undefined) limits[bucket] = checkBucket(c, o[bucket], `${path}.${bucket}`)
  }
  if (o.window_ms !== undefined) limits.window_ms = positive(c, o.window_ms, `${path}.window_ms`)
  if (o.style !== undefined) {
    if (!HEADER_STYLES.includes(o.style as HeaderStyle)) {
      c.fail(`${path}.style`, `must be one of ${HEADER_STYLES.join(', ')}`)
    }
    limits.style = o.style as HeaderStyle
  }
  if (o.storm !== undefined) limits.storm = checkStorm(c, o.storm, `${path}.storm`)
  return limits
}

function checkQuota(c: Checker, value: unknown, path: string): FixtureServer['quota'] {
  const o = c.object(value, path, ['daily', 'scope', 'window_ms'])
  const quota: NonNullable<FixtureServer['quota']> = {
    daily: wholeNumber(c, o.daily, `${path}.daily`, 0)
  }
  if (o.scope !== undefined) quota.scope = c.string(o.scope, `${path}.scope`)
  if (o.window_ms !== undefined) quota.window_ms = positive(c, o.window_ms, `${path}.window_ms`)
  return quota
}

const FAULT_RATES = [
  'rate_5xx',
  'rate_503',
  'rate_reset',
  'rate_slow',
  'rate_malformed',
  'rate_html'
] as const

function checkSelectors(c: Checker, value: unknown, path: string, routeIds: string[]): string[] {
  return c.array(value, path).map((v, i) => {
    const selector = c.string(v, `${path}[${i}]`)
    if (!isFaultSelector(selector, routeIds)) {
      c.fail(
        `${path}[${i}]`,
        `unknown selector "${selector}": use a route id (${routeIds.join(', ')}), GET or POST, or read, search or write`
      )
    }
    return selector
  })
}

function checkFaults(c: Checker, value: unknown, path: string): FixtureFaults {
  const o = c.object(value, path, [
    'seed',
    ...FAULT_RATES,
    'slow_ms',
    'retry_after_seconds',
    'clock_skew_ms',
    'routes',
    'exclude',
    'after_commit'
  ])
  const faults: FixtureFaults = {}
  if (o.seed !== undefined) faults.seed = c.number(o.seed, `${path}.seed`, -Infinity, true)
  let total = 0
  for (const rate of FAULT_RATES) {
    if (o[rate] === undefined) continue
    const p = probability(c, o[rate], `${path}.${rate}`)
    faults[rate] = p
    total += p
  }
  if (total > 1 + 1e-9) {
    c.fail(
      path,
      `the fault probabilities (${FAULT_RATES.join(', ')}) add up to ${total}; at most 1`
    )
  }
  if (o.slow_ms !== undefined) {
    const slowMs = c.number(o.slow_ms, `${path}.slow_ms`, 0)
    if (slowMs > MAX_SLOW_MS) c.fail(`${path}.slow_ms`, `must be at most ${MAX_SLOW_MS}`)
    faults.slow_ms = slowMs
  }
  if (o.retry_after_seconds !== undefined) {
    faults.retry_after_seconds = wholeNumber(
      c,
      o.retry_after_seconds,
      `${path}.retry_after_seconds`,
      0
    )
  }
  if (o.clock_skew_ms !== undefined) {
    const skew = c.number(o.clock_skew_ms, `${path}.clock_skew_ms`, -MAX_CLOCK_SKEW_MS)
    if (skew > MAX_CLOCK_SKEW_MS) c.fail(`${path}.clock_skew_ms`, 'must be within ±24 h')
    faults.clock_skew_ms = skew
  }
  const routeIds = knownRouteIds()
  if (o.routes !== undefined)
    faults.routes = checkSelectors(c, o.routes, `${path}.routes`, routeIds)
  if (o.exclude !== undefined) {
    faults.exclude = checkSelectors(c, o.exclude, `${path}.exclude`, routeIds)
  }
  if (o.after_commit !== undefined) {
    faults.after_commit =
      typeof o.after_commit === 'boolean'
        ? o.after_commit
        : probability(c, o.after_commit, `${path}.after_commit`)
  }
  return faults
}

/** Validates the `server:` section of a fixtures file. */
export function checkServerSection(c: Checker, value: unknown): FixtureServer {
  const o: Json = c.object(value, 'server', ['time_scale', 'rate_limits', 'quota', 'faults'])
  const server: FixtureServer = {}
  if (o.time_scale !== undefined) server.time_scale = positive(c, o.time_scale, 'server.time_scale')
  if (o.rate_limits !== undefined) {
    server.rate_limits = checkRateLimits(c, o.rate_limits, 'server.rate_limits')
  }
  if (o.quota !== undefined) server.quota = checkQuota(c, o.quota, 'server.quota')
  if (o.faults !== undefined) server.faults = checkFaults(c, o.faults, 'server.faults')
  return server
}

function bucketOptions(limit: FixtureBucketLimit | undefined): BucketLimit | undefined {
  if (limit === undefined || typeof limit === 'number') return limit
  return { limit: limit.limit, windowMs: limit.window_ms }
}

/** The `server:` section (validated) in the shape of `startSandbox` options. */
export function serverConfigOf(server: FixtureServer | undefined): SandboxServerConfig {
  if (!server) return {}
  const config: SandboxServerConfig = { timeScale: server.time_scale }
  const limits = server.rate_limits
  if (limits === false) config.rateLimits = false
  else if (limits) {
    const storm: StormOptions | undefined = limits.storm && {
      count: limits.storm.count,
      fraction: limits.storm.fraction,
      retryAfterMs: limits.storm.retry_after_ms,
      seed: limits.storm.seed
    }
    config.rateLimits = {
      read: bucketOptions(limits.read),
      search: bucketOptions(limits.search),
      write: bucketOptions(limits.write),
      windowMs: limits.window_ms,
      style: limits.style,
      storm
    }
  }
  if (server.quota) {
    config.quota = {
      daily: server.quota.daily,
      scope: server.quota.scope,
      windowMs: server.quota.window_ms
    }
  }
  const f = server.faults
  if (f) {
    config.faults = {
      seed: f.seed,
      rate5xx: f.rate_5xx,
      rate503: f.rate_503,
      rateReset: f.rate_reset,
      rateSlow: f.rate_slow,
      slowMs: f.slow_ms,
      rateMalformed: f.rate_malformed,
      rateHtml: f.rate_html,
      retryAfterSeconds: f.retry_after_seconds,
      clockSkewMs: f.clock_skew_ms,
      routes: f.routes,
      exclude: f.exclude,
      afterCommit: f.after_commit
    }
  }
  return config
}

/** A copy without the keys whose value is undefined (so they do not hide the file's). */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined)
  ) as Partial<T>
}

/**
 * The settings in effect: `options` over `file`, field by field within each group
 * (a flag for the read limit keeps the file's header style; an undefined field
 * keeps the file's value). `rateLimits: false` turns rate limits off, `options`
 * winning.
 */
export function mergeServerConfig(
  file: SandboxServerConfig | undefined,
  options: SandboxServerConfig
): SandboxServerConfig {
  const merged: SandboxServerConfig = {}
  const timeScale = options.timeScale ?? file?.timeScale
  if (timeScale !== undefined) merged.timeScale = timeScale
  const fileLimits = file?.rateLimits
  if (options.rateLimits === false || (options.rateLimits === undefined && fileLimits === false)) {
    merged.rateLimits = false
  } else if (options.rateLimits !== undefined || fileLimits !== undefined) {
    merged.rateLimits = { ...defined(fileLimits || undefined), ...defined(options.rateLimits) }
  }
  if (options.quota !== undefined || file?.quota !== undefined) {
    merged.quota = { ...defined(file?.quota), ...defined(options.quota) } as QuotaOptions
  }
  if (options.faults !== undefined || file?.faults !== undefined) {
    merged.faults = { ...defined(file?.faults), ...defined(options.faults) }
  }
  return merged
}
