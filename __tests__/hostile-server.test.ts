/**
 * Hostile API data, end to end: the bundled action (and the CLI) against the
 * real sandbox with a layer that rewrites its answers (__fixtures__/hostile.ts).
 * Server text is data: never a workflow command in the log, never the key in
 * anything a person or another step reads, never taken for an answer about
 * something else, never unbounded, never a reason to hang. Every run also goes
 * through run-dist's leak scan (the key in any written form fails it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ResultsDocument } from '../src/core/run/results.js'
import {
  passThrough,
  startSandbox,
  type Sandbox,
  type SandboxResponse
} from '../src/sandbox/index.js'
import { FLOWS } from '../__fixtures__/sandbox-http.js'
import {
  forgedCommands,
  hostileLayer,
  INJECTIONS,
  type HostileOptions,
  type Json
} from '../__fixtures__/hostile.js'
import { runAction, runCli, type DistRun } from '../__fixtures__/run-dist.js'

/** What no line of output may hold: CR, VT, ESC (terminal codes), NEL, LS, PS. */
// eslint-disable-next-line no-control-regex
const BREAKING = /[\r\u000b\u001b\u0085\u2028\u2029]/

/** A key of a shape the fixture format would not take: Markdown, HTML and JSON all escape parts of it. */
const KEY = 'hk*9|zz~Q<&>"le\\ak_me_2024'

let sandbox: Sandbox
let tmp: string

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 0.02 })
  tmp = await mkdtemp(join(tmpdir(), 'echopoint-hostile-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(tmp, { recursive: true, force: true })
})
afterEach(() => {
  sandbox.pipeline.use('faults', passThrough('faults'))
  sandbox.requestLog.clear()
})

function hostile(options: HostileOptions): void {
  sandbox.pipeline.use(
    'faults',
    hostileLayer({ aliasKey: { presented: KEY, real: sandbox.apiKey }, ...options })
  )
}

function inputs(extra: Record<string, string>): Record<string, string> {
  return {
    'api-key': KEY,
    'organization-id': sandbox.organizationId,
    'api-url': sandbox.url,
    ...extra
  }
}

function cliEnv(): Record<string, string> {
  return {
    ECHOPOINT_API_KEY: KEY,
    ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
    ECHOPOINT_API_URL: sandbox.url
  }
}

function results(run: DistRun): ResultsDocument {
  return JSON.parse(run.outputs['results-json']) as ResultsDocument
}

/** Appends the next payload of `payloads` to text, round robin. */
function cycler(payloads: readonly string[]): (text: string) => string {
  let i = 0
  return (text) => `${text}${payloads[i++ % payloads.length]}`
}

/** Rewrites every string the report shows: flow names, execution errors, node names, errors, assertions. */
function taint(add: (text: string) => string): HostileOptions['rewrite'] {
  const execution = (e: Json): Json => ({
    ...e,
    error_message: add(String(e.error_message ?? 'failed'))
  })
  return {
    'flows.search': (b) => ({
      ...b,
      items: b.items.map((f: Json) => ({ ...f, name: add(f.name) }))
    }),
    'flows.get': (f) => ({ ...f, name: add(f.name) }),
    'executions.get': (e) => (e.status === 'failed' ? execution(e) : e),
    'executions.list': (b) => ({
      ...b,
      items: b.items.map((e: Json) => (e.status === 'failed' ? execution(e) : e))
    }),
    'executions.nodes': (nodes) =>
      nodes.map((n: Json) => ({
        ...n,
        display_name: add(n.display_name),
        error_message: add('node failed'),
        result: {
          ...n.result,
          assertion_results: (n.result?.assertion_results ?? []).map((a: Json) => ({
            ...a,
            actual: add('got'),
            error: add('mismatch')
          }))
        }
      }))
  }
}

describe('workflow-command injection: server text never starts a command', () => {
  it('the action: names, messages, node results and error bodies, every payload shape', async () => {
    const add = cycler(INJECTIONS)
    let searches = 0
    const rewrite = taint(add) ?? {}
    const nodes = rewrite['executions.nodes']
    // Every report names the failed node: the legacy form goes there for certain.
    rewrite['executions.nodes'] = async (body, ctx) =>
      ((await nodes?.(body, ctx)) as Json[]).map((n: Json) => ({
        ...n,
        display_name: `${n.display_name} ##[error]FORGED-legacy`
      }))
    hostile({
      rewrite,
      // The first search fails with a message full of commands (it is retried).
      answer: (ctx): SandboxResponse | undefined =>
        ctx.path === '/flows/search' && searches++ === 0
          ? {
              status: 503,
              headers: { 'Retry-After': '0' },
              body: { errors: [{ code: 'UNAVAILABLE', message: `busy${INJECTIONS[0]}` }] }
            }
          : undefined
    })
    const run = await runAction(
      inputs({ tags: 'regression', 'junit-path': join(tmp, 'inject.xml') })
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(forgedCommands(run.stdout, [KEY])).toEqual([])
    // The payloads did reach the log, defused: flattened into the line, `##[` broken.
    expect(run.stdout).toContain('::error::FORGED-lf')
    expect(run.stdout).toContain('## [error]FORGED-legacy')
    expect(run.stdout).not.toMatch(BREAKING)
  })

  it('the CLI: its log lines, its table and its JSON document', async () => {
    hostile({ rewrite: taint(cycler(INJECTIONS)) })
    for (const output of ['table', 'json']) {
      const run = await runCli(['run', '--tag', 'regression', '--output', output], {
        env: { ...cliEnv(), GITHUB_ACTIONS: 'true', CI: 'true' }
      })
      expect(run.exitCode).toBe(1)
      expect(forgedCommands(`${run.stdout}\n${run.stderr}`, [])).toEqual([])
      expect(run.stdout + run.stderr).not.toMatch(BREAKING)
      if (output === 'json') {
        const doc = JSON.parse(run.stdout) as ResultsDocument
        // \u0023 keeps the document what it was: only the bytes on the wire changed.
        expect(doc.flows.some((f) => f.flow_name.includes('##[error]FORGED-legacy'))).toBe(true)
      }
    }
  })

  it('an input cannot do it either: junit-path with a line break fails as an input error', async () => {
    const run = await runAction(
      inputs({ tags: 'smoke', 'junit-path': 'report.xml\n::add-mask::passed' })
    )
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toContain('Invalid junit-path')
    expect(forgedCommands(run.stdout, [KEY])).toEqual([])
    expect(sandbox.requestLog.entries()).toEqual([])
  })
})

describe('an echoed key is hidden everywhere (leak scan of every form on every run)', () => {
  it('in flow names, execution and node errors, assertion values', async () => {
    hostile({ rewrite: taint((text) => `${text} [${KEY}]`) })
    const run = await runAction(inputs({ tags: 'regression', 'junit-path': join(tmp, 'k.xml') }))
    expect(run.outputs.status).toBe('failed')
    // Echoed, and hidden: the report shows *** where the key was.
    expect(results(run).flows[0].flow_name).toMatch(/ \[\*\*\*\]$/)
    expect(run.files.junit).toContain('[***]')
    expect(run.summary).toContain('\\*\\*\\*')
  })

  it('in organization_id, expires_at and the expiry header', async () => {
    hostile({
      rewrite: { 'keys.self': (b) => ({ ...b, organization_id: `org ${KEY}`, expires_at: KEY }) },
      headers: { 'keys.self': { 'X-Api-Key-Expires-At': KEY } }
    })
    const run = await runAction(inputs({ tags: 'smoke' }))
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toContain('The API key belongs to organization org ***')
    expect(run.outputs['key-expires-at']).toBe('')
  })

  it('in an execution id: not an identifier, so the flow is an error', async () => {
    hostile({
      rewrite: {
        'flows.launch': (b, ctx) =>
          ctx.path.includes(FLOWS.login) ? { execution: { ...b.execution, id: KEY } } : b
      }
    })
    const run = await runAction(inputs({ 'flow-ids': `${FLOWS.login},${FLOWS.health}` }))
    const doc = results(run)
    expect(doc.flows.map((f) => f.status)).toEqual(['error', 'passed'])
    expect(doc.flows[0].error_message).toMatch(/execution\.id is not an identifier/)
  })
})

describe('identities must match what was asked', () => {
  it('GET /flows/{id} answering another flow: an error, nothing launched', async () => {
    hostile({ rewrite: { 'flows.get': (f) => ({ ...f, id: FLOWS.checkout }) } })
    const run = await runAction(inputs({ 'flow-ids': FLOWS.login }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toContain(
      `asked for flow ${FLOWS.login}, the API answered with flow ${FLOWS.checkout}`
    )
    expect(sandbox.requestLog.launches()).toEqual([])
  })

  it('a search answering a flow without the tags: an error, nothing launched', async () => {
    hostile({
      rewrite: {
        'flows.search': (b) => ({
          ...b,
          items: b.items.map((f: Json, i: number) => (i === 0 ? { ...f, tags: ['other'] } : f))
        })
      }
    })
    const run = await runAction(inputs({ tags: 'smoke' }))
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/whose tags \(other\) do not match any of smoke/)
    expect(sandbox.requestLog.launches()).toEqual([])
  })

  it('a launch answering an execution of another flow: that flow is an error', async () => {
    hostile({
      rewrite: {
        'flows.launch': (b, ctx) =>
          ctx.path.includes(FLOWS.login)
            ? { execution: { ...b.execution, flow_id: FLOWS.checkout } }
            : b
      }
    })
    const run = await runAction(inputs({ 'flow-ids': `${FLOWS.login},${FLOWS.health}` }))
    expect(run.outputs.status).toBe('error')
    const doc = results(run)
    expect(doc.flows.map((f) => f.status)).toEqual(['error', 'passed'])
    expect(doc.flows[0].error_message).toContain(
      `asked for an execution of flow ${FLOWS.login}, the API answered with an execution of flow ${FLOWS.checkout}`
    )
  })

  it('a poll answering another execution: that flow is an error, never a pass', async () => {
    hostile({
      rewrite: {
        // The listing never shows ours, so each execution is polled on its own.
        'executions.list': (b) => ({ ...b, items: [], total: 0 }),
        'executions.get': (e) => ({ ...e, id: randomUUID(), status: 'completed' })
      }
    })
    const run = await runAction(inputs({ 'flow-ids': FLOWS.health }))
    expect(run.outputs.status).toBe('error')
    expect(results(run).flows[0].error_message).toMatch(
      /Stopped following execution .*: GET .*: asked for execution .*, the API answered with execution/
    )
  })

  it('node results of another execution: the flow keeps its failure, the report says why it has no detail', async () => {
    hostile({
      rewrite: {
        'executions.nodes': (nodes) =>
          nodes.map((n: Json) => ({ ...n, execution_id: randomUUID() }))
      }
    })
    const run = await runAction(inputs({ 'flow-ids': FLOWS.orderHistory }))
    const [flow] = results(run).flows
    expect(flow.status).toBe('failed')
    expect(flow.nodes).toEqual([])
    expect(flow.error_message).toMatch(
      /its node results could not be read: .*execution_id is not the execution asked for/
    )
  })
})

describe('the contract as published', () => {
  it('a 409 on launch is a reused idempotency key, whatever code the body names', async () => {
    hostile({
      answer: (ctx) =>
        ctx.path.endsWith('/launch')
          ? {
              status: 409,
              headers: {},
              body: { errors: [{ code: 'CONFLICT', message: 'Conflict' }] }
            }
          : undefined
    })
    const run = await runAction(
      inputs({ 'flow-ids': FLOWS.health, 'idempotency-key': 'release-42' })
    )
    const [flow] = results(run).flows
    expect(flow.status).toBe('error')
    expect(flow.error_message).toBe(
      'Could not launch "API health check": the Idempotency-Key release-42 was already used with other launch parameters (HTTP 409)'
    )
    expect(run.stdout).toContain('Use a new idempotency-key')
  })
})

describe('malformed answers after launch end the run promptly, reported and cancelled', () => {
  const cases: [string, HostileOptions['rewrite']][] = [
    ['node results [null]', { 'executions.nodes': () => [null] }],
    [
      'assertion_results [null]',
      {
        'executions.nodes': (nodes) =>
          nodes.map((n: Json) => ({ ...n, result: { assertion_results: [null] } }))
      }
    ],
    [
      'a node name that is a number',
      { 'executions.nodes': (nodes) => nodes.map((n: Json) => ({ ...n, display_name: 42 })) }
    ],
    [
      'an execution status that is a number',
      {
        'executions.get': (e) => ({ ...e, status: 42 }),
        'executions.list': (b) => ({
          ...b,
          items: b.items.map((e: Json) => ({ ...e, status: 42 }))
        })
      }
    ]
  ]
  it.each(cases)('%s', async (_label, rewrite) => {
    hostile({ rewrite })
    // The default timeout (15 minutes): the run must not wait for it.
    const run = await runAction(inputs({ tags: 'regression' }), { killAfterMs: 20_000 })
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    const doc = results(run)
    expect(doc.duration_ms).toBeLessThan(10_000)
    expect(doc.counts.total).toBe(4)
    expect(JSON.parse(run.outputs['execution-ids'])).toHaveLength(4)
    const broken = doc.flows.filter((f) => f.status !== 'passed')
    expect(broken.length).toBeGreaterThan(0)
    for (const flow of broken) {
      expect(flow.error_message ?? '').toMatch(/does not match the Echopoint API/)
    }
    if (_label.includes('status')) {
      // Given up on, so cancelled (or found already ended): nothing is left unwatched.
      const cancels = sandbox.requestLog.filter((e) => e.routeId === 'executions.cancel')
      expect(cancels).toHaveLength(4)
    }
  })
})

describe('unbounded strings are cut where they are read', () => {
  it('megabyte names and messages: outputs and summary under GitHub’s limits, the log small', async () => {
    const big = (tag: string): string => `${tag}${'x'.repeat(2_000_000)}`
    hostile({
      rewrite: {
        'flows.search': (b) => ({
          ...b,
          items: b.items.map((f: Json) => ({ ...f, name: big(f.name) }))
        }),
        'executions.nodes': (nodes) =>
          nodes.map((n: Json) => ({
            ...n,
            display_name: big('node'),
            error_message: big('error'),
            result: {
              assertion_results: [
                {
                  index: 0,
                  extractor: 'body',
                  operator: 'equals',
                  expected: big('e'),
                  actual: { deep: big('a') },
                  passed: false
                }
              ]
            }
          }))
      }
    })
    const run = await runAction(inputs({ tags: 'regression', 'junit-path': join(tmp, 'big.xml') }))
    expect(run.outputs.status).toBe('failed')
    for (const [name, value] of Object.entries(run.outputs)) {
      expect([name, Buffer.byteLength(value) < 1_000_000]).toEqual([name, true])
    }
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
    expect(run.stdout.length).toBeLessThan(200_000)
    const doc = results(run)
    for (const flow of doc.flows) expect(flow.flow_name.length).toBeLessThanOrEqual(256)
    expect(run.files.junit.length).toBeLessThan(500_000)
  })
})

describe('diagnostics say what the server said', () => {
  it('an unknown execution status is logged once, and never a pass', async () => {
    let polls = 0
    const queued = (e: Json): Json => (polls++ < 3 ? { ...e, status: 'queued_for_gpu' } : e)
    hostile({
      rewrite: {
        'flows.launch': (b) => ({ execution: { ...b.execution, status: 'queued_for_gpu' } }),
        'executions.get': queued,
        'executions.list': (b) => ({ ...b, items: b.items.map(queued) })
      }
    })
    const run = await runAction(inputs({ 'flow-ids': FLOWS.health }))
    expect(run.outputs.status).toBe('passed')
    const said = run.stdout.split('\n').filter((l) => l.includes('reports status "queued_for_gpu"'))
    expect(said).toHaveLength(1)
    expect(said[0]).toMatch(/^::warning::/)
  })
})

describe('cancels are concurrent and bounded: a timed-out step ends within its timeout', () => {
  it('one cancel that never answers holds up no other', async () => {
    // Flows that last minutes: the 4 s timeout passes with every one still running.
    const slow = await startSandbox({ timeScale: 100 })
    let release: () => void = () => undefined
    const never = new Promise<void>((resolve) => (release = resolve))
    let held: string | undefined
    slow.pipeline.use(
      'faults',
      hostileLayer({
        hold: (ctx) => {
          if (!ctx.path.endsWith('/cancel')) return undefined
          held ??= ctx.path
          return ctx.path === held ? never : undefined
        }
      })
    )
    try {
      const run = await runAction({
        'api-key': slow.apiKey,
        'organization-id': slow.organizationId,
        'api-url': slow.url,
        tags: 'smoke',
        timeout: '4s'
      })
      const doc = results(run)
      expect(doc.status).toBe('timed_out')
      expect(doc.duration_ms).toBeLessThanOrEqual(4000)
      const states = slow.state.listExecutions().map((e) => e.status)
      expect(states.filter((s) => s === 'cancelled')).toHaveLength(3)
      const stuck = doc.flows.filter((f) => /could not be cancelled/.test(f.error_message ?? ''))
      expect(stuck).toHaveLength(1)
      expect(held).toContain(stuck[0].execution_id)
    } finally {
      release()
      await slow.close()
    }
  })
})

describe('a proxy that wants credentials', () => {
  let proxy: Server
  let port: number
  beforeAll(async () => {
    proxy = createServer((socket) => {
      socket.once('data', () =>
        socket.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n'
        )
      )
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    port = (proxy.address() as { port: number }).port
  })
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())))

  it('is reported as a 407 with what to do, not as a reset connection', async () => {
    const run = await runCli(['whoami'], {
      env: {
        ECHOPOINT_API_KEY: 'epk_live_0123456789abcdef',
        ECHOPOINT_API_URL: 'https://api.echopoint.test',
        HTTPS_PROXY: `http://127.0.0.1:${port}`,
        NO_PROXY: ''
      }
    })
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('407 Proxy Authentication Required')
    expect(run.stderr).toContain('HTTPS_PROXY')
    expect(run.stderr).not.toContain('ECONNRESET')
  })
})
