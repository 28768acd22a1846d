/**
 * A Clock for tests. Two modes:
 *
 * - auto (default): `sleep(ms)` records `ms` in `sleeps`, moves time forward by `ms`
 *   and resolves at once. Best for client tests: a 45 s Retry-After takes no real
 *   time and the test asserts `clock.sleeps` is `[45000]`.
 * - manual (`{ auto: false }`): `sleep` stays pending until the test calls
 *   `advance(ms)`. Use `whenSleeping()` to wait until code under test is in a sleep,
 *   e.g. to abort during a wait or to check what happens at a given time.
 *
 * The sandbox's tests use manual mode at SANDBOX_EPOCH, a fixed, readable instant.
 *
 * In both modes a sleep rejects with an AbortError as soon as its signal aborts, as
 * the Clock contract requires.
 */
import { abortError, type Clock } from '../src/core/clock.js'

/** Where the sandbox's tests start their clock. */
export const SANDBOX_EPOCH = Date.parse('2025-06-02T09:00:00.000Z')

export interface FakeClockOptions {
  /** Start time, epoch ms. Default 2024-01-15T10:00:00.000Z. */
  now?: number
  /** Resolve sleeps at once (default true) or only on advance(). */
  auto?: boolean
}

interface PendingSleep {
  until: number
  resolve: () => void
}

export class FakeClock implements Clock {
  /** Every duration passed to sleep(), in order. */
  readonly sleeps: number[] = []
  private current: number
  private readonly auto: boolean
  private pending: PendingSleep[] = []
  private sleepListeners: (() => void)[] = []

  constructor(options: FakeClockOptions = {}) {
    this.current = options.now ?? Date.parse('2024-01-15T10:00:00.000Z')
    this.auto = options.auto ?? true
  }

  now(): number {
    return this.current
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal))
    this.sleeps.push(ms)
    if (this.auto) {
      this.current += Math.max(0, ms)
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const entry: PendingSleep = {
        until: this.current + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      const onAbort = (): void => {
        this.pending = this.pending.filter((p) => p !== entry)
        reject(abortError(signal as AbortSignal))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.pending.push(entry)
      const listeners = this.sleepListeners
      this.sleepListeners = []
      for (const listener of listeners) listener()
    })
  }

  /** Manual mode: moves time forward and resolves the sleeps that are due, earliest first. */
  advance(ms: number): void {
    this.set(this.current + ms)
  }

  /** Manual mode: jumps to an absolute time (never backwards) and resolves the sleeps that are due. */
  set(ms: number): void {
    if (ms < this.current) throw new Error('FakeClock cannot go backwards')
    this.current = ms
    const due = this.pending.filter((p) => p.until <= ms).sort((a, b) => a.until - b.until)
    this.pending = this.pending.filter((p) => p.until > ms)
    for (const p of due) p.resolve()
  }

  /** Sleeps still pending (manual mode). */
  get pendingSleeps(): number {
    return this.pending.length
  }

  /** When the earliest pending sleep is due (manual mode), or undefined when none is pending. */
  get nextWakeAt(): number | undefined {
    return this.pending.length === 0 ? undefined : Math.min(...this.pending.map((p) => p.until))
  }

  /** Sum of all requested sleeps. */
  get totalSleptMs(): number {
    return this.sleeps.reduce((a, b) => a + b, 0)
  }

  /** Resolves once a sleep is pending (at once if one already is). */
  whenSleeping(): Promise<void> {
    if (this.pending.length > 0) return Promise.resolve()
    return new Promise((resolve) => this.sleepListeners.push(resolve))
  }

  /** Resolves once at least `count` sleeps are pending at the same time (manual mode). */
  async whenPending(count: number): Promise<void> {
    while (this.pending.length < count) {
      await new Promise<void>((resolve) => this.sleepListeners.push(resolve))
    }
  }
}
