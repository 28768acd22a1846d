/**
 * A sandbox fixture whose flows run against the demo service: the example flow
 * files (examples/flows), as flows of an organization `org_local`, tagged
 * `local`, with the service's URL as their `baseUrl` input. The demo runs them
 * with `runner: ephemeral`: the step claims each execution and runs it here,
 * where the service is reachable on loopback.
 */
import { readFileSync } from 'node:fs'
import { sep } from 'node:path'
import type { SandboxFixtures } from '../sandbox/index.js'

export const LOCAL_ORG = 'org_local'
export const LOCAL_KEY = 'epk_live_local_service_ci'

type Json = Record<string, unknown>

/** The example flows, with fixed ids. */
export const LOCAL_FLOWS = [
  { id: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d01', file: 'widgets-crud.json', tags: ['local'] },
  { id: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d02', file: 'failing-on-purpose.json', tags: ['local'] },
  { id: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d07', file: 'batch-loop.json', tags: ['local'] }
] as const

/** A flow definition in Echopoint's format as a fixture flow (its nodes, edges and inputs). */
export function fixtureFlowOf(
  id: string,
  tags: readonly string[],
  definition: Json,
  inputs: Record<string, { value: unknown; secret?: boolean }>,
  organizationId = LOCAL_ORG
): Json {
  return {
    id,
    organization_id: organizationId,
    name: definition.name,
    tags: [...tags],
    inputs,
    nodes: (definition.nodes as Json[]).map((n) => ({
      id: n.id,
      display_name: n.display_name ?? n.id,
      type: n.type,
      config: n.data ?? {},
      ...(n.run_when ? { run_when: n.run_when } : {}),
      ...(n.assertions ? { assertions: n.assertions } : {}),
      ...(n.outputs ? { outputs: n.outputs } : {})
    })),
    edges: ((definition.edges as Json[] | undefined) ?? []).map((e) => ({
      source: e.source,
      target: e.target,
      type: e.type ?? 'success'
    })),
    // Used only by a cloud run (simulated); an ephemeral run runs the definition.
    simulation: { outcome: 'passed', duration_ms: 500 }
  }
}

/** The fixture: one organization, one CI key (flows:read, flows:execute), the example flows. */
export function localServiceFixtures(serviceUrl: string, examplesDir: string): SandboxFixtures {
  const flows = LOCAL_FLOWS.map(({ id, file, tags }) => {
    const definition = JSON.parse(readFileSync([examplesDir, file].join(sep), 'utf8')) as Json
    const defaults = (definition.initial_inputs ?? {}) as Json
    const inputs = Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => [
        name,
        name === 'baseUrl'
          ? { value: serviceUrl }
          : { value, ...(name === 'password' ? { secret: true } : {}) }
      ])
    )
    return fixtureFlowOf(id, tags, definition, inputs)
  })
  return withLocalKey(flows)
}

/** A fixture with `flows` in the organization `org_local` and its CI key (flows:read, flows:execute). */
export function withLocalKey(flows: Json[]): SandboxFixtures {
  return {
    organizations: [{ id: LOCAL_ORG, name: 'Local service team' }],
    api_keys: [
      {
        id: 'key_local_ci',
        key: LOCAL_KEY,
        name: 'CI (ephemeral runner)',
        organization_id: LOCAL_ORG,
        permissions: ['flows:read', 'flows:execute'],
        expires_in_days: 90
      }
    ],
    default: { organization_id: LOCAL_ORG, api_key_id: 'key_local_ci' },
    flows
  } as unknown as SandboxFixtures
}
