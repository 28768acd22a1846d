/** The entries of the request log (request-log.ts), shared with the layer that writes them. */
import type { RouteBucket } from '../route-ids.js'

/** What one `POST /runner/jobs/{jobId}/events` did, for the request log. */
export interface EventsOutcome {
  /** Sequences newly accepted, in order. */
  accepted: number[]
  /** Sequences at or below what was already accepted (ignored). */
  duplicates: number[]
  /** Sequences past a gap (not accepted; the runner resends them). */
  rejected: number[]
  lastAcceptedSequence: number
}

/**
 * Which credential headers a request carried: presence only, never a value. A job
 * call made as the protocol says has `{jobToken: true, apiKey: false, organizationId: false}`.
 */
export interface AuthHeaders {
  apiKey: boolean
  organizationId: boolean
  jobToken: boolean
}

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
  /** The id of the authenticated key (never the secret), or null (job calls: null). */
  keyId: string | null
  organizationId: string | null
  /** The credential headers present (never their values). */
  authHeaders: AuthHeaders
  /**
   * The ephemeral job the request concerned: the job a job token authenticated as
   * (job calls), or the job a claim handed out.
   */
  jobId?: string
  /** `POST /runner/jobs/{jobId}/events`: which sequences were accepted. */
  events?: EventsOutcome
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
