/**
 * The JSON shapes the API answers (docs/api-contract.md part A), built from the store's
 * records. One place per shape, so every route answers a flow or an execution
 * the same way and the contract test checks them all.
 */
import type { ExecutionRow, Flow, FlowExecution, FlowSearchItem } from '../core/api/types.js'
import type { ExecutionObservation, ExecutionRecord, FlowRecord } from './types/records.js'
import { iso } from './validate.js'

/** The definition a flow's runner executes: its nodes and the edges chaining them in order. */
/** The flow's definition in Echopoint's format (docs/runner.md §2): input defaults, nodes with `data`, edges with ids. */
export function flowDefinition(flow: FlowRecord): Record<string, unknown> {
  return {
    name: flow.name,
    version: flow.version,
    // Defaults of the flow's inputs; a secret's value is never exported.
    initial_inputs: Object.fromEntries(
      Object.entries(flow.inputs).map(([name, input]) => [name, input.secret ? '***' : input.value])
    ),
    nodes: flow.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      display_name: n.displayName,
      ...(n.runWhen ? { run_when: n.runWhen } : {}),
      data: n.config ?? {},
      ...(n.assertions ? { assertions: structuredClone(n.assertions) } : {}),
      ...(n.outputs ? { outputs: structuredClone(n.outputs) } : {})
    })),
    edges: flow.edges
      ? flow.edges.map((e, i) => ({ id: `e${i + 1}`, ...e }))
      : flow.nodes.slice(1).map((n, i) => ({
          id: `e${i + 1}`,
          source: flow.nodes[i]?.id,
          target: n.id,
          type: 'success'
        }))
  }
}

export function flowJson(flow: FlowRecord): Flow {
  return {
    id: flow.id,
    organization_id: flow.organizationId,
    name: flow.name,
    description: flow.description,
    tags: [...flow.tags],
    version: flow.version,
    flow_definition: flowDefinition(flow),
    metadata: structuredClone(flow.metadata),
    created_at: iso(flow.createdAt),
    updated_at: iso(flow.updatedAt)
  }
}

export function flowSearchItem(
  flow: FlowRecord,
  lastRunStatus: FlowSearchItem['last_run_status'],
  includeDefinition: boolean
): FlowSearchItem & { flow_definition?: unknown } {
  const item: FlowSearchItem & { flow_definition?: unknown } = {
    id: flow.id,
    organization_id: flow.organizationId,
    name: flow.name,
    description: flow.description,
    version: flow.version,
    tags: [...flow.tags],
    node_count: flow.nodes.length,
    last_run_status: lastRunStatus,
    created_at: iso(flow.createdAt),
    updated_at: iso(flow.updatedAt)
  }
  if (includeDefinition) item.flow_definition = flowDefinition(flow)
  return item
}

export function executionJson(record: ExecutionRecord, obs: ExecutionObservation): FlowExecution {
  return {
    id: record.id,
    flow_id: record.flowId,
    organization_id: record.organizationId,
    status: obs.status,
    runner_inputs: { ...record.runnerInputs },
    // started_at is the creation time in the API; execution_started_at is when a runner began.
    started_at: iso(record.createdAt),
    created_at: iso(record.createdAt),
    updated_at: iso(obs.updatedAt),
    flow_snapshot: record.flowSnapshot,
    referenced_flows: [],
    runner_type: record.runnerType,
    environment_key: record.environmentKey,
    timeout_seconds: record.timeoutSeconds,
    completed_at: obs.completedAt === null ? null : iso(obs.completedAt),
    execution_started_at: obs.executionStartedAt === null ? null : iso(obs.executionStartedAt),
    error_message: obs.errorMessage,
    error_code: obs.errorCode,
    trigger_type: record.triggerType,
    trigger_metadata: record.triggerMetadata,
    executed_by: record.executedBy
  }
}

export function executionRow(record: ExecutionRecord, obs: ExecutionObservation): ExecutionRow {
  return {
    id: record.id,
    flow_id: record.flowId,
    flow_name: record.flowName,
    organization_id: record.organizationId,
    status: obs.status,
    runner_type: record.runnerType,
    started_at: iso(record.createdAt),
    completed_at: obs.completedAt === null ? null : iso(obs.completedAt),
    trigger_type: record.triggerType,
    environment_key: record.environmentKey,
    error_message: obs.errorMessage,
    error_code: obs.errorCode
  }
}
