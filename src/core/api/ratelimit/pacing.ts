/**
 * Launch (and request) pacing: never have more requests of a bucket in flight than
 * the server said remain in its window. The wait engine (pause-gate.ts) already
 * holds every request once an answer says none remain; but with several requests
 * in flight, the ones sent before that answer arrives would each earn a 429. Here
 * a request is sent only while `remaining - in flight > 0`; otherwise it waits for
 * an answer in flight (which brings a fresh count); with none in flight it goes
 * to the pause gate, which holds it until the window's reset when none remain. So a run sends as fast as the window allows (a burst at the
 * start of each window, as fixed windows permit) without a single 429, and
 * `max-parallel` still caps concurrency above it.
 *
 * With no count known (a server that sends none) nothing is held, except a
 * `cautious` request (a launch): while the server has never stated that
 * bucket's budget, one at a time goes, each after the previous one's answer. A
 * limit the server does not announce (`Retry-After` only on its 429) then costs
 * one refused request per window, not one per request in flight. With a count of
 * 0 and no reset time (the reset is only told on a 429), one request at a time
 * goes ahead as a probe, and its 429 tells the wait.
 */
import type { Clock } from '../../clock.js'
import { WakeUp } from '../../wake-up.js'
import type { BudgetBucket, RateBudget } from './budget.js'

export class Pacer {
  private readonly inFlight = new Map<BudgetBucket, number>()
  /** Woken at each release, for the requests waiting for a slot. */
  private readonly slotFreed = new WakeUp()

  constructor(
    private readonly budget: RateBudget,
    private readonly clock: Clock
  ) {}

  /** Requests of `bucket` in flight now. */
  inFlightOf(bucket: BudgetBucket): number {
    return this.inFlight.get(bucket) ?? 0
  }

  /** Resolves with a release function once a request of `bucket` may be sent. */
  async acquire(bucket: BudgetBucket, signal?: AbortSignal, cautious = false): Promise<() => void> {
    for (;;) {
      signal?.throwIfAborted()
      const now = this.clock.now()
      const reading = this.budget.get(bucket, now)
      const busy = this.inFlightOf(bucket)
      const unknown = !reading && !(cautious && !this.budget.stated(bucket))
      // With nothing in flight, the request goes ahead: when the window is spent, the
      // pause gate (pause-gate.ts) holds it until the reset, and logs and counts that wait.
      if (unknown || busy === 0 || (reading !== undefined && reading.remaining - busy > 0)) {
        this.inFlight.set(bucket, busy + 1)
        let released = false
        return () => {
          if (released) return
          released = true
          this.inFlight.set(bucket, this.inFlightOf(bucket) - 1)
          this.slotFreed.wakeAll()
        }
      }
      await this.slotFreed.wait(signal)
    }
  }
}
