/**
 * One flow on the ephemeral runner (runner.md §1): claim the launched execution
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
import type { EchopointApi } from '../../api/api.js'
import { createJobClient, type ClaimedJob, type JobApi } from '../../api/jobs.js'
import type { Clock } from '../../clock.js'
import { EchopointError, toEchopointError } from '../../errors.js'
import type { Logger } from '../../logger.js'
import { VERSION } from '../../version.js'
import type { FollowItem } from '../follow-item.js'
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

function errorReport(item: FollowItem, error: EchopointError, status: FlowReport['status']) {
  return {
    flow_id: item.flow.id,
    flow_name: item.flow.name,
    execution_id: item.execution.id,
    status,
    duration_ms: null,
    error_code: error.code ?? null,
    error_message: error.message,
    url: null,
    nodes: []
  } satisfies FlowReport
}

/** The secret values a job brings (root inputs and referenced flows' overrides), as text. */
function secretValues(job: ClaimedJob): string[] {
  const values: unknown[] = job.secretInputKeys.map((key) => job.inputs[key])
  for (const ref of Object.values(job.referencedFlows)) {
    for (const key of ref.secret_input_keys ?? []) values.push(ref.input_overrides?.[key])
  }
  return values
    .filter((v) => v !== undefined && v !== null && v !== '')
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
}

export async function runJob(item: FollowItem, context: JobContext): Promise<JobOutcome> {
  const { clock, logger } = context
  const calls: JobCalls = { claim: 1, heartbeats: 0, eventBatches: 0, events: 0, completions: 0 }
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
      { signal: context.signal }
    )
  } catch (err) {
    const error = toEchopointError(err)
    if (error.kind === 'cancelled' || context.why()) {
      const why = context.why()
      return outcome(
        errorReport(
          item,
          new EchopointError(error.kind, 'Stopped before the execution was claimed'),
          why === 'timeout' ? 'timed_out' : 'cancelled'
        )
      )
    }
    const message =
      `Could not claim execution ${id}: ${error.message}. The claim is never sent twice ` +
      `(a lost answer may mean it was claimed): inspect execution ${id} in Echopoint before running the flow again.`
    logger.error(message, { title: `Echopoint: "${item.flow.name}" could not be claimed` })
    return outcome(
      errorReport(item, new EchopointError(error.kind, message, { code: error.code }), 'error')
    )
  }
  logger.protect?.(job.jobToken)
  for (const value of secretValues(job)) logger.protect?.(value)
  logger.info(`Claimed execution ${id} of "${item.flow.name}" (job ${job.jobId}); running it here`)

  const jobApi: JobApi = createJobClient({
    apiUrl: context.apiUrl,
    jobId: job.jobId,
    jobToken: job.jobToken,
    clock,
    logger,
    userAgent: context.userAgent
  })
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

  const engineStart = clock.now()
  let result: FlowResult
  let definitionProblem: string | undefined
  try {
    const engine = await import('../../../engine/engine.js')
    const { flow, problems } = engine.loadFlow(job.flowDefinition, {
      inputs: Object.keys(job.inputs),
      referencedFlows: job.referencedFlows,
      flowId: job.flowId
    })
    events.push('flow.started', {
      execution_id: id,
      flowName: flow.name || item.flow.name,
      timestamp: seconds(clock.now())
    })
    if (problems.length > 0) {
      definitionProblem = problems
        .slice(0, 5)
        .map((p) => `${p.node ? `node ${p.node}, ` : ''}${p.field}: ${p.message}`)
        .join('; ')
      result = {
        execution_results: {},
        final_outputs: {},
        success: false,
        error_code: 'FLOW_DEFINITION_INVALID',
        error_message: `The flow definition is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${definitionProblem}`,
        duration_ms: 0
      }
    } else {
      const started = new Map<string, number>()
      result = await engine.runFlow(flow, {
        inputs: job.inputs,
        secretInputKeys: job.secretInputKeys,
        executionId: id,
        signal: stop.signal,
        clock,
        maxHttpCalls: job.maxHttpCalls,
        referencedFlows: job.referencedFlows,
        webhookRequests: (signal) => jobApi.webhookRequests({ signal }),
        observer: {
          nodeStarted: (e) => {
            started.set(e.nodeId, e.at)
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
    }
  } finally {
    context.signal.removeEventListener('abort', onRunStop)
    await lease.stop()
  }
  const engineMs = clock.now() - engineStart
  calls.heartbeats = lease.beats

  if (rejected) {
    events.stop()
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

  // After a stop the completion still goes out, within the time left.
  const stopped = context.why()
  const wrapUp = AbortSignal.timeout(Math.max(1000, context.wrapUpMs()))
  const lastSequence = await events.close(wrapUp)
  calls.events = events.count
  calls.eventBatches = events.requests
  const completedAt = clock.now()
  const status: 'completed' | 'failed' =
    stopped !== undefined || definitionProblem !== undefined ? 'failed' : 'completed'
  const report = flowReportFromResult(result, {
    ...reportMeta(item, job),
    stopped: stopped === undefined ? undefined : stopped === 'timeout' ? 'timed_out' : 'cancelled'
  })
  const requestsBefore = jobApi.stats.requests
  try {
    await jobApi.complete(
      {
        runner_id: context.runnerId,
        boot_id: context.bootId,
        status,
        started_at: new Date(engineStart).toISOString(),
        completed_at: new Date(completedAt).toISOString(),
        duration_ms: Math.max(0, Math.round(completedAt - engineStart)),
        result,
        error_message:
          status === 'failed' || !result.success ? (result.error_message ?? null) : null,
        error_code: status === 'failed' || !result.success ? (result.error_code ?? null) : null,
        last_event_sequence: lastSequence,
        runner_version: `echopoint-ci/${VERSION}`
      },
      { signal: wrapUp }
    )
  } catch (err) {
    const error = toEchopointError(err)
    calls.completions = jobApi.stats.requests - requestsBefore
    const message = `The result of execution ${id} could not be reported to Echopoint: ${error.message}. The flow ran here (its result is below); inspect execution ${id} in Echopoint.`
    logger.error(message, { title: `Echopoint: "${item.flow.name}" was not reported` })
    return outcome({ ...report, status: 'error', error_message: message }, engineMs)
  }
  calls.completions = jobApi.stats.requests - requestsBefore
  logger.debug(
    `Job ${job.jobId}: ${calls.heartbeats} heartbeat(s), ${calls.events} event(s) in ${calls.eventBatches} request(s), ${calls.completions} completion request(s)`
  )
  return outcome(report, engineMs)
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

/** A fresh boot id per run (runner.md §1.3), and a runner id naming this kit and host. */
export function runnerIdentity(): { runnerId: string; bootId: string } {
  return { runnerId: `echopoint-ci-${VERSION}`, bootId: randomUUID() }
}
