/**
 * Reads the quota headers of docs/api-contract.md part C into plain numbers; wait-plan.ts
 * turns them into a wait. Header names are matched case-insensitively (Node gives
 * them lower-cased); malformed values are ignored, never thrown on.
 *
 * IETF fields (draft-ietf-httpapi-ratelimit-headers):
 * - current drafts: `RateLimit: "default";r=0;t=45` (r = requests remaining, t =
 *   seconds until the quota resets) and `RateLimit-Policy: "default";q=100;w=60`
 *   (q = quota, w = window in seconds), each a list of policies keyed by name;
 * - draft 07: `RateLimit: limit=100, remaining=0, reset=45` (a dictionary);
 * - drafts 00–06: separate `RateLimit-Limit`, `RateLimit-Remaining`,
 *   `RateLimit-Reset` (seconds), still common (e.g. express-rate-limit).
 *
 * De-facto fields: `X-RateLimit-Limit`, `X-RateLimit-Remaining`,
 * `X-RateLimit-Reset`, whose reset value has no agreed form (see reset-time.ts).
 */
import type { IncomingHttpHeaders } from 'node:http'
import { headerValue } from '../http/headers.js'
import { parseNonNegative } from './reset-time.js'
import { parseStructuredMembers, type BareItem, type SfMember } from './structured-fields.js'

/** What the IETF fields say about the most constrained policy. */
export interface IetfReading {
  /** Requests remaining, when the server says. */
  remaining?: number
  /** Seconds until that policy's quota resets (`t`), as sent. */
  resetSeconds?: number
  /** The policy's name, when it has one. */
  policy?: string
}

/** What the X-RateLimit-* fields say. */
export interface XRateLimitReading {
  remaining?: number
  /** `X-RateLimit-Reset` as sent; its form is decided in reset-time.ts. */
  reset?: string
}

function num(value: BareItem | undefined): number | undefined {
  return typeof value === 'number' || typeof value === 'string'
    ? parseNonNegative(value)
    : undefined
}

interface Policy {
  name?: string
  remaining?: number
  resetSeconds?: number
  windowSeconds?: number
}

/** Policies from a `RateLimit` value, in the list form or the draft-07 dictionary form. */
function policiesFrom(members: SfMember[]): Policy[] {
  const dict = members.filter((m) => m.key !== undefined)
  const list = members.filter((m) => m.key === undefined)
  const policies: Policy[] = list.map((m) => ({
    name: typeof m.value === 'string' ? m.value : undefined,
    remaining: num(m.params.r),
    resetSeconds: num(m.params.t)
  }))
  if (dict.length > 0) {
    const get = (...keys: string[]): number | undefined =>
      num(dict.find((m) => keys.includes(m.key as string))?.value)
    policies.push({ remaining: get('remaining', 'r'), resetSeconds: get('reset', 't') })
  }
  return policies.filter((p) => p.remaining !== undefined || p.resetSeconds !== undefined)
}

/** Windows (`w`) from `RateLimit-Policy`, by policy name ('' for an unnamed one). */
function windowsFrom(value: string | undefined): Map<string, number> {
  const windows = new Map<string, number>()
  if (value === undefined) return windows
  for (const m of parseStructuredMembers(value)) {
    const w = num(m.params.w)
    if (w === undefined) continue
    windows.set(typeof m.value === 'string' && m.key === undefined ? m.value : '', w)
  }
  return windows
}

/**
 * Reads the IETF fields. The most constrained policy wins: fewest requests
 * remaining, and among those the latest reset. A policy with `r=0` but no `t`
 * falls back to its window `w` from `RateLimit-Policy` (the longest it can take to
 * reset). Undefined when the response carries none of these fields.
 */
export function readIetfRateLimit(headers: IncomingHttpHeaders): IetfReading | undefined {
  const policies: Policy[] = []
  const field = headerValue(headers, 'ratelimit')
  if (field !== undefined) policies.push(...policiesFrom(parseStructuredMembers(field)))
  // Drafts 00–06: one header per value.
  const remaining = parseNonNegative(headerValue(headers, 'ratelimit-remaining') ?? '')
  const reset = parseNonNegative(headerValue(headers, 'ratelimit-reset') ?? '')
  if (remaining !== undefined || reset !== undefined) {
    policies.push({ remaining, resetSeconds: reset })
  }
  if (policies.length === 0) return undefined

  const windows = windowsFrom(headerValue(headers, 'ratelimit-policy'))
  for (const p of policies) {
    if (p.resetSeconds === undefined && p.remaining === 0) {
      p.resetSeconds =
        windows.get(p.name ?? '') ?? (windows.size === 1 ? [...windows.values()][0] : undefined)
    }
  }
  const known = policies.filter((p) => p.remaining !== undefined)
  const pool = known.length > 0 ? known : policies
  const fewest = Math.min(...pool.map((p) => p.remaining ?? Infinity))
  const candidates = pool.filter((p) => (p.remaining ?? Infinity) === fewest)
  const chosen = candidates.reduce((a, b) =>
    (b.resetSeconds ?? -1) > (a.resetSeconds ?? -1) ? b : a
  )
  return {
    remaining: chosen.remaining,
    resetSeconds: chosen.resetSeconds,
    policy: chosen.name
  }
}

/**
 * Reads `X-RateLimit-Remaining` and `X-RateLimit-Reset`. A remaining value listing
 * several numbers (`0, 100`: one per policy, as some gateways send) counts as its
 * smallest. Undefined when neither field is present and readable.
 */
export function readXRateLimit(headers: IncomingHttpHeaders): XRateLimitReading | undefined {
  const rawRemaining = headerValue(headers, 'x-ratelimit-remaining')
  const counts = (rawRemaining ?? '')
    .split(',')
    .map((v) => parseNonNegative(v))
    .filter((v): v is number => v !== undefined)
  const remaining = counts.length > 0 ? Math.min(...counts) : undefined
  const reset = headerValue(headers, 'x-ratelimit-reset')?.trim() || undefined
  if (remaining === undefined && reset === undefined) return undefined
  return { remaining, reset }
}
