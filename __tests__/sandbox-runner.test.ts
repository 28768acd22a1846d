/**
 * The ephemeral runner protocol: launch with runner_type ephemeral, claim once,
 * complete (idempotently), and what happens when the runner never reports.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import { call, FLOWS, KEYS } from '../__fixtures__/sandbox-http.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

describe('sandbox ephemeral runner', () => {
  let clock: FakeClock
  let sandbox: Sandbox

  beforeEach(async () => {
    clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
    sandbox = await startSandbox({ clock })
  })
  afterEach(() => sandbox.close())

  const launchEphemeral = async (flowId: string = FLOWS.login): Promise<string> => {
    const res = await call(sandbox, `/flows/${flowId}/launch`, {
      body: { runner_type: 'ephemeral', ephemeral_job_version: 1 }
    })
    expect(res.status).toBe(202)
    return res.body.execution.id as string
  }
  const claim = (
    id: string,
    body: unknown = { runner_id: 'gha-runner-1', boot_id: randomUUID() }
  ) => call(sandbox, `/runner/ephemeral/executions/${id}/claim`, { body })
  const complete = (id: string, body: unknown, key?: string) =>
    call(sandbox, `/runner/ephemeral/executions/${id}/complete`, { body, key })
  const getExecution = (id: string) => call(sandbox, `/flows/${FLOWS.login}/executions/${id}`)

  const passed = {
    status: 'completed',
    started_at: '2025-06-02T09:00:01.000Z',
    completed_at: '2025-06-02T09:00:02.500Z',
    duration_ms: 1500,
    result: {
      nodes: [
        { node_id: 'login', status: 'completed', duration_ms: 700 },
        { node_id: 'profile', status: 'completed', duration_ms: 800, node_type: 'request' }
      ]
    }
  }

  it('stays pending until claimed: the sandbox does not run ephemeral executions itself', async () => {
    const id = await launchEphemeral()
    clock.advance(60_000)
    expect((await getExecution(id)).body.status).toBe('pending')
  })

  it('claim hands out the job once, with real input values; a repeat claim is 409', async () => {
    const id = await launchEphemeral()
    const res = await claim(id)
    expect(res.status).toBe(200)
    expect(res.body.job_token).toMatch(/^ejt_/)
    expect(res.body.job).toMatchObject({
      execution_id: id,
      flow_id: FLOWS.login,
      lease_expires_at: new Date(clock.now() + 10 * 60 * 1000).toISOString(),
      inputs: { base_url: 'https://shop.example.test', password: 'correct-horse-battery-staple' },
      secret_input_keys: ['password']
    })
    expect(res.body.job.flow_definition.nodes).toHaveLength(2)
    expect((await getExecution(id)).body.status).toBe('running')

    const again = await claim(id)
    expect(again.status).toBe(409)
    expect(again.body.errors[0].code).toBe('EXECUTION_ALREADY_CLAIMED')
  })

  it('concurrent claims: exactly one wins', async () => {
    const id = await launchEphemeral()
    const results = await Promise.all([claim(id), claim(id), claim(id), claim(id)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409])
  })

  it('validates the claim body', async () => {
    const id = await launchEphemeral()
    expect((await claim(id, { boot_id: randomUUID() })).body.errors[0].field).toBe('runner_id')
    expect((await claim(id, { runner_id: 'r', boot_id: 'nope' })).body.errors[0].field).toBe(
      'boot_id'
    )
  })

  it('a cloud execution cannot be claimed (409), an unknown one is 404', async () => {
    const cloud = (await call(sandbox, `/flows/${FLOWS.login}/launch`, { body: {} })).body.execution
      .id
    const res = await claim(cloud)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].code).toBe('EXECUTION_NOT_EPHEMERAL')
    expect((await claim(randomUUID())).status).toBe(404)
  })

  it('complete: terminal with the reported nodes; same payload is idempotent, another is 409', async () => {
    const id = await launchEphemeral()
    await claim(id)
    clock.advance(2_000)
    const res = await complete(id, passed)
    expect(res.status).toBe(200)
    expect(res.body.execution).toMatchObject({
      id,
      status: 'completed',
      execution_started_at: passed.started_at,
      completed_at: passed.completed_at
    })
    expect(
      res.body.nodes.map((n: { display_name: string; status: string }) => [
        n.display_name,
        n.status
      ])
    ).toEqual([
      ['POST /auth/login', 'completed'],
      ['GET /me', 'completed']
    ])
    expect(sandbox.state.terminalAt(id)).toBe(clock.now())

    clock.advance(1_000)
    // Same payload, keys in another order: a retry after a lost answer.
    const { result, duration_ms, ...rest } = passed
    const retry = await complete(id, { result, duration_ms, ...rest })
    expect(retry.status).toBe(200)
    expect(retry.body).toEqual(res.body)

    const different = await complete(id, { ...passed, status: 'failed' })
    expect(different.status).toBe(409)
    expect(different.body.errors[0].code).toBe('EXECUTION_ALREADY_TERMINAL')
  })

  it('complete as failed without node detail: nodes are skipped, error fields kept', async () => {
    const id = await launchEphemeral()
    await claim(id)
    const res = await complete(id, {
      status: 'failed',
      started_at: '2025-06-02T09:00:01Z',
      completed_at: '2025-06-02T09:00:03Z',
      duration_ms: 2000,
      error_code: 'RUNNER_CRASHED',
      error_message: 'the runner process exited with code 137'
    })
    expect(res.body.execution).toMatchObject({ status: 'failed', error_code: 'RUNNER_CRASHED' })
    expect(res.body.nodes.every((n: { status: string }) => n.status === 'skipped')).toBe(true)
  })

  it('complete needs a claim first, runner:complete, and a valid body', async () => {
    const id = await launchEphemeral()
    const early = await complete(id, passed)
    expect(early.status).toBe(409)
    expect(early.body.errors[0].code).toBe('EXECUTION_NOT_CLAIMED')
    await claim(id)
    expect((await complete(id, passed, KEYS.executeOnly)).status).toBe(403)
    for (const [body, field] of [
      [{ ...passed, status: 'passed' }, 'status'],
      [{ ...passed, started_at: 'now' }, 'started_at'],
      [{ ...passed, duration_ms: -1 }, 'duration_ms'],
      [{ ...passed, result: { nodes: [{ status: 'completed' }] } }, 'result.nodes[0].node_id'],
      [
        { ...passed, result: { nodes: [{ node_id: 'login', status: 'ok' }] } },
        'result.nodes[0].status'
      ]
    ] as const) {
      const res = await complete(id, body)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe(field)
    }
  })

  it('a claimed execution whose runner never reports fails when the lease expires', async () => {
    const id = await launchEphemeral()
    await claim(id)
    const claimedAt = clock.now()
    clock.advance(10 * 60 * 1000)
    const ex = (await getExecution(id)).body
    expect(ex).toMatchObject({ status: 'failed', error_code: 'RUNNER_LEASE_EXPIRED' })
    expect(sandbox.state.terminalAt(id)).toBe(claimedAt + 10 * 60 * 1000)
    expect((await complete(id, passed)).status).toBe(409)
  })

  it('a cancelled ephemeral execution cannot be claimed', async () => {
    const id = await launchEphemeral()
    await call(sandbox, `/flows/${FLOWS.login}/executions/${id}/cancel`, { method: 'POST' })
    const res = await claim(id)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].code).toBe('EXECUTION_ALREADY_TERMINAL')
  })
})
