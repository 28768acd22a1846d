/**
 * Early failure and `fail-fast`. Every flow's end is reported as soon as it is
 * known (a log line with its first failure, and `onFlowEnd` for the adapters,
 * which annotate at once). With fail-fast on, the first flow that does not pass
 * stops the run: no more launches, following ends, and the executions still
 * running are cancelled. The verdict then names that flow, and the flows it
 * stopped are reported as cancelled because of it, not as the run's failure.
 */
import type { Logger } from '../logger.js'
import type { FollowItem } from './follow-item.js'
import { failureLine, firstFailure, type FlowReport } from './results.js'
import type { RunScope } from './scope.js'

/** What fail-fast did, when it stopped the run. */
export interface FailFastStop {
  /** The flow whose end stopped the run, and how it ended. */
  flowName: string
  status: FlowReport['status']
  /** Flows cancelled while running, and flows never launched, because of it. */
  cancelled: number
  notLaunched: number
}

export class FailFast {
  /** Aborted when fail-fast stops the run; undefined when fail-fast is off. */
  readonly signal: AbortSignal | undefined
  private readonly controller: AbortController | undefined
  private cause: FlowReport | undefined
  private readonly cancelledIds = new Set<string>()
  private readonly seen = new Set<string>()

  constructor(
    enabled: boolean,
    private readonly scope: RunScope,
    private readonly deps: { logger: Logger; onFlowEnd?: (report: FlowReport) => void }
  ) {
    this.controller = enabled ? new AbortController() : undefined
    this.signal = this.controller?.signal
  }

  /** True once fail-fast stopped the run. */
  get stopped(): boolean {
    return this.signal?.aborted === true
  }

  /** A flow's end is known: report it now, and stop the run if it did not pass. */
  ended(report: FlowReport): void {
    const id = `${report.flow_id} ${report.execution_id ?? ''}`
    if (this.seen.has(id)) return
    this.seen.add(id)
    // Where a flow failed (its node); an error without one was logged where it happened.
    if (report.status !== 'passed' && firstFailure(report)) {
      this.deps.logger.info(`"${report.flow_name}" ${report.status}: ${failureLine(report) ?? ''}`)
    }
    try {
      this.deps.onFlowEnd?.(report)
    } catch {
      // A reporter that throws must not stop the run.
    }
    if (report.status === 'passed' || !this.controller || this.stopped) return
    if (this.scope.signal.aborted) return
    this.cause = report
    this.deps.logger.info(
      `Fail-fast: "${report.flow_name}" ${report.status}; launching no more flows and cancelling those still running`
    )
    this.controller.abort(new Error(`fail-fast after "${report.flow_name}" ${report.status}`))
  }

  /** The executions about to be cancelled because of fail-fast. */
  cancelling(items: readonly FollowItem[]): void {
    if (!this.stopped || this.scope.why) return
    for (const item of items) this.cancelledIds.add(item.flow.id)
  }

  /**
   * The reports as fail-fast leaves them: the flows it stopped say so, and are
   * left out of the run's status (`consequences`). Undefined when it did not stop the run.
   */
  outcome(
    reports: readonly FlowReport[]
  ): { reports: FlowReport[]; consequences: Set<string>; stop: FailFastStop } | undefined {
    const cause = this.cause
    if (!cause || this.scope.why) return undefined
    const why = `fail-fast after "${cause.flow_name}" ${cause.status}`
    const consequences = new Set<string>()
    let cancelled = 0
    let notLaunched = 0
    const out = reports.map((r): FlowReport => {
      if (r.execution_id === null && r.status === 'cancelled') {
        consequences.add(r.flow_id)
        notLaunched++
        return { ...r, error_message: `Not launched: ${why}` }
      }
      if (!this.cancelledIds.has(r.flow_id) || r.status === 'passed' || r.status === 'failed') {
        return r
      }
      consequences.add(r.flow_id)
      cancelled++
      const left = r.status === 'cancelled' ? '' : ` (${r.error_message ?? 'still running'})`
      return {
        ...r,
        status: 'cancelled',
        error_message: `Cancelled by ${why}${left}`
      }
    })
    return {
      reports: out,
      consequences,
      stop: { flowName: cause.flow_name, status: cause.status, cancelled, notLaunched }
    }
  }
}
