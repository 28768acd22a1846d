/**
 * A raw HTTP helper for sandbox tests that expect answers a JSON parser would
 * choke on (malformed bodies, HTML error pages) or no answer at all (a reset).
 */
import type { Sandbox } from '../src/sandbox/index.js'
import { KEYS } from './sandbox-http.js'

export interface RawAnswer {
  status: number
  headers: Headers
  text: string
}

export interface RawFailure {
  /** The connection failed before an answer (e.g. a reset). */
  error: Error
}

export interface RawOptions {
  method?: string
  /** Default: the default CI key. */
  key?: string
  headers?: Record<string, string>
  /** Sent as JSON. */
  body?: unknown
}

/** Sends one request with the default key and org; never throws for a network failure. */
export async function raw(
  sandbox: Sandbox,
  path: string,
  options: RawOptions = {}
): Promise<RawAnswer | RawFailure> {
  const headers: Record<string, string> = {
    'X-Api-Key': options.key ?? KEYS.ci,
    'X-Organization-ID': 'org_demo',
    ...options.headers
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  try {
    const response = await fetch(`${sandbox.url}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body)
    })
    return { status: response.status, headers: response.headers, text: await response.text() }
  } catch (err) {
    return { error: err as Error }
  }
}

/** The answer, or a test failure naming the network error. */
export function answered(result: RawAnswer | RawFailure): RawAnswer {
  if ('error' in result) throw new Error(`expected an answer, got ${String(result.error)}`)
  return result
}
