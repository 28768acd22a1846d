/**
 * What the core needs from the Echopoint API. `createClient` in client.ts is the
 * real implementation over HTTP; tests of the core may pass a fake. Methods answer
 * with the read model (model.ts): checked, bounded and redacted server data, about
 * exactly what was asked.
 */
import type { Clock } from '../clock.js'
import type { Logger } from '../logger.js'
import type { FlowDefinitionRef } from './decode.js'
import type { ClaimedJob } from './job-model.js'
import type { Execution, FlowRef, KeySelf, NodeResult, PermissionItem } from './model.js'
import type {
  ExecutionStatus,
  FlowSearchRequest,
  LaunchRequest,
  Paged,
  TriggerType
} from './types.js'
import type { BudgetBucket, BudgetReading } from './ratelimit/budget.js'

export interface RequestOptions {
  /** Aborts the request and any wait before a retry. */
  signal?: AbortSignal
  /**
   * Called each time the request actually goes out (not while it waits for a rate
   * limit): a launch aborted after this may have been accepted by the server.
   */
  onSent?: () => void
}

export interface ListExecutionsQuery {
  limit: number
  offset?: number
  status?: ExecutionStatus
  trigger_type?: TriggerType
  flow_id?: string
  /** Inclusive RFC 3339 lower bound on started_at. */
  since?: string
}

/** Counters the reports show (requests sent, retries, rate-limit waits). */
export interface ClientStats {
  requests: number
  retries: number
  /** Number of waits imposed by rate-limit signals or backoff. */
  waits: number
  /** Total milliseconds spent in those waits. */
  waitedMs: number
}

export interface EchopointApi {
  getKeySelf(options?: RequestOptions): Promise<KeySelf>
  listPermissions(
    type: 'custom' | 'runner' | 'ci',
    options?: RequestOptions
  ): Promise<Paged<PermissionItem>>
  searchFlows(request: FlowSearchRequest, options?: RequestOptions): Promise<Paged<FlowRef>>
  getFlow(flowId: string, options?: RequestOptions): Promise<FlowRef>
  /** The flow with its definition (`flow pull`). */
  getFlowDefinition(flowId: string, options?: RequestOptions): Promise<FlowDefinitionRef>
  launchFlow(
    flowId: string,
    body: LaunchRequest,
    idempotencyKey: string,
    options?: RequestOptions
  ): Promise<Execution>
  getExecution(flowId: string, executionId: string, options?: RequestOptions): Promise<Execution>
  getExecutionNodes(
    flowId: string,
    executionId: string,
    options?: RequestOptions
  ): Promise<NodeResult[]>
  cancelExecution(flowId: string, executionId: string, options?: RequestOptions): Promise<Execution>
  /**
   * Claims an ephemeral execution for this runner (docs/runner.md §1.3). Sent once,
   * never repeated, not even after a network error: a lost answer may mean it
   * was claimed. The answer must be about that execution of that flow.
   */
  claimExecution(
    flowId: string,
    executionId: string,
    body: { runner_id: string; boot_id: string },
    options?: RequestOptions
  ): Promise<ClaimedJob>
  listExecutions(query: ListExecutionsQuery, options?: RequestOptions): Promise<Paged<Execution>>
  listFlowExecutions(
    flowId: string,
    query: { limit: number; offset?: number },
    options?: RequestOptions
  ): Promise<Paged<Execution>>
  /** The last `X-Api-Key-Expires-At` header seen on any response (docs/api-contract.md part B.1). */
  readonly keyExpiresAtHeader: string | undefined
  readonly stats: ClientStats
  /** What the server last said about a bucket's rate-limit budget (absent in fakes). */
  budget?(bucket: BudgetBucket): BudgetReading | undefined
}

/**
 * How the user called the settings the client's messages name: the action's
 * inputs (`api-url`) or the CLI's flags (`--api-url (or ECHOPOINT_API_URL)`).
 */
export interface ApiInputNames {
  apiKey: string
  organizationId: string
  apiUrl: string
  idempotencyKey: string
}

export const ACTION_API_INPUT_NAMES: ApiInputNames = {
  apiKey: 'api-key',
  organizationId: 'organization-id',
  apiUrl: 'api-url',
  idempotencyKey: 'idempotency-key'
}

export interface ClientOptions {
  /** Base URL, already validated (https, or http to a loopback host). */
  apiUrl: string
  apiKey: string
  /** Sent as X-Organization-ID on every request except GET /api-keys/self. */
  organizationId: string
  /** Per-request timeout. Default 30 s. */
  requestTimeoutMs?: number
  userAgent?: string
  clock?: Clock
  logger?: Logger
  /** Overall deadline (epoch ms): no wait before a retry may end past it. */
  deadline?: number
  /** Random source in [0, 1) for backoff jitter (injectable for tests). */
  random?: () => number
  /**
   * A job's calls (docs/runner.md §1.1): sent with only `X-Job-Token`, no API key and
   * no organization header. Set by createJobClient.
   */
  jobToken?: string
  /** The names messages use for the settings (default: the action's inputs). */
  names?: Partial<ApiInputNames>
}
