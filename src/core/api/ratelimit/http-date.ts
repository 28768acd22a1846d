/**
 * HTTP-date parsing (RFC 9110 §5.6.7), for `Retry-After` and `Date`.
 *
 * A sender must use IMF-fixdate, but a recipient must also accept the two obsolete
 * forms, RFC 850 and ANSI C asctime(), because old servers and proxies still send
 * them. `Date.parse` is not used: its handling of these forms is
 * implementation-defined and it accepts many strings that are not HTTP-dates.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)'
const DAY_LONG = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)'
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)'
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})'

// The grammar is case-sensitive with single spaces, but being lenient about case and
// runs of whitespace costs nothing and some gateways are sloppy about both.
/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = new RegExp(
  `^${DAY},\\s+(\\d{2})\\s+${MONTH}\\s+(\\d{4})\\s+${TIME}\\s+GMT$`,
  'i'
)
/** `Sunday, 06-Nov-94 08:49:37 GMT` */
const RFC850 = new RegExp(`^${DAY_LONG},\\s+(\\d{2})-${MONTH}-(\\d{2})\\s+${TIME}\\s+GMT$`, 'i')
/** `Sun Nov  6 08:49:37 1994` (day of month padded with a space) */
const ASCTIME = new RegExp(`^${DAY}\\s+${MONTH}\\s+(\\d{1,2})\\s+${TIME}\\s+(\\d{4})$`, 'i')

/** Epoch ms for the fields, or undefined when they do not name a real instant (e.g. 31 Feb). */
function utc(
  year: number,
  month: string,
  day: number,
  hour: number,
  minute: number,
  second: number
): number | undefined {
  const m = MONTHS.indexOf(month.toLowerCase())
  // RFC 9110 allows second 60 (a leap second); treat it as 59 rather than rolling over.
  if (hour > 23 || minute > 59 || second > 60) return undefined
  const ms = Date.UTC(year, m, day, hour, minute, Math.min(second, 59))
  const check = new Date(ms)
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return undefined
  return ms
}

/**
 * RFC 9110 §5.6.7: a two-digit year that "appears to be more than 50 years in the
 * future" is the most recent past year with the same last two digits.
 */
function fullYear(twoDigits: number, referenceMs: number): number {
  const ref = new Date(referenceMs).getUTCFullYear()
  let year = Math.floor(ref / 100) * 100 + twoDigits
  if (year > ref + 50) year -= 100
  return year
}

/**
 * Parses an HTTP-date in any of the three forms of RFC 9110 §5.6.7 and returns epoch
 * ms, or undefined for anything else (never throws). `referenceMs` (usually now)
 * resolves the century of an RFC 850 two-digit year.
 */
export function parseHttpDate(value: string, referenceMs: number): number | undefined {
  const text = value.trim()
  let m = IMF_FIXDATE.exec(text)
  if (m) return utc(+m[3], m[2], +m[1], +m[4], +m[5], +m[6])
  m = RFC850.exec(text)
  if (m) return utc(fullYear(+m[3], referenceMs), m[2], +m[1], +m[4], +m[5], +m[6])
  m = ASCTIME.exec(text)
  if (m) return utc(+m[6], m[1], +m[2], +m[3], +m[4], +m[5])
  return undefined
}
