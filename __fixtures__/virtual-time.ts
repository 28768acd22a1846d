/**
 * Runs code that waits on a manual FakeClock while it talks to the in-process
 * sandbox over real loopback HTTP. Whenever the process has been quiet for a
 * moment (no new sleep started, so every request in flight has settled into a
 * wait), time jumps to the earliest pending sleep. A 15-minute deadline or a
 * 45 s Retry-After thus takes milliseconds, with every request still real.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
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
  /**
   * Never jump while an HTTP request of this process is unanswered: for runs
   * that send while other work sleeps (a pipelined run's reads go on while its
   * writes wait for their window), where a quiet moment in the sleeps does not
   * mean the run is idle. Not for tests whose server may never answer.
   */
  waitForHttp?: boolean
}

/** HTTP client requests of this process not yet closed (counted while some run asks). */
let httpInFlight = 0
let httpWatchers = 0
function onRequestStart(message: unknown): void {
  const request = (message as { request: ClientRequest }).request
  httpInFlight++
  let closed = false
  const close = (): void => {
    if (closed) return
    closed = true
    httpInFlight--
  }
  request.once('close', close)
  request.once('error', close)
}

export async function runInVirtualTime<T>(
  clock: FakeClock,
  work: Promise<T>,
  options: VirtualTimeOptions = {}
): Promise<T> {
  const quietMs = options.quietMs ?? 3
  if (options.waitForHttp && httpWatchers++ === 0) {
    subscribe('http.client.request.start', onRequestStart)
  }
  try {
    return await jumpUntilSettled(clock, work, options, quietMs)
  } finally {
    if (options.waitForHttp && --httpWatchers === 0) {
      unsubscribe('http.client.request.start', onRequestStart)
      httpInFlight = 0
    }
  }
}

async function jumpUntilSettled<T>(
  clock: FakeClock,
  work: Promise<T>,
  options: VirtualTimeOptions,
  quietMs: number
): Promise<T> {
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
      (clock.sleeps.length !== before ||
        clock.pendingSleeps < (options.minPending ?? 1) ||
        (options.waitForHttp === true && httpInFlight > 0))
    )
    if (settled) break
    const wake = clock.nextWakeAt
    if (wake === undefined) continue
    clock.advance(Math.max(0, wake - clock.now()))
  }
  return result
}
