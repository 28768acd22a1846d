/**
 * Rate limits: per key and bucket, fixed windows aligned to the epoch, every header
 * style of docs/api-contract.md part C exactly, 2xx with nothing remaining, window resets,
 * 429 storms, clock skew in the reset times, the hints recorded for tests
 * (`retryAt`), and configuration from options, the fixtures file and CLI flags.
 * Everything runs on a fake clock: a 60 s window takes no time.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS } from '../__fixtures__/sandbox-http.js'
import { sandboxOptionsFromFlags, type SandboxFlags } from '../src/cli/commands/sandbox.js'
import { main } from '../src/cli/main.js'
import { ConfigError } from '../src/core/errors.js'
import {
  defaultFixtures,
  FixtureError,
  formatBanner,
  loadFixtures,
  startSandbox,
  type Sandbox,
  type SandboxOptions
} from '../src/sandbox/index.js'

const T0 = Date.parse('2025-06-02T09:00:00.000Z')
const RESET = '2025-06-02T09:01:00.000Z'

let clock: FakeClock
let sandbox: Sandbox | undefined

async function start(options: Omit<SandboxOptions, 'clock'>): Promise<Sandbox> {
  // One sandbox at a time: starting another closes the previous one (close is idempotent).
  await sandbox?.close()
  clock = new FakeClock({ now: T0, auto: false })
  sandbox = await startSandbox({ clock, ...options })
  return sandbox
}

afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

/** The rate-limit headers of an answer (names lower-case), nothing else. */
function limitHeaders(headers: Headers): Record<string, string> {
  const names = [
    'retry-after',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
    'ratelimit',
    'ratelimit-policy'
  ]
  return Object.fromEntries(
    names.flatMap((n) => {
      const value = headers.get(n)
      return value === null ? [] : [[n, value]]
    })
  )
}

const read = (box: Sandbox, key?: string) =>
  call(box, '/flows/tags', key === undefined ? {} : { key })

describe('rate limits: defaults and buckets', () => {
  it('`{}` means read 100, search 30, write 60 per 60 s, retry-after style', async () => {
    const box = await start({ rateLimits: {} })
    expect(box.rateLimit?.config).toEqual({
      style: 'retry-after',
      timeScale: 1,
      buckets: {
        read: { limit: 100, windowMs: 60_000, effectiveWindowMs: 60_000 },
        search: { limit: 30, windowMs: 60_000, effectiveWindowMs: 60_000 },
        write: { limit: 60, windowMs: 60_000, effectiveWindowMs: 60_000 }
      }
    })
    const res = await read(box)
    expect(limitHeaders(res.headers)).toEqual({
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '99'
    })
    const search = await call(box, '/flows/search', { body: {} })
    expect(search.headers.get('x-ratelimit-limit')).toBe('30')
  })

  it('are off unless configured', async () => {
    const box = await start({})
    expect(box.rateLimit).toBeUndefined()
    expect(limitHeaders((await read(box)).headers)).toEqual({})
  })

  it('counts each key and each bucket on its own', async () => {
    const box = await start({ rateLimits: { read: 1, search: 1, write: 1 } })
    expect((await read(box)).status).toBe(200)
    expect((await read(box)).status).toBe(429)
    // Another bucket, another key: untouched.
    expect((await call(box, '/flows/search', { body: {} })).status).toBe(200)
    expect((await read(box, KEYS.admin)).status).toBe(200)
    const launch = await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })
    expect(launch.status).toBe(202)
    expect(launch.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })).status).toBe(429)
    expect(box.state.executions.size).toBe(1)
    expect(box.requestLog.entries().map((e) => [e.bucket, e.keyId, e.status])).toEqual([
      ['read', 'key_demo_ci', 200],
      ['read', 'key_demo_ci', 429],
      ['search', 'key_demo_ci', 200],
      ['read', 'key_demo_admin', 200],
      ['write', 'key_demo_ci', 202],
      ['write', 'key_demo_ci', 429]
    ])
  })

  it('does not count requests that fail auth, nor the 429s themselves', async () => {
    const box = await start({ rateLimits: { read: 2 } })
    const unauthorized = await read(box, KEYS.revoked)
    expect(unauthorized.status).toBe(401)
    expect(limitHeaders(unauthorized.headers)).toEqual({})
    await read(box)
    await read(box)
    for (let i = 0; i < 3; i++) expect((await read(box)).status).toBe(429)
    clock.set(Date.parse(RESET))
    const fresh = await read(box)
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('x-ratelimit-remaining')).toBe('1')
  })

  it('windows are fixed and aligned to the epoch: the minute, not the first request', async () => {
    const box = await start({ rateLimits: { read: 1, style: 'x-ratelimit-iso' } })
    clock.advance(42_000)
    const res = await read(box)
    expect(res.headers.get('x-ratelimit-reset')).toBe(RESET)
    clock.advance(17_999)
    expect((await read(box)).status).toBe(429)
    clock.advance(1)
    expect((await read(box)).status).toBe(200)
  })

  it('a bucket may have its own window, and timeScale compresses every window', async () => {
    const box = await start({
      timeScale: 0.5,
      rateLimits: { read: { limit: 1, windowMs: 10_000 }, style: 'ietf' }
    })
    expect(box.rateLimit?.config.buckets.read).toEqual({
      limit: 1,
      windowMs: 10_000,
      effectiveWindowMs: 5_000
    })
    expect(box.rateLimit?.config.buckets.write.effectiveWindowMs).toBe(30_000)
    const first = await read(box)
    expect(first.headers.get('ratelimit-policy')).toBe('"read";q=1;w=5')
    clock.advance(2_000)
    const limited = await read(box)
    expect(limited.headers.get('ratelimit')).toBe('"read";r=0;t=3')
    clock.advance(3_000)
    expect((await read(box)).status).toBe(200)
  })
})

describe('rate limits: every header style, exactly', () => {
  it('retry-after: Limit and Remaining on every answer, Retry-After on the 429', async () => {
    const box = await start({ rateLimits: { read: 2, style: 'retry-after' } })
    expect(limitHeaders((await read(box)).headers)).toEqual({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '1'
    })
    const last = await read(box)
    expect(last.status).toBe(200)
    expect(limitHeaders(last.headers)).toEqual({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0'
    })
    clock.advance(15_000)
    const limited = await read(box)
    expect(limited.status).toBe(429)
    expect(limitHeaders(limited.headers)).toEqual({
      'retry-after': '45',
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0'
    })
    expect(limited.body).toEqual({
      errors: [
        {
          code: 'RATE_LIMITED',
          message: 'Rate limit exceeded for read requests (2 per 60s); retry in 45 s',
          metadata: { bucket: 'read' }
        }
      ]
    })
    const entries = box.requestLog.entries()
    // This style says nothing about the reset on a 2xx: no hint there.
    expect(entries.map((e) => e.retryAt)).toEqual([undefined, undefined, T0 + 15_000 + 45_000])
    expect(entries[2]?.errorCode).toBe('RATE_LIMITED')
  })

  it('retry-after-only: nothing on a success, only Retry-After (and the envelope) on the 429', async () => {
    const box = await start({ rateLimits: { read: 2, style: 'retry-after-only' } })
    const first = await read(box)
    expect(first.status).toBe(200)
    expect(limitHeaders(first.headers)).toEqual({})
    // Not even the last request of the window says anything: no budget on success answers.
    const last = await read(box)
    expect(last.status).toBe(200)
    expect(limitHeaders(last.headers)).toEqual({})
    clock.advance(15_500)
    const limited = await read(box)
    expect(limited.status).toBe(429)
    // 44.5 s to the reset, rounded up: a client that waits it is never early.
    expect(limitHeaders(limited.headers)).toEqual({ 'retry-after': '45' })
    expect(limited.body).toEqual({
      errors: [
        {
          code: 'RATE_LIMITED',
          message: 'Rate limit exceeded for read requests (2 per 60s); retry in 45 s',
          metadata: { bucket: 'read' }
        }
      ]
    })
    const entries = box.requestLog.entries()
    expect(entries.map((e) => e.retryAt)).toEqual([undefined, undefined, T0 + 15_500 + 45_000])
    expect(box.requestLog.hints().map((e) => [e.status, e.retryAt])).toEqual([
      [429, T0 + 15_500 + 45_000]
    ])
    // Another bucket's success answer carries nothing either.
    const search = await call(box, '/flows/search', { body: {} })
    expect(search.status).toBe(200)
    expect(limitHeaders(search.headers)).toEqual({})
  })

  it('x-ratelimit-iso: Reset as an ISO 8601 timestamp, on 2xx and 429', async () => {
    const box = await start({ rateLimits: { read: 1, style: 'x-ratelimit-iso' } })
    const ok = await read(box)
    expect(limitHeaders(ok.headers)).toEqual({
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': RESET
    })
    clock.advance(20_500)
    const limited = await read(box)
    expect(limited.status).toBe(429)
    expect(limitHeaders(limited.headers)).toEqual({
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': RESET
    })
    expect(limited.body.errors[0].code).toBe('RATE_LIMITED')
    // A 2xx with remaining 0 is a hint too: hold the next request until the reset.
    expect(box.requestLog.hints().map((e) => [e.status, e.retryAt])).toEqual([
      [200, Date.parse(RESET)],
      [429, Date.parse(RESET)]
    ])
  })

  it('x-ratelimit-epoch: Reset in Unix epoch seconds', async () => {
    const box = await start({ rateLimits: { read: 1, style: 'x-ratelimit-epoch' } })
    const epoch = String(Date.parse(RESET) / 1000)
    expect(limitHeaders((await read(box)).headers)).toEqual({
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': epoch
    })
    clock.advance(59_999)
    const limited = await read(box)
    expect(limited.status).toBe(429)
    expect(limitHeaders(limited.headers)).toEqual({
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': epoch
    })
    expect(box.requestLog.hints().map((e) => e.retryAt)).toEqual([
      Date.parse(RESET),
      Date.parse(RESET)
    ])
  })

  it('ietf: RateLimit-Policy and RateLimit with the bucket name, remaining and seconds to reset', async () => {
    const box = await start({ rateLimits: { read: 2, style: 'ietf' } })
    expect(limitHeaders((await read(box)).headers)).toEqual({
      'ratelimit-policy': '"read";q=2;w=60',
      ratelimit: '"read";r=1;t=60'
    })
    clock.advance(10_000)
    expect(limitHeaders((await read(box)).headers)).toEqual({
      'ratelimit-policy': '"read";q=2;w=60',
      ratelimit: '"read";r=0;t=50'
    })
    clock.advance(5_000)
    const limited = await read(box)
    expect(limited.status).toBe(429)
    expect(limitHeaders(limited.headers)).toEqual({
      'ratelimit-policy': '"read";q=2;w=60',
      ratelimit: '"read";r=0;t=45'
    })
    expect(limited.body.errors[0].code).toBe('RATE_LIMITED')
    const search = await call(box, '/flows/search', { body: {} })
    expect(search.headers.get('ratelimit-policy')).toBe('"search";q=30;w=60')
    expect(box.requestLog.hints().map((e) => e.retryAt)).toEqual([
      T0 + 10_000 + 50_000,
      T0 + 15_000 + 45_000
    ])
  })

  it('body-only: no headers at all, and the part C body on a 429', async () => {
    const box = await start({ rateLimits: { read: 1, style: 'body-only' } })
    const ok = await read(box)
    expect(ok.status).toBe(200)
    expect(limitHeaders(ok.headers)).toEqual({})
    clock.advance(15_000)
    const limited = await read(box)
    expect(limited.status).toBe(429)
    expect(limitHeaders(limited.headers)).toEqual({})
    expect(limited.body).toEqual({ error: 'Rate limit exceeded', retryAfter: 45, resetAt: RESET })
    expect(box.requestLog.hints().map((e) => e.retryAt)).toEqual([Date.parse(RESET)])
  })

  it('limit headers ride on error answers of the handler too (a 404 counts)', async () => {
    const box = await start({ rateLimits: { read: 5 } })
    const missing = await call(box, `/flows/${FLOWS.otherOrg}`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-ratelimit-remaining')).toBe('4')
  })
})

describe('rate limits: clock skew', () => {
  it('reset times and Date are in server time; the hint is in sandbox time', async () => {
    const box = await start({
      rateLimits: { read: 1, style: 'x-ratelimit-iso' },
      faults: { clockSkewMs: 30_000 }
    })
    expect(box.clockSkewMs).toBe(30_000)
    clock.advance(15_000)
    const ok = await read(box)
    expect(ok.headers.get('date')).toBe(new Date(T0 + 45_000).toUTCString())
    expect(ok.headers.get('x-ratelimit-reset')).toBe('2025-06-02T09:01:30.000Z')
    // Reset − Date = 45 s: the true wait, for a client that reads Date.
    const wait =
      Date.parse(ok.headers.get('x-ratelimit-reset') as string) -
      Date.parse(ok.headers.get('date') as string)
    expect(wait).toBe(45_000)
    expect(box.requestLog.hints()[0]?.retryAt).toBe(Date.parse(RESET))
  })

  it('a server clock behind: epoch and body resets shift, relative seconds do not', async () => {
    const box = await start({
      rateLimits: { read: 1, style: 'x-ratelimit-epoch' },
      faults: { clockSkewMs: -30_000 }
    })
    const ok = await read(box)
    expect(ok.headers.get('date')).toBe(new Date(T0 - 30_000).toUTCString())
    expect(ok.headers.get('x-ratelimit-reset')).toBe(String((Date.parse(RESET) - 30_000) / 1000))
    expect(box.requestLog.hints()[0]?.retryAt).toBe(Date.parse(RESET))

    await box.close()
    const body = await start({
      rateLimits: { read: 1, style: 'body-only' },
      faults: { clockSkewMs: -30_000 }
    })
    await read(body)
    const limited = await read(body)
    expect(limited.body).toEqual({
      error: 'Rate limit exceeded',
      retryAfter: 60,
      resetAt: '2025-06-02T09:00:30.000Z'
    })
  })
})

describe('rate limits: 429 storms', () => {
  it('answers 429 to the next N requests whatever the bucket, with a valid hint', async () => {
    const box = await start({
      rateLimits: { style: 'retry-after', storm: { count: 2, retryAfterMs: 3_000 } }
    })
    const first = await read(box)
    const second = await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })
    for (const res of [first, second]) {
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('3')
      expect(res.body.errors[0].code).toBe('RATE_LIMITED')
    }
    expect(box.state.executions.size).toBe(0)
    const third = await read(box)
    expect(third.status).toBe(200)
    // The storm's 429s took nothing from the windows.
    expect(third.headers.get('x-ratelimit-remaining')).toBe('99')
    expect(box.requestLog.hints().map((e) => [e.bucket, e.retryAt])).toEqual([
      ['read', T0 + 3_000],
      ['write', T0 + 3_000]
    ])
  })

  it('storm() starts one while running, in any style; the delay scales with timeScale', async () => {
    const box = await start({ timeScale: 0.5, rateLimits: { style: 'x-ratelimit-iso' } })
    expect((await read(box)).status).toBe(200)
    box.rateLimit?.storm({ count: 1, retryAfterMs: 10_000 })
    const limited = await read(box)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-reset')).toBe(new Date(T0 + 5_000).toISOString())
    expect((await read(box)).status).toBe(200)
  })

  it('a fraction of requests, reproducibly from the seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const box = await start({ rateLimits: { storm: { fraction: 0.5, seed } } })
      const out: number[] = []
      for (let i = 0; i < 24; i++) out.push((await read(box)).status)
      await box.close()
      return out
    }
    const a = await statuses(7)
    expect(await statuses(7)).toEqual(a)
    expect(await statuses(8)).not.toEqual(a)
    expect(a.filter((s) => s === 429).length).toBeGreaterThan(4)
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(4)
  })

  it('calm() ends a storm', async () => {
    const box = await start({ rateLimits: { storm: { fraction: 1 } } })
    expect((await read(box)).status).toBe(429)
    box.rateLimit?.calm()
    expect((await read(box)).status).toBe(200)
  })
})

describe('rate limits: hints for tests', () => {
  it('earlyRequests() finds a request that did not wait as told, and only that', async () => {
    const box = await start({ rateLimits: { read: 1, style: 'retry-after' } })
    await read(box)
    const limited = await read(box)
    expect(limited.headers.get('retry-after')).toBe('60')
    clock.advance(30_000)
    await read(box) // too early: 30 s of 60
    await call(box, '/flows/search', { body: {} }) // another bucket: not bound by the hint
    await read(box, KEYS.admin) // another key: not bound either
    const early = box.requestLog.earlyRequests()
    expect(early.map((e) => [e.request.seq, e.hint.seq])).toEqual([[3, 2]])
    expect(early[0]?.request.at).toBe(T0 + 30_000)
    expect(early[0]?.hint.retryAt).toBe(T0 + 60_000)
  })

  it('a client that waits out every hint leaves no early request', async () => {
    const box = await start({ rateLimits: { read: 1, style: 'ietf' } })
    for (let i = 0; i < 4; i++) {
      const res = await read(box)
      const t = /t=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1]
      if (res.headers.get('ratelimit')?.includes('r=0')) clock.advance(Number(t) * 1000)
    }
    expect(box.requestLog.hints()).toHaveLength(4)
    expect(box.requestLog.earlyRequests()).toEqual([])
  })
})

describe('rate limits: configuration', () => {
  it('rejects bad options when starting', async () => {
    await expect(startSandbox({ rateLimits: { read: 0 } })).rejects.toThrow(
      /rateLimits\.read must be a whole number of requests >= 1/
    )
    await expect(
      startSandbox({ rateLimits: { style: 'loud' as unknown as 'ietf' } })
    ).rejects.toThrow(
      /rateLimits\.style must be one of retry-after, retry-after-only, x-ratelimit-iso/
    )
    await expect(startSandbox({ rateLimits: { storm: { fraction: 2 } } })).rejects.toThrow(
      /rateLimits\.storm\.fraction must be a probability from 0 to 1/
    )
  })

  it('reads the fixtures file `server.rate_limits`; options override it field by field', async () => {
    const fixtures = {
      ...defaultFixtures(),
      server: {
        rate_limits: { read: { limit: 3, window_ms: 30_000 }, style: 'x-ratelimit-epoch' as const }
      }
    }
    const fromFile = await start({ fixtures })
    expect(fromFile.rateLimit?.config.style).toBe('x-ratelimit-epoch')
    expect(fromFile.rateLimit?.config.buckets.read).toMatchObject({ limit: 3, windowMs: 30_000 })
    await fromFile.close()

    const merged = await start({ fixtures, rateLimits: { search: 5 } })
    expect(merged.rateLimit?.config.style).toBe('x-ratelimit-epoch')
    expect(merged.rateLimit?.config.buckets.read.limit).toBe(3)
    expect(merged.rateLimit?.config.buckets.search.limit).toBe(5)
    await merged.close()

    const off = await start({ fixtures, rateLimits: false })
    expect(off.rateLimit).toBeUndefined()
  })

  it('names the bad field of a fixtures file', () => {
    const bad =
      (server: unknown): (() => unknown) =>
      () =>
        loadFixtures({ ...defaultFixtures(), server } as never)
    expect(bad({ rate_limits: { style: 'loud' } })).toThrow(
      /server\.rate_limits\.style: must be one of retry-after/
    )
    expect(bad({ rate_limits: { read: 0 } })).toThrow(/server\.rate_limits\.read: must be a whole/)
    expect(bad({ rate_limits: { read: { limit: 2, window: 5 } } })).toThrow(
      /server\.rate_limits\.read\.window: unknown field/
    )
    expect(bad({ rate_limits: { storm: { fraction: 1.5 } } })).toThrow(
      /server\.rate_limits\.storm\.fraction: must be a probability/
    )
    expect(bad({ speed: 1 })).toThrow(FixtureError)
    expect(bad({ time_scale: 0 })).toThrow(/server\.time_scale: must be a positive number/)
  })

  it('the banner lists the limits', async () => {
    const box = await start({ rateLimits: { read: 10, style: 'ietf' }, timeScale: 0.1 })
    const banner = formatBanner(box)
    expect(banner).toContain(
      'Rate limits   read 10/6s, search 30/6s, write 60/6s per key; headers: ietf'
    )
    expect(banner).toContain('Daily quota   none')
    expect(banner).toContain('Faults        none')
    expect(banner).toContain('Time scale    0.1')
  })
})

describe('rate limits: CLI flags', () => {
  const fixtures = defaultFixtures()
  const options = (flags: SandboxFlags): ReturnType<typeof sandboxOptionsFromFlags> =>
    sandboxOptionsFromFlags(flags, fixtures)

  it('rate limits are on by default, with the defaults', () => {
    expect(options({}).rateLimits).toEqual({})
    expect(options({ rateLimit: false }).rateLimits).toBe(false)
    // A file that turns them off is respected when no flag says otherwise.
    const off = { ...fixtures, server: { rate_limits: false as const } }
    expect(sandboxOptionsFromFlags({}, off).rateLimits).toBeUndefined()
  })

  it('maps every rate-limit flag', () => {
    expect(
      options({
        rateLimitRead: '10',
        rateLimitSearch: '3',
        rateLimitWrite: '6',
        rateLimitWindow: '30',
        rateLimitStyle: 'x-ratelimit-iso',
        rateLimitStorm: '4',
        timeScale: '0.25'
      })
    ).toMatchObject({
      timeScale: 0.25,
      rateLimits: {
        read: 10,
        search: 3,
        write: 6,
        windowMs: 30_000,
        style: 'x-ratelimit-iso',
        storm: { count: 4 }
      }
    })
  })

  it.each([
    [{ rateLimitRead: '0' }, '--rate-limit-read'],
    [{ rateLimitSearch: 'many' }, '--rate-limit-search'],
    [{ rateLimitWrite: '1.5' }, '--rate-limit-write'],
    [{ rateLimitWindow: '-1' }, '--rate-limit-window'],
    [{ rateLimitStyle: 'loud' }, '--rate-limit-style'],
    [{ rateLimitStorm: 'x' }, '--rate-limit-storm'],
    [{ timeScale: '0' }, '--time-scale']
  ] as [SandboxFlags, string][])('%j → a ConfigError naming %s', (flags, flag) => {
    let error: unknown
    try {
      options(flags)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).input).toBe(flag)
    expect((error as ConfigError).message).toContain(`Invalid ${flag}:`)
  })

  it('the style error lists the styles', () => {
    expect(() => options({ rateLimitStyle: 'loud' })).toThrow(
      'Invalid --rate-limit-style: "loud" is not a header style'
    )
    try {
      options({ rateLimitStyle: 'loud' })
    } catch (err) {
      expect((err as ConfigError).userMessage).toMatch(
        /Use one of retry-after, retry-after-only, x-ratelimit-iso, x-ratelimit-epoch, ietf, body-only\.$/
      )
    }
    expect.assertions(2)
  })

  /** Runs `echopoint-ci sandbox …` in process; an aborted signal stops it right after start. */
  async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = []
    const err: string[] = []
    const code = await main(['sandbox', '--port', '0', ...args], {
      env: {},
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      signal: AbortSignal.abort()
    })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('the command starts with the limits and faults in its banner, then stops', async () => {
    const run = await runCli([
      '--rate-limit-read',
      '10',
      '--rate-limit-style',
      'x-ratelimit-epoch',
      '--daily-quota',
      '5',
      '--fault-seed',
      '42',
      '--fault-503',
      '0.1',
      '--clock-skew',
      '-30'
    ])
    expect(run.code).toBe(0)
    expect(run.out).toContain(
      'Rate limits   read 10/60s, search 30/60s, write 60/60s per key; headers: x-ratelimit-epoch'
    )
    expect(run.out).toContain('Daily quota   5 executions per organization per rolling 24 h')
    expect(run.out).toContain('Faults        seed 42: 503 10%; clock skew -30 s')
    expect(run.out.match(/Press Ctrl\+C to stop\./g)).toHaveLength(1)
    expect(run.err).toBe('Sandbox stopped.')
  })

  it('a bad flag exits 3 with a message naming it, before anything listens', async () => {
    const run = await runCli(['--fault-reset', '1.5'])
    expect(run.code).toBe(3)
    expect(run.err).toContain('Invalid --fault-reset: "1.5" is not a probability')
    expect(run.out).toBe('')
  })
})
