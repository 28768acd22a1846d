/**
 * The server around the API: the request log, the pipeline's plug-in slots,
 * close(), the banner, and body limits.
 */
import { createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS } from '../__fixtures__/sandbox-http.js'
import {
  classifyLaunch,
  formatBanner,
  jsonResponse,
  LAYER_SLOTS,
  MAX_BODY_BYTES,
  startSandbox,
  type Sandbox,
  type SandboxLayer
} from '../src/sandbox/index.js'

/** Resolves true when the port can be bound again (nothing listens on it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

describe('sandbox server', () => {
  let clock: FakeClock
  let sandbox: Sandbox

  beforeEach(async () => {
    clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
    sandbox = await startSandbox({ clock })
  })
  afterEach(() => sandbox.close())

  describe('request log', () => {
    it('records every request with key id (never the secret), org, status and route', async () => {
      await call(sandbox, '/api-keys/self', { org: null })
      clock.advance(1_000)
      await call(sandbox, '/flows?limit=5&offset=1')
      await call(sandbox, '/flows?limit=5', { key: 'epk_live_sandbox_unknown' })
      await call(sandbox, '/nowhere')
      const entries = sandbox.requestLog.entries()
      expect(entries.map((e) => [e.seq, e.method, e.path, e.status, e.routeId, e.keyId])).toEqual([
        [1, 'GET', '/api-keys/self', 200, 'keys.self', 'key_demo_ci'],
        [2, 'GET', '/flows', 200, 'flows.list', 'key_demo_ci'],
        [3, 'GET', '/flows', 401, 'flows.list', null],
        [4, 'GET', '/nowhere', 404, null, null]
      ])
      expect(entries[1]).toMatchObject({
        at: clock.now(),
        query: { limit: '5', offset: '1' },
        organizationId: 'org_demo'
      })
      expect(entries[0]?.organizationId).toBe('org_demo')
      expect(entries[2]?.errorCode).toBe('UNAUTHORIZED')
      expect(entries.every((e) => e.durationMs >= 0)).toBe(true)
      expect(JSON.stringify(entries)).not.toContain('epk_live_sandbox_demo_ci')
    })

    it('launches(): new executions and replays, with flow, execution and idempotency key', async () => {
      const headers = { 'Idempotency-Key': 'run-1-login' }
      const first = await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: {}, headers })
      await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: {}, headers })
      await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: { runner_type: 'ephemeral' } })
      await call(sandbox, `/flows/${FLOWS.checkout}/launch`, { body: {} })
      const launches = sandbox.requestLog.launches()
      expect(launches.map((l) => [l.flowId, l.replay, l.idempotencyKey])).toEqual([
        [FLOWS.login, false, 'run-1-login'],
        [FLOWS.login, true, 'run-1-login'],
        [FLOWS.checkout, false, undefined]
      ])
      expect(launches[0]?.executionId).toBe(first.body.execution.id)
      // Proving "no flow launched twice": one non-replayed launch per flow.
      const created = launches.filter((l) => !l.replay).map((l) => l.flowId)
      expect(new Set(created).size).toBe(created.length)
      const failed = sandbox.requestLog.filter(
        (e) => e.routeId === 'flows.launch' && e.status === 400
      )
      expect(failed).toHaveLength(1)
    })

    it('records the path IDs of execution requests, and clear() empties it', async () => {
      const { id } = (await call(sandbox, `/flows/${FLOWS.health}/launch`, { body: {} })).body
        .execution
      await call(sandbox, `/flows/${FLOWS.health}/executions/${id}`)
      expect(sandbox.requestLog.entries()[1]).toMatchObject({
        flowId: FLOWS.health,
        executionId: id
      })
      sandbox.requestLog.clear()
      expect(sandbox.requestLog.entries()).toEqual([])
      await call(sandbox, '/api-keys/self')
      expect(sandbox.requestLog.entries()[0]?.seq).toBe(3)
    })
  })

  describe('pipeline', () => {
    it('has the documented slots in order', () => {
      expect(LAYER_SLOTS).toEqual([
        'requestLog',
        'faults',
        'router',
        'auth',
        'rateLimit',
        'quota',
        'handler'
      ])
      expect(sandbox.pipeline.get('rateLimit').name).toBe('rateLimit')
    })

    it('a rate-limit layer plugged in at start sees the route and key, and its answer is logged', async () => {
      const seen: string[] = []
      const rateLimit: SandboxLayer = {
        name: 'test-rate-limit',
        handle: async (ctx, next) => {
          seen.push(`${ctx.route?.definition.bucket}:${ctx.apiKey?.id}`)
          if (ctx.route?.definition.bucket === 'search') {
            return jsonResponse(
              429,
              { errors: [{ code: 'RATE_LIMITED', message: 'slow down' }] },
              { 'retry-after': '45' }
            )
          }
          const response = await next()
          return { ...response, headers: { ...response.headers, 'x-ratelimit-remaining': '99' } }
        }
      }
      const box = await startSandbox({ clock, layers: { rateLimit } })
      try {
        const limited = await call(box, '/flows/search', { body: {} })
        expect(limited.status).toBe(429)
        expect(limited.headers.get('retry-after')).toBe('45')
        const ok = await call(box, '/flows/tags')
        expect(ok.headers.get('x-ratelimit-remaining')).toBe('99')
        // Auth runs first: a bad key never reaches the rate limiter.
        await call(box, '/flows/tags', { key: KEYS.revoked })
        expect(seen).toEqual(['search:key_demo_ci', 'read:key_demo_ci'])
        expect(box.requestLog.entries().map((e) => e.status)).toEqual([429, 200, 401])
      } finally {
        await box.close()
      }
    })

    it('a quota layer can tell new launches from replays (classifyLaunch) and refuse only new ones', async () => {
      const kinds: string[] = []
      sandbox.pipeline.use('quota', {
        name: 'test-quota',
        handle: (ctx, next) => {
          const kind = classifyLaunch(ctx)
          if (ctx.route?.definition.id === 'flows.launch') kinds.push(kind)
          if (kind === 'new' && sandbox.state.executions.size >= 1) {
            return jsonResponse(429, {
              errors: [
                {
                  code: 'DAILY_EXECUTION_LIMIT_EXCEEDED',
                  message: 'Daily execution limit reached',
                  metadata: { scope: 'cloud_fleet' }
                }
              ]
            })
          }
          return next()
        }
      })
      const headers = { 'Idempotency-Key': 'quota-1' }
      expect(
        (await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: {}, headers })).status
      ).toBe(202)
      expect(
        (await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: {}, headers })).status
      ).toBe(202)
      const refused = await call(sandbox, `/flows/${FLOWS.checkout}/launch`, { body: {} })
      expect(refused.status).toBe(429)
      expect(refused.body.errors[0].code).toBe('DAILY_EXECUTION_LIMIT_EXCEEDED')
      await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: { runner_type: 'x' } })
      await call(sandbox, '/flows/tags')
      expect(kinds).toEqual(['new', 'replay', 'new', 'invalid'])
    })

    it('a fault layer swapped in while running can drop the connection', async () => {
      sandbox.pipeline.use('faults', {
        name: 'reset',
        handle: () => ({ status: 0, headers: {}, drop: true })
      })
      await expect(call(sandbox, '/api-keys/self')).rejects.toThrow()
      expect(sandbox.requestLog.entries()[0]?.status).toBe(0)
    })

    it('an exception in a layer becomes 500 UNEXPECTED_ERROR in the envelope', async () => {
      sandbox.pipeline.use('quota', {
        name: 'broken',
        handle: () => {
          throw new Error('boom')
        }
      })
      const res = await call(sandbox, '/flows/tags')
      expect(res.status).toBe(500)
      expect(res.body.errors[0].code).toBe('UNEXPECTED_ERROR')
    })
  })

  it('close() releases the port and ends keep-alive connections promptly', async () => {
    const box = await startSandbox({ clock })
    await call(box, '/api-keys/self') // leaves a keep-alive socket open
    expect(await portIsFree(box.port)).toBe(false)
    const started = Date.now()
    await box.close()
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(await portIsFree(box.port)).toBe(true)
    await box.close() // idempotent
  })

  it('listens on the requested port and host', async () => {
    const probe = await startSandbox({ clock })
    const port = probe.port
    await probe.close()
    const box = await startSandbox({ clock, port, host: '127.0.0.1' })
    try {
      expect(box.url).toBe(`http://127.0.0.1:${port}`)
      await expect(startSandbox({ clock, port })).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await box.close()
    }
  })

  it('a body over the limit → 413', async () => {
    const res = await call(sandbox, `/flows/${FLOWS.login}/launch`, {
      body: JSON.stringify({ trigger_metadata: { x: 'y'.repeat(MAX_BODY_BYTES) } })
    })
    expect(res.status).toBe(413)
    expect(res.body.errors[0].code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('formatBanner: URL, key, organization and the environment variables to use', () => {
    const banner = formatBanner(sandbox)
    expect(banner).toContain(sandbox.url)
    expect(banner).toContain(`export ECHOPOINT_API_URL=${sandbox.url}`)
    expect(banner).toContain('export ECHOPOINT_API_KEY=epk_live_sandbox_demo_ci')
    expect(banner).toContain('export ECHOPOINT_ORGANIZATION_ID=org_demo')
    expect(banner).toContain('flows:read, flows:execute, runner:complete')
    // Plain text: fine in a CI log.
    expect(banner).not.toMatch(/\u001b/) // eslint-disable-line no-control-regex
  })
})
