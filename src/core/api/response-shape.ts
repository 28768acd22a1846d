/**
 * Minimal checks that a 2xx body is what the endpoint promises (contract.md part A),
 * so a proxy's page or a different API fails with a clear `contract` error here rather
 * than as an undefined property deep in the poller. Deliberately shallow: unknown
 * fields and values (new node types, new statuses) pass.
 */
import type { Paged } from './types.js'

/** Describes what is wrong with a body, or returns undefined when it passes. */
export type ShapeCheck = (body: unknown) => string | undefined

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function missingStrings(
  value: Record<string, unknown>,
  keys: string[],
  prefix = ''
): string | undefined {
  const missing = keys.filter((k) => typeof value[k] !== 'string')
  return missing.length > 0 ? `missing ${missing.map((k) => prefix + k).join(', ')}` : undefined
}

/** An object with the given string fields. */
export function objectWith(...keys: string[]): ShapeCheck {
  return (body) => (isRecord(body) ? missingStrings(body, keys) : 'not a JSON object')
}

/** `{execution: {id, status, flow_id, …}}` (launch, cancel). */
export const executionEnvelope: ShapeCheck = (body) => {
  if (!isRecord(body)) return 'not a JSON object'
  if (!isRecord(body.execution)) return 'missing execution'
  return missingStrings(body.execution, ['id', 'status', 'flow_id'], 'execution.')
}

/** A FlowExecution. */
export const execution: ShapeCheck = objectWith('id', 'status', 'flow_id')

/** A bare JSON array (execution nodes). */
export const array: ShapeCheck = (body) => (Array.isArray(body) ? undefined : 'not a JSON array')

/** `GET /api-keys/self`. */
export const keySelf: ShapeCheck = (body) => {
  const problem = objectWith('api_key_id', 'organization_id')(body)
  if (problem) return problem
  const permissions = (body as Record<string, unknown>).permissions
  return Array.isArray(permissions) ? undefined : 'permissions is not an array'
}

/** `{total, count, items}`. */
export const paged: ShapeCheck = (body) => {
  if (!isRecord(body)) return 'not a JSON object'
  if (!Array.isArray(body.items)) return 'items is not an array'
  if (typeof body.total !== 'number') return 'total is not a number'
  return undefined
}

/** A paged body with `count` filled in when a server leaves it out (it is derivable). */
export function normalisePaged<T>(body: unknown): Paged<T> {
  const page = body as Paged<T>
  return typeof page.count === 'number' ? page : { ...page, count: page.items.length }
}
