/**
 * Authentication, organizations and scopes (docs/api-contract.md part A), plus the
 * headers every answer carries.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS } from '../__fixtures__/sandbox-http.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

const DAY = 24 * 60 * 60 * 1000

describe('sandbox auth', () => {
  const clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ clock })
  })
  afterAll(() => sandbox.close())

  describe('401: missing, malformed, unknown, expired, revoked key', () => {
    const cases: [string, string | null, RegExp][] = [
      ['missing', null, /Missing X-Api-Key/],
      ['empty', '', /Missing X-Api-Key/],
      ['malformed', 'not-a-key', /Malformed/],
      ['unknown', 'epk_live_sandbox_does_not_exist', /Invalid API key/],
      ['expired', KEYS.expired, /expired at/],
      ['revoked', KEYS.revoked, /revoked/]
    ]
    it.each(cases)('%s key → 401 UNAUTHORIZED', async (_name, key, message) => {
      const res = await call(sandbox, '/flows?limit=10', { key })
      expect(res.status).toBe(401)
      expect(res.body.errors[0].code).toBe('UNAUTHORIZED')
      expect(res.body.errors[0].message).toMatch(message)
    })

    it('does not consult scopes first: an expired key asking for a scope it has is still 401', async () => {
      const res = await call(sandbox, `/flows/${FLOWS.login}/launch`, {
        key: KEYS.expired,
        body: {}
      })
      expect(res.status).toBe(401)
    })

    it('never echoes the key back', async () => {
      const res = await call(sandbox, '/flows?limit=10', { key: 'sk-real-secret-pasted-here' })
      expect(JSON.stringify(res.body)).not.toContain('sk-real-secret')
    })

    it('a key that expires while the sandbox runs becomes 401 at its expiry (injected clock)', async () => {
      const local = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
      const box = await startSandbox({ clock: local })
      try {
        expect((await call(box, '/api-keys/self', { key: KEYS.expiringSoon })).status).toBe(200)
        local.advance(5 * DAY)
        const res = await call(box, '/api-keys/self', { key: KEYS.expiringSoon })
        expect(res.status).toBe(401)
      } finally {
        await box.close()
      }
    })
  })

  describe('X-Organization-ID', () => {
    it.each([
      ['missing', null],
      ['empty', ''],
      ['blank', '   ']
    ])('%s → 400 VALIDATION_ERROR naming the header', async (_name, org) => {
      const res = await call(sandbox, '/flows?limit=10', { org })
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject({
        code: 'VALIDATION_ERROR',
        field: 'X-Organization-ID'
      })
    })

    it('is not needed on GET /api-keys/self', async () => {
      const res = await call(sandbox, '/api-keys/self', { org: null })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ api_key_id: 'key_demo_ci', organization_id: 'org_demo' })
    })

    it('an organization the key is not in → 403 FORBIDDEN', async () => {
      const res = await call(sandbox, '/flows?limit=10', { key: KEYS.otherOrg, org: 'org_demo' })
      expect(res.status).toBe(403)
      expect(res.body.errors[0].code).toBe('FORBIDDEN')
    })

    it('header names are case-insensitive', async () => {
      const res = await call(sandbox, '/flows?limit=1', {
        key: null,
        org: null,
        headers: { 'x-api-key': KEYS.ci, 'X-Organization-Id': 'org_demo' }
      })
      expect(res.status).toBe(200)
    })
  })

  describe('scopes', () => {
    it('a missing scope → 403 INSUFFICIENT_SCOPE naming the scope', async () => {
      const res = await call(sandbox, `/flows/${FLOWS.login}/launch`, {
        key: KEYS.readOnly,
        body: {}
      })
      expect(res.status).toBe(403)
      expect(res.body.errors[0]).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        metadata: { required_scope: 'flows:execute' }
      })
      expect(res.body.errors[0].message).toContain('flows:execute')
    })

    it('an execute-only key can launch by ID but not read', async () => {
      const launch = await call(sandbox, `/flows/${FLOWS.health}/launch`, {
        key: KEYS.executeOnly,
        body: {}
      })
      expect(launch.status).toBe(202)
      const search = await call(sandbox, '/flows/search', { key: KEYS.executeOnly, body: {} })
      expect(search.status).toBe(403)
      expect(search.body.errors[0].metadata.required_scope).toBe('flows:read')
    })

    it('a read-only key cannot complete an ephemeral execution (runner:complete)', async () => {
      const res = await call(
        sandbox,
        '/runner/ephemeral/executions/00000000-0000-4000-8000-000000000000/complete',
        { key: KEYS.readOnly, body: {} }
      )
      expect(res.status).toBe(403)
      expect(res.body.errors[0].metadata.required_scope).toBe('runner:complete')
    })
  })

  describe('cross-organization resources are 404, never 403', () => {
    it('a flow of another organization', async () => {
      const res = await call(sandbox, `/flows/${FLOWS.otherOrg}`)
      expect(res.status).toBe(404)
      expect(res.body.errors[0].code).toBe('NOT_FOUND')
    })

    it("an execution of another organization's flow", async () => {
      const launched = await call(sandbox, `/flows/${FLOWS.otherOrg}/launch`, {
        key: KEYS.otherOrg,
        org: 'org_other',
        body: {}
      })
      expect(launched.status).toBe(202)
      const id = launched.body.execution.id
      const res = await call(sandbox, `/flows/${FLOWS.otherOrg}/executions/${id}`)
      expect(res.status).toBe(404)
      const launch = await call(sandbox, `/flows/${FLOWS.otherOrg}/launch`, { body: {} })
      expect(launch.status).toBe(404)
    })
  })

  describe('GET /api-keys/self and X-Api-Key-Expires-At (part B.1)', () => {
    it('reports name and expiry, and the header on every answer', async () => {
      const res = await call(sandbox, '/api-keys/self')
      const expected = new Date(clock.now() + 90 * DAY).toISOString()
      expect(res.body).toEqual({
        api_key_id: 'key_demo_ci',
        organization_id: 'org_demo',
        permissions: ['flows:read', 'flows:execute', 'runner:complete'],
        name: 'GitHub Actions CI (sandbox)',
        expires_at: expected
      })
      expect(res.headers.get('x-api-key-expires-at')).toBe(expected)
      // Error answers to an authenticated key carry it too.
      const notFound = await call(sandbox, '/flows/00000000-0000-4000-8000-000000000000')
      expect(notFound.status).toBe(404)
      expect(notFound.headers.get('x-api-key-expires-at')).toBe(expected)
    })

    it('a key without expiry: expires_at null and no header', async () => {
      const res = await call(sandbox, '/api-keys/self', { key: KEYS.noExpiry })
      expect(res.body.expires_at).toBeNull()
      expect(res.headers.get('x-api-key-expires-at')).toBeNull()
    })

    it('with keyIntrospection off: no name, no expires_at, no header', async () => {
      const box = await startSandbox({ clock, extensions: { keyIntrospection: false } })
      try {
        const res = await call(box, '/api-keys/self')
        expect(res.body).toEqual({
          api_key_id: 'key_demo_ci',
          organization_id: 'org_demo',
          permissions: ['flows:read', 'flows:execute', 'runner:complete']
        })
        expect(res.headers.get('x-api-key-expires-at')).toBeNull()
      } finally {
        await box.close()
      }
    })
  })

  describe('GET /permissions (part B.2)', () => {
    it('answers any valid key by default; ci is the curated preset', async () => {
      const res = await call(sandbox, '/permissions?type=ci')
      expect(res.status).toBe(200)
      expect(res.body.items.map((p: { name: string }) => p.name)).toEqual([
        'flows:read',
        'flows:execute',
        'runner:complete'
      ])
      expect(res.body).toMatchObject({ total: 3, count: 3 })
      for (const item of res.body.items) expect(typeof item.description).toBe('string')
    })

    it('custom lists every scope, runner the runner scopes; a bad type is 400', async () => {
      const custom = await call(sandbox, '/permissions?type=custom')
      expect(custom.body.items.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['flows:read', 'api_key:create', 'webhooks:read', 'runner:claim'])
      )
      const runner = await call(sandbox, '/permissions?type=runner')
      expect(runner.body.items.map((p: { name: string }) => p.name)).toEqual([
        'runner:claim',
        'runner:complete'
      ])
      const bad = await call(sandbox, '/permissions?type=everything')
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].field).toBe('type')
    })

    it('with the extension off, a CI key gets 403 and an api_key:create key 200', async () => {
      const box = await startSandbox({ clock, extensions: { permissionsForAnyKey: false } })
      try {
        const ci = await call(box, '/permissions?type=ci')
        expect(ci.status).toBe(403)
        expect(ci.body.errors[0].metadata.required_scope).toBe('api_key:create')
        expect((await call(box, '/permissions?type=ci', { key: KEYS.admin })).status).toBe(200)
      } finally {
        await box.close()
      }
    })
  })

  describe('routing and common headers', () => {
    it('unknown path → 404, even without a key', async () => {
      const res = await call(sandbox, '/nope', { key: null })
      expect(res.status).toBe(404)
      expect(res.body.errors[0].code).toBe('NOT_FOUND')
    })

    it('wrong method on a known path → 405 with Allow', async () => {
      const res = await call(sandbox, '/flows/search', { method: 'GET' })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST')
      expect(res.body.errors[0].code).toBe('METHOD_NOT_ALLOWED')
    })

    it('every answer has a Date from the injected clock and a JSON content type', async () => {
      for (const key of [KEYS.ci, null]) {
        const res = await call(sandbox, '/api-keys/self', { key })
        expect(res.headers.get('date')).toBe(new Date(clock.now()).toUTCString())
        expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      }
    })

    it('a body that is not JSON → 400 VALIDATION_ERROR', async () => {
      const res = await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: '{nope' })
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject({ code: 'VALIDATION_ERROR', field: 'body' })
    })

    it('a path ID that is not a UUID → 400 naming the parameter', async () => {
      const res = await call(sandbox, '/flows/not-a-uuid')
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe('flowId')
    })
  })
})
