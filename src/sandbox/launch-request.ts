/**
 * A launch request (`POST /flows/{flowId}/launch`), read and checked against the
 * store before anything is created: the body (runner, trigger and its metadata),
 * the flow and version, and what its Idempotency-Key says (launch-request and
 * idempotency.ts together are docs/api-contract.md's launch semantics). The launch route
 * acts on the result; the quota layer asks `classifyLaunch` whether a request
 * would create an execution, since a replay must not count.
 */
import type { RunnerType, TriggerType } from '../core/api/types.js'
import { organizationOf, paramOf } from './context.js'
import { notFound, validationError } from './errors.js'
import type { IdempotencyLookup, LaunchParameters } from './idempotency.js'
import type { RequestContext } from './types/http.js'
import type { FlowRecord } from './types/records.js'
import { objectBody, optionalEnum, optionalString, uuidParam } from './validate.js'

export const RUNNER_TYPES: readonly RunnerType[] = ['cloud', 'self_hosted', 'ephemeral']
export const TRIGGER_TYPES: readonly TriggerType[] = ['manual', 'git', 'scheduled']
/** Longest Idempotency-Key accepted (docs/api-contract.md part A, launch). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255

/** The fields of git trigger metadata; all optional strings (docs/api-contract.md, launch semantics). */
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

export interface LaunchRequest extends LaunchParameters {
  trigger_metadata: Record<string, unknown> | null
}

/**
 * `trigger_metadata`, checked against the shape its `trigger_type` fixes
 * (docs/api-contract.md, shapes the published spec fixes): `git` → optional strings
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

/** A launch request checked against the store, before anything is created. */
export interface ResolvedLaunch {
  flow: FlowRecord
  request: LaunchRequest
  parameters: LaunchParameters
  idempotencyKey: string | undefined
  idempotency: IdempotencyLookup
  now: number
}

/** Validates a launch and looks up its Idempotency-Key; throws the 400/404 a launch gets. */
export function resolveLaunch(ctx: RequestContext): ResolvedLaunch {
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
 * For a quota layer, which must not count replays (docs/api-contract.md, launch semantics).
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
