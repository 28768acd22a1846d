/**
 * From what happened to each selected flow (its launch, what following it
 * found, why the run stopped) to its line in the results document. Pure: no
 * requests, no clock.
 */
import { isTerminal } from '../api/types.js'
import { EchopointError } from '../errors.js'
import type { FollowItem } from './follow-item.js'
import type { LaunchOutcome } from './launch.js'
import { elapsedMs, flowStatusOf, nodeReport, type FlowReport, type FlowStatus } from './results.js'
import type { StopReason } from './scope.js'
import type { SelectedFlow } from './selection.js'

export function flowReportOf(
  flow: SelectedFlow,
  status: FlowStatus,
  item?: FollowItem,
  error?: EchopointError
): FlowReport {
  const e = item?.execution
  let message = error ? error.message : (e?.error_message ?? null)
  if (item?.nodesError) message = message ? `${message}; ${item.nodesError}` : item.nodesError
  if (status !== 'passed' && e?.reported_status !== undefined && !error) {
    const said = `the API last reported status "${e.reported_status}"`
    message = message ? `${message}; ${said}` : said
  }
  return {
    flow_id: flow.id,
    flow_name: flow.name,
    execution_id: e?.id ?? null,
    status,
    duration_ms: e ? elapsedMs(e.execution_started_at ?? e.started_at, e.completed_at) : null,
    error_code: error?.code ?? e?.error_code ?? null,
    error_message: message,
    url: null,
    nodes: (item?.nodes ?? []).map(nodeReport)
  }
}

export interface ReportInputs {
  launches: readonly LaunchOutcome[]
  items: readonly FollowItem[]
  /** Why the run stopped early, if it did. */
  why?: StopReason
  /** Why an execution still in flight was left running (it could not be cancelled, ...). */
  leftRunning: ReadonlyMap<FollowItem, EchopointError>
  /** Reports of flows run in this job (the ephemeral runner): taken as they are. */
  local?: ReadonlyMap<FollowItem, FlowReport>
}

/** One report per launch, in the selection's order. */
export function flowReports({
  launches,
  items,
  why,
  leftRunning,
  local
}: ReportInputs): FlowReport[] {
  const byFlow = new Map(items.map((i) => [i.flow.id, i]))
  return launches.map((launch): FlowReport => {
    const item = byFlow.get(launch.flow.id)
    if (!item) return notLaunchedReport(launch, why)
    const ran = local?.get(item)
    if (ran) return ran
    if (item.error) return flowReportOf(item.flow, 'error', item, item.error)
    if (isTerminal(item.execution.status)) {
      // A cancel we sent after the deadline still reads as timed out: that is why it stopped.
      const status = flowStatusOf(item.execution)
      return flowReportOf(
        item.flow,
        why === 'timeout' && status === 'cancelled' ? 'timed_out' : status,
        item
      )
    }
    return flowReportOf(
      item.flow,
      why === 'cancelled' ? 'cancelled' : 'timed_out',
      item,
      leftRunning.get(item)
    )
  })
}

/** A flow with no execution: stopped before its launch, its launch failed, or no answer came. */
function notLaunchedReport(launch: LaunchOutcome, why?: StopReason): FlowReport {
  if (launch.unanswered) {
    return flowReportOf(
      launch.flow,
      why === 'timeout' ? 'timed_out' : 'cancelled',
      undefined,
      launch.error
    )
  }
  const notLaunched = launch.skipped === true || launch.error?.kind === 'cancelled'
  if (notLaunched && why === 'timeout') {
    return flowReportOf(
      launch.flow,
      'timed_out',
      undefined,
      new EchopointError('timeout', 'Not launched: the timeout passed first')
    )
  }
  const kind = notLaunched && why === 'cancelled' ? 'cancelled' : 'error'
  return flowReportOf(
    launch.flow,
    launch.error?.kind === 'cancelled' ? 'cancelled' : kind,
    undefined,
    launch.error
  )
}
