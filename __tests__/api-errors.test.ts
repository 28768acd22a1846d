/**
 * Every error body shape and status of docs/api-contract.md part C becomes the right typed
 * error, and no message ever carries the API key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { createClient } from '../src/core/api/client.js'
import type { ErrorKind } from '../src/core/errors.js'
import { EchopointError } from '../src/core/errors.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'

const KEY = 'epk_live_0123456789abcdef'
const ORG = 'org_abc123'
const API = 'https://api.echopoint.test'

function client(clock = new FakeClock()) {
  return createClient({ apiUrl: API, apiKey: KEY, organizationId: ORG, clock, random: () => 0.5 })
}

/** Cancel is a POST without Idempotency-Key, so it is never retried: one response, one error. */
async function errorFor(
  status: number,
  body: string | Record<string, unknown>,
  headers: Record<string, string> = {}
): Promise<EchopointError> {
  const scope = nock(API).post('/flows/f/executions/e/cancel').reply(status, body, headers)
  const error = await client()
    .cancelExecution('f', 'e')
    .then(
      () => undefined,
      (e: unknown) => e
    )
  scope.done()
  expect(error).toBeInstanceOf(EchopointError)
  return error as EchopointError
}

// Jest gives each test file a fresh nock but the same http module: restore after the
// file so the next file's nock can install its own interceptor.
beforeAll(() => {
  if (!nock.isActive()) nock.activate()
  nock.disableNetConnect()
})
afterEach(() => nock.cleanAll())
afterAll(() => nock.restore())

describe('status to kind', () => {
  it.each<[number, Record<string, unknown>, ErrorKind, string | undefined]>([
    [
      400,
      { errors: [{ code: 'VALIDATION_ERROR', message: 'bad', field: 'x' }] },
      'contract',
      'VALIDATION_ERROR'
    ],
    [401, { error: 'Invalid API key' }, 'auth', undefined],
    [
      403,
      { errors: [{ code: 'FORBIDDEN', message: 'missing scope flows:execute' }] },
      'permission',
      'FORBIDDEN'
    ],
    [404, { errors: [{ code: 'NOT_FOUND', message: 'Flow not found' }] }, 'not_found', 'NOT_FOUND'],
    [409, { errors: [{ code: 'CONFLICT', message: 'already terminal' }] }, 'conflict', 'CONFLICT'],
    [422, { error: { code: 'unprocessable', message: 'nope' } }, 'contract', 'unprocessable'],
    [429, { error: 'Rate limit exceeded', retryAfter: 45 }, 'rate_limited', undefined],
    [
      500,
      { errors: [{ code: 'UNEXPECTED_ERROR', message: 'boom' }] },
      'server',
      'UNEXPECTED_ERROR'
    ],
    [503, { error: 'down' }, 'server', undefined]
  ])('HTTP %i → %s', async (status, body, kind, code) => {
    const error = await errorFor(status, body)
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.code).toBe(code)
    expect(error.request).toBe('POST /flows/f/executions/e/cancel')
    expect(error.message).toContain('POST /flows/f/executions/e/cancel')
    expect(error.message).toContain(`HTTP ${status}`)
  })

  it('401 says the key is invalid, revoked or expired, with the server message', async () => {
    const error = await errorFor(401, {
      error: { code: 'unauthorized', message: 'Invalid or missing API key' }
    })
    expect(error.kind).toBe('auth')
    expect(error.code).toBe('unauthorized')
    expect(error.message).toMatch(
      /invalid, revoked or expired \(HTTP 401, unauthorized\): Invalid or missing API key/
    )
    expect(error.hint).toMatch(/ci/)
  })

  it('keeps field and metadata from the envelope', async () => {
    const error = await errorFor(400, {
      errors: [
        {
          code: 'VALIDATION_ERROR',
          message: 'must be a uuid',
          field: 'version_id',
          metadata: { got: 'x' }
        }
      ]
    })
    expect(error.field).toBe('version_id')
    expect(error.metadata).toEqual({ got: 'x' })
    expect(error.message).toMatch(/must be a uuid \(field version_id\)/)
  })

  it('429 DAILY_EXECUTION_LIMIT_EXCEEDED is a quota error with its scope, never retried', async () => {
    const clock = new FakeClock()
    const scope = nock(API)
      .post('/flows/f/launch')
      .reply(
        429,
        {
          errors: [
            {
              code: 'DAILY_EXECUTION_LIMIT_EXCEEDED',
              message: 'Daily execution limit reached',
              metadata: { scope: 'cloud_fleet', limit: 1000 }
            }
          ]
        },
        { 'Retry-After': '3600' }
      )
    const error = (await client(clock)
      .launchFlow('f', {}, 'key-1')
      .catch((e: unknown) => e)) as EchopointError
    expect(error.kind).toBe('quota')
    expect(error.code).toBe('DAILY_EXECUTION_LIMIT_EXCEEDED')
    expect(error.metadata).toEqual({ scope: 'cloud_fleet', limit: 1000 })
    expect(error.message).toMatch(/daily execution quota is used up \(scope: cloud_fleet\)/)
    expect(error.hint).toMatch(/not a short rate limit/)
    expect(clock.sleeps).toEqual([])
    scope.done()
  })
})

describe('403: permission or rate limit', () => {
  it('403 without rate-limit signals is a permission error', async () => {
    const error = await errorFor(403, { error: 'Forbidden' }, { 'X-RateLimit-Remaining': '12' })
    expect(error.kind).toBe('permission')
    expect(error.hint).toMatch(/scopes/)
  })

  it.each([
    ['Retry-After', { 'Retry-After': '30' }],
    ['X-RateLimit-Remaining: 0', { 'X-RateLimit-Remaining': '0' }],
    ['RateLimit with r=0', { RateLimit: '"default";r=0;t=45' }]
  ])('403 with %s is rate_limited', async (_name, headers) => {
    const error = await errorFor(403, { error: 'Forbidden' }, headers)
    expect(error.kind).toBe('rate_limited')
  })

  it('403 with RateLimit r=10 stays a permission error', async () => {
    const error = await errorFor(403, { error: 'Forbidden' }, { RateLimit: '"default";r=10;t=45' })
    expect(error.kind).toBe('permission')
  })
})

describe('bodies that are not the envelope', () => {
  it('an HTML page from a proxy falls back to the status text', async () => {
    const error = await errorFor(
      502,
      '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>',
      { 'Content-Type': 'text/html' }
    )
    expect(error.kind).toBe('server')
    expect(error.message).toMatch(/\(HTTP 502\): Bad Gateway$/)
    expect(error.message).not.toContain('<html>')
  })

  it('an empty body falls back to the status text', async () => {
    const error = await errorFor(404, '')
    expect(error.kind).toBe('not_found')
    expect(error.message).toMatch(/\(HTTP 404\): Not Found$/)
  })

  it('a JSON body of an unknown shape falls back to the status text', async () => {
    const error = await errorFor(409, { detail: ['x'] })
    expect(error.message).toMatch(/\(HTTP 409\): Conflict$/)
  })
})

describe('redaction', () => {
  it('removes the key when the server echoes it (envelope, plain and in metadata)', async () => {
    const error = await errorFor(401, {
      errors: [{ code: 'UNAUTHORIZED', message: `Key ${KEY} is revoked`, metadata: { key: KEY } }]
    })
    expect(error.message).not.toContain(KEY)
    expect(error.message).toContain('Key *** is revoked')
    expect(JSON.stringify(error.metadata)).not.toContain(KEY)
  })

  it('removes the key even when the message is cut', async () => {
    const error = await errorFor(400, { error: `${'x'.repeat(290)} ${KEY}` })
    expect(error.message).not.toContain(KEY.slice(0, 12))
    expect(error.message.length).toBeLessThan(420)
  })

  it('strips control characters from server messages', async () => {
    const error = await errorFor(400, { error: 'line1\n::error::forged\u001b[31m' })
    expect(error.message).not.toContain('\n')
    expect(error.message).not.toContain('\u001b')
    expect(error.message).toContain('line1 ::error::forged')
  })
})

describe('network failures', () => {
  it('a reset connection is a network error with the Node code', async () => {
    const scope = nock(API)
      .post('/flows/f/executions/e/cancel')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    const error = (await client()
      .cancelExecution('f', 'e')
      .catch((e: unknown) => e)) as EchopointError
    expect(error.kind).toBe('network')
    expect(error.code).toBe('ECONNRESET')
    expect(error.message).toMatch(/connection to api\.echopoint\.test was reset/)
    scope.done()
  })

  it('a request that gets no answer within the timeout is a network error', async () => {
    const scope = nock(API).post('/flows/f/executions/e/cancel').delay(600).reply(202, {})
    const api = createClient({
      apiUrl: API,
      apiKey: KEY,
      organizationId: ORG,
      clock: new FakeClock(),
      requestTimeoutMs: 50
    })
    const started = Date.now()
    const error = (await api.cancelExecution('f', 'e').catch((e: unknown) => e)) as EchopointError
    expect(Date.now() - started).toBeLessThan(500)
    expect(error.kind).toBe('network')
    expect(error.code).toBe('REQUEST_TIMEOUT')
    expect(error.message).toMatch(
      /no response from api\.echopoint\.test within 50 ms \(request timeout\)/
    )
    scope.done()
  })
})
