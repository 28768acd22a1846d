/** How waits and instants read in logs and error messages. */

/**
 * A wait for a log line: `0.4s`, `45s`, `1m 30s`, `1h 5m`. Sub-minute waits keep one
 * decimal only below 10 s, where a backoff's tenths matter.
 */
export function formatWait(ms: number): string {
  const s = Math.max(0, ms) / 1000
  if (s < 10) return `${Number(s.toFixed(1))}s`
  if (s < 60) return `${Math.round(s)}s`
  const total = Math.round(s)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const rest = total % 60
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`
  return rest > 0 ? `${m}m ${rest}s` : `${m}m`
}

/** An instant as ISO 8601 UTC, without `.000` when it falls on a whole second. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z')
}
