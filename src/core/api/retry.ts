/**
 * The retry and rate-limit seam. A {@link RetryPolicy} looks at one failed attempt and
 * says whether to try again and after how long; {@link checkWait} says whether that
 * wait fits the step's deadline. The transport runs the loop and does the waiting.
 *
 * The wait engine grows here: more rate-limit signal forms (rate-limit.ts), a pause
 * shared across requests, and wait budgets. The transport only consumes decisions.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { EchopointError } from '../errors.js'
import type { ErrorBody } from './error-body.js'
import { isTransientNetworkError } from './network-error.js'
import { rateLimitDelayMs } from './rate-limit.js'

/** One failed attempt, as the policy sees it. */
export interface RetryContext {
  /** 1-based number of the attempt that just failed. */
  attempt: number
  method: string
  /**
   * Whether repeating the request is safe: GET, a POST carrying an Idempotency-Key,
   * or a POST that only reads (RFC 9110 §9.2.2 idempotent methods).
   */
  idempotent: boolean
  hasIdempotencyKey: boolean
  error: EchopointError
  /** The response, when there was one (absent for network errors). */
  response?: { status: number; headers: IncomingHttpHeaders; body: ErrorBody }
  /** Epoch ms. */
  now: number
}

export type RetryDecision =
  | { retry: false; reason: string }
  | {
      retry: true
      delayMs: number
      /** For the log line, e.g. `HTTP 503 (backoff)`. */
      reason: string
      /** True when the server asked for the wait (a rate limit), false for our own backoff. */
      rateLimited: boolean
    }

/** Decides about one failed attempt. Must not sleep or do I/O. */
export interface RetryPolicy {
  decide(context: RetryContext): RetryDecision
}

export interface RetryPolicyOptions {
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number
  /** Backoff base. Default 500 ms. */
  baseDelayMs?: number
  /** Backoff ceiling. Default 10 s. */
  maxDelayMs?: number
  /** Random source in [0, 1) for jitter. Default Math.random. */
  random?: () => number
}

/**
 * Full-jitter exponential backoff: uniform in [0, min(cap, base·2^(attempt-1))].
 * Spreads retries from many CI jobs hitting the same API after a blip
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number,
  baseDelayMs = 500,
  maxDelayMs = 10_000
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(Math.min(Math.max(random(), 0), 1) * ceiling)
}

/** 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry. */
const PERMANENT_5XX = new Set([501, 505])

function describe(context: RetryContext): string {
  if (context.response) return `HTTP ${context.response.status}`
  return `network error ${context.error.code ?? ''}`.trim()
}

/**
 * The default policy: retries only idempotent requests; 5xx (but 501/505), 408 and
 * transient network errors with backoff; 429, 503 and rate-limiting 403s after the
 * wait the server asks for (else backoff). 400/401/403/404/409/422 and the daily
 * quota are final.
 */
export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const maxRetries = options.maxRetries ?? 4
  const base = options.baseDelayMs ?? 500
  const cap = options.maxDelayMs ?? 10_000
  const random = options.random ?? Math.random

  return {
    decide(context) {
      const { error, response, attempt } = context
      const status = response?.status
      const rateLimited = error.kind === 'rate_limited' || status === 503
      const retryable =
        rateLimited ||
        (error.kind === 'server' && !PERMANENT_5XX.has(status ?? 0)) ||
        isTransientNetworkError(error)
      if (!retryable) return { retry: false, reason: `${describe(context)} is not retryable` }
      if (!context.idempotent) {
        return {
          retry: false,
          reason: `${context.method} without an Idempotency-Key is not repeated`
        }
      }
      if (attempt > maxRetries)
        return { retry: false, reason: `retry budget of ${maxRetries} spent` }

      // RFC 9110 §10.2.3: with 503 (and 429, RFC 6585 §4) Retry-After says how long to wait.
      const asked =
        rateLimited && response ? rateLimitDelayMs(response.headers, response.body) : undefined
      if (asked) {
        return {
          retry: true,
          delayMs: asked.delayMs,
          reason: `${describe(context)} (${asked.source})`,
          rateLimited: true
        }
      }
      const delayMs = backoffDelayMs(attempt, random, base, cap)
      return { retry: true, delayMs, reason: `${describe(context)} (backoff)`, rateLimited: false }
    }
  }
}

/** Default longest single wait when no deadline bounds it: a CI step should not hang for hours. */
export const DEFAULT_MAX_WAIT_MS = 15 * 60_000

/**
 * Whether a wait ending at `until` may be taken. Returns undefined when it may, or why
 * not: past the step's deadline, or longer than the longest single wait.
 */
export function checkWait(
  until: number,
  now: number,
  deadline: number | undefined,
  maxWaitMs = DEFAULT_MAX_WAIT_MS
): string | undefined {
  if (deadline !== undefined && until > deadline) {
    return `the step's deadline is ${new Date(deadline).toISOString()}`
  }
  if (until - now > maxWaitMs) {
    return `that is longer than the longest wait taken (${Math.round(maxWaitMs / 1000)}s)`
  }
  return undefined
}
