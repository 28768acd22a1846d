/**
 * What the sandbox's store holds (state.ts) and how a simulated execution is
 * planned and observed (cloud-runner.ts, ephemeral-runs.ts). Types only, shared by
 * the store, the runners, the views and the routes.
 */
import type {
  ExecutionStatus,
  NodeExecutionResult,
  RunnerType,
  TriggerType
} from '../../core/api/types.js'
import type { FixtureSimulation } from './fixtures.js'

export interface OrganizationRecord {
  id: string
  name: string
}

export interface ApiKeyRecord {
  id: string
  /** The secret sent in `X-Api-Key`. Never logged. */
  secret: string
  name: string
  organizationId: string
  permissions: string[]
  /** Epoch ms, or null for a key that never expires. */
  expiresAt: number | null
  revoked: boolean
}

export interface FlowNodeRecord {
  id: string
  displayName: string
  type: string
  weight: number
  config: Record<string, unknown>
  runWhen?: 'on_success' | 'always'
  assertions?: unknown[]
  outputs?: unknown[]
}

export interface FlowRecord {
  id: string
  organizationId: string
  name: string
  description: string | null
  tags: string[]
  /** A string, as the published spec has `Flow.version` (`"3"`). */
  version: string
  /** `Flow.metadata`: always answered, `{}` when the fixture gives none. */
  metadata: Record<string, unknown>
  createdAt: number
  updatedAt: number
  timeoutSeconds: number | null
  inputs: Record<string, { value: unknown; secret: boolean }>
  publishedVersions: string[]
  nodes: FlowNodeRecord[]
  /** The definition's edges; absent: the nodes chained in order. */
  edges?: { source: string; target: string; type: string }[]
  simulation: FixtureSimulation
  /** The job's `max_http_calls_per_execution` (0 = no limit). */
  maxHttpCallsPerExecution: number
}

/** One progress event a job reported and the sandbox accepted (docs/runner.md §1.5). */
export interface JobEventRecord {
  sequence: number
  type: JobEventType
  payload: Record<string, unknown>
  /** Sandbox clock time the event was accepted. */
  receivedAt: number
}

export type JobEventType = 'flow.started' | 'node.started' | 'node.completed' | 'node.failed'

export interface ClaimRecord {
  jobId: string
  runnerId: string
  bootId: string
  jobToken: string
  claimedAt: number
  /** Moves forward with each renewing heartbeat. */
  leaseExpiresAt: number
  /** Heartbeats that renewed the lease. */
  renewals: number
  lastHeartbeatAt: number | null
  /** The `runner_version` of the latest heartbeat or completion that gave one. */
  runnerVersion: string | null
  /** Accepted events, in sequence order (1, 2, 3, … without gaps). */
  events: JobEventRecord[]
  /** `POST /runner/jobs/{jobId}/complete` calls answered 204 (the first and its replays). */
  completeCalls: number
}

export interface CompletionRecord {
  /** Canonical JSON of the request body: the same payload again is an idempotent replay. */
  payload: string
  status: 'completed' | 'failed'
  startedAt: number
  completedAt: number
  durationMs: number
  errorMessage: string | null
  errorCode: string | null
  /** Sandbox clock time the report arrived: when the execution became terminal. */
  receivedAt: number
  nodes: NodeExecutionResult[]
  /** Which endpoint reported it: the job protocol or the older completion endpoint. */
  via: 'job' | 'execution'
  /** Job protocol: the `status` the runner sent (the execution's status also needs `result.success`). */
  runnerStatus?: 'completed' | 'failed'
  /** Job protocol: the flow result as sent (docs/runner.md §5.1). */
  result?: Record<string, unknown>
  /** Job protocol: the `last_event_sequence` sent. */
  lastEventSequence?: number
}

/** One request captured by the webhook ingest (docs/runner.md §1.7, as `GET …/webhook-requests` lists it). */
export interface CapturedRequestRecord {
  id: string
  webhook_id: string
  method: string
  /** Lower-case names; a repeated header is a list. */
  headers: Record<string, string | string[]>
  /** A repeated parameter is a list. */
  query_params: Record<string, string | string[]>
  /** The body as text; null when empty. */
  body: string | null
  content_type?: string
  user_agent?: string
  ip_address: string
  received_at: string
}

/** The webhook endpoint an ephemeral execution gets at launch. */
export interface WebhookRecord {
  id: string
  /** The secret path segment of the ingest URL. */
  token: string
  /** `webhook.url`: where a service posts callbacks. */
  url: string
  /** `webhook.requests_url`: where the job reads them. */
  requestsUrl: string
  /** Oldest first. */
  requests: CapturedRequestRecord[]
}

export interface ExecutionRecord {
  id: string
  flowId: string
  flowName: string
  organizationId: string
  runnerType: RunnerType
  environmentKey: string | null
  versionId: string | null
  triggerType: TriggerType
  triggerMetadata: Record<string, unknown> | null
  /** The id of the key that launched it. */
  executedBy: string
  timeoutSeconds: number | null
  createdAt: number
  flowSnapshot: Record<string, unknown>
  /** As the API shows them: secret values masked. */
  runnerInputs: Record<string, unknown>
  /** The real input values, handed to an ephemeral runner at claim. */
  inputs: Record<string, unknown>
  secretInputKeys: string[]
  nodes: FlowNodeRecord[]
  /** A stable NodeExecutionResult id per node. */
  nodeResultIds: Record<string, string>
  /** Cloud and self-hosted: the simulated run. Ephemeral: null (the client runs it). */
  plan: SimulationPlan | null
  /** Ephemeral: the job's id, fixed at launch (`webhook.requests_url` names it); null otherwise. */
  jobId: string | null
  /** Ephemeral: the webhook endpoint injected as `webhook.url`; null otherwise. */
  webhook: WebhookRecord | null
  claim: ClaimRecord | null
  completion: CompletionRecord | null
  cancelledAt: number | null
}

export interface NewExecution {
  flow: FlowRecord
  runnerType: RunnerType
  environmentKey: string | null
  versionId: string | null
  triggerType: TriggerType
  triggerMetadata: Record<string, unknown> | null
  executedBy: string
  /** Ephemeral: the sandbox's base URL, for the webhook URLs injected as inputs. */
  baseUrl?: string
}

export interface PlannedNode {
  node: FlowNodeRecord
  startAt: number
  endAt: number
  status: 'completed' | 'failed'
  result: NonNullable<NodeExecutionResult['result']>
  errorMessage?: string
  errorCode?: string
}

/** When a simulated execution starts, ends, and what each node does. */
export interface SimulationPlan {
  runningAt: number
  terminalAt: number
  status: 'completed' | 'failed'
  errorCode: string | null
  errorMessage: string | null
  /** Nodes that run, in order; the others are skipped with `skipReason` once terminal. */
  nodes: PlannedNode[]
  skipReason: string | null
}

/** The state of an execution at one moment. */
export interface ExecutionObservation {
  status: ExecutionStatus
  executionStartedAt: number | null
  completedAt: number | null
  /** Sandbox clock time the execution became terminal (null while in flight). */
  terminalAt: number | null
  updatedAt: number
  errorCode: string | null
  errorMessage: string | null
  nodes: NodeExecutionResult[]
}
