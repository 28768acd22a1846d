/**
 * Reads "when does the limit reset" values whose format is not standardised:
 * `X-RateLimit-Reset`, a body `resetAt`, and numbers where a delay was expected.
 *
 * Real APIs send the same field as an ISO-8601 timestamp, Unix epoch seconds
 * (GitHub), epoch milliseconds, or seconds to wait (docs/api-contract.md part C). Nothing in
 * the value says which, so a number is read by plausibility against the server's
 * clock (see {@link classifyResetNumber}), not by a fixed cut-off.
 */
import { parseHttpDate } from './http-date.js'

/** How a reset value was read, for logs and tests. */
export type ResetForm =
  'delay seconds' | 'epoch seconds' | 'epoch milliseconds' | 'ISO 8601' | 'HTTP-date'

/** A reset instant on the server's clock. */
export interface ResetTime {
  /** Epoch ms, server clock. */
  atMs: number
  form: ResetForm
}

const SECOND = 1000
const DAY_S = 86_400
/** Half-width of the window in which a number is taken for an absolute time: 1 year. */
export const EPOCH_WINDOW_S = 366 * DAY_S
/**
 * Longest seconds-to-wait read from a field whose form is unknown: one day, the
 * longest rate-limit window docs/api-contract.md lists (per-day quotas).
 */
export const MAX_RESET_DELTA_S = DAY_S

/** `1*DIGIT [ "." 1*DIGIT ]`: non-negative, no sign, no exponent, no hex. */
const NUMBER = /^\d+(\.\d+)?$/

/** Parses a non-negative decimal number, or undefined. */
export function parseNonNegative(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined
  const text = value.trim()
  return NUMBER.test(text) ? Number(text) : undefined
}

/**
 * Classifies a number as an absolute epoch time when it is one plausibly, relative to
 * the server's "now" `nowS` (epoch seconds):
 *
 * 1. `|v − nowS| ≤ 1 year` → epoch seconds (e.g. `1705314645`);
 * 2. `|v/1000 − nowS| ≤ 1 year` → epoch milliseconds (e.g. `1705314645000`).
 *
 * Otherwise undefined. Why a window and not a cut-off such as "> 1e9 is an epoch":
 * a reset is always near "now" (windows are at most a day long; a year leaves room
 * for any clock skew), so a value far from now under every reading is garbage to be
 * ignored, not a wait of decades. The two windows, and the delay range below
 * (≤ {@link MAX_RESET_DELTA_S}), are disjoint for any date after 1971, so at most one
 * reading fits and the order of the checks does not matter.
 */
export function classifyEpoch(value: number, nowS: number): ResetTime | undefined {
  if (Math.abs(value - nowS) <= EPOCH_WINDOW_S) {
    return { atMs: Math.round(value * SECOND), form: 'epoch seconds' }
  }
  if (Math.abs(value / SECOND - nowS) <= EPOCH_WINDOW_S) {
    return { atMs: Math.round(value), form: 'epoch milliseconds' }
  }
  return undefined
}

/**
 * A number of seconds from a field defined as a delay (`Retry-After`, the IETF `t`
 * parameter, a body `retryAfter`), read at the server's `nowMs`: the delay it says,
 * unless it is plausibly an epoch time ({@link classifyEpoch}). Servers do put their
 * `X-RateLimit-Reset` epoch into such fields, and `1705314645` seconds (54 years) is
 * never the delay they mean.
 */
export function delayOrEpoch(seconds: number, nowMs: number): ResetTime {
  return (
    classifyEpoch(seconds, nowMs / SECOND) ?? {
      atMs: nowMs + Math.round(seconds * SECOND),
      form: 'delay seconds'
    }
  )
}

/**
 * The plausibility rule for a reset number of unknown form (`X-RateLimit-Reset`, a
 * numeric body `resetAt`), with `nowMs` the server's clock:
 *
 * - epoch seconds or epoch ms when within a year of now ({@link classifyEpoch});
 * - else seconds to wait when ≤ 86,400 (one day);
 * - else implausible: undefined, and the signal is ignored.
 */
export function classifyResetNumber(value: number, nowMs: number): ResetTime | undefined {
  const epoch = classifyEpoch(value, nowMs / SECOND)
  if (epoch) return epoch
  if (value <= MAX_RESET_DELTA_S) {
    return { atMs: nowMs + Math.round(value * SECOND), form: 'delay seconds' }
  }
  return undefined
}

/**
 * ISO 8601 / RFC 3339 date-time, e.g. `2024-01-15T10:30:00.000Z`. A value without a
 * zone is taken as UTC (an API means UTC; the runner's time zone is irrelevant).
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/** Parses an ISO 8601 date-time to epoch ms, or undefined (also for 31 Feb and the like). */
export function parseIsoTimestamp(value: string): number | undefined {
  const m = ISO.exec(value.trim())
  if (!m) return undefined
  const [year, month, day, hour, minute] = [+m[1], +m[2], +m[3], +m[4], +m[5]]
  const second = m[6] === undefined ? 0 : +m[6]
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * SECOND)
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return undefined
  let at = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms)
  const check = new Date(at)
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return undefined
  const zone = m[8]?.toUpperCase()
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '')
    const hours = Number(digits.slice(1, 3))
    const minutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0
    if (hours > 23 || minutes > 59) return undefined
    const offset = (hours * 60 + minutes) * 60 * SECOND
    at += zone.startsWith('+') ? -offset : offset
  }
  return at
}

/**
 * Reads a reset value of unknown form: ISO 8601, an HTTP-date, or a number classified
 * by {@link classifyResetNumber}. `nowMs` is the server's clock. Undefined when the
 * value is malformed or implausible (never throws).
 */
export function parseResetTime(value: string | number, nowMs: number): ResetTime | undefined {
  const n = parseNonNegative(value)
  if (n !== undefined) return classifyResetNumber(n, nowMs)
  if (typeof value !== 'string') return undefined
  const iso = parseIsoTimestamp(value)
  if (iso !== undefined) return { atMs: iso, form: 'ISO 8601' }
  const date = parseHttpDate(value, nowMs)
  if (date !== undefined) return { atMs: date, form: 'HTTP-date' }
  return undefined
}
