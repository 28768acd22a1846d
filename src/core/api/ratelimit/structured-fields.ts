/**
 * A small, lenient reader for HTTP Structured Field lists and dictionaries (RFC 9651),
 * enough for the IETF rate-limit fields:
 *
 *     RateLimit-Policy: "default";q=100;w=60          (list of items with parameters)
 *     RateLimit: limit=100, remaining=0, reset=45     (older draft: a dictionary)
 *
 * Strict RFC 9651 parsing drops the whole field on any error; here one malformed
 * member is skipped and the rest kept, because a rate-limit hint that is partly
 * readable is still worth honouring, and nothing here may throw on server input.
 * (The project has no structured-field dependency; this covers what it needs.)
 */

/** A structured-field bare item: string or token, number, or boolean (`?1`/`?0`). */
export type BareItem = string | number | boolean

/** One list member (`"default";r=0;t=45`) or dictionary member (`remaining=0`). */
export interface SfMember {
  /** The dictionary key (lower-cased), for `key=value` members. */
  key?: string
  /** The item: a string, token, number or boolean; absent for a bare key. */
  value?: BareItem
  /** Parameters, keys lower-cased. */
  params: Record<string, BareItem>
}

/** Splits on `separator` outside double-quoted strings (which may contain `\"`). */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted && c === '\\' && i + 1 < text.length) {
      current += c + text[++i]
      continue
    }
    if (c === '"') quoted = !quoted
    if (c === separator && !quoted) {
      parts.push(current)
      current = ''
    } else {
      current += c
    }
  }
  parts.push(current)
  return parts
}

const KEY = /^[a-z*][a-z0-9_\-.*]*$/i
const NUMBER = /^-?\d{1,15}(\.\d{1,3})?$/
const TOKEN = /^[a-z*][\w!#$%&'*+\-.^`|~:/]*$/i

/** A bare item, or undefined when malformed. */
function bareItem(text: string): BareItem | undefined {
  const t = text.trim()
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    return t.slice(1, -1).replace(/\\(["\\])/g, '$1')
  }
  if (NUMBER.test(t)) return Number(t)
  if (t === '?1') return true
  if (t === '?0') return false
  if (TOKEN.test(t)) return t
  return undefined
}

/** `key` or `key=value`; undefined when malformed. */
function keyValue(text: string): [string, BareItem] | undefined {
  const eq = text.indexOf('=')
  const key = (eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase()
  if (!KEY.test(key)) return undefined
  if (eq < 0) return [key, true]
  const value = bareItem(text.slice(eq + 1))
  return value === undefined ? undefined : [key, value]
}

/**
 * Parses a list or dictionary field into its members, skipping malformed ones.
 * Several header lines of one field arrive joined with commas, which is how RFC 9651
 * combines them too.
 */
export function parseStructuredMembers(text: string): SfMember[] {
  const members: SfMember[] = []
  for (const raw of splitOutsideQuotes(text, ',')) {
    if (raw.trim() === '') continue
    const [head, ...paramTexts] = splitOutsideQuotes(raw, ';')
    const params: Record<string, BareItem> = {}
    let ok = true
    for (const p of paramTexts) {
      const kv = keyValue(p)
      if (kv) params[kv[0]] = kv[1]
      else ok = false
    }
    if (!ok) continue
    const headText = head.trim()
    // `key=value` (dictionary member) unless the `=` sits inside a quoted string.
    const isDictMember = /^[a-z*][a-z0-9_\-.*]*\s*=/i.test(headText)
    if (isDictMember) {
      const kv = keyValue(headText)
      if (kv) members.push({ key: kv[0], value: kv[1], params })
      continue
    }
    if (headText === '') continue
    const value = bareItem(headText)
    if (value !== undefined) members.push({ value, params })
  }
  return members
}
