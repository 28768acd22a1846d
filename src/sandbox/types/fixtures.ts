/**
 * The fixtures file as TypeScript types: organizations, API keys, flows (with how
 * each behaves when launched) and the `server:` section. The file format itself is
 * sandbox/fixtures.schema.json; these types describe a document that passed it.
 */
import type { HeaderStyle } from '../header-styles.js'

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
  /** Free-form node configuration, returned in `flow_definition` as the node's `data`. */
  config?: Record<string, unknown>
  /** Returned in `flow_definition` as they are, for a runner that runs the flow (ephemeral). */
  run_when?: 'on_success' | 'always'
  assertions?: unknown[]
  outputs?: unknown[]
}

/** An edge of the flow's definition; without `edges`, the nodes are chained in file order. */
export interface FixtureEdge {
  source: string
  target: string
  type?: string
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
  /** Any JSON value (text, number, list, object). */
  value: unknown
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
  /** The definition's edges (default: the nodes chained in order). */
  edges?: FixtureEdge[]
  simulation: FixtureSimulation
  /**
   * The ephemeral job's `max_http_calls_per_execution`: how many HTTP calls the
   * in-job runner may make in one run (0 or absent = no limit).
   */
  max_http_calls_per_execution?: number
}

/** `rate_limits.<bucket>` in a fixtures file. */
export type FixtureBucketLimit = number | { limit: number; window_ms?: number }

/**
 * The `server:` section of a fixtures file (snake_case, like the rest of the file):
 * rate limits, quota, faults, clock skew and time scale. The same settings as
 * `startSandbox` options (types/options.ts); settings/server-section.ts converts.
 */
export interface FixtureServer {
  time_scale?: number
  /**
   * How long an ephemeral job's lease lasts, in ms: from the claim, and from each
   * renewing heartbeat. Not scaled by `time_scale`. Default 600 000 (10 min).
   */
  ephemeral_lease_ms?: number
  rate_limits?:
    | false
    | {
        read?: FixtureBucketLimit
        search?: FixtureBucketLimit
        write?: FixtureBucketLimit
        window_ms?: number
        style?: HeaderStyle
        storm?: { count?: number; fraction?: number; retry_after_ms?: number; seed?: number }
        /** Multiplies the windows and the storm's delay. Default: `time_scale`. */
        time_scale?: number
      }
  quota?: { daily: number; scope?: string; window_ms?: number }
  faults?: {
    seed?: number
    rate_5xx?: number
    rate_503?: number
    rate_reset?: number
    rate_slow?: number
    slow_ms?: number
    rate_malformed?: number
    rate_html?: number
    retry_after_seconds?: number
    clock_skew_ms?: number
    routes?: string[]
    exclude?: string[]
    after_commit?: number | boolean
  }
}

export interface SandboxFixtures {
  /** The JSON Schema of the file, for editors (`./fixtures.schema.json`); ignored. */
  $schema?: string
  description?: string
  /** What the banner prints; default: the first organization and its first CI-capable key. */
  default?: { organization_id?: string; api_key_id?: string }
  organizations: FixtureOrganization[]
  api_keys: FixtureApiKey[]
  flows: FixtureFlow[]
  /**
   * Rate limits, quota, faults, clock skew and time scale.
   * `startSandbox` options and CLI flags override it field by field.
   */
  server?: FixtureServer
}
