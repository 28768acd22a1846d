/**
 * What the core reads from the API, after decode.ts has checked it. These are
 * not the wire shapes (types.ts): only the fields the kit uses, every one checked,
 * every string bounded, flattened to one line and redacted. Nothing else of a
 * response is kept, so a huge or hostile field the kit never reads costs nothing
 * past the response itself.
 */
import type { AssertionResult, ExecutionStatus } from './types.js'

/** `GET /api-keys/self`. */
export interface KeySelf {
  api_key_id: string
  organization_id: string
  permissions: string[]
  name?: string | null
  /** RFC 3339, null when the key never expires, absent when the server does not say. */
  expires_at?: string | null
}

/** An item of `GET /permissions`. */
export interface PermissionItem {
  name: string
  description: string | null
}

/** A flow as selection needs it (`GET /flows/{id}`, `POST /flows/search`). */
export interface FlowRef {
  id: string
  name: string
  tags: string[]
}

/** An execution's state (`FlowExecution`, or a slim row of `GET /executions`). */
export interface Execution {
  id: string
  flow_id: string
  /**
   * A status this kit knows. A status it does not know reads `running` (still in
   * flight: never a pass) and the server's word is kept in `reported_status`.
   */
  status: ExecutionStatus
  reported_status?: string
  /** Creation time, as the server wrote it (a valid timestamp). */
  started_at: string
  execution_started_at?: string | null
  completed_at?: string | null
  error_code?: string | null
  error_message?: string | null
}

/** One assertion of a node result: the wire shape as is (`expected`/`actual` absent when unknown). */
export type Assertion = AssertionResult

/** A `NodeExecutionResult`, as the report needs it. */
export interface NodeResult {
  node_id: string
  display_name: string
  node_type: string
  status: string
  started_at?: string | null
  completed_at?: string | null
  duration_ms?: number | null
  error_message?: string | null
  result?: { assertion_results?: Assertion[] } | null
}
