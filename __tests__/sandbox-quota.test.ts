/**
 * The daily execution quota: per organization over a rolling 24 h window, 429
 * `DAILY_EXECUTION_LIMIT_EXCEEDED` with `metadata.scope`, replays and rejected
 * launches free, concurrent launches never overshoot, and configuration from
 * options, the fixtures file and CLI flags.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS } from '../__fixtures__/sandbox-http.js'
import { raw } from '../__fixtures__/sandbox-raw.js'
import { sandboxOptionsFromFlags } from '../src/cli/commands/sandbox.js'
import { ConfigError } from '../src/core/errors.js'
import {
  DAY_MS,
  defaultFixtures,
  formatBanner,
  loadFixtures,
  startSandbox,
  type Sandbox,
  type SandboxOptions
} from '../src/sandbox/index.js'

const T0 = Date.parse('2025-06-02T09:00:00.000Z')

let clock: FakeClock
let sandbox: Sandbox | undefined

async function start(options: Omit<SandboxOptions, 'clock'>): Promise<Sandbox> {
  await sandbox?.close()
  clock = new FakeClock({ now: T0, auto: false })
  sandbox = await startSandbox({ clock, ...options })
  return sandbox
}

afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

const launch = (
  box: Sandbox,
  flow: string = FLOWS.login,
  options: { key?: string; org?: string; idempotencyKey?: string; body?: unknown } = {}
) =>
  call(box, `/flows/${flow}/launch`, {
    body: options.body ?? {},
    key: options.key,
    org: options.org,
    headers: options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}
  })

describe('daily quota', () => {
  it('refuses the launch beyond the budget with DAILY_EXECUTION_LIMIT_EXCEEDED, scope cloud_fleet', async () => {
    const box = await start({ quota: { daily: 2 } })
    expect((await launch(box)).status).toBe(202)
    clock.advance(60_000)
    expect((await launch(box, FLOWS.checkout)).status).toBe(202)
    const refused = await launch(box, FLOWS.health)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({
      errors: [
        {
          code: 'DAILY_EXECUTION_LIMIT_EXCEEDED',
          message:
            "The organization's execution quota is spent: 2 executions per rolling 24 h; the next one frees up at 2025-06-03T09:00:00.000Z",
          metadata: { scope: 'cloud_fleet' }
        }
      ]
    })
    // Not a short rate limit: nothing invites a retry.
    expect(refused.headers.get('retry-after')).toBeNull()
    expect(box.state.executions.size).toBe(2)
    expect(box.requestLog.entries().map((e) => e.errorCode)).toEqual([
      undefined,
      undefined,
      'DAILY_EXECUTION_LIMIT_EXCEEDED'
    ])
    expect(box.quota?.used('org_demo', clock.now())).toBe(2)
    expect(box.quota?.remaining('org_demo', clock.now())).toBe(0)
  })

  it('idempotent replays do not count, and are still answered when the budget is spent', async () => {
    const box = await start({ quota: { daily: 1 } })
    const first = await launch(box, FLOWS.login, { idempotencyKey: 'run-1' })
    expect(first.status).toBe(202)
    for (let i = 0; i < 3; i++) {
      const replay = await launch(box, FLOWS.login, { idempotencyKey: 'run-1' })
      expect(replay.status).toBe(202)
      expect(replay.body.execution.id).toBe(first.body.execution.id)
    }
    expect((await launch(box, FLOWS.login, { idempotencyKey: 'run-2' })).status).toBe(429)
    expect(box.state.executions.size).toBe(1)
    expect(box.requestLog.launches().map((l) => l.replay)).toEqual([false, true, true, true])
  })

  it('launches the handler rejects (400, 404, 409) take nothing from the budget', async () => {
    const box = await start({ quota: { daily: 1 } })
    expect((await launch(box, FLOWS.login, { body: { runner_type: 'ephemeral' } })).status).toBe(
      400
    )
    expect((await launch(box, FLOWS.otherOrg)).status).toBe(404)
    expect((await launch(box, FLOWS.login, { key: KEYS.readOnly })).status).toBe(403)
    expect((await launch(box, FLOWS.login, { idempotencyKey: 'k' })).status).toBe(202)
    const conflict = await launch(box, FLOWS.login, {
      idempotencyKey: 'k',
      body: { environment_key: 'prod' }
    })
    expect(conflict.status).toBe(409)
    expect(box.quota?.used('org_demo', clock.now())).toBe(1)
  })

  it('only launches count: reads and cancels are never refused', async () => {
    const box = await start({ quota: { daily: 1 } })
    const { body } = await launch(box, FLOWS.checkout, { body: { runner_type: 'self_hosted' } })
    expect((await call(box, '/flows/tags')).status).toBe(200)
    const cancel = await call(
      box,
      `/flows/${FLOWS.checkout}/executions/${body.execution.id}/cancel`,
      { method: 'POST' }
    )
    expect(cancel.status).toBe(202)
  })

  it('is a rolling 24 h window: each execution frees its slot 24 h after it was created', async () => {
    const box = await start({ quota: { daily: 2 } })
    await launch(box)
    clock.advance(10 * 3_600_000)
    await launch(box)
    expect((await launch(box)).status).toBe(429)
    clock.set(T0 + DAY_MS - 1)
    expect((await launch(box)).status).toBe(429)
    clock.set(T0 + DAY_MS)
    expect((await launch(box)).status).toBe(202)
    expect((await launch(box)).status).toBe(429)
    clock.set(T0 + 10 * 3_600_000 + DAY_MS)
    expect((await launch(box)).status).toBe(202)
    expect(box.state.executions.size).toBe(4)
  })

  it('is per organization', async () => {
    const box = await start({ quota: { daily: 1 } })
    expect((await launch(box)).status).toBe(202)
    expect((await launch(box)).status).toBe(429)
    const other = await launch(box, FLOWS.otherOrg, { key: KEYS.otherOrg, org: 'org_other' })
    expect(other.status).toBe(202)
  })

  it('daily 0 refuses every new launch; the scope and window are configurable', async () => {
    const box = await start({
      quota: { daily: 0, scope: 'self_hosted_fleet', windowMs: 3_600_000 }
    })
    const refused = await launch(box)
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].metadata).toEqual({ scope: 'self_hosted_fleet' })
    expect(refused.body.errors[0].message).toContain('0 executions per rolling 1 h')
    expect(box.state.executions.size).toBe(0)
  })

  it('concurrent launches never overshoot the budget', async () => {
    const box = await start({ quota: { daily: 2 } })
    const flows = [FLOWS.login, FLOWS.checkout, FLOWS.health, FLOWS.refund, FLOWS.graphql]
    const answers = await Promise.all(flows.map((flow) => launch(box, flow)))
    expect(answers.map((a) => a.status).sort()).toEqual([202, 202, 429, 429, 429])
    expect(box.state.executions.size).toBe(2)
  })

  it('a launch whose answer a fault lost after commit still counts: the execution exists', async () => {
    const box = await start({
      quota: { daily: 1 },
      faults: { rateReset: 1, routes: ['flows.launch'], afterCommit: true }
    })
    const lost = await raw(box, `/flows/${FLOWS.login}/launch`, { body: {} })
    expect('error' in lost).toBe(true)
    expect(box.state.executions.size).toBe(1)
    expect(box.quota?.used('org_demo', clock.now())).toBe(1)
  })

  it('quota 429s count against the write rate limit like any launch', async () => {
    const box = await start({ quota: { daily: 0 }, rateLimits: { write: 5 } })
    const refused = await launch(box)
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].code).toBe('DAILY_EXECUTION_LIMIT_EXCEEDED')
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('4')
  })
})

describe('daily quota: configuration', () => {
  it('rejects bad options when starting', async () => {
    await expect(startSandbox({ quota: { daily: -1 } })).rejects.toThrow(
      /quota\.daily must be a whole number >= 0/
    )
    await expect(startSandbox({ quota: { daily: 1, scope: ' ' } })).rejects.toThrow(/quota\.scope/)
  })

  it('reads the fixtures file `server.quota`; options override it field by field', async () => {
    const fixtures = { ...defaultFixtures(), server: { quota: { daily: 3, scope: 'cloud_runs' } } }
    const box = await start({ fixtures })
    expect(box.quota?.config).toEqual({ daily: 3, scope: 'cloud_runs', windowMs: DAY_MS })
    expect(formatBanner(box)).toContain(
      'Daily quota   3 executions per organization per rolling 24 h (scope cloud_runs)'
    )
    const merged = await start({ fixtures, quota: { daily: 1 } })
    expect(merged.quota?.config).toMatchObject({ daily: 1, scope: 'cloud_runs' })

    const bad =
      (quota: unknown): (() => unknown) =>
      () =>
        loadFixtures({ ...defaultFixtures(), server: { quota } } as never)
    expect(bad({})).toThrow(/server\.quota\.daily: must be a whole number >= 0/)
    expect(bad({ daily: 1.5 })).toThrow(/server\.quota\.daily/)
    expect(bad({ daily: 5, per: 'day' })).toThrow(/server\.quota\.per: unknown field/)
  })

  it('CLI: --daily-quota and --quota-scope; a bad value names the flag', () => {
    const fixtures = defaultFixtures()
    expect(sandboxOptionsFromFlags({ dailyQuota: '50' }, fixtures).quota).toEqual({
      daily: 50,
      scope: undefined
    })
    expect(
      sandboxOptionsFromFlags({ dailyQuota: '0', quotaScope: 'fleet' }, fixtures).quota
    ).toEqual({ daily: 0, scope: 'fleet' })
    expect(sandboxOptionsFromFlags({}, fixtures).quota).toBeUndefined()
    for (const [flags, flag] of [
      [{ dailyQuota: 'lots' }, '--daily-quota'],
      [{ dailyQuota: '-3' }, '--daily-quota'],
      [{ quotaScope: 'fleet' }, '--quota-scope']
    ] as const) {
      expect(() => sandboxOptionsFromFlags(flags, fixtures)).toThrow(ConfigError)
      expect(() => sandboxOptionsFromFlags(flags, fixtures)).toThrow(`Invalid ${flag}:`)
    }
  })
})
