/**
 * Maps Node socket, DNS and TLS failures to `network` EchopointErrors. The Node error
 * code (ECONNRESET, ENOTFOUND, …) is kept as the error's code so the retry policy can
 * tell transient failures from permanent ones such as a bad certificate.
 */
import { EchopointError } from '../../errors.js'
import { cleanText } from './error-body.js'
import { PROXY_AUTH_HINT, PROXY_AUTH_SUMMARY } from './http-error.js'
import type { Redactor } from '../../redact.js'

/** Code given to a request that got no answer within the per-request timeout. */
export const REQUEST_TIMEOUT_CODE = 'REQUEST_TIMEOUT'

/** Failures that say nothing about the next attempt: worth retrying an idempotent request. */
const TRANSIENT = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'HPE_INVALID_CONSTANT',
  REQUEST_TIMEOUT_CODE
])

/** True for a network error a retry may cure (not, e.g., a certificate problem). */
export function isTransientNetworkError(error: EchopointError): boolean {
  return error.kind === 'network' && (error.status === 408 || TRANSIENT.has(error.code ?? ''))
}

function describe(code: string | undefined, host: string, raw: string, apiUrlName: string): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not resolve the host ${host} (DNS ${code}); check ${apiUrlName}`
    case 'ECONNREFUSED':
      return `the connection to ${host} was refused (ECONNREFUSED)`
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return `the connection to ${host} was reset (${code})`
    case 'ETIMEDOUT':
      return `the connection to ${host} timed out (ETIMEDOUT)`
    default:
      if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
        return `TLS problem with ${host} (${code}); check ${apiUrlName} and any proxy in between`
      }
      return `network error talking to ${host}: ${raw}${code ? ` (${code})` : ''}`
  }
}

/** A `network` error for a failed exchange (the host is shown, the key never). */
export function networkError(
  err: unknown,
  request: string,
  host: string,
  redact: Redactor,
  apiUrlName = 'api-url'
): EchopointError {
  const e = err as { code?: unknown; message?: unknown }
  const raw = cleanText(typeof e?.message === 'string' ? e.message : String(err), redact, 200)
  let code = typeof e?.code === 'string' ? e.code : undefined
  // An HTTPS request through a proxy opens a tunnel (CONNECT); when the proxy refuses,
  // the tunnel agent reports "tunneling socket could not be established, statusCode=407"
  // with code ECONNRESET. Say what the proxy said instead of "connection reset".
  const tunnel = /tunneling socket could not be established,\s*statusCode=(\d{3})/i.exec(raw)
  if (tunnel) {
    const status = Number(tunnel[1])
    return new EchopointError(
      'network',
      redact(
        `${request} failed: ${status === 407 ? PROXY_AUTH_SUMMARY : `the HTTP proxy refused to open a tunnel to ${host} (HTTP ${status})`}`
      ),
      {
        code: `PROXY_${status}`,
        status: status === 407 ? 407 : undefined,
        request,
        hint: status === 407 ? PROXY_AUTH_HINT : 'Check HTTPS_PROXY and NO_PROXY',
        cause: err
      }
    )
  }
  // http-client and Node report a dropped connection as "socket hang up" with ECONNRESET,
  // but some paths leave the code off.
  if (!code && /socket hang up/i.test(raw)) code = 'ECONNRESET'
  return new EchopointError(
    'network',
    redact(`${request} failed: ${describe(code, host, raw, apiUrlName)}`),
    {
      code,
      request,
      cause: err
    }
  )
}

/** The error for an exchange that got no answer within `timeoutMs`. */
export function requestTimeoutError(
  request: string,
  host: string,
  timeoutMs: number
): EchopointError {
  const seconds = timeoutMs < 1000 ? `${timeoutMs} ms` : `${(timeoutMs / 1000).toFixed(1)}s`
  return new EchopointError(
    'network',
    `${request} failed: no response from ${host} within ${seconds} (request timeout)`,
    { code: REQUEST_TIMEOUT_CODE, request }
  )
}
