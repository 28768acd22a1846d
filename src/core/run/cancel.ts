/**
 * Cancels executions this run started (docs/api-contract.md part B.3). Used when the
 * workflow is cancelled and when the step's deadline passes, so nothing keeps
 * running on the server after we stop watching. Best effort, within a budget:
 * GitHub gives a cancelled step 7.5 s between SIGINT and SIGTERM.
 */
import type { EchopointApi } from '../api/api.js'
import type { Clock } from '../clock.js'
import { toEchopointError } from '../errors.js'
import type { Logger } from '../logger.js'
import type { FollowItem } from './follow-item.js'
import { isTerminal } from '../api/types.js'
import { mapWithConcurrency } from '../pool.js'
import { setMaxListeners } from 'node:events'

/** How long (at most a quarter of the budget) the first cancel runs alone before the others go out regardless. */
export const PROBE_MS = 500

export interface CancelOptions {
  clock: Clock
  logger: Logger
  /** Milliseconds allowed for all cancel requests together; each one is bounded by it. */
  budgetMs: number
  /** Cancel requests at once. */
  concurrency: number
}

/**
 * Cancels every item still in flight; returns the ids it cancelled. The cancels
 * go out together (one slow or hanging answer holds up no other; the first gets
 * PROBE_MS alone to learn whether the server has the endpoint at all), each
 * bounded by the budget, and the whole call ends within it.
 */
export async function cancelExecutions(
  api: EchopointApi,
  items: readonly FollowItem[],
  options: CancelOptions
): Promise<string[]> {
  const inFlight = items.filter((item) => !isTerminal(item.execution.status))
  if (inFlight.length === 0) return []
  const { logger } = options
  const controller = new AbortController()
  // Every cancel in flight listens on this one signal: more than Node's default of 10 is expected.
  setMaxListeners(Math.max(10, inFlight.length * 4), controller.signal)
  const budget = options.clock.sleep(options.budgetMs, controller.signal).then(
    () => controller.abort(),
    () => undefined
  )
  const cancelled: string[] = []
  let unsupported = false
  const cancelOne = async (item: FollowItem): Promise<void> => {
    if (unsupported || controller.signal.aborted) return
    try {
      item.execution = await api.cancelExecution(item.flow.id, item.execution.id, {
        signal: controller.signal
      })
      cancelled.push(item.execution.id)
      logger.info(`Cancelled "${item.flow.name}" (execution ${item.execution.id})`)
    } catch (err) {
      const error = toEchopointError(err)
      if (error.status === 404 || error.status === 405) {
        // A server without the extension: say so once, do not retry (docs/api-contract.md B.3).
        if (!unsupported) {
          logger.warning(
            'The API does not support cancelling executions; flows launched by this run may still be running in Echopoint.'
          )
        }
        unsupported = true
      } else if (error.status === 409) {
        logger.debug(`Execution ${item.execution.id} had already ended`)
      } else if (controller.signal.aborted) {
        logger.warning(
          `Could not cancel "${item.flow.name}" (execution ${item.execution.id}): no answer within ${options.budgetMs} ms`
        )
      } else {
        logger.warning(
          `Could not cancel "${item.flow.name}" (execution ${item.execution.id}): ${error.userMessage}`
        )
      }
    }
  }
  // The first cancel goes alone for a moment: against a server without the endpoint it
  // is the only request (one 404, docs/api-contract.md B.3). Should it hang, the others go anyway.
  const first = cancelOne(inFlight[0])
  // At most a quarter of the budget, so the others always get most of it.
  const probing = new AbortController()
  await Promise.race([
    first,
    options.clock
      .sleep(
        Math.min(PROBE_MS, options.budgetMs / 4),
        AbortSignal.any([controller.signal, probing.signal])
      )
      .catch(() => undefined)
  ])
  probing.abort()
  await Promise.all([
    first,
    mapWithConcurrency(inFlight.slice(1), Math.max(1, options.concurrency), cancelOne)
  ])
  controller.abort()
  await budget
  return cancelled
}
