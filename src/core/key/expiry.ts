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

/** The run action's warning about a key that expires soon (annotation and job summary). */
export function expiryWarning(expiresAt: string, now: number): string {
  const days = daysLeft(expiresAt, now)
  const left = days < 0 ? 'already expired' : `${days} day${days === 1 ? '' : 's'} left`
  return `The API key expires on ${expiresAt} (${left}). Create a replacement with the ci preset and update the ECHOPOINT_API_KEY secret.`
}
