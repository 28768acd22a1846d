/**
 * The simulated cloud runner (which also plays the self-hosted one). Nothing here
 * runs on a timer: at launch an execution gets a plan (when it starts running,
 * when each node runs, when and how it ends), and every read computes the state at
 * `clock.now()` from that plan. With a fake clock the lifecycle is exactly
 * reproducible, no timer can leak past `close()`, and the moment an execution
 * became terminal is known to the millisecond (`terminalAt`), which tests and
 * benchmarks compare with the moment a client noticed.
 *
 * Ephemeral executions are run by the client itself: see ephemeral-runs.ts.
 */
import type { AssertionResult, NodeExecutionResult } from '../core/api/types.js'
import { nodeResult, skippedNode } from './node-results.js'
import type { FixtureAssertion } from './types/fixtures.js'
import type {
  ExecutionObservation,
  ExecutionRecord,
  FlowNodeRecord,
  FlowRecord,
  PlannedNode,
  SimulationPlan
} from './types/records.js'
import { iso } from './validate.js'

/** Pending time when the fixture does not say (a cloud runner picking the job up). */
export const DEFAULT_PENDING_MS = 250

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

/** The state at `now` of an execution the simulated runner runs to `plan`. */
export function observePlan(
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
      if (!seen.has(node.id)) nodes.push(skippedNode(record, node, reason))
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
