/**
 * Launch, the simulated lifecycle (driven by a fake clock), idempotency, cancel
 * and the execution lists.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS, LOGIN_PUBLISHED_VERSION } from '../__fixtures__/sandbox-http.js'
import { detectCiContext } from '../src/core/ci-context.js'
import {
  defaultFixtures,
  startSandbox,
  type Sandbox,
  type SandboxOptions
} from '../src/sandbox/index.js'

interface Node {
  node_id: string
  display_name: string
  node_type: string
  status: string
  started_at?: string | null
  completed_at?: string | null
  duration_ms?: number | null
  skip_reason?: string | null
  error_code?: string | null
  result?: { assertion_results?: unknown[]; status_code?: unknown } | null
}

describe('sandbox executions', () => {
  let clock: FakeClock
  let sandbox: Sandbox
  let t0: number

  async function start(options: SandboxOptions = {}): Promise<void> {
    await sandbox?.close()
    sandbox = await startSandbox({ clock, ...options })
  }

  beforeEach(async () => {
    clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
    t0 = clock.now()
    sandbox = await startSandbox({ clock })
  })
  afterEach(() => sandbox.close())

  const launch = (
    flowId: string,
    body: unknown = {},
    headers: Record<string, string> = {},
    key?: string
  ) => call(sandbox, `/flows/${flowId}/launch`, { body, headers, key })
  const get = (flowId: string, id: string) => call(sandbox, `/flows/${flowId}/executions/${id}`)
  const nodes = (flowId: string, id: string) =>
    call<Node[]>(sandbox, `/flows/${flowId}/executions/${id}/nodes`)
  const iso = (ms: number): string => new Date(ms).toISOString()

  describe('launch', () => {
    it('202 {execution} with every required field, secrets masked', async () => {
      const res = await launch(FLOWS.login, {
        trigger_type: 'git',
        environment_key: 'staging',
        trigger_metadata: { source: 'github_actions', repository: 'acme/shop', run_id: '42' }
      })
      expect(res.status).toBe(202)
      const execution = res.body.execution
      expect(execution).toMatchObject({
        flow_id: FLOWS.login,
        organization_id: 'org_demo',
        status: 'pending',
        runner_type: 'cloud',
        environment_key: 'staging',
        trigger_type: 'git',
        trigger_metadata: { source: 'github_actions', repository: 'acme/shop', run_id: '42' },
        runner_inputs: { base_url: 'https://shop.example.test', password: '***' },
        started_at: iso(t0),
        created_at: iso(t0),
        updated_at: iso(t0),
        completed_at: null,
        execution_started_at: null,
        referenced_flows: [],
        executed_by: 'key_demo_ci'
      })
      expect(execution.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
      )
      expect(execution.flow_snapshot).toMatchObject({
        id: FLOWS.login,
        name: 'Login and fetch profile'
      })
      expect(JSON.stringify(execution)).not.toContain('correct-horse')
    })

    it.each([
      [undefined, 'body'],
      [[], 'body'],
      [{ runner_type: 'lambda' }, 'runner_type'],
      [{ runner_type: 'ephemeral' }, 'ephemeral_job_version'],
      [{ runner_type: 'ephemeral', ephemeral_job_version: 2 }, 'ephemeral_job_version'],
      [{ trigger_type: 'cron' }, 'trigger_type'],
      [{ trigger_metadata: ['x'] }, 'trigger_metadata'],
      [{ trigger_type: 'git', trigger_metadata: { run_id: 42 } }, 'trigger_metadata.run_id'],
      // trigger_metadata is shaped by trigger_type: manual needs actor_type.
      [{ trigger_type: 'manual', trigger_metadata: {} }, 'trigger_metadata.actor_type'],
      [
        { trigger_type: 'manual', trigger_metadata: { source: 'echopoint_ci_cli' } },
        'trigger_metadata.actor_type'
      ],
      [
        { trigger_type: 'manual', trigger_metadata: { actor_type: 'robot' } },
        'trigger_metadata.actor_type'
      ],
      [
        { trigger_type: 'manual', trigger_metadata: { actor_type: 'user', actor_id: 7 } },
        'trigger_metadata.actor_id'
      ],
      // Without trigger_type the launch is manual, so git-shaped metadata lacks actor_type.
      [{ trigger_metadata: { source: 'github_actions' } }, 'trigger_metadata.actor_type'],
      [{ environment_key: '' }, 'environment_key']
    ])('rejects body %j with 400 on %s', async (body, field) => {
      const res = await call(sandbox, `/flows/${FLOWS.login}/launch`, { method: 'POST', body })
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject({ code: 'VALIDATION_ERROR', field })
      expect(sandbox.state.executions.size).toBe(0)
    })

    it('a manual launch without actor_type names trigger_metadata.actor_type', async () => {
      const res = await launch(FLOWS.login, {
        trigger_type: 'manual',
        trigger_metadata: { actor_id: 'key_demo_ci' }
      })
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject({
        code: 'VALIDATION_ERROR',
        field: 'trigger_metadata.actor_type'
      })
      expect(res.body.errors[0].message).toMatch(/actor_type.*manual/)
      expect(sandbox.state.executions.size).toBe(0)
    })

    it.each<[{ trigger_type: string; trigger_metadata?: Record<string, unknown> }]>([
      [{ trigger_type: 'manual', trigger_metadata: { actor_type: 'api_key' } }],
      [{ trigger_type: 'manual', trigger_metadata: { actor_type: 'user', actor_id: 'u_1' } }],
      [{ trigger_type: 'manual' }],
      [{ trigger_type: 'git', trigger_metadata: {} }],
      [{ trigger_type: 'scheduled', trigger_metadata: { schedule_id: 'nightly' } }]
    ])('accepts trigger metadata of the right shape: %j', async (body) => {
      const res = await launch(FLOWS.login, body)
      expect(res.status).toBe(202)
      expect(res.body.execution).toMatchObject({
        trigger_type: body.trigger_type,
        trigger_metadata: body.trigger_metadata ?? null
      })
    })

    it("the CLI's launch from a terminal outside CI: manual, {actor_type: 'api_key'}", async () => {
      const ci = detectCiContext({})
      expect(ci.triggerType).toBe('manual')
      expect(ci.metadata).toEqual({ actor_type: 'api_key' })
      // The body the kit sends for it (launchBody: trigger_type and trigger_metadata).
      const res = await launch(FLOWS.login, {
        runner_type: 'cloud',
        trigger_type: ci.triggerType,
        trigger_metadata: ci.metadata
      })
      expect(res.status).toBe(202)
      expect(res.body.execution).toMatchObject({
        trigger_type: 'manual',
        trigger_metadata: { actor_type: 'api_key' }
      })
    })

    it('version_id must be a published version of the flow', async () => {
      const unknown = await launch(FLOWS.login, { version_id: 'v-does-not-exist' })
      expect(unknown.status).toBe(404)
      expect(unknown.body.errors[0].field).toBe('version_id')
      const ok = await launch(FLOWS.login, { version_id: LOGIN_PUBLISHED_VERSION })
      expect(ok.status).toBe(202)
      expect(ok.body.execution.flow_snapshot.version_id).toBe(LOGIN_PUBLISHED_VERSION)
    })

    it('an unknown flow → 404 and nothing is created', async () => {
      const res = await launch('00000000-0000-4000-8000-000000000000')
      expect(res.status).toBe(404)
      expect(sandbox.state.executions.size).toBe(0)
    })
  })

  describe('lifecycle on the injected clock', () => {
    it('passed flow: pending → running (node by node) → completed', async () => {
      // Login: 250 ms pending, then 1500 ms split over two nodes.
      const { id } = (await launch(FLOWS.login)).body.execution
      expect((await nodes(FLOWS.login, id)).body).toEqual([])

      clock.advance(250)
      let ex = (await get(FLOWS.login, id)).body
      expect(ex).toMatchObject({
        status: 'running',
        execution_started_at: iso(t0 + 250),
        completed_at: null
      })
      let ns = (await nodes(FLOWS.login, id)).body
      expect(ns.map((n) => [n.node_id, n.status])).toEqual([['login', 'running']])

      clock.advance(750)
      ns = (await nodes(FLOWS.login, id)).body
      expect(ns.map((n) => [n.node_id, n.status])).toEqual([
        ['login', 'completed'],
        ['profile', 'running']
      ])
      expect(ns[0]).toMatchObject({
        duration_ms: 750,
        started_at: iso(t0 + 250),
        completed_at: iso(t0 + 1000)
      })

      clock.advance(749)
      expect((await get(FLOWS.login, id)).body.status).toBe('running')
      expect(sandbox.state.terminalAt(id)).toBeNull()

      clock.advance(1)
      ex = (await get(FLOWS.login, id)).body
      expect(ex).toMatchObject({
        status: 'completed',
        completed_at: iso(t0 + 1750),
        updated_at: iso(t0 + 1750)
      })
      expect(ex.error_code).toBeNull()
      ns = (await nodes(FLOWS.login, id)).body
      expect(ns.map((n) => n.status)).toEqual(['completed', 'completed'])
      expect(ns[1]?.result?.assertion_results).toEqual([
        {
          index: 0,
          extractor: 'status_code',
          operator: 'equals',
          expected: 200,
          actual: 200,
          passed: true
        }
      ])
      expect(sandbox.state.terminalAt(id)).toBe(t0 + 1750)
      expect(sandbox.state.lastTerminalAt()).toBe(t0 + 1750)
    })

    it('failed flow: the failing node carries the assertion, later nodes are skipped', async () => {
      const { id } = (await launch(FLOWS.orderHistory)).body.execution
      clock.advance(250 + 2500)
      const ex = (await get(FLOWS.orderHistory, id)).body
      expect(ex).toMatchObject({ status: 'failed', error_code: 'ASSERTION_FAILED' })
      expect(ex.error_message).toContain('GET /orders/{id}')
      const ns = (await nodes(FLOWS.orderHistory, id)).body
      expect(ns.map((n) => [n.display_name, n.status])).toEqual([
        ['GET /orders', 'completed'],
        ['GET /orders/{id}', 'failed'],
        ['GET /orders/{id}/invoice', 'skipped']
      ])
      expect(ns[1]).toMatchObject({
        error_code: 'ASSERTION_FAILED',
        has_errors: true,
        result: {
          status_code: 500,
          assertion_results: [
            {
              index: 0,
              extractor: 'status_code',
              operator: 'equals',
              expected: 200,
              actual: 500,
              passed: false
            }
          ]
        }
      })
      expect(ns[2]?.skip_reason).toContain('GET /orders/{id}')
    })

    it('an assertion whose actual value is unknown leaves actual out (never null)', async () => {
      const fixtures = defaultFixtures()
      const flow = fixtures.flows.find((f) => f.id === FLOWS.orderHistory)
      const assertion = flow?.simulation.failure?.assertion
      if (!assertion) throw new Error('the order-history flow fails on an assertion')
      delete assertion.actual
      await start({ fixtures })
      const { id } = (await launch(FLOWS.orderHistory)).body.execution
      clock.advance(250 + 2500)
      const failed = (await nodes(FLOWS.orderHistory, id)).body.find((n) => n.status === 'failed')
      const result = failed?.result as { assertion_results: Record<string, unknown>[] }
      expect(result.assertion_results[0]).toEqual({
        index: 0,
        extractor: 'status_code',
        operator: 'equals',
        expected: 200,
        passed: false
      })
      expect(result.assertion_results[0]).not.toHaveProperty('actual')
      // Without an actual status there is no status_code to report either.
      expect(result).not.toHaveProperty('status_code')
      const ex = (await get(FLOWS.orderHistory, id)).body
      expect(ex.error_message).toContain('status_code equals 200')
      expect(ex.error_message).not.toContain('got')
    })

    it('error outcome: failed at execution level, no node passed', async () => {
      const { id } = (await launch(FLOWS.legacyBilling)).body.execution
      clock.advance(500)
      expect((await nodes(FLOWS.legacyBilling, id)).body).toEqual([])
      clock.advance(1000)
      const ex = (await get(FLOWS.legacyBilling, id)).body
      expect(ex).toMatchObject({ status: 'failed', error_code: 'ENVIRONMENT_UNREACHABLE' })
      expect(ex.error_message).toMatch(/connection refused/)
      const ns = (await nodes(FLOWS.legacyBilling, id)).body
      expect(ns.map((n) => n.status)).toEqual(['skipped', 'skipped'])
    })

    it('unknown node types (graphql, module) pass through', async () => {
      const { id } = (await launch(FLOWS.graphql)).body.execution
      clock.advance(10_000)
      const ns = (await nodes(FLOWS.graphql, id)).body
      expect(ns.map((n) => n.node_type)).toEqual(['graphql', 'request'])
    })

    it('timeScale shrinks every duration', async () => {
      await start({ timeScale: 0.01 })
      const { id } = (await launch(FLOWS.login)).body.execution
      // round(250 × 0.01) = 3 ms pending, 15 ms running.
      clock.advance(17)
      expect((await get(FLOWS.login, id)).body.status).toBe('running')
      clock.advance(1)
      expect((await get(FLOWS.login, id)).body.status).toBe('completed')
      expect(sandbox.state.terminalAt(id)).toBe(t0 + 18)
    })

    it('runs on the real clock too, with tiny durations', async () => {
      await sandbox.close()
      sandbox = await startSandbox({ timeScale: 0.002 })
      const { id } = (await launch(FLOWS.health)).body.execution
      let status = 'pending'
      for (let i = 0; i < 200 && (status === 'pending' || status === 'running'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        status = (await get(FLOWS.health, id)).body.status
      }
      expect(status).toBe('completed')
    })

    it('self_hosted runs are simulated like cloud ones', async () => {
      const res = await launch(FLOWS.health, { runner_type: 'self_hosted' })
      clock.advance(5_000)
      const ex = (await get(FLOWS.health, res.body.execution.id)).body
      expect(ex).toMatchObject({ runner_type: 'self_hosted', status: 'completed' })
    })
  })

  describe('idempotency', () => {
    const key = { 'Idempotency-Key': 'gh-acme/shop-ci-smoke-1234-1-login' }

    it('a replay returns the original answer and creates nothing', async () => {
      const first = await launch(FLOWS.login, { trigger_type: 'git' }, key)
      clock.advance(5_000)
      const again = await launch(
        FLOWS.login,
        { trigger_type: 'git', trigger_metadata: { run_attempt: '2' } },
        key
      )
      expect(again.status).toBe(202)
      expect(again.body).toEqual(first.body)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(sandbox.state.executions.size).toBe(1)
      const launches = sandbox.requestLog.launches()
      expect(launches.map((l) => l.replay)).toEqual([false, true])
      expect(launches[1]?.executionId).toBe(first.body.execution.id)
    })

    it.each([
      [{ runner_type: 'self_hosted' }, 'runner_type'],
      [{ environment_key: 'production' }, 'environment_key'],
      [{ version_id: LOGIN_PUBLISHED_VERSION }, 'version_id'],
      [{ trigger_type: 'manual' }, 'trigger_type']
    ])('the same key with %j → 409 IDEMPOTENCY_KEY_REUSED', async (change, field) => {
      const first = await launch(FLOWS.login, { trigger_type: 'git' }, key)
      const res = await launch(FLOWS.login, { trigger_type: 'git', ...change }, key)
      expect(res.status).toBe(409)
      expect(res.body.errors[0]).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        metadata: { execution_id: first.body.execution.id, differences: [field] }
      })
      expect(res.body.errors[0].message).toContain(field)
      expect(sandbox.state.executions.size).toBe(1)
    })

    it('is scoped by flow and organization', async () => {
      await launch(FLOWS.login, {}, key)
      expect((await launch(FLOWS.checkout, {}, key)).status).toBe(202)
      const other = await call(sandbox, `/flows/${FLOWS.otherOrg}/launch`, {
        key: KEYS.otherOrg,
        org: 'org_other',
        body: {},
        headers: key
      })
      expect(other.status).toBe(202)
      expect(sandbox.state.executions.size).toBe(3)
    })

    it('keys are kept 24 hours', async () => {
      await launch(FLOWS.login, {}, key)
      clock.advance(24 * 60 * 60 * 1000)
      const res = await launch(FLOWS.login, { runner_type: 'self_hosted' }, key)
      expect(res.status).toBe(202)
      expect(sandbox.state.executions.size).toBe(2)
    })

    it('Idempotency-Key: at most 255 characters, not blank', async () => {
      expect((await launch(FLOWS.login, {}, { 'Idempotency-Key': 'k'.repeat(255) })).status).toBe(
        202
      )
      const long = await launch(FLOWS.login, {}, { 'Idempotency-Key': 'k'.repeat(256) })
      expect(long.status).toBe(400)
      expect(long.body.errors[0].field).toBe('Idempotency-Key')
      expect((await launch(FLOWS.login, {}, { 'Idempotency-Key': ' ' })).status).toBe(400)
    })
  })

  describe('cancel (part B.3)', () => {
    const cancel = (flowId: string, id: string, key?: string) =>
      call(sandbox, `/flows/${flowId}/executions/${id}/cancel`, { method: 'POST', key })

    it('202 cancelled while running; completed nodes stay, the rest are skipped', async () => {
      const { id } = (await launch(FLOWS.checkout)).body.execution
      clock.advance(1_500)
      const res = await cancel(FLOWS.checkout, id)
      expect(res.status).toBe(202)
      expect(res.body.execution).toMatchObject({
        id,
        status: 'cancelled',
        completed_at: iso(t0 + 1500)
      })
      clock.advance(10_000)
      expect((await get(FLOWS.checkout, id)).body.status).toBe('cancelled')
      const ns = (await nodes(FLOWS.checkout, id)).body
      expect(ns.map((n) => n.status)).toEqual([
        'completed',
        'completed',
        'skipped',
        'skipped',
        'skipped'
      ])
      expect(sandbox.state.terminalAt(id)).toBe(t0 + 1500)
    })

    it('409 once terminal (cancelled or finished)', async () => {
      const { id } = (await launch(FLOWS.health)).body.execution
      expect((await cancel(FLOWS.health, id)).status).toBe(202)
      const again = await cancel(FLOWS.health, id)
      expect(again.status).toBe(409)
      expect(again.body.errors[0]).toMatchObject({
        code: 'EXECUTION_ALREADY_TERMINAL',
        metadata: { status: 'cancelled' }
      })
      const done = (await launch(FLOWS.health)).body.execution.id
      clock.advance(60_000)
      expect((await cancel(FLOWS.health, done)).status).toBe(409)
    })

    it('needs flows:execute; an unknown execution is 404', async () => {
      const { id } = (await launch(FLOWS.health)).body.execution
      expect((await cancel(FLOWS.health, id, KEYS.readOnly)).status).toBe(403)
      expect((await cancel(FLOWS.login, id)).status).toBe(404)
    })

    it('with the extension off → 404, like the public API', async () => {
      await start({ extensions: { cancel: false } })
      const { id } = (await launch(FLOWS.health)).body.execution
      const res = await cancel(FLOWS.health, id)
      expect(res.status).toBe(404)
      expect((await get(FLOWS.health, id)).body.status).toBe('pending')
    })
  })

  describe('GET /executions and GET /flows/{id}/executions', () => {
    async function seed(): Promise<string[]> {
      const a = (await launch(FLOWS.login, { trigger_type: 'git' })).body.execution.id
      clock.advance(60_000)
      const b = (await launch(FLOWS.orderHistory, { trigger_type: 'git' })).body.execution.id
      clock.advance(60_000)
      const c = (await launch(FLOWS.login)).body.execution.id
      return [a, b, c]
    }

    it('newest first, slim rows with the flow name', async () => {
      const [a, b, c] = await seed()
      const res = await call(sandbox, '/executions?limit=10')
      expect(res.status).toBe(200)
      expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([c, b, a])
      expect(res.body.items[1]).toEqual({
        id: b,
        flow_id: FLOWS.orderHistory,
        flow_name: 'Order history',
        organization_id: 'org_demo',
        status: 'failed',
        runner_type: 'cloud',
        started_at: iso(t0 + 60_000),
        completed_at: iso(t0 + 60_000 + 2750),
        trigger_type: 'git',
        environment_key: null,
        error_message: expect.any(String),
        error_code: 'ASSERTION_FAILED'
      })
    })

    it('filters: since (inclusive), status, trigger_type, flow_id; and pages', async () => {
      const [a, b, c] = await seed()
      const q = async (query: string): Promise<string[]> =>
        (await call(sandbox, `/executions?limit=10&${query}`)).body.items.map(
          (r: { id: string }) => r.id
        )
      expect(await q(`since=${encodeURIComponent(iso(t0 + 60_000))}`)).toEqual([c, b])
      expect(await q(`since=${encodeURIComponent(iso(t0 + 60_001))}`)).toEqual([c])
      expect(await q('since=2025-06-02T11:01:00%2B02:00')).toEqual([c, b])
      expect(await q('status=failed')).toEqual([b])
      expect(await q('status=pending')).toEqual([c])
      expect(await q('trigger_type=git')).toEqual([b, a])
      expect(await q(`flow_id=${FLOWS.login}`)).toEqual([c, a])
      const page = await call(sandbox, '/executions?limit=2&offset=2')
      expect(page.body).toMatchObject({ total: 3, count: 1 })
    })

    it.each([
      ['', 'limit'],
      ['limit=10&since=yesterday', 'since'],
      ['limit=10&since=2025-06-02', 'since'],
      ['limit=10&status=done', 'status'],
      ['limit=10&trigger_type=push', 'trigger_type'],
      ['limit=10&flow_id=abc', 'flow_id']
    ])('?%s → 400 on %s', async (query, field) => {
      const res = await call(sandbox, `/executions?${query}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe(field)
    })

    it('with the extension off → 404', async () => {
      await start({ extensions: { executionsList: false } })
      expect((await call(sandbox, '/executions?limit=10')).status).toBe(404)
    })

    it("a flow's executions: paged FlowExecution objects, newest first; unknown flow 404", async () => {
      const [a, , c] = await seed()
      const res = await call(sandbox, `/flows/${FLOWS.login}/executions?limit=10`)
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([c, a])
      expect(res.body.items[0]).toHaveProperty('flow_snapshot')
      expect((await call(sandbox, `/flows/${FLOWS.otherOrg}/executions?limit=10`)).status).toBe(404)
      expect((await call(sandbox, `/flows/${FLOWS.login}/executions`)).status).toBe(400)
    })
  })
})
