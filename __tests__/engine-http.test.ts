/**
 * The HTTP layer of the request node, against a real local server: request
 * building (methods, headers, bodies, Content-Type, query), response reading
 * (JSON detection, cap), transport failures, cancellation, the call budget,
 * secrets in URLs and the http_calls record.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  DEFAULT_MAX_BODY_BYTES,
  HttpCallLog,
  sendRequest,
  type HttpOptions,
  type HttpOutcome,
  type HttpRequestSpec,
  type HttpResponseOutcome
} from '../src/engine/http/request.js'
import { classifyTransportError } from '../src/engine/http/errors.js'
import {
  canonicalHeaderName,
  encodeRequestBody,
  isJsonContentType
} from '../src/engine/http/body.js'
import { appendQuery, pathTemplate, urlContainsSecret } from '../src/engine/http/url.js'

interface Seen {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

const seen: Seen[] = []
let base = ''
let server: http.Server
let closedPort = 0

// Routes of the test server.
function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', 'http://x')
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
  const reply = (status: number, type: string | undefined, text: string): void => {
    if (type !== undefined) res.setHeader('Content-Type', type)
    res.writeHead(status)
    res.end(text)
  }
  switch (url.pathname) {
    case '/json':
      return reply(200, 'application/json; charset=utf-8', '{"id":7,"tags":["a"]}')
    case '/problem':
      return reply(422, 'application/problem+json', '{"title":"bad"}')
    case '/vnd':
      return reply(200, 'application/vnd.api+json', '[1,2]')
    case '/text':
      return reply(200, 'text/plain', '{"not":"parsed"}')
    case '/broken-json':
      return reply(200, 'application/json', '{oops')
    case '/empty':
      return reply(204, undefined, '')
    case '/empty-json':
      return reply(200, 'application/json', '')
    case '/status':
      return reply(Number(url.searchParams.get('code')), 'text/plain', 'status')
    case '/multi':
      res.setHeader('Set-Cookie', ['a=1', 'b=2'])
      res.setHeader('x-request-id', 'r1')
      return reply(200, 'text/plain', 'ok')
    case '/big': {
      // Streams far more than any cap used here, unless the client stops reading.
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
      const chunk = Buffer.alloc(64 * 1024, 120)
      let sent = 0
      const pump = (): void => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) {
            res.once('drain', pump)
            return
          }
        }
        res.end()
      }
      res.on('close', () => res.removeAllListeners('drain'))
      pump()
      return
    }
    case '/declared-big':
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(5000) })
      res.write('x')
      return // never finishes: the client must not wait for it
    case '/hang':
      return // never answers
    case '/trickle': {
      res.writeHead(200, { 'Content-Type': 'text/plain' })
      const timer = setInterval(() => res.write('.'), 5)
      res.on('close', () => clearInterval(timer))
      return
    }
    case '/cut':
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '100' })
      res.write('partial')
      setTimeout(() => res.socket?.destroy(), 5)
      return
    case '/redirect': {
      const code = Number(url.searchParams.get('code') ?? '302')
      res.writeHead(code, { Location: url.searchParams.get('to') ?? '/json' })
      res.end()
      return
    }
    case '/loop':
      res.writeHead(302, { Location: '/loop' })
      res.end()
      return
    default:
      return reply(200, 'text/plain', 'echo')
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // A port nothing listens on: bind, note, close.
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  closedPort = (probe.address() as AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function opts(extra: Partial<HttpOptions> = {}): HttpOptions {
  return { nodeId: 'n1', calls: new HttpCallLog(), ...extra }
}

async function send(
  spec: Partial<HttpRequestSpec>,
  extra: Partial<HttpOptions> = {}
): Promise<HttpOutcome> {
  return sendRequest({ method: 'GET', url: `${base}/`, ...spec }, opts(extra))
}

function response(outcome: HttpOutcome): HttpResponseOutcome {
  if (outcome.kind !== 'response')
    throw new Error(`expected a response, got ${JSON.stringify(outcome)}`)
  return outcome
}

function last(): Seen {
  return seen[seen.length - 1]!
}

describe('sending', () => {
  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('sends %s', async (method) => {
    const out = response(await send({ method, url: `${base}/m` }))
    expect(out.status).toBe(200)
    expect(last().method).toBe(method)
  })

  it('uppercases the method; empty means GET', async () => {
    response(await send({ method: 'post' }))
    expect(last().method).toBe('POST')
    response(await send({ method: '' }))
    expect(last().method).toBe('GET')
  })

  it('HEAD reads no body', async () => {
    const out = response(await send({ method: 'HEAD', url: `${base}/json` }))
    expect(out.bodyBytes.length).toBe(0)
    expect(out.body).toBe('')
  })

  it('sends the headers given, and a User-Agent unless one is given', async () => {
    response(await send({ headers: { 'X-Trace': 'abc', Accept: 'text/plain' } }))
    expect(last().headers['x-trace']).toBe('abc')
    expect(last().headers['accept']).toBe('text/plain')
    expect(last().headers['user-agent']).toBe('echopoint-ci')
    response(await send({ headers: { 'user-agent': 'mine/1' } }))
    expect(last().headers['user-agent']).toBe('mine/1')
  })

  it('an object body goes as JSON with application/json', async () => {
    const out = response(await send({ method: 'POST', body: { name: 'Ann', n: [1, 2] } }))
    expect(last().body).toBe('{"name":"Ann","n":[1,2]}')
    expect(last().headers['content-type']).toBe('application/json')
    expect(last().headers['content-length']).toBe(String(last().body.length))
    expect(out.requestBody).toBe('{"name":"Ann","n":[1,2]}')
    expect(out.requestHeaders).toEqual({ 'Content-Type': 'application/json' })
  })

  it('numbers, booleans and arrays are JSON bodies too', async () => {
    response(await send({ method: 'POST', body: 42 }))
    expect(last().body).toBe('42')
    expect(last().headers['content-type']).toBe('application/json')
    response(await send({ method: 'POST', body: [true] }))
    expect(last().body).toBe('[true]')
  })

  it('a string body is sent as is: JSON text gets application/json, other text no Content-Type', async () => {
    response(await send({ method: 'POST', body: '{"raw": 1}' }))
    expect(last().body).toBe('{"raw": 1}')
    expect(last().headers['content-type']).toBe('application/json')
    response(await send({ method: 'POST', body: 'name=Ann&x=1' }))
    expect(last().body).toBe('name=Ann&x=1')
    expect(last().headers['content-type']).toBeUndefined()
  })

  it('unicode bodies are sent as UTF-8 with the right length', async () => {
    response(await send({ method: 'POST', body: { city: 'Zürich ☃' } }))
    expect(last().body).toBe('{"city":"Zürich ☃"}')
    expect(Number(last().headers['content-length'])).toBe(Buffer.byteLength('{"city":"Zürich ☃"}'))
  })

  it("the user's Content-Type wins, whatever its case", async () => {
    const out = response(
      await send({
        method: 'POST',
        body: { a: 1 },
        headers: { 'content-TYPE': 'application/vnd.x+json' }
      })
    )
    expect(last().headers['content-type']).toBe('application/vnd.x+json')
    expect(out.requestHeaders).toEqual({ 'content-TYPE': 'application/vnd.x+json' })
  })

  it('null or absent body sends nothing and no Content-Type', async () => {
    response(await send({ method: 'POST', body: null }))
    expect(last().body).toBe('')
    expect(last().headers['content-type']).toBeUndefined()
  })

  it('a user Content-Length is ignored: the real length is sent', async () => {
    response(await send({ method: 'POST', body: 'abc', headers: { 'Content-Length': '99' } }))
    expect(last().headers['content-length']).toBe('3')
    expect(last().body).toBe('abc')
  })
})

describe('query parameters', () => {
  it('are URL-encoded and appended to an existing query', async () => {
    const out = response(
      await send({
        url: `${base}/q?fixed=1`,
        query: { q: 'a b&c=d', 'na me': 'ü€', n: 5, t: true, nil: null, arr: [1, 'x'] }
      })
    )
    const got = new URL(last().url, 'http://x').searchParams
    expect(got.get('fixed')).toBe('1')
    expect(got.get('q')).toBe('a b&c=d')
    expect(got.get('na me')).toBe('ü€')
    expect(got.get('n')).toBe('5')
    expect(got.get('t')).toBe('true')
    expect(got.get('nil')).toBe('')
    expect(got.get('arr')).toBe('[1,"x"]')
    expect(last().url).toContain('q=a%20b%26c%3Dd')
    expect(out.url).toBe(
      `${base}/q?fixed=1&q=a%20b%26c%3Dd&na%20me=%C3%BC%E2%82%AC&n=5&t=true&nil=&arr=%5B1%2C%22x%22%5D`
    )
  })

  it('appendQuery handles no query, a trailing ? or &, and a fragment', () => {
    expect(appendQuery('http://h/p', { a: '1' })).toBe('http://h/p?a=1')
    expect(appendQuery('http://h/p?', { a: '1' })).toBe('http://h/p?a=1')
    expect(appendQuery('http://h/p?x=1&', { a: '1' })).toBe('http://h/p?x=1&a=1')
    expect(appendQuery('http://h/p#frag', { a: '+' })).toBe('http://h/p?a=%2B#frag')
    expect(appendQuery('http://h/p', {})).toBe('http://h/p')
    expect(appendQuery('http://h/p', undefined)).toBe('http://h/p')
  })
})

describe('responses', () => {
  it('parses application/json', async () => {
    const out = response(await send({ url: `${base}/json` }))
    expect(out.body).toEqual({ id: 7, tags: ['a'] })
    expect(out.headers['Content-Type']).toEqual(['application/json; charset=utf-8'])
  })

  it('parses +json types and keeps the status (4xx is a response, not an error)', async () => {
    const problem = response(await send({ url: `${base}/problem` }))
    expect(problem.status).toBe(422)
    expect(problem.body).toEqual({ title: 'bad' })
    expect(response(await send({ url: `${base}/vnd` })).body).toEqual([1, 2])
  })

  it('keeps non-JSON types as text, and invalid JSON as text', async () => {
    expect(response(await send({ url: `${base}/text` })).body).toBe('{"not":"parsed"}')
    expect(response(await send({ url: `${base}/broken-json` })).body).toBe('{oops')
  })

  it('an empty body is the empty string', async () => {
    const none = response(await send({ url: `${base}/empty` }))
    expect(none.status).toBe(204)
    expect(none.body).toBe('')
    expect(response(await send({ url: `${base}/empty-json` })).body).toBe('')
  })

  it('500 is a response too', async () => {
    const out = response(await send({ url: `${base}/status?code=503` }))
    expect(out.status).toBe(503)
    expect(out.body).toBe('status')
  })

  it('keeps every value of a header, under Go-style canonical names', async () => {
    const out = response(await send({ url: `${base}/multi` }))
    expect(out.headers['Set-Cookie']).toEqual(['a=1', 'b=2'])
    expect(out.headers['X-Request-Id']).toEqual(['r1'])
  })

  it('JSON content types and header names (units)', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/problem+json')).toBe(true)
    expect(isJsonContentType('application/hal+json;v=2')).toBe(true)
    expect(isJsonContentType('text/json')).toBe(false)
    expect(isJsonContentType('text/plain')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
    expect(canonicalHeaderName('x-request-id')).toBe('X-Request-Id')
    expect(canonicalHeaderName('WWW-AUTHENTICATE')).toBe('Www-Authenticate')
    expect(encodeRequestBody(undefined)).toBeUndefined()
    expect(() => encodeRequestBody(10n)).toThrow()
  })
})

describe('redirects (followed as Go does)', () => {
  it('302 after POST becomes a GET without body', async () => {
    const out = response(
      await send({ method: 'POST', url: `${base}/redirect?code=302&to=/json`, body: { a: 1 } })
    )
    expect(out.status).toBe(200)
    expect(out.body).toEqual({ id: 7, tags: ['a'] })
    expect(out.redirects).toBe(1)
    expect(out.finalUrl).toBe(`${base}/json`)
    expect(last().method).toBe('GET')
    expect(last().body).toBe('')
    expect(last().headers['content-type']).toBeUndefined()
  })

  it('307 keeps the method and body', async () => {
    response(await send({ method: 'PUT', url: `${base}/redirect?code=307&to=/echo`, body: 'keep' }))
    expect(last().method).toBe('PUT')
    expect(last().body).toBe('keep')
  })

  it('stops after 10 redirects', async () => {
    const calls = new HttpCallLog()
    const out = await send({ url: `${base}/loop` }, { calls })
    expect(out).toMatchObject({
      kind: 'error',
      code: 'REQUEST_FAILED',
      message: 'stopped after 10 redirects'
    })
    expect(calls.records()).toHaveLength(1)
    expect(calls.records()[0]).toMatchObject({ status_code: 302 })
  })

  it('refuses a redirect that puts a secret in the URL', async () => {
    const to = encodeURIComponent('/json?token=s3cret')
    const out = await send({ url: `${base}/redirect?code=302&to=${to}` }, { secrets: ['s3cret'] })
    expect(out).toMatchObject({ kind: 'error', code: 'SECRET_IN_URL' })
    expect(JSON.stringify(out)).not.toContain('s3cret')
  })

  it('refuses a redirect to another host that would carry a secret header', async () => {
    const to = encodeURIComponent(`http://localhost:${new URL(base).port}/json`)
    const before = seen.length
    const out = await send(
      { url: `${base}/redirect?code=302&to=${to}`, headers: { 'X-Token': 's3cret' } },
      { secrets: ['s3cret'] }
    )
    expect(out).toMatchObject({ kind: 'error', code: 'SECRET_HOST_NOT_ALLOWED' })
    expect(seen.length).toBe(before + 1)
  })

  it('drops Authorization on a redirect to another host', async () => {
    const to = encodeURIComponent(`http://localhost:${new URL(base).port}/json`)
    response(
      await send({
        url: `${base}/redirect?to=${to}`,
        headers: { Authorization: 'Bearer x', 'X-Keep': '1' }
      })
    )
    expect(last().headers['authorization']).toBeUndefined()
    expect(last().headers['x-keep']).toBe('1')
    response(
      await send({ url: `${base}/redirect?to=/json`, headers: { Authorization: 'Bearer x' } })
    )
    expect(last().headers['authorization']).toBe('Bearer x')
  })
})

describe('limits and failures', () => {
  it('stops reading past the body cap and fails with RESPONSE_TOO_LARGE', async () => {
    const calls = new HttpCallLog()
    const cap = 256 * 1024
    const out = await send({ url: `${base}/big` }, { maxBodyBytes: cap, calls })
    expect(out).toMatchObject({ kind: 'error', code: 'RESPONSE_TOO_LARGE', status: 200 })
    const record = calls.records()[0]!
    expect(record.status_code).toBe(200)
    // Stopped within one chunk of the cap, far below the 64 MiB offered.
    expect(record.response_bytes).toBeGreaterThan(cap)
    expect(record.response_bytes).toBeLessThan(cap + 128 * 1024)
  })

  it('a declared Content-Length over the cap fails at once', async () => {
    const out = await send({ url: `${base}/declared-big`, timeoutMs: 2000 }, { maxBodyBytes: 1000 })
    expect(out).toMatchObject({ kind: 'error', code: 'RESPONSE_TOO_LARGE' })
    expect(out.durationMs).toBeLessThan(1000)
  })

  it('the default cap is 10 MiB', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(10 * 1024 * 1024)
  })

  it('times out while the server never answers', async () => {
    const calls = new HttpCallLog()
    const out = await send({ url: `${base}/hang`, timeoutMs: 40 }, { calls })
    expect(out).toMatchObject({ kind: 'error', code: 'REQUEST_TIMEOUT' })
    expect(out.durationMs).toBeLessThan(1000)
    expect(calls.records()[0]).toMatchObject({ error_class: 'timeout' })
    expect(calls.records()[0]!.status_code).toBeUndefined()
  })

  it('the timeout covers the whole body: a trickling body times out', async () => {
    const calls = new HttpCallLog()
    const out = await send({ url: `${base}/trickle`, timeoutMs: 60 }, { calls })
    expect(out).toMatchObject({ kind: 'error', code: 'REQUEST_TIMEOUT', status: 200 })
    expect(calls.records()[0]).toMatchObject({ status_code: 200, error_class: 'timeout' })
    expect(calls.records()[0]!.response_bytes).toBeGreaterThan(0)
  })

  it('a refused connection is CONNECTION_REFUSED', async () => {
    const calls = new HttpCallLog()
    const out = await send({ url: `http://127.0.0.1:${closedPort}/x` }, { calls })
    expect(out).toMatchObject({
      kind: 'error',
      code: 'CONNECTION_REFUSED',
      message: `Connection refused by 127.0.0.1:${closedPort}`
    })
    expect(calls.records()[0]).toMatchObject({ error_class: 'connect' })
  })

  it('an unresolvable host is DNS_RESOLUTION_FAILED', async () => {
    const calls = new HttpCallLog()
    const out = await send({ url: 'http://no-such-host.invalid/x', timeoutMs: 5000 }, { calls })
    expect(out).toMatchObject({ kind: 'error', code: 'DNS_RESOLUTION_FAILED' })
    expect(calls.records()[0]).toMatchObject({ error_class: 'dns', host: 'no-such-host.invalid' })
  })

  it('HTTPS to a plain HTTP server is TLS_ERROR', async () => {
    const out = await send({ url: base.replace('http:', 'https:') + '/json', timeoutMs: 2000 })
    expect(out).toMatchObject({ kind: 'error', code: 'TLS_ERROR' })
  })

  it('a connection cut mid-body is REQUEST_FAILED', async () => {
    const out = await send({ url: `${base}/cut`, timeoutMs: 2000 })
    expect(out).toMatchObject({ kind: 'error', code: 'REQUEST_FAILED', status: 200 })
  })

  it('invalid requests are refused without sending', async () => {
    const calls = new HttpCallLog()
    const specs: Array<Partial<HttpRequestSpec>> = [
      { url: 'not a url' },
      { url: 'ftp://h/x' },
      { url: '' },
      { method: 'GE T' },
      { headers: { 'Bad Name': 'x' } },
      { headers: { 'X-A': 'line\nbreak' } },
      { method: 'POST', body: { n: 1n } }
    ]
    for (const spec of specs) {
      expect(await send(spec, { calls })).toMatchObject({ kind: 'error', code: 'INVALID_REQUEST' })
    }
    expect(calls.sent).toBe(0)
  })

  it('transport error classification (units)', () => {
    expect(
      classifyTransportError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), 'h:1')
    ).toMatchObject({
      code: 'CONNECTION_FAILED',
      errorClass: 'connect'
    })
    expect(
      classifyTransportError(Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' }), 'h')
    ).toMatchObject({
      code: 'TLS_ERROR'
    })
    expect(classifyTransportError(new Error('weird'), 'h')).toEqual({
      code: 'REQUEST_FAILED',
      message: 'weird'
    })
  })
})

describe('cancellation', () => {
  it('an abort mid-body stops the request and is "cancelled", not an error', async () => {
    const controller = new AbortController()
    const calls = new HttpCallLog()
    const pending = send(
      { url: `${base}/trickle`, timeoutMs: 5000 },
      { signal: controller.signal, calls }
    )
    setTimeout(() => controller.abort(), 30)
    const out = await pending
    expect(out.kind).toBe('cancelled')
    expect(out.durationMs).toBeLessThan(1000)
    expect(calls.records()[0]).toMatchObject({ status_code: 200 })
    expect(calls.records()[0]!.error_class).toBeUndefined()
  })

  it('an abort while waiting for headers is "cancelled"', async () => {
    const controller = new AbortController()
    const pending = send({ url: `${base}/hang`, timeoutMs: 5000 }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    expect((await pending).kind).toBe('cancelled')
  })

  it('an already aborted signal sends nothing', async () => {
    const calls = new HttpCallLog()
    const before = seen.length
    const out = await send({}, { signal: AbortSignal.abort(), calls })
    expect(out.kind).toBe('cancelled')
    expect(seen.length).toBe(before)
    expect(calls.sent).toBe(0)
  })
})

describe('call budget and secrets', () => {
  it('the call past max_http_calls_per_execution is not sent', async () => {
    const calls = new HttpCallLog(2)
    response(await send({}, { calls }))
    response(await send({}, { calls }))
    const before = seen.length
    const out = await send({}, { calls })
    expect(out).toMatchObject({ kind: 'error', code: 'HTTP_CALL_LIMIT_EXCEEDED' })
    expect(seen.length).toBe(before)
    expect(calls.records().map((r) => r.seq)).toEqual([1, 2])
  })

  it('0 or no limit means none', () => {
    expect(new HttpCallLog(0).limit).toBe(0)
    const log = new HttpCallLog()
    for (let i = 0; i < 100; i++) expect(log.reserve()).toBe(i + 1)
  })

  it.each([
    ['raw in the path', (b: string) => `${b}/users/s3cr3t value`],
    ['raw in the query', (b: string) => `${b}/x?k=s3cr3t value`],
    ['percent-encoded', (b: string) => `${b}/x?k=s3cr3t%20value`],
    ['form-encoded', (b: string) => `${b}/x?k=s3cr3t+value`],
    ['lowercase hex', (b: string) => `${b}/x?k=s3cr3t%20value`.toLowerCase()]
  ])('a secret in the URL (%s) is refused and not sent', async (_label, make) => {
    const before = seen.length
    const calls = new HttpCallLog()
    const out = await send({ url: make(base) }, { secrets: ['s3cr3t value', ''], calls })
    expect(out).toMatchObject({ kind: 'error', code: 'SECRET_IN_URL' })
    expect(JSON.stringify(out)).not.toContain('s3cr3t')
    expect(seen.length).toBe(before)
    expect(calls.sent).toBe(0)
  })

  it('a secret that query encoding would hide is still found', async () => {
    const out = await send({ url: `${base}/x`, query: { token: 'a&b/c' } }, { secrets: ['a&b/c'] })
    expect(out).toMatchObject({ kind: 'error', code: 'SECRET_IN_URL' })
    expect(urlContainsSecret('http://h/x', ['a&b/c'])).toBe(false)
  })

  it('secrets in headers and body are sent (the caller redacts)', async () => {
    response(
      await send(
        { method: 'POST', headers: { Authorization: 'Bearer tok' }, body: { p: 'tok' } },
        { secrets: ['tok'] }
      )
    )
    expect(last().headers['authorization']).toBe('Bearer tok')
  })
})

describe('the http_calls record', () => {
  it('has every field, with the path template rather than resolved values', async () => {
    let clock = Date.parse('2025-01-02T03:04:05.000Z')
    const calls = new HttpCallLog()
    const out = response(
      await sendRequest(
        { method: 'post', url: `${base}/users/42?x=1`, body: { a: 1 } },
        {
          nodeId: 'create',
          urlTemplate: '{{base}}/users/{{create.userId}}?x={{x}}',
          calls,
          now: () => (clock += 5)
        }
      )
    )
    expect(out.call).toEqual({
      seq: 1,
      node_id: 'create',
      method: 'POST',
      host: new URL(base).host,
      path_template: '/users/{{create.userId}}',
      status_code: 200,
      started_at: '2025-01-02T03:04:05.010Z',
      duration_ms: expect.any(Number),
      response_bytes: 4
    })
    expect(calls.records()).toEqual([out.call])
  })

  it('records 4xx and 5xx as error classes', async () => {
    const calls = new HttpCallLog()
    await send({ url: `${base}/status?code=404` }, { calls })
    await send({ url: `${base}/status?code=500` }, { calls })
    await send({ url: `${base}/status?code=201` }, { calls })
    expect(calls.records().map((r) => [r.seq, r.status_code, r.error_class])).toEqual([
      [1, 404, 'http_4xx'],
      [2, 500, 'http_5xx'],
      [3, 201, undefined]
    ])
  })

  it('path_template from templates and fallbacks (units)', () => {
    const u = new URL('https://api.test/users/42?x=1')
    expect(pathTemplate('https://api.test/users/{{id}}', u)).toBe('/users/{{id}}')
    expect(pathTemplate('https://{{host}}/v1/{{a.b}}/x#f', u)).toBe('/v1/{{a.b}}/x')
    expect(pathTemplate('{{base_url}}/users/{{id}}?q={{q}}', u)).toBe('/users/{{id}}')
    expect(pathTemplate('{{full_url}}', u)).toBe('/users/42')
    expect(pathTemplate('https://api.test', u)).toBe('/users/42')
    expect(pathTemplate(undefined, u)).toBe('/users/42')
    expect(pathTemplate('/relative/{{id}}', u)).toBe('/relative/{{id}}')
  })
})
