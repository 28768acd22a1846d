/**
 * The boundary where server data becomes the core's data. Every 2xx body the
 * core reads passes one of these decoders, which either returns the read model
 * (model.ts) or throws a ShapeError naming the field and what is wrong with it
 * (the transport turns that into a `contract` error). Server text is untrusted:
 *
 * - every string is flattened to one line (no CR, LF, NEL, LS, PS, control or
 *   bidi-override characters: nothing a log line, a workflow command or a
 *   terminal would act on), redacted (the API key and its encoded forms), then
 *   cut to a length that fits a report (LIMITS);
 * - every identifier must look like one (ID_PATTERN), so an id can never carry
 *   text into a URL, a log line or a report;
 * - every list is bounded, every value (an assertion's expected or actual) is
 *   capped as JSON;
 * - only the fields the core reads are kept.
 *
 * Whether an answer is about what was asked (the flow id of a launch, the id of
 * an execution) is checked by the client, which knows what it asked (client.ts).
 *
 * One file on purpose (over 300 lines): the whole boundary, one decoder per
 * endpoint, is reviewed as one.
 */
import { cleanText } from './http/error-body.js'
import type { Assertion, Execution, FlowRef, KeySelf, NodeResult, PermissionItem } from './model.js'
import type { Redactor } from '../redact.js'
import type { ExecutionStatus, Paged } from './types.js'

/** Longest text kept of each kind of server field; longer text is cut with `…`. */
export const LIMITS = {
  /** Flow, node, key and permission names, node types, extractors, operators, tags. */
  name: 256,
  /** Error messages and descriptions. */
  message: 2000,
  /** Error codes and statuses. */
  code: 100,
  /** An assertion's expected or actual value, as JSON. */
  value: 2000,
  /** Node results of one execution. */
  nodes: 1000,
  /** Assertions of one node. */
  assertions: 200,
  /** Tags of one flow, scopes of one key. */
  list: 500,
  /** Items of one page (the API's pages hold at most 100). */
  pageItems: 1000
} as const

/**
 * An identifier from the server (flow, execution, key, node): the API's are UUIDs;
 * anything made of letters, digits and `._:-`, up to 128 characters, is accepted.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

/** What a decoder found wrong: where (`execution.status`) and what. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string
  ) {
    super(`${path} ${problem}`)
    this.name = 'ShapeError'
  }
}

export interface DecodeContext {
  redact: Redactor
}

export type Decoder<T> = (body: unknown, ctx: DecodeContext) => T

const KNOWN_STATUSES: ReadonlySet<string> = new Set<ExecutionStatus>([
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled'
])

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** `is missing`, or `is a number, not a string`. */
function notA(value: unknown, wanted: string): string {
  return value === undefined ? 'is missing' : `is ${describe(value)}, not ${wanted}`
}

export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>
  }
  throw new ShapeError(path, notA(value, 'an object'))
}

export function list(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, notA(value, 'an array'))
  if (value.length > max) throw new ShapeError(path, `has ${value.length} items, more than ${max}`)
  return value
}

/** A required string field, made safe to print. */
function text(value: unknown, path: string, ctx: DecodeContext, max: number): string {
  if (typeof value !== 'string') throw new ShapeError(path, notA(value, 'a string'))
  return cleanText(value, ctx.redact, max)
}

/** An optional string field: absent or null is null; another type is an error. */
function optionalText(
  value: unknown,
  path: string,
  ctx: DecodeContext,
  max: number
): string | null {
  if (value === undefined || value === null) return null
  return text(value, path, ctx, max)
}

/** An identifier: redacted first, so an echoed key can never pass as an id. */
export function id(value: unknown, path: string, ctx: DecodeContext): string {
  if (typeof value !== 'string') throw new ShapeError(path, notA(value, 'a string'))
  if (value.length > 128 || !ID_PATTERN.test(ctx.redact(value))) {
    throw new ShapeError(path, 'is not an identifier (letters, digits and ._:- only, at most 128)')
  }
  return value
}

const TIMESTAMP = /^[0-9A-Za-z:.+ -]{1,64}$/

/** A required RFC 3339 timestamp, kept as the server wrote it (it goes back in `since`). */
export function timestamp(value: unknown, path: string): string {
  if (typeof value === 'string' && TIMESTAMP.test(value) && Number.isFinite(Date.parse(value))) {
    return value
  }
  throw new ShapeError(path, 'is not a timestamp')
}

/** An optional timestamp: anything unreadable counts as absent (it only loses a duration). */
function optionalTimestamp(value: unknown): string | null {
  return typeof value === 'string' && TIMESTAMP.test(value) && Number.isFinite(Date.parse(value))
    ? value
    : null
}

export function optionalCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

/**
 * A JSON value the server reports (an assertion's expected or actual), redacted
 * at any depth and at most LIMITS.value characters as JSON; a longer one becomes
 * its JSON text, cut.
 */
export function boundedValue(value: unknown, ctx: DecodeContext): unknown {
  if (value === undefined) return undefined
  let json: string
  try {
    json = JSON.stringify(value) ?? 'null'
  } catch {
    return '[unreadable value]'
  }
  const clean = ctx.redact(json)
  if (clean.length > LIMITS.value) return cleanText(clean, ctx.redact, LIMITS.value)
  if (clean === json) return value
  try {
    return JSON.parse(clean) as unknown
  } catch {
    return clean
  }
}

function paged<T>(
  body: unknown,
  ctx: DecodeContext,
  item: (value: unknown, path: string, ctx: DecodeContext) => T
): Paged<T> {
  const page = record(body, 'body')
  const items = list(page.items, 'items', LIMITS.pageItems).map((v, i) =>
    item(v, `items[${i}]`, ctx)
  )
  const total = page.total
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) {
    throw new ShapeError('total', notA(total, 'a count'))
  }
  const count = optionalCount(page.count) ?? items.length
  return { total, count, items }
}

/** `GET /api-keys/self`. */
export const keySelf: Decoder<KeySelf> = (body, ctx) => {
  const key = record(body, 'body')
  const out: KeySelf = {
    api_key_id: id(key.api_key_id, 'api_key_id', ctx),
    organization_id: text(key.organization_id, 'organization_id', ctx, LIMITS.name),
    permissions: list(key.permissions, 'permissions', LIMITS.list).map((p, i) =>
      text(p, `permissions[${i}]`, ctx, LIMITS.name)
    )
  }
  if ('name' in key) out.name = optionalText(key.name, 'name', ctx, LIMITS.name)
  if ('expires_at' in key) {
    // null means "never expires"; anything else must be a real date, or it is unknown.
    out.expires_at = key.expires_at === null ? null : optionalTimestamp(key.expires_at)
    if (out.expires_at === null && key.expires_at !== null) delete out.expires_at
  }
  return out
}

function permission(value: unknown, path: string, ctx: DecodeContext): PermissionItem {
  const p = record(value, path)
  return {
    name: text(p.name, `${path}.name`, ctx, LIMITS.name),
    description: optionalText(p.description, `${path}.description`, ctx, LIMITS.message)
  }
}

/** `GET /permissions?type=…` (items need only `name`). */
export const permissionsPage: Decoder<Paged<PermissionItem>> = (body, ctx) =>
  paged(body, ctx, permission)

function flowRef(value: unknown, path: string, ctx: DecodeContext): FlowRef {
  const flow = record(value, path)
  const tags =
    flow.tags === undefined || flow.tags === null
      ? []
      : list(flow.tags, `${path}.tags`, LIMITS.list).map((t, i) =>
          text(t, `${path}.tags[${i}]`, ctx, LIMITS.name)
        )
  return {
    id: id(flow.id, `${path}.id`, ctx),
    name: text(flow.name, `${path}.name`, ctx, LIMITS.name),
    tags
  }
}

/** `GET /flows/{id}`. */
export const flow: Decoder<FlowRef> = (body, ctx) => flowRef(body, 'flow', ctx)

/** A flow's definition, for saving to a file: `GET /flows/{id}`. */
export interface FlowDefinitionRef extends FlowRef {
  /** The flow definition as the API gave it (the user's own content: not cut), the key redacted. */
  definition: Record<string, unknown>
}

/**
 * `GET /flows/{id}` with its `flow_definition`. The definition is the user's own
 * flow, so its text is kept whole (the response's size is bounded by the
 * transport); only the API key is hidden from it.
 */
export const flowDefinition: Decoder<FlowDefinitionRef> = (body, ctx) => {
  const flow = record(body, 'flow')
  const definition = record(flow.flow_definition, 'flow.flow_definition')
  return {
    ...flowRef(body, 'flow', ctx),
    definition: JSON.parse(ctx.redact(JSON.stringify(definition))) as Record<string, unknown>
  }
}

/** `POST /flows/search`. */
export const flowSearchPage: Decoder<Paged<FlowRef>> = (body, ctx) => paged(body, ctx, flowRef)

function status(
  value: unknown,
  path: string,
  ctx: DecodeContext
): Pick<Execution, 'status' | 'reported_status'> {
  const word = text(value, path, ctx, LIMITS.code)
  if (KNOWN_STATUSES.has(word)) return { status: word as ExecutionStatus }
  return { status: 'running', reported_status: word }
}

/** `target` with the fields of `optional` that are not null (absent stays absent). */
function withPresent<T extends object>(target: T, optional: Partial<T>): T {
  for (const [k, v] of Object.entries(optional)) {
    if (v !== null && v !== undefined) (target as Record<string, unknown>)[k] = v
  }
  return target
}

function executionOf(value: unknown, path: string, ctx: DecodeContext): Execution {
  const e = record(value, path)
  return withPresent<Execution>(
    {
      id: id(e.id, `${path}.id`, ctx),
      flow_id: id(e.flow_id, `${path}.flow_id`, ctx),
      ...status(e.status, `${path}.status`, ctx),
      started_at: timestamp(e.started_at, `${path}.started_at`)
    },
    {
      execution_started_at: optionalTimestamp(e.execution_started_at),
      completed_at: optionalTimestamp(e.completed_at),
      error_code: optionalText(e.error_code, `${path}.error_code`, ctx, LIMITS.code),
      error_message: optionalText(e.error_message, `${path}.error_message`, ctx, LIMITS.message)
    }
  )
}

/** A FlowExecution (`GET /flows/{id}/executions/{id}`). */
export const execution: Decoder<Execution> = (body, ctx) => executionOf(body, 'execution', ctx)

/** `{execution: FlowExecution}` (launch, cancel). */
export const executionEnvelope: Decoder<Execution> = (body, ctx) =>
  executionOf(record(body, 'body').execution, 'execution', ctx)

/** `GET /executions` (slim rows) and `GET /flows/{id}/executions`. */
export const executionsPage: Decoder<Paged<Execution>> = (body, ctx) =>
  paged(body, ctx, executionOf)

function assertion(value: unknown, path: string, ctx: DecodeContext): Assertion {
  const a = record(value, path)
  if (typeof a.passed !== 'boolean') {
    throw new ShapeError(`${path}.passed`, notA(a.passed, 'a boolean'))
  }
  const out: Assertion = {
    index:
      typeof a.index === 'number' && Number.isInteger(a.index)
        ? a.index
        : Number(path.match(/\[(\d+)\]$/)?.[1] ?? 0),
    extractor: text(a.extractor, `${path}.extractor`, ctx, LIMITS.name),
    operator: text(a.operator, `${path}.operator`, ctx, LIMITS.name),
    passed: a.passed
  }
  // Absent (not null) when unknown (docs/api-contract.md): keep them absent.
  if (a.expected !== undefined) out.expected = boundedValue(a.expected, ctx)
  if (a.actual !== undefined) out.actual = boundedValue(a.actual, ctx)
  const error = optionalText(a.error, `${path}.error`, ctx, LIMITS.message)
  if (error !== null) out.error = error
  return out
}

function nodeOf(value: unknown, path: string, ctx: DecodeContext): NodeResult {
  const n = record(value, path)
  const result =
    n.result === undefined || n.result === null ? null : record(n.result, `${path}.result`)
  const raw = result?.assertion_results
  const assertions =
    raw === undefined || raw === null
      ? undefined
      : list(raw, `${path}.result.assertion_results`, LIMITS.assertions).map((a, i) =>
          assertion(a, `${path}.result.assertion_results[${i}]`, ctx)
        )
  return withPresent<NodeResult>(
    {
      node_id: id(n.node_id, `${path}.node_id`, ctx),
      display_name: text(n.display_name, `${path}.display_name`, ctx, LIMITS.name),
      node_type: text(n.node_type, `${path}.node_type`, ctx, LIMITS.name),
      status: text(n.status, `${path}.status`, ctx, LIMITS.code)
    },
    {
      started_at: optionalTimestamp(n.started_at),
      completed_at: optionalTimestamp(n.completed_at),
      duration_ms: optionalCount(n.duration_ms),
      error_message: optionalText(n.error_message, `${path}.error_message`, ctx, LIMITS.message),
      result: assertions === undefined ? null : { assertion_results: assertions }
    }
  )
}

/**
 * `GET …/executions/{id}/nodes`: a bare array. Each node that names its execution
 * or flow must name the one asked; the client passes them in.
 */
export function nodes(expect: { executionId: string; flowId: string }): Decoder<NodeResult[]> {
  return (body, ctx) =>
    list(body, 'body', LIMITS.nodes).map((value, i) => {
      const path = `[${i}]`
      const raw = record(value, path)
      for (const [field, want] of [
        ['execution_id', expect.executionId],
        ['flow_id', expect.flowId]
      ] as const) {
        if (raw[field] !== undefined && !sameId(raw[field], want)) {
          throw new ShapeError(
            `${path}.${field}`,
            `is not the ${field.replace('_id', '')} asked for`
          )
        }
      }
      return nodeOf(value, path, ctx)
    })
}

/** Whether a server-sent id is the one asked for (UUIDs compare case-insensitively). */
export function sameId(value: unknown, asked: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === asked.toLowerCase()
}
