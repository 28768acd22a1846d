/**
 * The in-job runner's side of the job protocol (docs/runner.md §1): the claim (an
 * organization call, sent once and never repeated), then the job's own calls,
 * which carry only `X-Job-Token`: heartbeat, progress events, completion and the
 * webhook requests captured for the run.
 *
 * What the claim returns is data for the flow engine (the definition, the real
 * input values, the referenced flows), so it is checked for shape but kept as
 * sent: the engine validates the definition itself, and the secrets are real.
 * Identifiers and the lease are checked like every other answer (decode.ts).
 */
import type { Clock } from '../clock.js'
import { EchopointError } from '../errors.js'
import type { Logger } from '../logger.js'
import type { ClientOptions, RequestOptions } from './api.js'
import { id, list, record, sameId, ShapeError, timestamp, type Decoder } from './decode.js'
import { Transport } from './http/transport.js'
import { pathSegment } from './http/url.js'
import type {
  CapturedWebhookRequest,
  ClaimedJob,
  CompletionBody,
  HeartbeatEntry,
  ProgressEvent
} from './job-model.js'

export type {
  CapturedWebhookRequest,
  ClaimedJob,
  CompletionBody,
  HeartbeatEntry,
  ProgressEvent
} from './job-model.js'

/** The most referenced flows a claim may carry. */
const MAX_REFERENCED_FLOWS = 500
/** The most captured requests read at once. */
const MAX_CAPTURED = 1000

function stringList(value: unknown, path: string): string[] {
  if (value === undefined || value === null) return []
  return list(value, path, 10_000).map((item, i) => {
    if (typeof item !== 'string') throw new ShapeError(`${path}[${i}]`, 'is not a string')
    return item
  })
}

export const claimedJob: Decoder<ClaimedJob> = (body, ctx) => {
  const root = record(body, 'claim')
  const token = root.job_token
  // A token goes into a header: printable ASCII only.
  if (typeof token !== 'string' || !/^[\x21-\x7e]{1,4096}$/.test(token)) {
    throw new ShapeError('claim.job_token', 'is not a token (printable ASCII, at most 4096)')
  }
  const job = record(root.job, 'claim.job')
  const referenced: ClaimedJob['referencedFlows'] = {}
  const refs = job.referenced_flows
  if (refs !== undefined && refs !== null) {
    // Older servers sent an empty list for "none".
    if (!(Array.isArray(refs) && refs.length === 0)) {
      const entries = Object.entries(record(refs, 'claim.job.referenced_flows'))
      if (entries.length > MAX_REFERENCED_FLOWS) {
        throw new ShapeError('claim.job.referenced_flows', `has more than ${MAX_REFERENCED_FLOWS}`)
      }
      for (const [flowId, raw] of entries) {
        const path = `claim.job.referenced_flows.${flowId.slice(0, 64)}`
        const entry = record(raw, path)
        const overrides = entry.input_overrides
        referenced[flowId] = {
          flow_definition: record(entry.flow_definition, `${path}.flow_definition`),
          ...(overrides !== undefined && overrides !== null
            ? { input_overrides: record(overrides, `${path}.input_overrides`) }
            : {}),
          secret_input_keys: stringList(entry.secret_input_keys, `${path}.secret_input_keys`)
        }
      }
    }
  }
  const maxCalls = job.max_http_calls_per_execution
  return {
    jobToken: token,
    jobId: id(job.job_id, 'claim.job.job_id', ctx),
    executionId: id(job.execution_id, 'claim.job.execution_id', ctx),
    flowId: id(job.flow_id, 'claim.job.flow_id', ctx),
    leaseExpiresAt: Date.parse(timestamp(job.lease_expires_at, 'claim.job.lease_expires_at')),
    flowDefinition: record(job.flow_definition, 'claim.job.flow_definition'),
    inputs: record(job.inputs ?? {}, 'claim.job.inputs'),
    secretInputKeys: stringList(job.secret_input_keys, 'claim.job.secret_input_keys'),
    referencedFlows: referenced,
    maxHttpCalls:
      typeof maxCalls === 'number' && Number.isFinite(maxCalls) && maxCalls > 0
        ? Math.floor(maxCalls)
        : 0
  }
}

const heartbeat: Decoder<HeartbeatEntry[]> = (body, ctx) =>
  list(body, 'heartbeat', 100).map((raw, i) => {
    const entry = record(raw, `heartbeat[${i}]`)
    const status = entry.status
    if (status !== 'renewed' && status !== 'rejected') {
      throw new ShapeError(`heartbeat[${i}].status`, 'is not renewed or rejected')
    }
    const lease =
      entry.lease_expires_at === undefined || entry.lease_expires_at === null
        ? undefined
        : Date.parse(timestamp(entry.lease_expires_at, `heartbeat[${i}].lease_expires_at`))
    return {
      jobId: id(entry.job_id, `heartbeat[${i}].job_id`, ctx),
      status,
      ...(lease !== undefined ? { leaseExpiresAt: lease } : {})
    }
  })

const accepted: Decoder<number> = (body) => {
  const value = record(body, 'events').last_accepted_sequence
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ShapeError('events.last_accepted_sequence', 'is not a whole number ≥ 0')
  }
  return value
}

const captured: Decoder<CapturedWebhookRequest[]> = (body, ctx) =>
  list(record(body, 'webhook requests').items, 'webhook requests.items', MAX_CAPTURED).map(
    (raw, i) => {
      const item = record(raw, `webhook requests.items[${i}]`)
      const path = `webhook requests.items[${i}]`
      return {
        ...item,
        id: id(item.id, `${path}.id`, ctx),
        method: typeof item.method === 'string' ? item.method : 'POST',
        headers: (item.headers ?? {}) as CapturedWebhookRequest['headers'],
        body: typeof item.body === 'string' ? item.body : null,
        received_at: timestamp(item.received_at, `${path}.received_at`)
      }
    }
  )

/** The job's own calls, authenticated by its token alone. */
export interface JobApi {
  readonly jobId: string
  heartbeat(
    body: {
      runner_id: string
      boot_id: string
      max_parallel_flows: number
      runner_version?: string
    },
    options?: RequestOptions
  ): Promise<HeartbeatEntry>
  sendEvents(
    body: { runner_id: string; boot_id: string; events: ProgressEvent[] },
    options?: RequestOptions
  ): Promise<number>
  complete(body: CompletionBody, options?: RequestOptions): Promise<void>
  webhookRequests(options?: RequestOptions): Promise<CapturedWebhookRequest[]>
  readonly stats: { requests: number; retries: number; waits: number; waitedMs: number }
}

export interface JobClientOptions {
  apiUrl: string
  jobId: string
  jobToken: string
  clock?: Clock
  logger?: Logger
  deadline?: number
  userAgent?: string
  random?: () => number
  /** The names messages use for the settings (default: the action's inputs). */
  names?: ClientOptions['names']
}

/** A client for one job's calls (its own token, its own rate-limit state). */
export function createJobClient(options: JobClientOptions): JobApi {
  const transport = new Transport({
    apiUrl: options.apiUrl,
    apiKey: '',
    organizationId: '',
    jobToken: options.jobToken,
    clock: options.clock,
    logger: options.logger,
    deadline: options.deadline,
    userAgent: options.userAgent,
    random: options.random,
    names: options.names
  })
  const jobPath = `/runner/jobs/${pathSegment(options.jobId, 'job ID')}`
  return {
    jobId: options.jobId,
    get stats() {
      return { ...transport.stats }
    },
    heartbeat: async (body, opts) => {
      const entries = (await transport.request({
        method: 'POST',
        path: '/runner/jobs/heartbeat',
        body: { ...body, job_ids: [options.jobId] },
        // Not repeated here: a failed heartbeat is tried again at the lease's next tick.
        decode: heartbeat,
        signal: opts?.signal
      })) as HeartbeatEntry[]
      const mine = entries.find((e) => sameId(e.jobId, options.jobId))
      if (!mine) {
        throw new EchopointError(
          'contract',
          `POST /runner/jobs/heartbeat: the answer does not mention job ${options.jobId}`
        )
      }
      return mine
    },
    sendEvents: async (body, opts) =>
      (await transport.request({
        method: 'POST',
        path: `${jobPath}/events`,
        body,
        repeatable: true,
        decode: accepted,
        signal: opts?.signal
      })) as number,
    complete: async (body, opts) => {
      await transport.request({
        method: 'POST',
        path: `${jobPath}/complete`,
        body,
        repeatable: true,
        noContent: true,
        signal: opts?.signal
      })
    },
    webhookRequests: async (opts) =>
      (await transport.request({
        method: 'GET',
        path: `${jobPath}/webhook-requests`,
        decode: captured,
        signal: opts?.signal
      })) as CapturedWebhookRequest[]
  }
}
