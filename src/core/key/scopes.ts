/**
 * The scopes each CI mode needs (docs/api-contract.md part B, "Scopes each CI mode
 * needs"), with built-in descriptions for when the key may not call
 * `GET /permissions?type=ci`.
 */
import type { RunnerType } from '../api/types.js'

export type CiMode = 'ids-ephemeral' | 'tags-ephemeral' | 'polling' | 'inventory'

export interface CiModeInfo {
  mode: CiMode
  label: string
  scopes: readonly string[]
}

export const CI_MODES: readonly CiModeInfo[] = [
  {
    mode: 'ids-ephemeral',
    label: 'run by flow ID, ephemeral runner',
    // The job token from the claim does the rest (heartbeats, events, completion).
    scopes: ['flows:execute']
  },
  {
    mode: 'tags-ephemeral',
    label: 'run by tag, ephemeral runner',
    scopes: ['flows:execute', 'flows:read']
  },
  {
    mode: 'polling',
    label: 'run by flow ID or tag, cloud or self-hosted runner',
    scopes: ['flows:execute', 'flows:read']
  },
  { mode: 'inventory', label: 'read-only inventory', scopes: ['flows:read'] }
]

/** What each scope the kit may ask for lets a key do. */
export const BUILT_IN_SCOPE_DESCRIPTIONS: Record<string, string> = {
  'flows:read': 'read flows, search them by tag and read their executions',
  'flows:execute': 'launch flow executions (and cancel them)',
  'runner:complete': 'report results through the older ephemeral completion endpoint'
}

/** The mode a run uses, from how flows are selected and where they run. */
export function ciModeFor(selection: 'ids' | 'tags', runner: RunnerType): CiModeInfo {
  const mode: CiMode =
    runner === 'ephemeral' ? (selection === 'ids' ? 'ids-ephemeral' : 'tags-ephemeral') : 'polling'
  return CI_MODES.find((m) => m.mode === mode) as CiModeInfo
}

/** Scopes of `required` that `granted` lacks, in the order required lists them. */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted)
  return required.filter((scope) => !have.has(scope))
}
