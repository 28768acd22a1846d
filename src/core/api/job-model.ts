/** The job protocol's read model (docs/runner.md §1): what the claim and the job calls give the runner. */

/** What the claim hands the runner (docs/runner.md §1.3). */
export interface ClaimedJob {
  jobToken: string
  jobId: string
  executionId: string
  flowId: string
  /** Epoch ms. */
  leaseExpiresAt: number
  flowDefinition: Record<string, unknown>
  /** The effective root inputs, secret values unmasked. */
  inputs: Record<string, unknown>
  secretInputKeys: string[]
  referencedFlows: Record<
    string,
    {
      flow_definition: unknown
      input_overrides?: Record<string, unknown>
      secret_input_keys?: string[]
    }
  >
  /** 0: no limit. */
  maxHttpCalls: number
}

export interface HeartbeatEntry {
  jobId: string
  status: 'renewed' | 'rejected'
  /** Epoch ms, for a renewed lease. */
  leaseExpiresAt?: number
}

/** A captured webhook request (docs/runner.md §1.7): the engine's own type, read as the engine reads it. */
export type { CapturedRequest as CapturedWebhookRequest } from '../../engine/run/types.js'

export interface ProgressEvent {
  sequence: number
  type: 'flow.started' | 'node.started' | 'node.completed' | 'node.failed'
  payload: Record<string, unknown>
}

export interface CompletionBody {
  runner_id: string
  boot_id: string
  status: 'completed' | 'failed'
  started_at: string
  completed_at: string
  duration_ms: number
  result: unknown
  error_message: string | null
  error_code: string | null
  last_event_sequence: number
  runner_version?: string
}
