/**
 * What every layer of the pipeline sees: the request (already read), what earlier
 * layers learned about it (the matched route, the authenticated key), and the
 * sandbox's services. Layers answer with a SandboxResponse value instead of writing
 * to the socket, so an outer layer (request log, fault injection, auth) can inspect
 * or alter the answer of an inner one.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../core/clock.js'
import { ApiError, toApiError, validationError } from './errors.js'
import type { RequestLog } from './request-log.js'
import type { MatchedRoute } from './router.js'
import type { ApiKeyRecord, SandboxState } from './state.js'

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

/** A JSON answer. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): SandboxResponse {
  return { status, headers: { ...headers }, body }
}

/** Turns anything thrown into the Echopoint error envelope. */
export function errorResponse(err: unknown): SandboxResponse {
  const apiError: ApiError = toApiError(err)
  return { status: apiError.status, headers: { ...apiError.headers }, body: apiError.toEnvelope() }
}

export function createContext(init: {
  req: IncomingMessage
  res: ServerResponse
  rawBody: Buffer
  /** The body was larger than the server accepts (json() answers 413). */
  bodyTooLarge?: boolean
  receivedAt: number
  requestId: string
  services: SandboxServices
}): RequestContext {
  const { req } = init
  // The Host header is irrelevant to routing; a fixed base only makes URL parse the path.
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  let parsed: { value: unknown } | undefined
  return {
    requestId: init.requestId,
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    receivedAt: init.receivedAt,
    rawBody: init.rawBody,
    services: init.services,
    raw: { req, res: init.res },
    annotations: {},
    header(name: string): string | undefined {
      const value = req.headers[name.toLowerCase()]
      return Array.isArray(value) ? value.join(', ') : value
    },
    json(): unknown {
      if (parsed) return parsed.value
      if (init.bodyTooLarge) {
        throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large')
      }
      const text = init.rawBody.toString('utf8')
      if (text.trim() === '') {
        parsed = { value: undefined }
        return undefined
      }
      try {
        parsed = { value: JSON.parse(text) as unknown }
      } catch {
        throw validationError('body', 'The request body is not valid JSON')
      }
      return parsed.value
    }
  }
}
