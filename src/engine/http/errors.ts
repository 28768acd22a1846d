/**
 * Why an HTTP exchange of a request node failed, as a stable code and a short
 * message a user can act on. Transport codes are those of Echopoint's runner;
 * the others are ours (see docs/engine.md, "HTTP requests").
 */

/** Transport failures, named as Echopoint's runner names them. */
export type TransportErrorCode =
  | 'DNS_RESOLUTION_FAILED'
  | 'REQUEST_TIMEOUT'
  | 'CONNECTION_REFUSED'
  | 'TLS_ERROR'
  | 'CONNECTION_FAILED'
  | 'REQUEST_FAILED'

export type HttpErrorCode =
  | TransportErrorCode
  /** The response body passed the cap (`maxBodyBytes`); reading stopped there. */
  | 'RESPONSE_TOO_LARGE'
  /** `max_http_calls_per_execution` reached: not sent. */
  | 'HTTP_CALL_LIMIT_EXCEEDED'
  /** A secret value appears in the URL (or in a redirect's URL): not sent. */
  | 'SECRET_IN_URL'
  /** A redirect to another host would carry a secret value in a header or the body: not followed. */
  | 'SECRET_HOST_NOT_ALLOWED'
  /** The request cannot be built (bad URL, scheme, method or header): not sent. */
  | 'INVALID_REQUEST'

/** `error_class` of an HTTP call record. */
export type HttpErrorClass = 'dns' | 'connect' | 'tls' | 'timeout' | 'http_4xx' | 'http_5xx'

export interface ClassifiedError {
  code: TransportErrorCode
  message: string
  errorClass?: HttpErrorClass
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'])

const CONNECT_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'EADDRINUSE',
  'ENOTCONN'
])

// OpenSSL verification codes Node reports as `err.code` on a TLS socket.
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH'
])

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function isTlsError(code: string | undefined, message: string): boolean {
  if (code === undefined) return false
  if (TLS_CODES.has(code)) return true
  if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return true
  // A plain-HTTP server answering a TLS client gives EPROTO "wrong version number".
  return code === 'EPROTO' && /ssl|tls/i.test(message)
}

/**
 * A socket-level failure turned into its code, in the order Echopoint's runner
 * checks them: DNS, timeout, refused, TLS, other network errors, then anything
 * else as REQUEST_FAILED with the original message. `host` is `host:port` as
 * the URL spells it.
 */
export function classifyTransportError(error: unknown, host: string): ClassifiedError {
  const code = errorCode(error)
  const message = errorMessage(error)
  if (code !== undefined && DNS_CODES.has(code)) {
    const name = (error as { hostname?: unknown }).hostname
    const hostname = typeof name === 'string' && name !== '' ? name : host
    return {
      code: 'DNS_RESOLUTION_FAILED',
      message: `Could not resolve host ${JSON.stringify(hostname)}`,
      errorClass: 'dns'
    }
  }
  if (code === 'ETIMEDOUT') {
    return {
      code: 'REQUEST_TIMEOUT',
      message: `Request to ${host} timed out`,
      errorClass: 'timeout'
    }
  }
  if (code === 'ECONNREFUSED') {
    return {
      code: 'CONNECTION_REFUSED',
      message: `Connection refused by ${host}`,
      errorClass: 'connect'
    }
  }
  if (isTlsError(code, message)) {
    return {
      code: 'TLS_ERROR',
      message: `TLS handshake with ${host} failed: ${message}`,
      errorClass: 'tls'
    }
  }
  if (code !== undefined && CONNECT_CODES.has(code)) {
    return {
      code: 'CONNECTION_FAILED',
      message: `Could not connect to ${host} (${code})`,
      errorClass: 'connect'
    }
  }
  if (code !== undefined && code.startsWith('HPE_')) {
    return { code: 'REQUEST_FAILED', message: `Invalid HTTP response from ${host}: ${message}` }
  }
  return { code: 'REQUEST_FAILED', message }
}
