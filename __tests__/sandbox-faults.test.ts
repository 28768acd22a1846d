/**
 * Fault injection: every fault kind over a real socket, faults before the handler
 * (no effect) and after it (the launch happened, the answer was lost), targeting,
 * determinism from the seed, clock skew in `Date`, and configuration from options,
 * the fixtures file and CLI flags. Slow answers take a few tens of real ms.
 */
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS } from '../__fixtures__/sandbox-http.js'
import { answered, raw } from '../__fixtures__/sandbox-raw.js'
import { sandboxOptionsFromFlags, type SandboxFlags } from '../src/cli/commands/sandbox.js'
import { ConfigError } from '../src/core/errors.js'
import {
  defaultFixtures,
  formatBanner,
  loadFixtures,
  passThrough,
  seededRandom,
  startSandbox,
  type FaultOptions,
  type Sandbox,
  type SandboxOptions
} from '../src/sandbox/index.js'

const T0 = Date.parse('2025-06-02T09:00:00.000Z')

let clock: FakeClock
let sandbox: Sandbox | undefined

async function start(faults: FaultOptions, options: Omit<SandboxOptions, 'clock'> = {}) {
  // One sandbox at a time: starting another closes the previous one (close is idempotent).
  await sandbox?.close()
  clock = new FakeClock({ now: T0, auto: false })
  sandbox = await startSandbox({ clock, faults, ...options })
  return sandbox
}

afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

/** The fault of each logged request, in order ('-' for none). */
const faultsOf = (box: Sandbox): string[] =>
  box.requestLog.entries().map((e) => (e.fault ?? '-') + (e.faultAfterCommit ? '+after' : ''))

describe('faults: each kind', () => {
  it('5xx: half 500 UNEXPECTED_ERROR, half 502 BAD_GATEWAY, in the Echopoint envelope', async () => {
    const box = await start({ seed: 3, rate5xx: 1 })
    const seen = new Map<number, string>()
    for (let i = 0; i < 12; i++) {
      const res = await call(box, '/flows/tags')
      seen.set(res.status, res.body.errors[0].code)
    }
    expect(Object.fromEntries(seen)).toEqual({ 500: 'UNEXPECTED_ERROR', 502: 'BAD_GATEWAY' })
    expect(new Set(faultsOf(box))).toEqual(new Set(['500', '502']))
  })

  it('503 with Retry-After, recorded as a hint', async () => {
    const box = await start({ rate503: 1, retryAfterSeconds: 7 })
    clock.advance(1_000)
    const res = await call(box, '/flows/tags')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(res.body.errors[0].code).toBe('SERVICE_UNAVAILABLE')
    const [entry] = box.requestLog.entries()
    expect(entry).toMatchObject({
      status: 503,
      fault: '503',
      retryAt: T0 + 8_000,
      keyId: 'key_demo_ci',
      bucket: 'read',
      routeId: 'flows.tags'
    })
  })

  it('reset: the connection is destroyed without an answer', async () => {
    const box = await start({ rateReset: 1 })
    const result = await raw(box, '/flows/tags')
    expect('error' in result).toBe(true)
    expect(box.requestLog.entries()).toMatchObject([{ status: 0, fault: 'reset' }])
  })

  it('slow: the normal answer after slowMs of real time', async () => {
    const box = await start({ rateSlow: 1, slowMs: 40 })
    const started = performance.now()
    const res = await call(box, '/flows/tags')
    expect(performance.now() - started).toBeGreaterThanOrEqual(35)
    expect(res.status).toBe(200)
    expect(res.body.items).toContain('smoke')
    const [entry] = box.requestLog.entries()
    expect(entry?.fault).toBe('slow')
    expect(entry?.durationMs).toBeGreaterThanOrEqual(35)
  })

  it('malformed: a truncated JSON body that says it is JSON', async () => {
    const box = await start({ rateMalformed: 1 })
    const res = answered(await raw(box, '/flows?limit=5'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(() => JSON.parse(res.text) as unknown).toThrow(SyntaxError)
    expect(faultsOf(box)).toEqual(['malformed'])
  })

  it("html: a proxy's 502 error page", async () => {
    const box = await start({ rateHtml: 1 })
    const res = answered(await raw(box, '/flows/tags'))
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toBe('text/html')
    expect(res.text).toContain('<title>502 Bad Gateway</title>')
    expect(faultsOf(box)).toEqual(['html'])
  })

  it('clock skew: Date is the sandbox clock plus the skew; stored timestamps are not skewed', async () => {
    const box = await start({ clockSkewMs: -30_000 })
    clock.advance(5_000)
    const res = await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })
    expect(res.status).toBe(202)
    expect(res.headers.get('date')).toBe(new Date(T0 - 25_000).toUTCString())
    expect(res.body.execution.created_at).toBe(new Date(T0 + 5_000).toISOString())
    expect(faultsOf(box)).toEqual(['-'])
  })
})

describe('faults: before and after commit', () => {
  it('a fault before the handler had no effect: no execution', async () => {
    const box = await start({ rateReset: 0.5, rate5xx: 0.5, routes: ['flows.launch'] })
    for (let i = 0; i < 4; i++) {
      await raw(box, `/flows/${FLOWS.login}/launch`, { body: {} })
    }
    expect(box.state.executions.size).toBe(0)
    expect(box.requestLog.launches()).toEqual([])
    const entries = box.requestLog.entries()
    expect(entries.every((e) => e.fault !== undefined && !e.faultAfterCommit)).toBe(true)
    // The log still says who asked, though auth never ran.
    expect(entries.map((e) => e.keyId)).toEqual(Array(4).fill('key_demo_ci'))
    expect(entries.map((e) => e.routeId)).toEqual(Array(4).fill('flows.launch'))
  })

  it('reset after commit: the launch happened; the retry with the same key replays it', async () => {
    const box = await start({ rateReset: 1, routes: ['flows.launch'], afterCommit: true })
    const headers = { 'Idempotency-Key': 'run-7-login' }
    const lost = await raw(box, `/flows/${FLOWS.login}/launch`, { body: {}, headers })
    expect('error' in lost).toBe(true)
    expect(box.state.executions.size).toBe(1)
    const [execution] = [...box.state.executions.values()]

    // The network heals; the client retries with the same Idempotency-Key.
    box.pipeline.use('faults', passThrough('faults'))
    const retry = await call(box, `/flows/${FLOWS.login}/launch`, { body: {}, headers })
    expect(retry.status).toBe(202)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.body.execution.id).toBe(execution?.id)
    expect(box.state.executions.size).toBe(1)
    expect(box.requestLog.launches().map((l) => [l.status, l.replay, l.faultAfterCommit])).toEqual([
      [0, false, true],
      [202, true, undefined]
    ])
  })

  it('without an Idempotency-Key the same retry launches twice (why the key matters)', async () => {
    const box = await start({ rateHtml: 1, routes: ['flows.launch'], afterCommit: 1 })
    const lost = answered(await raw(box, `/flows/${FLOWS.login}/launch`, { body: {} }))
    expect(lost.status).toBe(502)
    box.pipeline.use('faults', passThrough('faults'))
    await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })
    expect(box.state.executions.size).toBe(2)
    expect(box.requestLog.launches().filter((l) => !l.replay)).toHaveLength(2)
  })

  it('malformed after commit: the real answer, cut in half', async () => {
    const box = await start({ rateMalformed: 1, routes: ['write'], afterCommit: true })
    const res = answered(await raw(box, `/flows/${FLOWS.login}/launch`, { body: {} }))
    expect(res.status).toBe(202)
    const [execution] = [...box.state.executions.values()]
    expect(res.text.startsWith('{"execution":{"id":"' + String(execution?.id))).toBe(true)
    expect(() => JSON.parse(res.text) as unknown).toThrow(SyntaxError)
    expect(faultsOf(box)).toEqual(['malformed+after'])
  })

  it('afterCommit only moves write faults, and never a 503 (which means "not processed")', async () => {
    const box = await start({ rate503: 0.5, rate5xx: 0.5, afterCommit: true })
    await raw(box, '/flows/tags')
    for (let i = 0; i < 8; i++) await raw(box, `/flows/${FLOWS.health}/launch`, { body: {} })
    const entries = box.requestLog.entries()
    expect(entries[0]?.faultAfterCommit).toBeUndefined()
    const launches = entries.slice(1)
    expect(launches.some((e) => e.fault === '503')).toBe(true)
    for (const e of launches) expect(e.faultAfterCommit === true).toBe(e.fault !== '503')
    expect(box.state.executions.size).toBe(launches.filter((e) => e.fault !== '503').length)
  })

  it('afterCommit as a probability splits write faults between before and after', async () => {
    const box = await start({ seed: 5, rate5xx: 1, routes: ['flows.launch'], afterCommit: 0.5 })
    for (let i = 0; i < 16; i++) await raw(box, `/flows/${FLOWS.health}/launch`, { body: {} })
    const after = box.requestLog.entries().filter((e) => e.faultAfterCommit).length
    expect(after).toBeGreaterThan(2)
    expect(after).toBeLessThan(14)
    expect(box.state.executions.size).toBe(after)
  })
})

describe('faults: targeting', () => {
  it('routes: only GETs', async () => {
    const box = await start({ rate5xx: 1, routes: ['GET'] })
    expect((await call(box, '/flows/tags')).status).toBeGreaterThanOrEqual(500)
    expect((await call(box, '/flows/search', { body: {} })).status).toBe(200)
    expect((await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })).status).toBe(202)
  })

  it('routes: only launches; exclude: never GET /api-keys/self', async () => {
    const box = await start({
      rate503: 1,
      routes: ['flows.launch', 'keys.self'],
      exclude: ['keys.self']
    })
    expect((await call(box, '/api-keys/self', { org: null })).status).toBe(200)
    expect((await call(box, '/flows/tags')).status).toBe(200)
    expect((await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })).status).toBe(503)
  })

  it('buckets select too; unknown paths only get untargeted faults', async () => {
    const box = await start({ rateHtml: 1, routes: ['search'] })
    expect((await call(box, '/nowhere')).status).toBe(404)
    expect(answered(await raw(box, '/flows/search', { body: {} })).status).toBe(502)
    await box.close()
    const all = await start({ rateHtml: 1 })
    expect(answered(await raw(all, '/nowhere')).status).toBe(502)
  })

  it('faults hit before auth: even a revoked key gets one', async () => {
    const box = await start({ rate5xx: 1 })
    const res = await call(box, '/flows/tags', { key: KEYS.revoked })
    expect(res.status).toBeGreaterThanOrEqual(500)
    expect(box.requestLog.entries()[0]?.keyId).toBe('key_demo_revoked')
  })
})

describe('faults: determinism', () => {
  const mixed: FaultOptions = {
    rate5xx: 0.15,
    rate503: 0.1,
    rateReset: 0.1,
    rateSlow: 0.1,
    slowMs: 1,
    rateMalformed: 0.1,
    rateHtml: 0.1
  }

  async function sequence(seed: number, interleave = false): Promise<string[]> {
    const box = await start({ ...mixed, seed, routes: ['read'] })
    for (let i = 0; i < 30; i++) {
      await raw(box, '/flows/tags')
      // Untargeted requests draw nothing: they must not shift the sequence.
      if (interleave) await raw(box, '/flows/search', { body: {} })
    }
    const faults = box.requestLog
      .entries()
      .filter((e) => e.bucket === 'read')
      .map((e) => e.fault ?? '-')
    await box.close()
    return faults
  }

  it('the same seed gives the same faults in the same order', async () => {
    const first = await sequence(42)
    expect(await sequence(42)).toEqual(first)
    expect(await sequence(42, true)).toEqual(first)
    expect(await sequence(43)).not.toEqual(first)
    // A real mixture: clean answers and several kinds.
    expect(first).toContain('-')
    expect(new Set(first).size).toBeGreaterThanOrEqual(4)
  })

  it('follows the documented draw: one number per targeted request, by cumulative rate', async () => {
    const random = seededRandom(42)
    const kinds = ['5xx', '503', 'reset', 'slow', 'malformed', 'html'] as const
    const rates = [0.15, 0.1, 0.1, 0.1, 0.1, 0.1]
    const expected = Array.from({ length: 30 }, () => {
      const u = random()
      let edge = 0
      for (const [i, kind] of kinds.entries()) {
        const rate = rates[i] as number
        if (u < edge + rate) return kind === '5xx' ? (u < edge + rate / 2 ? '500' : '502') : kind
        edge += rate
      }
      return '-'
    })
    expect(await sequence(42)).toEqual(expected)
  })

  it('seededRandom is mulberry32: stable values in [0, 1)', () => {
    const r = seededRandom(1)
    const values = Array.from({ length: 1000 }, r)
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
    expect(seededRandom(1)()).toBe(values[0])
    // A known first value of mulberry32(1).
    expect(values[0]).toBeCloseTo(0.6270739405881613, 12)
  })
})

describe('faults: lifecycle and configuration', () => {
  it('close() releases a slow answer at once', async () => {
    const box = await start({ rateSlow: 1, slowMs: 30_000 })
    const pending = raw(box, '/flows/tags')
    await new Promise((resolve) => setTimeout(resolve, 20))
    const started = performance.now()
    await box.close()
    await pending
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('rejects bad options when starting', async () => {
    await expect(startSandbox({ faults: { rate5xx: 0.6, rateReset: 0.6 } })).rejects.toThrow(
      /the fault probabilities add up to 1\.2/
    )
    await expect(startSandbox({ faults: { rateHtml: -0.1 } })).rejects.toThrow(
      /faults\.rateHtml must be a probability from 0 to 1/
    )
    await expect(startSandbox({ faults: { routes: ['flows.lunch'] } })).rejects.toThrow(
      /unknown selector "flows\.lunch"/
    )
    await expect(startSandbox({ faults: { slowMs: 60_000 } })).rejects.toThrow(/slowMs/)
  })

  it('reads the fixtures file `server.faults` (snake_case), and names a bad field', async () => {
    const fixtures = {
      ...defaultFixtures(),
      server: {
        faults: {
          seed: 9,
          rate_503: 1,
          retry_after_seconds: 4,
          clock_skew_ms: 30_000,
          routes: ['flows.tags']
        }
      }
    }
    const box = await start({}, { fixtures })
    const res = await call(box, '/flows/tags')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('4')
    expect(res.headers.get('date')).toBe(new Date(T0 + 30_000).toUTCString())
    expect(box.faults?.config).toMatchObject({ seed: 9, retryAfterSeconds: 4 })
    expect(formatBanner(box)).toContain(
      'Faults        seed 9: 503 100%; only flows.tags; clock skew +30 s'
    )

    const bad =
      (faults: unknown): (() => unknown) =>
      () =>
        loadFixtures({ ...defaultFixtures(), server: { faults } } as never)
    expect(bad({ rate_5xx: 2 })).toThrow(/server\.faults\.rate_5xx: must be a probability/)
    expect(bad({ rate_5xx: 0.5, rate_html: 0.6 })).toThrow(
      /server\.faults: the fault probabilities/
    )
    expect(bad({ routes: ['nope'] })).toThrow(
      /server\.faults\.routes\[0\]: unknown selector "nope"/
    )
    expect(bad({ slow_ms: 100_000 })).toThrow(/server\.faults\.slow_ms: must be at most 30000/)
    expect(bad({ rate_slowness: 0.1 })).toThrow(/server\.faults\.rate_slowness: unknown field/)
  })
})

describe('faults: CLI flags', () => {
  const fixtures = defaultFixtures()
  const options = (flags: SandboxFlags): ReturnType<typeof sandboxOptionsFromFlags> =>
    sandboxOptionsFromFlags(flags, fixtures)

  it('maps every fault flag; --clock-skew is in seconds and may be negative', () => {
    expect(
      options({
        faultSeed: '42',
        fault5xx: '0.05',
        fault503: '0.02',
        faultRetryAfter: '3',
        faultReset: '0.01',
        faultSlow: '0.1',
        faultSlowMs: '250',
        faultMalformed: '0.01',
        faultHtml: '0.01',
        faultAfterCommit: '1',
        faultRoutes: 'flows.launch, GET',
        faultExclude: 'keys.self',
        clockSkew: '-30'
      }).faults
    ).toEqual({
      seed: 42,
      rate5xx: 0.05,
      rate503: 0.02,
      retryAfterSeconds: 3,
      rateReset: 0.01,
      rateSlow: 0.1,
      slowMs: 250,
      rateMalformed: 0.01,
      rateHtml: 0.01,
      afterCommit: 1,
      routes: ['flows.launch', 'GET'],
      exclude: ['keys.self'],
      clockSkewMs: -30_000
    })
    expect(options({}).faults).toBeUndefined()
  })

  it.each([
    [{ fault5xx: '1.5' }, '--fault-5xx'],
    [{ fault503: 'often' }, '--fault-503'],
    [{ faultReset: '-0.1' }, '--fault-reset'],
    [{ faultSlow: '2' }, '--fault-slow'],
    [{ faultSlowMs: '60000' }, '--fault-slow-ms'],
    [{ faultMalformed: '' }, '--fault-malformed'],
    [{ faultHtml: '1e' }, '--fault-html'],
    [{ faultAfterCommit: 'yes' }, '--fault-after-commit'],
    [{ faultRetryAfter: '1.5' }, '--fault-retry-after'],
    [{ faultSeed: 'abc' }, '--fault-seed'],
    [{ faultRoutes: 'flows.launch,nope' }, '--fault-routes'],
    [{ faultExclude: 'self' }, '--fault-exclude'],
    [{ clockSkew: '100000' }, '--clock-skew'],
    [{ fault5xx: '0.6', faultReset: '0.6' }, '--fault-*']
  ] as [SandboxFlags, string][])('%j → a ConfigError naming %s', (flags, flag) => {
    let error: unknown
    try {
      options(flags)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).input).toBe(flag)
  })
})
