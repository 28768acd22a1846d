/**
 * Typed errors. Every failure the kit can report is one of these kinds, so the
 * adapters (action, CLI) can turn it into a message, a step status and an exit
 * code in one place, without ever printing a stack trace to a user.
 */
export type ErrorKind =
  | 'config' // bad input: which input, what is wrong, what to do
  | 'auth' // 401: key missing, malformed, expired, revoked or wrong
  | 'permission' // 403 without rate-limit signals: missing scope, wrong org
  | 'not_found' // 404
  | 'conflict' // 409 (idempotency key reused with different parameters, already terminal, ...)
  | 'quota' // 429 DAILY_EXECUTION_LIMIT_EXCEEDED: not a short rate limit
  | 'rate_limited' // 429/503 (or 403 with rate-limit signals) we could not wait out
  | 'server' // 5xx
  | 'network' // reset, refused, DNS, request timeout
  | 'contract' // the server answered something docs/api-contract.md does not allow
  | 'timeout' // the step's overall deadline passed
  | 'cancelled' // aborted by a signal

export interface EchopointErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number
  /** The API's error code (`errors[0].code`, `error.code`), when it gave one. */
  code?: string
  /** The request, as `METHOD /path` (never with the key or a query secret). */
  request?: string
  /** The API's `field`, for validation errors. */
  field?: string
  /** The API's `metadata`, for example `{scope: "cloud_fleet"}` on a quota error. */
  metadata?: Record<string, unknown>
  /** A hint for the user: what to do about it. */
  hint?: string
  cause?: unknown
}

/** Base class of every error the kit raises on purpose. */
export class EchopointError extends Error {
  readonly kind: ErrorKind
  readonly status?: number
  readonly code?: string
  readonly request?: string
  readonly field?: string
  readonly metadata?: Record<string, unknown>
  readonly hint?: string

  constructor(kind: ErrorKind, message: string, options: EchopointErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'EchopointError'
    this.kind = kind
    this.status = options.status
    this.code = options.code
    this.request = options.request
    this.field = options.field
    this.metadata = options.metadata
    this.hint = options.hint
  }

  /** The message a user sees: what happened, then what to do. */
  get userMessage(): string {
    return this.hint ? `${this.message}. ${this.hint}` : this.message
  }
}

/** Bad input. `input` is the name the user wrote (`max-parallel` for the action, `--max-parallel` for the CLI). */
export class ConfigError extends EchopointError {
  readonly input: string
  constructor(input: string, message: string, hint?: string) {
    super('config', `Invalid ${input}: ${message}`, { hint })
    this.name = 'ConfigError'
    this.input = input
  }
}

/** Wraps anything unexpected so adapters only ever deal with EchopointError. */
export function toEchopointError(err: unknown): EchopointError {
  if (err instanceof EchopointError) return err
  if (err instanceof Error && err.name === 'AbortError') {
    return new EchopointError('cancelled', 'The run was cancelled', { cause: err })
  }
  const message = err instanceof Error ? err.message : String(err)
  return new EchopointError('contract', `Unexpected error: ${message}`, { cause: err })
}
