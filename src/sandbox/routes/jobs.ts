/**
 * The job calls of the ephemeral runner protocol v3 (docs/runner.md §1.4–§1.7), made with
 * the claim's `X-Job-Token` only (auth.ts refuses an API key, an organization header,
 * and a token of another job):
 *
 * - `POST /runner/jobs/heartbeat` renews the lease of the token's own job: `renewed`
 *   with the new `lease_expires_at` (now + the sandbox's lease length), or `rejected`
 *   when the lease already ran out, the job completed, the execution was cancelled,
 *   or the beat comes from another runner or boot than the claim's. Any other job id
 *   in `job_ids` is `rejected` (a token speaks for its own job only).
 * - `POST /runner/jobs/{jobId}/events` accepts progress events in sequence: an event
 *   at or below the last accepted sequence is a duplicate (ignored), one past a gap is
 *   not accepted; the answer's `last_accepted_sequence` is the highest contiguous one.
 * - `POST /runner/jobs/{jobId}/complete` → 204. The same payload again → 204 (counted
 *   once); another payload once completed → 409. A `last_event_sequence` beyond the
 *   accepted events → 409 EVENTS_MISSING (the runner flushes before completing). The
 *   execution is `completed` only when `status` is completed AND `result.success`;
 *   its nodes come from `result.execution_results`.
 * - `GET /runner/jobs/{jobId}/webhook-requests` lists what the execution's webhook
 *   ingest (webhooks.ts) captured, oldest first.
 *
 * Events and complete on a job whose execution is terminal (lease expired,
 * cancelled) are 409 EXECUTION_ALREADY_TERMINAL; a call from another runner or boot
 * than the claim's is 409 JOB_RUNNER_MISMATCH.
 *
 * Rate limits count per job (`job:<jobId>`, layers/rate-limit.ts): the POSTs in the
 * `write` bucket, the GET in `read`. Faults select these routes by id (`jobs.*`),
 * method or bucket; an after-commit fault hits the POSTs (a completion whose answer
 * is lost is committed, and its retry is a replay). Tests read what a job did with
 * `sandbox.state.job(executionId)`, `state.jobEvents(…)`, `state.webhookRequests(…)`
 * and `sandbox.requestLog.jobCalls(jobId)`.
 */
import type { NodeExecutionResult } from '../../core/api/types.js'
import { jobOf, jsonResponse } from '../context.js'
import { conflict, validationError } from '../errors.js'
import { reportedNode, skippedNode } from '../node-results.js'
import type { JobPrincipal, RequestContext, RouteDefinition } from '../types/http.js'
import type { ClaimRecord, ExecutionRecord, JobEventType } from '../types/records.js'
import { isUuid, iso, objectBody, optionalEnum, optionalString } from '../validate.js'
import { canonicalJson, requiredTimestamp } from './runner.js'

export const JOB_EVENT_TYPES: readonly JobEventType[] = [
  'flow.started',
  'node.started',
  'node.completed',
  'node.failed'
]
/** Most job ids per heartbeat and events per batch (docs/runner.md §1.4, §1.5). */
export const MAX_JOB_IDS = 100
export const MAX_EVENTS_PER_BATCH = 100
/** Longest `runner_version` accepted. */
export const MAX_RUNNER_VERSION_LENGTH = 64

interface RunnerFields {
  runnerId: string
  bootId: string
  runnerVersion: string | undefined
}

function runnerFields(body: Record<string, unknown>): RunnerFields {
  const runnerId = optionalString(body.runner_id, 'runner_id')
  if (runnerId === undefined) throw validationError('runner_id', 'runner_id is required')
  if (typeof body.boot_id !== 'string' || !isUuid(body.boot_id)) {
    throw validationError('boot_id', 'boot_id is required and must be a UUID')
  }
  const runnerVersion = optionalString(
    body.runner_version,
    'runner_version',
    MAX_RUNNER_VERSION_LENGTH
  )
  return { runnerId, bootId: body.boot_id.toLowerCase(), runnerVersion }
}

function isInteger(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether the call comes from the runner process that claimed the job. */
function sameRunner(claim: ClaimRecord, runner: RunnerFields): boolean {
  return claim.runnerId === runner.runnerId && claim.bootId === runner.bootId
}

function requireSameRunner(claim: ClaimRecord, runner: RunnerFields): void {
  if (sameRunner(claim, runner)) return
  throw conflict(
    'JOB_RUNNER_MISMATCH',
    `The job was claimed by runner "${claim.runnerId}" (boot ${claim.bootId}); this call came from runner "${runner.runnerId}" (boot ${runner.bootId})`,
    { runner_id: claim.runnerId, boot_id: claim.bootId }
  )
}

/** 409 when the job's execution is terminal (lease expired, cancelled, completed). */
function requireInFlight(ctx: RequestContext, job: JobPrincipal, now: number): void {
  const obs = ctx.services.state.observe(job.record, now)
  if (obs.terminalAt === null) return
  throw conflict(
    'EXECUTION_ALREADY_TERMINAL',
    `The execution is already ${obs.status}${obs.errorCode ? ` (${obs.errorCode})` : ''}`,
    { status: obs.status }
  )
}

function heartbeatRoute(): RouteDefinition {
  return {
    id: 'jobs.heartbeat',
    method: 'POST',
    pattern: '/runner/jobs/heartbeat',
    auth: 'job',
    scope: null,
    orgHeader: false,
    bucket: 'write',
    handler: (ctx) => {
      const body = objectBody(ctx.json(), true)
      const runner = runnerFields(body)
      if (!isInteger(body.max_parallel_flows, 1)) {
        throw validationError(
          'max_parallel_flows',
          'max_parallel_flows is required and must be an integer >= 1'
        )
      }
      const raw = body.job_ids
      if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_JOB_IDS) {
        throw validationError(
          'job_ids',
          `job_ids is required: an array of 1 to ${MAX_JOB_IDS} job ids`
        )
      }
      const jobIds = raw.map((id, i) => {
        if (typeof id !== 'string' || !isUuid(id)) {
          throw validationError(`job_ids[${i}]`, `job_ids[${i}] must be a job id (a UUID)`)
        }
        return id.toLowerCase()
      })
      const duplicate = jobIds.find((id, i) => jobIds.indexOf(id) !== i)
      if (duplicate !== undefined) {
        throw validationError('job_ids', `job_ids must be unique; ${duplicate} is repeated`)
      }
      const job = jobOf(ctx)
      const { state, clock } = ctx.services
      const now = clock.now()
      ctx.annotations.executionId = job.record.id
      ctx.annotations.flowId = job.record.flowId
      return jsonResponse(
        200,
        jobIds.map((jobId) => {
          // A token speaks for its own job only: any other id is rejected, never renewed.
          if (jobId !== job.jobId) return { job_id: jobId, status: 'rejected' }
          const { claim, record } = job
          if (state.observe(record, now).terminalAt !== null || !sameRunner(claim, runner)) {
            return { job_id: jobId, status: 'rejected' }
          }
          claim.leaseExpiresAt = now + state.ephemeralLeaseMs
          claim.renewals += 1
          claim.lastHeartbeatAt = now
          if (runner.runnerVersion !== undefined) claim.runnerVersion = runner.runnerVersion
          return { job_id: jobId, status: 'renewed', lease_expires_at: iso(claim.leaseExpiresAt) }
        })
      )
    }
  }
}

interface IncomingEvent {
  sequence: number
  type: JobEventType
  payload: Record<string, unknown>
}

function parseEvents(raw: unknown): IncomingEvent[] {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_EVENTS_PER_BATCH) {
    throw validationError(
      'events',
      `events is required: an array of 1 to ${MAX_EVENTS_PER_BATCH} events`
    )
  }
  return raw.map((item, i) => {
    const field = `events[${i}]`
    if (!isObject(item)) throw validationError(field, `${field} must be an object`)
    if (!isInteger(item.sequence, 1)) {
      throw validationError(`${field}.sequence`, `${field}.sequence must be an integer >= 1`)
    }
    const type = optionalEnum(item.type, `${field}.type`, JOB_EVENT_TYPES)
    if (type === undefined) {
      throw validationError(
        `${field}.type`,
        `${field}.type is required (one of ${JOB_EVENT_TYPES.join(', ')})`
      )
    }
    if (!isObject(item.payload)) {
      throw validationError(`${field}.payload`, `${field}.payload must be an object`)
    }
    return { sequence: item.sequence, type, payload: item.payload }
  })
}

function eventsRoute(): RouteDefinition {
  return {
    id: 'jobs.events',
    method: 'POST',
    pattern: '/runner/jobs/{jobId}/events',
    auth: 'job',
    scope: null,
    orgHeader: false,
    bucket: 'write',
    handler: (ctx) => {
      const body = objectBody(ctx.json(), true)
      const runner = runnerFields(body)
      const events = parseEvents(body.events)
      const job = jobOf(ctx)
      ctx.annotations.executionId = job.record.id
      ctx.annotations.flowId = job.record.flowId
      const now = ctx.services.clock.now()
      requireInFlight(ctx, job, now)
      requireSameRunner(job.claim, runner)
      const { claim } = job
      const accepted: number[] = []
      const duplicates: number[] = []
      const rejected: number[] = []
      // In sequence order, whatever the batch's order; nothing past a gap is accepted.
      for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
        const last = claim.events.length
        if (event.sequence <= last) duplicates.push(event.sequence)
        else if (event.sequence === last + 1) {
          claim.events.push({
            sequence: event.sequence,
            type: event.type,
            payload: structuredClone(event.payload),
            receivedAt: now
          })
          accepted.push(event.sequence)
        } else rejected.push(event.sequence)
      }
      const lastAcceptedSequence = claim.events.length
      ctx.annotations.events = { accepted, duplicates, rejected, lastAcceptedSequence }
      return jsonResponse(200, { last_accepted_sequence: lastAcceptedSequence })
    }
  }
}

/** Optional text that may be empty (a Go runner sends `""` for "no error"). */
function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw validationError(field, `${field} must be a string`)
  if (value.length > max) throw validationError(field, `${field} must be at most ${max} characters`)
  return value === '' ? null : value
}

/** The flow result (docs/runner.md §5.1), checked as far as the sandbox reads it. */
function parseResult(raw: unknown): Record<string, unknown> {
  if (!isObject(raw)) {
    throw validationError(
      'result',
      'result is required: the flow result object (docs/runner.md §5.1)'
    )
  }
  if (typeof raw.success !== 'boolean') {
    throw validationError('result.success', 'result.success is required and must be a boolean')
  }
  if (!isObject(raw.execution_results)) {
    throw validationError(
      'result.execution_results',
      'result.execution_results is required: an object of node results by node id ({} when none ran)'
    )
  }
  for (const [nodeId, node] of Object.entries(raw.execution_results)) {
    if (!isObject(node)) {
      throw validationError(
        `result.execution_results.${nodeId}`,
        `result.execution_results.${nodeId} must be a node result object`
      )
    }
  }
  if (raw.final_outputs !== undefined && !isObject(raw.final_outputs)) {
    throw validationError('result.final_outputs', 'result.final_outputs must be an object')
  }
  if (
    raw.duration_ms !== undefined &&
    (typeof raw.duration_ms !== 'number' || !(raw.duration_ms >= 0))
  ) {
    throw validationError('result.duration_ms', 'result.duration_ms must be a number >= 0')
  }
  if (raw.http_calls !== undefined && raw.http_calls !== null && !Array.isArray(raw.http_calls)) {
    throw validationError('result.http_calls', 'result.http_calls must be an array')
  }
  optionalText(raw.error_code, 'result.error_code', 255)
  optionalText(raw.error_message, 'result.error_message', 10_000)
  return raw
}

/** The execution's nodes from the completion's `execution_results`: the flow's order first. */
function nodesOfResult(
  record: ExecutionRecord,
  results: Record<string, Record<string, unknown>>
): NodeExecutionResult[] {
  const known = record.nodes.map((node) => {
    const reported = results[node.id]
    return reported !== undefined
      ? reportedNode(record, node.id, reported)
      : skippedNode(record, node, 'The runner reported no result for this node')
  })
  const others = Object.keys(results)
    .filter((id) => !record.nodes.some((node) => node.id === id))
    .map((id) => reportedNode(record, id, results[id] as Record<string, unknown>))
  return [...known, ...others]
}

function completeRoute(): RouteDefinition {
  return {
    id: 'jobs.complete',
    method: 'POST',
    pattern: '/runner/jobs/{jobId}/complete',
    auth: 'job',
    scope: null,
    orgHeader: false,
    bucket: 'write',
    handler: (ctx) => {
      const body = objectBody(ctx.json(), true)
      const runner = runnerFields(body)
      const status = optionalEnum(body.status, 'status', ['completed', 'failed'] as const)
      if (status === undefined) {
        throw validationError('status', 'status is required (completed or failed)')
      }
      const startedAt = requiredTimestamp(body.started_at, 'started_at')
      const completedAt = requiredTimestamp(body.completed_at, 'completed_at')
      if (completedAt < startedAt) {
        throw validationError('completed_at', 'completed_at must not be before started_at')
      }
      const duration = body.duration_ms
      if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
        throw validationError(
          'duration_ms',
          'duration_ms is required and must be a non-negative number'
        )
      }
      const result = parseResult(body.result)
      const errorMessage = optionalText(body.error_message, 'error_message', 10_000)
      const errorCode = optionalText(body.error_code, 'error_code', 255)
      if (!isInteger(body.last_event_sequence, 0)) {
        throw validationError(
          'last_event_sequence',
          'last_event_sequence is required and must be an integer >= 0'
        )
      }
      const lastEventSequence = body.last_event_sequence
      const job = jobOf(ctx)
      const { record, claim } = job
      ctx.annotations.executionId = record.id
      ctx.annotations.flowId = record.flowId
      const payload = canonicalJson(body)
      const noContent = { status: 204, headers: {} }
      if (record.completion) {
        // A retry after a lost answer: the same payload is answered again, counted once.
        if (record.completion.payload === payload) {
          claim.completeCalls += 1
          return noContent
        }
        throw conflict(
          'EXECUTION_ALREADY_TERMINAL',
          `The job was already completed (execution ${record.completion.status}) with a different payload`,
          { status: record.completion.status }
        )
      }
      const now = ctx.services.clock.now()
      requireInFlight(ctx, job, now)
      requireSameRunner(claim, runner)
      if (lastEventSequence > claim.events.length) {
        throw conflict(
          'EVENTS_MISSING',
          `last_event_sequence is ${lastEventSequence} but events were accepted up to ${claim.events.length}; send the missing events before completing`,
          { last_accepted_sequence: claim.events.length }
        )
      }
      const passed = status === 'completed' && result.success === true
      const results = result.execution_results as Record<string, Record<string, unknown>>
      if (runner.runnerVersion !== undefined) claim.runnerVersion = runner.runnerVersion
      record.completion = {
        payload,
        status: passed ? 'completed' : 'failed',
        startedAt,
        completedAt,
        durationMs: duration,
        errorMessage:
          errorMessage ?? optionalText(result.error_message, 'result.error_message', 10_000),
        errorCode: errorCode ?? optionalText(result.error_code, 'result.error_code', 255),
        receivedAt: now,
        nodes: nodesOfResult(record, results),
        via: 'job',
        runnerStatus: status,
        result: structuredClone(result),
        lastEventSequence
      }
      claim.completeCalls += 1
      return noContent
    }
  }
}

function webhookRequestsRoute(): RouteDefinition {
  return {
    id: 'jobs.webhookRequests',
    method: 'GET',
    pattern: '/runner/jobs/{jobId}/webhook-requests',
    auth: 'job',
    scope: null,
    orgHeader: false,
    bucket: 'read',
    handler: (ctx) => {
      const { record } = jobOf(ctx)
      ctx.annotations.executionId = record.id
      ctx.annotations.flowId = record.flowId
      const items = (record.webhook?.requests ?? []).map((r) => structuredClone(r))
      return jsonResponse(200, { items, total: items.length, count: items.length })
    }
  }
}

export function jobRoutes(): RouteDefinition[] {
  return [heartbeatRoute(), eventsRoute(), completeRoute(), webhookRequestsRoute()]
}
