/** delay (docs/runner.md §3): waits `data.duration` ms on the run's clock; the signal ends it at once. */
import { cancelledError } from '../run/cancel.js'
import type { NodeOutcome, NodeRunner } from '../run/types.js'
import { toNumber } from '../values.js'

export const runDelay: NodeRunner = async (context): Promise<NodeOutcome> => {
  const duration = toNumber(context.resolve(context.node.data.duration))
  if (duration === undefined || duration < 0) {
    return {
      error: { code: 'DELAY_FAILED', message: 'data.duration must be a number of milliseconds' }
    }
  }
  const ms = Math.round(duration)
  const until = new Date(context.clock.now() + ms).toISOString()
  try {
    await context.clock.sleep(ms, context.signal)
  } catch {
    return { error: cancelledError(), fields: { delay_ms: ms, delay_until: until } }
  }
  return { fields: { delay_ms: ms, delay_until: until } }
}
