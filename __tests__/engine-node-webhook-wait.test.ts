/**
 * The webhook_wait node over a scripted source of captured requests and a
 * fake clock (polls take no real time): the first matching request, headers,
 * query parameters and bodies as subjects, the timeout, cancellation, read
 * failures, and the `expect` groups (assignment, min/max, settle, the node's
 * checks on every claimed request, unresolved references, closest events).
 * Flows run through the engine where validation allows; the rest call the
 * runner with a hand-built context.
 */
import { describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { chain, flowOf, jsonPath, node, out, type Json } from '../__fixtures__/flows.js'
import { runFlow } from '../src/engine/engine.js'
import { parseFlow } from '../src/engine/flow/parse.js'
import { HttpCallLog } from '../src/engine/http/calls.js'
import { runWebhookWait } from '../src/engine/nodes/webhook-wait.js'
import { TemplateError } from '../src/engine/templates.js'
import type {
  CapturedRequest,
  FlowResult,
  NodeContext,
  NodeOutcome,
  NodeResult,
  RunFlowOptions,
  WebhookSource
} from '../src/engine/run/types.js'

const RECEIVED_AT = '2026-09-04T12:00:00Z'

function captured(
  id: string,
  body: string | null,
  extra: Partial<CapturedRequest> = {}
): CapturedRequest {
  return {
    id,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    query_params: {},
    body,
    received_at: RECEIVED_AT,
    ...extra
  }
}

function event(id: string, type: string, invitationId: string): CapturedRequest {
  return captured(id, JSON.stringify({ type, data: { invitation_id: invitationId } }), {
    headers: { 'webhook-signature': 'v1,abc' }
  })
}

/** A source answering each read with the next batch, then the last one again. */
function batches(...lists: CapturedRequest[][]): WebhookSource & { reads: number } {
  const source = Object.assign(
    async (): Promise<CapturedRequest[]> => {
      const index = Math.min(source.reads, lists.length - 1)
      source.reads += 1
      return lists[index] ?? []
    },
    { reads: 0 }
  )
  return source
}

const header = (name: string, operator: string, value: unknown): Json => ({
  extractor_type: 'header',
  extractor_data: { header_name: name },
  operator_type: operator,
  operator_data: { value }
})

const query = (name: string, value: unknown): Json => ({
  extractor_type: 'query_param',
  extractor_data: { param_name: name },
  operator_type: 'equals',
  operator_data: { value }
})

function waitNode(data: Json, more: Json = {}): Json {
  return node('wait', 'webhook_wait', data, more)
}

async function runWait(
  nodes: Json[],
  options: RunFlowOptions = {},
  inputs: Json = {}
): Promise<{ result: FlowResult; wait: NodeResult }> {
  const ids = nodes.map((n) => n.id as string)
  const flow = flowOf({ nodes, edges: chain(...ids), initialInputs: inputs })
  const result = await runFlow(flow, { clock: new FakeClock(), ...options })
  return { result, wait: result.execution_results.wait! }
}

/** The runner called directly, for what validation would reject before a run. */
function directContext(
  nodeDef: Json,
  options: RunFlowOptions = {},
  resolve: (value: unknown) => unknown = (value) => value,
  signal: AbortSignal = new AbortController().signal
): NodeContext {
  const { flow } = parseFlow({ name: 't', version: '1', nodes: [nodeDef], edges: [] })
  return {
    node: flow.nodes[0]!,
    resolve,
    signal,
    clock: options.clock ?? new FakeClock(),
    calls: new HttpCallLog(),
    secretValues: () => [],
    options
  } as unknown as NodeContext
}

/** A resolve that fails the given references as the engine does, and keeps the rest. */
function resolveWithout(...missing: string[]): (value: unknown) => unknown {
  return (value) => {
    if (typeof value !== 'string') return value
    const refs = [...value.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1]!)
    const unresolved = refs.filter((ref) => missing.includes(ref))
    if (unresolved.length > 0) {
      throw new TemplateError(
        unresolved.map((ref) => ({ text: `{{${ref}}}`, ref, location: [], reason: 'no value' }))
      )
    }
    return value
  }
}

const isCreated = jsonPath('$.event', 'equals', 'order.created')

describe('webhook_wait: the first matching request', () => {
  it('polls until a request passes every assertion; outputs are that request', async () => {
    const source = batches(
      [],
      [captured('req-1', '{"event":"other"}')],
      [
        captured('req-1', '{"event":"other"}'),
        captured('req-2', '{"event":"order.created","total":12}', {
          headers: { 'x-github-event': ['push'], 'Content-Type': 'application/json' },
          query_params: { q: ['x', 'y'] }
        })
      ]
    )
    const clock = new FakeClock()
    const { result, wait } = await runWait(
      [
        waitNode(
          { timeout_ms: 2000 },
          {
            assertions: [isCreated],
            outputs: [
              out('total', '$.total'),
              { name: 'gh', extractor: { type: 'header', header_name: 'X-GitHub-Event' } }
            ]
          }
        )
      ],
      { clock, webhookRequests: source }
    )
    expect(result.success).toBe(true)
    expect(wait.outputs).toEqual({
      id: 'req-2',
      method: 'POST',
      headers: { 'x-github-event': ['push'], 'Content-Type': 'application/json' },
      query: { q: ['x', 'y'] },
      body: { event: 'order.created', total: 12 },
      received_at: RECEIVED_AT,
      total: 12,
      gh: 'push'
    })
    expect(wait.assertion_results).toEqual([
      expect.objectContaining({ index: 0, passed: true, actual: 'order.created' })
    ])
    expect(source.reads).toBe(3)
    expect(clock.sleeps).toEqual([250, 250])
    // Reading captured requests is not an HTTP call of the execution.
    expect(result.http_calls).toEqual([])
  })

  it('evaluates each request once, however often it is read', async () => {
    let bodyReads = 0
    const other = captured('req-1', null)
    Object.defineProperty(other, 'body', {
      enumerable: true,
      get: () => {
        bodyReads += 1
        return '{"event":"other"}'
      }
    })
    const source = batches(
      [other],
      [other],
      [other],
      [other, captured('req-2', '{"event":"order.created"}')]
    )
    const { wait } = await runWait([waitNode({}, { assertions: [isCreated] })], {
      webhookRequests: source
    })
    expect(wait.outputs.id).toBe('req-2')
    expect(bodyReads).toBe(1)
  })

  it('reads headers case-insensitively and query parameters', async () => {
    const source = batches([
      captured('req-0', '{}'),
      captured('req-1', '{}', { headers: { 'X-Github-Event': 'ping' }, query_params: { q: 'x' } }),
      captured('req-2', '{}', { headers: { 'x-github-event': 'push' }, query_params: { q: 'y' } }),
      captured('req-3', '{}', { headers: { 'X-GITHUB-EVENT': 'push' }, query_params: { q: 'x' } })
    ])
    const { wait } = await runWait(
      [waitNode({}, { assertions: [header('X-GitHub-Event', 'equals', 'push'), query('q', 'x')] })],
      { webhookRequests: source }
    )
    expect(wait.error_code).toBeUndefined()
    expect(wait.outputs.id).toBe('req-3')
  })

  it('reads a body as JSON, else as text, and an empty or null body as {}', async () => {
    const body = (value: unknown): Json => ({
      extractor_type: 'body',
      extractor_data: {},
      operator_type: 'equals',
      operator_data: { value }
    })
    for (const [raw, expected, assertion] of [
      ['plain text', 'plain text', body('plain text')],
      ['', {}, jsonPath('$', 'empty')],
      [null, {}, jsonPath('$', 'empty')],
      ['[1,2]', [1, 2], jsonPath('$[1]', 'equals', 2)]
    ] as const) {
      const { wait } = await runWait([waitNode({}, { assertions: [assertion] })], {
        webhookRequests: batches([captured('r', raw)])
      })
      expect(wait.error_code).toBeUndefined()
      expect(wait.outputs.body).toEqual(expected)
    }
  })

  it('a request already there at the start matches at once, without sleeping', async () => {
    const clock = new FakeClock()
    const { wait } = await runWait([waitNode({}, { assertions: [isCreated] })], {
      clock,
      webhookRequests: batches([captured('req-1', '{"event":"order.created"}')])
    })
    expect(wait.outputs.id).toBe('req-1')
    expect(clock.sleeps).toEqual([])
  })

  it('times out with WEBHOOK_WAIT_TIMEOUT, showing the newest requests', async () => {
    const items = Array.from({ length: 7 }, (_, i) => captured(`req-${i + 1}`, '{"event":"other"}'))
    const clock = new FakeClock()
    const started = clock.now()
    const { result, wait } = await runWait(
      [waitNode({ timeout_ms: 1000 }, { assertions: [isCreated] })],
      {
        clock,
        webhookRequests: batches(items)
      }
    )
    expect(result.success).toBe(false)
    expect(wait.error_code).toBe('WEBHOOK_WAIT_TIMEOUT')
    expect(wait.error_message).toContain('timed out without a matching request')
    expect(wait.error_message).toContain('7 requests received')
    expect(clock.now() - started).toBe(1000)
    expect(clock.sleeps).toEqual([250, 250, 250, 250])
    const recent = wait.recent_requests as { id: string }[]
    expect(recent.map((r) => r.id)).toEqual(['req-3', 'req-4', 'req-5', 'req-6', 'req-7'])
    expect(wait.assertion_results).toEqual([
      expect.objectContaining({ passed: false, actual: 'other' })
    ])
    expect(wait.outputs).toEqual({})
  })

  it('uses the default timeout (30 s) and the poll interval from the options', async () => {
    const clock = new FakeClock()
    const source = batches([])
    const { wait } = await runWait([waitNode({ timeoutMs: 0 }, { assertions: [isCreated] })], {
      clock,
      webhookRequests: source,
      webhookPollMs: 10_000
    })
    expect(wait.error_code).toBe('WEBHOOK_WAIT_TIMEOUT')
    expect(clock.sleeps).toEqual([10_000, 10_000, 10_000])
    expect(source.reads).toBe(4)
  })

  it('retries a failed read and says so when it times out', async () => {
    let reads = 0
    const source: WebhookSource = async () => {
      reads += 1
      if (reads === 1) throw new Error('503 from the job API')
      if (reads === 2) return [captured('req-1', '{"event":"order.created"}')]
      return []
    }
    const { wait } = await runWait([waitNode({}, { assertions: [isCreated] })], {
      webhookRequests: source
    })
    expect(wait.outputs.id).toBe('req-1')

    const failing: WebhookSource = async () => {
      throw new Error('503 from the job API')
    }
    const timedOut = await runWait([waitNode({ timeout_ms: 500 }, { assertions: [isCreated] })], {
      webhookRequests: failing
    })
    expect(timedOut.wait.error_code).toBe('WEBHOOK_WAIT_TIMEOUT')
    expect(timedOut.wait.error_message).toContain(
      'the last read of captured requests failed: 503 from the job API'
    )
  })

  it('a read failure marked fatal fails the wait at once', async () => {
    const clock = new FakeClock()
    const source: WebhookSource = async () => {
      throw Object.assign(new Error('the job token was rejected'), { fatal: true })
    }
    const { wait } = await runWait([waitNode({}, { assertions: [isCreated] })], {
      clock,
      webhookRequests: source
    })
    expect(wait.error_code).toBe('WEBHOOK_WAIT_FAILED')
    expect(wait.error_message).toContain('the job token was rejected')
    expect(clock.sleeps).toEqual([])
  })

  it('resolves templates in expected values from earlier nodes', async () => {
    const source = batches([
      event('req-1', 'organization.invitation.created', 'oinv_B'),
      event('req-2', 'organization.invitation.created', 'oinv_A')
    ])
    const { wait } = await runWait(
      [
        node('invite', 'set_variable', { variables: { id: 'oinv_A' } }),
        waitNode({}, { assertions: [jsonPath('$.data.invitation_id', 'equals', '{{invite.id}}')] })
      ],
      { webhookRequests: source }
    )
    expect(wait.outputs.id).toBe('req-2')
    expect(wait.inputs).toEqual({ 'invite.id': 'oinv_A' })
  })
})

describe('webhook_wait: refusals', () => {
  it('without a source of captured requests, fails clearly', async () => {
    const { wait } = await runWait([waitNode({}, { assertions: [isCreated] })])
    expect(wait.error_code).toBe('WEBHOOK_WAIT_FAILED')
    expect(wait.error_message).toMatch(/no source of captured webhook requests/)
  })

  it('without expect, needs an assertion', async () => {
    const outcome = await runWebhookWait(
      directContext(waitNode({ timeout_ms: 50 }), { webhookRequests: batches([]) })
    )
    expect(outcome.error?.code).toBe('WEBHOOK_WAIT_FAILED')
    expect(outcome.error?.message).toMatch(/at least one assertion/)
  })

  it('an expected value without a value is ASSERTION_FAILED before any read', async () => {
    const source = batches([])
    const outcome = await runWebhookWait(
      directContext(
        waitNode({}, { assertions: [jsonPath('$.id', 'equals', '{{invite-c.id}}')] }),
        { webhookRequests: source },
        resolveWithout('invite-c.id')
      )
    )
    expect(outcome.error).toEqual({
      code: 'ASSERTION_FAILED',
      message: 'webhook wait assertion references {{invite-c.id}}, which has no value'
    })
    expect(source.reads).toBe(0)
  })

  it.each([
    [[{ name: '', assertions: [isCreated] }], 'expected event 1 has no name'],
    [[{ name: 'a', assertions: [] }], 'expected event "a" has no assertion'],
    [[{ name: 'a', min: -1, assertions: [isCreated] }], 'expected event "a" has a negative min'],
    [
      [{ name: 'a', min: 2, max: 1, assertions: [isCreated] }],
      'expected event "a" has max below min'
    ],
    [
      [{ name: 'a', min: 1.5, assertions: [isCreated] }],
      'expected event "a" has a min that is not a whole number'
    ],
    [
      [{ name: 'a', assertions: [{ operator_type: 'equals' }] }],
      'expected event "a": assertion 0: the assertion has no extractor_type'
    ],
    ['all', 'data.expect must be a list of expected events']
  ])('a bad expect is WEBHOOK_WAIT_FAILED (%#)', async (expectValue, message) => {
    const source = batches([])
    const outcome = await runWebhookWait(
      directContext(waitNode({ expect: expectValue }), { webhookRequests: source })
    )
    expect(outcome.error).toEqual({ code: 'WEBHOOK_WAIT_FAILED', message })
    expect(source.reads).toBe(0)
  })
})

describe('webhook_wait: cancellation', () => {
  it('ends a wait that is sleeping between reads', async () => {
    const clock = new FakeClock({ auto: false })
    const controller = new AbortController()
    const running = runWait([waitNode({}, { assertions: [isCreated] })], {
      clock,
      signal: controller.signal,
      webhookRequests: batches([])
    })
    await clock.whenSleeping()
    controller.abort()
    const { result, wait } = await running
    expect(wait.error_code).toBe('CANCELLED')
    expect(result.error_code).toBe('EXECUTION_CANCELLED')
    expect(clock.pendingSleeps).toBe(0)
  })

  it('ends a read the source does not finish', async () => {
    const controller = new AbortController()
    let reading!: () => void
    const started = new Promise<void>((resolve) => (reading = resolve))
    const source: WebhookSource = () => {
      reading()
      return new Promise<CapturedRequest[]>(() => undefined)
    }
    const outcome: Promise<NodeOutcome> = runWebhookWait(
      directContext(
        waitNode({}, { assertions: [isCreated] }),
        { webhookRequests: source },
        (v) => v,
        controller.signal
      )
    )
    await started
    controller.abort()
    expect((await outcome).error?.code).toBe('CANCELLED')
  })

  it('a signal aborted before the start reads nothing', async () => {
    const controller = new AbortController()
    controller.abort()
    const source = batches([])
    const outcome = await runWebhookWait(
      directContext(
        waitNode({}, { assertions: [isCreated] }),
        { webhookRequests: source },
        (v) => v,
        controller.signal
      )
    )
    expect(outcome.error?.code).toBe('CANCELLED')
    expect(source.reads).toBe(0)
  })
})

describe('webhook_wait: expect', () => {
  const group = (name: string, type: string, invitation: string, extra: Json = {}): Json => ({
    name,
    assertions: [
      jsonPath('$.type', 'equals', type),
      jsonPath('$.data.invitation_id', 'equals', invitation)
    ],
    ...extra
  })
  const invites = node('invite', 'set_variable', { variables: { a: 'oinv_A', b: 'oinv_B' } })
  const expectWait = (groups: Json[], extra: Json = {}, more: Json = {}): Json =>
    waitNode({ timeout_ms: 2000, expect: groups, ...extra }, more)

  it('passes when every group has its event', async () => {
    const source = batches([
      event('req-1', 'invitation.created', 'oinv_A'),
      event('req-2', 'invitation.deleted', 'oinv_B')
    ])
    const { result, wait } = await runWait(
      [
        invites,
        expectWait([
          group('A created', 'invitation.created', '{{invite.a}}'),
          group('B deleted', 'invitation.deleted', '{{invite.b}}')
        ])
      ],
      { webhookRequests: source }
    )
    expect(result.success).toBe(true)
    const expected = [
      { name: 'A created', received: 1, passed: true, request_ids: ['req-1'] },
      { name: 'B deleted', received: 1, passed: true, request_ids: ['req-2'] }
    ]
    expect(wait.expectations).toEqual(expected)
    expect(wait.outputs).toEqual({ expectations: expected, received: 2 })
    expect(result.http_calls).toEqual([])
  })

  it('waits for a group and records when its event arrived', async () => {
    const clock = new FakeClock()
    const source = batches([], [], [event('req-1', 'invitation.created', 'oinv_A')])
    const { wait } = await runWait(
      [invites, expectWait([group('A created', 'invitation.created', '{{invite.a}}')])],
      { clock, webhookRequests: source }
    )
    expect(wait.error_code).toBeUndefined()
    expect(wait.expectations).toEqual([
      {
        name: 'A created',
        received: 1,
        passed: true,
        arrived_after_ms: 500,
        request_ids: ['req-1']
      }
    ])
  })

  it('a group without its event fails the wait at the deadline: missing', async () => {
    const clock = new FakeClock()
    const started = clock.now()
    const { result, wait } = await runWait(
      [invites, expectWait([group('B resent', 'invitation.updated', '{{invite.b}}')])],
      { clock, webhookRequests: batches([]) }
    )
    expect(result.success).toBe(false)
    expect(wait.error_code).toBe('WEBHOOK_WAIT_EXPECTATIONS_FAILED')
    expect(wait.error_message).toBe('1 of 1 expected events failed')
    expect(clock.now() - started).toBe(2000)
    expect(wait.expectations).toEqual([
      { name: 'B resent', received: 0, passed: false, request_ids: [], problem: 'missing' }
    ])
    expect(wait.outputs).toMatchObject({ received: 0 })
  })

  it('one event counts for one group; the other names it as closest', async () => {
    const source = batches([event('req-1', 'invitation.updated', 'oinv_A')])
    const { wait } = await runWait(
      [
        invites,
        expectWait([
          group('Role changed', 'invitation.updated', '{{invite.a}}'),
          group('Resent', 'invitation.updated', '{{invite.a}}')
        ])
      ],
      { webhookRequests: source }
    )
    const [first, second] = wait.expectations as Json[]
    expect(first).toMatchObject({ passed: true, request_ids: ['req-1'] })
    expect(second).toMatchObject({ passed: false, received: 0, problem: 'missing' })
    expect(second!.closest).toEqual({
      request_id: 'req-1',
      claimed_by: 'Role changed',
      checks: [
        { label: '$.type equals invitation.updated', passed: true },
        { label: '$.data.invitation_id equals oinv_A', passed: true }
      ]
    })
  })

  it('the closest event names the failing check', async () => {
    const source = batches([
      event('req-1', 'invitation.updated', 'oinv_A'),
      event('req-2', 'membership.created', 'oinv_B')
    ])
    const { wait } = await runWait(
      [
        invites,
        expectWait([group('B resent', 'invitation.updated', '{{invite.b}}')], { timeout_ms: 300 })
      ],
      { webhookRequests: source }
    )
    const [outcome] = wait.expectations as Json[]
    expect(outcome!.closest).toEqual({
      request_id: 'req-1',
      checks: [
        { label: '$.type equals invitation.updated', passed: true },
        {
          label: '$.data.invitation_id equals oinv_B',
          passed: false,
          expected: 'oinv_B',
          actual: 'oinv_A'
        }
      ]
    })
  })

  it('more than max fails at once: N arrived', async () => {
    const clock = new FakeClock()
    const source = batches([
      event('req-1', 'invitation.accepted', 'oinv_A'),
      event('req-2', 'invitation.accepted', 'oinv_A')
    ])
    const { wait } = await runWait(
      [
        invites,
        expectWait([group('Accepted once', 'invitation.accepted', '{{invite.a}}', { max: 1 })], {
          timeout_ms: 60_000
        })
      ],
      { clock, webhookRequests: source }
    )
    expect(wait.error_code).toBe('WEBHOOK_WAIT_EXPECTATIONS_FAILED')
    expect((wait.expectations as Json[])[0]).toMatchObject({
      received: 2,
      passed: false,
      problem: '2 arrived',
      request_ids: ['req-1', 'req-2']
    })
    expect(clock.sleeps).toEqual([])
  })

  it('a group with min 0 and max 0 passes when nothing arrives', async () => {
    const source = batches([event('req-1', 'invitation.deleted', 'oinv_B')])
    const { wait } = await runWait(
      [
        invites,
        expectWait([
          group('Never accepted', 'invitation.accepted', '{{invite.b}}', { min: 0, max: 0 })
        ])
      ],
      { webhookRequests: source }
    )
    expect(wait.error_code).toBeUndefined()
    expect(wait.expectations).toEqual([
      { name: 'Never accepted', received: 0, passed: true, request_ids: [] }
    ])
  })

  it('min counts: short of it is "n of min"; extras beyond min go to the first group', async () => {
    const source = batches([
      event('req-1', 'ping', 'x'),
      event('req-2', 'ping', 'x'),
      event('req-3', 'ping', 'x')
    ])
    const ping = (name: string, extra: Json = {}): Json => ({
      name,
      assertions: [jsonPath('$.type', 'equals', 'ping')],
      ...extra
    })
    const short = await runWait(
      [expectWait([ping('four pings', { min: 4 })], { timeout_ms: 500 })],
      {
        webhookRequests: source
      }
    )
    expect((short.wait.expectations as Json[])[0]).toMatchObject({ received: 3, problem: '3 of 4' })

    const spread = await runWait(
      [expectWait([ping('first', { min: 1 }), ping('second', { min: 1 })])],
      {
        webhookRequests: source
      }
    )
    expect(spread.wait.error_code).toBeUndefined()
    expect((spread.wait.expectations as Json[]).map((o) => o.request_ids)).toEqual([
      ['req-1', 'req-3'],
      ['req-2']
    ])
  })

  it('keeps listening settle_ms after all groups are met, and a late extra breaks max', async () => {
    const accepted = event('req-1', 'invitation.accepted', 'oinv_A')
    const source = batches([accepted], [accepted, event('req-2', 'invitation.accepted', 'oinv_A')])
    const { wait } = await runWait(
      [
        invites,
        expectWait([group('Accepted once', 'invitation.accepted', '{{invite.a}}', { max: 1 })], {
          timeout_ms: 5000,
          settle_ms: 1000
        })
      ],
      { webhookRequests: source }
    )
    expect(wait.error_code).toBe('WEBHOOK_WAIT_EXPECTATIONS_FAILED')
    expect((wait.expectations as Json[])[0]).toMatchObject({ problem: '2 arrived' })
  })

  it('ends after settle_ms when nothing more arrives', async () => {
    const clock = new FakeClock()
    const started = clock.now()
    const source = batches([event('req-1', 'invitation.accepted', 'oinv_A')])
    const { wait } = await runWait(
      [
        invites,
        expectWait([group('Accepted once', 'invitation.accepted', '{{invite.a}}', { max: 1 })], {
          timeout_ms: 30_000,
          settleMs: 1000
        })
      ],
      { clock, webhookRequests: source }
    )
    expect(wait.error_code).toBeUndefined()
    expect(clock.now() - started).toBe(1000)
    expect(source.reads).toBe(5)
  })

  it("the node's own assertions check every claimed request", async () => {
    const unsigned = { ...event('req-1', 'invitation.created', 'oinv_A'), headers: {} }
    const { wait } = await runWait(
      [
        invites,
        expectWait(
          [group('A created', 'invitation.created', '{{invite.a}}')],
          {},
          {
            assertions: [header('webhook-signature', 'starts_with', 'v1,')]
          }
        )
      ],
      { webhookRequests: batches([unsigned]) }
    )
    expect(wait.error_code).toBe('WEBHOOK_WAIT_EXPECTATIONS_FAILED')
    expect((wait.expectations as Json[])[0]!.problem).toBe(
      'webhook-signature starts_with v1, failed on req-1'
    )
    expect(wait.assertion_results).toEqual([
      expect.objectContaining({ passed: false, extractor: 'header' })
    ])

    const signed = await runWait(
      [
        invites,
        expectWait(
          [group('A created', 'invitation.created', '{{invite.a}}')],
          {},
          {
            assertions: [header('webhook-signature', 'starts_with', 'v1,')]
          }
        )
      ],
      { webhookRequests: batches([event('req-1', 'invitation.created', 'oinv_A')]) }
    )
    expect(signed.wait.error_code).toBeUndefined()
    expect(signed.wait.assertion_results).toEqual([expect.objectContaining({ passed: true })])
  })

  it('a group can assert on a query parameter', async () => {
    const search = { ...event('req-1', 'search', 'x'), query_params: { q: 'x' } }
    const { wait } = await runWait(
      [expectWait([{ name: 'searched for x', assertions: [query('q', 'x')] }])],
      { webhookRequests: batches([event('req-0', 'search', 'x'), search]) }
    )
    expect(wait.error_code).toBeUndefined()
    expect((wait.expectations as Json[])[0]!.request_ids).toEqual(['req-1'])
  })

  it('declared outputs read {expectations, received}', async () => {
    const { wait } = await runWait(
      [
        expectWait(
          [{ name: 'pinged', assertions: [jsonPath('$.type', 'equals', 'ping')] }],
          {},
          {
            outputs: [out('firstId', '$.expectations[0].request_ids[0]')]
          }
        )
      ],
      { webhookRequests: batches([event('req-9', 'ping', 'x')]) }
    )
    expect(wait.outputs).toMatchObject({ firstId: 'req-9', received: 1 })
  })

  it('a reference without a value fails only its group', async () => {
    const context = directContext(
      waitNode({
        timeout_ms: 2000,
        expect: [
          group('A created', 'invitation.created', 'oinv_A'),
          group('C created', 'invitation.created', '{{invite-c.id}}')
        ]
      }),
      { webhookRequests: batches([event('req-1', 'invitation.created', 'oinv_A')]) },
      resolveWithout('invite-c.id')
    )
    const outcome = await runWebhookWait(context)
    expect(outcome.error?.code).toBe('WEBHOOK_WAIT_EXPECTATIONS_FAILED')
    const outcomes = outcome.fields!.expectations as Json[]
    expect(outcomes[0]).toMatchObject({ passed: true, request_ids: ['req-1'] })
    expect(outcomes[1]).toMatchObject({
      passed: false,
      problem: 'not evaluated: no value for {{invite-c.id}}'
    })
  })

  it("a node check's reference without a value fails every group", async () => {
    const outcome = await runWebhookWait(
      directContext(
        waitNode(
          { expect: [group('A created', 'invitation.created', 'oinv_A')] },
          { assertions: [jsonPath('$.org', 'equals', '{{create-org.orgId}}')] }
        ),
        { webhookRequests: batches([event('req-1', 'invitation.created', 'oinv_A')]) },
        resolveWithout('create-org.orgId')
      )
    )
    expect(outcome.error?.code).toBe('WEBHOOK_WAIT_EXPECTATIONS_FAILED')
    expect((outcome.fields!.expectations as Json[])[0]!.problem).toBe(
      'not evaluated: no value for {{create-org.orgId}}'
    )
  })

  it('an empty expect is no expect: the node assertions decide', async () => {
    const outcome = await runWebhookWait(
      directContext(waitNode({ expect: [] }, { assertions: [isCreated] }), {
        webhookRequests: batches([captured('req-1', '{"event":"order.created"}')])
      })
    )
    expect(outcome.error).toBeUndefined()
    expect(outcome.intrinsic?.id).toBe('req-1')
  })
})
