/**
 * Reads an Echopoint flow definition (docs/runner.md §2) into the engine's model.
 * Wire names moved from camelCase to snake_case over time, so both are read
 * everywhere (`display_name`/`displayName`, `initial_inputs`/`initialInputs`,
 * `run_when`/`runWhen`, node types `set_variable`/`setVariable`). Unknown fields
 * are ignored. Every problem found is reported, each naming the node and the
 * field; a flow with any problem is not run.
 */
import {
  NODE_TYPES,
  type EdgeDef,
  type FlowDef,
  type NodeDef,
  type NodeType,
  type Problem
} from './model.js'
import { snakeCase } from '../wire-names.js'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The first of `names` present on `object` (a wire field under either spelling). */
export function field(object: Json, ...names: string[]): unknown {
  for (const name of names) if (object[name] !== undefined) return object[name]
  return undefined
}

const TYPES: ReadonlySet<string> = new Set(NODE_TYPES)

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function parseNode(raw: unknown, index: number, problems: Problem[]): NodeDef | undefined {
  const at = `nodes[${index}]`
  if (!isObject(raw)) {
    problems.push({ field: at, message: 'must be an object' })
    return undefined
  }
  const id = text(raw.id)
  if (id === undefined) {
    problems.push({ field: `${at}.id`, message: 'is missing (every node needs an id)' })
    return undefined
  }
  const node = { node: id }
  const typeText = text(raw.type)
  const type = typeText === undefined ? undefined : snakeCase(typeText)
  if (type === undefined) {
    problems.push({ ...node, field: 'type', message: 'is missing' })
  } else if (!TYPES.has(type)) {
    problems.push({
      ...node,
      field: 'type',
      message: `"${typeText}" is not a node type (one of ${NODE_TYPES.join(', ')})`
    })
  }
  const runWhenText = field(raw, 'run_when', 'runWhen')
  let runWhen: NodeDef['runWhen'] = 'on_success'
  if (runWhenText !== undefined) {
    const word = typeof runWhenText === 'string' ? snakeCase(runWhenText) : ''
    if (word === 'always' || word === 'on_success') runWhen = word
    else problems.push({ ...node, field: 'run_when', message: 'must be on_success or always' })
  }
  const assertions = raw.assertions ?? []
  if (!Array.isArray(assertions)) {
    problems.push({ ...node, field: 'assertions', message: 'must be an array' })
  }
  const outputs: NodeDef['outputs'] = []
  const rawOutputs = raw.outputs ?? []
  if (!Array.isArray(rawOutputs)) {
    problems.push({ ...node, field: 'outputs', message: 'must be an array' })
  } else {
    rawOutputs.forEach((output, i) => {
      const name = isObject(output) ? text(output.name) : undefined
      if (!isObject(output) || name === undefined) {
        problems.push({ ...node, field: `outputs[${i}].name`, message: 'is missing' })
        return
      }
      if (outputs.some((o) => o.name === name)) {
        problems.push({
          ...node,
          field: `outputs[${i}].name`,
          message: `"${name}" is declared twice`
        })
      }
      outputs.push({ name, extractor: output.extractor })
    })
  }
  const data = raw.data ?? {}
  if (!isObject(data)) problems.push({ ...node, field: 'data', message: 'must be an object' })
  const displayName = text(field(raw, 'display_name', 'displayName', 'name')) ?? id
  return {
    id,
    displayName,
    type: (type ?? 'request') as NodeType,
    runWhen,
    assertions: Array.isArray(assertions) ? assertions : [],
    outputs,
    data: isObject(data) ? data : {}
  }
}

function parseEdge(raw: unknown, index: number, problems: Problem[]): EdgeDef | undefined {
  const at = `edges[${index}]`
  if (!isObject(raw)) {
    problems.push({ field: at, message: 'must be an object' })
    return undefined
  }
  const source = text(raw.source)
  const target = text(raw.target)
  if (source === undefined) problems.push({ field: `${at}.source`, message: 'is missing' })
  if (target === undefined) problems.push({ field: `${at}.target`, message: 'is missing' })
  if (source === undefined || target === undefined) return undefined
  return {
    id: text(raw.id) ?? `${source}->${target}`,
    source,
    target,
    type: text(raw.type) ?? 'success'
  }
}

/**
 * Parses a flow definition (a JSON value). Returns the flow and every problem
 * of its shape; graph and reference checks are validate.ts's.
 */
export function parseFlow(raw: unknown): { flow: FlowDef; problems: Problem[] } {
  const problems: Problem[] = []
  const flow: FlowDef = { name: 'flow', nodes: [], edges: [], initialInputs: {} }
  if (!isObject(raw)) {
    problems.push({ field: '$', message: 'a flow definition must be a JSON object' })
    return { flow, problems }
  }
  flow.name = text(raw.name) ?? 'flow'
  if (typeof raw.description === 'string') flow.description = raw.description
  if (raw.version !== undefined && raw.version !== null) flow.version = String(raw.version)
  const inputs = field(raw, 'initial_inputs', 'initialInputs') ?? {}
  if (isObject(inputs)) flow.initialInputs = inputs
  else problems.push({ field: 'initial_inputs', message: 'must be an object of input values' })

  if (!Array.isArray(raw.nodes)) {
    problems.push({ field: 'nodes', message: 'must be an array of nodes' })
  } else {
    const seen = new Set<string>()
    raw.nodes.forEach((value, i) => {
      const node = parseNode(value, i, problems)
      if (!node) return
      if (seen.has(node.id)) {
        problems.push({
          node: node.id,
          field: `nodes[${i}].id`,
          message: 'is used by another node too'
        })
        return
      }
      seen.add(node.id)
      flow.nodes.push(node)
    })
  }
  const edges = raw.edges ?? []
  if (!Array.isArray(edges)) problems.push({ field: 'edges', message: 'must be an array' })
  else {
    edges.forEach((value, i) => {
      const edge = parseEdge(value, i, problems)
      if (edge) flow.edges.push(edge)
    })
  }
  return { flow, problems }
}
