/**
 * The sandbox's settings as `startSandbox` options (camelCase): rate limits, the
 * daily quota, faults and clock skew. The fixtures file's `server:` section holds
 * the same settings in snake_case (types/fixtures.ts); both are validated by one
 * schema (settings/), and the layers receive them already validated.
 */
import type { HeaderStyle } from '../header-styles.js'

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

export interface QuotaOptions {
  /** Executions per organization per window. */
  daily: number
  /** `metadata.scope` of the 429. Default `cloud_fleet`. */
  scope?: string
  /** The rolling window. Default 24 h (not scaled by timeScale). */
  windowMs?: number
}

export interface FaultOptions {
  /** Seed of the generator. Default 1. */
  seed?: number
  /** Probability (0..1) of a 500 or 502 (half each). */
  rate5xx?: number
  /** Probability of a 503 with Retry-After. */
  rate503?: number
  /** Probability of a connection reset. */
  rateReset?: number
  /** Probability of a slow answer. */
  rateSlow?: number
  /** How long a slow answer is held back, in real ms. Default 500, at most 30 000. */
  slowMs?: number
  /** Probability of a truncated JSON body. */
  rateMalformed?: number
  /** Probability of a proxy's HTML error page. */
  rateHtml?: number
  /** The 503's Retry-After, in seconds. Default 1. */
  retryAfterSeconds?: number
  /** Offset of the server's clock (ms, may be negative): `Date` and rate-limit resets. */
  clockSkewMs?: number
  /**
   * Which requests may get a fault: route ids (`flows.launch`), methods (`GET`,
   * `POST`) or buckets (`read`, `search`, `write`); any match targets. Default: all.
   */
  routes?: string[]
  /** Requests never faulted, same selectors (e.g. `['keys.self']`). */
  exclude?: string[]
  /** Probability (or true = 1) that a fault on a write route hits after the handler ran. */
  afterCommit?: number | boolean
}

/** The `server:` section, in the shape of `startSandbox` options. */
export interface SandboxServerConfig {
  timeScale?: number
  /** An ephemeral job's lease, ms (claim and each renewal; not scaled by timeScale). */
  ephemeralLeaseMs?: number
  /** `false` turns rate limits off. */
  rateLimits?: RateLimitOptions | false
  quota?: QuotaOptions
  faults?: FaultOptions
}
