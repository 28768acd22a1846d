/**
 * Authentication and authorization (contract.md part A, Authentication):
 *
 * - 401 for a missing, malformed, unknown, expired or revoked `X-Api-Key`;
 *   scopes are not consulted for these.
 * - 400 when `X-Organization-ID` is missing or blank (every path but
 *   `GET /api-keys/self`), 403 when it names an organization the key is not in.
 * - 403 INSUFFICIENT_SCOPE when the key lacks the route's scope.
 *
 * Once the key is known, every answer (errors included) carries
 * `X-Api-Key-Expires-At` when the key expires (part B.1), so a client can warn
 * about expiry from any response.
 */
import { errorResponse } from './context.js'
import { forbidden, insufficientScope, unauthorized, validationError } from './errors.js'
import type { RequestContext, SandboxLayer, SandboxResponse } from './types/http.js'
import type { ApiKeyRecord } from './types/records.js'
import { iso } from './validate.js'

/**
 * The format `X-Api-Key` must have; anything else is a 401 "malformed". The
 * fixtures schema requires the same of every key (a test keeps the two equal).
 */
export const API_KEY_PATTERN = /^epk_(live|test)_[A-Za-z0-9_]{6,}$/

/** The header carrying the key's expiry (part B.1). */
export const EXPIRES_AT_HEADER = 'x-api-key-expires-at'

function authenticate(ctx: RequestContext): ApiKeyRecord {
  const secret = ctx.header('x-api-key')?.trim()
  if (!secret) throw unauthorized('Missing X-Api-Key header')
  // Never echo the key back: it may be a real secret pasted into the wrong place.
  if (!API_KEY_PATTERN.test(secret))
    throw unauthorized('Malformed API key: expected a key like epk_live_…')
  const key = ctx.services.state.keyBySecret(secret)
  if (!key) throw unauthorized('Invalid API key')
  if (key.revoked) throw unauthorized('The API key has been revoked')
  if (key.expiresAt !== null && key.expiresAt <= ctx.receivedAt) {
    throw unauthorized(`The API key expired at ${iso(key.expiresAt)}`)
  }
  return key
}

function authorize(ctx: RequestContext, key: ApiKeyRecord): void {
  const route = ctx.route?.definition
  if (!route) throw new Error('auth layer reached without a matched route')
  if (route.orgHeader) {
    const org = ctx.header('x-organization-id')?.trim()
    if (!org) {
      throw validationError(
        'X-Organization-ID',
        'The X-Organization-ID header is required and must not be blank'
      )
    }
    if (org !== key.organizationId) {
      throw forbidden(`The API key does not belong to organization "${org}"`)
    }
    ctx.organizationId = org
  } else {
    ctx.organizationId = key.organizationId
  }
  if (route.scope !== null && !key.permissions.includes(route.scope)) {
    throw insufficientScope(route.scope)
  }
}

function withExpiryHeader(
  ctx: RequestContext,
  key: ApiKeyRecord,
  response: SandboxResponse
): SandboxResponse {
  if (!ctx.services.extensions.keyIntrospection || key.expiresAt === null) return response
  return { ...response, headers: { ...response.headers, [EXPIRES_AT_HEADER]: iso(key.expiresAt) } }
}

/** The pipeline's auth layer (after the router, which supplies the route's scope). */
export function authLayer(): SandboxLayer {
  return {
    name: 'auth',
    handle: async (ctx, next) => {
      const key = authenticate(ctx)
      ctx.apiKey = key
      let response: SandboxResponse
      try {
        authorize(ctx, key)
        response = await next()
      } catch (err) {
        response = errorResponse(err)
      }
      return withExpiryHeader(ctx, key, response)
    }
  }
}
