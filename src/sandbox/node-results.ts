/** NodeExecutionResult values for the nodes of an execution, shared by both kinds of runner. */
import type { NodeExecutionResult } from '../core/api/types.js'
import type { ExecutionRecord, FlowNodeRecord } from './types/records.js'

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
