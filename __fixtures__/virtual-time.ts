/**
 * Runs code that waits on a manual FakeClock while it talks to the in-process
 * sandbox over real loopback HTTP. Whenever the process has been quiet for a
 * moment (no new sleep started, so every request in flight has settled into a
 * wait), time jumps to the earliest pending sleep. A 15-minute deadline or a
 * 45 s Retry-After thus takes milliseconds, with every request still real.
 */
import { setTimeout as realDelay } from 'node:timers/promises'
import type { FakeClock } from './fake-clock.js'

export interface VirtualTimeOptions {
  /** Real ms the process must be quiet before time jumps. */
  quietMs?: number
  /**
   * Jump only while at least this many sleeps are pending: e.g. 2 for a run,
   * whose deadline timer is always pending and which is idle only when it also
   * waits between polls. Makes jumps independent of how fast I/O is.
   */
  minPending?: number
  /** Safety net on the number of jumps. */
  maxJumps?: number
}

export async function runInVirtualTime<T>(
  clock: FakeClock,
  work: Promise<T>,
  options: VirtualTimeOptions = {}
): Promise<T> {
  const quietMs = options.quietMs ?? 3
  let settled = false
  const result = work.finally(() => {
    settled = true
  })
  result.catch(() => undefined)
  for (let jumps = 0; !settled; jumps++) {
    if (jumps > (options.maxJumps ?? 100_000)) throw new Error('virtual time: too many jumps')
    // Quiet = the set of pending sleeps did not change over a real pause.
    let before: number
    do {
      before = clock.sleeps.length
      await realDelay(quietMs)
    } while (
      !settled &&
      (clock.sleeps.length !== before || clock.pendingSleeps < (options.minPending ?? 1))
    )
    if (settled) break
    const wake = clock.nextWakeAt
    if (wake === undefined) continue
    clock.advance(Math.max(0, wake - clock.now()))
  }
  return result
}
