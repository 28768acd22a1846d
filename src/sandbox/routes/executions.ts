/**
 * Executions: launch (with Idempotency-Key), read one, its nodes, list a flow's
 * executions, list the organization's executions (`GET /executions`) and cancel
 * (part B.3). Lists are newest first: `started_at` (the creation time)
 * descending, then `id` descending, so paging is stable.
 */
import type { RunnerType, TriggerType } from '../../core/api/types.js'
import { TERMINAL_STATUSES, type ExecutionStatus } from '../../core/api/types.js'
import { jsonResponse, type RequestContext, type SandboxExtensions } from '../context.js'
import { conflict, notFound, validationError } from '../errors.js'
import type { IdempotencyLookup, LaunchParameters } from '../idempotency.js'
import type { RouteDefinition } from '../router.js'
import type { ExecutionRecord, FlowRecord } from '../state.js'
import {
  isRfc3339,
  objectBody,
  optionalEnum,
  optionalString,
  page,
  paginationQuery,
  uuidParam
} from '../validate.js'
import { executionJson, executionRow } from '../views.js'
import { apiKeyOf, organizationOf, paramOf } from './common.js'

export const RUNNER_TYPES: readonly RunnerType[] = ['cloud', 'self_hosted', 'ephemeral']
export const TRIGGER_TYPES: readonly TriggerType[] = ['manual', 'git', 'scheduled']
export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled'
]
/** Longest Idempotency-Key accepted (contract.md part A, launch). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255

/** The fields of git trigger metadata; all optional strings (contract.md, launch semantics). */
const GIT_METADATA_FIELDS = [
  'source',
  'repository',
  'workflow',
  'job',
  'run_id',
  'run_attempt',
  'sha',
  'ref',
  'actor'
] as const

/** `actor_type` of manual trigger metadata (required there). */
const MANUAL_ACTOR_TYPES = ['user', 'api_key'] as const

interface LaunchRequest extends LaunchParameters {
  trigger_metadata: Record<string, unknown> | null
}

/**
 * `trigger_metadata`, checked against the shape its `trigger_type` fixes
 * (contract.md, shapes the published spec fixes): `git` → optional strings
 * (source, repository, …); `manual` → `{actor_type: user|api_key, actor_id?}`;
 * `scheduled` is the server's own, taken as given. Absent is always accepted.
 */
function parseTriggerMetadata(
  raw: unknown,
  triggerType: TriggerType
): Record<string, unknown> | null {
  if (raw === undefined || raw === null) return null
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw validationError('trigger_metadata', 'trigger_metadata must be an object')
  }
  const metadata = { ...(raw as Record<string, unknown>) }
  const mustBeString = (field: string): void => {
    const value = metadata[field]
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw validationError(
        `trigger_metadata.${field}`,
        `trigger_metadata.${field} must be a string`
      )
    }
  }
  if (triggerType === 'git') {
    for (const field of GIT_METADATA_FIELDS) mustBeString(field)
  } else if (triggerType === 'manual') {
    const actorType = metadata.actor_type
    if (actorType === undefined || actorType === null) {
      throw validationError(
        'trigger_metadata.actor_type',
        `trigger_metadata.actor_type is required when trigger_type is manual (one of ${MANUAL_ACTOR_TYPES.join(', ')}); a launch with an API key sends {"actor_type": "api_key"}`
      )
    }
    optionalEnum(actorType, 'trigger_metadata.actor_type', MANUAL_ACTOR_TYPES)
    mustBeString('actor_id')
  }
  return metadata
}

function parseLaunch(raw: unknown): LaunchRequest {
  const body = objectBody(raw, true)
  const runnerType = optionalEnum(body.runner_type, 'runner_type', RUNNER_TYPES) ?? 'cloud'
  const jobVersion = body.ephemeral_job_version
  if (jobVersion !== undefined && jobVersion !== null && jobVersion !== 1) {
    throw validationError('ephemeral_job_version', 'ephemeral_job_version must be 1')
  }
  if (runnerType === 'ephemeral' && jobVersion !== 1) {
    throw validationError(
      'ephemeral_job_version',
      'ephemeral_job_version: 1 is required when runner_type is ephemeral'
    )
  }
  // Left out, the launch is a manual one (and its metadata is checked as such).
  const triggerType = optionalEnum(body.trigger_type, 'trigger_type', TRIGGER_TYPES) ?? 'manual'
  const metadata = parseTriggerMetadata(body.trigger_metadata, triggerType)
  return {
    runner_type: runnerType,
    environment_key: optionalString(body.environment_key, 'environment_key') ?? null,
    version_id: optionalString(body.version_id, 'version_id') ?? null,
    trigger_type: triggerType,
    trigger_metadata: metadata
  }
}

function idempotencyKeyOf(ctx: RequestContext): string | undefined {
  const key = ctx.header('idempotency-key')
  if (key === undefined) return undefined
  if (key.trim() === '')
    throw validationError('Idempotency-Key', 'The Idempotency-Key header must not be blank')
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw validationError(
      'Idempotency-Key',
      `The Idempotency-Key header must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`
    )
  }
  return key
}

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

/** A launch request checked against the store, before anything is created. */
interface ResolvedLaunch {
  flow: FlowRecord
  request: LaunchRequest
  parameters: LaunchParameters
  idempotencyKey: string | undefined
  idempotency: IdempotencyLookup
  now: number
}

/** Validates a launch and looks up its Idempotency-Key; throws the 400/404 a launch gets. */
function resolveLaunch(ctx: RequestContext): ResolvedLaunch {
  const flowId = uuidParam(paramOf(ctx, 'flowId'), 'flowId')
  const request = parseLaunch(ctx.json())
  const idempotencyKey = idempotencyKeyOf(ctx)
  const { state, clock } = ctx.services
  const flow = state.flowInOrg(organizationOf(ctx), flowId)
  if (!flow) throw notFound('Flow', 'flowId')
  if (request.version_id !== null && !flow.publishedVersions.includes(request.version_id)) {
    throw notFound('Flow version', 'version_id')
  }
  const parameters: LaunchParameters = {
    environment_key: request.environment_key,
    version_id: request.version_id,
    runner_type: request.runner_type,
    trigger_type: request.trigger_type
  }
  const now = clock.now()
  const idempotency: IdempotencyLookup =
    idempotencyKey === undefined
      ? { kind: 'new' }
      : state.idempotency.lookup(flow.organizationId, flow.id, idempotencyKey, parameters, now)
  return { flow, request, parameters, idempotencyKey, idempotency, now }
}

/**
 * What a request would do if it reached the launch handler, without doing it:
 * `new` (creates an execution), `replay` (an Idempotency-Key replay), `conflict`
 * (409), or `invalid` (not a launch, or rejected before anything is created).
 * For a quota layer, which must not count replays (contract.md, launch semantics).
 * Call it after the auth layer (it needs the request's organization).
 */
export function classifyLaunch(ctx: RequestContext): 'new' | 'replay' | 'conflict' | 'invalid' {
  if (ctx.route?.definition.id !== 'flows.launch' || ctx.organizationId === undefined)
    return 'invalid'
  try {
    return resolveLaunch(ctx).idempotency.kind
  } catch {
    return 'invalid'
  }
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
        // The original answer, unchanged: a retry sees exactly what the first call got.
        return jsonResponse(202, idempotency.entry.response, { 'idempotent-replayed': 'true' })
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
        executedBy: apiKeyOf(ctx).id
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
        // Inclusive lower bound on started_at (contract.md part A).
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
      // A bare array, not a paged object (contract.md part A).
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
