/**
 * The retry loop end to end over nock, with a fake clock: no test waits for real.
 * random() is fixed at 0.8, so full-jitter backoff waits 400, 800, 1600, 3200 ms.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import type { ClientOptions } from '../src/core/api/api.js'
import { createClient } from '../src/core/api/client.js'
import { EchopointError } from '../src/core/errors.js'
import type { Logger } from '../src/core/logger.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'

const KEY = 'epk_live_0123456789abcdef'
const ORG = 'org_abc123'
const API = 'https://api.echopoint.test'
const START = Date.parse('2024-01-15T10:00:00.000Z')
const execution = { id: 'e1', flow_id: 'f', status: 'pending', started_at: '2024-01-15T10:00:00Z' }

interface Setup {
  clock: FakeClock
  logs: string[]
  api: ReturnType<typeof createClient>
}

function setup(
  overrides: Partial<ClientOptions> = {},
  clock = new FakeClock({ now: START })
): Setup {
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
    organizationId: ORG,
    clock,
    logger,
    random: () => 0.8,
    ...overrides
  })
  return { clock, logs, api }
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

// Jest gives each test file a fresh nock but the same http module: restore after the
// file so the next file's nock can install its own interceptor.
beforeAll(() => {
  if (!nock.isActive()) nock.activate()
  nock.disableNetConnect()
})
afterEach(() => nock.cleanAll())
afterAll(() => nock.restore())

describe('backoff', () => {
  it('retries a GET on 503 and succeeds, waiting with full-jitter backoff', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .times(2)
      .reply(503, '')
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock, logs } = setup()
    await expect(api.getFlow('f')).resolves.toEqual({ id: 'f', name: 'Flow f', tags: [] })
    expect(clock.sleeps).toEqual([400, 800])
    expect(api.stats).toEqual({ requests: 3, retries: 2, waits: 2, waitedMs: 1200 })
    expect(logs.filter((l) => l.startsWith('info:'))).toEqual([
      'info: HTTP 503 on GET /flows/f: retrying in 0.4s (backoff, retry 1 of 4)',
      'info: HTTP 503 on GET /flows/f: retrying in 0.8s (backoff, retry 2 of 4)'
    ])
    scope.done()
  })

  it('retries a GET after a reset connection and a 408', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get('/flows/f')
      .reply(408, '')
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock, logs } = setup()
    await expect(api.getFlow('f')).resolves.toEqual({ id: 'f', name: 'Flow f', tags: [] })
    expect(clock.sleeps).toEqual([400, 800])
    expect(logs).toContain(
      'info: network error ECONNRESET on GET /flows/f: retrying in 0.4s (backoff, retry 1 of 4)'
    )
    scope.done()
  })

  it('gives up after 4 retries with the server error', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .times(5)
      .reply(500, { errors: [{ code: 'UNEXPECTED_ERROR', message: 'boom' }] })
    const { api, clock } = setup()
    const error = await failure(api.getFlow('f'))
    expect(error.kind).toBe('server')
    expect(error.code).toBe('UNEXPECTED_ERROR')
    expect(error.message).toMatch(/boom \(after 5 attempts\)$/)
    expect(clock.sleeps).toEqual([400, 800, 1600, 3200])
    expect(api.stats.requests).toBe(5)
    scope.done()
  })

  it('caps backoff at 10 s', async () => {
    const { createRetryPolicy } = await import('../src/core/api/http/retry.js')
    const policy = createRetryPolicy({ random: () => 0.999999, maxRetries: 10 })
    const error = new EchopointError('server', 'x', { status: 502 })
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => {
      const d = policy.decide({
        attempt,
        method: 'GET',
        idempotent: true,
        hasIdempotencyKey: false,
        error,
        response: { status: 502, headers: {}, body: { message: 'x' } },
        now: 0
      })
      return d.retry ? d.delayMs : -1
    })
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000])
  })

  it('does not retry 501 Not Implemented', async () => {
    const scope = nock(API).get('/flows/f').reply(501, '')
    const { api, clock } = setup()
    expect((await failure(api.getFlow('f'))).kind).toBe('server')
    expect(clock.sleeps).toEqual([])
    scope.done()
  })
})

describe('which requests are repeated', () => {
  it('does not repeat a POST without an Idempotency-Key', async () => {
    const scope = nock(API).post('/flows/f/executions/e/cancel').reply(503, '')
    const { api, clock } = setup()
    const error = await failure(api.cancelExecution('f', 'e'))
    expect(error.kind).toBe('server')
    expect(error.message).not.toMatch(/attempts/)
    expect(clock.sleeps).toEqual([])
    expect(api.stats.requests).toBe(1)
    scope.done()
  })

  it('repeats a launch (it carries an Idempotency-Key) after a 502, with the same key', async () => {
    const scope = nock(API, { reqheaders: { 'idempotency-key': 'run-1' } })
      .post('/flows/f/launch', {})
      .reply(502, '<html>Bad Gateway</html>')
      .post('/flows/f/launch', {})
      .reply(202, { execution })
    const { api, clock } = setup()
    await expect(api.launchFlow('f', {}, 'run-1')).resolves.toEqual(execution)
    expect(clock.sleeps).toEqual([400])
    expect(api.stats.retries).toBe(1)
    scope.done()
  })

  it('repeats a flow search (a read) after a 503', async () => {
    const scope = nock(API)
      .post('/flows/search')
      .reply(503, '')
      .post('/flows/search')
      .reply(200, { total: 0, count: 0, items: [] })
    const { api } = setup()
    await expect(api.searchFlows({ tags: ['a'] })).resolves.toMatchObject({ total: 0 })
    scope.done()
  })

  it.each([400, 401, 403, 404, 409, 422])('never retries %i', async (status) => {
    const scope = nock(API).get('/flows/f').reply(status, { error: 'no' })
    const { api, clock } = setup()
    await failure(api.getFlow('f'))
    expect(clock.sleeps).toEqual([])
    expect(api.stats.requests).toBe(1)
    scope.done()
  })
})

describe('rate limits', () => {
  it('waits the Retry-After seconds of a 429', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(429, { error: 'Rate limit exceeded' }, { 'Retry-After': '45' })
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock, logs } = setup()
    await api.getFlow('f')
    expect(clock.sleeps).toEqual([45_000])
    expect(clock.now()).toBe(START + 45_000)
    expect(logs).toContain('info: Rate limited on GET /flows/f: waiting 45s (Retry-After)')
    expect(api.stats).toMatchObject({ waits: 1, waitedMs: 45_000 })
    scope.done()
  })

  it('honours Retry-After on a 503 and a body retryAfter on a 429', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(503, '', { 'Retry-After': '2' })
      .get('/flows/f')
      .reply(429, { error: 'Rate limit exceeded', retryAfter: 7, resetAt: '2024-01-15T10:00:09Z' })
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock } = setup()
    await api.getFlow('f')
    expect(clock.sleeps).toEqual([2000, 7000])
    scope.done()
  })

  it('backs off on a 429 without any wait signal', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(429, '')
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock } = setup()
    await api.getFlow('f')
    expect(clock.sleeps).toEqual([400])
    scope.done()
  })

  it('waits out a rate-limiting 403', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(403, { error: 'Forbidden' }, { 'Retry-After': '3' })
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api, clock } = setup()
    await api.getFlow('f')
    expect(clock.sleeps).toEqual([3000])
    scope.done()
  })

  it('fails at once when the wait would end past the deadline', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(429, { error: 'Rate limit exceeded' }, { 'Retry-After': '45' })
    const { api, clock } = setup({ deadline: START + 10_000 })
    const error = await failure(api.getFlow('f'))
    expect(error.kind).toBe('rate_limited')
    expect(error.status).toBe(429)
    expect(error.message).toContain(
      "GET /flows/f failed: rate limited until 2024-01-15T10:00:45Z (HTTP 429, Retry-After); the step's deadline is 2024-01-15T10:00:10Z"
    )
    expect(clock.sleeps).toEqual([])
    expect(api.stats.requests).toBe(1)
    scope.done()
  })

  it('gives the original error when a backoff would end past the deadline', async () => {
    const scope = nock(API).get('/flows/f').reply(502, '')
    const { api, clock } = setup({ deadline: START + 100 })
    const error = await failure(api.getFlow('f'))
    expect(error.kind).toBe('server')
    expect(error.message).toMatch(/HTTP 502/)
    expect(clock.sleeps).toEqual([])
    scope.done()
  })

  it('does not wait hours for a Retry-After even without a deadline', async () => {
    const scope = nock(API).get('/flows/f').reply(429, '', { 'Retry-After': '7200' })
    const { api, clock } = setup()
    const error = await failure(api.getFlow('f'))
    expect(error.kind).toBe('rate_limited')
    expect(error.message).toMatch(/longer than the longest wait/)
    expect(clock.sleeps).toEqual([])
    scope.done()
  })
})

describe('abort', () => {
  it('rejects at once when aborted during a wait', async () => {
    const scope = nock(API).get('/flows/f').reply(503, '', { 'Retry-After': '60' })
    const clock = new FakeClock({ now: START, auto: false })
    const { api } = setup({}, clock)
    const controller = new AbortController()
    const pending = failure(api.getFlow('f', { signal: controller.signal }))
    await clock.whenSleeping()
    controller.abort()
    const error = await pending
    expect(error.kind).toBe('cancelled')
    expect(error.request).toBe('GET /flows/f')
    expect(clock.pendingSleeps).toBe(0)
    expect(api.stats.retries).toBe(0)
    scope.done()
  })

  it('rethrows a typed abort reason (e.g. the step timeout)', async () => {
    const scope = nock(API).get('/flows/f').reply(503, '')
    const clock = new FakeClock({ now: START, auto: false })
    const { api } = setup({}, clock)
    const controller = new AbortController()
    const pending = failure(api.getFlow('f', { signal: controller.signal }))
    await clock.whenSleeping()
    const reason = new EchopointError('timeout', 'The step timed out after 15m')
    controller.abort(reason)
    await expect(pending).resolves.toBe(reason)
    scope.done()
  })

  it('does not send anything when already aborted', async () => {
    const { api } = setup()
    const error = await failure(api.getFlow('f', { signal: AbortSignal.abort() }))
    expect(error.kind).toBe('cancelled')
    expect(api.stats.requests).toBe(0)
  })

  it('aborts a request in flight', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .delay(600)
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const { api } = setup()
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const started = Date.now()
    const error = await failure(api.getFlow('f', { signal: controller.signal }))
    expect(error.kind).toBe('cancelled')
    expect(Date.now() - started).toBeLessThan(500)
    scope.done()
  })
})

describe('the key stays secret', () => {
  it('never appears in any log line, debug included', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(503, { error: `upstream rejected X-Api-Key: ${KEY}` })
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
      .get('/flows/g')
      .reply(401, { error: `bad key ${KEY}` })
    const { api, logs } = setup()
    await api.getFlow('f')
    const error = await failure(api.getFlow('g'))
    expect(logs.length).toBeGreaterThan(2)
    expect(logs.join('\n')).not.toContain(KEY)
    expect(error.message).not.toContain(KEY)
    expect(error.userMessage).not.toContain(KEY)
    scope.done()
  })
})
