/**
 * loop (docs/runner.md §3): the body runs once per item, sequentially, as a nested
 * flow whose inputs are the flow's inputs plus the item and its index. Outputs
 * `results` (each iteration's final outputs; with continue_on_error a failed
 * iteration gives `{index, error}`) and `count`; both are also the subject of
 * the node's assertions and declared outputs.
 */
import { field } from '../flow/parse.js'
import { cancelledError } from '../run/cancel.js'
import type { NodeOutcome, NodeRunner } from '../run/types.js'
import { toNumber } from '../values.js'
import { loadNested, nestedFailure } from './nested.js'

export const runLoop: NodeRunner = async (context): Promise<NodeOutcome> => {
  const { node } = context
  const data = node.data
  const itemVar = String(field(data, 'item_var', 'itemVar') ?? 'item') || 'item'
  const indexVar = String(field(data, 'index_var', 'indexVar') ?? 'index') || 'index'
  const max = toNumber(field(data, 'max_iterations', 'maxIterations')) ?? 0
  const continueOnError = field(data, 'continue_on_error', 'continueOnError') === true
  const fail = (message: string, iterations = 0): NodeOutcome => ({
    error: { code: 'LOOP_FAILED', message },
    fields: { iterations }
  })

  const items = context.resolve(data.items, { wholeReferenceKeepsType: true })
  if (!Array.isArray(items)) {
    return fail(`loop items must resolve to a list, got ${items === null ? 'null' : typeof items}`)
  }
  const selected = max > 0 && items.length > max ? items.slice(0, max) : items
  const inputNames = [...Object.keys(context.scope.inputs), itemVar, indexVar]
  const body = loadNested(data.body, `${node.id} body`, inputNames)
  if ('problem' in body) return fail(`the loop body is invalid: ${body.problem}`)

  const results: unknown[] = []
  for (const [index, item] of selected.entries()) {
    if (context.signal.aborted) return { error: cancelledError(), fields: { iterations: index } }
    const inputs = { ...context.scope.inputs, [itemVar]: item, [indexVar]: index }
    const run = await context.runChild(body.flow, inputs, `#iter${index}`)
    if (context.signal.aborted)
      return { error: cancelledError(), fields: { iterations: index + 1 } }
    if (!run.success) {
      if (continueOnError) {
        results.push({ index, error: nestedFailure(run) })
        continue
      }
      return fail(`loop iteration ${index} failed: ${nestedFailure(run)}`, selected.length)
    }
    results.push({ ...run.final_outputs })
  }
  const value = { results, count: results.length }
  return { intrinsic: value, subject: { body: value }, fields: { iterations: selected.length } }
}
