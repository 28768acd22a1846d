/**
 * Flow discovery: search (tags any/all, text, paging, order), tags, list, get.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import { call, FLOWS } from '../__fixtures__/sandbox-http.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

interface Item {
  id: string
  name: string
  tags: string[]
  created_at: string
  last_run_status: string
  node_count: number
  flow_definition?: unknown
}

describe('sandbox flows', () => {
  const clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ clock })
  })
  afterAll(() => sandbox.close())

  const search = (body: unknown) =>
    call<{ total: number; count: number; items: Item[] }>(sandbox, '/flows/search', { body })
  const ids = (items: Item[]): string[] => items.map((i) => i.id).sort()

  describe('POST /flows/search', () => {
    it('tag_match_mode any (the default): flows with at least one of the tags', async () => {
      const res = await search({ tags: ['smoke'] })
      expect(res.status).toBe(200)
      expect(ids(res.body.items)).toEqual(
        [FLOWS.login, FLOWS.checkout, FLOWS.health, FLOWS.refund].sort()
      )
      expect(res.body).toMatchObject({ total: 4, count: 4 })
      // The other organization's smoke flow is not visible.
      expect(ids(res.body.items)).not.toContain(FLOWS.otherOrg)
      const either = await search({ tags: ['payments', 'legacy'], tag_match_mode: 'any' })
      expect(ids(either.body.items)).toEqual([FLOWS.refund, FLOWS.legacyBilling].sort())
    })

    it('tag_match_mode all: flows with every tag', async () => {
      const res = await search({ tags: ['smoke', 'payments'], tag_match_mode: 'all' })
      expect(ids(res.body.items)).toEqual([FLOWS.refund])
      const both = await search({ tags: ['smoke', 'regression'], tag_match_mode: 'all' })
      expect(ids(both.body.items)).toEqual([FLOWS.login, FLOWS.checkout].sort())
    })

    it('tags match exactly', async () => {
      for (const tag of ['Smoke', 'smok', 'smoke ']) {
        const res = await search({ tags: [tag] })
        expect(res.body.total).toBe(0)
      }
    })

    it('no tags: every flow of the organization, newest first by default', async () => {
      const res = await search({})
      expect(res.body.total).toBe(8)
      const created = res.body.items.map((i) => i.created_at)
      expect(created).toEqual([...created].sort().reverse())
      const asc = await search({ sort_direction: 'ASC' })
      expect(asc.body.items.map((i) => i.id)).toEqual(res.body.items.map((i) => i.id).reverse())
    })

    it('an empty body is accepted as {}', async () => {
      const res = await call(sandbox, '/flows/search', { method: 'POST' })
      expect(res.status).toBe(200)
      expect(res.body.total).toBe(8)
    })

    it('pagination: default 20, limit/offset pages without overlap, total stays', async () => {
      const pages: string[] = []
      for (let offset = 0; offset < 8; offset += 3) {
        const res = await search({ pagination: { limit: 3, offset } })
        expect(res.body.total).toBe(8)
        expect(res.body.count).toBe(res.body.items.length)
        pages.push(...res.body.items.map((i) => i.id))
      }
      expect(pages).toHaveLength(8)
      expect(new Set(pages).size).toBe(8)
      const beyond = await search({ pagination: { limit: 3, offset: 100 } })
      expect(beyond.body).toEqual({ total: 8, count: 0, items: [] })
    })

    it('full_text_search matches name, description and tags, case-insensitively', async () => {
      const res = await search({ full_text_search: 'CHECKOUT' })
      expect(ids(res.body.items)).toEqual([FLOWS.checkout])
    })

    it('include_definition adds flow_definition to each item', async () => {
      const without = await search({ tags: ['payments'] })
      expect(without.body.items[0]?.flow_definition).toBeUndefined()
      const withDef = await search({ tags: ['payments'], include_definition: true })
      const def = withDef.body.items[0]?.flow_definition as { nodes: unknown[] }
      expect(def.nodes).toHaveLength(3)
      expect(withDef.body.items[0]?.node_count).toBe(3)
    })

    it.each([
      [{ tag_match_mode: 'some' }, 'tag_match_mode'],
      [{ sort_direction: 'up' }, 'sort_direction'],
      [{ tags: 'smoke' }, 'tags'],
      [{ tags: [''] }, 'tags[0]'],
      [{ pagination: { limit: 0 } }, 'pagination.limit'],
      [{ pagination: { limit: 101 } }, 'pagination.limit'],
      [{ pagination: { offset: -1 } }, 'pagination.offset'],
      [{ include_definition: 'yes' }, 'include_definition'],
      [[], 'body']
    ])('rejects %j with 400 on %s', async (body, field) => {
      const res = await search(body)
      expect(res.status).toBe(400)
      expect((res.body as unknown as { errors: unknown[] }).errors[0]).toMatchObject({
        code: 'VALIDATION_ERROR',
        field
      })
    })

    it('last_run_status follows the latest finished execution', async () => {
      const local = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
      const box = await startSandbox({ clock: local })
      try {
        const before = await call(box, '/flows/search', { body: { tags: ['regression'] } })
        expect(before.body.items.every((i: Item) => i.last_run_status === 'none')).toBe(true)
        await call(box, `/flows/${FLOWS.orderHistory}/launch`, { body: {} })
        await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })
        local.advance(60_000)
        const after = await call(box, '/flows/search', { body: { tags: ['regression'] } })
        const status = Object.fromEntries(
          after.body.items.map((i: Item) => [i.id, i.last_run_status])
        )
        expect(status[FLOWS.orderHistory]).toBe('failed')
        expect(status[FLOWS.login]).toBe('passed')
        expect(status[FLOWS.checkout]).toBe('none')
      } finally {
        await box.close()
      }
    })
  })

  describe('GET /flows/tags', () => {
    it('sorted unique tags of the organization', async () => {
      const res = await call(sandbox, '/flows/tags')
      expect(res.body).toEqual({
        items: ['legacy', 'payments', 'regression', 'smoke'],
        count: 4,
        limit: 100
      })
    })
  })

  describe('GET /flows', () => {
    it('needs limit 1..100', async () => {
      for (const query of ['', '?limit=0', '?limit=101', '?limit=abc', '?limit=10&offset=-1']) {
        const res = await call(sandbox, `/flows${query}`)
        expect(res.status).toBe(400)
        expect(res.body.errors[0].code).toBe('VALIDATION_ERROR')
        expect(['limit', 'offset']).toContain(res.body.errors[0].field)
      }
    })

    it('pages Flow objects with their definition', async () => {
      const res = await call(sandbox, '/flows?limit=2&offset=1')
      expect(res.body.total).toBe(8)
      expect(res.body.count).toBe(2)
      expect(res.body.items[0]).toHaveProperty('flow_definition')
    })
  })

  describe('GET /flows/{id}', () => {
    it('answers the flow with nodes (unknown node types pass through) and edges', async () => {
      const res = await call(sandbox, `/flows/${FLOWS.graphql}`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        id: FLOWS.graphql,
        name: 'Product search (GraphQL)',
        tags: ['regression']
      })
      expect(res.body.flow_definition.nodes.map((n: { type: string }) => n.type)).toEqual([
        'graphql',
        'request'
      ])
      expect(res.body.flow_definition.edges).toEqual([
        { id: 'e1', source: 'search', target: 'product', type: 'success' }
      ])
    })

    it('accepts an upper-case UUID', async () => {
      const res = await call(sandbox, `/flows/${FLOWS.graphql.toUpperCase()}`)
      expect(res.status).toBe(200)
    })

    it('an unknown flow → 404', async () => {
      const res = await call(sandbox, '/flows/00000000-0000-4000-8000-000000000000')
      expect(res.status).toBe(404)
      expect(res.body.errors[0].code).toBe('NOT_FOUND')
    })
  })
})
