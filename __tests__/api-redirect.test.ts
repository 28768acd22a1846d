/**
 * Redirects: followed only within the configured origin, so X-Api-Key never leaves it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { createClient } from '../src/core/api/client.js'
import { EchopointError } from '../src/core/errors.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'

const KEY = 'epk_live_0123456789abcdef'
const ORG = 'org_abc123'
const API = 'https://api.echopoint.test'
const OTHER = 'https://evil.example'

function client() {
  return createClient({ apiUrl: API, apiKey: KEY, organizationId: ORG, clock: new FakeClock() })
}

async function failure(promise: Promise<unknown>): Promise<EchopointError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
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

describe('redirects', () => {
  it('follows a same-origin redirect (relative Location) with the key', async () => {
    const scope = nock(API, { reqheaders: { 'x-api-key': KEY } })
      .get('/flows/f')
      .reply(301, '', { Location: '/v2/flows/f' })
      .get('/v2/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const api = client()
    await expect(api.getFlow('f')).resolves.toEqual({ id: 'f', name: 'Flow f', tags: [] })
    expect(api.stats.requests).toBe(2)
    scope.done()
  })

  it('keeps method and body on a same-origin 307 for a POST', async () => {
    const scope = nock(API, { reqheaders: { 'idempotency-key': 'k1' } })
      .post('/flows/f/launch', { trigger_type: 'git' })
      .reply(307, '', { Location: `${API}/flows/f/launch2` })
      .post('/flows/f/launch2', { trigger_type: 'git' })
      .reply(202, {
        execution: { id: 'e', flow_id: 'f', status: 'pending', started_at: '2024-01-15T10:00:00Z' }
      })
    await expect(client().launchFlow('f', { trigger_type: 'git' }, 'k1')).resolves.toMatchObject({
      id: 'e'
    })
    scope.done()
  })

  it.each([301, 302, 303, 307, 308])(
    'does not follow a %i to another host, and the key never reaches it',
    async (status) => {
      const api = nock(API)
        .get('/flows/f')
        .reply(status, '', { Location: `${OTHER}/flows/f?token=abc` })
      const other = nock(OTHER)
        .get('/flows/f')
        .query(true)
        .reply(200, { id: 'f', name: 'Flow f', tags: [] })
      const error = await failure(client().getFlow('f'))
      expect(error.kind).toBe('contract')
      expect(error.message).toBe(
        `The API at ${API} redirected to ${OTHER}; the API key is only sent to the configured api-url host. Set api-url to the final address.`
      )
      expect(error.message).not.toContain('token=abc')
      expect(other.isDone()).toBe(false)
      api.done()
    }
  )

  it('does not follow a redirect to another port of the same host', async () => {
    const api = nock(API)
      .get('/flows/f')
      .reply(302, '', { Location: 'https://api.echopoint.test:8443/flows/f' })
    const other = nock('https://api.echopoint.test:8443')
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const error = await failure(client().getFlow('f'))
    expect(error.message).toMatch(/redirected to https:\/\/api\.echopoint\.test:8443/)
    expect(other.isDone()).toBe(false)
    api.done()
  })

  it('refuses an https → http redirect, even to the same host', async () => {
    const api = nock(API)
      .get('/flows/f')
      .reply(301, '', { Location: 'http://api.echopoint.test/flows/f' })
    const plain = nock('http://api.echopoint.test')
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const error = await failure(client().getFlow('f'))
    expect(error.kind).toBe('contract')
    expect(error.message).toMatch(/never sent over plain http/)
    expect(plain.isDone()).toBe(false)
    api.done()
  })

  it('refuses a 302 on a POST (it would become a GET)', async () => {
    const api = nock(API).post('/flows/f/launch').reply(302, '', { Location: '/elsewhere' })
    const error = await failure(client().launchFlow('f', {}, 'k'))
    expect(error.message).toMatch(/would turn the POST into a GET/)
    api.done()
  })

  it('stops after 5 redirects', async () => {
    const api = nock(API)
      .get(/\/loop\d*|\/flows\/f/)
      .times(6)
      .reply(302, '', { Location: '/loop' })
    const error = await failure(client().getFlow('f'))
    expect(error.message).toMatch(/more than 5 redirects/)
    api.done()
  })

  it('a redirect without Location is a contract error', async () => {
    const api = nock(API).get('/flows/f').reply(302, '')
    expect((await failure(client().getFlow('f'))).message).toMatch(/without a Location header/)
    api.done()
  })
})
