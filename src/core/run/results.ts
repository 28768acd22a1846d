/**
 * The results document (docs/interface.md section 4) and the verdict. Strict: the
 * run is `passed` only if every selected flow passed.
 */
import type { Assertion, Execution, NodeResult } from '../api/model.js'
import { displayValue } from '../../engine/values.js'
import { VALUE_MAX } from '../report/escape.js'

export type FlowStatus = 'passed' | 'failed' | 'timed_out' | 'cancelled' | 'error'
export type RunStatus = FlowStatus

/** An assertion as the results document shows it: the API's own shape. */
export type AssertionReport = Assertion

export interface NodeReport {
  node_id: string
  display_name: string
  node_type: string
  status: string
  duration_ms: number | null
  error_message: string | null
  assertions: AssertionReport[]
}

export interface FlowReport {
  flow_id: string
  flow_name: string
  execution_id: string | null
  status: FlowStatus
  duration_ms: number | null
  error_code: string | null
  error_message: string | null
  url: string | null
  nodes: NodeReport[]
}

export interface Counts {
  total: number
  passed: number
  failed: number
  timed_out: number
  cancelled: number
  error: number
}

/** Rate-limit and backoff waits the client took (an extension of docs/interface.md §4 asked for by the rate-limit issue). */
export interface WaitTotals {
  count: number
  total_ms: number
}

export interface ResultsDocument {
  status: RunStatus
  success: boolean
  duration_ms: number
  counts: Counts
  flows: FlowReport[]
  waits: WaitTotals
}

/** Exit code of each status (docs/interface.md section 3); with several flows the highest wins. */
export const EXIT_CODES: Record<RunStatus, number> = {
  passed: 0,
  failed: 1,
  cancelled: 2,
  error: 3,
  timed_out: 4
}

/** Maps an execution's terminal status to the flow's status in the report. */
export function flowStatusOf(execution: Pick<Execution, 'status'>): FlowStatus {
  switch (execution.status) {
    case 'completed':
      return 'passed'
    case 'failed':
      return 'failed'
    case 'cancelled':
      return 'cancelled'
    default:
      // Still pending or running when we stopped following it.
      return 'timed_out'
  }
}

/** Milliseconds between two RFC 3339 times, or null when either is missing or invalid. */
export function elapsedMs(from?: string | null, to?: string | null): number | null {
  if (!from || !to) return null
  const ms = Date.parse(to) - Date.parse(from)
  return Number.isFinite(ms) && ms >= 0 ? ms : null
}

/** An assertion as the report shows it, from the API's node results or the engine's own. */
export function assertionReport(a: Assertion): AssertionReport {
  const report: AssertionReport = {
    index: a.index,
    extractor: a.extractor,
    operator: a.operator,
    expected: a.expected,
    actual: a.actual,
    passed: a.passed
  }
  if (a.error) report.error = a.error
  return report
}

/** The node part of the report, from `GET …/nodes`. */
export function nodeReport(node: NodeResult): NodeReport {
  const assertions = Array.isArray(node.result?.assertion_results)
    ? node.result.assertion_results.map(assertionReport)
    : []
  return {
    node_id: node.node_id,
    display_name: node.display_name,
    node_type: node.node_type,
    status: node.status,
    duration_ms:
      typeof node.duration_ms === 'number'
        ? node.duration_ms
        : elapsedMs(node.started_at, node.completed_at),
    error_message: node.error_message ?? null,
    assertions
  }
}

/** Counts per status. */
export function countFlows(flows: readonly FlowReport[]): Counts {
  const counts: Counts = {
    total: flows.length,
    passed: 0,
    failed: 0,
    timed_out: 0,
    cancelled: 0,
    error: 0
  }
  for (const flow of flows) counts[flow.status] += 1
  return counts
}

/**
 * The run's status: the status with the highest exit code among the flows and
 * `runStatus` (the run's own outcome when it failed before or outside any flow);
 * `passed` for an empty selection that was allowed. Flows in `consequences` (those
 * fail-fast cancelled because another failed) do not count: the cause does.
 */
export function runStatusOf(
  flows: readonly FlowReport[],
  runStatus?: RunStatus,
  consequences?: ReadonlySet<string>
): RunStatus {
  let status: RunStatus = runStatus ?? 'passed'
  for (const flow of flows) {
    if (consequences?.has(flow.flow_id)) continue
    if (EXIT_CODES[flow.status] > EXIT_CODES[status]) status = flow.status
  }
  return status
}

/** Builds the document; `success` is true only when every selected flow passed. */
export function buildResults(
  flows: FlowReport[],
  durationMs: number,
  runStatus?: RunStatus,
  waits: WaitTotals = { count: 0, total_ms: 0 },
  consequences?: ReadonlySet<string>
): ResultsDocument {
  const status = runStatusOf(flows, runStatus, consequences)
  return {
    status,
    success: status === 'passed' && flows.every((f) => f.status === 'passed'),
    duration_ms: Math.max(0, Math.round(durationMs)),
    counts: countFlows(flows),
    flows,
    waits: { count: waits.count, total_ms: Math.round(waits.total_ms) }
  }
}

/** The first failed assertion of a flow (for annotations and one-line summaries). */
export function firstFailure(
  flow: FlowReport
): { node: NodeReport; assertion?: AssertionReport } | undefined {
  for (const node of flow.nodes) {
    const assertion = node.assertions.find((a) => !a.passed)
    if (assertion) return { node, assertion }
  }
  const node = flow.nodes.find((n) => n.status === 'failed')
  return node ? { node } : undefined
}

/** `status_code equals 200, got 500` */
export function describeAssertion(a: AssertionReport): string {
  const show = (v: unknown): string =>
    typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? 'undefined')
  const base = `${a.extractor} ${a.operator} ${show(a.expected)}, got ${show(a.actual)}`
  return a.error ? `${base} (${a.error})` : base
}

/** One line on a flow that did not pass: where it failed, e.g. `Create widget: status_code equals 201, got 500`. */
export function failureLine(flow: FlowReport): string | undefined {
  const failure = firstFailure(flow)
  if (failure?.assertion) {
    return `${failure.node.display_name}: ${describeAssertion(failure.assertion)}`
  }
  if (failure) return `${failure.node.display_name}: ${failure.node.error_message ?? 'failed'}`
  return flow.error_message ?? undefined
}

/**
 * The ways a runner words one failed assertion in a node's message, each of which
 * says nothing the report's own line for that assertion (index, extractor,
 * operator, expected, actual, error) does not:
 * - Echopoint's API: `Assertion 0 failed: status_code equals 200, got 500`, values
 *   as JSON and a part it does not know left out (as the sandbox's cloud runner
 *   writes it, src/sandbox/cloud-runner.ts);
 * - the in-job engine: `assertion 0 failed: status_code equals expected=200
 *   actual=500`, or `assertion 1 (json_path equals) evaluation error: <error>`
 *   (failureMessage in src/engine/assertions.ts).
 * None when the report shortens a value of the assertion: the message then has
 * more of it than the report shows.
 */
function restatements(a: AssertionReport): string[] {
  const whole = (v: unknown): boolean =>
    v === undefined || (JSON.stringify(v) ?? String(v)).length <= VALUE_MAX
  if (!whole(a.expected) || !whole(a.actual)) return []
  const what = `${a.extractor} ${a.operator}`
  const api =
    what +
    (a.expected === undefined ? '' : ` ${JSON.stringify(a.expected)}`) +
    (a.actual === undefined ? '' : `, got ${JSON.stringify(a.actual)}`)
  const engine = `${what} expected=${displayValue(a.expected)} actual=${displayValue(a.actual)}`
  const sentences = [`failed: ${api}`, `failed: ${engine}`]
  if (a.error !== undefined) sentences.push(`(${what}) evaluation error: ${a.error}`)
  return sentences.flatMap((rest) => [
    `Assertion ${a.index} ${rest}`,
    `assertion ${a.index} ${rest}`
  ])
}

/** Between two assertions' sentences in one message. */
const SEPARATORS = ['; ', '\n']

/**
 * Whether `message` is nothing but sentences from `sentences`, one after another
 * with SEPARATORS between them (a message about several assertions).
 */
function madeOf(message: string, sentences: readonly string[]): boolean {
  const reachable = new Set<number>([0])
  const queue = [0]
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const sentence of sentences) {
      if (!message.startsWith(sentence, at)) continue
      const end = at + sentence.length
      if (end === message.length) return true
      for (const separator of SEPARATORS) {
        const next = end + separator.length
        if (message.startsWith(separator, end) && !reachable.has(next)) {
          reachable.add(next)
          queue.push(next)
        }
      }
    }
  }
  return false
}

/**
 * Whether a node's message states nothing beyond its failed assertions, which a
 * report lists anyway (index, extractor, operator, expected, actual, error): then
 * the report leaves the message out, so each failure is stated once. That is an
 * empty message, a bare `assertion failed` (`2 assertions failed` when two
 * failed, `assertion 1 failed` when assertion 1 did), or exactly the API's or
 * the engine's sentences for failed assertions (see restatements), several
 * joined by `; ` or a line break. Anything more is kept: `Assertion failed after 3 retries:
 * connection reset by peer`, `Assertion 0 failed: extractor json_path failed: body
 * is not JSON`, a message naming an assertion the report does not list as failed.
 */
export function restatesAssertions(node: NodeReport): boolean {
  const failed = node.assertions.filter((a) => !a.passed)
  if (failed.length === 0) return false
  const message = node.error_message?.trim() ?? ''
  if (message === '') return true
  const bare = /^(?:(an?|\d+) )?assertions? failed\.?$/i.exec(message)
  if (bare) {
    if (bare[1] === undefined) return true
    return (/^an?$/i.test(bare[1]) ? 1 : Number(bare[1])) === failed.length
  }
  const indexOnly = /^assertion (\d+) failed\.?$/i.exec(message)
  if (indexOnly) return failed.some((a) => a.index === Number(indexOnly[1]))
  const sentences = failed.flatMap(restatements)
  return (
    madeOf(message, sentences) || (message.endsWith('.') && madeOf(message.slice(0, -1), sentences))
  )
}
