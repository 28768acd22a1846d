/**
 * The ephemeral runner's job protocol v3 on the sandbox (docs/runner.md §1): launch
 * injects the webhook inputs, claim hands out the job (referenced flows as an object,
 * the HTTP call budget), then the job calls made with `X-Job-Token` only: heartbeat
 * (lease renewal, rejection once expired, completed or cancelled), progress events
 * (contiguous, duplicate, gap), complete (204, replay counted once, 409 otherwise;
 * the execution and its nodes from the result) and webhook-requests (what the
 * ingest captured, oldest first). Auth is as strict as the API: an API key or an
 * organization header on a job route is refused, a token speaks for its own job
 * only. Everything runs on a fake clock against the real server on 127.0.0.1.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS, type CallResult } from '../__fixtures__/sandbox-http.js'
import {
  defaultFixtures,
  EPHEMERAL_LEASE_MS,
  passThrough,
  startSandbox,
  type Sandbox,
  type SandboxFixtures,
  type SandboxOptions
} from '../src/sandbox/index.js'

// Answers are read loosely (res.body.job.job_id), as in the other sandbox tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const LEASE_MS = 30_000
const RUNNER = 'gha-runner-1'

let clock: FakeClock
let sandbox: Sandbox | undefined

async function start(options: Omit<SandboxOptions, 'clock'> = {}): Promise<Sandbox> {
  await sandbox?.close()
  clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
  sandbox = await startSandbox({ clock, ephemeralLeaseMs: LEASE_MS, ...options })
  return sandbox
}

afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

interface Job {
  executionId: string
  flowId: string
  token: string
  jobId: string
  bootId: string
  claim: Loose
}

async function launch(box: Sandbox, flowId: string = FLOWS.login, headers = {}): Promise<Loose> {
  const res = await call(box, `/flows/${flowId}/launch`, {
    body: { runner_type: 'ephemeral', ephemeral_job_version: 1 },
    headers
  })
  expect(res.status).toBe(202)
  return res.body.execution
}

async function claim(box: Sandbox, execution: Loose): Promise<Job> {
  const bootId = randomUUID()
  const res = await call(box, `/runner/ephemeral/executions/${execution.id}/claim`, {
    body: { runner_id: RUNNER, boot_id: bootId }
  })
  expect(res.status).toBe(200)
  return {
    executionId: execution.id,
    flowId: execution.flow_id,
    token: res.body.job_token,
    jobId: res.body.job.job_id,
    bootId,
    claim: res.body
  }
}

async function claimed(box: Sandbox, flowId: string = FLOWS.login): Promise<Job> {
  return claim(box, await launch(box, flowId))
}

/** A job call as the protocol says: the token and nothing else (unless `headers` adds more). */
function jobCall(
  box: Sandbox,
  token: string | null,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<CallResult<Loose>> {
  return call(box, path, {
    key: null,
    org: null,
    body,
    headers: token === null ? headers : { 'X-Job-Token': token, ...headers }
  })
}

const heartbeat = (box: Sandbox, job: Job, extra: Record<string, unknown> = {}) =>
  jobCall(box, job.token, '/runner/jobs/heartbeat', {
    runner_id: RUNNER,
    boot_id: job.bootId,
    max_parallel_flows: 1,
    job_ids: [job.jobId],
    runner_version: 'echopoint-ci/0.1.0',
    ...extra
  })

const event = (sequence: number, type = 'node.started', payload: object = {}) => ({
  sequence,
  type,
  payload
})

const sendEvents = (box: Sandbox, job: Job, events: unknown[], extra = {}) =>
  jobCall(box, job.token, `/runner/jobs/${job.jobId}/events`, {
    runner_id: RUNNER,
    boot_id: job.bootId,
    events,
    ...extra
  })

/** A node result as the engine writes it (docs/runner.md §5.2). */
function nodeResult(nodeId: string, fields: Record<string, unknown> = {}) {
  return {
    node_id: nodeId,
    display_name: nodeId,
    node_type: 'request',
    inputs: {},
    outputs: {},
    executed_at: '2025-06-02T09:00:02.000Z',
    duration_ms: 500,
    ...fields
  }
}

const passedAssertion = {
  index: 0,
  extractor: 'status_code',
  operator: 'equals',
  expected: 200,
  actual: 200,
  passed: true
}

function completion(job: Job, overrides: Record<string, unknown> = {}) {
  return {
    runner_id: RUNNER,
    boot_id: job.bootId,
    status: 'completed',
    started_at: '2025-06-02T09:00:01.000Z',
    completed_at: '2025-06-02T09:00:02.500Z',
    duration_ms: 1500,
    result: {
      execution_results: {
        login: nodeResult('login', { assertion_results: [passedAssertion] }),
        profile: nodeResult('profile', { executed_at: '2025-06-02T09:00:02.500Z' })
      },
      final_outputs: {},
      success: true,
      duration_ms: 1500
    },
    error_message: '',
    error_code: '',
    last_event_sequence: 0,
    runner_version: 'echopoint-ci/0.1.0',
    ...overrides
  }
}

const complete = (box: Sandbox, job: Job, body: unknown) =>
  jobCall(box, job.token, `/runner/jobs/${job.jobId}/complete`, body)

const getExecution = (box: Sandbox, job: Job) =>
  call(box, `/flows/${job.flowId}/executions/${job.executionId}`)
const getNodes = (box: Sandbox, job: Job) =>
  call(box, `/flows/${job.flowId}/executions/${job.executionId}/nodes`)

describe('launch and claim', () => {
  it('an ephemeral launch injects webhook.url and webhook.requests_url for its job', async () => {
    const box = await start()
    const execution = await launch(box)
    const { runner_inputs: inputs } = execution
    expect(inputs['webhook.url']).toMatch(
      new RegExp(`^${box.url}/webhooks/ingest/ewh_[A-Za-z0-9_-]+$`)
    )
    expect(inputs['webhook.requests_url']).toMatch(
      new RegExp(`^${box.url}/runner/jobs/[0-9a-f-]{36}/webhook-requests$`)
    )
    // The claim names the same job, and hands the same URLs to the runner.
    const res = await call(box, `/runner/ephemeral/executions/${execution.id}/claim`, {
      body: { runner_id: RUNNER, boot_id: randomUUID() }
    })
    expect(inputs['webhook.requests_url']).toBe(
      `${box.url}/runner/jobs/${res.body.job.job_id}/webhook-requests`
    )
    expect(res.body.job.inputs).toMatchObject({
      'webhook.url': inputs['webhook.url'],
      'webhook.requests_url': inputs['webhook.requests_url'],
      password: 'correct-horse-battery-staple'
    })
    // Cloud launches get no webhook.
    const cloud = await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })
    expect(cloud.body.execution.runner_inputs).not.toHaveProperty('webhook.url')
  })

  it('ephemeral_job_version 1 is required for an ephemeral launch', async () => {
    const box = await start()
    for (const body of [
      { runner_type: 'ephemeral' },
      { runner_type: 'ephemeral', ephemeral_job_version: 2 }
    ]) {
      const res = await call(box, `/flows/${FLOWS.login}/launch`, { body })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe('ephemeral_job_version')
    }
  })

  it('claim: the lease from ephemeralLeaseMs, referenced_flows an object, no call budget by default', async () => {
    const box = await start()
    const job = await claimed(box)
    expect(job.claim.job).toMatchObject({
      job_id: job.jobId,
      execution_id: job.executionId,
      lease_expires_at: new Date(SANDBOX_EPOCH + LEASE_MS).toISOString(),
      referenced_flows: {},
      max_http_calls_per_execution: 0,
      secret_input_keys: ['password']
    })
    // One shot: the same runner claiming again is refused too.
    const again = await call(box, `/runner/ephemeral/executions/${job.executionId}/claim`, {
      body: { runner_id: RUNNER, boot_id: job.bootId }
    })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].code).toBe('EXECUTION_ALREADY_CLAIMED')
  })

  it('the lease defaults to EPHEMERAL_LEASE_MS, and the fixtures file can set it', async () => {
    let box = await start({ ephemeralLeaseMs: undefined })
    let job = await claimed(box)
    expect(job.claim.job.lease_expires_at).toBe(
      new Date(SANDBOX_EPOCH + EPHEMERAL_LEASE_MS).toISOString()
    )
    box = await start({
      ephemeralLeaseMs: undefined,
      fixtures: { ...defaultFixtures(), server: { ephemeral_lease_ms: 5_000 } }
    })
    job = await claimed(box)
    expect(job.claim.job.lease_expires_at).toBe(new Date(SANDBOX_EPOCH + 5_000).toISOString())
    await expect(startSandbox({ ephemeralLeaseMs: 0 })).rejects.toThrow(/ephemeralLeaseMs/)
  })

  it('an idempotent replay of a finished ephemeral run answers the terminal execution', async () => {
    const box = await start()
    const key = { 'Idempotency-Key': 'gh-acme-shop-42-1-login' }
    const first = await launch(box, FLOWS.login, key)
    const job = await claim(box, first)
    expect((await complete(box, job, completion(job))).status).toBe(204)
    const replay = await launch(box, FLOWS.login, key)
    expect(replay).toMatchObject({ id: first.id, status: 'completed' })
    expect(box.state.executions.size).toBe(1)
  })
})

describe('referenced flows and the call budget', () => {
  const PARENT = '0b5c8f5e-1d2a-4c3b-9e8f-7a6b5c4d3e21'
  const CHILD = '1c6d9a6f-2e3b-4d4c-8f9a-8b7c6d5e4f32'
  const GRANDCHILD = '2d7eab70-3f4c-4e5d-9a0b-9c8d7e6f5a43'

  function moduleFixtures(): SandboxFixtures {
    const fixtures = defaultFixtures()
    const flow = (id: string, name: string, nodes: SandboxFixtures['flows'][number]['nodes']) => ({
      id,
      organization_id: 'org_demo',
      name,
      tags: ['modules'],
      nodes,
      simulation: { outcome: 'passed' as const, duration_ms: 1000 }
    })
    fixtures.flows.push(
      {
        ...flow(PARENT, 'Parent', [
          {
            id: 'make_user',
            display_name: 'Create a user',
            type: 'module',
            config: { flow_id: CHILD, input_bindings: {}, output_bindings: {} }
          },
          {
            id: 'each',
            display_name: 'For each order',
            type: 'loop',
            config: {
              items: [1, 2],
              body: {
                nodes: [
                  {
                    id: 'nested',
                    type: 'module',
                    display_name: 'Nested module',
                    data: { flowId: GRANDCHILD }
                  }
                ],
                edges: []
              }
            }
          },
          {
            id: 'missing',
            display_name: 'Unknown module',
            type: 'module',
            config: { flow_id: randomUUID() }
          }
        ]),
        max_http_calls_per_execution: 25
      },
      flow(CHILD, 'Child', [
        {
          id: 'inner',
          display_name: 'Inner module',
          type: 'module',
          config: { flow_id: GRANDCHILD }
        }
      ]),
      {
        ...flow(GRANDCHILD, 'Grandchild', [
          { id: 'ping', display_name: 'GET /ping', type: 'request', config: {} }
        ]),
        inputs: {
          region: { value: 'eu-west-1' },
          signing_key: { value: 'sk-grandchild-secret', secret: true }
        }
      }
    )
    return fixtures
  }

  it('holds every flow module nodes name, recursively and inside loop bodies, keyed by flow id', async () => {
    const box = await start({ fixtures: moduleFixtures() })
    const job = await claimed(box, PARENT)
    const { referenced_flows: referenced, max_http_calls_per_execution: budget } = job.claim.job
    expect(Array.isArray(referenced)).toBe(false)
    expect(Object.keys(referenced).sort()).toEqual([CHILD, GRANDCHILD].sort())
    expect(referenced[CHILD].flow_definition).toMatchObject({
      name: 'Child',
      nodes: [{ id: 'inner', type: 'module', data: { flow_id: GRANDCHILD } }]
    })
    expect(referenced[CHILD]).not.toHaveProperty('input_overrides')
    // The definition masks the secret default; the real value travels as an override.
    expect(referenced[GRANDCHILD]).toMatchObject({
      flow_definition: { initial_inputs: { region: 'eu-west-1', signing_key: '***' } },
      input_overrides: { signing_key: 'sk-grandchild-secret' },
      secret_input_keys: ['signing_key']
    })
    expect(budget).toBe(25)
  })
})

describe('heartbeat', () => {
  it('renews the lease by the lease length; the execution outlives the first lease', async () => {
    const box = await start()
    const job = await claimed(box)
    clock.advance(20_000)
    const res = await heartbeat(box, job)
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      {
        job_id: job.jobId,
        status: 'renewed',
        lease_expires_at: new Date(SANDBOX_EPOCH + 20_000 + LEASE_MS).toISOString()
      }
    ])
    clock.advance(20_000) // 40 s after the claim: past the first lease, inside the second.
    expect((await getExecution(box, job)).body.status).toBe('running')
    expect(box.state.job(job.executionId)).toMatchObject({
      renewals: 1,
      lastHeartbeatAt: SANDBOX_EPOCH + 20_000,
      leaseExpiresAt: SANDBOX_EPOCH + 20_000 + LEASE_MS,
      runnerVersion: 'echopoint-ci/0.1.0'
    })
  })

  it('a lease that ran out is not renewed: rejected, and the execution failed as abandoned', async () => {
    const box = await start()
    const job = await claimed(box)
    clock.advance(LEASE_MS)
    expect((await heartbeat(box, job)).body).toEqual([{ job_id: job.jobId, status: 'rejected' }])
    expect((await getExecution(box, job)).body).toMatchObject({
      status: 'failed',
      error_code: 'RUNNER_LEASE_EXPIRED',
      completed_at: new Date(SANDBOX_EPOCH + LEASE_MS).toISOString()
    })
    expect(box.state.terminalAt(job.executionId)).toBe(SANDBOX_EPOCH + LEASE_MS)
    const late = await sendEvents(box, job, [event(1)])
    expect([late.status, late.body.errors[0].code]).toEqual([409, 'EXECUTION_ALREADY_TERMINAL'])
    const done = await complete(box, job, completion(job))
    expect([done.status, done.body.errors[0].code]).toEqual([409, 'EXECUTION_ALREADY_TERMINAL'])
  })

  it('a job cancelled through the API is rejected at its next beat', async () => {
    const box = await start()
    const job = await claimed(box)
    expect((await heartbeat(box, job)).body[0].status).toBe('renewed')
    const cancel = await call(box, `/flows/${job.flowId}/executions/${job.executionId}/cancel`, {
      method: 'POST'
    })
    expect(cancel.body.execution.status).toBe('cancelled')
    expect((await heartbeat(box, job)).body).toEqual([{ job_id: job.jobId, status: 'rejected' }])
    expect((await complete(box, job, completion(job))).status).toBe(409)
    expect((await getExecution(box, job)).body.status).toBe('cancelled')
  })

  it('a completed job is rejected', async () => {
    const box = await start()
    const job = await claimed(box)
    expect((await complete(box, job, completion(job))).status).toBe(204)
    expect((await heartbeat(box, job)).body[0].status).toBe('rejected')
  })

  it('a token speaks for its own job only: other job ids are rejected, never renewed', async () => {
    const box = await start()
    const a = await claimed(box)
    const b = await claimed(box)
    const res = await heartbeat(box, a, { job_ids: [b.jobId, a.jobId, randomUUID()] })
    expect(res.body.map((r: Loose) => [r.job_id === a.jobId, r.status])).toEqual([
      [false, 'rejected'],
      [true, 'renewed'],
      [false, 'rejected']
    ])
    expect(box.state.job(b.executionId)?.renewals).toBe(0)
  })

  it('a beat from another runner boot than the claim is rejected', async () => {
    const box = await start()
    const job = await claimed(box)
    const res = await heartbeat(box, job, { boot_id: randomUUID() })
    expect(res.body[0].status).toBe('rejected')
    expect(box.state.job(job.executionId)?.renewals).toBe(0)
  })

  it.each([
    ['max_parallel_flows', { max_parallel_flows: 0 }],
    ['max_parallel_flows', { max_parallel_flows: 1.5 }],
    ['job_ids', { job_ids: [] }],
    ['job_ids', { job_ids: 'x' }],
    ['job_ids[0]', { job_ids: ['not-a-uuid'] }],
    ['runner_version', { runner_version: 'v'.repeat(65) }],
    ['runner_id', { runner_id: '' }],
    ['boot_id', { boot_id: 'boot' }]
  ])('validates the body: 400 on %s (%j)', async (field, change) => {
    const box = await start()
    const job = await claimed(box)
    const res = await heartbeat(box, job, change)
    expect([res.status, res.body.errors[0].field]).toEqual([400, field])
  })

  it('job_ids: at most 100, each once', async () => {
    const box = await start()
    const job = await claimed(box)
    const many = Array.from({ length: 101 }, () => randomUUID())
    expect((await heartbeat(box, job, { job_ids: many })).status).toBe(400)
    const twice = await heartbeat(box, job, { job_ids: [job.jobId, job.jobId.toUpperCase()] })
    expect([twice.status, twice.body.errors[0].field]).toEqual([400, 'job_ids'])
    const hundred = await heartbeat(box, job, { job_ids: [job.jobId, ...many.slice(0, 99)] })
    expect(hundred.body).toHaveLength(100)
  })
})

describe('events', () => {
  it('accepts contiguous sequences, ignores duplicates, accepts nothing past a gap', async () => {
    const box = await start()
    const job = await claimed(box)
    const started = event(1, 'flow.started', {
      execution_id: job.executionId,
      flowName: 'Login and fetch profile',
      timestamp: '2025-06-02T09:00:01Z'
    })
    const loginStarted = event(2, 'node.started', {
      nodeId: 'login',
      displayName: 'POST /auth/login',
      nodeType: 'request',
      timestamp: '2025-06-02T09:00:01Z'
    })
    let res = await sendEvents(box, job, [started, loginStarted])
    expect([res.status, res.body]).toEqual([200, { last_accepted_sequence: 2 }])
    // A resend of a batch whose answer was lost: duplicates, still 200.
    res = await sendEvents(box, job, [loginStarted])
    expect([res.status, res.body]).toEqual([200, { last_accepted_sequence: 2 }])
    // 3 is missing: 4 and 5 are not accepted.
    const loginDone = event(3, 'node.completed', {
      nodeId: 'login',
      displayName: 'POST /auth/login',
      duration: 700,
      timestamp: '2025-06-02T09:00:02Z',
      success: true,
      result: nodeResult('login', { assertion_results: [passedAssertion] })
    })
    const profileStarted = event(4, 'node.started', {
      nodeId: 'profile',
      displayName: 'GET /me',
      nodeType: 'request',
      timestamp: '2025-06-02T09:00:02Z'
    })
    const profileFailed = event(5, 'node.failed', {
      nodeId: 'profile',
      displayName: 'GET /me',
      duration: 100,
      timestamp: '2025-06-02T09:00:03Z',
      result: nodeResult('profile', { error_code: 'REQUEST_TIMEOUT', error_message: 'timed out' }),
      error: 'timed out'
    })
    res = await sendEvents(box, job, [profileStarted, profileFailed])
    expect(res.body).toEqual({ last_accepted_sequence: 2 })
    // Out of order within a batch is fine: the sandbox takes them in sequence order.
    res = await sendEvents(box, job, [profileStarted, loginDone])
    expect(res.body).toEqual({ last_accepted_sequence: 4 })

    expect(box.state.jobEvents(job.executionId).map((e) => [e.sequence, e.type])).toEqual([
      [1, 'flow.started'],
      [2, 'node.started'],
      [3, 'node.completed'],
      [4, 'node.started']
    ])
    expect(box.state.jobEvents(job.executionId)[2]?.payload).toEqual(loginDone.payload)
    expect(box.requestLog.jobCalls(job.jobId).map((e) => e.events)).toEqual([
      { accepted: [1, 2], duplicates: [], rejected: [], lastAcceptedSequence: 2 },
      { accepted: [], duplicates: [2], rejected: [], lastAcceptedSequence: 2 },
      { accepted: [], duplicates: [], rejected: [4, 5], lastAcceptedSequence: 2 },
      { accepted: [3, 4], duplicates: [], rejected: [], lastAcceptedSequence: 4 }
    ])

    // While the job runs, the execution's nodes are what the events said so far.
    const nodes = (await getNodes(box, job)).body
    expect(nodes.map((n: Loose) => [n.node_id, n.status])).toEqual([
      ['login', 'completed'],
      ['profile', 'running']
    ])
    expect(nodes[0]).toMatchObject({
      duration_ms: 700,
      completed_at: '2025-06-02T09:00:02.000Z',
      result: { assertion_results: [passedAssertion] }
    })
    expect(nodes[1].started_at).toBe('2025-06-02T09:00:02.000Z')

    // The completion must not claim events the sandbox has not accepted.
    const early = await complete(box, job, completion(job, { last_event_sequence: 5 }))
    expect([early.status, early.body.errors[0].code]).toEqual([409, 'EVENTS_MISSING'])
    expect(early.body.errors[0].metadata).toEqual({ last_accepted_sequence: 4 })
    expect((await complete(box, job, completion(job, { last_event_sequence: 4 }))).status).toBe(204)
  })

  it.each([
    ['events', { events: [] }],
    ['events', { events: Array.from({ length: 101 }, (_, i) => event(i + 1)) }],
    ['events[0].sequence', { events: [event(0)] }],
    ['events[1].type', { events: [event(1), event(2, 'flow.finished')] }],
    ['events[0].payload', { events: [{ sequence: 1, type: 'node.started', payload: [] }] }],
    ['runner_id', { runner_id: undefined }]
  ])('validates the batch: 400 on %s', async (field, change) => {
    const box = await start()
    const job = await claimed(box)
    const res = await sendEvents(box, job, [event(1)], change)
    expect([res.status, res.body.errors[0].field]).toEqual([400, field])
    expect(box.state.jobEvents(job.executionId)).toEqual([])
  })

  it('events from another runner boot than the claim: 409', async () => {
    const box = await start()
    const job = await claimed(box)
    const res = await sendEvents(box, job, [event(1)], { boot_id: randomUUID() })
    expect([res.status, res.body.errors[0].code]).toEqual([409, 'JOB_RUNNER_MISMATCH'])
  })
})

describe('complete', () => {
  it('204; the same payload again is 204 and counts once; another payload is 409', async () => {
    const box = await start()
    const job = await claimed(box)
    clock.advance(2_000)
    const body = completion(job)
    const res = await complete(box, job, body)
    expect([res.status, res.body]).toEqual([204, null])
    const terminalAt = box.state.terminalAt(job.executionId)
    expect(terminalAt).toBe(clock.now())

    clock.advance(1_000)
    // A retry after a lost answer, keys in another order.
    const { result, ...rest } = body
    const retry = await complete(box, job, { result, ...rest })
    expect([retry.status, retry.body]).toEqual([204, null])
    expect(box.state.terminalAt(job.executionId)).toBe(terminalAt)
    expect(box.state.job(job.executionId)).toMatchObject({
      completeCalls: 2,
      completion: { via: 'job', status: 'completed', runnerStatus: 'completed' }
    })

    const other = await complete(box, job, { ...body, status: 'failed' })
    expect([other.status, other.body.errors[0].code]).toEqual([409, 'EXECUTION_ALREADY_TERMINAL'])
    expect(box.state.job(job.executionId)?.completeCalls).toBe(2)

    expect((await getExecution(box, job)).body).toMatchObject({
      status: 'completed',
      execution_started_at: body.started_at,
      completed_at: body.completed_at,
      error_code: null,
      error_message: null
    })
    const nodes = (await getNodes(box, job)).body
    expect(nodes).toEqual([
      expect.objectContaining({
        node_id: 'login',
        display_name: 'login',
        status: 'completed',
        started_at: '2025-06-02T09:00:01.500Z',
        completed_at: '2025-06-02T09:00:02.000Z',
        duration_ms: 500,
        has_errors: false,
        result: expect.objectContaining({ assertion_results: [passedAssertion] })
      }),
      expect.objectContaining({ node_id: 'profile', status: 'completed' })
    ])
  })

  it('status completed with result.success false: the runner finished, the flow failed', async () => {
    const box = await start()
    const job = await claimed(box)
    const failedAssertion = {
      index: 0,
      extractor: 'status_code',
      operator: 'equals',
      expected: 200,
      actual: 404,
      passed: false
    }
    const res = await complete(
      box,
      job,
      completion(job, {
        result: {
          execution_results: {
            login: nodeResult('login', {
              error_code: 'ASSERTION_FAILED',
              error_message: 'assertion 0 failed: status_code equals expected=200 actual=404',
              assertion_results: [failedAssertion]
            }),
            profile: nodeResult('profile', {
              error_code: 'NODE_SKIPPED',
              error_message: 'skipped: dependency login failed',
              skip_reason: 'dependency_failed'
            })
          },
          final_outputs: {},
          success: false,
          error_code: 'ASSERTION_FAILED',
          error_message: 'node login failed',
          duration_ms: 900
        }
      })
    )
    expect(res.status).toBe(204)
    expect((await getExecution(box, job)).body).toMatchObject({
      status: 'failed',
      error_code: 'ASSERTION_FAILED',
      error_message: 'node login failed'
    })
    const nodes = (await getNodes(box, job)).body
    expect(nodes.map((n: Loose) => [n.node_id, n.status, n.error_code, n.skip_reason])).toEqual([
      ['login', 'failed', 'ASSERTION_FAILED', null],
      ['profile', 'skipped', 'NODE_SKIPPED', 'dependency_failed']
    ])
    expect(nodes[0].result.assertion_results).toEqual([failedAssertion])
  })

  it('status failed (a definition that does not parse): failed, unreported nodes skipped', async () => {
    const box = await start()
    const job = await claimed(box)
    const res = await complete(
      box,
      job,
      completion(job, {
        status: 'failed',
        error_code: 'FLOW_DEFINITION_INVALID',
        error_message: 'node login: unknown node type',
        result: { execution_results: {}, final_outputs: {}, success: false, duration_ms: 0 }
      })
    )
    expect(res.status).toBe(204)
    expect((await getExecution(box, job)).body).toMatchObject({
      status: 'failed',
      error_code: 'FLOW_DEFINITION_INVALID'
    })
    expect((await getNodes(box, job)).body.map((n: Loose) => n.status)).toEqual([
      'skipped',
      'skipped'
    ])
  })

  it.each([
    ['status', { status: 'passed' }],
    ['started_at', { started_at: 'now' }],
    ['completed_at', { completed_at: '2025-06-02T08:00:00Z' }],
    ['duration_ms', { duration_ms: -1 }],
    ['result', { result: undefined }],
    ['result.success', { result: { execution_results: {} } }],
    ['result.execution_results', { result: { success: true } }],
    ['result.execution_results.a', { result: { success: true, execution_results: { a: 1 } } }],
    ['last_event_sequence', { last_event_sequence: -1 }],
    ['last_event_sequence', { last_event_sequence: undefined }],
    ['error_code', { error_code: 5 }],
    ['boot_id', { boot_id: undefined }]
  ])('validates the body: 400 on %s (%j)', async (field, change) => {
    const box = await start()
    const job = await claimed(box)
    const res = await complete(box, job, completion(job, change))
    expect([res.status, res.body.errors[0].field]).toEqual([400, field])
    expect((await getExecution(box, job)).body.status).toBe('running')
  })

  it('a completion from another runner boot than the claim: 409', async () => {
    const box = await start()
    const job = await claimed(box)
    const res = await complete(box, job, completion(job, { boot_id: randomUUID() }))
    expect([res.status, res.body.errors[0].code]).toEqual([409, 'JOB_RUNNER_MISMATCH'])
  })

  it('a completion whose answer was lost is committed: the retry is 204 and counts once', async () => {
    const box = await start({
      faults: { rateReset: 1, routes: ['jobs.complete'], afterCommit: true }
    })
    const job = await claimed(box)
    await expect(complete(box, job, completion(job))).rejects.toThrow()
    expect((await getExecution(box, job)).body.status).toBe('completed')
    box.pipeline.use('faults', passThrough('faults'))
    expect((await complete(box, job, completion(job))).status).toBe(204)
    const calls = box.requestLog.jobCalls(job.jobId)
    expect(calls.map((c) => [c.status, c.fault ?? null, c.faultAfterCommit ?? false])).toEqual([
      [0, 'reset', true],
      [204, null, false]
    ])
    expect(box.state.job(job.executionId)?.completeCalls).toBe(2)
  })

  it('a mangled answer to a committed completion is a 200 with junk, never a 204 with a body', async () => {
    const box = await start({
      faults: { rateMalformed: 1, routes: ['jobs.complete'], afterCommit: true }
    })
    const job = await claimed(box)
    const res = await fetch(`${box.url}/runner/jobs/${job.jobId}/complete`, {
      method: 'POST',
      headers: { 'X-Job-Token': job.token, 'Content-Type': 'application/json' },
      body: JSON.stringify(completion(job))
    })
    expect([res.status, await res.text()]).toEqual([200, '{'])
    expect((await getExecution(box, job)).body.status).toBe('completed')
  })

  it('the older completion endpoint still answers 200 with the execution and nodes', async () => {
    const box = await start()
    const job = await claimed(box)
    const res = await call(box, `/runner/ephemeral/executions/${job.executionId}/complete`, {
      body: {
        status: 'completed',
        started_at: '2025-06-02T09:00:01Z',
        completed_at: '2025-06-02T09:00:02Z',
        duration_ms: 1000
      }
    })
    expect(res.status).toBe(200)
    expect(res.body.execution.status).toBe('completed')
    expect(box.state.job(job.executionId)?.completion?.via).toBe('execution')
    // The job protocol sees it completed: another payload is a conflict.
    expect((await complete(box, job, completion(job))).status).toBe(409)
  })
})

describe('job auth: X-Job-Token only', () => {
  it('an API key on a job route is refused, with or without the token', async () => {
    const box = await start()
    const job = await claimed(box)
    const paths = [
      ['/runner/jobs/heartbeat', {}],
      [`/runner/jobs/${job.jobId}/events`, {}],
      [`/runner/jobs/${job.jobId}/complete`, {}],
      [`/runner/jobs/${job.jobId}/webhook-requests`, undefined]
    ] as const
    for (const [path, body] of paths) {
      for (const token of [job.token, null]) {
        const res = await jobCall(box, token, path, body, { 'X-Api-Key': KEYS.ci })
        expect([path, res.status, res.body.errors[0].code]).toEqual([
          path,
          401,
          'API_KEY_NOT_ACCEPTED'
        ])
        // The key is never echoed back.
        expect(JSON.stringify(res.body)).not.toContain(KEYS.ci)
      }
    }
    expect(box.state.job(job.executionId)?.renewals).toBe(0)
  })

  it('an organization header on a job route is refused (400)', async () => {
    const box = await start()
    const job = await claimed(box)
    const res = await jobCall(
      box,
      job.token,
      `/runner/jobs/${job.jobId}/webhook-requests`,
      undefined,
      { 'X-Organization-ID': 'org_demo' }
    )
    expect([res.status, res.body.errors[0].field]).toEqual([400, 'X-Organization-ID'])
  })

  it('a missing or unknown token is 401', async () => {
    const box = await start()
    const job = await claimed(box)
    const path = `/runner/jobs/${job.jobId}/webhook-requests`
    for (const token of [null, '', 'ejt_nope']) {
      const res = await jobCall(box, token, path)
      expect([res.status, res.body.errors[0].code]).toEqual([401, 'UNAUTHORIZED'])
    }
  })

  it('a token for another job is 403 (whether that job exists or not)', async () => {
    const box = await start()
    const a = await claimed(box)
    const b = await claimed(box)
    for (const jobId of [b.jobId, randomUUID()]) {
      const res = await sendEvents(box, { ...b, jobId, token: a.token }, [event(1)])
      expect([res.status, res.body.errors[0].code]).toEqual([403, 'FORBIDDEN'])
      const done = await complete(box, { ...b, jobId, token: a.token }, completion(b))
      expect(done.status).toBe(403)
    }
    expect(box.state.jobEvents(b.executionId)).toEqual([])
    expect(box.state.jobEvents(a.executionId)).toEqual([])
    // A malformed job id is a 400, as for every id in a path.
    const bad = await sendEvents(box, { ...a, jobId: 'job-1' }, [event(1)])
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'jobId'])
  })

  it('a job token is no credential on org routes', async () => {
    const box = await start()
    const job = await claimed(box)
    const res = await jobCall(box, job.token, `/flows/${job.flowId}/executions/${job.executionId}`)
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toMatch(/X-Api-Key/)
  })

  it('the request log shows job calls carrying the token only', async () => {
    const box = await start()
    const job = await claimed(box)
    await heartbeat(box, job)
    await sendEvents(box, job, [event(1)])
    await jobCall(box, job.token, `/runner/jobs/${job.jobId}/webhook-requests`)
    await complete(box, job, completion(job, { last_event_sequence: 1 }))
    await jobCall(box, job.token, '/runner/jobs/heartbeat', {}, { 'X-Api-Key': KEYS.ci })
    const calls = box.requestLog.jobCalls(job.jobId)
    expect(calls.map((c) => [c.routeId, c.status])).toEqual([
      ['jobs.heartbeat', 200],
      ['jobs.events', 200],
      ['jobs.webhookRequests', 200],
      ['jobs.complete', 204]
    ])
    for (const c of calls) {
      expect(c).toMatchObject({
        authHeaders: { jobToken: true, apiKey: false, organizationId: false },
        keyId: null,
        jobId: job.jobId,
        executionId: job.executionId,
        organizationId: 'org_demo'
      })
    }
    // The refused call is logged too, with what it carried (never the values).
    const refused = box.requestLog.entries().at(-1)
    expect(refused).toMatchObject({
      routeId: 'jobs.heartbeat',
      status: 401,
      authHeaders: { jobToken: true, apiKey: true, organizationId: false }
    })
    expect(JSON.stringify(box.requestLog.entries())).not.toContain(job.token)
    // The claim itself is an org call.
    const claim = box.requestLog.filter((e) => e.routeId === 'runner.claim')[0]
    expect(claim).toMatchObject({
      jobId: job.jobId,
      authHeaders: { apiKey: true, organizationId: true, jobToken: false }
    })
  })
})

describe('webhook ingest and webhook-requests', () => {
  it('captures what a service sends, without credentials; the job lists it oldest first', async () => {
    const box = await start()
    const job = await claimed(box)
    const ingest = job.claim.job.inputs['webhook.url'] as string
    clock.advance(1_000)
    const first = await fetch(`${ingest}?event=paid&tag=a&tag=b`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'shop-webhooks/2.0',
        'x-signature': 'sha256=abc'
      },
      body: JSON.stringify({ order: 42 })
    })
    expect(first.status).toBe(200)
    clock.advance(1_000)
    const second = await fetch(ingest, { method: 'PUT' })
    expect(second.status).toBe(200)

    const res = await jobCall(box, job.token, `/runner/jobs/${job.jobId}/webhook-requests`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ total: 2, count: 2 })
    const [a, b] = res.body.items
    expect(a).toMatchObject({
      method: 'POST',
      query_params: { event: 'paid', tag: ['a', 'b'] },
      body: '{"order":42}',
      content_type: 'application/json',
      user_agent: 'shop-webhooks/2.0',
      ip_address: '127.0.0.1',
      received_at: new Date(SANDBOX_EPOCH + 1_000).toISOString()
    })
    expect(a.headers).toMatchObject({ 'x-signature': 'sha256=abc' })
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.webhook_id).toBe(b.webhook_id)
    expect(b).toMatchObject({ method: 'PUT', body: null, query_params: {} })
    expect(b).not.toHaveProperty('content_type')
    expect(box.state.webhookRequests(job.executionId)).toEqual(res.body.items)
    expect(box.requestLog.filter((e) => e.routeId === 'webhooks.ingest')).toEqual([
      expect.objectContaining({ keyId: null, executionId: job.executionId, status: 200 }),
      expect.objectContaining({ keyId: null, executionId: job.executionId, status: 200 })
    ])
  })

  it('an unknown ingest token is 404; each execution sees only its own requests', async () => {
    const box = await start()
    const a = await claimed(box)
    const b = await claimed(box)
    expect((await fetch(`${box.url}/webhooks/ingest/ewh_unknown`, { method: 'POST' })).status).toBe(
      404
    )
    await fetch(a.claim.job.inputs['webhook.url'], { method: 'POST', body: 'a' })
    const listB = await jobCall(box, b.token, `/runner/jobs/${b.jobId}/webhook-requests`)
    expect(listB.body).toEqual({ items: [], total: 0, count: 0 })
    const listA = await jobCall(box, a.token, `/runner/jobs/${a.jobId}/webhook-requests`)
    expect(listA.body.items.map((r: Loose) => r.body)).toEqual(['a'])
  })
})

describe('rate limits on job calls', () => {
  it('count per job: POSTs in write, the webhook-requests GET in read', async () => {
    // Two launches and two claims fill the key's write bucket, not the jobs'.
    const box = await start({ rateLimits: { write: 4, read: 1 } })
    const a = await claimed(box)
    const b = await claimed(box)
    for (let i = 0; i < 4; i += 1) expect((await heartbeat(box, a)).status).toBe(200)
    const limited = await heartbeat(box, a)
    expect([limited.status, limited.body.errors[0].code]).toEqual([429, 'RATE_LIMITED'])
    expect(limited.headers.get('retry-after')).not.toBeNull()
    // Another job has its own windows.
    expect((await heartbeat(box, b)).status).toBe(200)
    expect(box.rateLimit?.remaining(`job:${b.jobId}`, 'write', clock.now())).toBe(3)
    const path = `/runner/jobs/${a.jobId}/webhook-requests`
    expect((await jobCall(box, a.token, path)).status).toBe(200)
    expect((await jobCall(box, a.token, path)).status).toBe(429)
    // The hints are the job's: a call before the reset would show as early.
    expect(box.requestLog.hints().every((h) => h.jobId === a.jobId)).toBe(true)
    await heartbeat(box, a)
    expect(box.requestLog.earlyRequests().map((e) => e.request.routeId)).toEqual(['jobs.heartbeat'])
  })
})
