/** NodeExecutionResult values for the nodes of an execution, shared by both kinds of runner. */
import { randomUUID } from 'node:crypto'
import type { NodeExecutionResult, NodeStatus } from '../core/api/types.js'
import type { ExecutionRecord, FlowNodeRecord } from './types/records.js'
import { isRfc3339, iso } from './validate.js'

/** A NodeExecutionResult for `node` of `record`, with the given fields. */
export function nodeResult(
  record: ExecutionRecord,
  node: FlowNodeRecord,
  fields: Partial<NodeExecutionResult>
): NodeExecutionResult {
  return {
    id: record.nodeResultIds[node.id] as string,
    flow_id: record.flowId,
    execution_id: record.id,
    node_id: node.id,
    display_name: node.displayName,
    node_type: node.type,
    status: 'pending',
    ...fields
  }
}

/** A node that did not run, and why. */
export function skippedNode(
  record: ExecutionRecord,
  node: FlowNodeRecord,
  reason: string
): NodeExecutionResult {
  return nodeResult(record, node, { status: 'skipped', skip_reason: reason, has_errors: false })
}

/** A node result's field as text, or undefined when absent, empty or not a string. */
function textField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Epoch ms of an RFC 3339 text, or undefined. */
function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !isRfc3339(value)) return undefined
  return Date.parse(value.replace(' ', 'T'))
}

/**
 * The status of a node result an in-job runner reported (docs/runner.md §1.8, as the
 * official CLI reports it): `skipped` if it has a `skip_reason`, else `failed` if it
 * has an `error_message` or `error_code`, else `completed`.
 */
export function reportedNodeStatus(result: Record<string, unknown>): NodeStatus {
  if (textField(result.skip_reason) !== undefined) return 'skipped'
  if (textField(result.error_message) !== undefined || textField(result.error_code) !== undefined)
    return 'failed'
  return 'completed'
}

/**
 * A NodeExecutionResult from a node result of the engine (docs/runner.md §5.2) that an
 * in-job runner reported, in its completion or in a `node.completed`/`node.failed`
 * event. The whole node result is kept as `result`, so `assertion_results` (expected
 * and actual) reach the reports. `executed_at` is when the node finished; it started
 * `duration_ms` earlier.
 */
export function reportedNode(
  record: ExecutionRecord,
  nodeId: string,
  result: Record<string, unknown>,
  overrides: { status?: NodeStatus; durationMs?: number; completedAt?: number } = {}
): NodeExecutionResult {
  const known = record.nodes.find((node) => node.id === nodeId)
  const status = overrides.status ?? reportedNodeStatus(result)
  const rawDuration = overrides.durationMs ?? result.duration_ms
  const duration =
    typeof rawDuration === 'number' && Number.isFinite(rawDuration) && rawDuration >= 0
      ? rawDuration
      : null
  const completedAt = overrides.completedAt ?? timeOf(result.executed_at)
  return {
    id: nodeResultId(record, nodeId),
    flow_id: record.flowId,
    execution_id: record.id,
    node_id: nodeId,
    display_name: textField(result.display_name) ?? known?.displayName ?? nodeId,
    // Node types are open: whatever the runner reports passes through.
    node_type: textField(result.node_type) ?? known?.type ?? 'unknown',
    status,
    started_at:
      completedAt === undefined
        ? null
        : iso(completedAt - (status === 'skipped' ? 0 : (duration ?? 0))),
    completed_at: completedAt === undefined ? null : iso(completedAt),
    duration_ms: duration,
    error_message: textField(result.error_message) ?? null,
    error_code: textField(result.error_code) ?? null,
    skip_reason: textField(result.skip_reason) ?? null,
    has_errors: status === 'failed',
    result: result as NonNullable<NodeExecutionResult['result']>
  }
}

/** The NodeExecutionResult id of a node, the same on every read (made up once for a node the fixture does not know). */
export function nodeResultId(record: ExecutionRecord, nodeId: string): string {
  let id = record.nodeResultIds[nodeId]
  if (id === undefined) {
    id = randomUUID()
    record.nodeResultIds[nodeId] = id
  }
  return id
}
