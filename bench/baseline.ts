/**
 * The baseline of the benchmark: a client as peers write it. It launches every
 * flow (`max-parallel` at once, waiting out a 429's hint), then polls every
 * execution in flight every 5 s with `GET /flows/{id}/executions/{id}`, and reads
 * the nodes of those that failed. It honours Retry-After (and `RateLimit` t) on
 * a 429, but sends without looking at the remaining budget.
 */
import type { Clock } from '../src/core/clock.js'

export interface BaselineOptions {
  apiUrl: string
  apiKey: string
  organizationId: string
  tag: string
  maxParallel: number
  clock: Clock
  pollMs?: number
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled'])

async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
      while (next < items.length) await task(items[next++])
    })
  )
}

export async function runBaseline(o: BaselineOptions): Promise<{ executions: number }> {
  const headers = {
    'X-Api-Key': o.apiKey,
    'X-Organization-ID': o.organizationId,
    'Content-Type': 'application/json'
  }
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    extra = {}
  ): Promise<unknown> => {
    for (;;) {
      const res = await fetch(o.apiUrl + path, {
        method,
        headers: { ...headers, ...extra },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      const text = await res.text()
      if (res.status === 429) {
        const ra = Number(res.headers.get('retry-after'))
        const t = /;t=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1]
        const seconds = Number.isFinite(ra) && ra > 0 ? ra : t ? Number(t) : 1
        await o.clock.sleep(seconds * 1000)
        continue
      }
      if (res.status >= 400) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`)
      return JSON.parse(text)
    }
  }
  const flows: { id: string }[] = []
  for (let offset = 0; ; offset += 100) {
    const page = (await call('POST', '/flows/search', {
      tags: [o.tag],
      pagination: { limit: 100, offset }
    })) as { items: { id: string }[]; total: number }
    flows.push(...page.items)
    if (page.items.length < 100 || flows.length >= page.total) break
  }
  const running: { flowId: string; id: string; status: string }[] = []
  await pool(flows, o.maxParallel, async (flow) => {
    const res = (await call(
      'POST',
      `/flows/${flow.id}/launch`,
      { runner_type: 'cloud', trigger_type: 'git' },
      { 'Idempotency-Key': `baseline-${o.clock.now()}-${flow.id}` }
    )) as { execution: { id: string; status: string } }
    running.push({ flowId: flow.id, id: res.execution.id, status: res.execution.status })
  })
  for (;;) {
    const pending = running.filter((e) => !TERMINAL.has(e.status))
    if (pending.length === 0) break
    await o.clock.sleep(o.pollMs ?? 5000)
    await pool(pending, o.maxParallel, async (e) => {
      const ex = (await call('GET', `/flows/${e.flowId}/executions/${e.id}`)) as { status: string }
      e.status = ex.status
      if (ex.status === 'failed') await call('GET', `/flows/${e.flowId}/executions/${e.id}/nodes`)
    })
  }
  return { executions: running.length }
}
