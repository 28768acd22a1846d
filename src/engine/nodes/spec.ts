/**
 * What is known about each node type before anything runs: the outputs it
 * always produces (so `{{branch.matched}}` validates without a declared output)
 * and the checks of its `data` (docs/runner.md §3). Shared by validation and the
 * node runners, which import nothing from here but the names.
 */
import type { NodeDef, Problem } from '../flow/model.js'
import { field } from '../flow/parse.js'
import { isPlainObject } from '../values.js'

/** The webhook_wait outputs without `expect` (one matching request). */
export const WEBHOOK_REQUEST_OUTPUTS = ['id', 'method', 'headers', 'query', 'body', 'received_at']

/** Outputs a node produces whatever it declares. */
export function intrinsicOutputs(node: NodeDef): string[] {
  switch (node.type) {
    case 'set_variable': {
      const variables = node.data.variables
      return isPlainObject(variables) ? Object.keys(variables) : []
    }
    case 'branch':
      return ['matched', 'matchedIndex']
    case 'loop':
      return ['results', 'count']
    case 'poll':
      return ['attempts', 'result']
    case 'module': {
      const bindings = field(node.data, 'output_bindings', 'outputBindings')
      return isPlainObject(bindings) ? Object.keys(bindings) : []
    }
    case 'sse':
      return ['events', 'count', 'last']
    case 'webhook_wait':
      return Array.isArray(node.data.expect) && node.data.expect.length > 0
        ? ['expectations', 'received']
        : WEBHOOK_REQUEST_OUTPUTS
    default:
      return []
  }
}

function isTemplateOrNumber(value: unknown): boolean {
  return (
    value === undefined ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && /\{\{/.test(value)) ||
    (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
  )
}

function nonNegative(node: NodeDef, problems: Problem[], ...names: string[]): void {
  const value = field(node.data, ...names)
  if (!isTemplateOrNumber(value)) {
    problems.push({ node: node.id, field: `data.${names[0]}`, message: 'must be a number' })
  } else if (typeof value === 'number' && value < 0) {
    problems.push({ node: node.id, field: `data.${names[0]}`, message: 'must not be negative' })
  }
}

function needsBody(node: NodeDef, problems: Problem[]): void {
  const body = node.data.body
  if (!isPlainObject(body) || !Array.isArray(body.nodes) || body.nodes.length === 0) {
    problems.push({
      node: node.id,
      field: 'data.body',
      message: 'must be a nested flow with at least one node ({"nodes": [...], "edges": [...]})'
    })
  }
}

function needsAssertions(node: NodeDef, problems: Problem[], why: string): void {
  if (node.assertions.length === 0) {
    problems.push({ node: node.id, field: 'assertions', message: `needs at least one (${why})` })
  }
}

/** Problems in a node's `data` that would fail it for sure; empty when none. */
export function checkNodeData(node: NodeDef): Problem[] {
  const problems: Problem[] = []
  const at = (f: string, message: string): void => {
    problems.push({ node: node.id, field: f, message })
  }
  const d = node.data
  switch (node.type) {
    case 'request':
    case 'sse':
      if (typeof d.url !== 'string' || d.url.trim() === '') at('data.url', 'is missing')
      if (d.method !== undefined && typeof d.method !== 'string') at('data.method', 'must be text')
      if (d.headers !== undefined && !isPlainObject(d.headers))
        at('data.headers', 'must be an object of header names to values')
      if (node.type === 'request') nonNegative(node, problems, 'timeout')
      else nonNegative(node, problems, 'timeout_ms', 'timeoutMs')
      break
    case 'delay':
      if (d.duration === undefined) at('data.duration', 'is missing (milliseconds)')
      else nonNegative(node, problems, 'duration')
      break
    case 'set_variable':
      if (!isPlainObject(d.variables)) at('data.variables', 'must be an object of names to values')
      break
    case 'branch':
      if (!Array.isArray(d.cases)) at('data.cases', 'must be a list of {when, target}')
      else
        d.cases.forEach((c, i) => {
          if (!isPlainObject(c) || !isPlainObject(c.when))
            at(`data.cases[${i}].when`, 'must be an assertion')
          if (!isPlainObject(c) || typeof c.target !== 'string' || c.target === '')
            at(`data.cases[${i}].target`, 'must name a successor of the branch')
        })
      break
    case 'loop':
      needsBody(node, problems)
      if (d.items === undefined) at('data.items', 'is missing (a list, or a template giving one)')
      else if (typeof d.items !== 'string' && !Array.isArray(d.items))
        at('data.items', 'must be a list or a template giving one')
      nonNegative(node, problems, 'max_iterations', 'maxIterations')
      break
    case 'poll':
      needsBody(node, problems)
      needsAssertions(node, problems, 'they are the exit condition of the poll')
      nonNegative(node, problems, 'max_attempts', 'maxAttempts')
      nonNegative(node, problems, 'interval_ms', 'intervalMs')
      nonNegative(node, problems, 'timeout_ms', 'timeoutMs')
      break
    case 'module': {
      const flowId = field(d, 'flow_id', 'flowId')
      if (typeof flowId !== 'string' || flowId === '') at('data.flow_id', 'is missing')
      const bindings = field(d, 'output_bindings', 'outputBindings')
      if (isPlainObject(bindings)) {
        for (const [name, target] of Object.entries(bindings)) {
          if (typeof target !== 'string' || !/^[^.]+\..+$/.test(target)) {
            at(`data.output_bindings.${name}`, 'must be "childNodeId.outputKey"')
          }
        }
      }
      break
    }
    case 'webhook_wait':
      if (!Array.isArray(d.expect) || d.expect.length === 0) {
        needsAssertions(node, problems, 'a request passing them all ends the wait')
      } else {
        d.expect.forEach((group, i) => {
          if (!isPlainObject(group) || typeof group.name !== 'string' || group.name === '')
            at(`data.expect[${i}].name`, 'is missing')
          if (
            !isPlainObject(group) ||
            !Array.isArray(group.assertions) ||
            group.assertions.length === 0
          )
            at(`data.expect[${i}].assertions`, 'needs at least one assertion')
        })
      }
      nonNegative(node, problems, 'timeout_ms', 'timeoutMs')
      nonNegative(node, problems, 'settle_ms', 'settleMs')
      break
    default:
      break
  }
  return problems
}
