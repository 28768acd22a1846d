/**
 * module (docs/runner.md §3): runs another flow (from the run's referenced flows)
 * as a child. Child inputs: the parent's inputs, then the referenced flow's
 * `input_overrides`, then the node's `input_bindings` (templated). Outputs: each
 * `output_bindings` name reads `childNodeId.outputKey` from the child's final
 * outputs. The child's secret inputs join the run's redaction set.
 */
import { field } from '../flow/parse.js'
import { cancelledError } from '../run/cancel.js'
import type { NodeOutcome, NodeRunner } from '../run/types.js'
import { hasOwn, isPlainObject } from '../values.js'
import { loadNested, nestedFailure } from './nested.js'

export const runModule: NodeRunner = async (context): Promise<NodeOutcome> => {
  const data = context.node.data
  // Trimmed, as in Echopoint's runner.
  const flowId = String(field(data, 'flow_id', 'flowId') ?? '').trim()
  const fail = (
    code: string,
    message: string,
    extra: Record<string, unknown> = {}
  ): NodeOutcome => ({
    error: { code, message },
    fields: { flow_id: flowId, ...extra }
  })
  if (context.moduleStack.includes(flowId)) {
    return fail(
      'MODULE_CYCLE_DETECTED',
      `module cycle: ${[...context.moduleStack, flowId].join(' → ')}`
    )
  }
  const referenced = context.options.referencedFlows?.[flowId]
  if (!referenced) {
    return fail(
      'MODULE_FLOW_NOT_FOUND',
      `flow ${flowId} is not among the referenced flows of this run`
    )
  }
  const overrides = isPlainObject(referenced.input_overrides) ? referenced.input_overrides : {}
  const rawBindings = field(data, 'input_bindings', 'inputBindings')
  const bindings = isPlainObject(rawBindings)
    ? (context.resolve(rawBindings, { wholeReferenceKeepsType: true }) as Record<string, unknown>)
    : {}
  const definition = isPlainObject(referenced.flow_definition) ? referenced.flow_definition : {}
  const defaults = field(definition, 'initial_inputs', 'initialInputs')
  const inputs = {
    ...(isPlainObject(defaults) ? defaults : {}),
    ...context.scope.inputs,
    ...overrides,
    ...bindings
  }
  const child = loadNested(definition, flowId, Object.keys(inputs))
  if ('problem' in child) {
    return fail('MODULE_FLOW_PARSE_FAILED', `flow ${flowId} cannot run: ${child.problem}`)
  }
  const secretValues = (referenced.secret_input_keys ?? [])
    .filter((key) => hasOwn(inputs, key))
    .map((key) => inputs[key])
  const run = await context.runChild(child.flow, inputs, `module:${flowId}`, {
    secretValues,
    moduleId: flowId
  })
  if (context.signal.aborted) return { error: cancelledError(), fields: { flow_id: flowId } }
  const childOutputs = { ...run.final_outputs }
  if (!run.success) {
    return fail('MODULE_FAILED', `flow ${flowId} failed: ${nestedFailure(run)}`, {
      child_final_outputs: childOutputs
    })
  }
  const produced: Record<string, unknown> = {}
  const outputBindings = field(data, 'output_bindings', 'outputBindings')
  for (const [name, from] of Object.entries(isPlainObject(outputBindings) ? outputBindings : {})) {
    if (typeof from !== 'string' || !hasOwn(childOutputs, from)) {
      return fail(
        'MODULE_FAILED',
        `output ${JSON.stringify(name)}: the child flow produced no ${JSON.stringify(from)}`,
        { child_final_outputs: childOutputs }
      )
    }
    produced[name] = childOutputs[from]
  }
  return {
    intrinsic: produced,
    subject: { body: produced },
    fields: { flow_id: flowId, child_final_outputs: childOutputs }
  }
}
