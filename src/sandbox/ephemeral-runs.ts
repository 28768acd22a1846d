/**
 * Executions run by the client's own ephemeral runner (claim, heartbeats, events,
 * then complete): their state comes from what the runner reported, plus a claim
 * lease that each renewing heartbeat moves forward and that otherwise expires.
 * While the job runs, its nodes are what its progress events said so far.
 */
import type { NodeExecutionResult } from '../core/api/types.js'
import { nodeResultId, reportedNode, skippedNode } from './node-results.js'
import type { ClaimRecord, ExecutionObservation, ExecutionRecord } from './types/records.js'
import { isRfc3339, iso } from './validate.js'

/**
 * How long an ephemeral claim holds (from the claim, and from each renewing
 * heartbeat) before the execution fails as abandoned, unless the sandbox is started
 * with another `ephemeralLeaseMs`.
 */
export const EPHEMERAL_LEASE_MS = 10 * 60 * 1000

function eventTime(value: unknown): number | null {
  return typeof value === 'string' && isRfc3339(value) ? Date.parse(value.replace(' ', 'T')) : null
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/**
 * The nodes a running job's events describe: `node.started` → running,
 * `node.completed` / `node.failed` → the reported node result. The flow's nodes come
 * first, in order, then any other node the events named; nodes without events are
 * left out (nothing is known of them yet).
 */
export function nodesFromEvents(
  record: ExecutionRecord,
  claim: ClaimRecord
): NodeExecutionResult[] {
  const byNode = new Map<string, NodeExecutionResult>()
  for (const event of claim.events) {
    if (event.type === 'flow.started') continue
    const payload = event.payload
    const nodeId = typeof payload.nodeId === 'string' ? payload.nodeId : undefined
    if (!nodeId) continue
    const at = eventTime(payload.timestamp) ?? event.receivedAt
    if (event.type === 'node.started') {
      const known = record.nodes.find((n) => n.id === nodeId)
      byNode.set(nodeId, {
        id: nodeResultId(record, nodeId),
        flow_id: record.flowId,
        execution_id: record.id,
        node_id: nodeId,
        display_name:
          typeof payload.displayName === 'string' && payload.displayName !== ''
            ? payload.displayName
            : (known?.displayName ?? nodeId),
        node_type:
          typeof payload.nodeType === 'string' && payload.nodeType !== ''
            ? payload.nodeType
            : (known?.type ?? 'unknown'),
        status: 'running',
        started_at: iso(at),
        has_errors: false
      })
      continue
    }
    const result = objectOrEmpty(payload.result)
    const duration = typeof payload.duration === 'number' ? payload.duration : undefined
    const node = reportedNode(record, nodeId, result, {
      durationMs: duration,
      completedAt: at,
      ...(event.type === 'node.failed' ? { status: 'failed' as const } : {})
    })
    if (node.error_message === null && typeof payload.error === 'string' && payload.error !== '') {
      node.error_message = payload.error
    }
    byNode.set(nodeId, node)
  }
  const ordered = record.nodes.flatMap((n) => {
    const found = byNode.get(n.id)
    byNode.delete(n.id)
    return found ? [found] : []
  })
  return [...ordered, ...byNode.values()]
}

/** The state at `now` of an execution left to an ephemeral runner. */
export function observeEphemeral(record: ExecutionRecord, now: number): ExecutionObservation {
  const { claim, completion } = record
  const allSkipped = (reason: string): NodeExecutionResult[] =>
    record.nodes.map((node) => skippedNode(record, node, reason))
  if (completion) {
    return {
      status: completion.status,
      executionStartedAt: completion.startedAt,
      completedAt: completion.completedAt,
      terminalAt: completion.receivedAt,
      updatedAt: completion.receivedAt,
      errorCode: completion.errorCode,
      errorMessage: completion.errorMessage,
      nodes: completion.nodes
    }
  }
  const leaseEnd = claim ? claim.leaseExpiresAt : null
  if (record.cancelledAt !== null && (leaseEnd === null || record.cancelledAt < leaseEnd)) {
    return {
      status: 'cancelled',
      executionStartedAt: claim ? claim.claimedAt : null,
      completedAt: record.cancelledAt,
      terminalAt: record.cancelledAt,
      updatedAt: record.cancelledAt,
      errorCode: 'EXECUTION_CANCELLED',
      errorMessage: 'The execution was cancelled through the API',
      nodes: allSkipped('Execution was cancelled')
    }
  }
  if (claim && leaseEnd !== null && now >= leaseEnd) {
    // The runner claimed the job and never reported back: the lease runs out.
    return {
      status: 'failed',
      executionStartedAt: claim.claimedAt,
      completedAt: leaseEnd,
      terminalAt: leaseEnd,
      updatedAt: leaseEnd,
      errorCode: 'RUNNER_LEASE_EXPIRED',
      errorMessage: 'The ephemeral runner did not report a result before its lease expired',
      nodes: allSkipped('The runner lease expired')
    }
  }
  const lastEvent = claim?.events.at(-1)
  return {
    status: claim ? 'running' : 'pending',
    executionStartedAt: claim ? claim.claimedAt : null,
    completedAt: null,
    terminalAt: null,
    updatedAt: lastEvent?.receivedAt ?? claim?.claimedAt ?? record.createdAt,
    errorCode: null,
    errorMessage: null,
    nodes: claim ? nodesFromEvents(record, claim) : []
  }
}
