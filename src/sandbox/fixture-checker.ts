/**
 * Validation helpers for fixtures files: each check carries the path of the value
 * it looks at, so an error names the field (`flows[2].simulation.outcome`).
 */
import { isRfc3339 } from './validate.js'

/** A fixture that does not validate; `path` names the bad field, e.g. `flows[2].simulation.outcome`. */
export class FixtureError extends Error {
  readonly path: string
  constructor(path: string, message: string, source?: string) {
    super(`Invalid sandbox fixtures${source ? ` in ${source}` : ''}: ${path}: ${message}`)
    this.name = 'FixtureError'
    this.path = path
  }
}

export type Json = Record<string, unknown>

/** Validation helpers that carry the path of the value they look at. */
export class Checker {
  constructor(private readonly source?: string) {}

  fail(path: string, message: string): never {
    throw new FixtureError(path, message, this.source)
  }

  object(value: unknown, path: string, allowed: readonly string[]): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'must be an object')
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.fail(`${path}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`)
      }
    }
    return value as Json
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'must be an array')
    return value
  }

  string(value: unknown, path: string, pattern?: RegExp, hint?: string): string {
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(path, 'must be a non-empty string')
    if (pattern && !pattern.test(value)) this.fail(path, hint ?? `must match ${String(pattern)}`)
    return value
  }

  optionalString(value: unknown, path: string): string | undefined {
    return value === undefined ? undefined : this.string(value, path)
  }

  number(value: unknown, path: string, min: number, integer = false): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'must be a number')
    if (integer && !Number.isInteger(value)) this.fail(path, 'must be an integer')
    if (value < min) this.fail(path, `must be >= ${min}`)
    return value
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'must be true or false')
    return value
  }

  rfc3339(value: unknown, path: string): string {
    const text = this.string(value, path)
    if (!isRfc3339(text))
      this.fail(path, 'must be an RFC 3339 date-time, e.g. 2030-01-31T00:00:00Z')
    return text
  }

  unique(values: string[], path: (i: number) => string, what: string): void {
    const seen = new Set<string>()
    values.forEach((value, i) => {
      if (seen.has(value)) this.fail(path(i), `duplicate ${what} "${value}"`)
      seen.add(value)
    })
  }
}
