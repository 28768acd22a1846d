/**
 * Reading one input's raw text, the same way for every input of every front
 * door (action inputs, CLI flags, environment): what counts as "not set", lists,
 * booleans, whole numbers, and how a user's value is quoted back in an error.
 */
import { ConfigError } from './errors.js'

/** Empty, or only whitespace, means "not set" (GitHub passes unset inputs as ""). */
export function present(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** Splits a comma- or newline-separated list; drops empty items and duplicates, keeps order. */
export function splitList(value: string | string[] | undefined): string[] {
  const parts = (Array.isArray(value) ? value : [value ?? ''])
    .flatMap((v) => v.split(/[,\r\n]+/))
    .map((v) => v.trim())
    .filter((v) => v !== '')
  return [...new Set(parts)]
}

// C0 controls and DEL: a key or header value with these would be rejected by the
// HTTP stack or, worse, split a header. Never echo the value back.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/

/** A user's value, safe to quote in an error: printable ASCII only, cut to `max`. */
export function printable(value: string, max: number): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?')
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

/**
 * A file path as given (trimmed), or undefined when empty or unusable (a line
 * break or control character). For the JUnit report it is also used when other
 * inputs did not validate, so the report still shows the error.
 */
export function usablePath(raw: string | undefined): string | undefined {
  const path = present(raw)
  // eslint-disable-next-line no-control-regex
  return path === undefined || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path)
    ? undefined
    : path
}

/** Parses a boolean input (YAML 1.2 core schema spellings); empty means `fallback`. */
export function parseBoolean(
  name: string,
  value: string | boolean | undefined,
  fallback: boolean
): boolean {
  if (typeof value === 'boolean') return value
  const text = present(value)
  if (text === undefined) return fallback
  // The YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new ConfigError(name, `"${text}" is not a boolean`, 'Use true or false.')
}

export function parsePositiveInt(name: string, text: string, what: string): number {
  if (!/^\d+$/.test(text)) {
    throw new ConfigError(name, `"${text}" is not a whole number`, `Use ${what}.`)
  }
  const value = Number(text)
  if (value < 1) throw new ConfigError(name, `must be at least 1 (got ${text})`, `Use ${what}.`)
  return value
}
