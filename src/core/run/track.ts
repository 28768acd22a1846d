/**
 * Batch tracking: the states of every execution in flight from one listing,
 * `GET /executions?since=<earliest start in flight>&limit=100`, paged with offset
 * only as far as needed to see every execution we follow (the list is newest
 * first and holds other executions of the organization too; ours are picked by
 * id). One request per round covers up to 100 executions, where polling each one
 * would cost one request per execution per round.
 *
 * The listing is a part B extension (docs/api-contract.md): a server without it answers
 * 404 or 405, and the caller falls back to polling each execution.
 */
import type { EchopointApi } from '../api/api.js'
import type { Execution } from '../api/model.js'
import { toEchopointError } from '../errors.js'
import type { FollowItem } from './follow-item.js'

/** Rows per page: the most the API allows (docs/api-contract.md part A). */
export const TRACK_PAGE_SIZE = 100

export type TrackRound =
  | {
      kind: 'tracked'
      /** Items whose status the listing changed. */
      changed: FollowItem[]
      /** Items in flight the listing did not show (to poll on their own). */
      missing: FollowItem[]
      /** Requests the round took. */
      requests: number
    }
  /** The server has no such endpoint (404 or 405). */
  | { kind: 'unsupported'; status: number }

/** The earliest `started_at` among `items`, as the server wrote it. */
export function earliestStart(items: readonly FollowItem[]): string | undefined {
  let best: { at: number; text: string } | undefined
  for (const item of items) {
    const text = item.execution.started_at
    const at = Date.parse(text)
    if (Number.isNaN(at)) continue
    if (!best || at < best.at) best = { at, text }
  }
  return best?.text
}

/**
 * Pages the next round is expected to take: every execution we launched at or
 * after the earliest one in flight is in the listing (others' may add more).
 */
export function expectedPages(all: readonly FollowItem[], pending: readonly FollowItem[]): number {
  const since = earliestStart(pending)
  if (since === undefined) return 1
  const from = Date.parse(since)
  const rows = all.filter((i) => Date.parse(i.execution.started_at) >= from).length
  return Math.max(1, Math.ceil(rows / TRACK_PAGE_SIZE))
}

/** The execution as the row tells it; fields the row lacks keep their last value. */
function merge(execution: Execution, row: Execution): Execution {
  return {
    ...execution,
    status: row.status,
    reported_status: row.reported_status,
    completed_at: row.completed_at ?? execution.completed_at,
    error_code: row.error_code ?? execution.error_code,
    error_message: row.error_message ?? execution.error_message
  }
}

/**
 * Reads the state of every item in `pending` from the listing and updates the
 * items in place. Throws the API's error for anything but a missing endpoint.
 */
export async function trackRound(
  api: EchopointApi,
  pending: readonly FollowItem[],
  signal?: AbortSignal
): Promise<TrackRound> {
  const byId = new Map(pending.map((item) => [item.execution.id, item]))
  const since = earliestStart(pending)
  const seen = new Set<string>()
  const changed: FollowItem[] = []
  let requests = 0
  // A listing that never shows ours (or claims a huge total) must not page forever:
  // past this, the ones not seen are polled on their own.
  const maxPages = 2 * expectedPages(pending, pending) + 3
  for (let offset = 0; seen.size < byId.size && requests < maxPages; offset += TRACK_PAGE_SIZE) {
    let page
    try {
      requests++
      page = await api.listExecutions({ limit: TRACK_PAGE_SIZE, offset, since }, { signal })
    } catch (err) {
      const error = toEchopointError(err)
      if (offset === 0 && (error.status === 404 || error.status === 405)) {
        return { kind: 'unsupported', status: error.status }
      }
      throw err
    }
    for (const row of page.items) {
      const item = byId.get(row.id)
      if (!item || seen.has(row.id)) continue
      // A row of our execution that names another flow is not believed: poll it on its own.
      if (row.flow_id.toLowerCase() !== item.flow.id.toLowerCase()) continue
      seen.add(row.id)
      if (row.status !== item.execution.status) changed.push(item)
      item.execution = merge(item.execution, row)
    }
    if (page.items.length < TRACK_PAGE_SIZE || offset + page.items.length >= page.total) break
  }
  const missing = pending.filter((item) => !seen.has(item.execution.id))
  return { kind: 'tracked', changed, missing, requests }
}
