/**
 * The flow engine's entry points: load (parse and validate) a flow definition,
 * then run it. Everything the engine gives out is redacted of the run's secrets.
 * docs/engine.md describes the behaviour for users.
 */
import type { FlowDef } from './flow/model.js'
import { NODE_RUNNERS } from './nodes/registry.js'
import { runFlowWith } from './run/execute.js'
import type { FlowResult, RunFlowOptions } from './run/types.js'

export { loadFlow } from './load.js'
export type { FlowDef, Problem } from './flow/model.js'
export type {
  CapturedRequest,
  FlowResult,
  NodeResult,
  ReferencedFlow,
  RunFlowOptions,
  RunObserver,
  WebhookSource
} from './run/types.js'

/** Runs a flow that loadFlow accepted (with no problems). Never throws for what the flow does. */
export function runFlow(flow: FlowDef, options: RunFlowOptions = {}): Promise<FlowResult> {
  return runFlowWith(flow, NODE_RUNNERS, options)
}
