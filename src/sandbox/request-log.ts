/**
 * A record of every request the sandbox answered, for tests: to prove that no
 * request was sent, that a flow was launched once and not twice, or which key
 * and organization a client used, or that a job call carried only its job token
 * (`authHeaders`). The key's secret is never recorded, only its id; of a header
 * only whether it was there.
 * The pipeline layer that fills it is layers/request-log.ts.
 */
import { JOB_ROUTE_IDS } from './route-ids.js'
import type { EarlyRequest, LaunchLogEntry, RequestLogEntry } from './types/request-log.js'

/** Who a logged request counted against for rate limits: its key, or its job. */
function principalOf(entry: RequestLogEntry): string | null {
  if (entry.keyId !== null) return entry.keyId
  return entry.jobId !== undefined &&
    (JOB_ROUTE_IDS as readonly string[]).includes(entry.routeId ?? '')
    ? `job:${entry.jobId}`
    : null
}

export class RequestLog {
  private readonly list: RequestLogEntry[] = []
  private seq = 0
  /** Event order: when each entry's request arrived and when it was answered (by seq). */
  private tick = 0
  private readonly order = new Map<number, { arrived: number; answered: number }>()

  /** Every entry, oldest first (a copy). */
  entries(): RequestLogEntry[] {
    return [...this.list]
  }

  filter(predicate: (entry: RequestLogEntry) => boolean): RequestLogEntry[] {
    return this.list.filter(predicate)
  }

  /**
   * Launches the handler accepted (202), each marked `replay: true` when no execution
   * was created. Includes launches whose answer a fault lost after the handler ran
   * (`faultAfterCommit`): their execution exists even though the client never saw it.
   */
  launches(): LaunchLogEntry[] {
    return this.list.filter(
      (e): e is LaunchLogEntry =>
        e.routeId === 'flows.launch' &&
        e.executionId !== undefined &&
        e.replay !== undefined &&
        (e.status === 202 || e.faultAfterCommit === true)
    )
  }

  /**
   * The job calls (heartbeat, events, complete, webhook-requests), oldest first;
   * with `jobId`, only that job's. Each says which credential headers it carried.
   */
  jobCalls(jobId?: string): RequestLogEntry[] {
    return this.list.filter(
      (e) =>
        e.routeId !== null &&
        (JOB_ROUTE_IDS as readonly string[]).includes(e.routeId) &&
        (jobId === undefined || e.jobId === jobId)
    )
  }

  /** Answers that carried a retry hint (`retryAt`), oldest first. */
  hints(): (RequestLogEntry & { retryAt: number })[] {
    return this.list.filter(
      (e): e is RequestLogEntry & { retryAt: number } => e.retryAt !== undefined
    )
  }

  /**
   * Requests that arrived before the `retryAt` of a hint the same key (or job) had
   * already received for the same bucket: "the client did not wait as told". Only requests
   * that arrived after the hint was answered count; one already on its way when the
   * hint was sent could not have known it.
   */
  earlyRequests(): EarlyRequest[] {
    const early: EarlyRequest[] = []
    for (const hint of this.hints()) {
      const answered = this.order.get(hint.seq)?.answered ?? Infinity
      const principal = principalOf(hint)
      for (const request of this.list) {
        if (request === hint || principal === null || principalOf(request) !== principal) continue
        if (request.bucket !== hint.bucket) continue
        const arrived = this.order.get(request.seq)?.arrived ?? -Infinity
        if (arrived > answered && request.at < hint.retryAt) early.push({ request, hint })
      }
    }
    return early
  }

  /** Forgets every entry (sequence numbers keep counting). */
  clear(): void {
    this.list.length = 0
    this.order.clear()
  }

  /** The next step of the event order; the request-log layer marks arrivals and answers with it. */
  nextTick(): number {
    return ++this.tick
  }

  /** Adds an entry; the pipeline's request-log layer (layers/request-log.ts) calls this. */
  record(
    entry: Omit<RequestLogEntry, 'seq'>,
    order?: { arrived: number; answered: number }
  ): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry }
    this.list.push(full)
    this.order.set(full.seq, order ?? { arrived: ++this.tick, answered: ++this.tick })
    return full
  }
}
