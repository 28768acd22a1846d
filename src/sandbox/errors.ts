/**
 * The Echopoint error envelope (docs/api-contract.md part A, "Error envelope"):
 * `{"errors":[{"code","message","field?","metadata?"}]}`. Handlers throw an
 * ApiError; the pipeline turns it into a response, so no handler writes an
 * error body by hand and every error has the same shape.
 */
import type { ErrorEnvelope } from '../core/api/types.js'

/** An error the sandbox answers on purpose, with its HTTP status and Echopoint code. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly metadata?: Record<string, unknown>
  /** Extra response headers (for example `Allow` on a 405). */
  readonly headers: Record<string, string>

  constructor(
    status: number,
    code: string,
    message: string,
    options: {
      field?: string
      metadata?: Record<string, unknown>
      headers?: Record<string, string>
    } = {}
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = options.field
    this.metadata = options.metadata
    this.headers = options.headers ?? {}
  }

  /** The JSON body of this error. */
  toEnvelope(): ErrorEnvelope {
    const error: ErrorEnvelope['errors'][number] = { code: this.code, message: this.message }
    if (this.field !== undefined) error.field = this.field
    if (this.metadata !== undefined) error.metadata = this.metadata
    return { errors: [error] }
  }
}

/** 400 VALIDATION_ERROR naming the offending field. */
export function validationError(field: string, message: string): ApiError {
  return new ApiError(400, 'VALIDATION_ERROR', message, { field })
}

/** 401: scopes are never consulted for these (docs/api-contract.md part A, Authentication). */
export function unauthorized(message: string): ApiError {
  return new ApiError(401, 'UNAUTHORIZED', message)
}

/** 403 for an organization the key does not belong to. */
export function forbidden(message: string): ApiError {
  return new ApiError(403, 'FORBIDDEN', message)
}

/** 403 for a missing scope; the message and metadata name the scope to add. */
export function insufficientScope(requiredScope: string): ApiError {
  return new ApiError(
    403,
    'INSUFFICIENT_SCOPE',
    `The API key lacks the "${requiredScope}" scope required by this endpoint`,
    { metadata: { required_scope: requiredScope } }
  )
}

/**
 * 404. Also the answer for a resource that exists in another organization:
 * the API never confirms that someone else's resource exists.
 */
export function notFound(what: string, field?: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `${what} not found`, { field })
}

/** 409 with a specific code (already terminal, already claimed, idempotency key reused...). */
export function conflict(
  code: string,
  message: string,
  metadata?: Record<string, unknown>
): ApiError {
  return new ApiError(409, code, message, { metadata })
}

/** Anything thrown that is not an ApiError is a bug in the sandbox: answer 500 UNEXPECTED_ERROR. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  const detail = err instanceof Error ? err.message : String(err)
  return new ApiError(500, 'UNEXPECTED_ERROR', `Unexpected sandbox error: ${detail}`)
}
