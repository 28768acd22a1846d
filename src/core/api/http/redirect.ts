/**
 * Redirects are followed here, not by http-client: it would follow them to any host
 * and strip only `Authorization`, so `X-Api-Key` would go along. We follow only within
 * the configured origin (scheme, host and port), which also rules out https → http.
 */
import { EchopointError } from '../../errors.js'

/** Statuses that redirect (RFC 9110 §15.4). 300 and 304 are not automatic redirects. */
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** Most redirects followed for one request. */
export const MAX_REDIRECTS = 5

function refuse(message: string, request: string, status: number): EchopointError {
  return new EchopointError('contract', message, { status, request })
}

/**
 * Where a redirect may be followed to, or a `contract` error saying why not.
 * Messages name origins only: never a path, a query or the key.
 */
export function redirectTarget(
  current: URL,
  status: number,
  location: string | undefined,
  method: string,
  allowedOrigin: string,
  request: string,
  apiUrlName = 'api-url'
): URL {
  const HINT = `Set ${apiUrlName} to the final address`
  if (!location) {
    throw refuse(
      `${request}: the API answered ${status} without a Location header. ${HINT}.`,
      request,
      status
    )
  }
  let target: URL
  try {
    // A relative Location resolves against the request URL (RFC 9110 §10.2.2).
    target = new URL(location, current)
  } catch {
    throw refuse(
      `${request}: the API redirected (${status}) to an invalid address. ${HINT}.`,
      request,
      status
    )
  }
  if (current.protocol === 'https:' && target.protocol !== 'https:') {
    throw refuse(
      `The API at ${current.origin} redirected from https to ${target.protocol}//${target.host}; the API key is never sent over plain http. ${HINT}.`,
      request,
      status
    )
  }
  if (target.origin !== allowedOrigin) {
    throw refuse(
      `The API at ${allowedOrigin} redirected to ${target.origin}; the API key is only sent to the configured ${apiUrlName} host. ${HINT}.`,
      request,
      status
    )
  }
  // 301/302 turn a POST into a GET in practice and 303 does so by definition
  // (RFC 9110 §15.4.2-4); a launch must never silently become a GET, so only 307/308
  // (which keep the method and body) are followed for POST.
  if (method !== 'GET' && status !== 307 && status !== 308) {
    throw refuse(
      `${request}: the API answered ${status}, which would turn the ${method} into a GET. ${HINT}.`,
      request,
      status
    )
  }
  target.username = ''
  target.password = ''
  target.hash = ''
  return target
}
