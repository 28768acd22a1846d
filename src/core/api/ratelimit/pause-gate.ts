/**
 * The shared pause: once a response says the API wants no requests until some time
 * (a 429/503 with a wait signal, or a 2xx with no requests remaining), every request
 * to that API waits at this gate until then, not only the one that was refused.
 * Sending the others would only earn more 429s and, with some APIs, a longer
 * penalty (the same design as @octokit/plugin-throttling).
 *
 * One gate per client (one API base URL), or one per bucket once the server
 * shows it counts buckets apart (budget.ts pauseKey). Waiting uses the injected clock and the
 * request's AbortSignal; a pause that would end past the step's deadline makes
 * the request fail at once instead.
 */
import type { Clock } from '../../clock.js'
import { waitRefusedError } from '../http/http-error.js'
import { checkWait } from '../http/retry.js'
import { formatWait } from './wait-format.js'
import { MIN_WAIT_MS, type WaitSignal } from './wait-plan.js'
import type { WaitRecorder } from './wait-recorder.js'

/** A pause learned from one response. */
export interface Pause {
  /** When it ends, local clock (epoch ms). */
  untilMs: number
  signal: WaitSignal
  /** `METHOD /path` of the response that taught it, and its status. */
  request: string
  status: number
  /**
   * True for "no requests remaining" on an accepted response; false when the
   * response was itself refused (429, 503, rate-limiting 403).
   */
  exhausted: boolean
}

/** What a gate needs: the clock, where waits are logged and counted, and its bounds. */
export interface PauseGateOptions {
  /** What the gate holds when not every request (`write request`), for the log line. */
  holds?: string
  clock: Clock
  recorder: WaitRecorder
  /** The step's deadline (epoch ms). */
  deadline?: number
  /** Longest pause waited out without a deadline (see `checkWait`). */
  maxWaitMs?: number
}

interface ActivePause extends Pause {
  /** Whether the wait was logged and counted already (once per pause, not per waiter). */
  announced: boolean
}

/** The pause shared by every request of one client; see the file comment. */
export class PauseGate {
  private current: ActivePause | undefined

  constructor(private readonly options: PauseGateOptions) {}

  /** When the pause in force ends (local epoch ms), or undefined when there is none. */
  get pausedUntil(): number | undefined {
    const p = this.current
    return p && p.untilMs > this.options.clock.now() ? p.untilMs : undefined
  }

  /**
   * Holds every later request until `pause.untilMs`. A pause that ends no later than
   * the one in force changes nothing (concurrent 429s usually report the same reset);
   * one that ends later extends it. Returns whether the end moved.
   */
  hold(pause: Pause): boolean {
    const current = this.current
    if (current && current.untilMs > this.options.clock.now()) {
      if (pause.untilMs <= current.untilMs) return false
      // A few hundred ms later is the same reset seen from a later response (signals
      // have one-second resolution): extend silently rather than log a second wait.
      if (current.announced && pause.untilMs - current.untilMs < MIN_WAIT_MS) {
        current.untilMs = pause.untilMs
        return true
      }
    }
    this.current = { ...pause, announced: false }
    return true
  }

  /**
   * Resolves when `request` may be sent: at once without a pause, else when the pause
   * ends. Rejects with a `rate_limited` error, without waiting, when the pause would
   * end past the deadline; rejects as soon as `signal` aborts.
   */
  async pass(request: string, signal?: AbortSignal): Promise<void> {
    const { clock, recorder, deadline, maxWaitMs } = this.options
    for (;;) {
      const pause = this.current
      const now = clock.now()
      if (!pause || pause.untilMs <= now) return
      const refusal = checkWait(pause.untilMs, now, deadline, maxWaitMs)
      if (refusal) {
        throw waitRefusedError({
          request,
          untilMs: pause.untilMs,
          signal: pause.signal,
          why: refusal,
          status: pause.status,
          learnedFrom: pause.request === request ? undefined : pause.request
        })
      }
      if (!pause.announced) {
        pause.announced = true
        recorder.announce(describe(pause, pause.untilMs - now, this.options.holds))
      }
      await recorder.sleep(pause.untilMs - now, signal)
    }
  }
}

/** The log line for a pause, e.g. `Rate limited on GET /flows/search: waiting 45s (Retry-After)`. */
function describe(pause: Pause, ms: number, holds?: string): string {
  const next = holds === undefined ? 'the next request' : `the next ${holds}`
  const others = holds === undefined ? '' : `; other requests go on`
  return pause.exhausted
    ? `Rate limit reached on ${pause.request} (no requests left): waiting ${formatWait(ms)} before ${next} (${pause.signal}${others})`
    : `Rate limited on ${pause.request}: waiting ${formatWait(ms)} (${pause.signal}${others})`
}
