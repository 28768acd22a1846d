/**
 * A record of every request the sandbox answered, for tests: to prove that no
 * request was sent, that a flow was launched once and not twice, or which key
 * and organization a client used. The key's secret is never recorded, only its id.
 */
import { performance } from 'node:perf_hooks'
import type { ErrorEnvelope } from '../core/api/types.js'
import type { SandboxLayer } from './pipeline.js'
import type { RouteBucket } from './router.js'

export interface RequestLogEntry {
  /** 1, 2, 3… in arrival order. */
  seq: number
  /** Sandbox clock time (ms) the request arrived. */
  at: number
  method: string
  path: string
  query: Record<string, string>
  /** HTTP status answered; 0 when the connection was dropped instead. */
  status: number
  /** The matched route (e.g. `flows.launch`), or null for an unknown path. */
  routeId: string | null
  /** The rate-limit bucket of the matched route. */
  bucket?: RouteBucket
  /** The id of the authenticated key (never the secret), or null. */
  keyId: string | null
  organizationId: string | null
  idempotencyKey?: string
  flowId?: string
  executionId?: string
  /** On a launch: true when it replayed an existing execution instead of creating one. */
  replay?: boolean
  /** The `errors[0].code` of an error answer. */
  errorCode?: string
  /**
   * The earliest sandbox clock time (ms) this answer told the client it may send its
   * next request of the same bucket: set on a 429, on a 503 with Retry-After, and on a
   * 2xx whose rate-limit headers say no requests remain until a reset.
   */
  retryAt?: number
  /** The injected fault (`500`, `502`, `503`, `reset`, `slow`, `malformed`, `html`). */
  fault?: string
  /** True when the fault hit after the handler ran: for a launch, the execution exists. */
  faultAfterCommit?: boolean
  /** Real time spent answering, in ms. */
  durationMs: number
}

/** A launch the handler accepted: a new execution, or a replay of one. */
export type LaunchLogEntry = RequestLogEntry & {
  flowId: string
  executionId: string
  replay: boolean
}

/** A request that came earlier than a hint the same key had been given for its bucket. */
export interface EarlyRequest {
  request: RequestLogEntry
  /** The earlier answer whose `retryAt` the request did not wait for. */
  hint: RequestLogEntry & { retryAt: number }
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

  /** Answers that carried a retry hint (`retryAt`), oldest first. */
  hints(): (RequestLogEntry & { retryAt: number })[] {
    return this.list.filter(
      (e): e is RequestLogEntry & { retryAt: number } => e.retryAt !== undefined
    )
  }

  /**
   * Requests that arrived before the `retryAt` of a hint the same key had already
   * received for the same bucket: "the client did not wait as told". Only requests
   * that arrived after the hint was answered count; one already on its way when the
   * hint was sent could not have known it.
   */
  earlyRequests(): EarlyRequest[] {
    const early: EarlyRequest[] = []
    for (const hint of this.hints()) {
      const answered = this.order.get(hint.seq)?.answered ?? Infinity
      for (const request of this.list) {
        if (request === hint || request.keyId !== hint.keyId || request.keyId === null) continue
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

  /** Adds an entry; the pipeline's request-log layer calls this. */
  record(
    entry: Omit<RequestLogEntry, 'seq'>,
    order?: { arrived: number; answered: number }
  ): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry }
    this.list.push(full)
    this.order.set(full.seq, order ?? { arrived: ++this.tick, answered: ++this.tick })
    return full
  }

  /** The outermost pipeline layer: records each request with what the inner layers learned. */
  layer(): SandboxLayer {
    return {
      name: 'requestLog',
      handle: async (ctx, next) => {
        const started = performance.now()
        const arrived = ++this.tick
        const response = await next()
        const answered = ++this.tick
        const params = ctx.route?.params ?? {}
        const body = response.body as Partial<ErrorEnvelope> | undefined
        const errorCode = response.status >= 400 ? body?.errors?.[0]?.code : undefined
        const orgHeader = ctx.header('x-organization-id')?.trim()
        const entry: Omit<RequestLogEntry, 'seq'> = {
          at: ctx.receivedAt,
          method: ctx.method,
          path: ctx.path,
          query: Object.fromEntries(ctx.query.entries()),
          status: response.drop ? 0 : response.status,
          routeId: ctx.route?.definition.id ?? null,
          keyId: ctx.apiKey?.id ?? ctx.annotations.presentedKeyId ?? null,
          organizationId: ctx.organizationId ?? (orgHeader || null),
          durationMs: performance.now() - started
        }
        const idempotencyKey = ctx.header('idempotency-key')
        if (idempotencyKey !== undefined) entry.idempotencyKey = idempotencyKey
        const flowId = ctx.annotations.flowId ?? params.flowId
        if (flowId !== undefined) entry.flowId = flowId
        const executionId = ctx.annotations.executionId ?? params.executionId
        if (executionId !== undefined) entry.executionId = executionId
        if (ctx.annotations.replay !== undefined) entry.replay = ctx.annotations.replay
        if (errorCode !== undefined) entry.errorCode = errorCode
        const bucket = ctx.route?.definition.bucket
        if (bucket !== undefined) entry.bucket = bucket
        const { retryAt, fault, faultAfterCommit } = ctx.annotations
        if (retryAt !== undefined) entry.retryAt = retryAt
        if (fault !== undefined) entry.fault = fault
        if (faultAfterCommit) entry.faultAfterCommit = true
        this.record(entry, { arrived, answered })
        return response
      }
    }
  }
}
