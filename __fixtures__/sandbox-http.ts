/**
 * A tiny HTTP helper for sandbox tests: one call, the parsed answer. It uses
 * Node's fetch against the real server on 127.0.0.1, like the client does.
 */
import type { Sandbox } from '../src/sandbox/index.js'

/** Keys of the default fixture (sandbox/default.json). */
export const KEYS = {
  ci: 'epk_live_sandbox_demo_ci',
  readOnly: 'epk_live_sandbox_read_only',
  executeOnly: 'epk_live_sandbox_execute_only',
  admin: 'epk_live_sandbox_admin',
  expired: 'epk_live_sandbox_expired',
  revoked: 'epk_live_sandbox_revoked',
  expiringSoon: 'epk_live_sandbox_expiring_soon',
  noExpiry: 'epk_live_sandbox_no_expiry',
  otherOrg: 'epk_live_sandbox_other_org'
} as const

/** Flows of the default fixture. */
export const FLOWS = {
  login: '12274271-06b2-43b7-b64a-de134439c37f',
  checkout: '38397a93-100d-4a5c-a538-1e000c3127da',
  health: '127725f7-5a17-4b95-9526-f64b9cd7313e',
  refund: '658f25a8-7926-4ff7-b5ea-344d42c9a316',
  graphql: 'fa2ee422-0250-4ec8-b1c6-f0d17e1e3adc',
  orderHistory: 'd405cce9-ee22-4b7c-a731-77924b7f964e',
  passwordReset: 'e90bfc84-c53a-4d44-9701-5bb5aabaced6',
  legacyBilling: 'a11474f0-fa79-4de1-b36a-086899a09db0',
  otherOrg: 'd37f7f6f-eab2-48c9-8898-f4b15a61a3d3'
} as const

export const LOGIN_PUBLISHED_VERSION = '5d6c9db6-82f8-418e-92fc-7430deed5f90'

// Tests read answers loosely (res.body.errors[0].code); a test that wants types passes T.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

export interface CallOptions {
  method?: string
  /** Default: the default CI key; null sends no X-Api-Key. */
  key?: string | null
  /** Default: org_demo; null sends no X-Organization-ID. */
  org?: string | null
  /** JSON-encoded unless a string. */
  body?: unknown
  headers?: Record<string, string>
}

export interface CallResult<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** Sends one request to the sandbox and parses the JSON answer (null for an empty body). */
export async function call<T = Loose>(
  sandbox: Sandbox,
  path: string,
  options: CallOptions = {}
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers }
  const key = options.key === undefined ? KEYS.ci : options.key
  const org = options.org === undefined ? 'org_demo' : options.org
  if (key !== null) headers['X-Api-Key'] = key
  if (org !== null) headers['X-Organization-ID'] = org
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['Content-Type'] = 'application/json'
  }
  const response = await fetch(`${sandbox.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : null) as T
  }
}
