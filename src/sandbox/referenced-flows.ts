/**
 * The `referenced_flows` of an ephemeral job (docs/runner.md §1.3): every flow a module
 * node of the job's definition names, and the flows their module nodes name in
 * turn, keyed by flow id as the module node wrote it. Module nodes are found inside
 * loop and poll bodies too. A flow id that is not a flow of the organization is left
 * out: the runner then reports MODULE_FLOW_NOT_FOUND, as it would against the API.
 *
 * A referenced flow's secret inputs are exported masked in its definition (as every
 * definition the API shows); their real values travel in `input_overrides`, named in
 * `secret_input_keys` so the runner redacts them.
 */
import type { SandboxState } from './state.js'
import type { FlowRecord } from './types/records.js'
import { flowDefinition } from './views.js'

/** One entry of `referenced_flows`. */
export interface ReferencedFlowJson {
  flow_definition: Record<string, unknown>
  input_overrides?: Record<string, unknown>
  secret_input_keys?: string[]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The flow ids the module nodes of a definition name (both wire spellings), in node order. */
export function moduleFlowIds(definition: unknown): string[] {
  const ids: string[] = []
  const visit = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return
    for (const node of nodes) {
      if (!isObject(node)) continue
      const data = isObject(node.data) ? node.data : {}
      if (node.type === 'module') {
        const id = data.flow_id ?? data.flowId
        if (typeof id === 'string' && id.trim() !== '') ids.push(id.trim())
      }
      // Loop and poll bodies are nested flows: their module nodes count too.
      if (isObject(data.body)) visit(data.body.nodes)
    }
  }
  if (isObject(definition)) visit(definition.nodes)
  return ids
}

function entryOf(flow: FlowRecord): ReferencedFlowJson {
  const entry: ReferencedFlowJson = { flow_definition: flowDefinition(flow) }
  const secrets = Object.entries(flow.inputs).filter(([, input]) => input.secret)
  if (secrets.length > 0) {
    entry.input_overrides = Object.fromEntries(secrets.map(([name, input]) => [name, input.value]))
    entry.secret_input_keys = secrets.map(([name]) => name)
  }
  return entry
}

/** The referenced flows of `definition`, recursively, taken from the organization's flows. */
export function referencedFlows(
  state: SandboxState,
  organizationId: string,
  definition: unknown
): Record<string, ReferencedFlowJson> {
  const found = new Map<string, ReferencedFlowJson>()
  const queue = moduleFlowIds(definition)
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (found.has(id)) continue
    const flow = state.flowInOrg(organizationId, id.toLowerCase())
    if (!flow) continue
    const entry = entryOf(flow)
    found.set(id, entry)
    queue.push(...moduleFlowIds(entry.flow_definition))
  }
  return Object.fromEntries(found)
}
