/**
 * Key expiry arithmetic shared by the run action's warning and the key-expiry
 * check: whole days left, rounded down (negative once expired).
 */
export const DAY_MS = 86_400_000
/** The run action warns when the key expires within this many days. */
export const RUN_EXPIRY_WARNING_DAYS = 14

/** Whole days from `now` until `expiresAt`, rounded down. */
export function daysLeft(expiresAt: string, now: number): number {
  return Math.floor((Date.parse(expiresAt) - now) / DAY_MS)
}

/**
 * Whether the run action should warn: the key expires within
 * RUN_EXPIRY_WARNING_DAYS (fewer whole days left, as the key-expiry check counts
 * its warn-days), or has expired.
 */
export function expiresSoon(expiresAt: string, now: number): boolean {
  return daysLeft(expiresAt, now) < RUN_EXPIRY_WARNING_DAYS
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * An expiry as people read it, in UTC (a CI log has no time zone of its own):
 * `31 Dec 2026, 00:00 UTC`. Machines get the RFC 3339 value (outputs, JSON).
 */
export function readableDate(expiresAt: string): string {
  const d = new Date(Date.parse(expiresAt))
  if (Number.isNaN(d.getTime())) return expiresAt
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`
}

/**
 * How far off the expiry is, in whole days rounded down as the check counts
 * them: `in 29 days`, `in less than a day`, `2 days ago`, `less than a day ago`.
 */
export function relativeExpiry(expiresAt: string, now: number): string {
  const msLeft = Date.parse(expiresAt) - now
  if (msLeft > 0) {
    const left = daysLeft(expiresAt, now)
    return left === 0 ? 'in less than a day' : `in ${days(left)}`
  }
  const ago = Math.floor(-msLeft / DAY_MS)
  return ago === 0 ? 'less than a day ago' : `${days(ago)} ago`
}

/** `31 Dec 2026, 00:00 UTC (in 29 days)`, or `29 Nov 2026, 00:00 UTC (2 days ago)` once expired. */
export function expiryDate(expiresAt: string, now: number): string {
  return `${readableDate(expiresAt)} (${relativeExpiry(expiresAt, now)})`
}

/** The expiry in a sentence: `on 31 Dec 2026, 00:00 UTC (in 29 days)`. */
export function describeExpiry(expiresAt: string, now: number): string {
  return `on ${expiryDate(expiresAt, now)}`
}

/** The run action's warning about a key that expires soon (annotation and job summary). */
export function expiryWarning(expiresAt: string, now: number): string {
  const verb = Date.parse(expiresAt) > now ? 'expires' : 'expired'
  return `The API key ${verb} ${describeExpiry(expiresAt, now)}. Create a replacement with the ci preset and update the ECHOPOINT_API_KEY secret.`
}
