/**
 * The sandbox's starting state: organizations, API keys and flows (with how each
 * flow behaves when launched). Read from an object or a JSON/YAML file and
 * validated strictly: a typo in a fixture (`expires_in_day`) is an error naming
 * the path of the field, not a silently ignored key.
 *
 * The default fixture (fixtures/default.json) is imported, not read from disk, so
 * the bundled CLI (dist/cli/index.js, built by ncc) carries it inside the bundle.
 */
import { readFileSync } from 'node:fs'
import { dirname, extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import defaultFixturesJson from '../../fixtures/default.json' with { type: 'json' }
import { Checker, FixtureError, type Json } from './fixture-checker.js'
import { checkServerSection, type FixtureServer } from './server-config.js'
import { isUuid } from './validate.js'

export { FixtureError }

export interface FixtureOrganization {
  id: string
  name?: string
}

export interface FixtureApiKey {
  id: string
  /** The secret sent in `X-Api-Key`, e.g. `epk_live_sandbox_ci`. */
  key: string
  name: string
  organization_id: string
  permissions: string[]
  /** RFC 3339, or null for a key that never expires. Exclusive with `expires_in_days`. */
  expires_at?: string | null
  /** Expiry relative to the sandbox's clock at start (negative = already expired). */
  expires_in_days?: number
  revoked?: boolean
  /** Free text: why this key exists. */
  description?: string
}

export interface FixtureNode {
  id: string
  display_name: string
  /** `request`, `delay`, `module`, or any other type (unknown types pass through). */
  type: string
  /** Relative weight of this node in the flow's duration (default 1). */
  weight?: number
  /** Free-form node configuration, returned in `flow_definition`. */
  config?: Record<string, unknown>
}

export interface FixtureAssertion {
  extractor: string
  operator: string
  /** Any JSON value; leave out when unknown (the node result then omits it too). */
  expected?: unknown
  /** Any JSON value; leave out when unknown (the node result then omits it too). */
  actual?: unknown
}

/** How a launched execution of the flow behaves. */
export interface FixtureSimulation {
  /** `passed` → completed; `failed` → failed on an assertion; `error` → failed at execution level. */
  outcome: 'passed' | 'failed' | 'error'
  /** Time spent running, in ms (before `timeScale`). */
  duration_ms: number
  /** Time spent pending before a runner picks it up, in ms (default 250). */
  pending_ms?: number
  /** Required when outcome is `failed`: the node whose assertion fails. */
  failure?: { node_id: string; assertion: FixtureAssertion }
  /** Required when outcome is `error`. */
  error?: { code: string; message: string }
}

export interface FixtureInput {
  value: string
  /** Secret inputs read `***` in `runner_inputs`. */
  secret?: boolean
}

export interface FixtureFlow {
  id: string
  organization_id: string
  name: string
  description?: string | null
  tags: string[]
  /**
   * The flow's version, answered as a string (`"3"`) as the published spec has it.
   * A positive integer (`3`, the older fixture format) is accepted and read as `"3"`.
   * Default `"1"`.
   */
  version?: string | number
  /** Free-form flow metadata, answered as `Flow.metadata` (default `{}`). */
  metadata?: Record<string, unknown>
  /** RFC 3339; default: spaced one hour apart before the sandbox starts, in file order. */
  created_at?: string
  timeout_seconds?: number
  inputs?: Record<string, FixtureInput>
  /** IDs accepted as `version_id` at launch (any other is a 404). */
  published_versions?: string[]
  nodes: FixtureNode[]
  simulation: FixtureSimulation
}

export interface SandboxFixtures {
  description?: string
  /** What the banner prints; default: the first organization and its first CI-capable key. */
  default?: { organization_id?: string; api_key_id?: string }
  organizations: FixtureOrganization[]
  api_keys: FixtureApiKey[]
  flows: FixtureFlow[]
  /**
   * Rate limits, quota, faults, clock skew and time scale (see server-config.ts).
   * `startSandbox` options and CLI flags override it field by field.
   */
  server?: FixtureServer
}

/** The format `X-Api-Key` must have; anything else is a 401 "malformed". */
export const API_KEY_PATTERN = /^epk_(live|test)_[A-Za-z0-9_]{6,}$/
const SCOPE_PATTERN = /^[a-z_]+:[a-z_]+$/

function checkKey(c: Checker, value: unknown, path: string): FixtureApiKey {
  const o = c.object(value, path, [
    'id',
    'key',
    'name',
    'organization_id',
    'permissions',
    'expires_at',
    'expires_in_days',
    'revoked',
    'description'
  ])
  const key: FixtureApiKey = {
    id: c.string(o.id, `${path}.id`),
    key: c.string(
      o.key,
      `${path}.key`,
      API_KEY_PATTERN,
      'must look like epk_live_<at least 6 of A-Z a-z 0-9 _>'
    ),
    name: c.string(o.name, `${path}.name`),
    organization_id: c.string(o.organization_id, `${path}.organization_id`),
    permissions: c
      .array(o.permissions, `${path}.permissions`)
      .map((s, i) =>
        c.string(s, `${path}.permissions[${i}]`, SCOPE_PATTERN, 'must be a scope like flows:read')
      )
  }
  if (o.expires_at !== undefined && o.expires_in_days !== undefined) {
    c.fail(`${path}.expires_in_days`, 'give either expires_at or expires_in_days, not both')
  }
  if (o.expires_at === null) key.expires_at = null
  else if (o.expires_at !== undefined)
    key.expires_at = c.rfc3339(o.expires_at, `${path}.expires_at`)
  if (o.expires_in_days !== undefined) {
    key.expires_in_days = c.number(o.expires_in_days, `${path}.expires_in_days`, -36500)
  }
  if (o.revoked !== undefined) key.revoked = c.boolean(o.revoked, `${path}.revoked`)
  const description = c.optionalString(o.description, `${path}.description`)
  if (description !== undefined) key.description = description
  return key
}

function checkNode(c: Checker, value: unknown, path: string): FixtureNode {
  const o = c.object(value, path, ['id', 'display_name', 'type', 'weight', 'config'])
  const node: FixtureNode = {
    id: c.string(o.id, `${path}.id`),
    display_name: c.string(o.display_name, `${path}.display_name`),
    type: c.string(o.type, `${path}.type`)
  }
  if (o.weight !== undefined) node.weight = c.number(o.weight, `${path}.weight`, 0)
  if (o.config !== undefined) {
    node.config = c.object(o.config, `${path}.config`, Object.keys(o.config as Json))
  }
  return node
}

function checkSimulation(
  c: Checker,
  value: unknown,
  path: string,
  nodes: FixtureNode[]
): FixtureSimulation {
  const o = c.object(value, path, ['outcome', 'duration_ms', 'pending_ms', 'failure', 'error'])
  const outcomes = ['passed', 'failed', 'error'] as const
  if (!outcomes.includes(o.outcome as FixtureSimulation['outcome'])) {
    c.fail(`${path}.outcome`, 'must be one of passed, failed, error')
  }
  const sim: FixtureSimulation = {
    outcome: o.outcome as FixtureSimulation['outcome'],
    duration_ms: c.number(o.duration_ms, `${path}.duration_ms`, 0)
  }
  if (o.pending_ms !== undefined) sim.pending_ms = c.number(o.pending_ms, `${path}.pending_ms`, 0)
  if (sim.outcome === 'failed') {
    const f = c.object(o.failure, `${path}.failure`, ['node_id', 'assertion'])
    const nodeId = c.string(f.node_id, `${path}.failure.node_id`)
    if (!nodes.some((n) => n.id === nodeId)) {
      c.fail(`${path}.failure.node_id`, `"${nodeId}" is not one of this flow's nodes`)
    }
    const a = c.object(f.assertion, `${path}.failure.assertion`, [
      'extractor',
      'operator',
      'expected',
      'actual'
    ])
    const assertion: FixtureAssertion = {
      extractor: c.string(a.extractor, `${path}.failure.assertion.extractor`),
      operator: c.string(a.operator, `${path}.failure.assertion.operator`)
    }
    // Absent when unknown: kept absent, never turned into null.
    if (a.expected !== undefined) assertion.expected = a.expected
    if (a.actual !== undefined) assertion.actual = a.actual
    sim.failure = { node_id: nodeId, assertion }
  } else if (o.failure !== undefined) {
    c.fail(`${path}.failure`, 'only allowed when outcome is "failed"')
  }
  if (sim.outcome === 'error') {
    const e = c.object(o.error, `${path}.error`, ['code', 'message'])
    sim.error = {
      code: c.string(e.code, `${path}.error.code`),
      message: c.string(e.message, `${path}.error.message`)
    }
  } else if (o.error !== undefined) {
    c.fail(`${path}.error`, 'only allowed when outcome is "error"')
  }
  return sim
}

function checkFlow(c: Checker, value: unknown, path: string): FixtureFlow {
  const o = c.object(value, path, [
    'id',
    'organization_id',
    'name',
    'description',
    'tags',
    'version',
    'metadata',
    'created_at',
    'timeout_seconds',
    'inputs',
    'published_versions',
    'nodes',
    'simulation'
  ])
  const nodes = c
    .array(o.nodes, `${path}.nodes`)
    .map((n, i) => checkNode(c, n, `${path}.nodes[${i}]`))
  if (nodes.length === 0) c.fail(`${path}.nodes`, 'a flow needs at least one node')
  c.unique(
    nodes.map((n) => n.id),
    (i) => `${path}.nodes[${i}].id`,
    'node id'
  )
  const flow: FixtureFlow = {
    id: checkUuid(c, o.id, `${path}.id`),
    organization_id: c.string(o.organization_id, `${path}.organization_id`),
    name: c.string(o.name, `${path}.name`),
    tags: c.array(o.tags, `${path}.tags`).map((t, i) => c.string(t, `${path}.tags[${i}]`)),
    nodes,
    simulation: checkSimulation(c, o.simulation, `${path}.simulation`, nodes)
  }
  c.unique(flow.tags, (i) => `${path}.tags[${i}]`, 'tag')
  if (o.description === null) flow.description = null
  else if (o.description !== undefined)
    flow.description = c.string(o.description, `${path}.description`)
  if (o.version !== undefined) flow.version = checkVersion(c, o.version, `${path}.version`)
  if (o.metadata !== undefined) {
    // Any keys: metadata is free-form. (`?? {}`: a null fails as "must be an object".)
    flow.metadata = c.object(o.metadata, `${path}.metadata`, Object.keys(o.metadata ?? {}))
  }
  if (o.created_at !== undefined) flow.created_at = c.rfc3339(o.created_at, `${path}.created_at`)
  if (o.timeout_seconds !== undefined) {
    flow.timeout_seconds = c.number(o.timeout_seconds, `${path}.timeout_seconds`, 1, true)
  }
  if (o.inputs !== undefined) {
    const inputs = c.object(o.inputs, `${path}.inputs`, Object.keys(o.inputs as Json))
    flow.inputs = {}
    for (const [name, input] of Object.entries(inputs)) {
      const i = c.object(input, `${path}.inputs.${name}`, ['value', 'secret'])
      if (typeof i.value !== 'string') c.fail(`${path}.inputs.${name}.value`, 'must be a string')
      flow.inputs[name] = { value: i.value }
      if (i.secret !== undefined)
        flow.inputs[name].secret = c.boolean(i.secret, `${path}.inputs.${name}.secret`)
    }
  }
  if (o.published_versions !== undefined) {
    flow.published_versions = c
      .array(o.published_versions, `${path}.published_versions`)
      .map((v, i) => c.string(v, `${path}.published_versions[${i}]`))
  }
  return flow
}

/**
 * A flow version: a non-empty string (the published spec's type), or a positive
 * integer as older fixtures wrote it, read as its decimal string.
 */
function checkVersion(c: Checker, value: unknown, path: string): string {
  if (typeof value === 'number') return String(c.number(value, path, 1, true))
  if (typeof value !== 'string') c.fail(path, 'must be a string like "3" (or a positive integer)')
  return c.string(value, path)
}

function checkUuid(c: Checker, value: unknown, path: string): string {
  const text = c.string(value, path)
  if (!isUuid(text)) c.fail(path, 'must be a UUID (flow IDs are UUIDs in the Echopoint API)')
  return text
}

/** Validates a parsed fixtures document. */
export function validateFixtures(value: unknown, source?: string): SandboxFixtures {
  const c = new Checker(source)
  const root = c.object(value, '$', [
    '$schema',
    'description',
    'default',
    'organizations',
    'api_keys',
    'flows',
    'server'
  ])
  const organizations = c.array(root.organizations, 'organizations').map((v, i) => {
    const o = c.object(v, `organizations[${i}]`, ['id', 'name'])
    const org: FixtureOrganization = { id: c.string(o.id, `organizations[${i}].id`) }
    const name = c.optionalString(o.name, `organizations[${i}].name`)
    if (name !== undefined) org.name = name
    return org
  })
  if (organizations.length === 0) c.fail('organizations', 'at least one organization is needed')
  const apiKeys = c.array(root.api_keys, 'api_keys').map((v, i) => checkKey(c, v, `api_keys[${i}]`))
  const flows = c.array(root.flows, 'flows').map((v, i) => checkFlow(c, v, `flows[${i}]`))

  const orgIds = organizations.map((o) => o.id)
  c.unique(orgIds, (i) => `organizations[${i}].id`, 'organization id')
  c.unique(
    apiKeys.map((k) => k.id),
    (i) => `api_keys[${i}].id`,
    'key id'
  )
  c.unique(
    apiKeys.map((k) => k.key),
    (i) => `api_keys[${i}].key`,
    'key secret'
  )
  c.unique(
    flows.map((f) => f.id),
    (i) => `flows[${i}].id`,
    'flow id'
  )
  apiKeys.forEach((k, i) => {
    if (!orgIds.includes(k.organization_id)) {
      c.fail(`api_keys[${i}].organization_id`, `unknown organization "${k.organization_id}"`)
    }
  })
  flows.forEach((f, i) => {
    if (!orgIds.includes(f.organization_id)) {
      c.fail(`flows[${i}].organization_id`, `unknown organization "${f.organization_id}"`)
    }
  })

  const fixtures: SandboxFixtures = { organizations, api_keys: apiKeys, flows }
  if (root.server !== undefined) fixtures.server = checkServerSection(c, root.server)
  const description = c.optionalString(root.description, 'description')
  if (description !== undefined) fixtures.description = description
  if (root.default !== undefined) {
    const d = c.object(root.default, 'default', ['organization_id', 'api_key_id'])
    fixtures.default = {}
    if (d.organization_id !== undefined) {
      const org = c.string(d.organization_id, 'default.organization_id')
      if (!orgIds.includes(org)) c.fail('default.organization_id', `unknown organization "${org}"`)
      fixtures.default.organization_id = org
    }
    if (d.api_key_id !== undefined) {
      const keyId = c.string(d.api_key_id, 'default.api_key_id')
      if (!apiKeys.some((k) => k.id === keyId))
        c.fail('default.api_key_id', `unknown key "${keyId}"`)
      fixtures.default.api_key_id = keyId
    }
  }
  return fixtures
}

function readFixturesFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new FixtureError('$', `cannot read the file (${(err as Error).message})`, path)
  }
  const ext = extname(path).toLowerCase()
  try {
    // YAML is a superset of JSON, but JSON.parse gives the clearer error for a .json file.
    return ext === '.json' ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown)
  } catch (err) {
    throw new FixtureError(
      '$',
      `not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${(err as Error).message})`,
      path
    )
  }
}

/**
 * Loads and validates fixtures from an object, or from a `.json`, `.yaml` or
 * `.yml` file. Throws a FixtureError naming the path of the first bad field.
 */
export function loadFixtures(pathOrObject: SandboxFixtures | string): SandboxFixtures {
  if (typeof pathOrObject === 'string') {
    return validateFixtures(readFixturesFile(pathOrObject), pathOrObject)
  }
  // A deep copy: the sandbox mutates nothing, but callers may reuse their object.
  return validateFixtures(structuredClone(pathOrObject))
}

/** The default fixture shipped with the kit (embedded in the bundle). */
export function defaultFixtures(): SandboxFixtures {
  return loadFixtures(defaultFixturesJson as unknown as SandboxFixtures)
}

/**
 * Where fixtures/default.json lives on disk, for users who want to copy and edit
 * it. src/sandbox/ (ts-jest) and dist/cli/ (the bundle) are both two levels below
 * the package root, so one relative path serves both. The sandbox itself never
 * reads this path: it uses the embedded copy. (Built with path.resolve rather than
 * `new URL(…, import.meta.url)` on purpose: ncc would copy the file into dist/
 * under a hashed name and return that path instead.)
 */
export function defaultFixturesPath(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  return resolve(here, '..', '..', 'fixtures', 'default.json')
}
