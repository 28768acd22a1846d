/**
 * The ephemeral runner end to end: the bundled CLI and action (dist/) against
 * the real sandbox and the demo service over loopback. Each flow is launched,
 * claimed, run in the job by the flow engine, and completed over the job
 * protocol; the reports come from the local result.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  EPHEMERAL_KEY,
  ephemeralFixtures,
  FLOW_IDS,
  ORG,
  SECRET_TOKEN
} from '../__fixtures__/ephemeral.js'
import { runAction, runCli } from '../__fixtures__/run-dist.js'
import type { ResultsDocument } from '../src/core/run/results.js'
import { startDemoService, type DemoService } from '../src/demo-service/server.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

let service: DemoService
let sandbox: Sandbox
let dir: string

beforeAll(async () => {
  service = await startDemoService()
  sandbox = await startSandbox({ fixtures: ephemeralFixtures(service.url) })
  dir = await mkdtemp(join(tmpdir(), 'echopoint-ephemeral-'))
})
afterAll(async () => {
  await sandbox.close()
  await service.close()
  await rm(dir, { recursive: true, force: true })
})
beforeEach(() => sandbox.requestLog.clear())

const env = (): Record<string, string> => ({
  ECHOPOINT_API_KEY: EPHEMERAL_KEY,
  ECHOPOINT_ORGANIZATION_ID: ORG,
  ECHOPOINT_API_URL: sandbox.url,
  CI: 'true'
})

const cli = (args: string[]) =>
  runCli(['run', '--runner', 'ephemeral', ...args], { env: env(), killAfterMs: 60_000 })

function jobEntries() {
  return sandbox.requestLog.entries().filter((e) => e.path.startsWith('/runner/jobs'))
}

describe('runner: ephemeral', () => {
  it('runs each flow in the job: a pass, a module flow, and a failure with its cleanup skipped', async () => {
    const run = await cli(['--tag', 'local', '--output', 'json'])
    expect(run.exitCode).toBe(1)
    const doc = JSON.parse(run.stdout) as ResultsDocument
    const byId = new Map(doc.flows.map((f) => [f.flow_id, f]))
    expect(doc.counts).toMatchObject({ total: 3, passed: 2, failed: 1 })
    expect(byId.get(FLOW_IDS.crud)?.status).toBe('passed')
    expect(byId.get(FLOW_IDS.module)?.status).toBe('passed')
    const failing = byId.get(FLOW_IDS.failing)!
    expect(failing.status).toBe('failed')
    expect(failing.nodes.map((n) => [n.node_id, n.status])).toEqual([
      ['create', 'failed'],
      ['read', 'skipped'],
      ['cleanup', 'skipped']
    ])
    expect(failing.nodes[0].assertions[0]).toMatchObject({
      extractor: 'status_code',
      expected: 201,
      actual: 400,
      passed: false
    })
    // The server agrees: completed for the passes, failed for the failure.
    for (const flow of doc.flows) {
      const job = sandbox.state.job(flow.execution_id!)
      expect(job?.completion?.status).toBe(flow.status === 'passed' ? 'completed' : 'failed')
      expect(job?.completion?.runnerStatus).toBe('completed')
    }
    // No status polling, no node reads: the report is the local result.
    const reads = sandbox.requestLog
      .entries()
      .filter((e) => e.method === 'GET' && /\/executions\//.test(e.path))
    expect(reads).toEqual([])
    // The service the job reached on loopback saw the passing flow's cleanup.
    expect(service.requests.some((r) => r.startsWith('DELETE /widgets/wdg_'))).toBe(true)
  })

  it('speaks the job protocol: one claim, token only, events 1..n, one effective completion', async () => {
    const run = await cli([FLOW_IDS.crud])
    expect(run.exitCode).toBe(0)
    const claims = sandbox.requestLog.entries().filter((e) => e.path.endsWith('/claim'))
    expect(claims).toHaveLength(1)
    const executionId = claims[0].path.split('/')[4]
    const job = sandbox.state.job(executionId)!
    const calls = jobEntries()
    expect(calls.length).toBeGreaterThan(1)
    for (const call of calls) {
      expect(call.authHeaders).toEqual({ apiKey: false, organizationId: false, jobToken: true })
    }
    const sequences = job.events.map((e) => e.sequence)
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1))
    expect(job.events[0].type).toBe('flow.started')
    expect(job.events.filter((e) => e.type === 'node.started')).toHaveLength(6)
    expect(job.completion?.result).toBeTruthy()
    expect(job.completeCalls).toBe(1)
    const complete = calls.filter((c) => c.path.endsWith('/complete'))
    expect(complete).toHaveLength(1)
    expect(job.lastAcceptedSequence).toBe(sequences.length)
  })

  it('hides secret inputs everywhere: log (masked), outputs, summary, JUnit, and what the server got', async () => {
    const run = await runAction(
      {
        'api-key': EPHEMERAL_KEY,
        'organization-id': ORG,
        'api-url': sandbox.url,
        tags: 'secret',
        runner: 'ephemeral',
        'junit-path': join(dir, 'junit.xml')
      },
      { killAfterMs: 60_000 }
    )
    expect(run.exitCode).toBe(1)
    // Masked for the runner's log.
    expect(run.stdout).toContain(`::add-mask::${SECRET_TOKEN}`)
    const everything = [
      run.stdout.replace(`::add-mask::${SECRET_TOKEN}`, ''),
      run.stderr,
      JSON.stringify(run.outputs),
      run.summary,
      ...Object.values(run.files)
    ].join('\n')
    expect(everything).not.toContain(SECRET_TOKEN)
    expect(everything).not.toContain('tok_ephemeral')
    const executionId = JSON.parse(run.outputs['execution-ids']) as string[]
    const sent = JSON.stringify(sandbox.state.job(executionId[0])?.completion?.result)
    expect(sent).not.toContain('tok_ephemeral')
    const events = JSON.stringify(sandbox.state.job(executionId[0])?.events)
    expect(events).not.toContain('tok_ephemeral')
    expect(run.summary).toContain('Echo the token')
  })

  it('a claim conflict fails that flow (exit 3) naming the execution, and sends nothing else for it', async () => {
    // A first run claims the execution and dies (killed mid-flow): the execution stays claimed.
    const key = `conflict-${Date.now()}`
    let executionId: string | undefined
    const first = runCli(
      ['run', '--runner', 'ephemeral', FLOW_IDS.slow, '--idempotency-key', key],
      {
        env: env(),
        killAfterMs: 60_000,
        onSpawn: (child) => {
          const timer = setInterval(() => {
            const claim = sandbox.requestLog
              .entries()
              .find((e) => e.path.endsWith('/claim') && e.status === 200)
            if (claim) {
              executionId = claim.path.split('/')[4]
              clearInterval(timer)
              child.kill('SIGKILL')
            }
          }, 20)
        }
      }
    )
    await first
    expect(executionId).toBeDefined()
    sandbox.requestLog.clear()
    // The step is retried with the same key: the launch replays that execution, the claim is refused.
    const run = await cli([FLOW_IDS.slow, '--idempotency-key', key, '--output', 'json'])
    expect(run.exitCode).toBe(3)
    const doc = JSON.parse(run.stdout) as ResultsDocument
    expect(doc.flows[0]).toMatchObject({ status: 'error', execution_id: executionId })
    expect(doc.flows[0].error_message).toContain(`inspect execution ${executionId}`)
    const sent = sandbox.requestLog
      .entries()
      .map((e) => `${e.method} ${e.path.split('/').slice(0, 4).join('/')}`)
    expect(sent.filter((e) => e.includes('/claim') || e.includes('/runner/'))).toHaveLength(1)
    expect(jobEntries()).toEqual([])
  })
})

describe('runner: ephemeral, faults on the job routes', () => {
  it('lost completion answers: the completion is sent again, and takes effect once', async () => {
    const faulty = await startSandbox({
      fixtures: ephemeralFixtures(service.url),
      // Seed 8: the first completion's answer is lost after the server applied it, the second gets through.
      faults: { seed: 8, rateReset: 0.5, routes: ['jobs.complete'], afterCommit: true }
    })
    try {
      const run = await runCli(
        ['run', '--runner', 'ephemeral', FLOW_IDS.crud, '--output', 'json'],
        {
          env: { ...env(), ECHOPOINT_API_URL: faulty.url },
          killAfterMs: 60_000
        }
      )
      expect(run.exitCode).toBe(0)
      const doc = JSON.parse(run.stdout) as ResultsDocument
      const job = faulty.state.job(doc.flows[0].execution_id!)!
      const completes = faulty.requestLog.entries().filter((e) => e.path.endsWith('/complete'))
      // At least one answer was lost after the server applied it; the retry was taken as the same.
      expect(completes.length).toBeGreaterThan(1)
      expect(job.completion?.status).toBe('completed')
      const sequences = job.events.map((e) => e.sequence)
      expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1))
    } finally {
      await faulty.close()
    }
  })
})

describe('runner: ephemeral, stops', () => {
  it('--timeout aborts the flow in the job and completes it failed with what finished (exit 4)', async () => {
    const started = Date.now()
    const run = await cli([FLOW_IDS.slow, '--timeout', '3s', '--output', 'json'])
    expect(run.exitCode).toBe(4)
    expect(Date.now() - started).toBeLessThan(20_000)
    const doc = JSON.parse(run.stdout) as ResultsDocument
    const flow = doc.flows[0]
    expect(flow.status).toBe('timed_out')
    expect(flow.nodes.find((n) => n.node_id === 'quick')?.status).toBe('completed')
    const job = sandbox.state.job(flow.execution_id!)
    expect(job?.completion?.runnerStatus).toBe('failed')
  })

  it('a cancel (SIGTERM) stops the flow in the job and completes it failed with what finished (exit 2)', async () => {
    let executionId: string | undefined
    const run = await runCli(['run', '--runner', 'ephemeral', FLOW_IDS.slow, '--output', 'json'], {
      env: env(),
      killAfterMs: 60_000,
      onSpawn: (child) => {
        const timer = setInterval(() => {
          const events = sandbox.requestLog.entries().find((e) => e.path.endsWith('/events'))
          const claim = sandbox.requestLog
            .entries()
            .find((e) => e.path.endsWith('/claim') && e.status === 200)
          if (claim && events) {
            executionId = claim.path.split('/')[4]
            clearInterval(timer)
            child.kill('SIGTERM')
          }
        }, 20)
      }
    })
    expect(run.exitCode).toBe(2)
    const doc = JSON.parse(run.stdout) as ResultsDocument
    expect(doc.flows[0].status).toBe('cancelled')
    const job = sandbox.state.job(executionId!)
    expect(job?.completion?.runnerStatus).toBe('failed')
    expect(job?.completeCalls).toBe(1)
  })

  it('a cancelled execution rejects the lease: the run stops and the job is not completed', async () => {
    const lease = await startSandbox({
      fixtures: ephemeralFixtures(service.url),
      ephemeralLeaseMs: 800
    })
    try {
      const pending = runCli(['run', '--runner', 'ephemeral', FLOW_IDS.slow, '--output', 'json'], {
        env: { ...env(), ECHOPOINT_API_URL: lease.url },
        killAfterMs: 60_000
      })
      // Wait for the claim, then cancel the execution through the API.
      let executionId: string | undefined
      for (let i = 0; i < 200 && !executionId; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25))
        executionId = lease.requestLog
          .entries()
          .find((e) => e.path.endsWith('/claim') && e.status === 200)
          ?.path.split('/')[4]
      }
      expect(executionId).toBeDefined()
      const res = await fetch(
        `${lease.url}/flows/${FLOW_IDS.slow}/executions/${executionId}/cancel`,
        {
          method: 'POST',
          headers: { 'X-Api-Key': EPHEMERAL_KEY, 'X-Organization-ID': ORG }
        }
      )
      expect(res.status).toBe(202)
      const run = await pending
      expect(run.exitCode).toBe(3)
      const doc = JSON.parse(run.stdout) as ResultsDocument
      expect(doc.flows[0].status).toBe('error')
      expect(doc.flows[0].error_message).toContain('rejected the lease')
      expect(lease.state.job(executionId!)?.completeCalls).toBe(0)
    } finally {
      await lease.close()
    }
  })
})
