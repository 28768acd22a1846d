/**
 * The outermost pipeline layer: records each request in the request log
 * (request-log.ts) with what the inner layers learned about it (route, key,
 * organization, job, flow, execution, retry hints, faults), and which credential
 * headers it carried (presence only).
 */
import { performance } from 'node:perf_hooks'
import type { ErrorEnvelope } from '../../core/api/types.js'
import type { RequestLog } from '../request-log.js'
import type { SandboxLayer } from '../types/http.js'
import type { RequestLogEntry } from '../types/request-log.js'

export function requestLogLayer(log: RequestLog): SandboxLayer {
  return {
    name: 'requestLog',
    handle: async (ctx, next) => {
      const started = performance.now()
      const arrived = log.nextTick()
      const response = await next()
      const answered = log.nextTick()
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
        authHeaders: {
          apiKey: ctx.header('x-api-key') !== undefined,
          organizationId: ctx.header('x-organization-id') !== undefined,
          jobToken: ctx.header('x-job-token') !== undefined
        },
        durationMs: performance.now() - started
      }
      const { jobId, events } = ctx.annotations
      if (jobId !== undefined) entry.jobId = jobId
      if (events !== undefined) entry.events = events
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
      log.record(entry, { arrived, answered })
      return response
    }
  }
}
