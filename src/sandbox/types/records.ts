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
  inputs: Record<string, { value: string; secret: boolean }>
  publishedVersions: string[]
  nodes: FlowNodeRecord[]
  simulation: FixtureSimulation
}

export interface ClaimRecord {
  jobId: string
  runnerId: string
  bootId: string
  jobToken: string
  claimedAt: number
  leaseExpiresAt: number
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
  runnerInputs: Record<string, string>
  /** The real input values, handed to an ephemeral runner at claim. */
  inputs: Record<string, string>
  secretInputKeys: string[]
  nodes: FlowNodeRecord[]
  /** A stable NodeExecutionResult id per node. */
  nodeResultIds: Record<string, string>
  /** Cloud and self-hosted: the simulated run. Ephemeral: null (the client runs it). */
  plan: SimulationPlan | null
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
