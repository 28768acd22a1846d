/**
 * branch (docs/runner.md §3): the first case whose `when` assertion passes over the
 * target chooses its successor (a case that errors counts as no match), else
 * `default`, else none. Never fails for no match; the engine routes away from
 * the successors not chosen.
 */
import { evaluateAssertion, parseAssertion } from '../assertions.js'
import type { NodeOutcome, NodeRunner } from '../run/types.js'
import { hasOwn, isPlainObject } from '../values.js'

export const runBranch: NodeRunner = async (context): Promise<NodeOutcome> => {
  const data = context.node.data
  const target = hasOwn(data, 'target')
    ? context.resolve(data.target, { wholeReferenceKeepsType: true })
    : { ...context.scope.inputs }
  const cases = Array.isArray(data.cases) ? data.cases : []
  let chosen = ''
  let matchedIndex = -1
  for (const [index, item] of cases.entries()) {
    if (!isPlainObject(item) || typeof item.target !== 'string') continue
    let passed: boolean
    try {
      const result = evaluateAssertion(parseAssertion(item.when), { body: target }, index, {
        resolve: (value) => context.resolve(value)
      })
      passed = result.passed && result.error === undefined
    } catch {
      passed = false
    }
    if (passed) {
      chosen = item.target
      matchedIndex = index
      break
    }
  }
  if (chosen === '' && typeof data.default === 'string') chosen = data.default
  const routed = chosen === '' ? [] : [chosen]
  return {
    intrinsic: { matched: chosen, matchedIndex },
    routedTargets: routed,
    fields: { matched_target: chosen, routed_targets: routed }
  }
}
