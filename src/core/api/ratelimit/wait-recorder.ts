/**
 * Makes waits visible: each wait is logged once at info level and counted in
 * `ClientStats` (`waits`, `waitedMs`). Every sleep of the client goes through here.
 */
import type { ClientStats } from '../api.js'
import type { Clock } from '../../clock.js'
import type { Logger } from '../../logger.js'

/** Logs, counts and performs the waits of one client. */
export class WaitRecorder {
  /** End of the time already added to `waitedMs` (local clock). */
  private coveredUntil = -Infinity

  constructor(
    private readonly stats: ClientStats,
    private readonly clock: Clock,
    private readonly logger: Logger
  ) {}

  /** Logs one wait at info level and counts it. Call once per wait, not per waiter. */
  announce(message: string): void {
    this.logger.info(message)
    this.stats.waits++
  }

  /**
   * Sleeps on the injected clock (abortable: rejects as soon as `signal` aborts, and
   * the clock releases its timer). The time slept is added to `waitedMs` as wall time:
   * when several requests wait through the same pause it is counted once, so the
   * total never exceeds the time the run actually spent held back.
   */
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const start = this.clock.now()
    try {
      await this.clock.sleep(ms, signal)
    } finally {
      const end = this.clock.now()
      const from = Math.max(start, this.coveredUntil)
      if (end > from) this.stats.waitedMs += end - from
      this.coveredUntil = Math.max(this.coveredUntil, end)
    }
  }
}
