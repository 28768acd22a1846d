/**
 * The sse node against a real local server that streams events: parsing (JSON
 * and text data, multi-line data, comments, CRLF, events split across
 * chunks), every stop reason, per-event assertions, declared outputs, the
 * memory caps, non-2xx answers, transport errors, cancellation, the SECRET_IN_URL
 * refusal, the call budget and the http_calls record. Flows run through the
 * engine (runFlow), as the CLI and the in-job runner run them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { chain, flowOf, jsonPath, node, out, type Json } from '../__fixtures__/flows.js'
import { runFlow } from '../src/engine/engine.js'
import type { FlowResult, NodeResult, RunFlowOptions } from '../src/engine/run/types.js'
import { runSse, SSE_MAX_LINE_BYTES } from '../src/engine/nodes/sse.js'
import { HttpCallLog } from '../src/engine/http/calls.js'
import { systemClock } from '../src/core/clock.js'
import type { NodeContext } from '../src/engine/run/types.js'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

const routes = new Map<string, Handler>()
const hits = new Map<string, number>()
const seenHeaders = new Map<string, http.IncomingHttpHeaders>()
const openResponses = new Set<http.ServerResponse>()
let server: http.Server
let base = ''
let closedPort = 0
let nextRoute = 0

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    seenHeaders.set(path, req.headers)
    const handler = routes.get(path)
    if (!handler) {
      res.writeHead(404)
      res.end()
      return
    }
    openResponses.add(res)
    res.on('close', () => openResponses.delete(res))
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const spare = http.createServer()
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve))
  closedPort = (spare.address() as AddressInfo).port
  await new Promise<void>((resolve) => spare.close(() => resolve()))
})

afterAll(async () => {
  for (const res of openResponses) res.destroy()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Registers a handler on a fresh path; returns the path. */
function route(handler: Handler): string {
  nextRoute += 1
  const path = `/r${nextRoute}`
  routes.set(path, handler)
  return path
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

interface StreamOptions {
  /** Delay before each frame, ms. */
  delayMs?: number
  /** Leave the response open after the last frame. */
  keepOpen?: boolean
  /** Called once every frame was written. */
  written?: () => void
}

/** A route that streams the frames (each written as one chunk). */
function stream(frames: string[], options: StreamOptions = {}): string {
  return route((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
    void (async () => {
      for (const frame of frames) {
        if (options.delayMs) await sleep(options.delayMs)
        if (res.destroyed) return
        res.write(frame)
      }
      options.written?.()
      if (!options.keepOpen) res.end()
    })()
  })
}

const data = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`

function sseNode(id: string, url: string, extra: Json = {}, more: Json = {}): Json {
  return node(id, 'sse', { url, ...extra }, more)
}

async function runOne(
  nodeDef: Json,
  options: RunFlowOptions = {},
  inputs: Json = {}
): Promise<{ result: FlowResult; sse: NodeResult }> {
  const flow = flowOf({ nodes: [nodeDef], edges: [], initialInputs: inputs })
  const result = await runFlow(flow, options)
  return { result, sse: result.execution_results[nodeDef.id as string]! }
}

describe('sse: events', () => {
  it('reads JSON and text events to the end of the stream', async () => {
    const path = stream([data({ seq: 1, status: 'ok' }), 'data: hello world\n\n', data([1, 2])])
    const { result, sse } = await runOne(sseNode('s', `${base}${path}`, { timeout_ms: 5000 }))
    expect(result.success).toBe(true)
    expect(sse.events).toEqual([{ seq: 1, status: 'ok' }, 'hello world', [1, 2]])
    expect(sse.event_count).toBe(3)
    expect(sse.stop_reason).toBe('eof')
    expect(sse.request_method).toBe('GET')
    expect(sse.request_url).toBe(`${base}${path}`)
    expect(typeof sse.duration_ms).toBe('number')
    expect(sse.outputs).toEqual({
      events: [{ seq: 1, status: 'ok' }, 'hello world', [1, 2]],
      count: 3,
      last: [1, 2]
    })
    expect(sse.error_code).toBeUndefined()
    expect(sse.assertion_results).toBeUndefined()
  })

  it('joins multi-line data with newlines, ignores comments, ids and retry, reads CRLF', async () => {
    const path = stream([
      ': keep-alive\n',
      'id: 7\nretry: 1000\ndata: line1\ndata: line2\n\n',
      'event: update\r\ndata: {"a":\r\ndata: 1}\r\n\r\n',
      'data:\n\n'
    ])
    const { sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.events).toEqual(['line1\nline2', { a: 1 }, ''])
    expect(sse.stop_reason).toBe('eof')
  })

  it('reassembles events split across chunks, even inside a UTF-8 character', async () => {
    const bytes = Buffer.from('data: {"name":"café"}\n\n', 'utf8')
    const cut = bytes.indexOf(0xc3) + 1 // between the two bytes of é
    const path = route((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      void (async () => {
        res.write(bytes.subarray(0, 5))
        await sleep(15)
        res.write(bytes.subarray(5, cut))
        await sleep(15)
        res.write(bytes.subarray(cut))
        res.end()
      })()
    })
    const { sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.events).toEqual([{ name: 'café' }])
  })

  it('drops an event the stream did not finish with a blank line', async () => {
    const path = stream([data(1), 'data: 2\n'])
    const { sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.events).toEqual([1])
    expect(sse.stop_reason).toBe('eof')
  })

  it('sends Accept: text/event-stream, the templated headers and URL, and a User-Agent', async () => {
    const path = stream([data({ ok: true })])
    const { result } = await runOne(
      sseNode('s', `${base}{{streamPath}}?q=1`, {
        method: 'get',
        headers: { Authorization: 'Bearer {{token}}', 'X-Trace': '{{trace}}' }
      }),
      { userAgent: 'test-agent' },
      { streamPath: path, token: 't0k', trace: 42 }
    )
    expect(result.success).toBe(true)
    const headers = seenHeaders.get(path)!
    expect(headers.accept).toBe('text/event-stream')
    expect(headers.authorization).toBe('Bearer t0k')
    expect(headers['x-trace']).toBe('42')
    expect(headers['user-agent']).toBe('test-agent')
    expect(result.execution_results.s!.request_url).toBe(`${base}${path}?q=1`)
  })

  it('sends another method without a body (Content-Length: 0)', async () => {
    let method = ''
    const path = route((req, res) => {
      method = req.method ?? ''
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.end(data(1))
    })
    const { sse } = await runOne(sseNode('s', `${base}${path}`, { method: 'post' }))
    expect(method).toBe('POST')
    expect(seenHeaders.get(path)!['content-length']).toBe('0')
    expect(sse.request_method).toBe('POST')
    expect(sse.events).toEqual([1])
  })

  it('lets the node override Accept', async () => {
    const path = stream([data(1)])
    await runOne(sseNode('s', `${base}${path}`, { headers: { accept: 'application/x-ndjson' } }))
    expect(seenHeaders.get(path)!.accept).toBe('application/x-ndjson')
  })
})

describe('sse: stop reasons', () => {
  it('max_events stops after that many events and closes the stream', async () => {
    let closed = false
    const path = route((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write(data(1) + data(2) + data(3) + data(4))
      res.on('close', () => (closed = true))
    })
    const { sse } = await runOne(sseNode('s', `${base}${path}`, { max_events: 2 }))
    expect(sse.events).toEqual([1, 2])
    expect(sse.stop_reason).toBe('max_events')
    expect(sse.outputs).toMatchObject({ count: 2, last: 2 })
    for (let i = 0; i < 100 && !closed; i += 1) await sleep(5)
    expect(closed).toBe(true)
  })

  it('accepts the camelCase twins', async () => {
    const path = stream([data(1), data(2), 'event: end\ndata: bye\n\n', data(4)], {
      keepOpen: true
    })
    const { sse } = await runOne(
      sseNode('s', `${base}${path}`, { maxEvents: 10, timeoutMs: 5000, completionEvent: 'end' })
    )
    expect(sse.events).toEqual([1, 2, 'bye'])
    expect(sse.stop_reason).toBe('completion_event')
  })

  it('completion_event matches the event type', async () => {
    const path = stream([data({ seq: 1 }), 'event: done\ndata: {"final":true}\n\n', data(3)], {
      keepOpen: true
    })
    const { sse } = await runOne(sseNode('s', `${base}${path}`, { completion_event: 'done' }))
    expect(sse.events).toEqual([{ seq: 1 }, { final: true }])
    expect(sse.stop_reason).toBe('completion_event')
  })

  it('completion_event matches the raw data', async () => {
    const path = stream([data(1), 'data: [DONE]\n\n', data(3)], { keepOpen: true })
    const { sse } = await runOne(sseNode('s', `${base}${path}`, { completion_event: '[DONE]' }))
    expect(sse.events).toEqual([1, '[DONE]'])
    expect(sse.stop_reason).toBe('completion_event')
  })

  it('the deadline is a clean stop with the events read so far', async () => {
    const path = stream([data(1)], { keepOpen: true })
    const started = Date.now()
    const { result, sse } = await runOne(sseNode('s', `${base}${path}`, { timeout_ms: 300 }))
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result.success).toBe(true)
    expect(sse.stop_reason).toBe('timeout')
    expect(sse.events).toEqual([1])
    expect(result.http_calls).toEqual([
      expect.objectContaining({ status_code: 200, node_id: 's', method: 'GET' })
    ])
  })

  it('a deadline before the answer is a clean stop with no events', async () => {
    const path = route((_req, res) => {
      const late = setTimeout(() => {
        if (!res.destroyed) res.writeHead(200).end()
      }, 3000)
      res.on('close', () => clearTimeout(late))
    })
    const { result, sse } = await runOne(sseNode('s', `${base}${path}`, { timeout_ms: 100 }))
    expect(result.success).toBe(true)
    expect(sse.stop_reason).toBe('timeout')
    expect(sse.events).toEqual([])
    expect(sse.outputs).toEqual({ events: [], count: 0, last: null })
    expect(result.http_calls![0]).toMatchObject({ error_class: 'timeout' })
    expect(result.http_calls![0]!.status_code).toBeUndefined()
  })
})

describe('sse: per-event assertions', () => {
  const statusOk = jsonPath('$.status', 'equals', 'ok')

  it('runs the assertions on each event; result index is the event index', async () => {
    const path = stream([data({ status: 'ok' }), data({ status: 'ok' }), data({ status: 'ok' })])
    const { result, sse } = await runOne(
      sseNode('s', `${base}${path}`, {}, { assertions: [statusOk] })
    )
    expect(result.success).toBe(true)
    expect(sse.assertion_results).toHaveLength(3)
    expect(sse.assertion_results!.map((r) => [r.index, r.passed])).toEqual([
      [0, true],
      [1, true],
      [2, true]
    ])
  })

  it('a failing event stops and fails the node (stop_on_assertion_failure default true)', async () => {
    const path = stream(
      [data({ seq: 1, status: 'ok' }), data({ seq: 2, status: 'bad' }), data({ seq: 3 })],
      { keepOpen: true }
    )
    const { result, sse } = await runOne(
      sseNode('s', `${base}${path}`, {}, { assertions: [statusOk] })
    )
    expect(result.success).toBe(false)
    expect(sse.error_code).toBe('SSE_FAILED')
    expect(sse.error_message).toBe(
      'event 1 assertion 0 failed: json_path equals expected=ok actual=bad'
    )
    expect(sse.stop_reason).toBe('assertion_failure')
    expect(sse.event_count).toBe(2)
    const last = sse.assertion_results!.at(-1)!
    expect(last).toMatchObject({ index: 1, passed: false, actual: 'bad', expected: 'ok' })
    // The events read are kept as outputs.
    expect(sse.outputs).toMatchObject({ count: 2, last: { seq: 2, status: 'bad' } })
  })

  it('with stop_on_assertion_failure false, failures are recorded and the stream goes on', async () => {
    const path = stream([data({ status: 'ok' }), data({ status: 'bad' }), data({ status: 'ok' })])
    const { result, sse } = await runOne(
      sseNode(
        's',
        `${base}${path}`,
        { stop_on_assertion_failure: false },
        { assertions: [statusOk] }
      )
    )
    expect(result.success).toBe(true)
    expect(sse.stop_reason).toBe('eof')
    expect(sse.event_count).toBe(3)
    expect(sse.assertion_results!.map((r) => r.passed)).toEqual([true, false, true])
  })

  it('resolves templates in expected values', async () => {
    const path = stream([data({ user: 'u1' })])
    const { result } = await runOne(
      sseNode('s', `${base}${path}`, {}, { assertions: [jsonPath('$.user', 'equals', '{{who}}')] }),
      {},
      { who: 'u1' }
    )
    expect(result.success).toBe(true)
    expect(result.execution_results.s!.assertion_results![0]).toMatchObject({
      expected: 'u1',
      passed: true
    })
  })

  it('declared outputs read the last event; intrinsic outputs feed later nodes', async () => {
    const path = stream([data({ seq: 1 }), data({ seq: 2 })])
    const flow = flowOf({
      nodes: [
        sseNode('s', `${base}${path}`, {}, { outputs: [out('lastSeq', '$.seq')] }),
        node('v', 'set_variable', {
          variables: { n: '{{{s.count}}}', seq: '{{{s.lastSeq}}}', first: '{{s.events.0.seq}}' }
        })
      ],
      edges: chain('s', 'v')
    })
    const result = await runFlow(flow)
    expect(result.success).toBe(true)
    expect(result.execution_results.s!.outputs).toMatchObject({ lastSeq: 2, count: 2 })
    expect(result.execution_results.v!.outputs).toEqual({ n: 2, seq: 2, first: '1' })
  })
})

describe('sse: failures', () => {
  it('a non-2xx answer fails with its status, and is recorded', async () => {
    const path = route((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'text/plain' })
      res.end('down')
    })
    const { result, sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.error_code).toBe('SSE_FAILED')
    expect(sse.error_message).toBe('SSE endpoint returned non-2xx status: 503')
    expect(result.http_calls).toEqual([
      expect.objectContaining({
        seq: 1,
        node_id: 's',
        method: 'GET',
        host: base.slice('http://'.length),
        path_template: path,
        status_code: 503,
        error_class: 'http_5xx'
      })
    ])
  })

  it('does not follow redirects', async () => {
    const target = stream([data(1)])
    const path = route((_req, res) => {
      res.writeHead(302, { Location: target })
      res.end()
    })
    const { sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.error_code).toBe('SSE_FAILED')
    expect(sse.error_message).toContain('302')
    expect(sse.error_message).toContain('redirects are not followed')
    expect(hits.get(target)).toBeUndefined()
  })

  it('a line longer than 1 MiB fails the node', async () => {
    const path = route((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write(data(1))
      // Without a line end: the node must stop before the line is complete.
      res.write(`data: ${'x'.repeat(SSE_MAX_LINE_BYTES + 10)}`)
    })
    const { result, sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.error_code).toBe('SSE_FAILED')
    expect(sse.error_message).toContain(`longer than ${SSE_MAX_LINE_BYTES} bytes`)
    expect(sse.events).toEqual([1])
    expect(result.http_calls![0]!.status_code).toBe(200)
  })

  it('a long line under the cap is fine', async () => {
    const big = 'y'.repeat(512 * 1024)
    const path = stream([`data: ${big}\n\n`])
    const { sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.error_code).toBeUndefined()
    expect(sse.events).toEqual([big])
  })

  it('the stream is capped by maxBodyBytes', async () => {
    const frames = Array.from({ length: 50 }, (_, i) => data({ i, pad: 'p'.repeat(80) }))
    const path = stream(frames)
    const { result, sse } = await runOne(sseNode('s', `${base}${path}`), { maxBodyBytes: 1000 })
    expect(sse.error_code).toBe('SSE_FAILED')
    expect(sse.error_message).toContain('1000-byte limit')
    expect(sse.event_count as number).toBeLessThan(50)
    expect(result.http_calls![0]!.response_bytes as number).toBeGreaterThan(1000)
  })

  it('a connection closed mid-stream fails the node', async () => {
    const path = route((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write(data(1))
      setTimeout(() => res.socket?.destroy(), 30)
    })
    const { sse } = await runOne(sseNode('s', `${base}${path}`))
    expect(sse.error_code).toBe('SSE_FAILED')
    expect(sse.error_message).toMatch(/SSE stream read error/)
    expect(sse.events).toEqual([1])
  })

  it('a refused connection is CONNECTION_REFUSED', async () => {
    const { result, sse } = await runOne(sseNode('s', `http://127.0.0.1:${closedPort}/stream`))
    expect(sse.error_code).toBe('CONNECTION_REFUSED')
    expect(result.http_calls![0]).toMatchObject({ error_class: 'connect' })
  })

  it('an invalid URL is refused before sending', async () => {
    const { result, sse } = await runOne(sseNode('s', 'ftp://example.test/x'))
    expect(sse.error_code).toBe('SSE_FAILED')
    expect(result.http_calls).toEqual([])
  })

  it('refuses a URL that holds a secret: nothing sent', async () => {
    const path = stream([data(1)])
    const { result, sse } = await runOne(
      sseNode('s', `${base}${path}?key={{apiKey}}`),
      { secretInputKeys: ['apiKey'] },
      { apiKey: 'sup3r-s3cret' }
    )
    expect(sse.error_code).toBe('SECRET_IN_URL')
    expect(hits.get(path)).toBeUndefined()
    expect(result.http_calls).toEqual([])
    expect(JSON.stringify(result)).not.toContain('sup3r-s3cret')
  })

  it('counts as one HTTP call; past the budget nothing is sent', async () => {
    const first = stream([data(1)])
    const second = stream([data(2)])
    const flow = flowOf({
      nodes: [sseNode('a', `${base}${first}`), sseNode('b', `${base}${second}`)],
      edges: chain('a', 'b')
    })
    const result = await runFlow(flow, { maxHttpCalls: 1 })
    expect(result.execution_results.a!.error_code).toBeUndefined()
    expect(result.execution_results.b!.error_code).toBe('HTTP_CALL_LIMIT_EXCEEDED')
    expect(hits.get(second)).toBeUndefined()
    expect(result.http_calls).toHaveLength(1)
    expect(result.http_calls![0]).toMatchObject({ seq: 1, node_id: 'a', response_bytes: 9 })
  })
})

describe('sse: cancellation', () => {
  it('ends the stream at once with CANCELLED', async () => {
    let written!: () => void
    const sent = new Promise<void>((resolve) => (written = resolve))
    let closed = false
    const path = stream([data(1)], { keepOpen: true, written: () => written() })
    const controller = new AbortController()
    const started = Date.now()
    const running = runOne(sseNode('s', `${base}${path}`, { timeout_ms: 20000 }), {
      signal: controller.signal
    })
    await sent
    await sleep(20)
    for (const res of openResponses) res.on('close', () => (closed = true))
    controller.abort()
    const { result, sse } = await running
    expect(Date.now() - started).toBeLessThan(5000)
    expect(sse.error_code).toBe('CANCELLED')
    expect(result.success).toBe(false)
    expect(result.http_calls).toHaveLength(1)
    for (let i = 0; i < 100 && !closed; i += 1) await sleep(5)
    expect(closed).toBe(true)
  })

  it('a signal aborted before the start sends nothing', async () => {
    const path = stream([data(1)])
    const controller = new AbortController()
    controller.abort()
    const calls = new HttpCallLog()
    const context = {
      node: {
        id: 's',
        displayName: 's',
        type: 'sse',
        runWhen: 'on_success',
        assertions: [],
        outputs: [],
        data: { url: `${base}${path}` }
      },
      resolve: (value: unknown) => value,
      signal: controller.signal,
      clock: systemClock,
      calls,
      secretValues: () => [],
      options: {}
    } as unknown as NodeContext
    const outcome = await runSse(context)
    expect(outcome.error?.code).toBe('CANCELLED')
    expect(calls.records()).toEqual([])
    expect(hits.get(path)).toBeUndefined()
  })
})
