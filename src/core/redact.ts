/**
 * Keeps the API key out of everything the kit prints. Servers and proxies sometimes
 * echo request headers in error bodies, so every server-provided string passes here
 * as well as every message the kit builds.
 */

/** Replaces secrets in a string with `***`. */
export type Redactor = (text: string) => string

/** Echopoint keys look like `epk_live_…`; hide any such token even if it is not ours (Markdown-escaped too). */
const KEY_PATTERN = /epk\\?_(?:[A-Za-z0-9-]|\\?_){6,}/g

/**
 * The forms a secret takes once it is written somewhere: as is, trimmed,
 * URL-encoded, inside a JSON string, escaped for Markdown or HTML (a job
 * summary), and base64 (an echoed Basic credential). A redactor hides each.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>()
  for (const s of [secret, secret.trim()]) {
    if (s === '') continue
    forms.add(s)
    forms.add(encodeURIComponent(s))
    forms.add(JSON.stringify(s).slice(1, -1))
    forms.add(s.replace(/([\\`*_[\]|~])/g, '\\$1'))
    forms.add(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    forms.add(
      s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~])/g, '\\$1')
    )
    const base64 = Buffer.from(s, 'utf8').toString('base64')
    forms.add(base64)
    forms.add(base64.replace(/=+$/, ''))
    forms.add(Buffer.from(s, 'utf8').toString('base64url'))
  }
  // Too short to mean anything (a one-character secret would hide every such letter).
  return [...forms].filter((f) => f.length >= 4)
}

/** Builds a redactor for the given secrets (empty ones are ignored), hiding every form of each. */
export function createRedactor(secrets: readonly string[]): Redactor {
  const forms = new Set<string>()
  for (const secret of secrets) for (const form of secretForms(secret)) forms.add(form)
  // Longest first, so a secret that contains another is hidden whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  return (text: string): string => {
    let out = text
    for (const form of ordered) if (out.includes(form)) out = out.split(form).join('***')
    return out.replace(KEY_PATTERN, 'epk_***')
  }
}

/**
 * Applies a redactor to every string inside a JSON-like value, at any depth
 * (object keys included); returns a copy.
 */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, redact)) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[redact(k)] = redactDeep(v, redact)
  }
  return out as T
}
