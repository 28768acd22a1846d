/**
 * Executions: launch (with Idempotency-Key; the request is read and checked in
 * launch-request.ts; an ephemeral launch also gets its job id and webhook, injected
 * as the inputs `webhook.url` and `webhook.requests_url`), read one, its nodes, list a flow's executions, list the
 * organization's executions (`GET /executions`) and cancel (part B.3). Lists are
 * newest first: `started_at` (the creation time) descending, then `id` descending,
 * so paging is stable.
 */
import { TERMINAL_STATUSES, type ExecutionStatus } from '../../core/api/types.js'
import { apiKeyOf, jsonResponse, organizationOf, paramOf, publicBaseUrl } from '../context.js'
import { conflict, notFound, validationError } from '../errors.js'
import { resolveLaunch, TRIGGER_TYPES } from '../launch-request.js'
import type { RequestContext, RouteDefinition, SandboxExtensions } from '../types/http.js'
import type { ExecutionRecord } from '../types/records.js'
import { isRfc3339, optionalEnum, page, paginationQuery, uuidParam } from '../validate.js'
import { executionJson, executionRow } from '../views.js'

export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled'
]

function newestFirst(a: ExecutionRecord, b: ExecutionRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
}

/** The execution named by the path, in the request's organization, or 404. */
function executionFromPath(ctx: RequestContext): ExecutionRecord {
  const flowId = uuidParam(paramOf(ctx, 'flowId'), 'flowId')
  const executionId = uuidParam(paramOf(ctx, 'executionId'), 'executionId')
  const record = ctx.services.state.executionInOrg(organizationOf(ctx), flowId, executionId)
  if (!record) throw notFound('Execution', 'executionId')
  return record
}

function launchRoute(): RouteDefinition {
  return {
    id: 'flows.launch',
    method: 'POST',
    pattern: '/flows/{flowId}/launch',
    scope: 'flows:execute',
    orgHeader: true,
    bucket: 'write',
    handler: (ctx) => {
      const { flow, request, parameters, idempotencyKey, idempotency, now } = resolveLaunch(ctx)
      const { state } = ctx.services
      ctx.annotations.flowId = flow.id
      if (idempotency.kind === 'replay') {
        ctx.annotations.executionId = idempotency.entry.executionId
        ctx.annotations.replay = true
        const replayed = state.executions.get(idempotency.entry.executionId)
        // An ephemeral run is the client's to run: the replay shows where it stands now,
        // so a client that sees it terminal (a run that already finished) does not claim
        // it again (docs/runner.md §1.2). Other runners: the original answer, unchanged.
        const response =
          replayed && replayed.runnerType === 'ephemeral'
            ? { execution: executionJson(replayed, state.observe(replayed, now)) }
            : idempotency.entry.response
        return jsonResponse(202, response, { 'idempotent-replayed': 'true' })
      }
      if (idempotency.kind === 'conflict') {
        const { entry, differences } = idempotency
        const changes = differences
          .map((d) => `${d}: ${String(entry.parameters[d])} → ${String(parameters[d])}`)
          .join(', ')
        throw conflict(
          'IDEMPOTENCY_KEY_REUSED',
          `Idempotency-Key "${String(idempotencyKey)}" was already used to launch this flow with different parameters (${changes}); use a new key for a different launch`,
          { execution_id: entry.executionId, differences }
        )
      }
      const record = state.createExecution({
        flow,
        runnerType: request.runner_type,
        environmentKey: request.environment_key,
        versionId: request.version_id,
        triggerType: request.trigger_type,
        triggerMetadata: request.trigger_metadata,
        executedBy: apiKeyOf(ctx).id,
        baseUrl: publicBaseUrl(ctx)
      })
      const response = { execution: executionJson(record, state.observe(record, now)) }
      if (idempotencyKey !== undefined) {
        state.idempotency.save({
          organizationId: flow.organizationId,
          flowId: flow.id,
          key: idempotencyKey,
          parameters,
          executionId: record.id,
          response: structuredClone(response),
          createdAt: now
        })
      }
      ctx.annotations.executionId = record.id
      ctx.annotations.replay = false
      return jsonResponse(202, response)
    }
  }
}

function listAllRoute(): RouteDefinition {
  return {
    id: 'executions.list',
    method: 'GET',
    pattern: '/executions',
    scope: 'flows:read',
    orgHeader: true,
    bucket: 'read',
    handler: (ctx) => {
      const { limit, offset } = paginationQuery(ctx.query)
      const status = optionalEnum(
        ctx.query.get('status') ?? undefined,
        'status',
        EXECUTION_STATUSES
      )
      const triggerType = optionalEnum(
        ctx.query.get('trigger_type') ?? undefined,
        'trigger_type',
        TRIGGER_TYPES
      )
      const flowIdRaw = ctx.query.get('flow_id')
      const flowId = flowIdRaw === null ? undefined : uuidParam(flowIdRaw, 'flow_id')
      const sinceRaw = ctx.query.get('since')
      if (sinceRaw !== null && !isRfc3339(sinceRaw)) {
        throw validationError(
          'since',
          'since must be an RFC 3339 date-time, e.g. 2025-01-31T12:00:00Z'
        )
      }
      const since = sinceRaw === null ? undefined : Date.parse(sinceRaw.replace(' ', 'T'))
      const { state, clock } = ctx.services
      const now = clock.now()
      const rows = state
        .executionsInOrg(organizationOf(ctx))
        .filter((r) => flowId === undefined || r.flowId === flowId)
        .filter((r) => triggerType === undefined || r.triggerType === triggerType)
        // Inclusive lower bound on started_at (docs/api-contract.md part A).
        .filter((r) => since === undefined || r.createdAt >= since)
        .sort(newestFirst)
        .map((r) => ({ record: r, obs: state.observe(r, now) }))
        .filter(({ obs }) => status === undefined || obs.status === status)
        .map(({ record, obs }) => executionRow(record, obs))
      return jsonResponse(200, page(rows, limit, offset))
    }
  }
}

function cancelRoute(): RouteDefinition {
  return {
    id: 'executions.cancel',
    method: 'POST',
    pattern: '/flows/{flowId}/executions/{executionId}/cancel',
    scope: 'flows:execute',
    orgHeader: true,
    bucket: 'write',
    handler: (ctx) => {
      const record = executionFromPath(ctx)
      const { state, clock } = ctx.services
      const now = clock.now()
      const before = state.observe(record, now)
      if (TERMINAL_STATUSES.includes(before.status)) {
        throw conflict('EXECUTION_ALREADY_TERMINAL', `The execution is already ${before.status}`, {
          status: before.status
        })
      }
      record.cancelledAt = now
      return jsonResponse(202, { execution: executionJson(record, state.observe(record, now)) })
    }
  }
}

export function executionRoutes(extensions: SandboxExtensions): RouteDefinition[] {
  const routes: RouteDefinition[] = [
    launchRoute(),
    {
      id: 'executions.get',
      method: 'GET',
      pattern: '/flows/{flowId}/executions/{executionId}',
      scope: 'flows:read',
      orgHeader: true,
      bucket: 'read',
      handler: (ctx) => {
        const record = executionFromPath(ctx)
        return jsonResponse(200, executionJson(record, ctx.services.state.observe(record)))
      }
    },
    {
      id: 'executions.nodes',
      method: 'GET',
      pattern: '/flows/{flowId}/executions/{executionId}/nodes',
      scope: 'flows:read',
      orgHeader: true,
      bucket: 'read',
      // A bare array, not a paged object (docs/api-contract.md part A).
      handler: (ctx) => jsonResponse(200, ctx.services.state.observe(executionFromPath(ctx)).nodes)
    },
    {
      id: 'executions.listForFlow',
      method: 'GET',
      pattern: '/flows/{flowId}/executions',
      scope: 'flows:read',
      orgHeader: true,
      bucket: 'read',
      handler: (ctx) => {
        const flowId = uuidParam(paramOf(ctx, 'flowId'), 'flowId')
        const { limit, offset } = paginationQuery(ctx.query)
        const { state, clock } = ctx.services
        const organizationId = organizationOf(ctx)
        if (!state.flowInOrg(organizationId, flowId)) throw notFound('Flow', 'flowId')
        const now = clock.now()
        const items = state
          .executionsInOrg(organizationId)
          .filter((r) => r.flowId === flowId)
          .sort(newestFirst)
          .map((r) => executionJson(r, state.observe(r, now)))
        return jsonResponse(200, page(items, limit, offset))
      }
    }
  ]
  if (extensions.executionsList) routes.push(listAllRoute())
  if (extensions.cancel) routes.push(cancelRoute())
  return routes
}
