/**
 * Checks the key before anything is launched: is it valid, is it for this
 * organization, and does it carry every scope the chosen mode needs. A run that
 * would fail half-way for lack of a scope fails here instead, with nothing
 * started on the server.
 */
import type { EchopointApi } from '../api/api.js'
import type { KeySelf } from '../api/model.js'
import type { RunnerType } from '../api/types.js'
import { EchopointError } from '../errors.js'
import type { Logger } from '../logger.js'
import { BUILT_IN_SCOPE_DESCRIPTIONS, ciModeFor, missingScopes } from '../key/scopes.js'
import { ACTION_CREDENTIAL_NAMES, type CredentialNames } from '../credentials.js'
import { keyStore, type Surface } from '../surface.js'

export interface KeyInfo {
  key: KeySelf
  /** RFC 3339 expiry, null when the key never expires, undefined when unknown. */
  expiresAt: string | null | undefined
  expiresAtSource?: 'api-keys/self' | 'header'
}

/** The message every adapter shows for a 401. */
export const INVALID_KEY_MESSAGE = 'The API key is invalid, revoked or expired (HTTP 401)'

/** What to do about a 401, in the words of the front door in use. */
export function invalidKeyHint(surface: Surface = 'action'): string {
  return `Create a new key with the ci preset and an expiration date, then update ${keyStore(surface)}.`
}

/** `GET /api-keys/self`, with a 401 turned into the message users should see. */
export async function fetchKeyInfo(
  api: EchopointApi,
  signal?: AbortSignal,
  surface: Surface = 'action'
): Promise<KeyInfo> {
  let key: KeySelf
  try {
    key = await api.getKeySelf({ signal })
  } catch (err) {
    if (err instanceof EchopointError && err.kind === 'auth') {
      throw new EchopointError('auth', INVALID_KEY_MESSAGE, {
        status: err.status,
        code: err.code,
        request: err.request,
        hint: invalidKeyHint(surface),
        cause: err
      })
    }
    throw err
  }
  if (key.expires_at !== undefined) {
    return { key, expiresAt: key.expires_at, expiresAtSource: 'api-keys/self' }
  }
  const header = api.keyExpiresAtHeader
  if (header !== undefined && Number.isFinite(Date.parse(header))) {
    return { key, expiresAt: new Date(Date.parse(header)).toISOString(), expiresAtSource: 'header' }
  }
  return { key, expiresAt: undefined }
}

/** Scope descriptions from the API when the key may read them, else the built-in table. */
async function scopeDescriptions(
  api: EchopointApi,
  logger: Logger,
  signal?: AbortSignal
): Promise<Record<string, string>> {
  const descriptions = { ...BUILT_IN_SCOPE_DESCRIPTIONS }
  try {
    const page = await api.listPermissions('ci', { signal })
    for (const permission of page.items) {
      if (permission.description) descriptions[permission.name] = permission.description
    }
  } catch (err) {
    if (err instanceof EchopointError && (err.kind === 'permission' || err.kind === 'not_found')) {
      logger.debug(
        `GET /permissions?type=ci answered ${err.status ?? err.kind}; using the built-in scope table`
      )
    } else {
      throw err
    }
  }
  return descriptions
}

export interface PreflightOptions {
  organizationId: string
  selection: 'ids' | 'tags'
  runner: RunnerType
  logger: Logger
  signal?: AbortSignal
  /** How the user called the organization ID, and the front door in use (default: the action's). */
  names?: Pick<CredentialNames, 'organizationId'>
  surface?: Surface
}

/**
 * Runs the checks; returns the key's details, or throws an `auth`,
 * `permission` or `config` error that says what to do.
 */
export async function preflight(api: EchopointApi, options: PreflightOptions): Promise<KeyInfo> {
  const { logger, signal } = options
  const surface = options.surface ?? 'action'
  const organizationName = (options.names ?? ACTION_CREDENTIAL_NAMES).organizationId
  const info = await fetchKeyInfo(api, signal, surface)
  const { key } = info
  logger.debug(
    `Key ${key.api_key_id} (organization ${key.organization_id}) has scopes: ${key.permissions.join(', ') || 'none'}`
  )
  if (key.organization_id !== options.organizationId) {
    throw new EchopointError(
      'permission',
      `The API key belongs to organization ${key.organization_id}, but ${organizationName} is ${options.organizationId}`,
      {
        hint: `Set ${organizationName} to the organization the key was created in, or use a key of that organization.`
      }
    )
  }
  const mode = ciModeFor(options.selection, options.runner)
  const missing = missingScopes(mode.scopes, key.permissions)
  if (missing.length > 0) {
    const descriptions = await scopeDescriptions(api, logger, signal)
    const list = missing
      .map((scope) => `${scope} (${descriptions[scope] ?? 'no description'})`)
      .join('; ')
    throw new EchopointError(
      'permission',
      `The API key lacks ${missing.length === 1 ? 'a scope' : `${missing.length} scopes`} needed to ${mode.label}: ${list}`,
      {
        code: 'MISSING_SCOPES',
        metadata: { missing_scopes: missing },
        hint: `Create a key with the ci preset (it has every scope CI needs) and update ${keyStore(surface)}.`
      }
    )
  }
  return info
}
