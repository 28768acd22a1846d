/**
 * The wait engine through the client, over nock: the shared pause (one rate limit
 * holds every queued request), "no requests remaining" on a 2xx, one log line and
 * one count per wait, deadline refusals, safe retries of writes, and aborts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import nock from 'nock'
import type { ClientOptions } from '../src/core/api/api.js'
import { createClient } from '../src/core/api/client.js'
import { MAX_TOLD_WAITS } from '../src/core/api/http/transport.js'
import { systemClock } from '../src/core/clock.js'
import { EchopointError } from '../src/core/errors.js'
import type { Logger } from '../src/core/logger.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'

const KEY = 'epk_live_0123456789abcdef'
const API = 'https://api.echopoint.test'
const START = Date.parse('2024-01-15T10:00:00.000Z')
const execution = { id: 'e1', flow_id: 'f', status: 'pending', started_at: '2024-01-15T10:00:00Z' }

function setup(overrides: Partial<ClientOptions> = {}, clock = new FakeClock({ now: START })) {
  const logs: string[] = []
  const logger: Logger = {
    debug: (m) => logs.push(`debug: ${m}`),
    info: (m) => logs.push(`info: ${m}`),
    warning: (m) => logs.push(`warning: ${m}`),
    error: (m) => logs.push(`error: ${m}`)
  }
  const api = createClient({
    apiUrl: API,
    apiKey: KEY,
    organizationId: 'org_abc123',
    clock,
    logger,
    random: () => 0.5,
    ...overrides
  })
  const info = (): string[] => logs.filter((l) => l.startsWith('info:'))
  return { api, clock, logs, info }
}

function failure(promise: Promise<unknown>): Promise<EchopointError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(EchopointError)
      return e as EchopointError
    }
  )
}

/** Lets pending promise callbacks and nock's replies run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20))

beforeAll(() => {
  if (!nock.isActive()) nock.activate()
  nock.disableNetConnect()
})
afterEach(() => nock.cleanAll())
afterAll(() => nock.restore())

describe('the shared pause', () => {
  it('holds every queued request until the reset, and logs and counts the wait once', async () => {
    const sent: string[] = []
    const scope = nock(API)
      .get('/flows/a')
      .reply(429, { error: 'Rate limit exceeded' }, { 'Retry-After': '45' })
      .get(/\/flows\/[ab]/)
      .times(2)
      .reply(200, (uri) => {
        sent.push(uri)
        const id = uri.split('/').pop()
        return { id, name: `Flow ${id}`, tags: [] }
      })
    const clock = new FakeClock({ now: START, auto: false })
    const { api, info } = setup({}, clock)

    const a = api.getFlow('a')
    await clock.whenSleeping()
    const b = api.getFlow('b')
    await clock.whenPending(2)
    // Both wait for the same instant; nothing was sent meanwhile.
    expect(clock.sleeps).toEqual([45_000, 45_000])
    expect(clock.nextWakeAt).toBe(START + 45_000)
    expect(sent).toEqual([])

    clock.advance(45_000)
    await expect(a).resolves.toEqual({ id: 'a', name: 'Flow a', tags: [] })
    await expect(b).resolves.toEqual({ id: 'b', name: 'Flow b', tags: [] })
    expect(sent.sort()).toEqual(['/flows/a', '/flows/b'])
    expect(info()).toEqual(['info: Rate limited on GET /flows/a: waiting 45s (Retry-After)'])
    // One wait of 45 s of wall time, though two requests sat through it.
    expect(api.stats).toEqual({ requests: 3, retries: 1, waits: 1, waitedMs: 45_000 })
    scope.done()
  })

  it('a second 429 with a later reset extends the pause and is a second wait', async () => {
    const scope = nock(API)
      .get('/flows/a')
      .reply(429, '', { 'Retry-After': '10' })
      .get('/flows/a')
      .reply(429, '', { 'Retry-After': '20' })
      .get('/flows/a')
      .reply(200, { id: 'a', name: 'Flow a', tags: [] })
    const { api, clock, info } = setup()
    await api.getFlow('a')
    expect(clock.sleeps).toEqual([10_000, 20_000])
    expect(info()).toEqual([
      'info: Rate limited on GET /flows/a: waiting 10s (Retry-After)',
      'info: Rate limited on GET /flows/a: waiting 20s (Retry-After)'
    ])
    expect(api.stats).toMatchObject({ waits: 2, waitedMs: 30_000, retries: 2 })
    scope.done()
  })

  it('a 2xx with no requests remaining holds the next request until the reset', async () => {
    const scope = nock(API)
      .get('/flows/a')
      .reply(
        200,
        { id: 'a', name: 'Flow a', tags: [] },
        { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' }
      )
      .get('/flows/b')
      .reply(
        200,
        { id: 'b', name: 'Flow b', tags: [] },
        { 'X-RateLimit-Remaining': '59', 'X-RateLimit-Reset': '60' }
      )
      .get('/flows/c')
      .reply(200, { id: 'c', name: 'Flow c', tags: [] })
    const { api, clock, info } = setup()
    await api.getFlow('a')
    expect(clock.sleeps).toEqual([]) // the answer itself is not delayed
    await api.getFlow('b')
    expect(clock.sleeps).toEqual([30_000])
    await api.getFlow('c') // remaining 59: no pause
    expect(clock.sleeps).toEqual([30_000])
    expect(info()).toEqual([
      'info: Rate limit reached on GET /flows/a (no requests left): waiting 30s before the next request (X-RateLimit-Reset)'
    ])
    expect(api.stats).toEqual({ requests: 3, retries: 0, waits: 1, waitedMs: 30_000 })
    scope.done()
  })

  it('reads the IETF RateLimit field on a 2xx, skew-corrected epochs on the next', async () => {
    const scope = nock(API)
      .get('/flows/a')
      .reply(200, { id: 'a', name: 'Flow a', tags: [] }, { RateLimit: '"default";r=0;t=12' })
      .get('/flows/b')
      .reply(
        200,
        { id: 'b', name: 'Flow b', tags: [] },
        {
          // The server's clock is 30 s ahead of ours; its reset is 20 s after its now.
          Date: new Date(START + 12_000 + 30_000).toUTCString(),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String((START + 12_000 + 30_000 + 20_000) / 1000)
        }
      )
      .get('/flows/c')
      .reply(200, { id: 'c', name: 'Flow c', tags: [] })
    const { api, clock } = setup()
    await api.getFlow('a')
    await api.getFlow('b')
    await api.getFlow('c')
    expect(clock.sleeps).toEqual([12_000, 20_000])
    scope.done()
  })

  it('"remaining 0" without a reset does not hold anything', async () => {
    const scope = nock(API)
      .get('/flows/a')
      .reply(200, { id: 'a', name: 'Flow a', tags: [] }, { 'X-RateLimit-Remaining': '0' })
      .get('/flows/b')
      .reply(200, { id: 'b', name: 'Flow b', tags: [] })
    const { api, clock } = setup()
    await api.getFlow('a')
    await api.getFlow('b')
    expect(clock.sleeps).toEqual([])
    scope.done()
  })

  it('a refused write teaches the pause too, though it is not retried', async () => {
    const scope = nock(API)
      .post('/flows/f/executions/e/cancel')
      .reply(429, { error: 'Rate limit exceeded', retryAfter: 20 })
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock, info } = setup()
    const error = await failure(api.cancelExecution('f', 'e'))
    expect(error.kind).toBe('rate_limited')
    expect(clock.sleeps).toEqual([])
    await api.getFlow('f')
    expect(clock.sleeps).toEqual([20_000])
    expect(info()).toEqual([
      'info: Rate limited on POST /flows/f/executions/e/cancel: waiting 20s (retryAfter in body)'
    ])
    scope.done()
  })

  it('a pause past the deadline fails the held requests at once, without sending them', async () => {
    const scope = nock(API).get('/flows/a').reply(429, '', { 'Retry-After': '120' })
    const { api, clock } = setup({ deadline: START + 60_000 })
    const a = await failure(api.getFlow('a'))
    expect(a.message).toBe(
      "GET /flows/a failed: rate limited until 2024-01-15T10:02:00Z (HTTP 429, Retry-After); the step's deadline is 2024-01-15T10:01:00Z"
    )
    const b = await failure(api.getFlow('b'))
    expect(b.kind).toBe('rate_limited')
    expect(b.message).toBe(
      "GET /flows/b not sent: rate limited until 2024-01-15T10:02:00Z (HTTP 429, Retry-After on GET /flows/a); the step's deadline is 2024-01-15T10:01:00Z"
    )
    expect(clock.sleeps).toEqual([])
    expect(api.stats.requests).toBe(1)
    scope.done()
  })

  it('the daily quota does not pause other requests', async () => {
    const scope = nock(API)
      .post('/flows/f/launch')
      .reply(
        429,
        { errors: [{ code: 'DAILY_EXECUTION_LIMIT_EXCEEDED', message: 'Daily limit reached' }] },
        { 'Retry-After': '3600' }
      )
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock } = setup()
    expect((await failure(api.launchFlow('f', {}, 'k1'))).kind).toBe('quota')
    await api.getFlow('f')
    expect(clock.sleeps).toEqual([])
    scope.done()
  })
})

describe('safe retries of writes', () => {
  it('retries a launch after a 429 with the same Idempotency-Key', async () => {
    const keys: string[] = []
    const scope = nock(API)
      .post('/flows/f/launch')
      .times(2)
      .reply(function () {
        keys.push(String(this.req.headers['idempotency-key']))
        return keys.length === 1
          ? [429, '', { RateLimit: '"writes";r=0;t=5' }]
          : [202, { execution }]
      })
    const { api, clock } = setup()
    await expect(api.launchFlow('f', {}, 'run-1')).resolves.toEqual(execution)
    expect(keys).toEqual(['run-1', 'run-1'])
    expect(clock.sleeps).toEqual([5000])
    scope.done()
  })

  it('a key reused with other parameters is a clear conflict, not retried', async () => {
    const scope = nock(API)
      .post('/flows/f/launch')
      .reply(409, {
        errors: [{ code: 'IDEMPOTENCY_KEY_REUSED', message: 'Key used with other parameters' }]
      })
    const { api, clock } = setup()
    const error = await failure(api.launchFlow('f', { environment_key: 'staging' }, 'run-1'))
    expect(error.kind).toBe('conflict')
    expect(error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(error.message).toMatch(
      /the Idempotency-Key was already used for a launch with different parameters \(HTTP 409, IDEMPOTENCY_KEY_REUSED\)/
    )
    expect(error.hint).toMatch(/idempotency-key/)
    expect(clock.sleeps).toEqual([])
    expect(api.stats.requests).toBe(1)
    scope.done()
  })

  it('the daily quota fails at once, naming the quota and its scope', async () => {
    const scope = nock(API)
      .post('/flows/f/launch')
      .reply(
        429,
        {
          errors: [
            {
              code: 'DAILY_EXECUTION_LIMIT_EXCEEDED',
              message: 'Daily execution limit reached',
              metadata: { scope: 'cloud_fleet' }
            }
          ]
        },
        { 'Retry-After': '60' }
      )
    const { api, clock } = setup()
    const error = await failure(api.launchFlow('f', {}, 'run-1'))
    expect(error.kind).toBe('quota')
    expect(error.message).toMatch(/daily execution quota is used up \(scope: cloud_fleet\)/)
    expect(error.hint).toMatch(/rolling 24-hour budget/)
    expect(clock.sleeps).toEqual([])
    scope.done()
  })
})

describe('budget and abort', () => {
  it('gives up when the retry budget is spent, saying how many attempts', async () => {
    // The first MAX_TOLD_WAITS waits the server named do not spend the budget of 4 retries.
    const attempts = MAX_TOLD_WAITS + 5
    const scope = nock(API).get('/flows/f').times(attempts).reply(429, '', { 'Retry-After': '1' })
    const { api, clock } = setup()
    const error = await failure(api.getFlow('f'))
    expect(error.kind).toBe('rate_limited')
    expect(error.message).toMatch(new RegExp(`\\(after ${attempts} attempts\\)$`))
    expect(clock.sleeps).toEqual(Array.from({ length: attempts - 1 }, () => 1000))
    expect(api.stats).toMatchObject({
      requests: attempts,
      retries: attempts - 1,
      waits: attempts - 1,
      waitedMs: (attempts - 1) * 1000
    })
    scope.done()
  })

  it('a 5xx after waits the server named still has its retries', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .times(3)
      .reply(429, '', { 'Retry-After': '1' })
      .get('/flows/f')
      .times(4)
      .reply(502, 'bad gateway')
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'F' })
    const { api } = setup()
    await expect(api.getFlow('f')).resolves.toMatchObject({ id: 'f' })
    scope.done()
  })

  it('an abort during a real 45 s wait rejects within 50 ms and releases the timer', async () => {
    const scope = nock(API).get('/flows/f').reply(429, '', { 'Retry-After': '45' })
    const { api, info } = setup({}, systemClock as FakeClock)
    // The sleep's own timer, told apart from whatever else the process runs (a
    // count of all active timers flakes on a busy machine): every timer of 40 s
    // or more set during the test, and the timers cleared.
    const long: unknown[] = []
    const cleared = new Set<unknown>()
    const realSet = globalThis.setTimeout
    const realClear = globalThis.clearTimeout
    const setSpy = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((
      fn: () => void,
      ms?: number
    ) => {
      const handle = realSet(fn, ms)
      if ((ms ?? 0) >= 40_000) long.push(handle)
      return handle
    }) as typeof setTimeout)
    const clearSpy = jest.spyOn(globalThis, 'clearTimeout').mockImplementation(((
      handle?: Parameters<typeof clearTimeout>[0]
    ) => {
      cleared.add(handle)
      realClear(handle)
    }) as typeof clearTimeout)
    try {
      const controller = new AbortController()
      const pending = failure(api.getFlow('f', { signal: controller.signal }))
      // Wait until the client is in its 45 s sleep (the log line comes just before it).
      while (info().length === 0) await new Promise((r) => setImmediate(r))
      await settle()
      expect(long).toHaveLength(1)
      const aborted = Date.now()
      controller.abort()
      const error = await pending
      expect(Date.now() - aborted).toBeLessThan(50)
      expect(error.kind).toBe('cancelled')
      expect(cleared.has(long[0])).toBe(true)
    } finally {
      setSpy.mockRestore()
      clearSpy.mockRestore()
    }
    expect(api.stats.retries).toBe(0)
    expect(api.stats.waitedMs).toBeLessThan(1000)
    scope.done()
  })

  it('an abort while held by another request’s pause cancels only that request', async () => {
    const scope = nock(API)
      .get('/flows/a')
      .reply(429, '', { 'Retry-After': '30' })
      .get('/flows/a')
      .reply(200, { id: 'a', name: 'Flow a', tags: [] })
    const clock = new FakeClock({ now: START, auto: false })
    const { api } = setup({}, clock)
    const a = api.getFlow('a')
    await clock.whenSleeping()
    const controller = new AbortController()
    const b = failure(api.getFlow('b', { signal: controller.signal }))
    await clock.whenPending(2)
    controller.abort()
    expect((await b).kind).toBe('cancelled')
    expect(clock.pendingSleeps).toBe(1)
    clock.advance(30_000)
    await expect(a).resolves.toEqual({ id: 'a', name: 'Flow a', tags: [] })
    scope.done()
  })

  it('never logs the key', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(429, { error: `slow down ${KEY}` }, { 'Retry-After': '2' })
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, logs } = setup()
    await api.getFlow('f')
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.join('\n')).not.toContain(KEY)
    scope.done()
  })
})
