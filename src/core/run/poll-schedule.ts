/**
 * When to poll next (`poll-interval: auto`): soon after launch, then following the
 * expected remaining time of the executions in flight, at least every
 * AUTO_FEW_MS while one read covers them all, and never faster than the read
 * budget the server advertises allows. A fixed `poll-interval` overrides all of
 * it.
 *
 * The expected end of an execution is its start plus the typical duration seen in
 * this run so far (the median of the executions that ended). Asking each flow's
 * history (`GET /flows/{id}/executions`) would cost one read per flow, as much as
 * the whole run's tracking; what the run has seen is free.
 */
import type { BudgetReading } from '../api/ratelimit/budget.js'

/** First poll after launch; without expectations, back off by AUTO_GROWTH up to AUTO_MAX_MS. */
export const AUTO_FIRST_MS = 1000
export const AUTO_MAX_MS = 5000
export const AUTO_GROWTH = 1.5
/** Never closer than this, even when an end is expected sooner. */
export const AUTO_MIN_MS = 500
/** Once an execution is past its expected end: poll this often (budget permitting). */
export const AUTO_TAIL_MS = 500
/**
 * While one read covers every execution in flight (one listing page, or a
 * single execution polled on its own), rounds come at least this often, budget
 * permitting: a short run is not made to wait for being short (one flow of 1.5 s
 * is seen to end within a second of its end).
 */
export const AUTO_FEW_MS = 800

export interface PollPlanInput {
  /** Rounds done so far (0 before the first). */
  round: number
  now: number
  /** Expected end (epoch ms) of each execution still in flight; empty when unknown. */
  expectedEnds: readonly number[]
  /** Read requests the next round will take. */
  requestsPerRound: number
  /** Reads to keep aside for other work (node results still to read). */
  reserve?: number
  /** The read budget as the server last stated it. */
  budget?: BudgetReading
}

/** The delay before polling round `round` (0-based) without anything else known. */
export function backoffDelay(round: number): number {
  return Math.min(AUTO_MAX_MS, AUTO_FIRST_MS * AUTO_GROWTH ** round)
}

/**
 * The shortest delay that keeps polling inside the read budget: the time to the
 * window's reset spread over the rounds the remaining requests allow.
 */
export function budgetFloor(
  budget: BudgetReading | undefined,
  now: number,
  perRound: number,
  reserve = 0
): number {
  if (!budget) return 0
  const rounds = Math.floor(Math.max(0, budget.remaining - reserve) / Math.max(1, perRound))
  if (budget.resetAtMs !== undefined && budget.resetAtMs > now) {
    const toReset = budget.resetAtMs - now
    return rounds >= 1 ? toReset / rounds : toReset
  }
  // No reset time: the average rate the limit allows over its window, when known.
  if (budget.limit !== undefined && budget.limit > 0 && budget.windowMs !== undefined) {
    return (budget.windowMs * Math.max(1, perRound)) / budget.limit
  }
  return 0
}

/** Milliseconds to wait before the next round. */
export function nextPollDelay(pollInterval: number | 'auto', input: PollPlanInput): number {
  if (pollInterval !== 'auto') return pollInterval
  let delay: number
  if (input.expectedEnds.length === 0) {
    delay = backoffDelay(input.round)
  } else {
    const soonest = Math.min(...input.expectedEnds) - input.now
    delay = soonest > 0 ? Math.min(AUTO_MAX_MS, Math.max(AUTO_MIN_MS, soonest)) : AUTO_TAIL_MS
  }
  if (input.requestsPerRound <= 1) delay = Math.min(delay, AUTO_FEW_MS)
  return Math.ceil(
    Math.max(delay, budgetFloor(input.budget, input.now, input.requestsPerRound, input.reserve))
  )
}

/** The median of `values` (undefined for none). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
