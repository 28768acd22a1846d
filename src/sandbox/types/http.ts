/**
 * What every layer of the pipeline and every route handler shares: the request
 * context, the response value, the layer and route shapes. Types only, so the
 * pipeline, the router, the layers and the routes depend on this module rather
 * than on each other.
 *
 * Layers answer with a SandboxResponse value instead of writing to the socket, so
 * an outer layer (request log, fault injection, auth) can inspect or alter the
 * answer of an inner one.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../../core/clock.js'
import type { RequestLog } from '../request-log.js'
import type { AnyMethod, RouteAuthMode, RouteBucket, RouteId, RouteMethod } from '../route-ids.js'
import type { SandboxState } from '../state.js'
import type { ApiKeyRecord, ClaimRecord, ExecutionRecord } from './records.js'
import type { EventsOutcome } from './request-log.js'

/** Part B extensions; each can be switched off to behave like the public API. */
export interface SandboxExtensions {
  /** B.2: `GET /permissions` answers any valid key (off: needs `api_key:create`). */
  permissionsForAnyKey: boolean
  /** B.3: `POST .../cancel` exists (off: 404). */
  cancel: boolean
  /** `GET /executions` exists (off: 404). */
  executionsList: boolean
  /** B.1: `name`/`expires_at` in `/api-keys/self` and the `X-Api-Key-Expires-At` header. */
  keyIntrospection: boolean
}

/** Shared by all layers and handlers of one sandbox. */
export interface SandboxServices {
  state: SandboxState
  clock: Clock
  extensions: SandboxExtensions
  requestLog: RequestLog
  /**
   * How far the server's own clock is off (ms, may be negative): added to the `Date`
   * header and to the absolute reset times of rate limits, never to stored state.
   */
  clockSkewMs: number
  /**
   * The sandbox's own base URL (`http://127.0.0.1:40123`), for the URLs it hands out
   * (`webhook.url`, `webhook.requests_url`); set once listening. Null when it listens
   * on a wildcard address: the request's `Host` is used then.
   */
  baseUrl: string | null
}

/** The job a request's `X-Job-Token` belongs to (set by the auth layer on job routes). */
export interface JobPrincipal {
  jobId: string
  record: ExecutionRecord
  claim: ClaimRecord
}

/** Facts a handler adds for the request log. */
export interface RequestAnnotations {
  flowId?: string
  executionId?: string
  /** For a launch: true when an Idempotency-Key replay returned an existing execution. */
  replay?: boolean
  /**
   * The earliest sandbox clock time (ms) the answer told the client it may send the
   * next request of this bucket (a 429's hint, a 503's Retry-After, or a 2xx with
   * no requests remaining that says when the window resets).
   */
  retryAt?: number
  /** The fault injected into this request, if any. */
  fault?: string
  /** True when the fault hit after the handler ran (a launch happened, its answer was lost). */
  faultAfterCommit?: boolean
  /** For a faulted request that never reached auth: the id of the key it presented. */
  presentedKeyId?: string
  /** The job a job route acted on (or, for a faulted request, the job its token names). */
  jobId?: string
  /** For `POST /runner/jobs/{jobId}/events`: which sequences were accepted. */
  events?: EventsOutcome
}

export interface RequestContext {
  readonly requestId: string
  readonly method: string
  /** The path without the query string, e.g. `/flows/search`. */
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  /** Clock time (ms) when the request arrived. */
  readonly receivedAt: number
  readonly rawBody: Buffer
  readonly services: SandboxServices
  /** The raw Node objects, for layers that must act on the socket (fault injection). */
  readonly raw: { req: IncomingMessage; res: ServerResponse }
  /** Set by the router layer. */
  route?: MatchedRoute
  /** Set by the auth layer once the key is valid. */
  apiKey?: ApiKeyRecord
  /** Set by the auth layer: the organization the request acts in. */
  organizationId?: string
  /** Set by the auth layer on job routes: the job the `X-Job-Token` belongs to. */
  job?: JobPrincipal
  /** The body was larger than the server accepts (it is then empty). */
  readonly bodyTooLarge: boolean
  readonly annotations: RequestAnnotations
  /** A header's value; names are case-insensitive, repeated headers are joined with ", ". */
  header(name: string): string | undefined
  /**
   * The JSON body. `undefined` when the body is empty; 400 VALIDATION_ERROR when it
   * is not JSON.
   */
  json(): unknown
}

/** The answer of a layer. Exactly one of `body`, `rawBody`, `drop` is used. */
export interface SandboxResponse {
  status: number
  headers: Record<string, string>
  /** JSON body; undefined means no body. */
  body?: unknown
  /** Bytes sent as is instead of JSON (for fault injection: malformed bodies). */
  rawBody?: string | Buffer
  /** Destroy the connection instead of answering (for fault injection: connection reset). */
  drop?: boolean
}

/** The rest of the pipeline after a layer. Never rejects: errors become error responses. */
export type Next = () => Promise<SandboxResponse>

/** One step of the pipeline. */
export interface SandboxLayer {
  /** For debugging and tests. */
  readonly name: string
  handle(ctx: RequestContext, next: Next): SandboxResponse | Promise<SandboxResponse>
}

export type RouteHandler = (ctx: RequestContext) => SandboxResponse | Promise<SandboxResponse>

export interface RouteDefinition {
  /** Stable name, e.g. `flows.launch`; layers and the request log key on it. */
  id: RouteId
  /** `*` (ANY_METHOD): any method (the webhook ingest); an exact method wins over it. */
  method: RouteMethod | AnyMethod
  /** Path with `{param}` segments, as in the OpenAPI file. */
  pattern: string
  /**
   * How the route authenticates: `key` (default) = `X-Api-Key`; `job` = `X-Job-Token`
   * only, an API key refused; `none` = unauthenticated (the webhook ingest).
   */
  auth?: RouteAuthMode
  /** The scope the key needs; null = any valid key (or not a key route). */
  scope: string | null
  /** Whether `X-Organization-ID` is required (every key path but `GET /api-keys/self`). */
  orgHeader: boolean
  bucket: RouteBucket
  handler: RouteHandler
}

export interface MatchedRoute {
  definition: RouteDefinition
  /** Decoded path parameters. */
  params: Record<string, string>
}
