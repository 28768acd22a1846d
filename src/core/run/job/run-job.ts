/**
 * One flow on the ephemeral runner (docs/runner.md §1): claim the launched execution
 * (once, never repeated), run its flow definition with the flow engine inside
 * this job, keep the lease with heartbeats, send progress events, and complete
 * it with the engine's result. The flow's report comes from the local result:
 * no `/nodes` read, no polling.
 *
 * - A claim that fails or gets no answer fails the flow (`error`), naming the
 *   execution to inspect; nothing else is sent for it.
 * - A rejected lease stops the run at once; the job is not completed.
 * - The step's timeout or a cancel aborts the engine; the job completes
 *   `failed` with what finished.
 * - The completion is repeated after a 5xx or a network error only (the server
 *   applies it once).
 */
import { randomUUID } from 'node:crypto'
import type { ApiInputNames, EchopointApi } from '../../api/api.js'
import { createJobClient, type ClaimedJob, type JobApi } from '../../api/jobs.js'
import type { Clock } from '../../clock.js'
import { EchopointError, toEchopointError } from '../../errors.js'
import type { Logger } from '../../logger.js'
import { VERSION } from '../../version.js'
import type { FollowItem } from '../follow-item.js'
import { flowReportOf } from '../flow-reports.js'
import { flowReportFromResult, localNodeStatus } from '../local-result.js'
import type { FlowReport } from '../results.js'
import type { StopReason } from '../scope.js'
import { EventStream } from './events.js'
import { Lease } from './lease.js'
import type { FlowResult, NodeResult } from '../../../engine/engine.js'

/** What every job of one run shares. */
export interface JobContext {
  api: EchopointApi
  apiUrl: string
  clock: Clock
  logger: Logger
  /** Aborts with the run (timeout, cancel). */
  signal: AbortSignal
  why: () => StopReason | undefined
  /** Time the completion may still take after a stop (ms). */
  wrapUpMs: () => number
  deadline: number
  runnerId: string
  bootId: string
  maxParallel: number
  userAgent?: string
  /** The names messages use for the settings (default: the action's inputs). */
  names?: Partial<ApiInputNames>
}

/** What a job cost in API calls (for the closing figures and the debug log). */
export interface JobCalls {
  claim: number
  heartbeats: number
  eventBatches: number
  events: number
  completions: number
}

export interface JobOutcome {
  report: FlowReport
  calls: JobCalls
  /** Milliseconds spent in the engine (the flow itself) and in job calls around it. */
  engineMs: number
  apiMs: number
}

/** RFC 3339, to the second (the reference runner's precision for event times). */
function seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** The secret values a job brings (root inputs and referenced flows' overrides), as text. */
function secretValues(job: ClaimedJob): string[] {
  const values: unknown[] = job.secretInputKeys.map((key) => job.inputs[key])
  for (const ref of Object.values(job.referencedFlows)) {
    // A child's secret may come from its overrides or from the root inputs it inherits.
    for (const key of ref.secret_input_keys ?? []) {
      values.push(ref.input_overrides?.[key] ?? job.inputs[key])
    }
  }
  return values
    .filter((v) => v !== undefined && v !== null && v !== '')
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
}

/**
 * Runs one launched execution in this job. Resolves with its outcome, or with
 * `undefined` when the claim was never sent (the run stopped first): the
 * execution is then left to the caller, which cancels it. Never rejects.
 */
export async function runJob(
  item: FollowItem,
  context: JobContext
): Promise<JobOutcome | undefined> {
  const { clock, logger } = context
  const calls: JobCalls = { claim: 0, heartbeats: 0, eventBatches: 0, events: 0, completions: 0 }
  const began = clock.now()
  const id = item.execution.id
  const outcome = (report: FlowReport, engineMs = 0): JobOutcome => ({
    report,
    calls,
    engineMs,
    apiMs: Math.max(0, clock.now() - began - engineMs)
  })

  let job: ClaimedJob
  try {
    job = await context.api.claimExecution(
      item.flow.id,
      id,
      { runner_id: context.runnerId, boot_id: context.bootId },
      { signal: context.signal, onSent: () => (calls.claim += 1) }
    )
  } catch (err) {
    // Never sent (the run stopped while it waited its turn): nobody claimed it.
    if (calls.claim === 0) return undefined
    const error = toEchopointError(err)
    const message =
      `Could not claim execution ${id}: ${error.message}. The claim is never sent twice ` +
      `(a lost answer may mean it was claimed): inspect execution ${id} in Echopoint before running the flow again.`
    logger.error(message, { title: `Echopoint: "${item.flow.name}" could not be claimed` })
    return outcome(
      flowReportOf(
        item.flow,
        'error',
        item,
        new EchopointError(error.kind, message, { code: error.code })
      )
    )
  }
  logger.protect?.(job.jobToken)
  for (const value of secretValues(job)) logger.protect?.(value)
  logger.info(`Claimed execution ${id} of "${item.flow.name}" (job ${job.jobId}); running it here`)
  try {
    return await runClaimed(item, job, context, calls, outcome)
  } catch (err) {
    // A defect after the claim: the flow is reported, the run goes on.
    const error = toEchopointError(err)
    const message = `Running execution ${id} here failed: ${error.message}. Inspect execution ${id} in Echopoint.`
    logger.error(message, { title: `Echopoint: "${item.flow.name}" could not be run` })
    return outcome(flowReportOf(item.flow, 'error', item, new EchopointError(error.kind, message)))
  }
}

/** After the claim: lease, engine, events, completion. */
async function runClaimed(
  item: FollowItem,
  job: ClaimedJob,
  context: JobContext,
  calls: JobCalls,
  outcome: (report: FlowReport, engineMs?: number) => JobOutcome
): Promise<JobOutcome> {
  const { clock, logger } = context
  const jobApi: JobApi = createJobClient({
    apiUrl: context.apiUrl,
    jobId: job.jobId,
    jobToken: job.jobToken,
    clock,
    logger,
    deadline: context.deadline,
    userAgent: context.userAgent,
    names: context.names
  })
  // Stops the engine: the run's stop (timeout, cancel) or a rejected lease.
  const stop = new AbortController()
  const onRunStop = (): void => stop.abort()
  context.signal.addEventListener('abort', onRunStop, { once: true })
  if (context.signal.aborted) stop.abort()
  let rejected = false
  const lease = new Lease({
    job: jobApi,
    runnerId: context.runnerId,
    bootId: context.bootId,
    maxParallelFlows: context.maxParallel,
    runnerVersion: `echopoint-ci/${VERSION}`,
    expiresAt: job.leaseExpiresAt,
    clock,
    logger,
    onRejected: () => {
      rejected = true
      stop.abort()
    }
  })
  const events = new EventStream({
    job: jobApi,
    runnerId: context.runnerId,
    bootId: context.bootId,
    clock,
    logger,
    signal: stop.signal
  })
  lease.start()
  try {
    return await runLeased(item, job, context, calls, outcome, {
      jobApi,
      stop,
      lease,
      events,
      rejected: () => rejected
    })
  } finally {
    // Whatever happened: no heartbeat, event or listener outlives the job's run.
    context.signal.removeEventListener('abort', onRunStop)
    await lease.stop()
    events.stop()
  }
}

interface Leased {
  jobApi: JobApi
  stop: AbortController
  lease: Lease
  events: EventStream
  rejected: () => boolean
}

/** The job's run under its lease: engine, last events, completion. */
async function runLeased(
  item: FollowItem,
  job: ClaimedJob,
  context: JobContext,
  calls: JobCalls,
  outcome: (report: FlowReport, engineMs?: number) => JobOutcome,
  { jobApi, stop, lease, events, rejected }: Leased
): Promise<JobOutcome> {
  const { clock, logger } = context
  const id = job.executionId
  const engineStart = clock.now()
  let result: FlowResult
  let definitionInvalid = false
  try {
    const run = await runEngine(item, job, jobApi, events, stop.signal, context)
    result = run.result
    definitionInvalid = run.definitionInvalid
  } catch (err) {
    // The engine never throws for what a flow does; this is a defect: reported as the flow's error.
    const error = toEchopointError(err)
    result = emptyResult('RUNNER_ERROR', `The runner failed: ${error.message}`)
  }
  const engineMs = clock.now() - engineStart

  if (rejected()) {
    await lease.stop()
    events.stop()
    calls.heartbeats = lease.beats
    calls.events = events.count
    const error = new EchopointError(
      'conflict',
      `Echopoint rejected the lease of execution ${id} (job ${job.jobId}) while it ran: it was cancelled, completed or taken over. The run stopped and its result was not reported.`
    )
    return outcome(
      {
        ...flowReportFromResult(result, reportMeta(item, job)),
        status: 'error',
        error_message: error.message
      },
      engineMs
    )
  }

  // Decided from what the engine did, not from a stop that came after it finished.
  const cancelled = result.error_code === 'EXECUTION_CANCELLED'
  const stopped = cancelled ? (context.why() ?? 'cancelled') : undefined
  const status: 'completed' | 'failed' =
    cancelled || definitionInvalid || result.error_code === 'RUNNER_ERROR' ? 'failed' : 'completed'
  // The wrap-up (last events, completion) has the time left; the events at most half of it.
  const budget = Math.max(100, Math.round(context.wrapUpMs()))
  const wrapUp = AbortSignal.timeout(budget)
  const lastSequence = await events.close(
    AbortSignal.timeout(Math.max(100, Math.round(budget / 2)))
  )
  calls.events = events.count
  calls.eventBatches = events.requests
  const report = flowReportFromResult(result, {
    ...reportMeta(item, job),
    stopped: stopped === undefined ? undefined : stopped === 'timeout' ? 'timed_out' : 'cancelled'
  })
  const completedAt = clock.now()
  const requestsBefore = jobApi.stats.requests
  try {
    await jobApi.complete(
      {
        runner_id: context.runnerId,
        boot_id: context.bootId,
        status,
        started_at: new Date(engineStart).toISOString(),
        completed_at: new Date(Math.max(completedAt, engineStart)).toISOString(),
        duration_ms: Math.max(0, Math.round(completedAt - engineStart)),
        result,
        error_message: result.success ? null : (result.error_message ?? null),
        error_code: result.success ? null : (result.error_code ?? null),
        last_event_sequence: lastSequence,
        runner_version: `echopoint-ci/${VERSION}`
      },
      { signal: wrapUp }
    )
  } catch (err) {
    const error = toEchopointError(err)
    calls.completions = jobApi.stats.requests - requestsBefore
    const retried = calls.completions > 1
    const message =
      error.kind === 'conflict' && retried
        ? `Echopoint refused a repeated completion of execution ${id} (${error.message}); an earlier attempt whose answer was lost was probably recorded. Check execution ${id} in Echopoint.`
        : `The result of execution ${id} could not be reported to Echopoint: ${error.message}. The flow ran here (its result is below); inspect execution ${id} in Echopoint.`
    logger.error(message, { title: `Echopoint: "${item.flow.name}" was not reported` })
    return outcome({ ...report, status: 'error', error_message: message }, engineMs)
  } finally {
    // The lease is kept until the completion has answered.
    await lease.stop()
    calls.heartbeats = lease.beats
  }
  calls.completions = jobApi.stats.requests - requestsBefore
  logger.debug(
    `Job ${job.jobId}: ${calls.heartbeats} heartbeat(s), ${calls.events} event(s) in ${calls.eventBatches} request(s), ${calls.completions} completion request(s)`
  )
  return outcome(report, engineMs)
}

function emptyResult(code: string, message: string): FlowResult {
  return {
    execution_results: {},
    final_outputs: {},
    success: false,
    error_code: code,
    error_message: message,
    duration_ms: 0
  }
}

/** Loads the claimed definition and runs it, telling the events as nodes start and finish. */
async function runEngine(
  item: FollowItem,
  job: ClaimedJob,
  jobApi: JobApi,
  events: EventStream,
  signal: AbortSignal,
  context: JobContext
): Promise<{ result: FlowResult; definitionInvalid: boolean }> {
  const { clock, logger } = context
  const engine = await import('../../../engine/engine.js')
  const { flow, problems } = engine.loadFlow(job.flowDefinition, {
    inputs: Object.keys(job.inputs),
    referencedFlows: job.referencedFlows,
    flowId: job.flowId
  })
  events.push('flow.started', {
    execution_id: job.executionId,
    flowName: flow.name || item.flow.name,
    timestamp: seconds(clock.now())
  })
  if (problems.length > 0) {
    const listed = problems
      .slice(0, 5)
      .map((p) => `${p.node ? `node ${p.node}, ` : ''}${p.field}: ${p.message}`)
      .join('; ')
    return {
      result: emptyResult(
        'FLOW_DEFINITION_INVALID',
        `The flow definition is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${listed}`
      ),
      definitionInvalid: true
    }
  }
  const result = await engine.runFlow(flow, {
    inputs: job.inputs,
    secretInputKeys: job.secretInputKeys,
    executionId: job.executionId,
    signal,
    clock,
    maxHttpCalls: job.maxHttpCalls,
    referencedFlows: job.referencedFlows,
    webhookRequests: (requestSignal) => jobApi.webhookRequests({ signal: requestSignal }),
    observer: {
      nodeStarted: (e) => {
        events.push('node.started', {
          nodeId: e.nodeId,
          displayName: e.displayName,
          nodeType: e.nodeType,
          timestamp: seconds(e.at)
        })
      },
      nodeFinished: (e) => {
        const failed = localNodeStatus(e.result) === 'failed'
        events.push(failed ? 'node.failed' : 'node.completed', {
          nodeId: e.nodeId,
          displayName: e.displayName,
          duration: e.result.duration_ms,
          timestamp: seconds(e.finishedAt),
          ...(failed ? {} : { success: true }),
          result: e.result,
          ...(failed ? { error: e.result.error_message } : {})
        })
        if (failed) logNodeFailure(logger, item, e.result)
      }
    }
  })
  return { result, definitionInvalid: false }
}

function reportMeta(item: FollowItem, job: ClaimedJob) {
  return { flow_id: item.flow.id, flow_name: item.flow.name, execution_id: job.executionId }
}

/** A failed node, as soon as it is seen (the report repeats it at the end). */
function logNodeFailure(logger: Logger, item: FollowItem, node: NodeResult): void {
  logger.info(
    `"${item.flow.name}": node "${node.display_name}" failed: ${node.error_message ?? node.error_code ?? 'failed'}`
  )
}

/** A fresh boot id per run (docs/runner.md §1.3), and a runner id naming this kit and host. */
export function runnerIdentity(): { runnerId: string; bootId: string } {
  return { runnerId: `echopoint-ci-${VERSION}`, bootId: randomUUID() }
}
