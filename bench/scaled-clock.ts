/**
 * Compressed time for the benchmark: virtual time runs `1 / factor` times faster
 * than real time from a shared origin, so the sandbox (in the bench process) and
 * a client (in its own process) agree on the time without talking. Every window,
 * duration, poll interval and wait of both sides is compressed by the same factor.
 */
import type { Clock } from '../src/core/clock.js'
import { systemClock } from '../src/core/clock.js'

export class ScaledClock implements Clock {
  constructor(
    readonly factor: number,
    readonly origin: number = Date.now()
  ) {}

  now(): number {
    return this.origin + (Date.now() - this.origin) / this.factor
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms * this.factor, signal)
  }
}
