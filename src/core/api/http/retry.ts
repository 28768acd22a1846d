/**
 * The retry decision. A {@link RetryPolicy} looks at one failed attempt and says
 * whether to try again, and until when to wait: the server's rate-limit hint
 * (wait-plan.ts) or our own backoff, checked against the retry budget and the step's
 * deadline. The transport runs the loop and does the waiting (pause-gate.ts).
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { EchopointError } from '../../errors.js'
import type { ErrorBody } from './error-body.js'
import { waitRefusedError } from './http-error.js'
import { isTransientNetworkError } from './network-error.js'
import { formatWait, isoTime } from '../ratelimit/wait-format.js'
import { rateLimitWait, type WaitSignal } from '../ratelimit/wait-plan.js'

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
  /** Local clock, epoch ms. */
  now: number
  /** The step's deadline (epoch ms): no wait may end after it. */
  deadline?: number
}

/** What set a wait: a server signal, or our own backoff. */
export type WaitSource = WaitSignal | 'backoff'

/** The policy's answer: no retry (and why), or a retry after a wait until `untilMs`. */
export type RetryDecision =
  | {
      retry: false
      /** For the debug log. */
      reason: string
      /** Replaces the response's error, e.g. "rate limited until T; the step's deadline is D". */
      error?: EchopointError
    }
  | {
      retry: true
      delayMs: number
      /** When the wait ends, local clock (epoch ms). */
      untilMs: number
      source: WaitSource
      /** True when the response was a rate limit (429, 503, rate-limiting 403). */
      rateLimited: boolean
      /** What failed, for the log line: `HTTP 503`, `network error ECONNRESET`. */
      cause: string
      /** This retry's number (1 = first retry) and the budget. */
      retryNumber: number
      maxRetries: number
    }

/** Decides about one failed attempt. Must not sleep or do I/O. */
export interface RetryPolicy {
  decide(context: RetryContext): RetryDecision
}

export interface RetryPolicyOptions {
  /** Retries after the first attempt (the retry budget). Default 4. */
  maxRetries?: number
  /** Backoff base. Default 500 ms. */
  baseDelayMs?: number
  /** Backoff ceiling. Default 10 s. */
  maxDelayMs?: number
  /** Longest single wait taken when there is no deadline. Default {@link DEFAULT_MAX_WAIT_MS}. */
  maxWaitMs?: number
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

/**
 * Longest single wait taken when no deadline bounds it: a CI step should not hang for
 * hours on one `Retry-After`. With a deadline, the deadline is the bound.
 */
export const DEFAULT_MAX_WAIT_MS = 60 * 60_000

/**
 * Whether a wait ending at `until` may be taken. Returns undefined when it may, or
 * why not: it ends past the step's deadline, or (without a deadline) it is longer
 * than `maxWaitMs`. A wait is refused whole rather than shortened: retrying before
 * the server's reset would only be refused again.
 */
export function checkWait(
  until: number,
  now: number,
  deadline: number | undefined,
  maxWaitMs = DEFAULT_MAX_WAIT_MS
): string | undefined {
  if (deadline !== undefined) {
    return until > deadline ? `the step's deadline is ${isoTime(deadline)}` : undefined
  }
  if (until - now > maxWaitMs) {
    return `that is longer than the longest wait taken without a deadline (${formatWait(maxWaitMs)})`
  }
  return undefined
}

/** 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry. */
const PERMANENT_5XX = new Set([501, 505])

function describe(context: RetryContext): string {
  if (context.response) return `HTTP ${context.response.status}`
  return `network error ${context.error.code ?? ''}`.trim()
}

/**
 * The default policy:
 * - never retried: the daily quota (a 24 h budget, docs/api-contract.md), 400/401/404/409/422,
 *   a 403 without rate-limit signals, 501/505, and any write without an
 *   Idempotency-Key (repeating it could launch twice);
 * - 429, 503 and rate-limiting 403s: after the wait the server asks for
 *   (wait-plan.ts), else backoff;
 * - other 5xx, 408 and transient network errors: full-jitter backoff;
 * - at most `maxRetries` retries, and no wait that ends past the deadline.
 */
export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const maxRetries = options.maxRetries ?? 4
  const base = options.baseDelayMs ?? 500
  const cap = options.maxDelayMs ?? 10_000
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS
  const random = options.random ?? Math.random

  return {
    decide(context) {
      const { error, response, attempt, now } = context
      const status = response?.status
      if (error.kind === 'quota') {
        return { retry: false, reason: 'the daily execution quota is spent; retrying cannot help' }
      }
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
      if (attempt > maxRetries) {
        return { retry: false, reason: `retry budget of ${maxRetries} spent` }
      }

      // RFC 9110 §10.2.3: with 503 (and 429, RFC 6585 §4) Retry-After says how long to wait.
      const hint =
        rateLimited && response ? rateLimitWait(response.headers, response.body, now) : undefined
      const delayMs = hint?.delayMs ?? backoffDelayMs(attempt, random, base, cap)
      const untilMs = now + delayMs
      const source: WaitSource = hint?.signal ?? 'backoff'
      const refusal = checkWait(untilMs, now, context.deadline, maxWaitMs)
      if (refusal) {
        // A rate limit fails as one, saying until when; a 5xx whose backoff does not
        // fit keeps its own error (the server's failure is the news).
        const asRateLimit = hint !== undefined || error.kind === 'rate_limited'
        return {
          retry: false,
          reason: `a wait until ${isoTime(untilMs)} is refused: ${refusal}`,
          error: asRateLimit
            ? waitRefusedError({
                request: error.request ?? context.method,
                untilMs,
                signal: source,
                why: refusal,
                error
              })
            : undefined
        }
      }
      return {
        retry: true,
        delayMs,
        untilMs,
        source,
        rateLimited,
        cause: describe(context),
        retryNumber: attempt,
        maxRetries
      }
    }
  }
}
