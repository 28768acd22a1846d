/**
 * Request shape: headers, URL joining, bodies and response checks, against nock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { createClient } from '../src/core/api/client.js'
import type { ClientOptions } from '../src/core/api/api.js'
import { EchopointError } from '../src/core/errors.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'

const KEY = 'epk_live_0123456789abcdef'
const ORG = 'org_abc123'
const API = 'https://api.echopoint.test'

const execution = {
  id: 'exec_1',
  flow_id: 'flow_1',
  organization_id: ORG,
  status: 'pending',
  runner_inputs: {},
  started_at: '2024-01-15T10:00:00Z',
  created_at: '2024-01-15T10:00:00Z',
  updated_at: '2024-01-15T10:00:00Z',
  flow_snapshot: {},
  referenced_flows: []
}

function client(overrides: Partial<ClientOptions> = {}) {
  return createClient({
    apiUrl: API,
    apiKey: KEY,
    organizationId: ORG,
    clock: new FakeClock(),
    random: () => 0.5,
    ...overrides
  })
}

// Jest gives each test file a fresh nock but the same http module: restore after the
// file so the next file's nock can install its own interceptor.
beforeAll(() => {
  if (!nock.isActive()) nock.activate()
  nock.disableNetConnect()
})
afterEach(() => nock.cleanAll())
afterAll(() => nock.restore())

describe('headers', () => {
  it('sends key, organization, accept and user agent', async () => {
    const scope = nock(API, {
      reqheaders: {
        'x-api-key': KEY,
        'x-organization-id': ORG,
        accept: 'application/json',
        'user-agent': 'echopoint-ci/1.2.3'
      }
    })
      .get('/flows/flow_1')
      .reply(200, { id: 'flow_1', name: 'F', tags: [], organization_id: ORG, flow_definition: {} })
    const flow = await client({ userAgent: 'echopoint-ci/1.2.3' }).getFlow('flow_1')
    expect(flow.id).toBe('flow_1')
    scope.done()
  })

  it('omits the organization header on GET /api-keys/self only', async () => {
    const scope = nock(API, { badheaders: ['x-organization-id'], reqheaders: { 'x-api-key': KEY } })
      .get('/api-keys/self')
      .reply(200, { api_key_id: 'k1', organization_id: ORG, permissions: ['flows:read'] })
    const self = await client().getKeySelf()
    expect(self.permissions).toEqual(['flows:read'])
    scope.done()
  })

  it('uses the default user agent', async () => {
    const scope = nock(API, { reqheaders: { 'user-agent': 'echopoint-ci' } })
      .get('/flows/f')
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    await client().getFlow('f')
    scope.done()
  })

  it('sends the Idempotency-Key and a JSON body on launch, and returns the execution', async () => {
    const scope = nock(API, {
      reqheaders: {
        'idempotency-key': 'gh-123-1-flow_1',
        'content-type': 'application/json',
        'x-organization-id': ORG
      }
    })
      .post('/flows/flow_1/launch', { runner_type: 'cloud', trigger_type: 'git' })
      .reply(202, { execution })
    const result = await client().launchFlow(
      'flow_1',
      { runner_type: 'cloud', trigger_type: 'git' },
      'gh-123-1-flow_1'
    )
    // Only what the core reads, checked (decode.ts): the rest of the answer is dropped.
    expect(result).toEqual({
      id: 'exec_1',
      flow_id: 'flow_1',
      status: 'pending',
      started_at: '2024-01-15T10:00:00Z'
    })
    scope.done()
  })

  it('sends {} when the launch body is empty', async () => {
    const scope = nock(API)
      .post('/flows/f/launch', {})
      .reply(202, { execution: { ...execution, flow_id: 'f' } })
    await client().launchFlow('f', {}, 'k')
    scope.done()
  })

  it('refuses an unusable idempotency key before sending anything', async () => {
    await expect(client().launchFlow('f', {}, 'x'.repeat(256))).rejects.toMatchObject({
      kind: 'config'
    })
    await expect(client().launchFlow('f', {}, 'has space')).rejects.toMatchObject({
      kind: 'config'
    })
  })

  it('records X-Api-Key-Expires-At from any response', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .reply(
        200,
        { id: 'f', name: 'Flow f', tags: [] },
        { 'X-Api-Key-Expires-At': '2024-02-01T00:00:00Z' }
      )
      .get('/flows/g')
      .reply(
        404,
        { errors: [{ code: 'NOT_FOUND', message: 'nope' }] },
        {
          'X-Api-Key-Expires-At': '2024-03-01T00:00:00Z'
        }
      )
    const api = client()
    expect(api.keyExpiresAtHeader).toBeUndefined()
    await api.getFlow('f')
    expect(api.keyExpiresAtHeader).toBe('2024-02-01T00:00:00Z')
    await expect(api.getFlow('g')).rejects.toThrow(EchopointError)
    expect(api.keyExpiresAtHeader).toBe('2024-03-01T00:00:00Z')
    scope.done()
  })

  it('refuses to start with an empty key or a key with a line break', () => {
    expect(() => client({ apiKey: '' })).toThrow(/api-key/)
    expect(() => client({ apiKey: 'epk_a\r\nX-Evil: 1' })).toThrow(/control character/)
  })
})

describe('URLs', () => {
  it('joins a base path with or without a trailing slash', async () => {
    const scope = nock(API)
      .get('/api/v1/flows/f1')
      .twice()
      .reply(200, { id: 'f1', name: 'Flow f1', tags: [] })
    await client({ apiUrl: `${API}/api/v1` }).getFlow('f1')
    await client({ apiUrl: `${API}/api/v1/` }).getFlow('f1')
    scope.done()
  })

  it('encodes path segments', async () => {
    const scope = nock(API).get('/flows/a%2Fb%3Fc%23d/executions/e%20f/nodes').reply(200, [])
    await expect(client().getExecutionNodes('a/b?c#d', 'e f')).resolves.toEqual([])
    scope.done()
  })

  it('refuses "." and ".." as IDs (the URL parser would resolve them)', async () => {
    await expect(client().getFlow('..')).rejects.toMatchObject({ kind: 'config' })
    await expect(client().getFlow('')).rejects.toMatchObject({ kind: 'config' })
  })

  it('refuses an api-url that is not https (defence in depth)', () => {
    expect(() => client({ apiUrl: 'http://api.echopoint.dev' })).toThrow(/api-url/)
  })

  it('builds list queries and leaves undefined values out', async () => {
    const page = { total: 1, count: 1, items: [{ ...execution, id: 'x' }] }
    const scope = nock(API)
      .get('/executions')
      .query({
        limit: '50',
        offset: '0',
        status: 'failed',
        flow_id: 'f',
        since: '2024-01-01T00:00:00Z'
      })
      .reply(200, page)
      .get('/flows/f/executions')
      .query({ limit: '10' })
      .reply(200, page)
      .get('/permissions')
      .query({ type: 'ci' })
      .reply(200, { total: 0, count: 0, items: [] })
    const api = client()
    await api.listExecutions({
      limit: 50,
      offset: 0,
      status: 'failed',
      flow_id: 'f',
      since: '2024-01-01T00:00:00Z'
    })
    await api.listFlowExecutions('f', { limit: 10 })
    await api.listPermissions('ci')
    scope.done()
  })

  it('posts flow searches and fills in a missing count', async () => {
    const scope = nock(API)
      .post('/flows/search', { tags: ['smoke'], tag_match_mode: 'all', pagination: { limit: 100 } })
      .reply(200, { total: 1, items: [{ id: 'f1', name: 'Flow f1', tags: [] }] })
    const page = await client().searchFlows({
      tags: ['smoke'],
      tag_match_mode: 'all',
      pagination: { limit: 100 }
    })
    expect(page).toEqual({ total: 1, count: 1, items: [{ id: 'f1', name: 'Flow f1', tags: [] }] })
    scope.done()
  })

  it('cancels with POST …/cancel and returns the execution', async () => {
    const scope = nock(API)
      .post('/flows/f/executions/e/cancel', {})
      .reply(202, { execution: { ...execution, id: 'e', flow_id: 'f', status: 'cancelled' } })
    await expect(client().cancelExecution('f', 'e')).resolves.toMatchObject({ status: 'cancelled' })
    scope.done()
  })
})

describe('response contract', () => {
  it.each([
    ['launch returning {}', 'launch', {}, /execution is missing/],
    [
      'launch without ids',
      'launch',
      { execution: { status: 'pending' } },
      /execution\.id is missing/
    ],
    ['nodes not an array', 'nodes', { items: [] }, /body is an object, not an array/],
    ['paged list without items', 'list', { total: 3 }, /items is missing/],
    [
      'paged list with a string total',
      'list',
      { total: '3', items: [] },
      /total is a string, not a count/
    ],
    [
      'key self without permissions',
      'self',
      { api_key_id: 'k', organization_id: ORG },
      /permissions/
    ]
  ])('%s is a contract error', async (_name, method, body, pattern) => {
    const scope = nock(API)
      .post('/flows/f/launch')
      .optionally()
      .reply(202, body)
      .get('/flows/f/executions/e/nodes')
      .optionally()
      .reply(200, body)
      .get('/flows/f/executions')
      .query(true)
      .optionally()
      .reply(200, body)
      .get('/api-keys/self')
      .optionally()
      .reply(200, body)
    const api = client()
    const call: Record<string, () => Promise<unknown>> = {
      launch: () => api.launchFlow('f', {}, 'k'),
      nodes: () => api.getExecutionNodes('f', 'e'),
      list: () => api.listFlowExecutions('f', { limit: 10 }),
      self: () => api.getKeySelf()
    }
    const error = (await call[method]().catch((e: unknown) => e)) as EchopointError
    expect(error).toBeInstanceOf(EchopointError)
    expect(error.kind).toBe('contract')
    expect(error.message).toMatch(pattern)
    expect(error.status).toBeGreaterThanOrEqual(200)
    scope.done()
  })

  it('a 2xx HTML page (captive proxy) is a contract error, not a crash', async () => {
    const scope = nock(API).get('/flows/f').reply(200, '<html>Sign in to Wi-Fi</html>', {
      'Content-Type': 'text/html'
    })
    await expect(client().getFlow('f')).rejects.toMatchObject({
      kind: 'contract',
      message: expect.stringMatching(/not JSON/)
    })
    scope.done()
  })

  it('an empty 2xx body is a contract error', async () => {
    const scope = nock(API).get('/flows/f').reply(204)
    await expect(client().getFlow('f')).rejects.toMatchObject({ kind: 'contract' })
    scope.done()
  })
})

describe('stats', () => {
  it('counts requests', async () => {
    const scope = nock(API)
      .get('/flows/f')
      .twice()
      .reply(200, { id: 'f', name: 'Flow f', tags: [] })
    const api = client()
    await api.getFlow('f')
    await api.getFlow('f')
    expect(api.stats).toEqual({ requests: 2, retries: 0, waits: 0, waitedMs: 0 })
    scope.done()
  })
})
