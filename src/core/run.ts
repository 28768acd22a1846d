/**
 * One run, start to verdict: check the key, select the flows, launch them,
 * follow them to the end within one overall deadline, and build the results
 * document. Never throws: every outcome (pass, fail, timeout, cancel, error)
 * comes back as a results document, so the adapters always write their reports.
 */
import type { EchopointApi } from './api/api.js'
import { createClient } from './api/client.js'
import { isTerminal, type FlowExecution } from './api/types.js'
import { cancelExecutions } from './cancel.js'
import type { CiContext } from './ci-context.js'
import type { Clock } from './clock.js'
import type { RunConfig } from './config.js'
import { formatDuration } from './duration.js'
import { EchopointError, toEchopointError } from './errors.js'
import { followExecutions, type FollowItem } from './follow.js'
import { launchFlows } from './launch.js'
import type { Logger } from './logger.js'
import { preflight, type KeyInfo } from './preflight.js'
import {
  buildResults,
  elapsedMs,
  flowStatusOf,
  nodeReport,
  type FlowReport,
  type FlowStatus,
  type ResultsDocument
} from './results.js'
import { selectFlows, type SelectedFlow } from './selection.js'

/** Time allowed for cancelling what we started, after a timeout or a cancel (GitHub allows 7.5 s). */
export const CANCEL_BUDGET_MS = 4000
/**
 * After a cancel or the deadline, launch requests already sent get this long to
 * answer: the server may have created the execution, and only its answer tells
 * us which one to cancel. With CANCEL_BUDGET_MS this stays inside GitHub's 7.5 s.
 */
export const LAUNCH_GRACE_MS = 1500

export interface RunDeps {
  clock: Clock
  logger: Logger
  ci: CiContext
  invocationId: string
  /** The API; by default a client over HTTP for `config`. */
  api?: EchopointApi
  /** Aborts the run as a cancellation (SIGINT/SIGTERM). */
  signal?: AbortSignal
  userAgent?: string
  /** Told about every state change of a flow (for live progress). */
  onProgress?: (flows: readonly FlowProgress[]) => void
}

export interface FlowProgress {
  flow: SelectedFlow
  state: 'launching' | 'pending' | 'running' | FlowStatus
  executionId?: string
  /** When the execution was created (epoch ms), for elapsed time. */
  startedAt?: number
}

export interface RunOutcome {
  results: ResultsDocument
  /** The key's details, when the preflight got that far. */
  key?: KeyInfo
  executionIds: string[]
  /** The error that stopped the run as a whole (bad key, missing scope, empty selection, ...). */
  error?: EchopointError
  /** Requests and rate-limit waits, from the client. */
  stats: { requests: number; retries: number; waits: number; waitedMs: number }
}

class RunAbort extends Error {
  constructor(readonly why: 'timeout' | 'cancelled') {
    super(why === 'timeout' ? 'the step deadline passed' : 'the run was cancelled')
    this.name = 'AbortError'
  }
}

function flowReportOf(
  flow: SelectedFlow,
  status: FlowStatus,
  item?: FollowItem,
  error?: EchopointError
): FlowReport {
  const e = item?.execution
  return {
    flow_id: flow.id,
    flow_name: flow.name,
    execution_id: e?.id ?? null,
    status,
    duration_ms: e ? elapsedMs(e.execution_started_at ?? e.started_at, e.completed_at) : null,
    error_code: error?.code ?? e?.error_code ?? null,
    error_message: error ? error.message : (e?.error_message ?? null),
    url: null,
    nodes: (item?.nodes ?? []).map(nodeReport)
  }
}

/** A launched execution's state for live progress (a replayed launch may already be terminal). */
function progressStateOf(execution: Pick<FlowExecution, 'status'>): FlowProgress['state'] {
  if (isTerminal(execution.status)) return flowStatusOf(execution)
  return execution.status === 'running' ? 'running' : 'pending'
}

/** Runs everything `config` selects. */
export async function runFlows(config: RunConfig, deps: RunDeps): Promise<RunOutcome> {
  const { clock, logger, ci } = deps
  const startedAt = clock.now()
  const deadline = startedAt + config.timeoutMs
  const api =
    deps.api ??
    createClient({
      apiUrl: config.apiUrl,
      apiKey: config.apiKey,
      organizationId: config.organizationId,
      clock,
      logger,
      deadline,
      userAgent: deps.userAgent
    })

  // One signal for every request and wait: aborted by the deadline or by a cancel.
  const controller = new AbortController()
  const timer = new AbortController()
  void clock.sleep(config.timeoutMs, timer.signal).then(
    () => controller.abort(new RunAbort('timeout')),
    () => undefined
  )
  const onCancel = (): void => controller.abort(new RunAbort('cancelled'))
  if (deps.signal?.aborted) onCancel()
  deps.signal?.addEventListener('abort', onCancel, { once: true })
  const signal = controller.signal
  const abortReason = (): 'timeout' | 'cancelled' | undefined =>
    signal.aborted ? (signal.reason as RunAbort).why : undefined

  let key: KeyInfo | undefined
  let flows: SelectedFlow[]
  const items: FollowItem[] = []
  const progress = new Map<string, FlowProgress>()
  const report = (flow: SelectedFlow, update: Omit<FlowProgress, 'flow'>): void => {
    progress.set(flow.id, { flow, ...progress.get(flow.id), ...update })
    deps.onProgress?.([...progress.values()])
  }

  const finish = (reports: FlowReport[], error?: EchopointError): RunOutcome => {
    timer.abort()
    deps.signal?.removeEventListener('abort', onCancel)
    const runStatus =
      error === undefined
        ? undefined
        : error.kind === 'timeout'
          ? 'timed_out'
          : error.kind === 'cancelled'
            ? 'cancelled'
            : 'error'
    const stats = { ...api.stats }
    const results = buildResults(reports, clock.now() - startedAt, runStatus, {
      count: stats.waits,
      total_ms: stats.waitedMs
    })
    return { results, key, executionIds: items.map((i) => i.execution.id), error, stats }
  }

  try {
    key = await preflight(api, {
      organizationId: config.organizationId,
      selection: config.selection.kind,
      runner: config.runner,
      logger,
      signal
    })
    flows = await selectFlows(api, config.selection, {
      concurrency: config.maxParallel,
      shard: config.shard,
      signal
    })
    const how =
      config.selection.kind === 'ids'
        ? 'by ID'
        : `by tag${config.selection.tags.length > 1 ? 's' : ''} ${config.selection.tags.join(', ')} (match ${config.selection.matchMode})`
    const shard = config.shard ? `, shard ${config.shard.index}/${config.shard.total}` : ''
    logger.info(`Selected ${flows.length} flow${flows.length === 1 ? '' : 's'} ${how}${shard}`)
    if (flows.length === 0) {
      if (config.failOnEmpty) {
        return finish(
          [],
          new EchopointError('config', 'The selection matched no flows', {
            hint:
              config.selection.kind === 'tags'
                ? 'Check the tags (they match exactly) and match-mode, or set fail-on-empty: false to allow an empty run.'
                : 'Set fail-on-empty: false to allow an empty run.'
          })
        )
      }
      logger.warning('The selection matched no flows; passing because fail-on-empty is false')
      return finish([])
    }
  } catch (err) {
    const why = abortReason()
    if (why) return finish([], runAbortError(why, config))
    return finish([], toEchopointError(err))
  }

  // Every flow at once, so live progress starts with the whole list.
  for (const flow of flows) progress.set(flow.id, { flow, state: 'launching' })
  deps.onProgress?.([...progress.values()])
  // Once aborted, no new launch starts; those in flight get LAUNCH_GRACE_MS to answer.
  const launchRequests = new AbortController()
  const grace = new AbortController()
  const startGrace = (): void =>
    void clock.sleep(LAUNCH_GRACE_MS, grace.signal).then(
      () => launchRequests.abort(signal.reason),
      () => undefined
    )
  if (signal.aborted) startGrace()
  else signal.addEventListener('abort', startGrace, { once: true })
  const launches = await launchFlows(api, flows, {
    config,
    ci,
    invocationId: deps.invocationId,
    logger,
    signal,
    requestSignal: launchRequests.signal,
    onLaunched: (outcome) => {
      if (outcome.execution) {
        items.push({ flow: outcome.flow, execution: outcome.execution })
        report(outcome.flow, {
          state: progressStateOf(outcome.execution),
          executionId: outcome.execution.id,
          startedAt: Date.parse(outcome.execution.started_at) || clock.now()
        })
      } else {
        report(outcome.flow, { state: outcome.error?.kind === 'cancelled' ? 'cancelled' : 'error' })
      }
    }
  }).finally(() => {
    grace.abort()
    signal.removeEventListener('abort', startGrace)
  })
  // Keep launch order in the items (launches finish in any order).
  const order = new Map(flows.map((f, i) => [f.id, i]))
  items.sort((a, b) => (order.get(a.flow.id) ?? 0) - (order.get(b.flow.id) ?? 0))

  if (!signal.aborted) {
    try {
      await followExecutions(api, items, {
        clock,
        logger,
        pollInterval: config.pollInterval,
        concurrency: config.maxParallel,
        signal,
        onChange: (item) =>
          report(item.flow, {
            state: item.error ? 'error' : progressStateOf(item.execution)
          })
      })
    } catch (err) {
      if (!abortReason()) throw err
    }
  }

  const why = abortReason()
  const still = items.filter((i) => !isTerminal(i.execution.status) && !i.error)
  // Why each execution still in flight is left running, when it is (for the report).
  const leftRunning = new Map<FollowItem, EchopointError>()
  if (still.length > 0 && why) {
    const list = still.map((i) => `"${i.flow.name}" (${i.execution.id})`).join(', ')
    const count = `${still.length} flow${still.length === 1 ? '' : 's'}`
    // Info, not an error: the adapters report each timed-out flow (a warning
    // annotation per flow) and the verdict; an error here would say it twice.
    logger.info(
      why === 'timeout'
        ? `Timed out after ${formatDuration(config.timeoutMs)} with ${count} still running: ${list}`
        : `Cancelled with ${count} still running: ${list}`
    )
    if (why === 'timeout' || config.cancelOnAbort) {
      await cancelExecutions(api, still, {
        clock,
        logger,
        budgetMs: CANCEL_BUDGET_MS,
        concurrency: config.maxParallel
      })
      for (const item of still.filter((i) => !isTerminal(i.execution.status))) {
        leftRunning.set(
          item,
          new EchopointError(
            why,
            'Still running in Echopoint: it could not be cancelled (see the warning above)'
          )
        )
      }
    } else {
      logger.info('Leaving them running in Echopoint: cancel-on-abort is false')
      for (const item of still) {
        leftRunning.set(
          item,
          new EchopointError(why, 'Left running in Echopoint (cancel-on-abort is false)')
        )
      }
    }
  }

  const byFlow = new Map(items.map((i) => [i.flow.id, i]))
  const reports = launches.map((launch): FlowReport => {
    const item = byFlow.get(launch.flow.id)
    if (!item) {
      // Never launched: stopped by the cancel or the deadline, or its launch failed.
      const notLaunched = launch.skipped === true || launch.error?.kind === 'cancelled'
      if (notLaunched && why === 'timeout') {
        return flowReportOf(
          launch.flow,
          'timed_out',
          undefined,
          new EchopointError('timeout', 'Not launched: the timeout passed first')
        )
      }
      const kind = notLaunched && why === 'cancelled' ? 'cancelled' : 'error'
      return flowReportOf(
        launch.flow,
        launch.error?.kind === 'cancelled' ? 'cancelled' : kind,
        undefined,
        launch.error
      )
    }
    if (item.error) return flowReportOf(item.flow, 'error', item, item.error)
    if (isTerminal(item.execution.status)) {
      // A cancel we sent after the deadline still reads as timed out: that is why it stopped.
      const status = flowStatusOf(item.execution)
      return flowReportOf(
        item.flow,
        why === 'timeout' && status === 'cancelled' ? 'timed_out' : status,
        item
      )
    }
    return flowReportOf(
      item.flow,
      why === 'cancelled' ? 'cancelled' : 'timed_out',
      item,
      leftRunning.get(item)
    )
  })
  for (const r of reports) {
    const flow = flows.find((f) => f.id === r.flow_id)
    if (flow) report(flow, { state: r.status })
  }
  return finish(reports, why ? runAbortError(why, config) : undefined)
}

function runAbortError(why: 'timeout' | 'cancelled', config: RunConfig): EchopointError {
  return why === 'timeout'
    ? new EchopointError(
        'timeout',
        `The run did not finish within its timeout of ${formatDuration(config.timeoutMs)}`,
        {
          hint: 'Raise timeout, or run fewer flows per job (see shard).'
        }
      )
    : new EchopointError('cancelled', 'The run was cancelled')
}

/** The outcome of a run that could not start (invalid configuration): nothing was sent. */
export function outcomeOfError(error: EchopointError): RunOutcome {
  return {
    results: buildResults([], 0, 'error'),
    executionIds: [],
    error,
    stats: { requests: 0, retries: 0, waits: 0, waitedMs: 0 }
  }
}

/** One line for the end of the log and for setFailed: what happened and what to do. */
export function verdictMessage(outcome: RunOutcome): string {
  const { results, error } = outcome
  const c = results.counts
  if (error && results.flows.length === 0) return error.userMessage
  const tally = `${c.passed}/${c.total} flows passed`
  switch (results.status) {
    case 'passed':
      return `All ${c.total} flow${c.total === 1 ? '' : 's'} passed`
    case 'failed':
      return `${tally}; ${c.failed} failed`
    case 'timed_out':
      return `${tally}; ${c.timed_out} timed out. ${error?.userMessage ?? ''}`.trim()
    case 'cancelled':
      return `${tally}; the run was cancelled`
    default:
      return error ? `${tally}. ${error.userMessage}` : `${tally}; ${c.error} could not be run`
  }
}
