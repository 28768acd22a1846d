/**
 * The scope catalog `GET /permissions?type=…` answers from (docs/api-contract.md part A).
 * `custom` lists every scope a key can be given, `runner` the scopes a runner key
 * uses, `ci` the curated preset for CI keys: flow execution plus ephemeral runner
 * completion, and `flows:read` to resolve tags and poll.
 *
 * The published spec requires only `name` of a permission item; the sandbox leaves
 * `scope_modifier` out (none of these scopes has one), so a client that expects
 * every field shows up here.
 */
import type { Permission } from '../core/api/types.js'

export type PermissionType = 'custom' | 'runner' | 'ci'

export const PERMISSION_TYPES: readonly PermissionType[] = ['custom', 'runner', 'ci']

const CATALOG: readonly Permission[] = [
  {
    name: 'flows:read',
    description: 'List, search and read flows and their executions'
  },
  { name: 'flows:write', description: 'Create, edit and delete flows' },
  { name: 'flows:execute', description: 'Launch and cancel flow executions' },
  {
    name: 'runner:claim',
    description: 'Claim queued executions as a self-hosted runner'
  },
  {
    name: 'runner:complete',
    description: 'Report the result of an execution run by a runner (ephemeral or self-hosted)'
  },
  {
    name: 'environments:read',
    description: 'Read environments and their variables'
  },
  {
    name: 'webhooks:read',
    description: 'Read webhook configurations and deliveries'
  },
  { name: 'webhooks:write', description: 'Create and edit webhooks' },
  {
    name: 'api_key:create',
    description: 'Create API keys and list the permissions they can carry'
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
