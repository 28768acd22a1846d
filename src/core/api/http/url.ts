/**
 * The API base URL: how it is validated (for the config and again by the transport)
 * and how request URLs are built from it.
 */
import { isIP } from 'node:net'
import { ConfigError } from '../../errors.js'

const EXAMPLE = 'https://api.echopoint.dev'

/**
 * True for hosts that can only mean this machine: `localhost`, 127.0.0.0/8 and `::1`.
 * Accepts a URL `hostname` (IPv6 in brackets, as URL gives it) or a bare host.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (h === 'localhost') return true
  if (isIP(h) === 4) return h.startsWith('127.')
  // The URL parser writes ::1 in its shortest form; accept the long one for bare hosts.
  if (isIP(h) === 6) return h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h)
  return false
}

/**
 * Validates the API base URL and returns it normalised (no trailing slash on a base
 * path). Throws ConfigError(input, …) saying what is wrong and what to do; `input` is
 * the name the user wrote (`api-url` for the action, `--api-url` for the CLI).
 * The message never echoes the raw value: it may hold credentials or a secret query.
 */
export function validateApiUrl(raw: string, input = 'api-url'): URL {
  const value = raw.trim()
  if (value === '') {
    throw new ConfigError(
      input,
      'it is empty',
      `Set it to the Echopoint API base URL, e.g. ${EXAMPLE}.`
    )
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(
      input,
      'it is not an absolute URL',
      `Give the full base URL including the scheme, e.g. ${EXAMPLE}.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(
      input,
      `the scheme ${url.protocol} is not supported`,
      `Use an https:// URL, e.g. ${EXAMPLE}.`
    )
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      input,
      `plain http:// is only allowed to a local server (localhost, 127.0.0.1, ::1), not to ${url.hostname}`,
      'Use https:// so the API key is not sent in clear text.'
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(
      input,
      'it contains credentials (user:password@)',
      'Remove them: the API key is given separately and sent as the X-Api-Key header.'
    )
  }
  // `new URL('https://h/?')` has an empty search, so look at the raw text as well.
  if (url.search !== '' || value.includes('?')) {
    throw new ConfigError(input, 'it has a query string', 'Remove everything from "?" on.')
  }
  if (url.hash !== '' || value.includes('#')) {
    throw new ConfigError(input, 'it has a fragment', 'Remove everything from "#" on.')
  }
  url.pathname = trimTrailingSlashes(url.pathname) || '/'
  return url
}

function trimTrailingSlashes(path: string): string {
  return path.replace(/\/+$/, '')
}

/** Query values; undefined ones are left out. */
export type Query = Record<string, string | number | boolean | undefined>

/**
 * Joins the base URL (which may have a path prefix such as /api/v1) and an API path
 * such as `/flows/abc` (segments already encoded with {@link pathSegment}).
 */
export function joinUrl(base: URL, path: string, query: Query = {}): URL {
  const url = new URL(base.href)
  url.pathname = trimTrailingSlashes(base.pathname) + (path.startsWith('/') ? path : `/${path}`)
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.append(name, String(value))
  }
  return url
}

/**
 * Encodes one path segment. `.` and `..` are refused: the URL parser resolves them
 * (even percent-encoded, per the WHATWG URL standard), which would change the path.
 * `what` names the value in the error, e.g. "flow ID".
 */
export function pathSegment(value: string, what: string): string {
  const v = value.trim()
  if (v === '' || v === '.' || v === '..') {
    throw new ConfigError(what, v === '' ? 'it is empty' : `"${v}" is not a valid ID`)
  }
  return encodeURIComponent(v)
}
