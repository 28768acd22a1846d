/**
 * What `echopoint-ci whoami` shows: the key's id, name, organization, scopes and
 * expiry, and for each CI mode of docs/api-contract.md part B ("Scopes each CI mode
 * needs") whether the key can run it.
 */
import type { EchopointApi } from '../api/api.js'
import { resolveExpiry, type ExpirySource } from './check.js'
import { daysLeft } from './expiry.js'
import { fetchKeyInfo, type KeyInfo } from '../run/preflight.js'
import { CI_MODES, missingScopes, type CiMode } from './scopes.js'
import type { Surface } from '../surface.js'

export interface CiModeReport {
  mode: CiMode
  label: string
  scopes: string[]
  can_run: boolean
  missing_scopes: string[]
}

/** The `--output json` document of whoami. */
export interface KeyReport {
  key_id: string
  key_name: string | null
  organization_id: string
  permissions: string[]
  /** RFC 3339; null when the key never expires or the expiry is unknown (see expires_at_source). */
  expires_at: string | null
  /** Null when the API does not report the expiry. */
  expires_at_source: ExpirySource | null
  never_expires: boolean
  days_left: number | null
  modes: CiModeReport[]
}

/** Builds the report from what `GET /api-keys/self` answered. Pure. */
export function keyReport(info: KeyInfo, now: number, headerValue?: string): KeyReport {
  const { key } = info
  const expiry = resolveExpiry(info, headerValue)
  return {
    key_id: key.api_key_id,
    key_name: typeof key.name === 'string' && key.name !== '' ? key.name : null,
    organization_id: key.organization_id,
    permissions: [...key.permissions],
    expires_at: expiry.expiresAt ?? null,
    expires_at_source: expiry.source ?? null,
    never_expires: expiry.expiresAt === null,
    days_left: typeof expiry.expiresAt === 'string' ? daysLeft(expiry.expiresAt, now) : null,
    modes: CI_MODES.map((mode) => {
      const missing = missingScopes(mode.scopes, key.permissions)
      return {
        mode: mode.mode,
        label: mode.label,
        scopes: [...mode.scopes],
        can_run: missing.length === 0,
        missing_scopes: missing
      }
    })
  }
}

/** Asks the API who the key is (`GET /api-keys/self`) and builds the report. */
export async function whoami(
  api: EchopointApi,
  now: () => number,
  signal?: AbortSignal,
  surface: Surface = 'action'
): Promise<KeyReport> {
  const info = await fetchKeyInfo(api, signal, surface)
  return keyReport(info, now(), api.keyExpiresAtHeader)
}
