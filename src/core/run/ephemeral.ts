/**
 * The ephemeral runner for a whole run: every launched execution that is not
 * already over is claimed and run in this job (job/run-job.ts), `max-parallel`
 * at a time. An idempotent replay whose execution already finished is not run
 * again: it is followed like a cloud execution (its report read from the API).
 */
import type { ApiInputNames, EchopointApi } from '../api/api.js'
import { isTerminal } from '../api/types.js'
import type { Clock } from '../clock.js'
import type { Logger } from '../logger.js'
import { mapWithConcurrency } from '../pool.js'
import type { FollowItem } from './follow-item.js'
import { runJob, runnerIdentity, type JobCalls } from './job/run-job.js'
import type { ProgressBoard } from './progress-board.js'
import type { FlowReport } from './results.js'
import type { RunScope } from './scope.js'

export interface EphemeralDeps {
  api: EchopointApi
  apiUrl: string
  clock: Clock
  logger: Logger
  scope: RunScope
  maxParallel: number
  board: ProgressBoard
  userAgent?: string
  /** The names messages use for the settings (default: the action's inputs). */
  names?: Partial<ApiInputNames>
  /** Aborted by fail-fast: no new flow is claimed (those running finish). */
  stop?: AbortSignal
  /** Told each flow's report as soon as it ends. */
  onReport?: (item: FollowItem, report: FlowReport) => void
}

export interface EphemeralTotals extends JobCalls {
  /** Time spent running flows (engine) and on job calls around them, summed over flows. */
  engineMs: number
  apiMs: number
}

/**
 * Runs the executions to claim; returns the report of each one it ran. The
 * others (replays already over, and executions not claimed before a stop) are
 * left to the caller, which follows or cancels them as for a cloud run.
 */
export async function runEphemeral(
  items: readonly FollowItem[],
  deps: EphemeralDeps
): Promise<{ reports: Map<FollowItem, FlowReport>; totals: EphemeralTotals }> {
  const reports = new Map<FollowItem, FlowReport>()
  const totals: EphemeralTotals = {
    claim: 0,
    heartbeats: 0,
    eventBatches: 0,
    events: 0,
    completions: 0,
    engineMs: 0,
    apiMs: 0
  }
  const toRun = items.filter((item) => !isTerminal(item.execution.status))
  for (const item of items.filter((i) => isTerminal(i.execution.status))) {
    deps.logger.info(
      `Execution ${item.execution.id} of "${item.flow.name}" is already ${item.execution.status} (a replay of an earlier launch): reported as it stands, not run again`
    )
  }
  const { runnerId, bootId } = runnerIdentity()
  const { scope } = deps
  await mapWithConcurrency(
    toRun,
    deps.maxParallel,
    async (item) => {
      deps.board.set(item.flow, { state: 'running' })
      const outcome = await runJob(item, {
        api: deps.api,
        apiUrl: deps.apiUrl,
        clock: deps.clock,
        logger: deps.logger,
        signal: scope.signal,
        why: () => scope.why,
        wrapUpMs: () => scope.wrapUpBudgetMs(),
        deadline: scope.deadline,
        runnerId,
        bootId,
        maxParallel: deps.maxParallel,
        userAgent: deps.userAgent,
        names: deps.names
      })
      // Not claimed before the run stopped: left to the caller, which cancels it.
      if (!outcome) return
      reports.set(item, outcome.report)
      deps.board.set(item.flow, { state: outcome.report.status })
      deps.onReport?.(item, outcome.report)
      for (const key of ['claim', 'heartbeats', 'eventBatches', 'events', 'completions'] as const) {
        totals[key] += outcome.calls[key]
      }
      totals.engineMs += outcome.engineMs
      totals.apiMs += outcome.apiMs
    },
    // Executions not claimed when the run stops are left to the caller (they get cancelled).
    () => scope.signal.aborted || deps.stop?.aborted === true
  )
  return { reports, totals }
}
