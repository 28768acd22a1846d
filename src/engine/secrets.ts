/**
 * The secret values of a run (the inputs named in `secret_input_keys`, and a
 * module's child flow's): nodes get the real values, everything that leaves the
 * engine gets `***` in their place (docs/runner.md §5): node results, events, the
 * completion result, error messages, logs, reports. A secret is found as written,
 * and also where a writer has transformed it: JSON-escaped (inside a JSON string),
 * URL-encoded (in a query), or inside a response body that is kept as base64
 * (redacted in the bytes, before the encoding).
 *
 * Values are stringified (numbers and booleans as JSON writes them); the longest
 * is replaced first, so a secret that contains another is hidden whole. Empty
 * values hide nothing.
 */

export const MASK = '***'

/** The forms in which `secret` may appear in text. */
function formsOf(secret: string): string[] {
  const forms = new Set<string>([secret])
  const json = JSON.stringify(secret).slice(1, -1)
  forms.add(json)
  // Go's encoding/json (and other HTML-safe encoders) also escape <, > and &,
  // and U+2028/U+2029: a service written in Go echoes a secret in that form.
  forms.add(
    json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  )
  forms.add(encodeURIComponent(secret))
  forms.add(encodeURIComponent(secret).replace(/%20/g, '+'))
  return [...forms].filter((f) => f !== '')
}

function stringify(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export class Secrets {
  /** Every form of every secret, longest first. */
  private readonly forms: string[]
  /** The same, as latin1 strings of their UTF-8 bytes (for redacting raw bodies). */
  private readonly byteForms: string[]

  constructor(private readonly values: readonly unknown[] = []) {
    const all = new Set<string>()
    for (const value of values) {
      const text = stringify(value)
      if (text === undefined || text === '') continue
      for (const form of formsOf(text)) all.add(form)
    }
    this.forms = [...all].sort((a, b) => b.length - a.length)
    this.byteForms = this.forms.map((f) => Buffer.from(f, 'utf8').toString('latin1'))
  }

  /** True when there is nothing to hide. */
  get empty(): boolean {
    return this.forms.length === 0
  }

  /** A set with these secrets and `more` (a module's child flow adds its own). */
  with(more: readonly unknown[]): Secrets {
    return new Secrets([...this.values, ...more])
  }

  /** Whether `text` holds any secret, in any form. */
  foundIn(text: string): boolean {
    return this.forms.some((form) => text.includes(form))
  }

  /** `text` with every secret replaced by `***`. */
  redactText(text: string): string {
    let out = text
    for (const form of this.forms) if (out.includes(form)) out = out.split(form).join(MASK)
    return out
  }

  /** Raw bytes (a response body kept as base64) with every secret replaced by `***`. */
  redactBytes(bytes: Buffer): Buffer {
    if (this.empty || bytes.length === 0) return bytes
    let text = bytes.toString('latin1')
    let changed = false
    for (const form of this.byteForms) {
      if (text.includes(form)) {
        text = text.split(form).join(MASK)
        changed = true
      }
    }
    return changed ? Buffer.from(text, 'latin1') : bytes
  }

  /** A copy of a JSON-like value with every string (object keys too) redacted. */
  redact<T>(value: T): T {
    if (this.empty) return value
    return this.walk(value) as T
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redactText(value)
    if (Buffer.isBuffer(value)) return this.redactBytes(value)
    if (value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) return value.map((v) => this.walk(v))
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[this.redactText(k)] = this.walk(v)
    return out
  }
}
