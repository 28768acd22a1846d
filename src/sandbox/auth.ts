/**
 * Authentication and authorization (docs/api-contract.md part A, Authentication):
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
 *
 * Job routes (`auth: 'job'`: heartbeat, events, complete, webhook-requests; docs/runner.md
 * §1.1) take the claim's `X-Job-Token` and nothing else, as strictly as the API:
 *
 * - any `X-Api-Key` (with or without a token) → 401 API_KEY_NOT_ACCEPTED;
 * - a missing token → 401 UNAUTHORIZED; an unknown one → 401 UNAUTHORIZED;
 * - an `X-Organization-ID` header → 400 VALIDATION_ERROR (the token names the
 *   organization; a client that sends it there is not speaking the protocol);
 * - a `{jobId}` in the path that is not the token's job → 403 FORBIDDEN, whether or
 *   not that job exists (a token never learns about other jobs).
 *
 * The token stays valid after its job ends: the route answers what the state says
 * (a heartbeat `rejected`, a completion replay 204, a late event 409).
 * A job token on a key route is no credential at all: 401, missing X-Api-Key.
 * Routes with `auth: 'none'` (the webhook ingest) are open.
 */
import { errorResponse } from './context.js'
import { ApiError, forbidden, insufficientScope, unauthorized, validationError } from './errors.js'
import type { JobPrincipal, RequestContext, SandboxLayer, SandboxResponse } from './types/http.js'
import type { ApiKeyRecord } from './types/records.js'
import { iso, uuidParam } from './validate.js'

/**
 * The format `X-Api-Key` must have; anything else is a 401 "malformed". The
 * fixtures schema requires the same of every key (a test keeps the two equal).
 */
export const API_KEY_PATTERN = /^epk_(live|test)_[A-Za-z0-9_]{6,}$/

/** The header carrying the key's expiry (part B.1). */
export const EXPIRES_AT_HEADER = 'x-api-key-expires-at'

/** The header of the job routes' credential (the claim's `job_token`). */
export const JOB_TOKEN_HEADER = 'x-job-token'

function authenticate(ctx: RequestContext): ApiKeyRecord {
  const secret = ctx.header('x-api-key')?.trim()
  if (!secret) {
    if (ctx.header(JOB_TOKEN_HEADER) !== undefined) {
      throw unauthorized(
        'Missing X-Api-Key header: a job token (X-Job-Token) is accepted only on the /runner/jobs/… routes'
      )
    }
    throw unauthorized('Missing X-Api-Key header')
  }
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

/** The job an `X-Job-Token` belongs to, checked against the path's `{jobId}`. */
function authenticateJob(ctx: RequestContext): JobPrincipal {
  if (ctx.header('x-api-key') !== undefined) {
    // Never echo the key back; say what to send instead.
    throw new ApiError(
      401,
      'API_KEY_NOT_ACCEPTED',
      'Job routes authenticate with X-Job-Token only: send the job_token from the claim and no X-Api-Key'
    )
  }
  const token = ctx.header(JOB_TOKEN_HEADER)?.trim()
  if (!token) throw unauthorized('Missing X-Job-Token header (the job_token from the claim)')
  const record = ctx.services.state.executionByJobToken(token)
  const claim = record?.claim
  if (!record || !claim) throw unauthorized('Invalid job token')
  if (ctx.header('x-organization-id') !== undefined) {
    throw validationError(
      'X-Organization-ID',
      'Job routes take no X-Organization-ID header: the job token names the organization'
    )
  }
  const principal: JobPrincipal = { jobId: claim.jobId, record, claim }
  // Logged even when refused below: which job's token came.
  ctx.annotations.jobId = claim.jobId
  const pathJobId = ctx.route?.params.jobId
  if (pathJobId !== undefined && uuidParam(pathJobId, 'jobId') !== principal.jobId) {
    throw forbidden('The job token belongs to another job: a job token speaks for its own job only')
  }
  return principal
}

/** The pipeline's auth layer (after the router, which supplies the route's scope). */
export function authLayer(): SandboxLayer {
  return {
    name: 'auth',
    handle: async (ctx, next) => {
      const mode = ctx.route?.definition.auth ?? 'key'
      if (mode === 'none') return next()
      if (mode === 'job') {
        const job = authenticateJob(ctx)
        ctx.job = job
        ctx.organizationId = job.record.organizationId
        return next()
      }
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
