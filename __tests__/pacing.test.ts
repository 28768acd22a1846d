/**
 * Launch pacing (src/core/api/ratelimit/pacing.ts) against the sandbox with its rate limits
 * on, in virtual time: 120 launches on a key allowed 60 writes a minute go out as
 * fast as the window allows, without a single 429, whatever header style tells
 * the budget; and the budget the client read is exposed per bucket.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { manyFlows } from '../__fixtures__/many-flows.js'
import { runInVirtualTime } from '../__fixtures__/virtual-time.js'
import { githubRun } from '../__fixtures__/ci-context.js'
import { resolveRunConfig } from '../src/core/run/config.js'
import { silentLogger } from '../src/core/logger.js'
import { runFlows } from '../src/core/run/run.js'
import { Pacer } from '../src/core/api/ratelimit/pacing.js'
import { RateBudget, readBudget, SHARED_PAUSE } from '../src/core/api/ratelimit/budget.js'
import { startSandbox, type HeaderStyle, type Sandbox } from '../src/sandbox/index.js'

const CI = githubRun('test', '9')
const FLOWS = 120

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

describe('launch pacing against the sandbox (write 60/min)', () => {
  const styles: HeaderStyle[] = ['ietf', 'x-ratelimit-iso', 'x-ratelimit-epoch']
  it.each(styles)(
    'launches %s-style without a 429, at the rate the window allows',
    async (style) => {
      // Start 1 s into a minute: the sandbox's windows are aligned to whole minutes.
      const clock = new FakeClock({ auto: false, now: Date.parse('2025-06-02T09:00:01.000Z') })
      sandbox = await startSandbox({
        clock,
        fixtures: manyFlows(FLOWS, { seed: 5, minMs: 1000, maxMs: 20_000 }),
        rateLimits: { style }
      })
      const config = resolveRunConfig({
        apiKey: sandbox.apiKey,
        organizationId: sandbox.organizationId,
        apiUrl: sandbox.url,
        tags: 'scale',
        maxParallel: '10',
        timeout: '30m'
      })
      const outcome = await runInVirtualTime(
        clock,
        runFlows(config, { clock, logger: silentLogger, ci: CI, invocationId: 'inv-pace' }),
        { minPending: 2, waitForHttp: true }
      )
      expect(outcome.results.counts.total).toBe(FLOWS)
      expect(outcome.results.counts.error).toBe(0)
      const log = sandbox.requestLog.entries()
      expect(log.filter((e) => e.status === 429)).toEqual([])
      const launches = sandbox.requestLog.launches()
      expect(launches).toHaveLength(FLOWS)
      // A full window's worth in the first minute, the rest as soon as the next opens.
      const start = Date.parse('2025-06-02T09:00:00.000Z')
      const perMinute = [0, 1, 2].map(
        (m) =>
          launches.filter((l) => l.at >= start + m * 60_000 && l.at < start + (m + 1) * 60_000)
            .length
      )
      expect(perMinute).toEqual([60, 60, 0])
    }
  )
})

describe('the pacer', () => {
  it('never has more requests in flight than the budget has left', async () => {
    const clock = new FakeClock()
    const budget = new RateBudget()
    budget.record(
      'write',
      { remaining: 2, limit: 60, resetAtMs: clock.now() + 30_000 },
      clock.now()
    )
    const pacer = new Pacer(budget, clock)
    const first = await pacer.acquire('write')
    await pacer.acquire('write')
    let third = false
    const pending = pacer.acquire('write').then((release) => {
      third = true
      return release
    })
    await Promise.resolve()
    expect(third).toBe(false)
    expect(pacer.inFlightOf('write')).toBe(2)
    // The answer to the first says two remain (the second not counted yet): with the
    // second still in flight, one more may go.
    budget.record(
      'write',
      { remaining: 2, limit: 60, resetAtMs: clock.now() + 30_000 },
      clock.now()
    )
    first()
    await pending
    expect(third).toBe(true)
    // Reads are another bucket: not held.
    await pacer.acquire('read')
    expect(pacer.inFlightOf('read')).toBe(1)
  })

  it('lets one request through with none in flight (the pause gate holds it until the reset)', async () => {
    const clock = new FakeClock()
    const budget = new RateBudget()
    budget.record('write', { remaining: 0, limit: 60 }, clock.now())
    const pacer = new Pacer(budget, clock)
    await pacer.acquire('write')
    expect(pacer.inFlightOf('write')).toBe(1)
  })

  it('counts a window afresh once its reset has passed', () => {
    const budget = new RateBudget()
    budget.record('read', { remaining: 0, limit: 100, windowMs: 60_000, resetAtMs: 1_000 }, 0)
    expect(budget.get('read', 500)?.remaining).toBe(0)
    expect(budget.get('read', 1_000)).toMatchObject({ remaining: 100, resetAtMs: 61_000 })
    // An answer from the same window that arrives late does not raise the count.
    budget.record('write', { remaining: 5, resetAtMs: 10_000 }, 0)
    budget.record('write', { remaining: 9, resetAtMs: 10_000 }, 1)
    expect(budget.get('write', 2)?.remaining).toBe(5)
  })

  it('reads the budget from every header style', () => {
    const now = Date.parse('2025-06-02T09:00:15.000Z')
    expect(
      readBudget({ 'ratelimit-policy': '"write";q=60;w=60', ratelimit: '"write";r=7;t=45' }, now)
    ).toEqual({
      remaining: 7,
      limit: 60,
      windowMs: 60_000,
      resetAtMs: now + 45_000,
      policy: 'write'
    })
    expect(
      readBudget(
        {
          'x-ratelimit-limit': '100',
          'x-ratelimit-remaining': '3',
          'x-ratelimit-reset': '2025-06-02T09:01:00.000Z'
        },
        now
      )
    ).toEqual({ remaining: 3, limit: 100, windowMs: undefined, resetAtMs: now + 45_000 })
    expect(readBudget({ 'x-ratelimit-limit': '100' }, now)).toBeUndefined()
  })
})

describe('which pause holds which requests (RateBudget.pauseKey)', () => {
  const now = Date.parse('2025-06-02T09:00:10.000Z')
  const reset = now + 50_000

  it('keeps one shared pause while the answers do not tell the buckets apart', () => {
    const budget = new RateBudget()
    expect(budget.pauseKey('write')).toBe(SHARED_PAUSE)
    budget.record('write', { remaining: 10, limit: 60, resetAtMs: reset }, now)
    budget.record('read', { remaining: 9, limit: 60, resetAtMs: reset }, now + 1)
    expect(budget.pauseKey('read')).toBe(SHARED_PAUSE)
    expect(budget.pauseKey('write')).toBe(SHARED_PAUSE)
  })

  it('pauses each named policy apart, and policies of one name together', () => {
    const budget = new RateBudget()
    budget.record('write', { remaining: 0, limit: 60, resetAtMs: reset, policy: 'write' }, now)
    budget.record('read', { remaining: 90, limit: 100, resetAtMs: reset, policy: 'read' }, now)
    expect(budget.pauseKey('write')).not.toBe(budget.pauseKey('read'))
    const shared = new RateBudget()
    shared.record('write', { remaining: 5, resetAtMs: reset, policy: 'default' }, now)
    shared.record('read', { remaining: 4, resetAtMs: reset, policy: 'default' }, now)
    expect(shared.pauseKey('write')).toBe(shared.pauseKey('read'))
  })

  it('learns that unnamed buckets are counted apart from their limits or their counts', () => {
    const limits = new RateBudget()
    limits.record('write', { remaining: 60, limit: 60, resetAtMs: reset }, now)
    limits.record('read', { remaining: 100, limit: 100, resetAtMs: reset }, now)
    expect(limits.pauseKey('write')).toBe('bucket write')
    expect(limits.pauseKey('read')).toBe('bucket read')
    // One counter only goes down within a window: a read that finds 50 left after a
    // write found 2 left proves two counters.
    const counts = new RateBudget()
    counts.record('write', { remaining: 2, resetAtMs: reset }, now)
    counts.record('read', { remaining: 50, resetAtMs: reset }, now + 5)
    expect(counts.pauseKey('read')).toBe('bucket read')
  })

  it('sends a cautious request (a launch) one at a time while the bucket never stated a budget', async () => {
    const clock = new FakeClock()
    const budget = new RateBudget()
    const pacer = new Pacer(budget, clock)
    const first = await pacer.acquire('write', undefined, true)
    let second = false
    const pending = pacer.acquire('write', undefined, true).then((release) => {
      second = true
      return release
    })
    await Promise.resolve()
    expect(second).toBe(false)
    // Other writes (a cancel) are not held, nor is anything once a budget is stated.
    ;(await pacer.acquire('write'))()
    first()
    ;(await pending)()
    expect(second).toBe(true)
    budget.record(
      'write',
      { remaining: 10, limit: 60, resetAtMs: clock.now() + 30_000 },
      clock.now()
    )
    const a = await pacer.acquire('write', undefined, true)
    const b = await pacer.acquire('write', undefined, true)
    expect(pacer.inFlightOf('write')).toBe(2)
    a()
    b()
  })
})
