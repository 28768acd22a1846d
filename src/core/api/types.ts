/**
 * Shapes of the Echopoint API subset the kit uses (docs/api-contract.md part A and B).
 * The machine-readable source of truth is openapi/echopoint.yaml; the contract
 * test checks the sandbox's responses against it.
 */

export type ExecutionStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled'
export type NodeStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped'
export type RunnerType = 'cloud' | 'self_hosted' | 'ephemeral'
export type TriggerType = 'manual' | 'git' | 'scheduled'
export type TagMatchMode = 'any' | 'all'

export const TERMINAL_STATUSES: readonly ExecutionStatus[] = ['completed', 'failed', 'cancelled']

export function isTerminal(status: ExecutionStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}

export interface Paged<T> {
  total: number
  count: number
  items: T[]
}

/** `GET /api-keys/self` (name and expires_at are part B extensions). */
export interface ApiKeySelf {
  api_key_id: string
  organization_id: string
  permissions: string[]
  name?: string | null
  /** RFC 3339, or null when the key never expires; absent when the server does not say. */
  expires_at?: string | null
}

/** An item of `GET /permissions?type=…`: only `name` is required by the spec. */
export interface Permission {
  name: string
  description?: string | null
  scope_modifier?: string | null
}

export interface FlowSearchItem {
  id: string
  organization_id: string
  name: string
  /** A string in the published spec (not a number). */
  version: string
  tags: string[]
  node_count: number
  last_run_status: 'passed' | 'failed' | 'none'
  created_at: string
  updated_at: string
  description?: string | null
}

export interface Flow {
  id: string
  organization_id: string
  name: string
  tags: string[]
  flow_definition: unknown
  /** Free-form; always present (`{}` when there is none). */
  metadata: Record<string, unknown>
  description?: string | null
  /** A string in the published spec (not a number). */
  version?: string
  created_at?: string
  updated_at?: string
}

export interface FlowSearchRequest {
  tags?: string[]
  tag_match_mode?: TagMatchMode
  full_text_search?: string
  pagination?: { limit?: number; offset?: number }
  sort_direction?: 'ASC' | 'DESC'
  include_definition?: boolean
}

/** Trigger metadata for CI launches, `trigger_type: git` (docs/api-contract.md, launch semantics). */
export interface GitTriggerMetadata {
  source?: string
  repository?: string
  workflow?: string
  job?: string
  run_id?: string
  run_attempt?: string
  sha?: string
  ref?: string
  actor?: string
}

/**
 * Trigger metadata of a manual launch, `trigger_type: manual`: `actor_type` is
 * required. A launch from a terminal outside CI is `{actor_type: 'api_key'}`.
 */
export interface ManualTriggerMetadata {
  actor_type: 'user' | 'api_key'
  actor_id?: string
}

/** Trigger metadata is shaped by `trigger_type` (`scheduled` is the server's own). */
export type TriggerMetadata = GitTriggerMetadata | ManualTriggerMetadata

export interface LaunchRequest {
  runner_type?: RunnerType
  ephemeral_job_version?: 1
  environment_key?: string
  version_id?: string
  trigger_type?: TriggerType
  trigger_metadata?: TriggerMetadata
}

export interface FlowExecution {
  id: string
  flow_id: string
  organization_id: string
  status: ExecutionStatus
  runner_inputs: Record<string, unknown>
  started_at: string
  created_at: string
  updated_at: string
  flow_snapshot: unknown
  referenced_flows: unknown
  runner_type?: RunnerType
  environment_key?: string | null
  timeout_seconds?: number | null
  completed_at?: string | null
  execution_started_at?: string | null
  error_message?: string | null
  error_code?: string | null
  trigger_type?: TriggerType | null
  trigger_metadata?: Record<string, unknown> | null
  executed_by?: string | null
}

/** A slim row of `GET /executions`. */
export interface ExecutionRow {
  id: string
  flow_id: string
  flow_name: string | null
  organization_id: string
  status: ExecutionStatus
  runner_type: RunnerType
  started_at: string
  completed_at?: string | null
  trigger_type?: TriggerType | null
  environment_key?: string | null
  error_message?: string | null
  error_code?: string | null
}

export interface AssertionResult {
  index: number
  extractor: string
  operator: string
  /** Absent (not null) when unknown. */
  expected?: unknown
  /** Absent (not null) when unknown. */
  actual?: unknown
  passed: boolean
  error?: string | null
}

export interface NodeExecutionResult {
  id: string
  flow_id: string
  execution_id: string
  node_id: string
  display_name: string
  /** Not an enum on purpose: real flows have more node types than the spec lists. */
  node_type: string
  status: NodeStatus
  started_at?: string | null
  completed_at?: string | null
  duration_ms?: number | null
  error_message?: string | null
  error_code?: string | null
  skip_reason?: string | null
  has_errors?: boolean | null
  result?: { assertion_results?: AssertionResult[]; [key: string]: unknown } | null
}

/** The Echopoint error envelope. */
export interface ErrorEnvelope {
  errors: { code: string; message: string; field?: string; metadata?: Record<string, unknown> }[]
}
