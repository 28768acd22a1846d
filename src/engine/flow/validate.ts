/**
 * Checks a parsed flow as a whole before anything runs (runner.md §2), and
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
import { FlowGraph } from './graph.js'
import { field } from './parse.js'
import type { FlowDef, NodeDef, Problem } from './model.js'

/** A `{{…}}` reference found in a value: its text, and where in the node it stands. */
export interface FoundReference {
  ref: string
  field: string
}

/** Lists the template references of a value (strings inside objects and arrays too). */
export type ReferenceFinder = (value: unknown) => { ref: string; generator?: boolean }[]

export interface ValidateOptions {
  /** Input names the run provides beyond the flow's defaults (job inputs, `webhook.url`, …). */
  inputs?: readonly string[]
  /** Finds the references of a value (templates.ts). */
  findReferences: ReferenceFinder
  /** Whether a `$generator` name exists (generators). */
  isGenerator: (name: string) => boolean
}

/** Walks a node's templated values: its data (without nested bodies) and its assertions. */
function referencesOf(
  node: NodeDef,
  find: ReferenceFinder
): (FoundReference & { generator?: boolean })[] {
  const found: (FoundReference & { generator?: boolean })[] = []
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

/** `a.b.c` is an input when the whole name or its longest dotted prefix is one. */
function isInput(ref: string, inputs: ReadonlySet<string>): boolean {
  const parts = ref.split('.')
  for (let n = parts.length; n >= 1; n--) if (inputs.has(parts.slice(0, n).join('.'))) return true
  return false
}

function checkReference(
  node: NodeDef,
  r: FoundReference & { generator?: boolean },
  flow: FlowDef,
  graph: FlowGraph,
  inputs: ReadonlySet<string>,
  options: ValidateOptions,
  problems: Problem[]
): void {
  const where = { node: node.id, field: r.field }
  if (r.generator) {
    const name = r.ref.replace(/^\$/, '').split(':')[0]
    if (!options.isGenerator(name)) {
      problems.push({ ...where, message: `{{${r.ref}}}: "$${name}" is not a generator` })
    }
    return
  }
  const [head, key] = r.ref.split('.')
  const source = flow.nodes.find((n) => n.id === head)
  // A node id wins over an input of the same dotted name (runner.md §4).
  if (source && key !== undefined) {
    if (node.runWhen !== 'always' && !graph.ancestors(node.id).has(source.id)) {
      problems.push({
        ...where,
        message: `{{${r.ref}}}: node "${source.id}" is not upstream of "${node.id}" (no path of edges leads from it here), so its outputs are not there when this node runs`
      })
      return
    }
    if (!source.outputs.some((o) => o.name === key)) {
      const declared = source.outputs.map((o) => o.name)
      problems.push({
        ...where,
        message: `{{${r.ref}}}: node "${source.id}" declares no output "${key}" (${declared.length > 0 ? `it declares ${declared.join(', ')}` : 'it declares none'})`
      })
    }
    return
  }
  if (isInput(r.ref, inputs)) return
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

/**
 * Every problem of `flow` beyond its shape. `parseNested` parses a loop or poll
 * body (parse.ts's parseFlow, passed in to keep the modules apart).
 */
export function validateFlow(
  flow: FlowDef,
  options: ValidateOptions,
  parseNested?: (raw: unknown) => { flow: FlowDef; problems: Problem[] }
): Problem[] {
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
  for (const node of flow.nodes) {
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
    for (const r of referencesOf(node, options.findReferences)) {
      checkReference(node, r, flow, graph, inputs, options, problems)
    }
    const body = nestedFlow(node)
    if (body && parseNested && (node.type === 'loop' || node.type === 'poll')) {
      const parsed = parseNested({ name: `${node.id} body`, ...body })
      const extra =
        node.type === 'loop'
          ? [
              String(field(node.data, 'item_var', 'itemVar') ?? 'item'),
              String(field(node.data, 'index_var', 'indexVar') ?? 'index')
            ]
          : ['attempt']
      const nested = validateFlow(
        parsed.flow,
        { ...options, inputs: [...inputs, ...extra] },
        parseNested
      )
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
