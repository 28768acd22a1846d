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
