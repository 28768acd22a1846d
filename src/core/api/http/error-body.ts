/**
 * Normalises every error body shape of docs/api-contract.md part C into one value. Bodies come
 * from the API, a gateway or a proxy, so nothing here may throw on malformed input.
 */
import { STATUS_CODES } from 'node:http'
import { redactDeep, type Redactor } from '../../redact.js'

/** An error body reduced to what the kit uses. */
export interface ErrorBody {
  code?: string
  /** Never empty: the server's message, or the HTTP status text when there is none. */
  message: string
  field?: string
  metadata?: Record<string, unknown>
  /** `retryAfter` from the body, in seconds. */
  retryAfter?: number
  /** `resetAt` from the body, as sent (a timestamp). */
  resetAt?: string
}

/** Longest server-provided message kept; longer ones are cut with an ellipsis. */
export const MAX_MESSAGE_LENGTH = 300

/** `404 Not Found`-style text for a status, for bodies that say nothing useful. */
export function statusText(status: number): string {
  const text = STATUS_CODES[status]
  return text ? `${status} ${text}` : `HTTP ${status}`
}

/** C0/C1 controls and bidi overrides/marks (Trojan Source, CVE-2021-42574). */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g

/**
 * Makes server text safe to print: control and bidi-override characters removed
 * (they could forge log lines or workflow commands), whitespace collapsed, redacted,
 * then truncated. Redaction comes before truncation so a cut never leaves a key prefix.
 */
export function cleanText(text: string, redact: Redactor, max = MAX_MESSAGE_LENGTH): string {
  const flat = text.replace(UNPRINTABLE, ' ')
  const clean = redact(flat.replace(/\s+/g, ' ').trim())
  if (clean.length <= max) return clean
  // Never cut between the two halves of a surrogate pair (an emoji in a name).
  const end = /[\ud800-\udbff]/.test(clean[max - 2] ?? '') ? max - 2 : max - 1
  return `${clean.slice(0, end)}…`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown, redact: Redactor): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const clean = cleanText(String(value), redact)
  return clean === '' ? undefined : clean
}

function seconds(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined
}

interface Parts {
  code?: string
  message?: string
  field?: string
  metadata?: Record<string, unknown>
}

/** `{"errors":[{code,message,field,metadata}, …]}`: the Echopoint envelope. */
function fromEnvelope(errors: unknown[], redact: Redactor): Parts {
  const items = errors.filter(isRecord)
  const first = items[0] ?? {}
  // Several validation errors: keep them all in the message (the first gives the code).
  const messages = items
    .slice(0, 3)
    .map((e) => str(e.message, redact))
    .filter((m): m is string => m !== undefined)
  return {
    code: str(first.code, redact),
    message: messages.length > 0 ? cleanText(messages.join('; '), redact) : undefined,
    field: str(first.field, redact),
    metadata: isRecord(first.metadata) ? first.metadata : undefined
  }
}

function fromObject(body: Record<string, unknown>, redact: Redactor): Parts {
  if (Array.isArray(body.errors)) return fromEnvelope(body.errors, redact)
  const error = body.error
  if (isRecord(error)) {
    // {"error":{"code":"unauthorized","message":"…"}}
    return {
      code: str(error.code, redact),
      message: str(error.message, redact),
      field: str(error.field, redact),
      metadata: isRecord(error.metadata) ? error.metadata : undefined
    }
  }
  // {"error":"Invalid API key"}, {"error":"Not Found","message":"Route … not found"},
  // {"code":"…","message":"…"}
  return {
    code: str(body.code, redact),
    message: str(body.message, redact) ?? str(error, redact),
    field: str(body.field, redact),
    metadata: isRecord(body.metadata) ? body.metadata : undefined
  }
}

/** Largest error metadata kept, as JSON; a larger one keeps only its short string fields. */
const MAX_METADATA_JSON = 2000

/** Error metadata, redacted and bounded (it may end up in a report). */
function boundedMetadata(
  metadata: Record<string, unknown>,
  redact: Redactor
): Record<string, unknown> {
  const clean = redactDeep(metadata, redact)
  if ((JSON.stringify(clean) ?? '').length <= MAX_METADATA_JSON) return clean
  const short: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(clean).slice(0, 20)) {
    if (key.length <= 64 && typeof value === 'string' && value.length <= 200) short[key] = value
  }
  return short
}

/**
 * Parses an error response body of any shape in docs/api-contract.md part C. Anything that is
 * not JSON (an HTML page from a proxy, an empty body) falls back to the status text.
 */
export function parseErrorBody(text: string, status: number, redact: Redactor): ErrorBody {
  let json: unknown
  try {
    json = text.trim() === '' ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  const fallback = statusText(status)
  if (!isRecord(json)) return { message: fallback }

  const parts = fromObject(json, redact)
  const body: ErrorBody = { message: parts.message ?? fallback }
  if (parts.code !== undefined) body.code = parts.code
  if (parts.field !== undefined) body.field = parts.field
  if (parts.metadata !== undefined) body.metadata = boundedMetadata(parts.metadata, redact)
  // Rate-limit hints sit at the top level or inside `error`, spelt retryAfter,
  // retry_after, RetryAfter, …: docs/api-contract.md part C asks for them case-insensitively.
  const nested = isRecord(json.error) ? json.error : {}
  const retryAfter = seconds(hint(json, 'retryafter') ?? hint(nested, 'retryafter'))
  if (retryAfter !== undefined) body.retryAfter = retryAfter
  const resetAt = str(hint(json, 'resetat') ?? hint(nested, 'resetat'), redact)
  if (resetAt !== undefined) body.resetAt = resetAt
  return body
}

/** The value of the first key that reads `name` ignoring case, `_` and `-`. */
function hint(object: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(object).find((k) => k.replace(/[-_]/g, '').toLowerCase() === name)
  return key === undefined ? undefined : object[key]
}
