/**
 * Small helpers the route handlers share: what auth established about the request.
 */
import type { RequestContext } from '../context.js'
import type { ApiKeyRecord } from '../state.js'

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
