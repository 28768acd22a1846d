/**
 * The simulated runners. Nothing here runs on a timer: at launch a cloud (or
 * self-hosted) execution gets a plan (when it starts running, when each node runs,
 * when and how it ends), and every read computes the state at `clock.now()` from
 * that plan. With a fake clock the lifecycle is exactly reproducible, no timer can
 * leak past `close()`, and the moment an execution became terminal is known to the
 * millisecond (`terminalAt`), which tests and benchmarks compare with the moment a
 * client noticed.
 *
 * Ephemeral executions are run by the client itself (claim, then complete), so
 * their state comes from what the runner reported, plus a lease that expires.
 */
import type { AssertionResult, ExecutionStatus, NodeExecutionResult } from '../core/api/types.js'
import type { FixtureAssertion } from './fixtures.js'
import type { ExecutionRecord, FlowNodeRecord, FlowRecord } from './state.js'
import { iso } from './validate.js'

/** Pending time when the fixture does not say (a cloud runner picking the job up). */
export const DEFAULT_PENDING_MS = 250

/** How long an ephemeral claim holds before the execution fails as abandoned. */
export const EPHEMERAL_LEASE_MS = 10 * 60 * 1000

interface PlannedNode {
  node: FlowNodeRecord
  startAt: number
  endAt: number
  status: 'completed' | 'failed'
  result: NonNullable<NodeExecutionResult['result']>
  errorMessage?: string
  errorCode?: string
}

/** When a simulated execution starts, ends, and what each node does. */
export interface SimulationPlan {
  runningAt: number
  terminalAt: number
  status: 'completed' | 'failed'
  errorCode: string | null
  errorMessage: string | null
  /** Nodes that run, in order; the others are skipped with `skipReason` once terminal. */
  nodes: PlannedNode[]
  skipReason: string | null
}

/** The state of an execution at one moment. */
export interface ExecutionObservation {
  status: ExecutionStatus
  executionStartedAt: number | null
  completedAt: number | null
  /** Sandbox clock time the execution became terminal (null while in flight). */
  terminalAt: number | null
  updatedAt: number
  errorCode: string | null
  errorMessage: string | null
  nodes: NodeExecutionResult[]
}

function passingResult(node: FlowNodeRecord, durationMs: number): PlannedNode['result'] {
  if (node.type === 'delay') return { waited_ms: durationMs }
  if (node.type === 'module') return { assertion_results: [] }
  // request, graphql and any other type: an HTTP call checked on its status code.
  const assertion: AssertionResult = {
    index: 0,
    extractor: 'status_code',
    operator: 'equals',
    expected: 200,
    actual: 200,
    passed: true
  }
  return { status_code: 200, assertion_results: [assertion] }
}

/** `status_code equals 200, got 500`; a part the fixture leaves unknown is left out. */
function describeAssertion(a: FixtureAssertion): string {
  const expected = a.expected === undefined ? '' : ` ${JSON.stringify(a.expected)}`
  const actual = a.actual === undefined ? '' : `, got ${JSON.stringify(a.actual)}`
  return `${a.extractor} ${a.operator}${expected}${actual}`
}

/**
 * The failing assertion's result. `expected` and `actual` are optional in the
 * spec: absent (never null) when the fixture does not give them.
 */
function failedAssertion(a: FixtureAssertion): AssertionResult {
  const assertion: AssertionResult = {
    index: 0,
    extractor: a.extractor,
    operator: a.operator,
    passed: false
  }
  if (a.expected !== undefined) assertion.expected = a.expected
  if (a.actual !== undefined) assertion.actual = a.actual
  return assertion
}

/** Plans a cloud or self-hosted execution of `flow` launched at `createdAt`. */
export function planSimulation(
  flow: FlowRecord,
  createdAt: number,
  timeScale: number
): SimulationPlan {
  const sim = flow.simulation
  const runningAt = createdAt + Math.round((sim.pending_ms ?? DEFAULT_PENDING_MS) * timeScale)
  const duration = Math.round(sim.duration_ms * timeScale)
  const terminalAt = runningAt + duration

  if (sim.outcome === 'error' && sim.error) {
    // Failed at execution level (environment, runner...): no node ran.
    return {
      runningAt,
      terminalAt,
      status: 'failed',
      errorCode: sim.error.code,
      errorMessage: sim.error.message,
      nodes: [],
      skipReason: `Not run: ${sim.error.message}`
    }
  }

  const failingIndex =
    sim.outcome === 'failed' && sim.failure
      ? flow.nodes.findIndex((n) => n.id === sim.failure?.node_id)
      : -1
  const running = failingIndex >= 0 ? flow.nodes.slice(0, failingIndex + 1) : flow.nodes
  // The running time is split among the nodes that run, by weight.
  const weights = running.map((n) => n.weight)
  const total = weights.reduce((a, b) => a + b, 0)
  let cumulative = 0
  const nodes = running.map((node, i): PlannedNode => {
    const startAt =
      runningAt +
      Math.round(total > 0 ? (cumulative / total) * duration : (i / running.length) * duration)
    cumulative += weights[i] as number
    const endAt =
      runningAt +
      Math.round(
        total > 0 ? (cumulative / total) * duration : ((i + 1) / running.length) * duration
      )
    if (i === failingIndex && sim.failure) {
      const a = sim.failure.assertion
      const result: PlannedNode['result'] = { assertion_results: [failedAssertion(a)] }
      if (a.extractor === 'status_code' && a.actual !== undefined) result.status_code = a.actual
      return {
        node,
        startAt,
        endAt,
        status: 'failed',
        result,
        errorCode: 'ASSERTION_FAILED',
        errorMessage: `Assertion 0 failed: ${describeAssertion(a)}`
      }
    }
    return {
      node,
      startAt,
      endAt,
      status: 'completed',
      result: passingResult(node, endAt - startAt)
    }
  })

  const failing = failingIndex >= 0 ? nodes[failingIndex] : undefined
  return {
    runningAt,
    terminalAt,
    status: failing ? 'failed' : 'completed',
    errorCode: failing ? 'ASSERTION_FAILED' : null,
    errorMessage:
      failing && sim.failure
        ? `Node "${failing.node.displayName}" failed: ${describeAssertion(sim.failure.assertion)}`
        : null,
    nodes,
    skipReason: failing ? `Skipped because "${failing.node.displayName}" failed` : null
  }
}

function nodeBase(record: ExecutionRecord, node: FlowNodeRecord): NodeExecutionResult {
  return {
    id: record.nodeResultIds[node.id] as string,
    flow_id: record.flowId,
    execution_id: record.id,
    node_id: node.id,
    display_name: node.displayName,
    node_type: node.type,
    status: 'pending'
  }
}

/** A NodeExecutionResult for `node` of `record`, with the given fields. */
export function nodeResult(
  record: ExecutionRecord,
  node: FlowNodeRecord,
  fields: Partial<NodeExecutionResult>
): NodeExecutionResult {
  return { ...nodeBase(record, node), ...fields }
}

function skipped(
  record: ExecutionRecord,
  node: FlowNodeRecord,
  reason: string
): NodeExecutionResult {
  return nodeResult(record, node, { status: 'skipped', skip_reason: reason, has_errors: false })
}

function observePlan(
  record: ExecutionRecord,
  plan: SimulationPlan,
  now: number
): ExecutionObservation {
  // A cancel only counts if it came before the planned end (cancel answers 409 otherwise).
  const cancelledAt =
    record.cancelledAt !== null && record.cancelledAt < plan.terminalAt ? record.cancelledAt : null
  const at = cancelledAt ?? now
  const terminal = cancelledAt !== null || now >= plan.terminalAt
  const nodes: NodeExecutionResult[] = []
  const transitions = [record.createdAt]
  if (at >= plan.runningAt) transitions.push(plan.runningAt)

  for (const planned of plan.nodes) {
    if (planned.startAt > at) continue
    transitions.push(planned.startAt)
    if (planned.endAt <= at) {
      transitions.push(planned.endAt)
      nodes.push(
        nodeResult(record, planned.node, {
          status: planned.status,
          started_at: iso(planned.startAt),
          completed_at: iso(planned.endAt),
          duration_ms: planned.endAt - planned.startAt,
          has_errors: planned.status === 'failed',
          result: planned.result,
          ...(planned.errorCode
            ? { error_code: planned.errorCode, error_message: planned.errorMessage }
            : {})
        })
      )
    } else if (cancelledAt !== null) {
      nodes.push(
        nodeResult(record, planned.node, {
          status: 'skipped',
          started_at: iso(planned.startAt),
          skip_reason: 'Execution was cancelled while this node was running',
          has_errors: false
        })
      )
    } else {
      nodes.push(
        nodeResult(record, planned.node, { status: 'running', started_at: iso(planned.startAt) })
      )
    }
  }

  if (terminal) {
    const reason = cancelledAt !== null ? 'Execution was cancelled' : (plan.skipReason ?? 'Not run')
    const seen = new Set(nodes.map((n) => n.node_id))
    for (const node of record.nodes)
      if (!seen.has(node.id)) nodes.push(skipped(record, node, reason))
    const terminalAt = cancelledAt ?? plan.terminalAt
    transitions.push(terminalAt)
    return {
      status: cancelledAt !== null ? 'cancelled' : plan.status,
      executionStartedAt: terminalAt >= plan.runningAt ? plan.runningAt : null,
      completedAt: terminalAt,
      terminalAt,
      updatedAt: Math.max(...transitions),
      errorCode: cancelledAt !== null ? 'EXECUTION_CANCELLED' : plan.errorCode,
      errorMessage:
        cancelledAt !== null ? 'The execution was cancelled through the API' : plan.errorMessage,
      nodes
    }
  }
  return {
    status: now >= plan.runningAt ? 'running' : 'pending',
    executionStartedAt: now >= plan.runningAt ? plan.runningAt : null,
    completedAt: null,
    terminalAt: null,
    updatedAt: Math.max(...transitions),
    errorCode: null,
    errorMessage: null,
    nodes
  }
}

function observeEphemeral(record: ExecutionRecord, now: number): ExecutionObservation {
  const { claim, completion } = record
  const allSkipped = (reason: string): NodeExecutionResult[] =>
    record.nodes.map((node) => skipped(record, node, reason))
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

/** The state of `record` at `now`. */
export function observeExecution(record: ExecutionRecord, now: number): ExecutionObservation {
  return record.plan ? observePlan(record, record.plan, now) : observeEphemeral(record, now)
}
