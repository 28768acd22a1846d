/**
 * Follows launched executions until each reaches a terminal status
 * (completed, failed, cancelled). Each round reads every execution in flight from
 * one listing (track.ts, `GET /executions?since=…`), or polls each one
 * (`GET /flows/{id}/executions/{id}`) when the server lacks the listing or when
 * so few remain that polling them costs less. For an execution that ends without
 * passing, fetches its details and node results so the report can say which node
 * and which assertion failed. poll-schedule.ts decides when the next round runs.
 *
 * Following may start with the first launch (a LaunchFeed): executions join as
 * their launches answer, so a flow that ends while the others are still being
 * launched is seen, and reported (`onEnd`), without waiting for the last launch.
 *
 * The overall deadline and cancellation arrive through `signal`: when it
 * aborts, following stops and the caller decides what the still-running
 * executions become (timed out or cancelled).
 */
import type { EchopointApi } from '../api/api.js'
import type { FollowItem } from './follow-item.js'
import { LaunchFeed } from './launch-feed.js'
import { isTerminal } from '../api/types.js'
import type { Clock } from '../clock.js'
import { formatDuration } from '../duration.js'
import { EchopointError, toEchopointError } from '../errors.js'
import type { Logger } from '../logger.js'
import { mapWithConcurrency } from '../pool.js'
import { backoffDelay, median, nextPollDelay } from './poll-schedule.js'
import { expectedPages, trackRound } from './track.js'

export interface FollowOptions {
  clock: Clock
  logger: Logger
  /** Fixed ms between rounds, or 'auto'. */
  pollInterval: number | 'auto'
  /** Requests at once. */
  concurrency: number
  signal?: AbortSignal
  /** Called after an item changes (new status, nodes, error). */
  onChange?: (item: FollowItem) => void
  /**
   * Called once per item when its end is known: a terminal status (with the node
   * results of one that did not pass, or why they could not be read), or the
   * error that stopped following it.
   */
  onEnd?: (item: FollowItem) => void
}

/** Polls of one execution that may fail in a row (after the client's own retries) before it is given up. */
const MAX_FAILED_POLLS = 5
/** Errors that will not go away by polling again. */
const FINAL_KINDS: ReadonlySet<string> = new Set([
  'auth',
  'permission',
  'not_found',
  'contract',
  'config'
])

/** The delay before polling round `round` (0-based) when nothing else is known. */
export function pollDelay(pollInterval: number | 'auto', round: number): number {
  return pollInterval === 'auto' ? backoffDelay(round) : pollInterval
}

function isDone(item: FollowItem): boolean {
  return item.error !== undefined || isTerminal(item.execution.status)
}

/** Fetches node results of an execution that did not pass; failures here only lose detail. */
async function fetchNodes(
  api: EchopointApi,
  item: FollowItem,
  logger: Logger,
  signal?: AbortSignal
): Promise<void> {
  try {
    item.nodes = await api.getExecutionNodes(item.flow.id, item.execution.id, { signal })
  } catch (err) {
    const error = toEchopointError(err)
    if (error.kind === 'cancelled') throw err
    item.nodesError = `its node results could not be read: ${error.message}`
    logger.warning(
      `Could not read the node results of "${item.flow.name}" (execution ${item.execution.id}): ${error.userMessage}`
    )
  }
}

/**
 * Says once per execution and word when the server reports a status this kit
 * does not know: the execution is still followed (it is never a pass), and the
 * log says what the server said instead of a silent "still running".
 */
export function noteStatus(item: FollowItem, logger: Logger): void {
  const word = item.execution.reported_status
  if (word === undefined || word === item.unknownStatus) return
  item.unknownStatus = word
  logger.warning(
    `Execution ${item.execution.id} of "${item.flow.name}" reports status "${word}", which is not one of pending, running, completed, failed, cancelled; following it until it reaches one of those or the timeout passes`
  )
}

function describeEnd(item: FollowItem): string {
  const e = item.execution
  const took =
    e.completed_at && (e.execution_started_at ?? e.started_at)
      ? ` in ${formatDuration(Date.parse(e.completed_at) - Date.parse(e.execution_started_at ?? e.started_at))}`
      : ''
  const word = e.status === 'completed' ? 'passed' : e.status
  return `"${item.flow.name}" ${word}${took}`
}

/** Polls one execution once; updates the item in place. */
async function pollOnce(
  api: EchopointApi,
  item: FollowItem,
  options: FollowOptions
): Promise<void> {
  const { logger, signal } = options
  try {
    const execution = await api.getExecution(item.flow.id, item.execution.id, { signal })
    item.failedPolls = 0
    const changed = execution.status !== item.execution.status
    item.execution = execution
    noteStatus(item, logger)
    if (isTerminal(execution.status)) {
      if (execution.status !== 'completed') await fetchNodes(api, item, logger, signal)
      logger.info(describeEnd(item))
    }
    if (changed) options.onChange?.(item)
    if (isTerminal(execution.status)) options.onEnd?.(item)
  } catch (err) {
    const error = toEchopointError(err)
    if (error.kind === 'cancelled' || signal?.aborted) throw err
    item.failedPolls = (item.failedPolls ?? 0) + 1
    if (FINAL_KINDS.has(error.kind) || item.failedPolls >= MAX_FAILED_POLLS) {
      item.error = new EchopointError(
        error.kind,
        `Stopped following execution ${item.execution.id}: ${error.message}`,
        { status: error.status, code: error.code, request: error.request, hint: error.hint }
      )
      logger.error(`"${item.flow.name}": ${item.error.userMessage}`, {
        title: `Echopoint: ${item.flow.name}`
      })
      options.onChange?.(item)
      options.onEnd?.(item)
    } else {
      logger.debug(
        `Polling "${item.flow.name}" failed (${item.failedPolls}/${MAX_FAILED_POLLS}): ${error.message}`
      )
    }
  }
}

/** Start of an execution (epoch ms), NaN when unreadable. */
function startOf(item: FollowItem): number {
  return Date.parse(item.execution.started_at)
}

/** How long the ended executions took, start (creation) to end. */
function durationsSeen(items: readonly FollowItem[]): number[] {
  const out: number[] = []
  for (const item of items) {
    const end = item.execution.completed_at ? Date.parse(item.execution.completed_at) : NaN
    const d = end - startOf(item)
    if (isTerminal(item.execution.status) && Number.isFinite(d) && d >= 0) out.push(d)
  }
  return out
}

/**
 * Reports an item whose status the listing changed. One that ended without
 * passing goes to `details`: its node results are still to be read.
 */
function settleTracked(item: FollowItem, options: FollowOptions, details: FollowItem[]): void {
  noteStatus(item, options.logger)
  const { status } = item.execution
  if (isTerminal(status) && status !== 'completed') details.push(item)
  else if (isTerminal(status)) options.logger.info(describeEnd(item))
  options.onChange?.(item)
  if (status === 'completed') options.onEnd?.(item)
}

/**
 * Reads the node results of up to `count` items of `details` (all when undefined),
 * removing them from the queue. The row already gave status, error and end time.
 */
async function readDetails(
  api: EchopointApi,
  details: FollowItem[],
  options: FollowOptions,
  count?: number
): Promise<void> {
  const batch = details.splice(0, count ?? details.length)
  await mapWithConcurrency(batch, options.concurrency, async (item) => {
    await fetchNodes(api, item, options.logger, options.signal)
    options.logger.info(describeEnd(item))
    options.onChange?.(item)
    options.onEnd?.(item)
  })
}

/**
 * Resolves when every item is terminal or errored. Rejects with the abort
 * reason when `signal` aborts.
 */
export async function followExecutions(
  api: EchopointApi,
  source: readonly FollowItem[] | LaunchFeed,
  options: FollowOptions
): Promise<void> {
  const { clock, logger, signal } = options
  const feed = source instanceof LaunchFeed ? source : undefined
  // The feed's list grows as launches answer: every read of `items` sees the newest.
  const items: readonly FollowItem[] = source instanceof LaunchFeed ? source.items : source
  const arrived = new Set<FollowItem>()
  // Executions that were already terminal at launch (a replayed launch) need no poll.
  const settleArrivals = async (): Promise<void> => {
    for (const item of items) {
      if (arrived.has(item)) continue
      arrived.add(item)
      if (!isTerminal(item.execution.status)) continue
      if (item.execution.status !== 'completed' && !item.nodes) {
        await fetchNodes(api, item, logger, signal)
      }
      options.onEnd?.(item)
    }
  }
  let batch = typeof api.listExecutions === 'function'
  let failedRounds = 0
  // Ended without passing, node results not read yet: read as the read budget allows,
  // so a burst of failures does not spend the reads the next rounds need.
  const details: FollowItem[] = []
  for (let round = 0; ; round++) {
    await settleArrivals()
    const launching = feed !== undefined && !feed.done
    if (!items.some((item) => !isDone(item))) {
      if (!launching) break
      // Nothing in flight yet (or any more): wait for the next launch, then start afresh.
      await feed.next(signal)
      round = -1
      continue
    }
    const waiting = items.filter((item) => !isDone(item))
    const typical = median(durationsSeen(items))
    const perRound = batch
      ? Math.min(waiting.length, expectedPages(items, waiting))
      : waiting.length
    const delay = nextPollDelay(options.pollInterval, {
      round,
      now: clock.now(),
      expectedEnds:
        typical === undefined
          ? []
          : waiting.map((i) => startOf(i) + typical).filter((t) => Number.isFinite(t)),
      requestsPerRound: perRound,
      reserve: details.length,
      budget: api.budget?.('read')
    })
    await clock.sleep(delay, signal)
    const pending = items.filter((item) => !isDone(item))
    // Polling one by one costs one request each; the listing costs its pages.
    if (batch && pending.length > expectedPages(items, pending)) {
      try {
        const result = await trackRound(api, pending, signal)
        if (result.kind === 'unsupported') {
          batch = false
          logger.info(
            `GET /executions is not available here (HTTP ${result.status}): following each execution on its own`
          )
        } else {
          failedRounds = 0
          for (const item of result.changed) settleTracked(item, options, details)
          await mapWithConcurrency(result.missing, options.concurrency, (item) =>
            pollOnce(api, item, options)
          )
          // Keep enough reads for the next round's pages.
          const budget = api.budget?.('read')
          const left = items.filter((item) => !isDone(item))
          const spare = budget
            ? Math.max(0, budget.remaining - expectedPages(items, left))
            : details.length
          const last = left.length === 0 && (feed === undefined || feed.done)
          await readDetails(api, details, options, last ? undefined : spare)
          continue
        }
      } catch (err) {
        const error = toEchopointError(err)
        if (error.kind === 'cancelled' || signal?.aborted) throw err
        failedRounds++
        logger.debug(
          `Listing the executions failed (${failedRounds}/${MAX_FAILED_POLLS}): ${error.message}`
        )
        if (failedRounds < MAX_FAILED_POLLS && !FINAL_KINDS.has(error.kind)) continue
        batch = false
        logger.info(`Listing the executions keeps failing: following each execution on its own`)
      }
    }
    await mapWithConcurrency(pending, options.concurrency, (item) => pollOnce(api, item, options))
  }
  await readDetails(api, details, options)
}
