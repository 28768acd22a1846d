/**
 * The scope catalog `GET /permissions?type=…` answers from (contract.md part A).
 * `custom` lists every scope a key can be given, `runner` the scopes a runner key
 * uses, `ci` the curated preset for CI keys: flow execution plus ephemeral runner
 * completion, and `flows:read` to resolve tags and poll.
 */
import type { Permission } from '../core/api/types.js'

export type PermissionType = 'custom' | 'runner' | 'ci'

export const PERMISSION_TYPES: readonly PermissionType[] = ['custom', 'runner', 'ci']

const CATALOG: readonly Permission[] = [
  {
    name: 'flows:read',
    description: 'List, search and read flows and their executions',
    scope_modifier: null
  },
  { name: 'flows:write', description: 'Create, edit and delete flows', scope_modifier: null },
  { name: 'flows:execute', description: 'Launch and cancel flow executions', scope_modifier: null },
  {
    name: 'runner:claim',
    description: 'Claim queued executions as a self-hosted runner',
    scope_modifier: null
  },
  {
    name: 'runner:complete',
    description: 'Report the result of an execution run by a runner (ephemeral or self-hosted)',
    scope_modifier: null
  },
  {
    name: 'environments:read',
    description: 'Read environments and their variables',
    scope_modifier: null
  },
  {
    name: 'webhooks:read',
    description: 'Read webhook configurations and deliveries',
    scope_modifier: null
  },
  { name: 'webhooks:write', description: 'Create and edit webhooks', scope_modifier: null },
  {
    name: 'api_key:create',
    description: 'Create API keys and list the permissions they can carry',
    scope_modifier: null
  }
]

const PRESETS: Record<PermissionType, readonly string[]> = {
  custom: CATALOG.map((p) => p.name),
  runner: ['runner:claim', 'runner:complete'],
  ci: ['flows:read', 'flows:execute', 'runner:complete']
}

/** The permissions of one preset, in catalog order. */
export function permissionsOf(type: PermissionType): Permission[] {
  return CATALOG.filter((p) => PRESETS[type].includes(p.name)).map((p) => ({ ...p }))
}

/** The scopes of the `ci` preset, which the default fixture's CI key carries. */
export const CI_PRESET_SCOPES: readonly string[] = PRESETS.ci
