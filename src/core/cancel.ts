/**
 * Cancels executions this run started (contract.md part B.3). Used when the
 * workflow is cancelled and when the step's deadline passes, so nothing keeps
 * running on the server after we stop watching. Best effort, within a budget:
 * GitHub gives a cancelled step 7.5 s between SIGINT and SIGTERM.
 */
import type { EchopointApi } from './api/api.js'
import type { Clock } from './clock.js'
import { toEchopointError } from './errors.js'
import type { Logger } from './logger.js'
import type { FollowItem } from './follow.js'
import { isTerminal } from './api/types.js'

export interface CancelOptions {
  clock: Clock
  logger: Logger
  /** Milliseconds allowed for all cancel requests together. */
  budgetMs: number
  concurrency: number
}

/** Cancels every item still in flight; returns the ids it cancelled. */
export async function cancelExecutions(
  api: EchopointApi,
  items: readonly FollowItem[],
  options: CancelOptions
): Promise<string[]> {
  const inFlight = items.filter((item) => !isTerminal(item.execution.status))
  if (inFlight.length === 0) return []
  const { logger } = options
  const controller = new AbortController()
  void options.clock.sleep(options.budgetMs, controller.signal).then(
    () => controller.abort(),
    () => undefined
  )
  const cancelled: string[] = []
  let unsupported = false
  const cancelOne = async (item: FollowItem): Promise<void> => {
    try {
      item.execution = await api.cancelExecution(item.flow.id, item.execution.id, {
        signal: controller.signal
      })
      cancelled.push(item.execution.id)
      logger.info(`Cancelled "${item.flow.name}" (execution ${item.execution.id})`)
    } catch (err) {
      const error = toEchopointError(err)
      if (error.status === 404 || error.status === 405) {
        // A server without the extension: say so once, do not retry (contract.md B.3).
        if (!unsupported) {
          logger.warning(
            'The API does not support cancelling executions; flows launched by this run may still be running in Echopoint.'
          )
        }
        unsupported = true
      } else if (error.status === 409) {
        logger.debug(`Execution ${item.execution.id} had already ended`)
      } else {
        logger.warning(
          `Could not cancel "${item.flow.name}" (execution ${item.execution.id}): ${error.userMessage}`
        )
      }
    }
  }
  // The first cancel alone: against a server without the endpoint, it is the only request.
  await cancelOne(inFlight[0])
  let next = 1
  const worker = async (): Promise<void> => {
    while (next < inFlight.length && !unsupported && !controller.signal.aborted) {
      await cancelOne(inFlight[next++])
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, inFlight.length - 1) }, worker)
  )
  controller.abort()
  return cancelled
}
