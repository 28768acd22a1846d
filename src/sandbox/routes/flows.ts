/**
 * Flow discovery: `GET /flows`, `POST /flows/search`, `GET /flows/tags`,
 * `GET /flows/{flowId}` (docs/api-contract.md part A). Lists are ordered by `created_at`
 * then `id`, newest first unless the search asks for `ASC`, so paging through a
 * list never skips or repeats a flow.
 */
import type { TagMatchMode } from '../../core/api/types.js'
import { jsonResponse, organizationOf, paramOf } from '../context.js'
import { notFound, validationError } from '../errors.js'
import type { RouteDefinition } from '../types/http.js'
import type { FlowRecord } from '../types/records.js'
import {
  MAX_LIMIT,
  objectBody,
  optionalEnum,
  optionalString,
  page,
  paginationQuery,
  uuidParam
} from '../validate.js'
import { flowJson, flowSearchItem } from '../views.js'

/** How many tags `GET /flows/tags` returns at most. */
export const TAGS_LIMIT = 100
/** The search page size when the body gives none. */
export const DEFAULT_SEARCH_LIMIT = 20

type SortDirection = 'ASC' | 'DESC'

function sortFlows(flows: FlowRecord[], direction: SortDirection): FlowRecord[] {
  const sign = direction === 'ASC' ? 1 : -1
  return [...flows].sort(
    (a, b) => sign * (a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  )
}

function bodyInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
  fallback: number
): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validationError(field, `${field} must be an integer between ${min} and ${max}`)
  }
  return value
}

interface SearchRequest {
  tags: string[] | null
  mode: TagMatchMode
  text: string | null
  limit: number
  offset: number
  direction: SortDirection
  includeDefinition: boolean
}

function parseSearch(raw: unknown): SearchRequest {
  const body = objectBody(raw, false)
  let tags: string[] | null = null
  if (body.tags !== undefined && body.tags !== null) {
    if (!Array.isArray(body.tags)) throw validationError('tags', 'tags must be an array of strings')
    tags = body.tags.map((tag, i) => {
      if (typeof tag !== 'string' || tag.trim() === '') {
        throw validationError(`tags[${i}]`, 'each tag must be a non-empty string')
      }
      return tag
    })
  }
  let limit = DEFAULT_SEARCH_LIMIT
  let offset = 0
  if (body.pagination !== undefined && body.pagination !== null) {
    const p = body.pagination
    if (typeof p !== 'object' || Array.isArray(p)) {
      throw validationError('pagination', 'pagination must be an object {limit, offset}')
    }
    const { limit: l, offset: o } = p as Record<string, unknown>
    limit = bodyInteger(l, 'pagination.limit', 1, MAX_LIMIT, DEFAULT_SEARCH_LIMIT)
    offset = bodyInteger(o, 'pagination.offset', 0, Number.MAX_SAFE_INTEGER, 0)
  }
  if (body.include_definition !== undefined && typeof body.include_definition !== 'boolean') {
    throw validationError('include_definition', 'include_definition must be true or false')
  }
  return {
    tags,
    mode: optionalEnum(body.tag_match_mode, 'tag_match_mode', ['any', 'all'] as const) ?? 'any',
    text: optionalString(body.full_text_search, 'full_text_search') ?? null,
    limit,
    offset,
    direction:
      optionalEnum(body.sort_direction, 'sort_direction', ['ASC', 'DESC'] as const) ?? 'DESC',
    includeDefinition: body.include_definition === true
  }
}

function matches(flow: FlowRecord, search: SearchRequest): boolean {
  // Tags match exactly (case and all): `smoke` does not select `Smoke` or `smoke-eu`.
  if (search.tags && search.tags.length > 0) {
    const has = (tag: string): boolean => flow.tags.includes(tag)
    const ok = search.mode === 'all' ? search.tags.every(has) : search.tags.some(has)
    if (!ok) return false
  }
  if (search.text) {
    const needle = search.text.toLowerCase()
    const haystack = [flow.name, flow.description ?? '', ...flow.tags].join('\n').toLowerCase()
    if (!haystack.includes(needle)) return false
  }
  return true
}

export function flowRoutes(): RouteDefinition[] {
  return [
    {
      id: 'flows.list',
      method: 'GET',
      pattern: '/flows',
      scope: 'flows:read',
      orgHeader: true,
      bucket: 'read',
      handler: (ctx) => {
        const { limit, offset } = paginationQuery(ctx.query)
        const flows = sortFlows(ctx.services.state.flowsInOrg(organizationOf(ctx)), 'DESC')
        return jsonResponse(200, page(flows.map(flowJson), limit, offset))
      }
    },
    {
      id: 'flows.search',
      method: 'POST',
      pattern: '/flows/search',
      scope: 'flows:read',
      orgHeader: true,
      bucket: 'search',
      handler: (ctx) => {
        const search = parseSearch(ctx.json())
        const { state } = ctx.services
        const now = ctx.services.clock.now()
        const found = sortFlows(
          state.flowsInOrg(organizationOf(ctx)).filter((f) => matches(f, search)),
          search.direction
        )
        const items = found.map((f) =>
          flowSearchItem(f, state.lastRunStatus(f, now), search.includeDefinition)
        )
        return jsonResponse(200, page(items, search.limit, search.offset))
      }
    },
    {
      id: 'flows.tags',
      method: 'GET',
      pattern: '/flows/tags',
      scope: 'flows:read',
      orgHeader: true,
      bucket: 'read',
      handler: (ctx) => {
        const tags = [
          ...new Set(ctx.services.state.flowsInOrg(organizationOf(ctx)).flatMap((f) => f.tags))
        ]
          .sort()
          .slice(0, TAGS_LIMIT)
        return jsonResponse(200, { items: tags, count: tags.length, limit: TAGS_LIMIT })
      }
    },
    {
      id: 'flows.get',
      method: 'GET',
      pattern: '/flows/{flowId}',
      scope: 'flows:read',
      orgHeader: true,
      bucket: 'read',
      handler: (ctx) => {
        const flowId = uuidParam(paramOf(ctx, 'flowId'), 'flowId')
        const flow = ctx.services.state.flowInOrg(organizationOf(ctx), flowId)
        if (!flow) throw notFound('Flow', 'flowId')
        return jsonResponse(200, flowJson(flow))
      }
    }
  ]
}
