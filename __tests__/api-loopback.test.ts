/**
 * The transport over real sockets (a server on 127.0.0.1), for what nock's mock
 * sockets cannot show: a stalled body, a server that never answers, a closed port.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient } from '../src/core/api/client.js'
import { EchopointError } from '../src/core/errors.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'

const KEY = 'epk_live_0123456789abcdef'
let server: http.Server
let base = ''
const seen: http.IncomingHttpHeaders[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers)
    if (req.url === '/api/flows/ok') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ id: 'ok', name: 'OK', tags: [] }))
    } else if (req.url?.startsWith('/api/flows/stall-body')) {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"id":') // and never finish
    }
    // Anything else: never answer.
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

function client(timeoutMs = 5000, apiUrl = base) {
  return createClient({
    apiUrl,
    apiKey: KEY,
    organizationId: 'org_1',
    clock: new FakeClock(),
    requestTimeoutMs: timeoutMs
  })
}

async function failure(promise: Promise<unknown>): Promise<EchopointError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(EchopointError)
  return error as EchopointError
}

describe('over a real socket', () => {
  it('sends the headers and reads the JSON answer', async () => {
    await expect(client().getFlow('ok')).resolves.toEqual({ id: 'ok', name: 'OK', tags: [] })
    expect(seen.at(-1)).toMatchObject({
      'x-api-key': KEY,
      'x-organization-id': 'org_1',
      'user-agent': 'echopoint-ci'
    })
  })

  it('times out a server that never answers (POST: one attempt)', async () => {
    const error = await failure(client(100).cancelExecution('silent', 'e'))
    expect(error.kind).toBe('network')
    expect(error.code).toBe('REQUEST_TIMEOUT')
  })

  it('times out a body that stalls halfway', async () => {
    const started = Date.now()
    const error = await failure(client(100).cancelExecution('stall-body', 'e'))
    expect(error.kind).toBe('network')
    expect(error.code).toBe('REQUEST_TIMEOUT')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('aborts a stalled body at once', async () => {
    const controller = new AbortController()
    const pending = failure(client().getFlow('stall-body', { signal: controller.signal }))
    setTimeout(() => controller.abort(), 50)
    expect((await pending).kind).toBe('cancelled')
  })

  it('maps a refused connection to a network error', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const error = await failure(client(1000, `http://127.0.0.1:${port}`).cancelExecution('f', 'e'))
    expect(error.kind).toBe('network')
    expect(error.code).toBe('ECONNREFUSED')
    expect(error.message).toMatch(/connection to 127\.0\.0\.1:\d+ was refused/)
  })
})
