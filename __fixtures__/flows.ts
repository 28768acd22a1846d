/**
 * Builders for flow definitions in tests: Echopoint's wire format (docs/runner.md §2),
 * short to write. `req('create', 'POST', url, {...})` is a request node.
 */
import { loadFlow } from '../src/engine/load.js'
import type { FlowDef } from '../src/engine/flow/model.js'

export type Json = Record<string, unknown>

export function node(id: string, type: string, data: Json = {}, extra: Json = {}): Json {
  return { id, display_name: extra.display_name ?? id, type, data, ...extra }
}

export function req(id: string, method: string, url: string, extra: Json = {}): Json {
  const { data, ...rest } = extra as { data?: Json }
  return node(id, 'request', { method, url, timeout: 5000, ...(data ?? {}) }, rest)
}

export function edge(source: string, target: string, type = 'success'): Json {
  return { id: `${source}->${target}`, source, target, type }
}

/** Edges along a chain: chain('a','b','c') → a→b, b→c. */
export function chain(...ids: string[]): Json[] {
  return ids.slice(1).map((id, i) => edge(ids[i], id))
}

export const status = (value: unknown): Json => ({
  extractor_type: 'status_code',
  extractor_data: {},
  operator_type: 'equals',
  operator_data: { value }
})

export const jsonPath = (path: string, operator: string, value?: unknown): Json => ({
  extractor_type: 'json_path',
  extractor_data: { path },
  operator_type: operator,
  operator_data: { value }
})

export const out = (name: string, path: string): Json => ({
  name,
  extractor: { type: 'json_path', path }
})

/** Parses and validates; throws with every problem when the flow is invalid. */
export function flowOf(definition: Json, inputs: string[] = []): FlowDef {
  const { flow, problems } = loadFlow({ name: 'test', version: '1', ...definition }, { inputs })
  if (problems.length > 0) {
    throw new Error(problems.map((p) => `${p.node ?? ''} ${p.field}: ${p.message}`).join('\n'))
  }
  return flow
}
