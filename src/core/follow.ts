/**
 * Follows launched executions until each reaches a terminal status
 * (completed, failed, cancelled), polling `GET /flows/{id}/executions/{id}`.
 * For an execution that ends without passing, fetches its node results so the
 * report can say which node and which assertion failed.
 *
 * The overall deadline and cancellation arrive through `signal`: when it
 * aborts, following stops and the caller decides what the still-running
 * executions become (timed out or cancelled).
 */
import type { EchopointApi } from './api/api.js'
import { isTerminal, type FlowExecution, type NodeExecutionResult } from './api/types.js'
import type { Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { EchopointError, toEchopointError } from './errors.js'
import type { Logger } from './logger.js'
import { mapWithConcurrency } from './pool.js'
import type { SelectedFlow } from './selection.js'

export interface FollowItem {
  flow: SelectedFlow
  execution: FlowExecution
  nodes?: NodeExecutionResult[]
  /** Set when the execution could not be followed (a final error, or too many failed polls). */
  error?: EchopointError
  /** Consecutive polls that failed with a temporary error. */
  failedPolls?: number
}

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
}

/** First poll soon after launch, then back off to this. */
const AUTO_FIRST_MS = 1000
const AUTO_MAX_MS = 5000
const AUTO_GROWTH = 1.5
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

/** The delay before polling round `round` (0-based). */
export function pollDelay(pollInterval: number | 'auto', round: number): number {
  if (pollInterval !== 'auto') return pollInterval
  return Math.min(AUTO_MAX_MS, AUTO_FIRST_MS * AUTO_GROWTH ** round)
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
    logger.warning(
      `Could not read the node results of "${item.flow.name}" (execution ${item.execution.id}): ${error.userMessage}`
    )
  }
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
    if (isTerminal(execution.status)) {
      if (execution.status !== 'completed') await fetchNodes(api, item, logger, signal)
      logger.info(describeEnd(item))
    }
    if (changed) options.onChange?.(item)
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
    } else {
      logger.debug(
        `Polling "${item.flow.name}" failed (${item.failedPolls}/${MAX_FAILED_POLLS}): ${error.message}`
      )
    }
  }
}

/**
 * Resolves when every item is terminal or errored. Rejects with the abort
 * reason when `signal` aborts.
 */
export async function followExecutions(
  api: EchopointApi,
  items: FollowItem[],
  options: FollowOptions
): Promise<void> {
  // Executions that were already terminal at launch (a replayed launch) need no poll.
  for (const item of items) {
    if (isTerminal(item.execution.status) && item.execution.status !== 'completed' && !item.nodes) {
      await fetchNodes(api, item, options.logger, options.signal)
    }
  }
  for (let round = 0; items.some((item) => !isDone(item)); round++) {
    await options.clock.sleep(pollDelay(options.pollInterval, round), options.signal)
    const pending = items.filter((item) => !isDone(item))
    await mapWithConcurrency(pending, options.concurrency, (item) => pollOnce(api, item, options))
  }
}
