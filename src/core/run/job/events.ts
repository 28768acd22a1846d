/**
 * A job's progress events (docs/runner.md §1.5): numbered 1, 2, 3… without gaps,
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
/** The largest event payload sent; a node result beyond it goes without its bodies. */
export const MAX_EVENT_BYTES = 64 * 1024

/**
 * An event's payload within MAX_EVENT_BYTES: a node result's raw and parsed
 * bodies are the first to go (the completion carries the whole result), then
 * the result itself.
 */
function bounded(payload: Record<string, unknown>): Record<string, unknown> {
  if (JSON.stringify(payload).length <= MAX_EVENT_BYTES) return payload
  const result = payload.result
  if (typeof result === 'object' && result !== null) {
    const slim: Record<string, unknown> = { ...(result as Record<string, unknown>) }
    for (const field of ['response_body', 'response_body_parsed', 'request_body', 'events']) {
      if (field in slim) slim[field] = '(left out of the progress event: too large)'
    }
    const trimmed = { ...payload, result: slim }
    if (JSON.stringify(trimmed).length <= MAX_EVENT_BYTES) return trimmed
  }
  const { result: _dropped, ...rest } = payload
  return { ...rest, result_omitted: 'too large for a progress event' }
}

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
  /** Set when the server refused a batch for good (a 4xx): nothing more is sent. */
  private refused = false
  /** Aborts the sends in flight (the run's stop, or the end of the wrap-up time). */
  private readonly halt = new AbortController()
  /** Requests sent (batches, resends included). */
  requests = 0

  constructor(private readonly options: EventStreamOptions) {
    options.signal?.addEventListener('abort', this.onStop, { once: true })
  }

  private readonly onStop = (): void => this.halt.abort()

  /** The highest sequence the server accepted (what the completion names). */
  get lastAccepted(): number {
    return this.acceptedUpTo
  }

  /** Events numbered so far. */
  get count(): number {
    return this.nextSequence - 1
  }

  push(type: ProgressEvent['type'], payload: Record<string, unknown>): void {
    const event: ProgressEvent = { sequence: this.nextSequence++, type, payload: bounded(payload) }
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

  /**
   * Sends what is left, with a few attempts, until `signal` aborts (the time the
   * wrap-up may take); resolves with the last accepted sequence.
   */
  async close(signal?: AbortSignal): Promise<number> {
    this.cancelTimer()
    this.options.signal?.removeEventListener('abort', this.onStop)
    const onClose = (): void => this.halt.abort()
    signal?.addEventListener('abort', onClose, { once: true })
    try {
      await this.sending
      return await this.finish(signal)
    } finally {
      signal?.removeEventListener('abort', onClose)
    }
  }

  private async finish(signal?: AbortSignal): Promise<number> {
    for (
      let attempt = 1;
      attempt <= CLOSE_ATTEMPTS && this.unaccepted.length > 0 && !this.refused;
      attempt++
    ) {
      await this.send()
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
    this.options.signal?.removeEventListener('abort', this.onStop)
    this.halt.abort()
    this.unaccepted.length = 0
  }

  private cancelTimer(): void {
    this.timer?.abort()
    this.timer = undefined
  }

  private flushNow(): void {
    this.cancelTimer()
    this.sending = this.sending.then(() => this.send())
  }

  /** One request per batch of up to 100, until all is accepted or a request fails. Never rejects. */
  private async send(): Promise<void> {
    const signal = this.halt.signal
    while (this.unaccepted.length > 0 && !this.refused && !signal.aborted) {
      const batch = this.unaccepted.slice(0, MAX_BATCH)
      let accepted: number
      this.requests += 1
      try {
        accepted = await this.options.job.sendEvents(
          { runner_id: this.options.runnerId, boot_id: this.options.bootId, events: batch },
          { signal }
        )
      } catch (err) {
        const error = toEchopointError(err)
        this.failures += 1
        // A refusal the server will repeat (400, 413, …): the progress stops, the run goes on.
        const status = error.status ?? 0
        if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
          this.refused = true
          this.options.logger.warning(
            `Echopoint refused the progress events of job ${this.options.job.jobId} (${error.message}); the flow runs on and its result is still reported`
          )
          return
        }
        this.options.logger.debug(
          `Progress events of job ${this.options.job.jobId} not sent (attempt ${this.failures}): ${error.message}`
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
