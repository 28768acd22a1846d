/**
 * webhook_wait (docs/runner.md §3): waits for requests captured by Echopoint's
 * webhook ingest, read through `options.webhookRequests` (oldest first) every
 * `options.webhookPollMs` (default 250) ms on the run's clock, for at most
 * `timeout_ms` (default 30000). Reading captured requests is not an HTTP call
 * of the execution (no budget, no `http_calls` record).
 *
 * Each captured request is a subject: `body` is the body parsed as JSON, the
 * text when it is not JSON, `{}` when empty or null; `headers` (canonical
 * names, every value) for the `header` extractor; `query` (the request's
 * `query_params`) for `query_param`. A request is evaluated once, when first
 * seen (tracked by id).
 *
 * Two modes:
 * - without `expect`: the node's assertions (at least one) pick the first
 *   request passing them all; its `id, method, headers, query, body,
 *   received_at` are the outputs, and it is the subject of declared outputs.
 *   No match in time: WEBHOOK_WAIT_TIMEOUT.
 * - with `expect: [{name, min (1), max?, assertions}]`: each request, oldest
 *   first, goes to the first group whose assertions it passes that still needs
 *   events (fewer than `min`), else to the first group it passes, as an extra.
 *   The node's own assertions are a check every claimed request must pass.
 *   A group passes when min ≤ received ≤ max. The wait ends when every group
 *   passed and `settle_ms` more went by without breaking one, as soon as a
 *   group can no longer pass (too many events, a claimed request failing the
 *   node's checks), or at the deadline. Any group not passed:
 *   WEBHOOK_WAIT_EXPECTATIONS_FAILED. The result field and the output
 *   `expectations` say, per group, what arrived and what went wrong.
 *
 * Configuration errors (and no source of captured requests) fail the node with
 * WEBHOOK_WAIT_FAILED before anything is read.
 *
 * Differs from Echopoint's runner:
 * - with `expect`, the outputs are `expectations` and `received` (the reference
 *   gives `received` only), and `assertion_results` holds the node's checks on
 *   each claimed request;
 * - a failed read is retried until the deadline (the timeout message names
 *   the last failure); a source error with `fatal: true` ends the wait at once;
 * - the outputs `headers`, `query` and `received_at` are as the capture gave
 *   them (the reference rewrites `received_at` in UTC);
 * - a request is evaluated once, when first seen (the reference re-evaluates
 *   every request at each read; the verdicts are the same);
 * - the `body` extractor gives the parsed body; the newest reference matches
 *   `contains` on a request body against the received text.
 */
import {
  evaluateAssertion,
  parseAssertions,
  runAssertions,
  type Assertion,
  type AssertionResult
} from '../assertions.js'
import type { Subject } from '../extractors/types.js'
import { canonicalHeaderName } from '../http/body.js'
import { field } from '../flow/parse.js'
import { cancelledError } from '../run/cancel.js'
import type { CapturedRequest, NodeContext, NodeOutcome, NodeRunner } from '../run/types.js'
import { TemplateError } from '../templates.js'
import { isPlainObject, toNumber, toText } from '../values.js'

export const WEBHOOK_WAIT_DEFAULT_TIMEOUT_MS = 30_000
export const WEBHOOK_WAIT_DEFAULT_POLL_MS = 250
/** How many of the newest requests a timed-out wait shows (as Echopoint's runner). */
const RECENT_REQUESTS = 5

/** One group's verdict (the wire's `expectations` item). */
export interface ExpectationOutcome {
  name: string
  received: number
  passed: boolean
  /** Set when the group's first event arrived while the wait was listening (not in the first read). */
  arrived_after_ms?: number
  request_ids: string[]
  problem?: string
  /** For a group short of events: the request that passed most of its assertions. */
  closest?: ClosestEvent
}

export interface ClosestEvent {
  request_id: string
  /** The group that claimed that request, if one did. */
  claimed_by?: string
  checks: ExpectationCheck[]
}

export interface ExpectationCheck {
  label: string
  passed: boolean
  expected?: unknown
  actual?: unknown
}

/** A request seen by the wait, with what is known of it. */
interface Seen {
  id: string
  request: CapturedRequest
  subject: Subject
  /** Ms after the start when first read; 0 for requests already there at the first read. */
  arrivedAfterMs: number
}

interface Group {
  name: string
  min: number
  max?: number
  assertions: Assertion[]
  /** References that had no value: the group is not evaluated. */
  unresolved: string[]
}

const failed = (code: string, message: string, extra: Partial<NodeOutcome> = {}): NodeOutcome => ({
  error: { code, message },
  ...extra
})

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function valueList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => toText(v))
  if (value === undefined || value === null) return []
  return [toText(value)]
}

/** The body as assertions see it: JSON when it parses, else the text; `{}` when empty or null. */
export function capturedBody(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return {}
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body) as unknown
  } catch {
    return body
  }
}

/** A captured request as the subject of assertions and outputs. */
export function capturedSubject(request: CapturedRequest): Subject {
  const headers: Record<string, string[]> = {}
  if (isPlainObject(request.headers)) {
    for (const [name, value] of Object.entries(request.headers)) {
      const key = canonicalHeaderName(name)
      headers[key] = [...(headers[key] ?? []), ...valueList(value)]
    }
  }
  const query: Record<string, string[]> = {}
  if (isPlainObject(request.query_params)) {
    for (const [name, value] of Object.entries(request.query_params)) {
      query[name] = [...(query[name] ?? []), ...valueList(value)]
    }
  }
  return { headers, query, body: capturedBody(request.body) }
}

/** The outputs of a matched request (and the items of `recent_requests`). */
function requestOutputs(seen: Seen): Record<string, unknown> {
  const { request } = seen
  return {
    id: seen.id,
    method: typeof request.method === 'string' ? request.method : '',
    headers: isPlainObject(request.headers) ? request.headers : {},
    query: isPlainObject(request.query_params) ? request.query_params : {},
    body: seen.subject.body,
    received_at: typeof request.received_at === 'string' ? request.received_at : ''
  }
}

function requestId(request: CapturedRequest): string {
  if (typeof request.id === 'string' && request.id !== '') return request.id
  if (typeof request.id === 'number') return String(request.id)
  // Without an id a request is known by its content.
  return `#${JSON.stringify(request)}`
}

/** Resolves the expected values; the references without a value are collected, not thrown. */
function resolveExpected(
  assertions: Assertion[],
  resolve: (value: unknown) => unknown,
  unresolved: string[]
): Assertion[] {
  return assertions.map((assertion) => {
    if (assertion.expected === undefined) return assertion
    try {
      return { ...assertion, expected: resolve(assertion.expected) }
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      for (const u of error.unresolved) if (!unresolved.includes(u.ref)) unresolved.push(u.ref)
      return assertion
    }
  })
}

/** How a check is named in `problem` and `closest`: what it reads, the operator, the value. */
function describeAssertion(assertion: Assertion): string {
  const { extractor } = assertion
  const arg = extractor.label.startsWith(`${extractor.type} `)
    ? extractor.label.slice(extractor.type.length + 1)
    : ''
  let target = assertion.extractorName
  if ((extractor.type === 'json_path' || extractor.type === 'header') && arg !== '') target = arg
  else if (extractor.type === 'query_param' && arg !== '') target = `?${arg}`
  const parts = [target, assertion.operatorName]
  if (assertion.expected !== undefined && assertion.expected !== null) {
    parts.push(toText(assertion.expected))
  }
  return parts.join(' ')
}

function passesAll(assertions: Assertion[], subject: Subject): boolean {
  return runAssertions(assertions, subject).passed
}

function firstFailing(assertions: Assertion[], subject: Subject): Assertion | undefined {
  for (const [index, assertion] of assertions.entries()) {
    if (!evaluateAssertion(assertion, subject, index).passed) return assertion
  }
  return undefined
}

/** The `expect` groups, checked; a string is the configuration error. */
function parseGroups(raw: unknown[]): Group[] | string {
  const groups: Group[] = []
  for (const [i, item] of raw.entries()) {
    if (!isPlainObject(item)) return `expected event ${i + 1} must be an object`
    const name = typeof item.name === 'string' ? item.name : ''
    if (name.trim() === '') return `expected event ${i + 1} has no name`
    if (!Array.isArray(item.assertions) || item.assertions.length === 0) {
      return `expected event ${JSON.stringify(name)} has no assertion`
    }
    const min = item.min === undefined || item.min === null ? 1 : toNumber(item.min)
    if (min === undefined || !Number.isInteger(min)) {
      return `expected event ${JSON.stringify(name)} has a min that is not a whole number`
    }
    if (min < 0) return `expected event ${JSON.stringify(name)} has a negative min`
    let max: number | undefined
    if (item.max !== undefined && item.max !== null) {
      max = toNumber(item.max)
      if (max === undefined || !Number.isInteger(max)) {
        return `expected event ${JSON.stringify(name)} has a max that is not a whole number`
      }
      if (max < min) return `expected event ${JSON.stringify(name)} has max below min`
    }
    let assertions: Assertion[]
    try {
      assertions = parseAssertions(item.assertions)
    } catch (error) {
      return `expected event ${JSON.stringify(name)}: ${messageOf(error)}`
    }
    groups.push({ name, min, ...(max !== undefined ? { max } : {}), assertions, unresolved: [] })
  }
  return groups
}

type Read = { ok: true; requests: CapturedRequest[] } | { ok: false; message: string }

/** The run was stopped while reading. */
class CancelledRead extends Error {
  constructor() {
    super('the run was stopped')
  }
}

/** Reads captured requests, polling on the run's clock until `onRead` says the wait is over. */
class Poller {
  readonly seen: Seen[] = []
  readonly #known = new Set<string>()
  #reads = 0
  lastFailure: string | undefined
  readonly began: number
  readonly deadline: number
  readonly pollMs: number

  constructor(
    private readonly context: NodeContext,
    timeoutMs: number
  ) {
    this.began = context.clock.now()
    this.deadline = this.began + timeoutMs
    const poll = context.options.webhookPollMs
    this.pollMs =
      poll !== undefined && Number.isFinite(poll) && poll > 0 ? poll : WEBHOOK_WAIT_DEFAULT_POLL_MS
  }

  elapsed(): number {
    return Math.max(0, Math.round(this.context.clock.now() - this.began))
  }

  /**
   * Calls the source; the run's signal ends the call at once even when the
   * source does not heed it (a CancelledRead is thrown). The source bounds its
   * own reads (the in-job runner's HTTP timeout).
   */
  async #call(): Promise<unknown> {
    const { signal } = this.context
    const source = this.context.options.webhookRequests!
    if (signal.aborted) throw new CancelledRead()
    let onAbort!: () => void
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new CancelledRead())
      signal.addEventListener('abort', onAbort, { once: true })
    })
    aborted.catch(() => undefined)
    try {
      return await Promise.race([source(signal), aborted])
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  /** One read: the new requests, in the source's order, or why the read failed. */
  async read(): Promise<{ fresh: Seen[] } | { failure: string } | 'fatal'> {
    let result: Read
    try {
      const requests = await this.#call()
      result = Array.isArray(requests)
        ? { ok: true, requests: requests as CapturedRequest[] }
        : { ok: false, message: 'the source of captured requests gave no list' }
    } catch (error) {
      if (error instanceof CancelledRead || this.context.signal.aborted) throw new CancelledRead()
      // A source may mark an error that waiting cannot fix (`fatal: true`).
      if (
        typeof error === 'object' &&
        error !== null &&
        (error as { fatal?: unknown }).fatal === true
      ) {
        this.lastFailure = messageOf(error)
        return 'fatal'
      }
      result = { ok: false, message: messageOf(error) }
    }
    if (this.context.signal.aborted) throw new CancelledRead()
    if (!result.ok) {
      this.lastFailure = result.message
      return { failure: result.message }
    }
    this.lastFailure = undefined
    const arrivedAfterMs = this.#reads === 0 ? 0 : this.elapsed()
    this.#reads += 1
    const fresh: Seen[] = []
    for (const request of result.requests) {
      if (!isPlainObject(request)) continue
      const id = requestId(request)
      if (this.#known.has(id)) continue
      this.#known.add(id)
      const seen: Seen = { id, request, subject: capturedSubject(request), arrivedAfterMs }
      this.seen.push(seen)
      fresh.push(seen)
    }
    return { fresh }
  }

  /** Sleeps until the next read; false when the deadline has passed. Throws when cancelled. */
  async next(): Promise<boolean> {
    const left = this.deadline - this.context.clock.now()
    if (left <= 0) return false
    await this.context.clock.sleep(Math.min(this.pollMs, left), this.context.signal)
    return true
  }

  /** The newest requests, for a wait that found nothing. */
  recent(): Record<string, unknown>[] {
    return this.seen.slice(-RECENT_REQUESTS).map(requestOutputs)
  }
}

function readFailureNote(poller: Poller): string {
  return poller.lastFailure !== undefined
    ? `; the last read of captured requests failed: ${poller.lastFailure}`
    : ''
}

async function waitForMatch(
  context: NodeContext,
  poller: Poller,
  assertions: Assertion[],
  timeoutMs: number
): Promise<NodeOutcome> {
  let lastResults: AssertionResult[] | undefined
  for (;;) {
    const read = await poller.read()
    if (read === 'fatal') {
      return failed(
        'WEBHOOK_WAIT_FAILED',
        `reading captured requests failed: ${poller.lastFailure}`
      )
    }
    if ('fresh' in read) {
      for (const seen of read.fresh) {
        const run = runAssertions(assertions, seen.subject)
        lastResults = run.results
        if (run.passed) {
          const outputs = requestOutputs(seen)
          return {
            fields: { duration_ms: poller.elapsed() },
            intrinsic: outputs,
            assertionResults: run.results,
            // The node's assertions ran here; declared outputs read the matched request.
            subject: seen.subject
          }
        }
      }
    }
    if (!(await poller.next())) {
      const count = poller.seen.length
      return failed(
        'WEBHOOK_WAIT_TIMEOUT',
        `webhook wait timed out without a matching request after ${timeoutMs} ms ` +
          `(${count} request${count === 1 ? '' : 's'} received, none passed the assertions)` +
          readFailureNote(poller),
        {
          fields: { duration_ms: poller.elapsed(), recent_requests: poller.recent() },
          ...(lastResults ? { assertionResults: lastResults } : {})
        }
      )
    }
  }
}

/** Judges every group over the requests seen so far (see the file's header). */
class Expectations {
  /** Per request id: which groups' assertions it passes (group index → boolean). */
  readonly #passes = new Map<string, boolean[]>()
  /** Per request id: the first node assertion it fails (null: none). */
  readonly #nodeCheck = new Map<string, Assertion | null>()
  /** Per request id and group: the closest-event checks, computed when first needed. */
  readonly #checks = new Map<string, { checks: ExpectationCheck[]; passed: number }>()

  constructor(
    private readonly groups: Group[],
    private readonly nodeAssertions: Assertion[]
  ) {}

  /** Evaluates a request once, when first seen. */
  observe(seen: Seen): void {
    this.#passes.set(
      seen.id,
      this.groups.map((g) => g.unresolved.length === 0 && passesAll(g.assertions, seen.subject))
    )
  }

  #nodeFailure(seen: Seen): Assertion | undefined {
    let known = this.#nodeCheck.get(seen.id)
    if (known === undefined) {
      known = firstFailing(this.nodeAssertions, seen.subject) ?? null
      this.#nodeCheck.set(seen.id, known)
    }
    return known ?? undefined
  }

  #checkEach(seen: Seen, groupIndex: number): { checks: ExpectationCheck[]; passed: number } {
    const key = `${groupIndex}\u0000${seen.id}`
    let known = this.#checks.get(key)
    if (known === undefined) {
      let passed = 0
      const checks = this.groups[groupIndex]!.assertions.map((assertion, i) => {
        const result = evaluateAssertion(assertion, seen.subject, i)
        const check: ExpectationCheck = {
          label: describeAssertion(assertion),
          passed: result.passed
        }
        if (result.passed) passed += 1
        else {
          if (result.expected !== null && result.expected !== undefined)
            check.expected = result.expected
          if (result.actual !== null && result.actual !== undefined) check.actual = result.actual
        }
        return check
      })
      known = { checks, passed }
      this.#checks.set(key, known)
    }
    return known
  }

  /** The outcomes, and whether all passed (`met`), one can no longer pass (`broken`), or neither. */
  judge(seen: Seen[]): { outcomes: ExpectationOutcome[]; verdict: 'met' | 'broken' | 'pending' } {
    const claims: Seen[][] = this.groups.map(() => [])
    const claimedBy = new Map<string, number>()
    for (const request of seen) {
      const passes = this.#passes.get(request.id) ?? []
      let chosen = -1
      for (const [g, group] of this.groups.entries()) {
        if (!passes[g]) continue
        if (claims[g]!.length < group.min) {
          chosen = g
          break
        }
        if (chosen < 0) chosen = g
      }
      if (chosen >= 0) {
        claims[chosen]!.push(request)
        claimedBy.set(request.id, chosen)
      }
    }

    let verdict: 'met' | 'broken' | 'pending' = 'met'
    const outcomes = this.groups.map((group, g) => {
      const claimed = claims[g]!
      const outcome: ExpectationOutcome = {
        name: group.name,
        received: claimed.length,
        passed: false,
        request_ids: claimed.map((s) => s.id)
      }
      if (claimed.length > 0 && claimed[0]!.arrivedAfterMs > 0) {
        outcome.arrived_after_ms = claimed[0]!.arrivedAfterMs
      }
      let broken = false
      if (group.unresolved.length > 0) {
        outcome.problem = `not evaluated: no value for {{${group.unresolved[0]}}}`
      } else if (group.max !== undefined && claimed.length > group.max) {
        outcome.problem = `${claimed.length} arrived`
        broken = true
      } else {
        for (const request of claimed) {
          const failing = this.#nodeFailure(request)
          if (failing !== undefined) {
            outcome.problem = `${describeAssertion(failing)} failed on ${request.id}`
            broken = true
            break
          }
        }
        if (!broken) {
          if (claimed.length === 0 && group.min > 0) outcome.problem = 'missing'
          else if (claimed.length < group.min) outcome.problem = `${claimed.length} of ${group.min}`
          else outcome.passed = true
        }
      }
      const evaluated = group.unresolved.length === 0
      if (evaluated && !outcome.passed && claimed.length < group.min) {
        const closest = this.#closest(g, seen, claimedBy)
        if (closest) outcome.closest = closest
      }
      if (broken) verdict = 'broken'
      else if (evaluated && !outcome.passed && verdict === 'met') verdict = 'pending'
      return outcome
    })
    return { outcomes, verdict }
  }

  #closest(
    groupIndex: number,
    seen: Seen[],
    claimedBy: Map<string, number>
  ): ClosestEvent | undefined {
    let best: { seen: Seen; checks: ExpectationCheck[] } | undefined
    let bestPassed = 0
    for (const request of seen) {
      const { checks, passed } = this.#checkEach(request, groupIndex)
      if (passed > bestPassed) {
        best = { seen: request, checks }
        bestPassed = passed
      }
    }
    if (best === undefined) return undefined
    const owner = claimedBy.get(best.seen.id)
    return {
      request_id: best.seen.id,
      ...(owner !== undefined ? { claimed_by: this.groups[owner]!.name } : {}),
      checks: best.checks
    }
  }

  /** The node assertions over each claimed request, for `assertion_results`. */
  nodeResults(outcomes: ExpectationOutcome[], seen: Seen[]): AssertionResult[] {
    const byId = new Map(seen.map((s) => [s.id, s]))
    const results: AssertionResult[] = []
    for (const outcome of outcomes) {
      for (const id of outcome.request_ids) {
        const request = byId.get(id)
        if (request) results.push(...runAssertions(this.nodeAssertions, request.subject).results)
      }
    }
    return results
  }
}

async function waitForExpectations(
  context: NodeContext,
  poller: Poller,
  groups: Group[],
  nodeAssertions: Assertion[],
  settleMs: number
): Promise<NodeOutcome> {
  const judge = new Expectations(groups, nodeAssertions)
  let outcomes: ExpectationOutcome[] | undefined
  let settleUntil: number | undefined
  for (;;) {
    const read = await poller.read()
    if (read === 'fatal') {
      outcomes ??= judge.judge(poller.seen).outcomes
      return failed(
        'WEBHOOK_WAIT_FAILED',
        `reading captured requests failed: ${poller.lastFailure}`,
        {
          fields: { duration_ms: poller.elapsed(), expectations: outcomes }
        }
      )
    }
    let over = false
    if ('fresh' in read) {
      for (const seen of read.fresh) judge.observe(seen)
      const judged = judge.judge(poller.seen)
      outcomes = judged.outcomes
      if (judged.verdict === 'broken') over = true
      else if (judged.verdict === 'met') {
        settleUntil ??= context.clock.now() + settleMs
        over = context.clock.now() >= settleUntil
      }
    }
    if (over || !(await poller.next())) break
  }
  outcomes ??= judge.judge(poller.seen).outcomes

  const received = outcomes.reduce((sum, o) => sum + o.received, 0)
  const summary = { expectations: outcomes, received }
  const ranAssertions =
    nodeAssertions.length > 0 ? { assertionResults: judge.nodeResults(outcomes, poller.seen) } : {}
  const notPassed = outcomes.filter((o) => !o.passed).length
  const fields = { duration_ms: poller.elapsed(), expectations: outcomes }
  if (notPassed > 0) {
    return failed(
      'WEBHOOK_WAIT_EXPECTATIONS_FAILED',
      `${notPassed} of ${outcomes.length} expected events failed` + readFailureNote(poller),
      { fields, intrinsic: summary, ...ranAssertions }
    )
  }
  return {
    fields,
    intrinsic: summary,
    ...ranAssertions,
    // The node's assertions were judged per request above. Declared outputs
    // read `{expectations, received}` (`$.expectations[0].request_ids[0]`).
    subject: { body: summary }
  }
}

export const runWebhookWait: NodeRunner = async (context): Promise<NodeOutcome> => {
  const { node, resolve, signal } = context
  const data = node.data
  const timeoutValue = toNumber(resolve(field(data, 'timeout_ms', 'timeoutMs')))
  const timeoutMs =
    timeoutValue !== undefined && Number.isFinite(timeoutValue) && timeoutValue > 0
      ? timeoutValue
      : WEBHOOK_WAIT_DEFAULT_TIMEOUT_MS
  const settleValue = toNumber(resolve(field(data, 'settle_ms', 'settleMs')))
  const settleMs =
    settleValue !== undefined && Number.isFinite(settleValue) && settleValue > 0 ? settleValue : 0

  const expect = data.expect
  if (expect !== undefined && expect !== null && !Array.isArray(expect)) {
    return failed('WEBHOOK_WAIT_FAILED', 'data.expect must be a list of expected events')
  }
  // As in Echopoint's runner, an empty `expect` is no `expect`.
  const expectMode = Array.isArray(expect) && expect.length > 0

  let nodeAssertions: Assertion[]
  try {
    nodeAssertions = parseAssertions(node.assertions)
  } catch (error) {
    return failed('WEBHOOK_WAIT_FAILED', messageOf(error))
  }
  let groups: Group[] = []
  if (expectMode) {
    const parsed = parseGroups(expect as unknown[])
    if (typeof parsed === 'string') return failed('WEBHOOK_WAIT_FAILED', parsed)
    groups = parsed
  } else if (nodeAssertions.length === 0) {
    return failed(
      'WEBHOOK_WAIT_FAILED',
      'webhook wait requires at least one assertion (a request passing them all ends the wait)'
    )
  }
  if (context.options.webhookRequests === undefined) {
    return failed(
      'WEBHOOK_WAIT_FAILED',
      'no source of captured webhook requests: webhook_wait runs only in the in-job runner, ' +
        'which reads the requests Echopoint captured for this run'
    )
  }

  // Expected values are resolved once, before the wait.
  const nodeUnresolved: string[] = []
  nodeAssertions = resolveExpected(nodeAssertions, (v) => resolve(v), nodeUnresolved)
  if (!expectMode && nodeUnresolved.length > 0) {
    return failed(
      'ASSERTION_FAILED',
      `webhook wait assertion references {{${nodeUnresolved[0]}}}, which has no value`
    )
  }
  for (const group of groups) {
    group.assertions = resolveExpected(group.assertions, (v) => resolve(v), group.unresolved)
    for (const ref of nodeUnresolved)
      if (!group.unresolved.includes(ref)) group.unresolved.push(ref)
  }

  if (signal.aborted) return { error: cancelledError() }
  const poller = new Poller(context, timeoutMs)
  try {
    return expectMode
      ? await waitForExpectations(context, poller, groups, nodeAssertions, settleMs)
      : await waitForMatch(context, poller, nodeAssertions, timeoutMs)
  } catch (error) {
    if (signal.aborted)
      return { error: cancelledError(), fields: { duration_ms: poller.elapsed() } }
    throw error
  }
}
