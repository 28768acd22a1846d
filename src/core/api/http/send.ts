/**
 * One HTTP exchange over @actions/http-client: no redirects, no retries, a per-request
 * timeout and an AbortSignal. http-client's own helpers cannot take a signal, so the
 * request is built here and sent with `requestRaw`, which still gives us its proxy
 * agent (HTTPS_PROXY / NO_PROXY) and socket handling; Node's `http.request` accepts
 * the signal and destroys the socket when it fires.
 */
import http from 'node:http'
import https from 'node:https'
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import type { HttpClient } from '@actions/http-client'
import type { RequestInfo } from '@actions/http-client/lib/interfaces'
import { EchopointError } from '../../errors.js'
import { cancelledError, contractViolation } from './http-error.js'
import { networkError, requestTimeoutError } from './network-error.js'
import type { Redactor } from '../../redact.js'

/** Bodies above this are refused rather than buffered (no API answer comes close). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024

export interface Exchange {
  method: string
  url: URL
  headers: OutgoingHttpHeaders
  body?: string
  timeoutMs: number
  signal?: AbortSignal
  /** `METHOD /path` for errors. */
  request: string
  redact: Redactor
  /** How the user called the API URL, for hints (default `api-url`). */
  apiUrlName?: string
}

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

async function readBody(
  message: IncomingMessage,
  request: string,
  apiUrlName?: string
): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  // Async iteration rejects if the socket is destroyed mid-body (abort, timeout, reset);
  // http-client's readBody() would wait forever in that case.
  for await (const chunk of message) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY_BYTES) {
      message.destroy()
      throw contractViolation(
        request,
        message.statusCode ?? 0,
        `body larger than ${MAX_BODY_BYTES} bytes`,
        apiUrlName
      )
    }
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Sends one request and reads the whole response. Rejects with a `network` error for
 * socket/DNS/TLS failures and timeouts, `cancelled` (or the signal's typed reason)
 * when `signal` aborts.
 */
export async function sendOnce(client: HttpClient, exchange: Exchange): Promise<RawResponse> {
  const { url, signal, request } = exchange
  if (signal?.aborted) throw cancelledError(signal, request)

  // One controller for both stops: the caller's signal and our timeout. Real timers on
  // purpose: this bounds real I/O, the injected clock only governs waits.
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, exchange.timeoutMs)
  const onAbort = (): void => controller.abort()
  signal?.addEventListener('abort', onAbort, { once: true })

  const secure = url.protocol === 'https:'
  const info: RequestInfo = {
    parsedUrl: url,
    httpModule: secure ? https : http,
    options: {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : secure ? 443 : 80,
      path: url.pathname + url.search,
      method: exchange.method,
      headers: exchange.headers,
      agent: client.getAgent(url.href),
      signal: controller.signal
    }
  }
  try {
    const response = await client.requestRaw(info, exchange.body ?? null)
    const text = await readBody(response.message, request, exchange.apiUrlName)
    return { status: response.message.statusCode ?? 0, headers: response.message.headers, text }
  } catch (err) {
    if (signal?.aborted) throw cancelledError(signal, request)
    if (timedOut) throw requestTimeoutError(request, url.host, exchange.timeoutMs)
    if (err instanceof EchopointError) throw err
    throw networkError(err, request, url.host, exchange.redact, exchange.apiUrlName)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}
