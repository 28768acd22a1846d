/**
 * A clock the test moves by hand, for the sandbox's simulated executions (and any
 * code that sleeps through a Clock): `advance(ms)` moves time and wakes the
 * sleepers that are due, in order. Nothing waits for real time.
 */
import type { Clock } from '../src/core/clock.js'

interface Sleeper {
  until: number
  resolve: () => void
}

export class FakeClock implements Clock {
  private current: number
  private sleepers: Sleeper[] = []

  /** Starts at a fixed, readable instant unless told otherwise. */
  constructor(start = Date.parse('2025-06-02T09:00:00.000Z')) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const abort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper)
        const err = new Error('The operation was aborted')
        err.name = 'AbortError'
        reject(err)
      }
      if (signal?.aborted) {
        abort()
        return
      }
      const sleeper: Sleeper = {
        until: this.current + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', abort)
          resolve()
        }
      }
      this.sleepers.push(sleeper)
      signal?.addEventListener('abort', abort, { once: true })
    })
  }

  /** Moves time forward by `ms` and wakes every sleeper that is due. */
  advance(ms: number): void {
    this.set(this.current + ms)
  }

  /** Jumps to an absolute time (never backwards) and wakes every sleeper that is due. */
  set(ms: number): void {
    if (ms < this.current) throw new Error('FakeClock cannot go backwards')
    this.current = ms
    const due = this.sleepers.filter((s) => s.until <= ms).sort((a, b) => a.until - b.until)
    this.sleepers = this.sleepers.filter((s) => s.until > ms)
    for (const sleeper of due) sleeper.resolve()
  }

  /** Number of sleeps not yet woken. */
  get pendingSleeps(): number {
    return this.sleepers.length
  }
}
