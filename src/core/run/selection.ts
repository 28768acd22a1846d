/**
 * Resolves what to run: flow IDs as given (each checked to exist, so an unknown
 * ID fails before anything launches), or every flow matching the tags through
 * `POST /flows/search`, following pagination to the end. The result is
 * de-duplicated, in a stable order, and optionally one shard of it. The server's
 * answers are checked against the question: a flow fetched by ID must be that
 * flow (client.ts), a flow found by tags must carry them (else nothing launches).
 */
import type { EchopointApi } from '../api/api.js'
import type { FlowRef } from '../api/model.js'
import { ACTION_INPUT_NAMES, type InputNames, type Selection, type Shard } from './config.js'
import { EchopointError } from '../errors.js'
import { mapWithConcurrency } from '../pool.js'

export interface SelectedFlow {
  id: string
  name: string
}

/** The API's largest page (docs/api-contract.md: limit 1..100). */
const PAGE_SIZE = 100
/** A search that keeps returning pages past this is not converging; stop rather than loop. */
const MAX_PAGES = 1000

async function searchAll(
  api: EchopointApi,
  tags: string[],
  matchMode: 'any' | 'all',
  signal: AbortSignal | undefined,
  apiUrlName: string
): Promise<FlowRef[]> {
  const found: FlowRef[] = []
  for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
    const result = await api.searchFlows(
      {
        tags,
        tag_match_mode: matchMode,
        pagination: { limit: PAGE_SIZE, offset },
        sort_direction: 'ASC'
      },
      { signal }
    )
    for (const item of result.items) {
      if (!matchesTags(item.tags, tags, matchMode)) {
        throw new EchopointError(
          'contract',
          `POST /flows/search answered with flow ${item.id} ("${item.name}"), whose tags (${item.tags.join(', ') || 'none'}) do not match ${matchMode === 'all' ? 'all of' : 'any of'} ${tags.join(', ')}`,
          {
            request: 'POST /flows/search',
            hint: `Nothing was launched. Check that ${apiUrlName} points at the Echopoint API and not at a proxy or cache that mixes up answers`
          }
        )
      }
      found.push(item)
    }
    offset += result.items.length
    if (result.items.length === 0 || offset >= result.total) return found
  }
  throw new EchopointError('contract', `POST /flows/search returned more than ${MAX_PAGES} pages`)
}

/** Whether a flow's tags satisfy the search (tags match exactly, docs/api-contract.md). */
export function matchesTags(
  flowTags: readonly string[],
  asked: readonly string[],
  mode: 'any' | 'all'
): boolean {
  const have = new Set(flowTags)
  return mode === 'all' ? asked.every((t) => have.has(t)) : asked.some((t) => have.has(t))
}

/**
 * Takes the `index`-th of `total` slices: flows sorted by ID and dealt out in
 * turn, so every job of a matrix computes the same split from the same
 * selection, each flow lands in exactly one slice, and slices differ in size
 * by at most one.
 */
export function shardOf<T extends { id: string }>(flows: readonly T[], shard: Shard): T[] {
  const sorted = [...flows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const mine = new Set(
    sorted.filter((_, i) => i % shard.total === shard.index - 1).map((f) => f.id)
  )
  // Keep the selection's own order within the slice.
  return flows.filter((f) => mine.has(f.id))
}

export interface SelectOptions {
  concurrency: number
  shard?: Shard
  signal?: AbortSignal
  /** How the user called the flow IDs and the API URL, for hints (default: the action's inputs). */
  names?: Pick<InputNames, 'flowIds' | 'apiUrl'>
}

/** Resolves the selection into flows. Throws `not_found` naming an unknown flow ID. */
export async function selectFlows(
  api: EchopointApi,
  selection: Selection,
  options: SelectOptions
): Promise<SelectedFlow[]> {
  const names = options.names ?? ACTION_INPUT_NAMES
  let flows: SelectedFlow[]
  if (selection.kind === 'ids') {
    const fetched = await mapWithConcurrency(selection.flowIds, options.concurrency, async (id) => {
      try {
        const flow = await api.getFlow(id, { signal: options.signal })
        return { id: flow.id, name: flow.name }
      } catch (err) {
        if (err instanceof EchopointError && err.kind === 'not_found') {
          throw new EchopointError('not_found', `Flow ${id} was not found in this organization`, {
            status: err.status,
            code: err.code,
            request: err.request,
            hint: `Check the ID in ${names.flowIds}; flows of another organization are not visible to this key.`
          })
        }
        throw err
      }
    })
    flows = fetched.filter((f): f is SelectedFlow => f !== undefined)
  } else {
    const items = await searchAll(
      api,
      selection.tags,
      selection.matchMode,
      options.signal,
      names.apiUrl
    )
    flows = items.map((item) => ({ id: item.id, name: item.name }))
  }
  const seen = new Set<string>()
  flows = flows.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)))
  return options.shard ? shardOf(flows, options.shard) : flows
}
