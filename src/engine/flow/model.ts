/**
 * A flow definition as the engine runs it: parsed once from Echopoint's JSON
 * (parse.ts, both wire spellings), checked as a whole (validate.ts), then run.
 * Node data stays as the wire gave it here; each node type reads its own.
 */

/** Whether a node runs only when its predecessors succeeded, or after the main phase regardless. */
export type RunWhen = 'on_success' | 'always'

/** The node types of docs/runner.md §3, by their canonical (snake_case) name. */
export const NODE_TYPES = [
  'request',
  'delay',
  'set_variable',
  'assert',
  'branch',
  'loop',
  'poll',
  'module',
  'sse',
  'webhook_wait'
] as const

export type NodeType = (typeof NODE_TYPES)[number]

export interface EdgeDef {
  id: string
  source: string
  target: string
  /** `success`, `failure` or `normal`: every edge is a plain dependency (docs/runner.md §2). */
  type: string
}

export interface NodeDef {
  id: string
  displayName: string
  type: NodeType
  runWhen: RunWhen
  /** The assertions as the wire gave them (each parsed by the assertion module when run). */
  assertions: unknown[]
  /** Declared outputs: name and the raw extractor. */
  outputs: { name: string; extractor: unknown }[]
  /** Type-specific data, as the wire gave it. */
  data: Record<string, unknown>
}

export interface FlowDef {
  name: string
  description?: string
  version?: string
  nodes: NodeDef[]
  edges: EdgeDef[]
  /** Default inputs (`initialInputs` or `initial_inputs`); job inputs override them key by key. */
  initialInputs: Record<string, unknown>
}

/** One thing wrong with a flow definition: where (node and field) and what. */
export interface Problem {
  /** The node's id, when the problem is in a node. */
  node?: string
  /** The field, as a path: `data.url`, `edges[2].target`, `assertions[0]`. */
  field: string
  message: string
}
