/**
 * URL work of a request node: query parameters, the path shown in call
 * records, and the refusal of secret values in URLs.
 */
import { toText } from '../values.js'

/** A query component, percent-encoded (a space is `%20`; `&`, `=`, `#`, `+` are escaped). */
function encodeComponent(value: string): string {
  // encodeURIComponent leaves !'()* as they are; they are legal in a query.
  return encodeURIComponent(value)
}

/**
 * The URL with `query` appended to its existing query, each name and value
 * URL-encoded, in the object's order; values take their string form (`null`
 * is empty, arrays and objects compact JSON). A fragment stays at the end.
 */
export function appendQuery(url: string, query: Record<string, unknown> | undefined): string {
  if (query === undefined) return url
  const pairs = Object.entries(query).map(
    ([name, value]) => `${encodeComponent(name)}=${encodeComponent(toText(value))}`
  )
  if (pairs.length === 0) return url
  const hashAt = url.indexOf('#')
  const base = hashAt === -1 ? url : url.slice(0, hashAt)
  const fragment = hashAt === -1 ? '' : url.slice(hashAt)
  let separator = '&'
  if (!base.includes('?')) separator = '?'
  else if (base.endsWith('?') || base.endsWith('&')) separator = ''
  return `${base}${separator}${pairs.join('&')}${fragment}`
}

/**
 * Index of the first character of `text` at or after `from` that is one of
 * `stops`, outside `{{…}}`; `text.length` when there is none.
 */
function indexOutsideTemplates(text: string, stops: string, from = 0): number {
  let i = from
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i + 2)
      if (end === -1) return text.length
      i = end + 2
      continue
    }
    if (stops.includes(text[i]!)) return i
    i += 1
  }
  return text.length
}

/**
 * The path of a URL template, with its `{{…}}` parts as written
 * (`https://api.test/users/{{create.userId}}?x=1` → `/users/{{create.userId}}`),
 * so a call record never shows a resolved value. A template whose host comes
 * from a template (`{{base_url}}/users`) gives the path after it (`/users`).
 * Without a template, or when the template has no path, the resolved URL's
 * path is used.
 */
export function pathTemplate(template: string | undefined, resolved: URL): string {
  if (template !== undefined) {
    const trimmed = template.trim()
    const end = indexOutsideTemplates(trimmed, '?#')
    let rest = trimmed.slice(0, end)
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(rest)
    if (scheme !== null) rest = rest.slice(scheme[0].length)
    const slash = indexOutsideTemplates(rest, '/')
    if (slash < rest.length) return rest.slice(slash)
    if (rest.startsWith('/')) return rest
  }
  return resolved.pathname
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Whether any non-empty secret value appears in the URL: as written, or
 * percent-encoded (in either hex case), or as a form-encoded query value
 * (`+` for a space).
 */
export function urlContainsSecret(url: string, secrets: readonly string[] | undefined): boolean {
  if (secrets === undefined || secrets.length === 0) return false
  let href = url
  try {
    href = new URL(url).href
  } catch {
    // Checked as written; an unparsable URL is refused later anyway.
  }
  const haystacks = [
    url,
    href,
    safeDecode(url),
    safeDecode(href),
    safeDecode(href.replace(/\+/g, ' '))
  ]
  const lowered = haystacks.map((text) => text.toLowerCase())
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue
    if (haystacks.some((text) => text.includes(secret))) return true
    const encoded = [encodeURIComponent(secret), encodeURI(secret)]
      .filter((form) => form !== secret)
      .map((form) => form.toLowerCase())
    if (encoded.some((form) => lowered.some((text) => text.includes(form)))) return true
  }
  return false
}

/** An HTTP method token (RFC 9110). */
export const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Why a request target cannot be used: a secret in it, or not an http(s) URL. */
export type TargetProblem = { kind: 'secret' | 'invalid'; message: string }

/**
 * Checks a request's target before anything is sent, for every node that
 * sends (request, sse): no secret value in it, a URL that parses, http or https.
 */
export function checkTarget(
  urlText: string,
  secrets: readonly string[] | undefined,
  what: string
): { url: URL } | TargetProblem {
  if (urlContainsSecret(urlText, secrets)) {
    return {
      kind: 'secret',
      message: `the ${what} URL contains a secret value; send secrets in a header or the body, never in a URL`
    }
  }
  let url: URL
  try {
    url = new URL(urlText)
  } catch {
    return { kind: 'invalid', message: `invalid URL ${JSON.stringify(urlText)}` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      kind: 'invalid',
      message: `unsupported URL scheme ${JSON.stringify(url.protocol.slice(0, -1))}`
    }
  }
  return { url }
}

/** A node's `headers` (resolved) as header values: text as is, anything else in its string form. */
export function headerValues(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out
  for (const [name, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue
    out[name] = toText(v)
  }
  return out
}
