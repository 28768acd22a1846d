/**
 * sse (docs/runner.md §3): opens a `text/event-stream` and reads its events as they
 * arrive, running the node's assertions on each one, until a stop condition:
 * `max_events` (default 100), `completion_event` (an event whose type or raw
 * data equals it), an assertion failure (when `stop_on_assertion_failure`,
 * default true), the end of the stream (`eof`), or the `timeout_ms` deadline
 * (default 30000), which is a clean stop, not a failure.
 *
 * Each event's value is its `data`, parsed as JSON when it parses, else the
 * text (multi-line data joined with "\n"), as in Echopoint's runner: the
 * runner keeps the data only, so `$.status` reads the event's payload. The
 * events are the outputs `events`, `count` and `last`.
 *
 * Memory is bounded: a line longer than 1 MiB fails the node (Echopoint's
 * scanner limit), and so does a stream passing `maxBodyBytes` (default 10 MiB).
 * Differs from Echopoint's runner: it has no cap on the whole stream.
 *
 * Events are parsed by eventsource-parser, per the SSE spec.
 * Differs from Echopoint's runner: an event with an `event:` line but no
 * `data:` line is not an event (the spec; the reference dispatches it with
 * data ""), and a lone CR ends a line (the spec; the reference splits on LF).
 *
 * The stream is one HTTP call of the execution (budget, `http_calls` record).
 * It goes over node:http/https on a fresh connection, and redirects are NOT
 * followed: a 3xx is a non-2xx answer and fails the node.
 * Differs from Echopoint's runner: Go's client follows redirects; ours refuses
 * them, as a redirect would re-send the headers (often a token) elsewhere.
 */
import http from 'node:http'
import https from 'node:https'
import { createParser, type EventSourceMessage } from 'eventsource-parser'
import { MAX_TIMER_MS } from '../../core/clock.js'
import { parseAssertions, runAssertions, type Assertion } from '../assertions.js'
import type { AssertionResult } from '../assertions.js'
import type { Subject } from '../extractors/types.js'
import { field } from '../flow/parse.js'
import { responseHeaders } from '../http/body.js'
import { statusErrorClass, type HttpCallRecord } from '../http/calls.js'
import { classifyTransportError, type HttpErrorClass } from '../http/errors.js'
import { checkTarget, headerValues, METHOD_TOKEN, pathTemplate } from '../http/url.js'
import { cancelledError } from '../run/cancel.js'
import type { NodeError, NodeOutcome, NodeRunner } from '../run/types.js'
import { toNumber, toText } from '../values.js'

export const SSE_DEFAULT_MAX_EVENTS = 100
export const SSE_DEFAULT_TIMEOUT_MS = 30_000
/** The longest line accepted, bytes (Echopoint's scanner buffer). */
export const SSE_MAX_LINE_BYTES = 1024 * 1024
const DEFAULT_MAX_STREAM_BYTES = 10 * 1024 * 1024
const MAX_HEADER_BYTES = 1024 * 1024
const DEFAULT_USER_AGENT = 'echopoint-ci'

export type SseStopReason =
  'max_events' | 'completion_event' | 'timeout' | 'eof' | 'assertion_failure'

/** How the exchange ended. */
type StreamEnd =
  | { kind: 'stop'; reason: SseStopReason; failure?: string }
  | { kind: 'status' }
  | { kind: 'broken'; message: string }
  | { kind: 'transport'; error: unknown }
  | { kind: 'cancelled' }

function positiveInteger(value: unknown, fallback: number): number {
  const n = toNumber(value)
  return n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback
}

function flag(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase()
    if (text === 'true') return true
    if (text === 'false') return false
  }
  return fallback
}

/** An event's data: JSON when it parses, else the text (`""` stays `""`). */
function eventValue(data: string): unknown {
  if (data === '') return ''
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

/**
 * Counts the bytes of the current line across chunks (CR, LF and CRLF end a
 * line) and says when one passes the cap, before the parser buffers it.
 */
class LineGuard {
  #length = 0
  constructor(readonly limit: number) {}

  /** False when a line in `chunk` (or continued by it) is longer than the limit. */
  accept(chunk: Buffer): boolean {
    let start = 0
    let nextCr = chunk.indexOf(13)
    let nextLf = chunk.indexOf(10)
    for (;;) {
      if (nextCr !== -1 && nextCr < start) nextCr = chunk.indexOf(13, start)
      if (nextLf !== -1 && nextLf < start) nextLf = chunk.indexOf(10, start)
      const end = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextCr, nextLf)
      if (end === -1) {
        this.#length += chunk.length - start
        return this.#length <= this.limit
      }
      this.#length += end - start
      if (this.#length > this.limit) return false
      this.#length = 0
      start = end + 1
    }
  }
}

function resolveExpected(assertions: Assertion[], resolve: (v: unknown) => unknown): Assertion[] {
  return assertions.map((a) =>
    a.expected === undefined ? a : { ...a, expected: resolve(a.expected) }
  )
}

export const runSse: NodeRunner = async (context): Promise<NodeOutcome> => {
  const { node, resolve, clock, signal, options } = context
  const data = node.data
  const began = clock.now()
  const since = (from: number): number => Math.max(0, Math.round(clock.now() - from))

  // Configuration: templates resolved; a TemplateError fails the node before anything is sent.
  const methodValue = resolve(data.method ?? 'GET')
  const method = (typeof methodValue === 'string' ? methodValue.trim() : '').toUpperCase() || 'GET'
  const urlTemplate = typeof data.url === 'string' ? data.url : undefined
  const urlValue = resolve(data.url)
  const urlText = typeof urlValue === 'string' ? urlValue.trim() : ''
  const givenHeaders = headerValues(resolve(data.headers ?? {}))
  const maxEvents = positiveInteger(
    resolve(field(data, 'max_events', 'maxEvents')),
    SSE_DEFAULT_MAX_EVENTS
  )
  const timeoutMs = positiveInteger(
    resolve(field(data, 'timeout_ms', 'timeoutMs')),
    SSE_DEFAULT_TIMEOUT_MS
  )
  const completionValue = resolve(field(data, 'completion_event', 'completionEvent'))
  const completionEvent =
    completionValue === undefined || completionValue === null || completionValue === ''
      ? undefined
      : toText(completionValue)
  const stopOnFailure = flag(
    resolve(field(data, 'stop_on_assertion_failure', 'stopOnAssertionFailure')),
    true
  )
  const maxBytes =
    options.maxBodyBytes !== undefined && options.maxBodyBytes >= 0
      ? options.maxBodyBytes
      : DEFAULT_MAX_STREAM_BYTES

  const events: unknown[] = []
  const assertionResults: AssertionResult[] = []
  let stopReason: SseStopReason | undefined
  const fields = (): Record<string, unknown> => ({
    request_method: method,
    request_url: urlText,
    events,
    event_count: events.length,
    ...(stopReason !== undefined ? { stop_reason: stopReason } : {}),
    duration_ms: since(began)
  })
  const refuse = (code: string, message: string): NodeOutcome => ({
    error: { code, message },
    fields: fields()
  })

  let assertions: Assertion[]
  try {
    assertions = parseAssertions(node.assertions)
  } catch (error) {
    return refuse('ASSERTION_FAILED', (error as Error).message)
  }
  // Expected values are resolved once for the whole stream.
  assertions = resolveExpected(assertions, (v) => resolve(v))

  if (!METHOD_TOKEN.test(method)) {
    return refuse('SSE_FAILED', `invalid HTTP method ${JSON.stringify(method)}`)
  }
  if (urlText === '') return refuse('SSE_FAILED', 'the SSE node has no URL')
  const target = checkTarget(urlText, context.secretValues(), 'SSE')
  if (!('url' in target)) {
    return refuse(target.kind === 'secret' ? 'SECRET_IN_URL' : 'SSE_FAILED', target.message)
  }
  const url = target.url
  // Echopoint's runner sets these two, then the node's headers over them.
  const headers: Record<string, string> = {
    Accept: 'text/event-stream',
    'Cache-Control': 'no-cache'
  }
  for (const [name, value] of Object.entries(givenHeaders)) {
    try {
      http.validateHeaderName(name)
      http.validateHeaderValue(name, value)
    } catch {
      return refuse('SSE_FAILED', `invalid header ${JSON.stringify(name)}`)
    }
    for (const existing of Object.keys(headers)) {
      if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing]
    }
    headers[name] = value
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')) {
    headers['User-Agent'] = options.userAgent ?? DEFAULT_USER_AGENT
  }
  if (method !== 'GET' && method !== 'HEAD') headers['Content-Length'] = '0'

  if (signal.aborted) return { error: cancelledError(), fields: fields() }
  const seq = context.calls.reserve()
  if (seq === undefined) {
    return refuse(
      'HTTP_CALL_LIMIT_EXCEEDED',
      `the execution reached its limit of ${context.calls.limit} HTTP calls; this stream was not opened`
    )
  }

  // The exchange.
  const start = clock.now()
  let status: number | undefined
  let streamHeaders: Record<string, string[]> = {}
  let received = 0
  const end = await new Promise<StreamEnd>((settle) => {
    let settled = false
    let stop: StreamEnd | undefined
    const transport = url.protocol === 'https:' ? https : http
    const req = transport.request(url, {
      method,
      headers,
      agent: false,
      maxHeaderSize: MAX_HEADER_BYTES
    })
    const finish = (outcome: StreamEnd): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      req.destroy()
      settle(outcome)
    }
    const timer = setTimeout(
      () => finish({ kind: 'stop', reason: 'timeout' }),
      Math.min(timeoutMs, MAX_TIMER_MS)
    )
    const onAbort = (): void => finish({ kind: 'cancelled' })
    signal.addEventListener('abort', onAbort, { once: true })

    const onEvent = (message: EventSourceMessage): void => {
      if (stop !== undefined) return
      const value = eventValue(message.data)
      events.push(value)
      const index = events.length - 1
      if (assertions.length > 0) {
        // Differs from Echopoint's runner: the subject also carries the stream's
        // status and headers (the reference gives the event value alone).
        const subject: Subject = { statusCode: status, headers: streamHeaders, body: value }
        const run = runAssertions(assertions, subject)
        // As in Echopoint's runner, `index` carries the event's index.
        for (const result of run.results) assertionResults.push({ ...result, index })
        if (!run.passed && stopOnFailure) {
          stop = {
            kind: 'stop',
            reason: 'assertion_failure',
            failure: `event ${index} ${run.message ?? 'an assertion failed'}`
          }
          return
        }
      }
      if (
        completionEvent !== undefined &&
        (message.event === completionEvent || message.data === completionEvent)
      ) {
        stop = { kind: 'stop', reason: 'completion_event' }
        return
      }
      if (events.length >= maxEvents) stop = { kind: 'stop', reason: 'max_events' }
    }
    const parser = createParser({ onEvent })
    const decoder = new TextDecoder('utf-8')
    const lines = new LineGuard(SSE_MAX_LINE_BYTES)

    req.on('error', (error) => {
      if (status === undefined) finish({ kind: 'transport', error })
      else finish({ kind: 'broken', message: `SSE stream read error: ${error.message}` })
    })
    req.on('response', (res) => {
      status = res.statusCode ?? 0
      streamHeaders = responseHeaders(res)
      if (status < 200 || status >= 300) {
        finish({ kind: 'status' })
        return
      }
      res.on('data', (chunk: Buffer) => {
        if (settled) return
        received += chunk.length
        if (received > maxBytes) {
          finish({
            kind: 'broken',
            message: `the event stream from ${url.host} passed the ${maxBytes}-byte limit; reading stopped`
          })
          return
        }
        if (!lines.accept(chunk)) {
          finish({
            kind: 'broken',
            message: `the event stream from ${url.host} sent a line longer than ${SSE_MAX_LINE_BYTES} bytes; reading stopped`
          })
          return
        }
        parser.feed(decoder.decode(chunk, { stream: true }))
        if (stop !== undefined) finish(stop)
      })
      res.on('end', () => finish({ kind: 'stop', reason: 'eof' }))
      res.on('error', (error: Error) =>
        finish({ kind: 'broken', message: `SSE stream read error: ${error.message}` })
      )
      res.on('close', () => {
        if (!res.complete) {
          finish({
            kind: 'broken',
            message: 'SSE stream read error: the connection closed mid-stream'
          })
        }
      })
    })
    if (signal.aborted) {
      onAbort()
      return
    }
    req.end()
  })

  // The call record.
  let errorClass: HttpErrorClass | undefined
  let error: NodeError | undefined
  switch (end.kind) {
    case 'stop':
      stopReason = end.reason
      if (status === undefined) errorClass = 'timeout' // the deadline passed before the answer
      if (end.failure !== undefined) error = { code: 'SSE_FAILED', message: end.failure }
      break
    case 'status': {
      const redirect = status! >= 300 && status! < 400 ? ' (redirects are not followed)' : ''
      error = {
        code: 'SSE_FAILED',
        message: `SSE endpoint returned non-2xx status: ${status}${redirect}`
      }
      break
    }
    case 'broken':
      stopReason = 'eof'
      error = { code: 'SSE_FAILED', message: end.message }
      break
    case 'transport': {
      // Differs from Echopoint's runner: a transport failure has its own code
      // (CONNECTION_REFUSED, DNS_RESOLUTION_FAILED, …), as in the request node;
      // the reference reports every SSE failure as SSE_FAILED.
      const classified = classifyTransportError(end.error, url.host)
      errorClass = classified.errorClass
      error = { code: classified.code, message: `SSE connection failed: ${classified.message}` }
      break
    }
    case 'cancelled':
      error = cancelledError()
      break
  }
  if (status !== undefined) errorClass ??= statusErrorClass(status)
  const record: HttpCallRecord = {
    seq,
    node_id: node.id,
    method,
    host: url.host,
    path_template: pathTemplate(urlTemplate, url),
    ...(status !== undefined ? { status_code: status } : {}),
    ...(errorClass !== undefined ? { error_class: errorClass } : {}),
    started_at: new Date(start).toISOString(),
    duration_ms: since(start),
    ...(status !== undefined ? { response_bytes: received } : {})
  }
  context.calls.add(record)

  const opened = status !== undefined && status >= 200 && status < 300
  const last = events.length > 0 ? events[events.length - 1] : null
  // Differs from Echopoint's runner: a failed stream keeps the events it read
  // as outputs (an `always` step can look at them); the reference gives a
  // failed sse node no outputs.
  const intrinsic = opened || events.length > 0 ? { events, count: events.length, last } : undefined
  const ranAssertions = assertions.length > 0 ? { assertionResults } : {}
  if (error !== undefined) {
    return {
      error,
      fields: fields(),
      ...(intrinsic ? { intrinsic } : {}),
      ...ranAssertions
    }
  }
  return {
    fields: fields(),
    intrinsic: { events, count: events.length, last },
    ...ranAssertions,
    // The assertions ran per event above. Declared outputs read the last event
    // (null when none came), with the stream's status and headers.
    subject: { statusCode: status, headers: streamHeaders, body: last }
  }
}
