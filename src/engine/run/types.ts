/**
 * What a run produces and what a node type implements. The result shapes are
 * Echopoint's wire shapes (docs/runner.md §5.1 and §5.2, snake_case), so the CLI can
 * print them as they are and the in-job runner can send them as the completion
 * `result`.
 */
import type { Clock } from '../../core/clock.js'
import type { AssertionResult } from '../assertions.js'
import type { Subject } from '../extractors/registry.js'
import type { FlowDef, NodeDef } from '../flow/model.js'
import type { GeneratorContext } from '../generators/registry.js'
import type { HttpCallLog, HttpCallRecord } from '../http/request.js'
import type { ResolveOptions, TemplateScope } from '../templates.js'

/** One node's result (docs/runner.md §5.2): the common fields, then the type's own. */
export interface NodeResult {
  node_id: string
  display_name: string
  node_type: string
  run_when?: string
  /** Each reference the node used (`create.id`, `baseUrl`) → the value it had. */
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
  error_code?: string
  error_message?: string
  skip_reason?: string
  missing_inputs?: string[]
  /** RFC 3339: when the node finished (or was skipped). */
  executed_at: string
  assertion_results?: AssertionResult[]
  duration_ms: number
  /** Type-specific fields: `response_status_code`, `delay_ms`, `iterations`, … */
  [field: string]: unknown
}

/** A run's result (docs/runner.md §5.1): what the completion carries and `--output json` prints. */
export interface FlowResult {
  execution_results: Record<string, NodeResult>
  /** `"nodeId.outputKey"` → value, for every node that produced outputs. */
  final_outputs: Record<string, unknown>
  success: boolean
  error_code?: string
  error_message?: string
  duration_ms: number
  http_calls?: HttpCallRecord[]
  /** Ours: what the engine noticed without failing the flow (a `failure` edge, …). */
  warnings?: string[]
}

/** A flow a module node may run (the job's `referenced_flows`). */
export interface ReferencedFlow {
  /** The flow definition as the job sent it (parsed and checked when the module runs). */
  flow_definition: unknown
  input_overrides?: Record<string, unknown>
  secret_input_keys?: string[]
}

/** One request captured by Echopoint's webhook ingest (docs/runner.md §1.7). */
export interface CapturedRequest {
  id: string
  webhook_id?: string
  method: string
  headers: Record<string, string[] | string>
  query_params?: Record<string, string[] | string>
  body: string | null
  content_type?: string
  received_at: string
  [field: string]: unknown
}

/**
 * Where webhook_wait reads captured requests: the in-job runner reads them from
 * the job protocol; tests and `flow run` give their own. Oldest first.
 */
export type WebhookSource = (signal: AbortSignal) => Promise<CapturedRequest[]>

/** Told as nodes start and finish (results redacted, as everything leaving the engine). */
export interface RunObserver {
  nodeStarted?(event: { nodeId: string; displayName: string; nodeType: string; at: number }): void
  nodeFinished?(event: {
    nodeId: string
    displayName: string
    nodeType: string
    startedAt: number
    finishedAt: number
    result: NodeResult
  }): void
}

export interface RunFlowOptions {
  /** Inputs over the flow's defaults, key by key (the job's `inputs`, `--input`). */
  inputs?: Record<string, unknown>
  /** Input names whose values are secret: hidden in everything the engine gives out. */
  secretInputKeys?: readonly string[]
  /** Seeds generated data (`{{$uuid}}` …); default a random id. */
  executionId?: string
  /** Aborting stops the run promptly; the result holds what finished. */
  signal?: AbortSignal
  clock?: Clock
  /** `max_http_calls_per_execution`: 0 or absent means no limit. */
  maxHttpCalls?: number
  /** Response body cap per request, bytes; default 10 MiB. */
  maxBodyBytes?: number
  userAgent?: string
  /** Flows a module node may run, by flow id. */
  referencedFlows?: Readonly<Record<string, ReferencedFlow>>
  /** Captured requests for webhook_wait; without it webhook_wait fails clearly. */
  webhookRequests?: WebhookSource
  /** How often webhook_wait reads captured requests, ms (default 250). */
  webhookPollMs?: number
  observer?: RunObserver
}

/** A failure a node reports: Echopoint's code and a message. */
export interface NodeError {
  code: string
  message: string
}

/** What a node type hands back to the engine; the engine builds the node result. */
export interface NodeOutcome {
  /** Type-specific result fields (`response_status_code`, `iterations`, …). */
  fields?: Record<string, unknown>
  /** What the node's assertions and declared outputs read; none → they are not run. */
  subject?: Subject
  /** Outputs the type always produces (`matched`, `results`, …); a declared output of the same name wins. */
  intrinsic?: Record<string, unknown>
  error?: NodeError
  /** A branch's choice: the successors that may run (the others are routed away). */
  routedTargets?: readonly string[]
  /** Set when the type ran the node's assertions itself (poll, sse, webhook_wait). */
  assertionResults?: AssertionResult[]
}

/** Everything a node type may use while it runs. */
export interface NodeContext {
  node: NodeDef
  /** Inputs, the outputs finished when the node started, and this node's generators. */
  scope: TemplateScope
  /** Resolves templates in a value with the node's scope; throws TemplateError. */
  resolve(value: unknown, options?: ResolveOptions): unknown
  signal: AbortSignal
  clock: Clock
  calls: HttpCallLog
  /** The secret values (for the SECRET_IN_URL refusal). */
  secretValues(): readonly string[]
  options: RunFlowOptions
  /** Modules being run, outermost first (for cycle errors). */
  moduleStack: readonly string[]
  /**
   * Runs a nested flow (a loop or poll body, a module's child flow) with the same
   * call budget, clock, signal and secrets. Values are not redacted: the nested
   * flow's outputs feed this node's outputs; the top level redacts once.
   */
  runChild(
    flow: FlowDef,
    inputs: Record<string, unknown>,
    label: string,
    extra?: { secretValues?: readonly unknown[]; moduleId?: string }
  ): Promise<FlowResult>
  /** Generators for a nested run (a fork of this node's). */
  generators: GeneratorContext
}

export type NodeRunner = (context: NodeContext) => Promise<NodeOutcome>
