/**
 * The ephemeral runner protocol, org side (docs/runner.md §1, docs/api-contract.md part A): the
 * client launches with `runner_type: ephemeral`, claims the job (once: a repeated
 * or concurrent claim is a 409, so a flow never runs twice) and gets a job token;
 * the job calls that follow (heartbeat, events, complete, webhook-requests) are in
 * jobs.ts. The older completion endpoint (`runner:complete`, §1.7) stays here:
 * reporting the same payload again is idempotent (a retry after a lost response);
 * a different payload once terminal is a 409.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { NodeExecutionResult, NodeStatus } from '../../core/api/types.js'
import { jsonResponse, organizationOf, paramOf } from '../context.js'
import { conflict, notFound, validationError } from '../errors.js'
import { nodeResult } from '../node-results.js'
import { referencedFlows } from '../referenced-flows.js'
import type { RequestContext, RouteDefinition } from '../types/http.js'
import type { ClaimRecord, ExecutionRecord } from '../types/records.js'
import {
  isRfc3339,
  isUuid,
  iso,
  objectBody,
  optionalEnum,
  optionalString,
  uuidParam
} from '../validate.js'
import { executionJson } from '../views.js'

const NODE_STATUSES: readonly NodeStatus[] = [
  'pending',
  'running',
  'completed',
  'failed',
  'skipped'
]

/** The ephemeral execution named by the path, in the request's organization. */
function ephemeralExecution(ctx: RequestContext): ExecutionRecord {
  const executionId = uuidParam(paramOf(ctx, 'executionId'), 'executionId')
  const record = ctx.services.state.executions.get(executionId)
  if (!record || record.organizationId !== organizationOf(ctx))
    throw notFound('Execution', 'executionId')
  if (record.runnerType !== 'ephemeral') {
    throw conflict(
      'EXECUTION_NOT_EPHEMERAL',
      `The execution runs on a ${record.runnerType} runner; only ephemeral executions are claimed and completed here`,
      { runner_type: record.runnerType }
    )
  }
  return record
}

export function requiredTimestamp(value: unknown, field: string): number {
  if (typeof value !== 'string' || !isRfc3339(value)) {
    throw validationError(field, `${field} is required and must be an RFC 3339 date-time`)
  }
  return Date.parse(value.replace(' ', 'T'))
}

/** JSON with sorted keys, so two equal payloads compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Node results from `result.nodes` when the runner sent them, else derived from the status. */
function reportedNodes(
  record: ExecutionRecord,
  result: Record<string, unknown> | null,
  status: 'completed' | 'failed'
): NodeExecutionResult[] {
  const raw = result?.nodes
  if (raw === undefined || raw === null) {
    return record.nodes.map((node) =>
      status === 'completed'
        ? nodeResult(record, node, { status: 'completed', has_errors: false })
        : nodeResult(record, node, {
            status: 'skipped',
            has_errors: false,
            skip_reason: 'The runner reported no node results'
          })
    )
  }
  if (!Array.isArray(raw)) throw validationError('result.nodes', 'result.nodes must be an array')
  return raw.map((item, i): NodeExecutionResult => {
    const field = `result.nodes[${i}]`
    const n = objectBody(item, true)
    const nodeId = optionalString(n.node_id, `${field}.node_id`)
    if (nodeId === undefined)
      throw validationError(`${field}.node_id`, `${field}.node_id is required`)
    const nodeStatus = optionalEnum(n.status, `${field}.status`, NODE_STATUSES)
    if (nodeStatus === undefined)
      throw validationError(`${field}.status`, `${field}.status is required`)
    const known = record.nodes.find((node) => node.id === nodeId)
    const timestamp = (name: string): string | null =>
      n[name] === undefined || n[name] === null
        ? null
        : iso(requiredTimestamp(n[name], `${field}.${name}`))
    const duration = n.duration_ms
    if (
      duration !== undefined &&
      duration !== null &&
      (typeof duration !== 'number' || duration < 0)
    ) {
      throw validationError(
        `${field}.duration_ms`,
        `${field}.duration_ms must be a non-negative number`
      )
    }
    if (
      n.result !== undefined &&
      n.result !== null &&
      (typeof n.result !== 'object' || Array.isArray(n.result))
    ) {
      throw validationError(`${field}.result`, `${field}.result must be an object`)
    }
    return {
      id: record.nodeResultIds[nodeId] ?? randomUUID(),
      flow_id: record.flowId,
      execution_id: record.id,
      node_id: nodeId,
      display_name:
        optionalString(n.display_name, `${field}.display_name`) ?? known?.displayName ?? nodeId,
      // Node types are open: whatever the runner reports passes through.
      node_type: optionalString(n.node_type, `${field}.node_type`) ?? known?.type ?? 'unknown',
      status: nodeStatus,
      started_at: timestamp('started_at'),
      completed_at: timestamp('completed_at'),
      duration_ms: (duration as number | undefined) ?? null,
      error_message: optionalString(n.error_message, `${field}.error_message`, 10_000) ?? null,
      error_code: optionalString(n.error_code, `${field}.error_code`) ?? null,
      skip_reason: optionalString(n.skip_reason, `${field}.skip_reason`, 10_000) ?? null,
      has_errors: nodeStatus === 'failed',
      result: (n.result as NodeExecutionResult['result']) ?? null
    }
  })
}

function claimRoute(): RouteDefinition {
  return {
    id: 'runner.claim',
    method: 'POST',
    pattern: '/runner/ephemeral/executions/{executionId}/claim',
    scope: 'flows:execute',
    orgHeader: true,
    bucket: 'write',
    handler: (ctx) => {
      const body = objectBody(ctx.json(), true)
      const runnerId = optionalString(body.runner_id, 'runner_id')
      if (runnerId === undefined) throw validationError('runner_id', 'runner_id is required')
      if (typeof body.boot_id !== 'string' || !isUuid(body.boot_id)) {
        throw validationError('boot_id', 'boot_id is required and must be a UUID')
      }
      const record = ephemeralExecution(ctx)
      ctx.annotations.flowId = record.flowId
      const { state, clock } = ctx.services
      const now = clock.now()
      const obs = state.observe(record, now)
      if (obs.terminalAt !== null) {
        throw conflict('EXECUTION_ALREADY_TERMINAL', `The execution is already ${obs.status}`, {
          status: obs.status
        })
      }
      if (record.claim) {
        // Whoever asks, and however often: one claim per execution, so it runs once.
        throw conflict(
          'EXECUTION_ALREADY_CLAIMED',
          'The execution has already been claimed by a runner',
          {
            runner_id: record.claim.runnerId
          }
        )
      }
      const claim: ClaimRecord = {
        // Fixed at launch: `webhook.requests_url` already names it.
        jobId: record.jobId ?? randomUUID(),
        runnerId,
        bootId: body.boot_id.toLowerCase(),
        jobToken: `ejt_${randomBytes(24).toString('base64url')}`,
        claimedAt: now,
        leaseExpiresAt: now + state.ephemeralLeaseMs,
        renewals: 0,
        lastHeartbeatAt: null,
        runnerVersion: null,
        events: [],
        completeCalls: 0
      }
      state.claimJob(record, claim)
      ctx.annotations.jobId = claim.jobId
      const flowSnapshot = record.flowSnapshot as { flow_definition: unknown }
      return jsonResponse(200, {
        job_token: claim.jobToken,
        job: {
          job_id: claim.jobId,
          execution_id: record.id,
          flow_id: record.flowId,
          lease_expires_at: iso(claim.leaseExpiresAt),
          flow_definition: flowSnapshot.flow_definition,
          // The runner needs the real values; the API shows them masked elsewhere.
          inputs: { ...record.inputs },
          secret_input_keys: [...record.secretInputKeys],
          // An object keyed by flow id (docs/runner.md §1.3), never an array.
          referenced_flows: referencedFlows(
            state,
            record.organizationId,
            flowSnapshot.flow_definition
          ),
          max_http_calls_per_execution:
            state.flows.get(record.flowId)?.maxHttpCallsPerExecution ?? 0
        }
      })
    }
  }
}

function completeRoute(): RouteDefinition {
  return {
    id: 'runner.complete',
    method: 'POST',
    pattern: '/runner/ephemeral/executions/{executionId}/complete',
    scope: 'runner:complete',
    orgHeader: true,
    bucket: 'write',
    handler: (ctx) => {
      const body = objectBody(ctx.json(), true)
      const status = optionalEnum(body.status, 'status', ['completed', 'failed'] as const)
      if (status === undefined)
        throw validationError('status', 'status is required (completed or failed)')
      const startedAt = requiredTimestamp(body.started_at, 'started_at')
      const completedAt = requiredTimestamp(body.completed_at, 'completed_at')
      const duration = body.duration_ms
      if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
        throw validationError(
          'duration_ms',
          'duration_ms is required and must be a non-negative number'
        )
      }
      if (
        body.result !== undefined &&
        body.result !== null &&
        (typeof body.result !== 'object' || Array.isArray(body.result))
      ) {
        throw validationError('result', 'result must be an object')
      }
      const errorMessage = optionalString(body.error_message, 'error_message', 10_000) ?? null
      const errorCode = optionalString(body.error_code, 'error_code') ?? null
      const record = ephemeralExecution(ctx)
      ctx.annotations.flowId = record.flowId
      const { state, clock } = ctx.services
      const payload = canonicalJson(body)
      const answer = (): ReturnType<typeof jsonResponse> => {
        const obs = state.observe(record)
        return jsonResponse(200, { execution: executionJson(record, obs), nodes: obs.nodes })
      }
      if (record.completion) {
        if (record.completion.payload === payload) return answer()
        throw conflict(
          'EXECUTION_ALREADY_TERMINAL',
          `The execution was already completed as ${record.completion.status} with a different payload`,
          { status: record.completion.status }
        )
      }
      const now = clock.now()
      const obs = state.observe(record, now)
      if (obs.terminalAt !== null) {
        throw conflict('EXECUTION_ALREADY_TERMINAL', `The execution is already ${obs.status}`, {
          status: obs.status
        })
      }
      if (!record.claim) {
        throw conflict('EXECUTION_NOT_CLAIMED', 'Claim the execution before completing it')
      }
      record.completion = {
        payload,
        status,
        startedAt,
        completedAt,
        durationMs: duration,
        errorMessage,
        errorCode,
        receivedAt: now,
        via: 'execution',
        nodes: reportedNodes(
          record,
          (body.result as Record<string, unknown> | null | undefined) ?? null,
          status
        )
      }
      return answer()
    }
  }
}

export function runnerRoutes(): RouteDefinition[] {
  return [claimRoute(), completeRoute()]
}
