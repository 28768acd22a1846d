/**
 * The HTTP layer of a request node: sends one already-resolved request and
 * reads the whole response, within one timeout, under a body cap, with
 * cancellation, the call budget and the call record. Templates are resolved
 * by the caller; nothing here redacts (the caller's redactor does).
 *
 * Any HTTP status is a successful exchange (`kind: 'response'`); only
 * transport failures and our own refusals are errors. See docs/engine.md,
 * "HTTP requests".
 *
 * Over 300 lines on purpose: one exchange (refusals, the redirect loop, the
 * timeout, the body cap, cancellation and the call record) is one sequence.
 */
import http from 'node:http'
import https from 'node:https'
import { encodeRequestBody, parseResponseBody, responseHeaders } from './body.js'
import { HttpCallLog, statusErrorClass } from './calls.js'
import type { HttpCallRecord } from './calls.js'
import { classifyTransportError } from './errors.js'
import type { HttpErrorClass, HttpErrorCode } from './errors.js'
import { appendQuery, checkTarget, METHOD_TOKEN, pathTemplate, urlContainsSecret } from './url.js'

export { HttpCallLog, statusErrorClass } from './calls.js'
export type { HttpCallRecord } from './calls.js'
export type { HttpErrorClass, HttpErrorCode, TransportErrorCode } from './errors.js'

/** Used when a node has no timeout, or one ≤ 0, as in Echopoint's runner. */
export const DEFAULT_TIMEOUT_MS = 30_000
/** Default response body cap: 10 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
/** Redirects followed before failing, as Go's HTTP client. */
export const MAX_REDIRECTS = 10
/** Response header block limit, Go's default (Node's own is 16 KiB). */
const MAX_HEADER_BYTES = 1024 * 1024
const DEFAULT_USER_AGENT = 'echopoint-ci'

/** A request node's `data`, templates already resolved. */
export interface HttpRequestSpec {
  /** Any case; sent uppercased. Empty means GET. */
  method: string
  url: string
  headers?: Record<string, string>
  /** `query_params` / `queryParams`: appended to the URL's query, URL-encoded. */
  query?: Record<string, unknown>
  /** A string is sent as is; any other value (not null) as JSON. */
  body?: unknown
  /** Milliseconds for the whole exchange; absent or ≤ 0 → 30000. */
  timeoutMs?: number
}

export interface HttpOptions {
  nodeId: string
  /** The unresolved `data.url`, for the record's `path_template`. */
  urlTemplate?: string
  signal?: AbortSignal
  /** Response body cap in bytes; default 10 MiB. */
  maxBodyBytes?: number
  /** Secret values: a URL holding one is refused (`SECRET_IN_URL`). */
  secrets?: readonly string[]
  /** The execution's call log and budget. */
  calls: HttpCallLog
  /** Clock in ms (default `Date.now`), for `started_at` and durations. */
  now?: () => number
  /** Sent when the request has no User-Agent; default `echopoint-ci`. */
  userAgent?: string
}

export interface HttpResponseOutcome {
  kind: 'response'
  status: number
  /** Go's canonical names (`Content-Type`), each with every value received. */
  headers: Record<string, string[]>
  bodyBytes: Buffer
  /** Parsed JSON for a JSON Content-Type that parses, else the text. */
  body: unknown
  /** The URL requested, query included. */
  url: string
  /** The URL that answered, after redirects (`url` when there were none). */
  finalUrl: string
  redirects: number
  method: string
  /** The headers given, plus the Content-Type we added for a JSON body. */
  requestHeaders: Record<string, string>
  requestBody?: string
  durationMs: number
  /** This call's entry in the log. */
  call: HttpCallRecord
}

export interface HttpErrorOutcome {
  kind: 'error'
  code: HttpErrorCode
  message: string
  durationMs: number
  /** Set when a status line had arrived before the failure (body cap, timeout mid-body). */
  status?: number
  /** This call's entry in the log; absent when nothing was sent. */
  call?: HttpCallRecord
}

export interface HttpCancelledOutcome {
  kind: 'cancelled'
  durationMs: number
  call?: HttpCallRecord
}

export type HttpOutcome = HttpResponseOutcome | HttpErrorOutcome | HttpCancelledOutcome

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
// Dropped on a redirect to another domain, as Go does.
const SENSITIVE_HEADERS = new Set([
  'authorization',
  'www-authenticate',
  'cookie',
  'cookie2',
  'proxy-authorization',
  'proxy-authenticate'
])
// Computed for each hop from the body actually sent.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding'])

class BodyTooLarge extends Error {
  constructor(
    readonly received: number,
    readonly limit: number,
    readonly declared: boolean
  ) {
    super('response body too large')
  }
}

class IncompleteBody extends Error {
  constructor() {
    super('the connection closed before the response body was complete')
  }
}

/** A failure after the status line: the status is kept for the record. */
class AfterStatus extends Error {
  constructor(
    readonly status: number,
    readonly received: number,
    readonly failure: unknown
  ) {
    super('failed after status')
  }
}

interface Hop {
  status: number
  headers: Record<string, string[]>
  /** Set for a redirect to follow; the body was not read. */
  location?: string
  bytes?: Buffer
}

interface Stop {
  reason: 'timeout' | 'cancelled'
}

function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value
  return undefined
}

function isSameOrSubdomain(child: string, parent: string): boolean {
  const a = child.toLowerCase()
  const b = parent.toLowerCase()
  return a === b || a.endsWith(`.${b}`)
}

/**
 * One request on a fresh connection. Resolves with the status and, for a
 * redirect, its Location (the body is not read), else the whole body; rejects
 * with the transport error, BodyTooLarge, IncompleteBody, or AfterStatus
 * wrapping one of them once a status has arrived.
 */
function sendHop(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  maxBodyBytes: number,
  stop: AbortSignal
): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    let settled = false
    let status: number | undefined
    let received = 0
    const transport = target.protocol === 'https:' ? https : http
    const req = transport.request(target, {
      method,
      headers,
      agent: false,
      maxHeaderSize: MAX_HEADER_BYTES
    })
    const finish = (error: unknown, hop?: Hop): void => {
      if (settled) return
      settled = true
      stop.removeEventListener('abort', onStop)
      if (hop !== undefined) resolve(hop)
      else reject(status === undefined ? error : new AfterStatus(status, received, error))
      if (error !== undefined) req.destroy()
    }
    const onStop = (): void => finish(new Error('stopped'))
    stop.addEventListener('abort', onStop, { once: true })

    req.on('error', (error) => finish(error))
    req.on('response', (res) => {
      status = res.statusCode ?? 0
      const answered = responseHeaders(res)
      const location = res.headers.location
      if (REDIRECT_STATUSES.has(status) && location !== undefined && location !== '') {
        finish(undefined, { status, headers: answered, location })
        res.destroy()
        req.destroy()
        return
      }
      const declared = Number(res.headers['content-length'])
      if (Number.isFinite(declared) && declared > maxBodyBytes) {
        finish(new BodyTooLarge(0, maxBodyBytes, true))
        return
      }
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => {
        if (settled) return
        received += chunk.length
        if (received > maxBodyBytes) {
          finish(new BodyTooLarge(received, maxBodyBytes, false))
          return
        }
        chunks.push(chunk)
      })
      res.on('end', () => {
        finish(undefined, {
          status: status!,
          headers: answered,
          bytes: Buffer.concat(chunks)
        })
      })
      res.on('error', (error: NodeJS.ErrnoException) => {
        // Node reports a connection closed mid-body as ECONNRESET "aborted".
        finish(
          error.code === 'ECONNRESET' && error.message === 'aborted' ? new IncompleteBody() : error
        )
      })
      res.on('close', () => {
        if (!res.complete) finish(new IncompleteBody())
      })
    })
    if (stop.aborted) {
      onStop()
      return
    }
    req.end(body)
  })
}

/**
 * Sends one request node's HTTP request and reads its response.
 *
 * Never throws: every outcome is a value. Refusals (`INVALID_REQUEST`,
 * `SECRET_IN_URL`, `HTTP_CALL_LIMIT_EXCEEDED`) and a signal aborted before the
 * start send nothing and add no record; anything sent adds one record to
 * `options.calls`, redirects included in the same call.
 */
export async function sendRequest(
  spec: HttpRequestSpec,
  options: HttpOptions
): Promise<HttpOutcome> {
  const now = options.now ?? Date.now
  const begin = now()
  const since = (from: number): number => Math.max(0, Math.round(now() - from))
  const refuse = (code: HttpErrorCode, message: string): HttpErrorOutcome => ({
    kind: 'error',
    code,
    message,
    durationMs: since(begin)
  })

  // Build the request; nothing is sent until it is complete and allowed.
  const method = (typeof spec.method === 'string' ? spec.method.trim() : '').toUpperCase() || 'GET'
  if (!METHOD_TOKEN.test(method))
    return refuse('INVALID_REQUEST', `invalid HTTP method ${JSON.stringify(spec.method)}`)
  if (typeof spec.url !== 'string' || spec.url.trim() === '') {
    return refuse('INVALID_REQUEST', 'the request has no URL')
  }
  const urlText = appendQuery(spec.url.trim(), spec.query)
  const target = checkTarget(urlText, options.secrets, 'request')
  if (!('url' in target)) {
    return refuse(target.kind === 'secret' ? 'SECRET_IN_URL' : 'INVALID_REQUEST', target.message)
  }
  const url = target.url
  const requestHeaders: Record<string, string> = {}
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    const text = typeof value === 'string' ? value : String(value)
    try {
      http.validateHeaderName(name)
      http.validateHeaderValue(name, text)
    } catch {
      return refuse('INVALID_REQUEST', `invalid header ${JSON.stringify(name)}`)
    }
    requestHeaders[name] = text
  }
  let encoded
  try {
    encoded = encodeRequestBody(spec.body)
  } catch (error) {
    return refuse('INVALID_REQUEST', `the body cannot be sent: ${(error as Error).message}`)
  }
  if (
    encoded?.contentType !== undefined &&
    findHeader(requestHeaders, 'content-type') === undefined
  ) {
    requestHeaders['Content-Type'] = encoded.contentType
  }
  const timeoutMs =
    typeof spec.timeoutMs === 'number' && Number.isFinite(spec.timeoutMs) && spec.timeoutMs > 0
      ? spec.timeoutMs
      : DEFAULT_TIMEOUT_MS
  const maxBodyBytes =
    options.maxBodyBytes !== undefined && options.maxBodyBytes >= 0
      ? options.maxBodyBytes
      : DEFAULT_MAX_BODY_BYTES

  if (options.signal?.aborted === true) return { kind: 'cancelled', durationMs: since(begin) }
  const seq = options.calls.reserve()
  if (seq === undefined) {
    return refuse(
      'HTTP_CALL_LIMIT_EXCEEDED',
      `the execution reached its limit of ${options.calls.limit} HTTP calls; this request was not sent`
    )
  }

  // Send, following redirects, under one deadline and one cancellation.
  const start = now()
  const record: HttpCallRecord = {
    seq,
    node_id: options.nodeId,
    method,
    host: url.host,
    path_template: pathTemplate(options.urlTemplate, url),
    started_at: new Date(start).toISOString(),
    duration_ms: 0
  }
  const done = (fields: {
    status?: number
    errorClass?: HttpErrorClass
    bytes?: number
  }): HttpCallRecord => {
    if (fields.status !== undefined) record.status_code = fields.status
    const errorClass =
      fields.errorClass ??
      (fields.status !== undefined ? statusErrorClass(fields.status) : undefined)
    if (errorClass !== undefined) record.error_class = errorClass
    if (fields.bytes !== undefined) record.response_bytes = fields.bytes
    record.duration_ms = since(start)
    options.calls.add(record)
    return { ...record }
  }

  const controller = new AbortController()
  let stopped: Stop | undefined
  const halt = (reason: Stop['reason']): void => {
    if (stopped !== undefined) return
    stopped = { reason }
    controller.abort()
  }
  const timer = setTimeout(() => halt('timeout'), timeoutMs)
  const onCancel = (): void => halt('cancelled')
  options.signal?.addEventListener('abort', onCancel, { once: true })

  let hopUrl = url
  let hopMethod = method
  let hopHeadersSent = { ...requestHeaders }
  let hopBody = encoded?.text
  let redirects = 0
  try {
    for (;;) {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(hopHeadersSent)) {
        if (!FRAMING_HEADERS.has(name.toLowerCase())) headers[name] = value
      }
      if (findHeader(headers, 'user-agent') === undefined)
        headers['User-Agent'] = options.userAgent ?? DEFAULT_USER_AGENT
      if (hopBody !== undefined) headers['Content-Length'] = String(Buffer.byteLength(hopBody))
      const hop = await sendHop(
        hopUrl,
        hopMethod,
        headers,
        hopBody,
        maxBodyBytes,
        controller.signal
      )
      if (hop.location === undefined) {
        const bytes = hop.bytes ?? Buffer.alloc(0)
        const contentType = hop.headers['Content-Type']?.[0]
        return {
          kind: 'response',
          status: hop.status,
          headers: hop.headers,
          bodyBytes: bytes,
          body: parseResponseBody(bytes, contentType),
          url: urlText,
          finalUrl: hopUrl.href,
          redirects,
          method,
          requestHeaders,
          ...(encoded !== undefined ? { requestBody: encoded.text } : {}),
          durationMs: since(start),
          call: done({ status: hop.status, bytes: bytes.length })
        }
      }

      // A redirect: Go's rules (see docs/engine.md).
      const fail = (code: HttpErrorCode, message: string): HttpErrorOutcome => ({
        kind: 'error',
        code,
        message,
        status: hop.status,
        durationMs: since(start),
        call: done({ status: hop.status })
      })
      if (redirects >= MAX_REDIRECTS) {
        return fail('REQUEST_FAILED', `stopped after ${MAX_REDIRECTS} redirects`)
      }
      let next: URL
      try {
        next = new URL(hop.location, hopUrl)
      } catch {
        return fail(
          'REQUEST_FAILED',
          `failed to parse the Location header of a ${hop.status} redirect`
        )
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return fail(
          'REQUEST_FAILED',
          `a ${hop.status} redirect points to an unsupported scheme ${next.protocol}`
        )
      }
      if (urlContainsSecret(next.href, options.secrets)) {
        return fail(
          'SECRET_IN_URL',
          `a ${hop.status} redirect would put a secret value in the URL; not followed`
        )
      }
      const keepBody = hop.status === 307 || hop.status === 308
      if (!keepBody) {
        if (hopMethod !== 'GET' && hopMethod !== 'HEAD') hopMethod = 'GET'
        hopBody = undefined
      }
      const sameDomain = isSameOrSubdomain(next.hostname, hopUrl.hostname)
      const nextHeaders: Record<string, string> = {}
      for (const [name, value] of Object.entries(hopHeadersSent)) {
        const lower = name.toLowerCase()
        if (!sameDomain && SENSITIVE_HEADERS.has(lower)) continue
        if (hopBody === undefined && lower === 'content-type') continue
        nextHeaders[name] = value
      }
      if (next.hostname.toLowerCase() !== hopUrl.hostname.toLowerCase()) {
        const carried = [...Object.values(nextHeaders), hopBody ?? '']
        const leaks = (options.secrets ?? []).some(
          (secret) => secret !== '' && carried.some((text) => text.includes(secret))
        )
        if (leaks) {
          return fail(
            'SECRET_HOST_NOT_ALLOWED',
            `a ${hop.status} redirect to ${next.host} would send a secret value to another host; not followed`
          )
        }
      }
      hopUrl = next
      hopHeadersSent = nextHeaders
      redirects += 1
    }
  } catch (error) {
    const status = error instanceof AfterStatus ? error.status : undefined
    const received = error instanceof AfterStatus ? error.received : undefined
    const cause = error instanceof AfterStatus ? error.failure : error
    const withStatus = status !== undefined ? { status } : {}
    if (stopped?.reason === 'cancelled') {
      return {
        kind: 'cancelled',
        durationMs: since(start),
        call: done({ ...withStatus, bytes: received })
      }
    }
    if (stopped?.reason === 'timeout') {
      return {
        kind: 'error',
        code: 'REQUEST_TIMEOUT',
        message: `Request to ${hopUrl.host} timed out after ${timeoutMs} ms`,
        ...withStatus,
        durationMs: since(start),
        call: done({ ...withStatus, errorClass: 'timeout', bytes: received })
      }
    }
    if (cause instanceof BodyTooLarge) {
      const what = cause.declared
        ? `declares a body larger than the ${cause.limit}-byte limit`
        : `body passed the ${cause.limit}-byte limit; reading stopped`
      return {
        kind: 'error',
        code: 'RESPONSE_TOO_LARGE',
        message: `the response from ${hopUrl.host} ${what}`,
        ...withStatus,
        durationMs: since(start),
        call: done({ ...withStatus, bytes: cause.received })
      }
    }
    if (cause instanceof IncompleteBody) {
      return {
        kind: 'error',
        code: 'REQUEST_FAILED',
        message: `Response from ${hopUrl.host} incomplete: ${cause.message}`,
        ...withStatus,
        durationMs: since(start),
        call: done({ ...withStatus, bytes: received })
      }
    }
    const classified = classifyTransportError(cause, hopUrl.host)
    return {
      kind: 'error',
      code: classified.code,
      message: classified.message,
      ...withStatus,
      durationMs: since(start),
      call: done({
        ...withStatus,
        ...(classified.errorClass ? { errorClass: classified.errorClass } : {}),
        bytes: received
      })
    }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onCancel)
  }
}
