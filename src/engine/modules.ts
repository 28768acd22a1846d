/**
 * Module nodes across flows, checked before anything runs (docs/runner.md §3): every
 * module's flow must be among the run's referenced flows, and flows must not
 * include each other in a cycle (`MODULE_CYCLE_DETECTED`), however deep.
 */
import type { FlowDef, Problem } from './flow/model.js'
import { field, parseFlow } from './flow/parse.js'
import type { ReferencedFlow } from './run/types.js'
import { isPlainObject } from './values.js'

/** The flow ids a flow's module nodes name, loop and poll bodies included, with the node naming each. */
export function moduleTargets(flow: FlowDef): { nodeId: string; flowId: string }[] {
  const found: { nodeId: string; flowId: string }[] = []
  for (const node of flow.nodes) {
    if (node.type === 'module') {
      const flowId = field(node.data, 'flow_id', 'flowId')
      if (typeof flowId === 'string' && flowId.trim() !== '') {
        found.push({ nodeId: node.id, flowId: flowId.trim() })
      }
    }
    if ((node.type === 'loop' || node.type === 'poll') && isPlainObject(node.data.body)) {
      const body = parseFlow({ name: node.id, ...node.data.body }).flow
      for (const inner of moduleTargets(body))
        found.push({ ...inner, nodeId: `${node.id}/${inner.nodeId}` })
    }
  }
  return found
}

/** Missing referenced flows and module cycles, starting from `flow` (`rootId`: its own id, when known). */
export function checkModules(
  flow: FlowDef,
  referenced: Readonly<Record<string, ReferencedFlow>> = {},
  rootId = '(this flow)'
): Problem[] {
  const problems: Problem[] = []
  const reported = new Set<string>()
  const visit = (current: FlowDef, stack: string[]): void => {
    for (const { nodeId, flowId } of moduleTargets(current)) {
      const where = { node: nodeId, field: 'data.flow_id' }
      if (stack.includes(flowId)) {
        const cycle = [...stack.slice(stack.indexOf(flowId)), flowId].join(' → ')
        if (!reported.has(cycle)) {
          reported.add(cycle)
          problems.push({
            ...where,
            message: `MODULE_CYCLE_DETECTED: the flows include each other: ${cycle}`
          })
        }
        continue
      }
      const child = referenced[flowId]
      if (!child) {
        if (!reported.has(`missing:${flowId}`)) {
          reported.add(`missing:${flowId}`)
          problems.push({
            ...where,
            message: `MODULE_FLOW_NOT_FOUND: flow ${flowId} is not among the referenced flows of this run`
          })
        }
        continue
      }
      const definition = isPlainObject(child.flow_definition) ? child.flow_definition : {}
      visit(parseFlow({ name: flowId, ...definition }).flow, [...stack, flowId])
    }
  }
  visit(flow, [rootId])
  return problems
}
