/**
 * set_variable (docs/runner.md §3): each variable resolved (nested values too); the
 * resolved map is the node's outputs and the subject of its assertions.
 */
import type { NodeOutcome, NodeRunner } from '../run/types.js'
import { isPlainObject } from '../values.js'

export const runSetVariable: NodeRunner = async (context): Promise<NodeOutcome> => {
  const variables = context.node.data.variables
  const resolved = context.resolve(isPlainObject(variables) ? variables : {}) as Record<
    string,
    unknown
  >
  return {
    intrinsic: { ...resolved },
    subject: { body: resolved },
    fields: { variables: resolved }
  }
}
