/**
 * A flow run on this machine (the engine's result, docs/runner.md §5.1) as a flow of
 * the results document, so `flow run` and the in-job runner report with the
 * same table, JUnit and summary as cloud runs. Node status as Echopoint's CLI
 * reports a local result: `skipped` when the node has a skip reason, else
 * `failed` when it has an error, else `completed`.
 */
import type { FlowResult, NodeResult } from '../../engine/run/types.js'
import { assertionReport, type FlowReport, type FlowStatus, type NodeReport } from './results.js'

export interface LocalFlowMeta {
  flow_id: string
  flow_name: string
  execution_id?: string | null
  /** Set when the run was stopped: `timed_out` or `cancelled`. */
  stopped?: Extract<FlowStatus, 'timed_out' | 'cancelled'>
  /** Node ids in the flow's order (results are kept in the order nodes finished). */
  order?: readonly string[]
}

export function localNodeStatus(node: Pick<NodeResult, 'skip_reason' | 'error_message'>): string {
  if (node.skip_reason) return 'skipped'
  if (node.error_message) return 'failed'
  return 'completed'
}

function nodeReport(node: NodeResult): NodeReport {
  const assertions = (node.assertion_results ?? []).map(assertionReport)
  return {
    node_id: node.node_id,
    display_name: node.display_name,
    node_type: node.node_type,
    status: localNodeStatus(node),
    duration_ms: typeof node.duration_ms === 'number' ? node.duration_ms : null,
    error_message: node.error_message ?? null,
    assertions
  }
}

export function flowReportFromResult(result: FlowResult, meta: LocalFlowMeta): FlowReport {
  const nodes = Object.values(result.execution_results)
  if (meta.order) {
    const rank = new Map(meta.order.map((id, i) => [id, i]))
    nodes.sort((a, b) => (rank.get(a.node_id) ?? 1e9) - (rank.get(b.node_id) ?? 1e9))
  }
  const status: FlowStatus = result.success ? 'passed' : (meta.stopped ?? 'failed')
  return {
    flow_id: meta.flow_id,
    flow_name: meta.flow_name,
    execution_id: meta.execution_id ?? null,
    status,
    duration_ms: result.duration_ms,
    error_code: result.success ? null : (result.error_code ?? null),
    error_message: result.success ? null : (result.error_message ?? null),
    url: null,
    nodes: nodes.map(nodeReport)
  }
}
