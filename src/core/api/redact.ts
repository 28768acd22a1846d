/**
 * Keeps the API key out of everything the kit prints. Servers and proxies sometimes
 * echo request headers in error bodies, so every server-provided string passes here
 * as well as every message the kit builds.
 */

/** Replaces secrets in a string with `***`. */
export type Redactor = (text: string) => string

/** Echopoint keys look like `epk_live_…`; hide any such token even if it is not ours. */
const KEY_PATTERN = /epk_[A-Za-z0-9_-]{6,}/g

/**
 * Builds a redactor for the given secrets (empty ones are ignored). The URL-encoded
 * form of each secret is hidden too, since an echo may come from a URL.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret === '') continue
    forms.add(secret)
    forms.add(encodeURIComponent(secret))
    const trimmed = secret.trim()
    if (trimmed !== '') forms.add(trimmed)
  }
  // Longest first, so a secret that contains another is hidden whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  return (text: string): string => {
    let out = text
    for (const form of ordered) out = out.split(form).join('***')
    return out.replace(KEY_PATTERN, 'epk_***')
  }
}

/** Applies a redactor to every string inside a JSON-like value (depth-limited). */
export function redactDeep<T>(value: T, redact: Redactor, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T
  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, redact, depth + 1)) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = redactDeep(v, redact, depth + 1)
  }
  return out as T
}
