/**
 * The rules of a fixtures document that its JSON Schema cannot state: ids that
 * must be unique, references between sections (a key's organization, a failure's
 * node, the default key), fields that exclude each other, and fault probabilities
 * that must add up to at most 1. Run on a document that already passed the schema;
 * each rule reports the path of the field to fix.
 */
import type { FixtureServer, SandboxFixtures } from '../types/fixtures.js'
import { issueAt, type PathSegment, type SettingsIssue } from './issues.js'

/** The fault kinds whose probabilities share one draw (so they add up to at most 1). */
const FAULT_RATES = [
  'rate_5xx',
  'rate_503',
  'rate_reset',
  'rate_slow',
  'rate_malformed',
  'rate_html'
] as const

/** The first rule a schema-valid fixtures document breaks, or undefined. */
export function fixtureRulesIssue(fixtures: SandboxFixtures): SettingsIssue | undefined {
  return first(fixtureIssues(fixtures))
}

/**
 * The first rule a schema-valid `server:` section breaks, or undefined.
 * @param at where the section is (`['server']` in a file, `[]` for options)
 * @param name how keys are named in the message (camelCase for options)
 */
export function serverRulesIssue(
  server: FixtureServer | undefined,
  at: readonly PathSegment[],
  name: (key: string) => string = (key) => key
): SettingsIssue | undefined {
  const faults = server?.faults
  if (!faults) return undefined
  const total = FAULT_RATES.reduce((sum, rate) => sum + (faults[rate] ?? 0), 0)
  // A small tolerance: 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point.
  if (total <= 1 + 1e-9) return undefined
  return issueAt(
    [...at, name('faults')],
    `the fault probabilities add up to ${total}; their sum (${FAULT_RATES.map(name).join(' + ')}) must be at most 1`
  )
}

function first(issues: Iterable<SettingsIssue>): SettingsIssue | undefined {
  for (const issue of issues) return issue
  return undefined
}

function* duplicates(
  values: readonly string[],
  at: (i: number) => PathSegment[],
  what: string
): Generator<SettingsIssue> {
  const seen = new Set<string>()
  for (const [i, value] of values.entries()) {
    if (seen.has(value)) yield issueAt(at(i), `duplicate ${what} "${value}"`)
    seen.add(value)
  }
}

function* fixtureIssues(fixtures: SandboxFixtures): Generator<SettingsIssue> {
  const { organizations, api_keys: keys, flows } = fixtures
  for (const [i, key] of keys.entries()) {
    if (key.expires_at !== undefined && key.expires_in_days !== undefined) {
      yield issueAt(
        ['api_keys', i, 'expires_in_days'],
        'give either expires_at or expires_in_days, not both'
      )
    }
  }
  for (const [i, flow] of flows.entries()) {
    const nodeIds = flow.nodes.map((n) => n.id)
    yield* duplicates(nodeIds, (j) => ['flows', i, 'nodes', j, 'id'], 'node id')
    const failing = flow.simulation.failure?.node_id
    if (failing !== undefined && !nodeIds.includes(failing)) {
      yield issueAt(
        ['flows', i, 'simulation', 'failure', 'node_id'],
        `"${failing}" is not one of this flow's nodes`
      )
    }
    yield* duplicates(flow.tags, (j) => ['flows', i, 'tags', j], 'tag')
  }

  const orgIds = organizations.map((o) => o.id)
  yield* duplicates(orgIds, (i) => ['organizations', i, 'id'], 'organization id')
  const keyIds = keys.map((k) => k.id)
  yield* duplicates(keyIds, (i) => ['api_keys', i, 'id'], 'key id')
  yield* duplicates(
    keys.map((k) => k.key),
    (i) => ['api_keys', i, 'key'],
    'key secret'
  )
  yield* duplicates(
    flows.map((f) => f.id),
    (i) => ['flows', i, 'id'],
    'flow id'
  )
  for (const [section, list] of [
    ['api_keys', keys],
    ['flows', flows]
  ] as const) {
    for (const [i, item] of list.entries()) {
      if (!orgIds.includes(item.organization_id)) {
        yield issueAt(
          [section, i, 'organization_id'],
          `unknown organization "${item.organization_id}"`
        )
      }
    }
  }

  const server = serverRulesIssue(fixtures.server, ['server'])
  if (server) yield server
  const { organization_id: org, api_key_id: keyId } = fixtures.default ?? {}
  if (org !== undefined && !orgIds.includes(org)) {
    yield issueAt(['default', 'organization_id'], `unknown organization "${org}"`)
  }
  if (keyId !== undefined && !keyIds.includes(keyId)) {
    yield issueAt(['default', 'api_key_id'], `unknown key "${keyId}"`)
  }
}
