/**
 * A record of every request the sandbox answered, for tests: to prove that no
 * request was sent, that a flow was launched once and not twice, or which key
 * and organization a client used. The key's secret is never recorded, only its id.
 */
import { performance } from 'node:perf_hooks'
import type { ErrorEnvelope } from '../core/api/types.js'
import type { SandboxLayer } from './pipeline.js'

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
  /** Real time spent answering, in ms. */
  durationMs: number
}

/** A launch that returned 202: a new execution, or a replay of one. */
export type LaunchLogEntry = RequestLogEntry & {
  flowId: string
  executionId: string
  replay: boolean
}

export class RequestLog {
  private readonly list: RequestLogEntry[] = []
  private seq = 0

  /** Every entry, oldest first (a copy). */
  entries(): RequestLogEntry[] {
    return [...this.list]
  }

  filter(predicate: (entry: RequestLogEntry) => boolean): RequestLogEntry[] {
    return this.list.filter(predicate)
  }

  /** Successful launches (202), each marked `replay: true` when no execution was created. */
  launches(): LaunchLogEntry[] {
    return this.list.filter(
      (e): e is LaunchLogEntry =>
        e.routeId === 'flows.launch' && e.status === 202 && e.executionId !== undefined
    )
  }

  /** Forgets every entry (sequence numbers keep counting). */
  clear(): void {
    this.list.length = 0
  }

  /** Adds an entry; the pipeline's request-log layer calls this. */
  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry }
    this.list.push(full)
    return full
  }

  /** The outermost pipeline layer: records each request with what the inner layers learned. */
  layer(): SandboxLayer {
    return {
      name: 'requestLog',
      handle: async (ctx, next) => {
        const started = performance.now()
        const response = await next()
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
          keyId: ctx.apiKey?.id ?? null,
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
        this.record(entry)
        return response
      }
    }
  }
}
