/**
 * assert (docs/runner.md §3): no HTTP; the node's assertions and outputs run over
 * `data.target` (templated) or, without one, the flow's inputs.
 */
import { hasOwn } from '../values.js'
import type { NodeOutcome, NodeRunner } from '../run/types.js'

export const runAssert: NodeRunner = async (context): Promise<NodeOutcome> => {
  const data = context.node.data
  const target = hasOwn(data, 'target')
    ? context.resolve(data.target, { wholeReferenceKeepsType: true })
    : { ...context.scope.inputs }
  return { subject: { body: target }, fields: { target } }
}
