/**
 * One run, start to verdict: check the key, select the flows, launch them,
 * follow them to the end within one overall deadline, and build the results
 * document. Never throws: every outcome (pass, fail, timeout, cancel, error)
 * comes back as a results document, so the adapters always write their reports.
 * Whatever goes wrong after the first launch, the run still ends promptly with
 * every launched execution reported, and cancels the ones it stops watching.
 *
 * The steps: scope.ts keeps the time (deadline, cancel, launch grace);
 * preflight.ts and selection.ts decide what to run; launch.ts and follow.ts do it,
 * side by side (following starts with the first launch, through a LaunchFeed);
 * fail-fast.ts reports each flow's end at once and may stop the run; cancel.ts
 * stops what is left; flow-reports.ts maps it all to the report.
 *
 * Over 300 lines on purpose: the run's steps, each a named function, in the
 * order they happen.
 */
import type { EchopointApi } from '../api/api.js'
import { createClient } from '../api/client.js'
import type { Execution } from '../api/model.js'
import { isTerminal } from '../api/types.js'
import { cancelExecutions } from './cancel.js'
import type { CiContext } from '../ci-context.js'
import type { Clock } from '../clock.js'
import type { RunConfig } from './config.js'
import { formatDuration } from '../duration.js'
import { EchopointError, toEchopointError } from '../errors.js'
import { FailFast, type FailFastStop } from './fail-fast.js'
import { flowReportOf, flowReports } from './flow-reports.js'
import { followExecutions } from './follow.js'
import type { FollowItem } from './follow-item.js'
import { LaunchFeed } from './launch-feed.js'
import { launchFlows, type LaunchOutcome } from './launch.js'
import type { Logger } from '../logger.js'
import { preflight, type KeyInfo } from './preflight.js'
import { buildResults, flowStatusOf, type FlowReport, type ResultsDocument } from './results.js'
import { ProgressBoard, type FlowProgress } from './progress-board.js'

export type { FlowProgress } from './progress-board.js'
export type { FailFastStop } from './fail-fast.js'
import { RunScope, type StopReason } from './scope.js'
import { runEphemeral } from './ephemeral.js'
import { selectFlows, type SelectedFlow } from './selection.js'

export { CANCEL_BUDGET_MS, LAUNCH_GRACE_MS } from './scope.js'

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
  /**
   * Told each flow's report as soon as its end is known, while the run goes on
   * (the action annotates a failure at once). The final reports may differ for
   * flows the run stops (fail-fast, timeout).
   */
  onFlowEnd?: (report: FlowReport) => void
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
  /** Set when fail-fast stopped the run. */
  failFast?: FailFastStop
}

/** A launched execution's state for live progress (a replayed launch may already be terminal). */
function progressStateOf(execution: Pick<Execution, 'status'>): FlowProgress['state'] {
  if (isTerminal(execution.status)) return flowStatusOf(execution)
  return execution.status === 'running' ? 'running' : 'pending'
}

/** What the steps of one run share once its flows are selected. */
interface RunParts {
  api: EchopointApi
  config: RunConfig
  deps: RunDeps
  scope: RunScope
  board: ProgressBoard
  failFast: FailFast
  /** The launched executions (in selection order once every launch has answered). */
  items: FollowItem[]
}

/** A followed execution's report once its end is known (before any stop changes it). */
function reportOfEnd(item: FollowItem): FlowReport {
  return item.error
    ? flowReportOf(item.flow, 'error', item, item.error)
    : flowReportOf(item.flow, flowStatusOf(item.execution), item)
}

/** Runs everything `config` selects. Never throws. */
export async function runFlows(config: RunConfig, deps: RunDeps): Promise<RunOutcome> {
  const { clock, logger } = deps
  // One signal for every request and wait: aborted by the deadline or by a cancel.
  const scope = new RunScope(clock, config.timeoutMs, deps.signal)
  let api: EchopointApi | undefined
  let key: KeyInfo | undefined
  const items: FollowItem[] = []
  const failFast = new FailFast(config.failFast, scope, deps)
  const finish = (reports: FlowReport[], error?: EchopointError): RunOutcome => {
    const runStatus =
      error === undefined
        ? undefined
        : error.kind === 'timeout'
          ? 'timed_out'
          : error.kind === 'cancelled'
            ? 'cancelled'
            : 'error'
    const stats = api ? { ...api.stats } : { requests: 0, retries: 0, waits: 0, waitedMs: 0 }
    const stopped = failFast.outcome(reports)
    const results = buildResults(
      stopped?.reports ?? reports,
      clock.now() - scope.startedAt,
      runStatus,
      { count: stats.waits, total_ms: stats.waitedMs },
      stopped?.consequences
    )
    return {
      results,
      key,
      executionIds: items.map((i) => i.execution.id),
      error,
      stats,
      failFast: stopped?.stop
    }
  }

  try {
    api =
      deps.api ??
      createClient({
        apiUrl: config.apiUrl,
        apiKey: config.apiKey,
        organizationId: config.organizationId,
        clock,
        logger,
        deadline: scope.deadline,
        userAgent: deps.userAgent,
        names: config.names
      })
    const prepared = await prepare(api, config, deps, scope.signal)
    key = prepared.key
    if (prepared.outcome) return finish([], prepared.outcome.error)
    const flows = prepared.flows

    const board = new ProgressBoard(deps.onProgress, logger)
    board.start(flows)
    const parts: RunParts = { api, config, deps, scope, board, failFast, items }
    let launches: LaunchOutcome[]
    let local = new Map<FollowItem, FlowReport>()
    if (config.runner === 'ephemeral') {
      launches = await launchAll(parts, flows, failFast.signal)
      if (!scope.signal.aborted && !failFast.stopped) {
        local = (
          await runEphemeral(items, {
            api,
            apiUrl: config.apiUrl,
            clock,
            logger,
            scope,
            maxParallel: config.maxParallel,
            board,
            userAgent: deps.userAgent,
            names: config.names,
            stop: failFast.signal,
            onReport: (_item, report) => failFast.ended(report)
          })
        ).reports
      }
      // What the ephemeral runner did not run (replays already over, executions not
      // claimed before a stop) is followed or cancelled as in a cloud run.
      const remote = items.filter((item) => !local.has(item))
      giveUp(remote, await followAll(parts, remote))
    } else {
      // Pipelined: following starts with the first launch and runs beside the rest;
      // when following fails, no more is launched (it could not be followed).
      const feed = new LaunchFeed()
      const halt = new AbortController()
      const following = followAll(parts, feed, (error) => halt.abort(error))
      const stop = failFast.signal ? AbortSignal.any([failFast.signal, halt.signal]) : halt.signal
      try {
        launches = await launchAll(parts, flows, stop, feed)
      } finally {
        feed.end()
      }
      giveUp(items, await following)
    }
    const remote = items.filter((item) => !local.has(item))
    const leftRunning = await stopInFlight(api, remote, config, logger, scope, failFast)
    const reports = flowReports({ launches, items, why: scope.why, leftRunning, local })
    for (const r of reports) {
      const flow = flows.find((f) => f.id === r.flow_id)
      if (flow) board.set(flow, { state: r.status })
    }
    const why = scope.why
    return finish(reports, why ? runAbortError(why, config) : undefined)
  } catch (err) {
    // Before any launch (preflight, selection), or a defect: the run as a whole failed.
    // Executions already launched are still reported (the steps above do not throw
    // once launching starts; this is the net under them).
    const error = scope.why ? runAbortError(scope.why, config) : toEchopointError(err)
    return finish(
      items.map((item) => flowReportOf(item.flow, 'error', item, error)),
      error
    )
  } finally {
    scope.dispose()
  }
}

/** Preflight and selection: the key's details and the flows to run, or the outcome that ends the run here. */
async function prepare(
  api: EchopointApi,
  config: RunConfig,
  deps: RunDeps,
  signal: AbortSignal
): Promise<{ key: KeyInfo; flows: SelectedFlow[]; outcome?: { error?: EchopointError } }> {
  const { logger } = deps
  const key = await preflight(api, {
    organizationId: config.organizationId,
    selection: config.selection.kind,
    runner: config.runner,
    logger,
    signal,
    names: config.names,
    surface: config.surface
  })
  const flows = await selectFlows(api, config.selection, {
    concurrency: config.maxParallel,
    shard: config.shard,
    signal,
    names: config.names
  })
  const how =
    config.selection.kind === 'ids'
      ? 'by ID'
      : `by tag${config.selection.tags.length > 1 ? 's' : ''} ${config.selection.tags.join(', ')} (match ${config.selection.matchMode})`
  const shard = config.shard ? `, shard ${config.shard.index}/${config.shard.total}` : ''
  logger.info(`Selected ${flows.length} flow${flows.length === 1 ? '' : 's'} ${how}${shard}`)
  if (flows.length > 0) return { key, flows }
  const { names } = config
  const cli = config.surface === 'cli'
  if (config.failOnEmpty) {
    const allow = cli
      ? `pass ${names.failOnEmpty} to allow an empty run`
      : `set ${names.failOnEmpty}: false to allow an empty run`
    return {
      key,
      flows,
      outcome: {
        error: new EchopointError('config', 'The selection matched no flows', {
          hint:
            config.selection.kind === 'tags'
              ? `Check the tags (they match exactly) and ${names.matchMode}, or ${allow}.`
              : `${allow[0].toUpperCase()}${allow.slice(1)}.`
        })
      }
    }
  }
  logger.warning(
    `The selection matched no flows; passing because ${cli ? `of ${names.failOnEmpty}` : `${names.failOnEmpty} is false`}`
  )
  return { key, flows, outcome: {} }
}

/**
 * Launches every flow; each launched execution joins `items` (in selection
 * order, once all have answered) and `feed` (as soon as its launch answers).
 */
async function launchAll(
  parts: RunParts,
  flows: SelectedFlow[],
  stop: AbortSignal | undefined,
  feed?: LaunchFeed
): Promise<LaunchOutcome[]> {
  const { api, config, deps, scope, items, board, failFast } = parts
  const { clock } = deps
  const launches = await launchFlows(api, flows, {
    config,
    ci: deps.ci,
    invocationId: deps.invocationId,
    logger: deps.logger,
    // Once stopped, no new launch starts; those in flight get the grace to answer.
    signal: scope.signal,
    requestSignal: scope.launchSignal,
    // Fail-fast launches no more; those sent get their answer (and are cancelled).
    stop,
    onLaunched: (outcome) => {
      if (outcome.execution) {
        const item = { flow: outcome.flow, execution: outcome.execution }
        items.push(item)
        feed?.add(item)
        board.set(outcome.flow, {
          state: progressStateOf(outcome.execution),
          executionId: outcome.execution.id,
          startedAt: Date.parse(outcome.execution.started_at) || clock.now()
        })
      } else {
        board.set(outcome.flow, {
          state: outcome.error?.kind === 'cancelled' ? 'cancelled' : 'error'
        })
        if (outcome.error && outcome.error.kind !== 'cancelled') {
          failFast.ended(flowReportOf(outcome.flow, 'error', undefined, outcome.error))
        }
      }
    }
  }).finally(() => scope.endGrace())
  // Keep launch order in the items (launches finish in any order).
  const order = new Map(flows.map((f, i) => [f.id, i]))
  items.sort((a, b) => (order.get(a.flow.id) ?? 0) - (order.get(b.flow.id) ?? 0))
  return launches
}

/**
 * Follows the launched executions to the end, or until the run stops. When
 * following fails for another reason (a defect, an answer the kit cannot read),
 * resolves with that error: the run launches no more, every execution still in
 * flight gets the error (giveUp) and the run reports what it has instead of
 * failing whole; stopInFlight then cancels them.
 */
async function followAll(
  parts: RunParts,
  source: FollowItem[] | LaunchFeed,
  onFailure?: (error: EchopointError) => void
): Promise<EchopointError | undefined> {
  const { api, config, deps, scope, board, failFast } = parts
  if (scope.signal.aborted || failFast.stopped) return undefined
  if (!(source instanceof LaunchFeed) && source.length === 0) return undefined
  try {
    await followExecutions(api, source, {
      clock: deps.clock,
      logger: deps.logger,
      pollInterval: config.pollInterval,
      concurrency: config.maxParallel,
      signal: failFast.signal ? AbortSignal.any([scope.signal, failFast.signal]) : scope.signal,
      onChange: (item) =>
        board.set(item.flow, { state: item.error ? 'error' : progressStateOf(item.execution) }),
      onEnd: (item) => failFast.ended(reportOfEnd(item))
    })
  } catch (err) {
    if (scope.why || failFast.stopped) return undefined
    const error = toEchopointError(err)
    deps.logger.error(`Stopped following the executions: ${error.userMessage}`)
    onFailure?.(error)
    return error
  }
  return undefined
}

/** Gives every execution still in flight the error that stopped following them. */
function giveUp(items: readonly FollowItem[], error: EchopointError | undefined): void {
  if (!error) return
  for (const item of items) {
    if (!item.error && !isTerminal(item.execution.status)) {
      item.error = new EchopointError(error.kind, `Stopped following it: ${error.message}`, {
        status: error.status,
        code: error.code,
        request: error.request
      })
    }
  }
}

/**
 * After a stop (deadline, cancel), or for executions the run gave up following:
 * cancels what is still in flight, within the time left, and says why each one
 * left running is.
 */
async function stopInFlight(
  api: EchopointApi,
  items: FollowItem[],
  config: RunConfig,
  logger: Logger,
  scope: RunScope,
  failFast: FailFast
): Promise<Map<FollowItem, EchopointError>> {
  const leftRunning = new Map<FollowItem, EchopointError>()
  const why = scope.why
  // Without a stop, the only executions not ended are those the run gave up following.
  const still = items.filter((i) => !isTerminal(i.execution.status))
  if (still.length === 0) return leftRunning
  const list = still.map((i) => `"${i.flow.name}" (${i.execution.id})`).join(', ')
  const count = `${still.length} flow${still.length === 1 ? '' : 's'}`
  // Info, not an error: the adapters report each timed-out flow (a warning
  // annotation per flow) and the verdict; an error here would say it twice.
  logger.info(
    why === 'timeout'
      ? `Timed out after ${formatDuration(config.timeoutMs)} with ${count} still running: ${list}`
      : why === 'cancelled'
        ? `Cancelled with ${count} still running: ${list}`
        : failFast.stopped
          ? `Fail-fast: cancelling ${count} still running: ${list}`
          : `Cancelling ${count} this run can no longer follow: ${list}`
  )
  failFast.cancelling(still)
  if (why === 'cancelled' && !config.cancelOnAbort) {
    // The CLI's flag is the negative one: `--no-cancel-on-abort` is how it is turned off.
    const because =
      config.surface === 'cli'
        ? config.names.cancelOnAbort
        : `${config.names.cancelOnAbort} is false`
    logger.info(`Leaving them running in Echopoint: ${because}`)
    for (const item of still) {
      leftRunning.set(
        item,
        new EchopointError('cancelled', `Left running in Echopoint (${because})`)
      )
    }
    return leftRunning
  }
  await cancelExecutions(api, still, {
    clock: scope.clock,
    logger,
    budgetMs: scope.cancelBudgetMs(failFast.stopped),
    // All at once (up to 32): one slow answer must not hold up the others.
    concurrency: Math.min(still.length, Math.max(config.maxParallel, 32))
  })
  for (const item of still.filter((i) => !isTerminal(i.execution.status))) {
    leftRunning.set(
      item,
      new EchopointError(
        why ?? 'contract',
        'Still running in Echopoint: it could not be cancelled (see the warning above)'
      )
    )
  }
  return leftRunning
}

function runAbortError(why: StopReason, config: RunConfig): EchopointError {
  return why === 'timeout'
    ? new EchopointError(
        'timeout',
        `The run did not finish within its timeout of ${formatDuration(config.timeoutMs)}`,
        {
          hint: `Raise ${config.names.timeout}, or run fewer flows per job (see ${config.names.shard}).`
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
  const stop = outcome.failFast
  if (stop) {
    const what = [
      stop.cancelled > 0 ? `${stop.cancelled} cancelled` : '',
      stop.notLaunched > 0 ? `${stop.notLaunched} not launched` : ''
    ].filter((p) => p !== '')
    const failed = c.failed > 0 ? `; ${c.failed} failed` : ''
    const errors = c.error > 0 ? `; ${c.error} could not be run` : ''
    return `${tally}${failed}${errors}; fail-fast stopped the run after "${stop.flowName}" ${stop.status}${what.length > 0 ? ` (${what.join(', ')})` : ''}`
  }
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
