/**
 * Input checks shared by the routes. Each failure is a 400 VALIDATION_ERROR that
 * names the field, as the real API does, so a client bug shows up against the
 * sandbox instead of first in production.
 */
import { validationError } from './errors.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// RFC 3339 section 5.6 date-time: full date, "T" (or "t"/space per the note), time,
// optional fraction, and a mandatory offset ("Z" or ±hh:mm).
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/

export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/** True for a valid RFC 3339 date-time (the format and a real calendar date). */
export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[]
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return false
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day >= 1 && day <= daysInMonth && !Number.isNaN(Date.parse(value.replace(' ', 'T')))
}

/** RFC 3339 with millisecond precision in UTC, as the API writes timestamps. */
export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** A path parameter that must be a UUID. */
export function uuidParam(value: string | undefined, field: string): string {
  if (value === undefined || !isUuid(value)) throw validationError(field, `${field} must be a UUID`)
  return value.toLowerCase()
}

function integerQuery(raw: string, field: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw validationError(field, `${field} must be an integer`)
  const value = Number(raw)
  if (value < min || value > max) {
    throw validationError(field, `${field} must be between ${min} and ${max}`)
  }
  return value
}

export const MAX_LIMIT = 100

/**
 * `limit` (required, 1..100) and `offset` (default 0) of a list GET
 * (docs/api-contract.md part A, Pagination).
 */
export function paginationQuery(query: URLSearchParams): { limit: number; offset: number } {
  const limit = query.get('limit')
  if (limit === null || limit === '') {
    throw validationError('limit', `limit is required (1..${MAX_LIMIT})`)
  }
  const offset = query.get('offset')
  return {
    limit: integerQuery(limit, 'limit', 1, MAX_LIMIT),
    offset:
      offset === null || offset === ''
        ? 0
        : integerQuery(offset, 'offset', 0, Number.MAX_SAFE_INTEGER)
  }
}

/** A value that must be one of `allowed` when present. */
export function optionalEnum<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[]
): T | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw validationError(field, `${field} must be one of ${allowed.join(', ')}`)
  }
  return value as T
}

/** An optional non-empty string of at most `max` characters. */
export function optionalString(value: unknown, field: string, max = 255): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || value.trim() === '') {
    throw validationError(field, `${field} must be a non-empty string`)
  }
  if (value.length > max) throw validationError(field, `${field} must be at most ${max} characters`)
  return value
}

/** A JSON object body (the request's `ctx.json()`); `required` rejects an empty body. */
export function objectBody(value: unknown, required: boolean): Record<string, unknown> {
  if (value === undefined) {
    if (required)
      throw validationError('body', 'A JSON request body is required (send at least {})')
    return {}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError('body', 'The request body must be a JSON object')
  }
  return value as Record<string, unknown>
}

/** Pages a sorted list the way the API answers: `{total, count, items}`. */
export function page<T>(
  items: readonly T[],
  limit: number,
  offset: number
): { total: number; count: number; items: T[] } {
  const slice = items.slice(offset, offset + limit)
  return { total: items.length, count: slice.length, items: slice }
}
