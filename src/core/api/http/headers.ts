/** Small helpers over Node's response headers (whose names are already lower-case). */
import type { IncomingHttpHeaders } from 'node:http'

/** The value of a response header, the first one when it was repeated. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()]
  if (Array.isArray(value)) return value[0]
  return value
}
