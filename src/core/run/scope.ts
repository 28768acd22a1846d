/**
 * The time frame of one run: one signal that aborts every request and wait when
 * the run must stop (the step's deadline, or a cancel from the runner), a
 * second one that gives launch requests already sent a short grace to answer,
 * and the budget left for cancelling what the run started.
 *
 * The step must end within its `timeout`, cancels and reports included, so
 * following stops a little before the deadline: `wrapUpMs(timeout)` (5.5 s, or a
 * fifth of a short timeout) is kept for the launch grace and the cancels.
 */
import { setMaxListeners } from 'node:events'
import type { Clock } from '../clock.js'

/** Time allowed for cancelling what we started after a cancel (GitHub allows 7.5 s before SIGTERM). */
export const CANCEL_BUDGET_MS = 4000
/**
 * After a stop, launch requests already sent get this long to answer: the server
 * may have created the execution, and only its answer tells us which one to
 * cancel. With CANCEL_BUDGET_MS this stays inside GitHub's 7.5 s.
 */
export const LAUNCH_GRACE_MS = 1500
/** Kept free at the very end of the deadline for writing the reports. */
export const REPORT_MARGIN_MS = 250

export type StopReason = 'timeout' | 'cancelled'

/** The abort reason of a run's signal. */
export class RunAbort extends Error {
  constructor(readonly why: StopReason) {
    super(why === 'timeout' ? 'the step deadline passed' : 'the run was cancelled')
    this.name = 'AbortError'
  }
}

/** How long before its deadline a run of `timeoutMs` stops following, to cancel and report in time. */
export function wrapUpMs(timeoutMs: number): number {
  return Math.min(LAUNCH_GRACE_MS + CANCEL_BUDGET_MS, Math.floor(timeoutMs / 5))
}

export class RunScope {
  readonly startedAt: number
  /** The step's deadline (epoch ms): the run ends before it. */
  readonly deadline: number
  /** Aborts (with a RunAbort) when the run must stop. */
  readonly signal: AbortSignal
  private readonly controller = new AbortController()
  private readonly timer = new AbortController()
  private readonly graceTimer = new AbortController()
  private readonly launchRequests = new AbortController()
  private readonly external?: AbortSignal
  private readonly onExternal = (): void => this.stop('cancelled')
  private readonly onStop = (): void => this.startGrace()

  constructor(
    readonly clock: Clock,
    timeoutMs: number,
    external?: AbortSignal
  ) {
    this.startedAt = clock.now()
    this.deadline = this.startedAt + timeoutMs
    this.signal = this.controller.signal
    // Every request and wait of the run listens on these (up to max-parallel of each at once).
    setMaxListeners(1000, this.signal, this.launchRequests.signal)
    void clock.sleep(timeoutMs - wrapUpMs(timeoutMs), this.timer.signal).then(
      () => this.stop('timeout'),
      () => undefined
    )
    this.external = external
    if (external?.aborted) this.stop('cancelled')
    external?.addEventListener('abort', this.onExternal, { once: true })
    if (this.signal.aborted) this.startGrace()
    else this.signal.addEventListener('abort', this.onStop, { once: true })
  }

  /** Why the run was stopped, if it was. */
  get why(): StopReason | undefined {
    return this.signal.aborted ? (this.signal.reason as RunAbort).why : undefined
  }

  /**
   * For launch requests: aborts LAUNCH_GRACE_MS after `signal` (less when the
   * deadline is near), so an answer already on its way is still read.
   */
  get launchSignal(): AbortSignal {
    return this.launchRequests.signal
  }

  /**
   * Milliseconds the cancels may take, from now: CANCEL_BUDGET_MS within the rest
   * of the deadline. `patient` (a run that chose to stop, fail-fast, with time
   * left) allows the rest of the deadline: a cancel may wait for the write window.
   */
  cancelBudgetMs(patient = false): number {
    const untilDeadline = this.deadline - REPORT_MARGIN_MS - this.clock.now()
    if (patient && !this.why) return Math.max(100, untilDeadline)
    const budget = this.why === 'cancelled' ? CANCEL_BUDGET_MS : untilDeadline
    return Math.max(100, Math.min(budget, CANCEL_BUDGET_MS))
  }

  /**
   * Milliseconds a flow's wrap-up (an ephemeral job's last events and its
   * completion) may take, from now: the rest of the deadline, or after a stop
   * the cancel budget within it. Never past the deadline.
   */
  wrapUpBudgetMs(): number {
    const untilDeadline = this.deadline - REPORT_MARGIN_MS - this.clock.now()
    return Math.max(100, this.why ? Math.min(untilDeadline, CANCEL_BUDGET_MS) : untilDeadline)
  }

  /** Ends the launch grace at once (every launch has answered). */
  endGrace(): void {
    this.graceTimer.abort()
  }

  /** Releases the timers and listeners; the process may then exit. */
  dispose(): void {
    this.timer.abort()
    this.graceTimer.abort()
    this.external?.removeEventListener('abort', this.onExternal)
    this.signal.removeEventListener('abort', this.onStop)
  }

  private stop(why: StopReason): void {
    if (!this.controller.signal.aborted) this.controller.abort(new RunAbort(why))
  }

  private startGrace(): void {
    const untilDeadline = this.deadline - REPORT_MARGIN_MS - this.clock.now()
    const grace = Math.max(0, Math.min(LAUNCH_GRACE_MS, untilDeadline / 3))
    void this.clock.sleep(grace, this.graceTimer.signal).then(
      () => this.launchRequests.abort(this.signal.reason),
      () => undefined
    )
  }
}
