/**
 * Executions run by the client's own ephemeral runner (claim, then complete): their
 * state comes from what the runner reported, plus a claim lease that expires.
 */
import type { NodeExecutionResult } from '../core/api/types.js'
import { skippedNode } from './node-results.js'
import type { ExecutionObservation, ExecutionRecord } from './types/records.js'

/** How long an ephemeral claim holds before the execution fails as abandoned. */
export const EPHEMERAL_LEASE_MS = 10 * 60 * 1000

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
  return {
    status: claim ? 'running' : 'pending',
    executionStartedAt: claim ? claim.claimedAt : null,
    completedAt: null,
    terminalAt: null,
    updatedAt: claim ? claim.claimedAt : record.createdAt,
    errorCode: null,
    errorMessage: null,
    nodes: []
  }
}
