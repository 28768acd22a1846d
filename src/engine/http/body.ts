/**
 * Request and response bodies of a request node: what is sent for `data.body`
 * with which Content-Type, and how a response body is read back.
 */
import type { IncomingMessage } from 'node:http'

/** The encoded request body, and the Content-Type it calls for (none for plain text). */
export interface EncodedBody {
  text: string
  contentType?: string
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * `undefined` and `null` send no body. A string is sent as it is, and is
 * labelled `application/json` when it is valid JSON (a template that produced
 * a JSON document); any other value is sent as JSON.
 *
 * Throws a TypeError when a value cannot be written as JSON (a BigInt, a cycle).
 */
export function encodeRequestBody(body: unknown): EncodedBody | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') {
    return isJsonText(body) ? { text: body, contentType: 'application/json' } : { text: body }
  }
  const text = JSON.stringify(body) as string | undefined
  if (text === undefined) throw new TypeError(`a ${typeof body} body cannot be sent as JSON`)
  return { text, contentType: 'application/json' }
}

/** The media type of a Content-Type value, lowercased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return ''
  return contentType.split(';', 1)[0]!.trim().toLowerCase()
}

/**
 * Whether a response with this Content-Type holds JSON: `application/json`
 * and any `application/…+json` (`problem+json`, `vnd.api+json`, …). A value
 * merely containing `application/json` counts too, as in Echopoint's runner.
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  const type = mediaType(contentType)
  if (type === 'application/json') return true
  if (type.startsWith('application/') && type.endsWith('+json')) return true
  return contentType.toLowerCase().includes('application/json')
}

/**
 * The body as flows see it: parsed JSON for a JSON Content-Type when it
 * parses, otherwise the text (UTF-8; an empty body is `""`).
 */
export function parseResponseBody(bytes: Buffer, contentType: string | undefined): unknown {
  const text = bytes.toString('utf8')
  if (!isJsonContentType(contentType) || text === '') return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * A header name as Go writes it (`content-type` → `Content-Type`), so
 * response headers read the same as in Echopoint's runner. A name with a
 * character outside a token is left as it is, as Go does.
 */
export function canonicalHeaderName(name: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) return name
  let upper = true
  let out = ''
  for (const char of name) {
    out += upper ? char.toUpperCase() : char.toLowerCase()
    upper = char === '-'
  }
  return out
}

/** A response's headers under Go's canonical names, each with every value received, in order. */
export function responseHeaders(res: IncomingMessage): Record<string, string[]> {
  const headers: Record<string, string[]> = {}
  for (const [name, values] of Object.entries(res.headersDistinct)) {
    if (values === undefined) continue
    const key = canonicalHeaderName(name)
    headers[key] = [...(headers[key] ?? []), ...values]
  }
  return headers
}
