/**
 * A job's progress events (runner.md §1.5): numbered 1, 2, 3… without gaps,
 * sent in batches (every 150 ms, or at once at 16 events or 32 KiB), each batch
 * holding everything the server has not accepted yet, so a lost answer or a 5xx
 * only delays events, never loses or reorders them. `close()` sends what is left
 * (a few attempts) before the completion, which names the last accepted event.
 */
import type { Clock } from '../../clock.js'
import type { JobApi, ProgressEvent } from '../../api/jobs.js'
import { toEchopointError } from '../../errors.js'
import type { Logger } from '../../logger.js'

export const FLUSH_EVERY_MS = 150
export const FLUSH_AT_EVENTS = 16
export const FLUSH_AT_BYTES = 32 * 1024
/** The server takes at most this many events in one request. */
const MAX_BATCH = 100
/** Attempts of the last flush, before the completion. */
const CLOSE_ATTEMPTS = 3

export interface EventStreamOptions {
  job: JobApi
  runnerId: string
  bootId: string
  clock: Clock
  logger: Logger
  /** Stops waits and requests (the run's signal). */
  signal?: AbortSignal
}

export class EventStream {
  private readonly unaccepted: ProgressEvent[] = []
  private nextSequence = 1
  private acceptedUpTo = 0
  private pendingBytes = 0
  private timer: AbortController | undefined
  private sending: Promise<void> = Promise.resolve()
  private failures = 0
  /** Requests sent (batches, resends included). */
  requests = 0

  constructor(private readonly options: EventStreamOptions) {}

  /** The highest sequence the server accepted (what the completion names). */
  get lastAccepted(): number {
    return this.acceptedUpTo
  }

  /** Events numbered so far. */
  get count(): number {
    return this.nextSequence - 1
  }

  push(type: ProgressEvent['type'], payload: Record<string, unknown>): void {
    const event: ProgressEvent = { sequence: this.nextSequence++, type, payload }
    this.unaccepted.push(event)
    this.pendingBytes += JSON.stringify(event).length
    if (this.unaccepted.length >= FLUSH_AT_EVENTS || this.pendingBytes >= FLUSH_AT_BYTES) {
      this.flushNow()
    } else if (!this.timer) {
      const timer = new AbortController()
      this.timer = timer
      void this.options.clock.sleep(FLUSH_EVERY_MS, timer.signal).then(
        () => {
          if (this.timer === timer) this.flushNow()
        },
        () => undefined
      )
    }
  }

  /** Sends what is left, with a few attempts; resolves with the last accepted sequence. */
  async close(signal?: AbortSignal): Promise<number> {
    this.cancelTimer()
    await this.sending
    for (let attempt = 1; attempt <= CLOSE_ATTEMPTS && this.unaccepted.length > 0; attempt++) {
      await this.send(signal)
      if (this.unaccepted.length > 0 && attempt < CLOSE_ATTEMPTS) {
        try {
          await this.options.clock.sleep(200 * attempt, signal)
        } catch {
          break
        }
      }
    }
    if (this.unaccepted.length > 0) {
      this.options.logger.warning(
        `${this.unaccepted.length} progress event(s) of job ${this.options.job.jobId} could not be sent; the result is reported without them`
      )
    }
    return this.acceptedUpTo
  }

  /** Stops sending (a rejected lease: nothing more goes to the server for this job). */
  stop(): void {
    this.cancelTimer()
    this.unaccepted.length = 0
  }

  private cancelTimer(): void {
    this.timer?.abort()
    this.timer = undefined
  }

  private flushNow(): void {
    this.cancelTimer()
    this.sending = this.sending.then(() => this.send(this.options.signal))
  }

  /** One request per batch of up to 100, until all is accepted or a request fails. */
  private async send(signal?: AbortSignal): Promise<void> {
    while (this.unaccepted.length > 0) {
      const batch = this.unaccepted.slice(0, MAX_BATCH)
      let accepted: number
      this.requests += 1
      try {
        accepted = await this.options.job.sendEvents(
          { runner_id: this.options.runnerId, boot_id: this.options.bootId, events: batch },
          { signal }
        )
      } catch (err) {
        this.failures += 1
        this.options.logger.debug(
          `Progress events of job ${this.options.job.jobId} not sent (attempt ${this.failures}): ${toEchopointError(err).message}`
        )
        return
      }
      this.acceptedUpTo = Math.max(this.acceptedUpTo, Math.min(accepted, this.nextSequence - 1))
      const before = this.unaccepted.length
      while (this.unaccepted.length > 0 && this.unaccepted[0].sequence <= this.acceptedUpTo) {
        const dropped = this.unaccepted.shift()!
        this.pendingBytes -= JSON.stringify(dropped).length
      }
      // The server took none of the batch (a gap on its side): resend from where it stands.
      if (this.unaccepted.length === before) return
    }
    this.pendingBytes = 0
  }
}
