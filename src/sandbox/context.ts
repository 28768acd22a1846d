/**
 * Building what every layer of the pipeline sees (the request context, types/http.ts),
 * reading what earlier layers established in it, and the answers layers give: the
 * request is read once, its JSON body parsed on demand, and any error thrown
 * becomes the Echopoint error envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError, toApiError, validationError } from './errors.js'
import type {
  JobPrincipal,
  RequestContext,
  SandboxResponse,
  SandboxServices
} from './types/http.js'
import type { ApiKeyRecord } from './types/records.js'

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
    bodyTooLarge: init.bodyTooLarge ?? false,
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

/** The organization the request acts in (set by the auth layer). */
export function organizationOf(ctx: RequestContext): string {
  if (ctx.organizationId === undefined) throw new Error('route reached without an organization')
  return ctx.organizationId
}

/** The authenticated key (set by the auth layer). */
export function apiKeyOf(ctx: RequestContext): ApiKeyRecord {
  if (!ctx.apiKey) throw new Error('route reached without an authenticated key')
  return ctx.apiKey
}

/** A path parameter the router matched. */
export function paramOf(ctx: RequestContext, name: string): string | undefined {
  return ctx.route?.params[name]
}

/** The job whose `X-Job-Token` the request carried (set by the auth layer on job routes). */
export function jobOf(ctx: RequestContext): JobPrincipal {
  if (!ctx.job) throw new Error('job route reached without an authenticated job token')
  return ctx.job
}

/**
 * The base URL a client reaches this sandbox at, for URLs the sandbox hands out:
 * its own URL, or the request's `Host` when it listens on a wildcard address.
 */
export function publicBaseUrl(ctx: RequestContext): string {
  const { baseUrl } = ctx.services
  if (baseUrl !== null) return baseUrl
  const host = ctx.header('host')?.trim()
  return host ? `http://${host}` : 'http://127.0.0.1'
}
