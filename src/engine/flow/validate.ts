/**
 * Checks a parsed flow as a whole before anything runs (docs/runner.md §2), and
 * reports every problem at once, each naming the node and the field:
 *
 * - an edge that names an unknown node; a cycle;
 * - a branch case or default whose target is not a successor of the branch;
 * - a reference `{{x}}` to an input the flow does not have, `{{node.key}}` to a
 *   node that is not upstream of the one using it (ours: an ancestor in the
 *   graph, where the reference only asked for an earlier place in the array), or
 *   to an output that node does not declare; an unknown `{{$generator}}`.
 *
 * `always` nodes may name any node of the flow (they run after the main phase),
 * but still only outputs it declares. Loop and poll bodies are nested flows,
 * checked with the inputs they get (the parent's, plus item and index, or attempt).
 */
import { isKnownGenerator } from '../generators/registry.js'
import { findReferenceRoot, listReferences } from '../templates.js'
import { checkNodeData, intrinsicOutputs } from '../nodes/spec.js'
import { FlowGraph } from './graph.js'
import { field, parseFlow } from './parse.js'
import type { FlowDef, NodeDef, Problem } from './model.js'

/** A `{{…}}` reference found in a node: its text, whether it names a generator, and where it stands. */
interface FoundReference {
  ref: string
  generator: boolean
  field: string
}

export interface ValidateOptions {
  /** Input names the run provides beyond the flow's defaults (job inputs, `webhook.url`, …). */
  inputs?: readonly string[]
}

/** Whether `node` yields output `key`: one its type always produces, or one it declares. */
function producesOutput(node: NodeDef, key: string): boolean {
  return node.outputs.some((o) => o.name === key) || intrinsicOutputs(node).includes(key)
}

/** Walks a node's templated values: its data (without nested bodies) and its assertions. */
function referencesOf(node: NodeDef): FoundReference[] {
  const found: FoundReference[] = []
  const find = (value: unknown): { ref: string; generator: boolean }[] =>
    listReferences(value).map((r) => ({ ref: r.ref, generator: r.kind === 'generator' }))
  const nested = node.type === 'loop' || node.type === 'poll'
  for (const [key, value] of Object.entries(node.data)) {
    if (nested && key === 'body') continue
    for (const r of find(value)) found.push({ ...r, field: `data.${key}` })
  }
  node.assertions.forEach((assertion, i) => {
    for (const r of find(assertion)) found.push({ ...r, field: `assertions[${i}]` })
  })
  return found
}

function checkReference(
  node: NodeDef,
  r: FoundReference,
  byId: ReadonlyMap<string, NodeDef>,
  graph: FlowGraph,
  inputs: ReadonlySet<string>,
  problems: Problem[]
): void {
  const where = { node: node.id, field: r.field }
  if (r.generator) {
    const name = r.ref.replace(/^\$/, '').split(':')[0]
    if (!isKnownGenerator(name)) {
      problems.push({ ...where, message: `{{${r.ref}}}: "$${name}" is not a generator` })
    }
    return
  }
  const upstream = (id: string): boolean =>
    node.runWhen === 'always' || graph.isUpstream(id, node.id)
  const notUpstream = (id: string): Problem => ({
    ...where,
    message: `{{${r.ref}}}: node "${id}" is not upstream of "${node.id}" (no path of edges leads from it here), so its outputs are not there when this node runs`
  })
  // The resolver's own rule (templates.ts): the longest dotted prefix that is a declared
  // output, then an input of that name. Validation and the run then agree.
  const root = findReferenceRoot(r.ref, {
    input: (name) => inputs.has(name),
    output: (id, key) => {
      const source = byId.get(id)
      return source !== undefined && producesOutput(source, key)
    }
  })
  if (root?.source === 'input') return
  if (root?.source === 'output') {
    if (!upstream(root.nodeId)) problems.push(notUpstream(root.nodeId))
    return
  }
  // Nothing it could read: say why, most specific first.
  const [head, key] = r.ref.split('.')
  const source = byId.get(head)
  if (source && key !== undefined) {
    if (!upstream(source.id)) {
      problems.push(notUpstream(source.id))
      return
    }
    const declared = [
      ...new Set([...intrinsicOutputs(source), ...source.outputs.map((o) => o.name)])
    ]
    problems.push({
      ...where,
      message: `{{${r.ref}}}: node "${source.id}" declares no output "${key}" (${declared.length > 0 ? `it declares ${declared.join(', ')}` : 'it declares none'})`
    })
    return
  }
  problems.push({
    ...where,
    message: `{{${r.ref}}}: "${head}" is neither an input of the flow nor a node${inputs.size > 0 ? ` (inputs: ${[...inputs].sort().join(', ')})` : ''}`
  })
}

/** The nested flow of a loop or poll node, as a flow definition (or undefined when absent). */
function nestedFlow(node: NodeDef): { nodes: unknown; edges: unknown } | undefined {
  const body = node.data.body
  return typeof body === 'object' && body !== null
    ? (body as { nodes: unknown; edges: unknown })
    : undefined
}

/** Every problem of `flow` beyond its shape. */
export function validateFlow(flow: FlowDef, options: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = []
  const ids = new Set(flow.nodes.map((n) => n.id))
  flow.edges.forEach((edge, i) => {
    if (!ids.has(edge.source)) {
      problems.push({
        field: `edges[${i}].source`,
        message: `"${edge.source}" names no node of the flow`
      })
    }
    if (!ids.has(edge.target)) {
      problems.push({
        field: `edges[${i}].target`,
        message: `"${edge.target}" names no node of the flow`
      })
    }
  })
  const graph = new FlowGraph(flow)
  const cycle = graph.findCycle()
  if (cycle) {
    problems.push({
      node: cycle[0],
      field: 'edges',
      message: `the edges form a cycle: ${cycle.join(' → ')}`
    })
  }

  const inputs = new Set([...Object.keys(flow.initialInputs), ...(options.inputs ?? [])])
  const byId = new Map(flow.nodes.map((n) => [n.id, n]))
  for (const node of flow.nodes) {
    problems.push(...checkNodeData(node))
    if (node.type === 'branch') {
      const successors = new Set(graph.successors(node.id))
      const cases = Array.isArray(node.data.cases) ? node.data.cases : []
      cases.forEach((c, i) => {
        const target =
          typeof c === 'object' && c !== null ? (c as { target?: unknown }).target : undefined
        if (typeof target === 'string' && target !== '' && !successors.has(target)) {
          problems.push({
            node: node.id,
            field: `data.cases[${i}].target`,
            message: `"${target}" is not a successor of the branch (no edge ${node.id} → ${target})`
          })
        }
      })
      const fallback = node.data.default
      if (typeof fallback === 'string' && fallback !== '' && !successors.has(fallback)) {
        problems.push({
          node: node.id,
          field: 'data.default',
          message: `"${fallback}" is not a successor of the branch (no edge ${node.id} → ${fallback})`
        })
      }
    }
    for (const r of referencesOf(node)) checkReference(node, r, byId, graph, inputs, problems)
    const body = nestedFlow(node)
    if (body && (node.type === 'loop' || node.type === 'poll')) {
      const parsed = parseFlow({ name: `${node.id} body`, ...body })
      const extra =
        node.type === 'loop'
          ? [
              String(field(node.data, 'item_var', 'itemVar') ?? 'item'),
              String(field(node.data, 'index_var', 'indexVar') ?? 'index')
            ]
          : ['attempt']
      const nested = validateFlow(parsed.flow, { inputs: [...inputs, ...extra] })
      for (const p of [...parsed.problems, ...nested]) {
        problems.push({
          node: node.id,
          field: `data.body.${p.node ? `${p.node}.` : ''}${p.field}`,
          message: p.message
        })
      }
    }
  }
  return problems
}
