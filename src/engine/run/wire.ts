/**
 * The last step before a value leaves the engine: raw bytes (a response body
 * kept as received) become base64, as Echopoint's runner sends them
 * (`response_body`). Redaction happens before, on the bytes themselves.
 */
export function toWire(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('base64')
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(toWire)
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) out[key] = toWire(item)
  return out
}
