/**
 * Runs a flow (docs/runner.md §5), with the newest semantics of Echopoint's runner:
 *
 * - a node starts as soon as all its predecessors have finished (no batches),
 *   in `nodes` order when several become ready together, and sees the outputs
 *   finished at its start; independent branches run concurrently;
 * - a failed node skips what is downstream of it (`dependency_failed`, the
 *   cause named), every other branch goes on;
 * - a branch routes away from the successors it did not choose
 *   (`routed_away_by_branch`); what is reachable only through them is skipped
 *   too (`not_reachable_after_main_phase`, or `dependency_skipped` when it reads
 *   a skipped node's output);
 * - then the `always` nodes run, even after a failure; one whose inputs are
 *   missing is skipped (`missing_inputs`, or the failed or skipped step that
 *   should have produced them); an `on_success` node placed after an `always`
 *   node runs after it when its own predecessors succeeded;
 * - any node error, in an `always` node too, makes the flow fail.
 *
 * Cancellation (the signal) stops the run promptly: nothing new starts, the
 * running nodes end as cancelled, and the result holds what finished.
 */
import { systemClock } from '../../core/clock.js'
import type { FlowDef, NodeDef } from '../flow/model.js'
import { FlowGraph } from '../flow/graph.js'
import { createGeneratorContext, type GeneratorContext } from '../generators/registry.js'
import { HttpCallLog } from '../http/request.js'
import { intrinsicOutputs } from '../nodes/spec.js'
import { Secrets } from '../secrets.js'
import {
  findReferenceRoot,
  listReferences,
  lookupReference,
  resolveValue,
  TemplateError,
  type TemplateScope
} from '../templates.js'
import { hasOwn } from '../values.js'
import { assertAndExtract } from './node-pass.js'
import { cancelledError } from './cancel.js'
import { toWire } from './wire.js'
import type {
  FlowResult,
  NodeContext,
  NodeError,
  NodeOutcome,
  NodeResult,
  NodeRunner,
  RunFlowOptions
} from './types.js'

/** Shared by a run and every nested flow in it (loop and poll bodies, modules). */
interface Execution {
  options: RunFlowOptions
  clock: typeof systemClock
  signal: AbortSignal
  calls: HttpCallLog
  /** Grows when a module's child flow brings its own secrets. */
  secretValues: unknown[]
  /** The redactor of `secretValues`, rebuilt only when a module adds secrets. */
  secrets: Secrets
  runners: Readonly<Record<string, NodeRunner>>
}

/** One flow being run (the top level, or a nested one). */
interface Frame {
  generators: GeneratorContext
  moduleStack: readonly string[]
  /** Only the top level tells the observer. */
  observe: boolean
}

interface Finished {
  node: NodeDef
  result: NodeResult
  error?: NodeError
  routedTargets?: readonly string[]
}

export const SKIP_REASONS = {
  dependencyFailed: 'dependency_failed',
  dependencySkipped: 'dependency_skipped',
  missingInputs: 'missing_inputs',
  notReachable: 'not_reachable_after_main_phase',
  routedAway: 'routed_away_by_branch'
} as const

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The result of a node that did not run (skipped, or failed before it started); the caller adds why. */
function notRunResult(node: NodeDef, at: number): NodeResult {
  return {
    node_id: node.id,
    display_name: node.displayName,
    node_type: node.type,
    run_when: node.runWhen,
    inputs: {},
    outputs: {},
    executed_at: iso(at),
    duration_ms: 0
  }
}

/** Calls an observer; what it throws is not the run's business. */
function tell(call: () => void): void {
  try {
    call()
  } catch {
    // An observer's failure must not stop or hang the run.
  }
}

/** The value references of a node (its data without nested bodies, and its assertions). */
function valueReferences(node: NodeDef): string[] {
  const refs = new Set<string>()
  const nested = node.type === 'loop' || node.type === 'poll'
  for (const [key, value] of Object.entries(node.data)) {
    if (nested && key === 'body') continue
    for (const r of listReferences(value)) if (r.kind === 'value') refs.add(r.ref)
  }
  for (const r of listReferences(node.assertions)) if (r.kind === 'value') refs.add(r.ref)
  return [...refs]
}

/**
 * Runs one flow with the given (effective) inputs. The result is raw: values
 * unredacted, response bodies as bytes. runFlow finishes it for the outside.
 */
async function execute(
  flow: FlowDef,
  inputs: Record<string, unknown>,
  run: Execution,
  frame: Frame
): Promise<FlowResult> {
  const began = run.clock.now()
  const graph = new FlowGraph(flow)
  const byId = new Map(flow.nodes.map((n) => [n.id, n]))
  const remaining = new Map(flow.nodes.map((n) => [n.id, graph.predecessors(n.id).length]))
  const failed = new Set<string>()
  const skipped = new Set<string>()
  /** A failed node, and each node skipped because of it → the failed step's name. */
  const failureCause = new Map<string, string>()
  /** Branch → the successors it routed away from. */
  const deadEdges = new Map<string, Set<string>>()
  const outputs = new Map<string, Record<string, unknown>>()
  const results: Record<string, NodeResult> = {}
  const finalOutputs: Record<string, unknown> = {}
  let firstError: { node: NodeDef; error: NodeError } | undefined
  const inFlight = new Set<string>()
  const done: Finished[] = []
  let wake: (() => void) | undefined

  const nameOf = (id: string): string => byId.get(id)?.displayName || id

  // The data references of each node (`node.output`), read as validation reads them.
  const dataRefsCache = new Map<string, { ref: string; nodeId: string; key: string }[]>()
  const dataRefs = (node: NodeDef): { ref: string; nodeId: string; key: string }[] => {
    let refs = dataRefsCache.get(node.id)
    if (refs) return refs
    refs = []
    for (const ref of valueReferences(node)) {
      const root = findReferenceRoot(ref, {
        input: (name) => hasOwn(inputs, name),
        output: (id, key) => {
          const source = byId.get(id)
          return (
            source !== undefined &&
            (source.outputs.some((o) => o.name === key) || intrinsicOutputs(source).includes(key))
          )
        }
      })
      if (root?.source === 'output') {
        refs.push({ ref: `${root.nodeId}.${root.key}`, nodeId: root.nodeId, key: root.key })
      }
    }
    dataRefsCache.set(node.id, refs)
    return refs
  }
  const missingInputs = (node: NodeDef): string[] =>
    [
      ...new Set(
        dataRefs(node)
          .filter((r) => {
            const produced = outputs.get(r.nodeId)
            return produced === undefined || !hasOwn(produced, r.key)
          })
          .map((r) => r.ref)
      )
    ].sort()

  const markComplete = (id: string): void => {
    for (const successor of graph.successors(id)) {
      remaining.set(successor, (remaining.get(successor) ?? 1) - 1)
    }
    remaining.delete(id)
  }
  const propagate = (id: string, produced: Record<string, unknown>): void => {
    outputs.set(id, produced)
    for (const [key, value] of Object.entries(produced)) finalOutputs[`${id}.${key}`] = value
  }
  const markFailed = (node: NodeDef, error: NodeError): void => {
    firstError ??= { node, error }
    failed.add(node.id)
    failureCause.set(node.id, nameOf(node.id))
  }
  const tellFinished = (finished: Finished, startedAt: number): void => {
    if (!frame.observe || !run.options.observer?.nodeFinished) return
    const observer = run.options.observer
    tell(() =>
      observer.nodeFinished?.({
        nodeId: finished.node.id,
        displayName: finished.node.displayName,
        nodeType: finished.node.type,
        startedAt,
        finishedAt: Date.parse(finished.result.executed_at),
        result: finish(finished.result, run) as NodeResult
      })
    )
  }

  // Why a node is skipped, named as Echopoint's runner names it.
  const routedAwayBy = (node: NodeDef): string | undefined => {
    let by: string | undefined
    for (const p of graph.predecessors(node.id)) {
      if (failed.has(p)) return undefined
      if (deadEdges.get(p)?.has(node.id)) by ??= nameOf(p)
      else if (!skipped.has(p)) return undefined
    }
    return by
  }
  const describeSkip = (node: NodeDef): { reason: string; message: string; missing: string[] } => {
    const missing = missingInputs(node)
    const branch = routedAwayBy(node)
    if (branch !== undefined) {
      return {
        reason: SKIP_REASONS.routedAway,
        message: `Skipped because branch ${JSON.stringify(branch)} routed execution down a different path`,
        missing
      }
    }
    let failedDep: string | undefined
    let skippedDep: string | undefined
    for (const ref of missing) {
      const source = ref.slice(0, ref.indexOf('.'))
      const cause = failureCause.get(source)
      if (cause !== undefined) failedDep ??= cause
      else if (skipped.has(source)) skippedDep ??= nameOf(source)
    }
    const own = failureCause.get(node.id)
    if (failedDep !== undefined || (missing.length === 0 && own !== undefined)) {
      return {
        reason: SKIP_REASONS.dependencyFailed,
        message: `Skipped because step ${JSON.stringify(failedDep ?? own)} failed`,
        missing
      }
    }
    if (skippedDep !== undefined) {
      return {
        reason: SKIP_REASONS.dependencySkipped,
        message: `Skipped because step ${JSON.stringify(skippedDep)} was skipped`,
        missing
      }
    }
    if (missing.length > 0) {
      return {
        reason: SKIP_REASONS.missingInputs,
        message: `Skipped because required inputs were unavailable: [${missing.join(' ')}]`,
        missing
      }
    }
    return {
      reason: SKIP_REASONS.notReachable,
      message: 'Skipped because the node could not be reached after the main phase finished',
      missing
    }
  }

  const recordSkipped = (node: NodeDef): void => {
    const at = run.clock.now()
    const why = describeSkip(node)
    const result: NodeResult = {
      ...notRunResult(node, at),
      error_code: 'NODE_SKIPPED',
      error_message: why.message,
      skip_reason: why.reason,
      ...(why.missing.length > 0 ? { missing_inputs: why.missing } : {})
    }
    results[node.id] = result
    skipped.add(node.id)
    tellFinished({ node, result }, at)
    markComplete(node.id)
  }

  const recordFinished = (finished: Finished): void => {
    const { node, result, error } = finished
    results[node.id] = result
    if (error) markFailed(node, error)
    propagate(node.id, result.outputs)
    if (!error && finished.routedTargets && node.runWhen === 'on_success') {
      const taken = new Set(finished.routedTargets)
      for (const successor of graph.successors(node.id)) {
        if (taken.has(successor)) continue
        if (!deadEdges.has(node.id)) deadEdges.set(node.id, new Set())
        deadEdges.get(node.id)!.add(successor)
      }
    }
    markComplete(node.id)
  }

  // Running one node: never rejects.
  const runNode = async (node: NodeDef): Promise<Finished> => {
    const startedAt = run.clock.now()
    const scope: TemplateScope = {
      inputs,
      outputs: (
        (snapshot) => (id: string) =>
          snapshot.get(id)
      )(new Map(outputs)),
      generators: frame.generators.fork(node.id)
    }
    const resolve = (value: unknown, options?: Parameters<typeof resolveValue>[2]): unknown =>
      resolveValue(value, scope, options)
    if (frame.observe) {
      tell(() =>
        run.options.observer?.nodeStarted?.({
          nodeId: node.id,
          displayName: node.displayName,
          nodeType: node.type,
          at: startedAt
        })
      )
    }
    const context: NodeContext = {
      node,
      scope,
      resolve,
      signal: run.signal,
      clock: run.clock,
      calls: run.calls,
      secretValues: () =>
        run.secretValues.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      options: run.options,
      moduleStack: frame.moduleStack,
      generators: scope.generators,
      runChild: (child, childInputs, label, extra) => {
        if (extra?.secretValues && extra.secretValues.length > 0) {
          run.secretValues.push(...extra.secretValues)
          run.secrets = new Secrets(run.secretValues)
        }
        return execute(child, childInputs, run, {
          generators: scope.generators.fork(label),
          moduleStack: extra?.moduleId ? [...frame.moduleStack, extra.moduleId] : frame.moduleStack,
          observe: false
        })
      }
    }
    let outcome: NodeOutcome
    try {
      const runner = run.runners[node.type]
      outcome = runner
        ? await runner(context)
        : { error: { code: 'UNSUPPORTED_NODE_TYPE', message: `no runner for ${node.type}` } }
    } catch (error) {
      outcome = {
        error:
          error instanceof TemplateError
            ? { code: 'TEMPLATE_RESOLUTION_FAILED', message: error.message }
            : { code: 'NODE_EXECUTION_FAILED', message: messageOf(error) }
      }
    }
    if (run.signal.aborted && !outcome.error) {
      outcome = { ...outcome, error: cancelledError() }
    }
    let pass
    try {
      pass = assertAndExtract(node, outcome, (value) => resolve(value))
    } catch (error) {
      pass = { outputs: {}, error: { code: 'NODE_EXECUTION_FAILED', message: messageOf(error) } }
    }
    const finishedAt = run.clock.now()
    const used: Record<string, unknown> = {}
    for (const ref of valueReferences(node)) {
      const found = lookupReference(ref, scope)
      if (found.ok) used[ref] = found.value
    }
    const result: NodeResult = {
      node_id: node.id,
      display_name: node.displayName,
      node_type: node.type,
      run_when: node.runWhen,
      inputs: used,
      outputs: pass.outputs,
      ...(pass.error ? { error_code: pass.error.code, error_message: pass.error.message } : {}),
      executed_at: iso(finishedAt),
      ...(pass.assertionResults ? { assertion_results: pass.assertionResults } : {}),
      duration_ms: Math.max(0, Math.round(finishedAt - startedAt)),
      ...(outcome.fields ?? {})
    }
    const finished: Finished = {
      node,
      result,
      ...(pass.error ? { error: pass.error } : {}),
      ...(outcome.routedTargets ? { routedTargets: outcome.routedTargets } : {})
    }
    tellFinished(finished, startedAt)
    return finished
  }

  const start = (node: NodeDef): void => {
    inFlight.add(node.id)
    void runNode(node)
      .catch((error: unknown): Finished => {
        // A defect outside the node's own run (its inputs record, say): the node fails, the run goes on.
        const at = run.clock.now()
        const failure = { code: 'NODE_EXECUTION_FAILED', message: messageOf(error) }
        return {
          node,
          error: failure,
          result: {
            ...notRunResult(node, at),
            error_code: failure.code,
            error_message: failure.message
          }
        }
      })
      .then((finished) => {
        done.push(finished)
        wake?.()
      })
  }
  const next = async (): Promise<Finished> => {
    while (done.length === 0) await new Promise<void>((resolve) => (wake = resolve))
    wake = undefined
    const finished = done.shift()!
    inFlight.delete(finished.node.id)
    return finished
  }
  const ready = (phase: NodeDef['runWhen']): NodeDef[] =>
    flow.nodes.filter(
      (n) => n.runWhen === phase && remaining.get(n.id) === 0 && !inFlight.has(n.id)
    )

  // An on_success node is skipped, failed for missing inputs, or started.
  const startReadyOnSuccess = (): void => {
    for (let changed = true; changed && !run.signal.aborted;) {
      changed = false
      for (const node of ready('on_success')) {
        const preds = graph.predecessors(node.id)
        const cause = preds.map((p) => failureCause.get(p)).find((c) => c !== undefined)
        if (cause !== undefined) {
          failureCause.set(node.id, cause)
          recordSkipped(node)
          changed = true
          continue
        }
        const fullyDead =
          preds.length > 0 &&
          preds.every((p) => deadEdges.get(p)?.has(node.id) || skipped.has(p) || failed.has(p))
        if (fullyDead || dataRefs(node).some((r) => skipped.has(r.nodeId))) {
          recordSkipped(node)
          changed = true
          continue
        }
        const missing = missingInputs(node)
        if (missing.length > 0) {
          const at = run.clock.now()
          const error = {
            code: 'NODE_INPUT_VALIDATION_FAILED',
            message: `inputs not available: ${missing.join(', ')}`
          }
          const finished: Finished = {
            node,
            error,
            result: {
              ...notRunResult(node, at),
              error_code: error.code,
              error_message: error.message,
              missing_inputs: missing
            }
          }
          tellFinished(finished, at)
          recordFinished(finished)
          changed = true
          continue
        }
        start(node)
      }
    }
  }

  // Always nodes stuck behind nodes that will never complete.
  const resolveBlockedAlways = (): boolean => {
    let any = false
    for (const node of flow.nodes) {
      if (node.runWhen !== 'always' || !remaining.has(node.id) || inFlight.has(node.id)) continue
      const waitsOnAlways = graph
        .predecessors(node.id)
        .some((p) => remaining.has(p) && byId.get(p)?.runWhen === 'always')
      if (waitsOnAlways) continue
      any = true
      if (missingInputs(node).length > 0) recordSkipped(node)
      else start(node)
    }
    return any
  }

  // The main phase.
  for (;;) {
    startReadyOnSuccess()
    if (inFlight.size === 0) break
    recordFinished(await next())
  }
  // The always phase (with on_success nodes placed after always nodes).
  for (;;) {
    if (run.signal.aborted) {
      while (inFlight.size > 0) recordFinished(await next())
      break
    }
    startReadyOnSuccess()
    for (const node of ready('always')) {
      if (missingInputs(node).length > 0) recordSkipped(node)
      else start(node)
    }
    if (inFlight.size === 0) {
      if (ready('always').length > 0 || ready('on_success').length > 0) continue
      if (!resolveBlockedAlways()) break
      continue
    }
    recordFinished(await next())
  }

  const result: FlowResult = {
    execution_results: results,
    final_outputs: finalOutputs,
    success: false,
    duration_ms: Math.max(0, Math.round(run.clock.now() - began))
  }
  if (flow.nodes.length === 0) {
    // As Echopoint's runner: an empty flow loads, but a run of nothing is not a pass.
    result.error_code = 'FLOW_HAS_NO_NODES'
    result.error_message = 'no nodes to execute'
  } else if (run.signal.aborted) {
    result.error_code = 'EXECUTION_CANCELLED'
    result.error_message = 'the run was stopped before it finished'
  } else if (firstError) {
    result.error_code = firstError.error.code
    result.error_message = `${nameOf(firstError.node.id)}: ${firstError.error.message}`
  } else if (remaining.size > 0) {
    result.error_code = 'NODES_NOT_RUN'
    result.error_message = `${remaining.size} node(s) could not run: ${[...remaining.keys()].join(', ')}`
  } else {
    result.success = true
  }
  return result
}

/** Redacted and in wire form (bytes as base64): how anything leaves the engine. */
function finish(value: unknown, run: Execution): unknown {
  return toWire(run.secrets.redact(value))
}

/**
 * Runs a flow that loadFlow accepted. Never throws for anything the flow or the
 * services it calls do: every failure is in the result.
 */
export async function runFlowWith(
  flow: FlowDef,
  runners: Readonly<Record<string, NodeRunner>>,
  options: RunFlowOptions = {}
): Promise<FlowResult> {
  const clock = options.clock ?? systemClock
  const inputs = { ...flow.initialInputs, ...(options.inputs ?? {}) }
  const secretKeys = [...(options.secretInputKeys ?? [])]
  const secretValues: unknown[] = secretKeys
    .filter((key) => hasOwn(inputs, key))
    .map((key) => inputs[key])
  // A referenced flow's secrets, known now when they come from its overrides or the root
  // inputs (those bound by a module node join when it runs): hidden from the first event on.
  for (const ref of Object.values(options.referencedFlows ?? {})) {
    for (const key of ref.secret_input_keys ?? []) {
      secretValues.push(ref.input_overrides?.[key] ?? inputs[key])
    }
  }
  const nonEmpty = secretValues.filter((v) => v !== undefined && v !== null && v !== '')
  const run: Execution = {
    options,
    clock,
    signal: options.signal ?? new AbortController().signal,
    calls: new HttpCallLog(options.maxHttpCalls),
    secretValues: nonEmpty,
    secrets: new Secrets(nonEmpty),
    runners
  }
  const generators = createGeneratorContext({
    seed: options.executionId ?? crypto.randomUUID(),
    now: () => clock.now()
  })
  const result = await execute(flow, inputs, run, { generators, moduleStack: [], observe: true })
  result.http_calls = run.calls.records()
  const failureEdges = flow.edges.filter((e) => e.type === 'failure')
  if (failureEdges.length > 0) {
    result.warnings = [
      `${failureEdges.length} edge(s) of type "failure" (${failureEdges.map((e) => `${e.source} → ${e.target}`).join(', ')}) are plain dependencies, as in Echopoint's runner: the target runs only when the source succeeds. Use run_when "always" for a step that must run after a failure.`
    ]
  }
  return finish(result, run) as FlowResult
}
