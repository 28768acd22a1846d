import { toText } from '../values.js'

/**
 * `contains` as Echopoint's runner defines it: the expected string form is a
 * substring of the actual string form. An array is written as JSON, so
 * `["admin","user"]` contains `admin` (and `adm`, as in the reference, which
 * searches Go's `[admin user]`). An element whose string form equals the
 * expected one also counts, so `["say \"hi\""]` contains `say "hi"` although
 * its JSON escapes the quotes.
 */
export function textContains(actual: unknown, expected: unknown): boolean {
  const needle = toText(expected)
  if (toText(actual).includes(needle)) return true
  return Array.isArray(actual) && actual.some((element) => toText(element) === needle)
}
