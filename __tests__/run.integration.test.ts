/**
 * The core's run (src/core/run/run.ts) against the real sandbox over loopback, both
 * on one fake clock: flows of seconds and deadlines of minutes run in
 * milliseconds, with every request real.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { runInVirtualTime } from '../__fixtures__/virtual-time.js'
import { resolveRunConfig, type RawRunInputs } from '../src/core/run/config.js'
import { githubRun } from '../__fixtures__/ci-context.js'
import type { CiContext } from '../src/core/ci-context.js'
import { silentLogger } from '../src/core/logger.js'
import { runFlows, type RunOutcome } from '../src/core/run/run.js'
import {
  defaultFixtures,
  startSandbox,
  type Sandbox,
  type SandboxFixtures
} from '../src/sandbox/index.js'

const CI = githubRun('test', '42')

let sandbox: Sandbox | undefined
let clock: FakeClock | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
  clock = undefined
})

async function run(
  raw: Partial<RawRunInputs>,
  options: { fixtures?: SandboxFixtures; ci?: CiContext; invocationId?: string } = {}
): Promise<{ outcome: RunOutcome; clock: FakeClock; sandbox: Sandbox }> {
  // One clock per test, shared by the sandbox and every run in the test.
  clock ??= new FakeClock({ auto: false, now: Date.now() })
  sandbox ??= await startSandbox({ clock, fixtures: options.fixtures })
  const config = resolveRunConfig({
    apiKey: sandbox.apiKey,
    organizationId: sandbox.organizationId,
    apiUrl: sandbox.url,
    ...raw
  })
  const outcome = await runInVirtualTime(
    clock,
    runFlows(config, {
      clock,
      logger: silentLogger,
      ci: options.ci ?? CI,
      invocationId: options.invocationId ?? 'inv-1'
    }),
    { minPending: 2, waitForHttp: true }
  )
  return { outcome, clock, sandbox }
}

function withLongFlow(): SandboxFixtures {
  const fixtures = structuredClone(defaultFixtures())
  const checkout = fixtures.flows.find((f) => f.name === 'Checkout happy path')!
  checkout.simulation = { ...checkout.simulation, duration_ms: 60 * 60_000 }
  return fixtures
}

describe('a run against the sandbox, in virtual time', () => {
  it('follows real-length flows to the verdict', async () => {
    const { outcome, clock } = await run({ tags: 'regression' })
    expect(outcome.results.status).toBe('failed')
    expect(outcome.results.counts).toMatchObject({ total: 4, passed: 3, failed: 1 })
    // The flows last up to 3.5 s of sandbox time: polling kept up without hammering.
    const polls = sandbox!.requestLog.filter(
      (e) => e.method === 'GET' && /\/executions\/[^/]+$/.test(e.path)
    )
    expect(polls.length).toBeLessThanOrEqual(4 * 6)
    expect(clock.now()).toBeGreaterThan(0)
  })

  it('times out at the 15-minute deadline, lists the running flow, and cancels it', async () => {
    const { outcome, sandbox: sb } = await run({ tags: 'smoke' }, { fixtures: withLongFlow() })
    expect(outcome.results.status).toBe('timed_out')
    expect(outcome.error?.message).toContain('15m')
    const timedOut = outcome.results.flows.filter((f) => f.status === 'timed_out')
    expect(timedOut.map((f) => f.flow_name)).toEqual(['Checkout happy path'])
    expect(outcome.results.counts.passed).toBe(3)
    const cancels = sb.requestLog.filter((e) => e.path.endsWith('/cancel'))
    expect(cancels.map((e) => e.status)).toEqual([202])
    // No request after the deadline other than the cancel.
    const deadline = sb.requestLog.entries()[0].at + 15 * 60_000
    const late = sb.requestLog.filter((e) => e.at > deadline && !e.path.endsWith('/cancel'))
    expect(late).toEqual([])
  })

  it('never launches a flow twice when the same CI run is retried', async () => {
    const first = await run({ tags: 'smoke' })
    const second = await run({ tags: 'smoke' }, { invocationId: 'inv-2' })
    expect(second.outcome.results.status).toBe('passed')
    expect(second.outcome.executionIds.sort()).toEqual(first.outcome.executionIds.sort())
    const launches = sandbox!.requestLog.launches()
    expect(launches.filter((l) => !l.replay)).toHaveLength(4)
    expect(launches.filter((l) => l.replay)).toHaveLength(4)
  })

  it('launches again for a new run attempt', async () => {
    const first = await run({ tags: 'smoke' })
    const retried = await run(
      { tags: 'smoke' },
      { ci: { ...CI, runIdentity: 'acme/shop|ci|test|42|2' } }
    )
    expect(retried.outcome.results.status).toBe('passed')
    expect(new Set([...first.outcome.executionIds, ...retried.outcome.executionIds]).size).toBe(8)
  })

  it('sends the launch body of docs/interface.md', async () => {
    await run({ flowIds: '12274271-06b2-43b7-b64a-de134439c37f', environment: 'staging' })
    const execution = sandbox!.state.listExecutions()[0]
    expect(execution).toMatchObject({
      runner_type: 'cloud',
      environment_key: 'staging',
      trigger_type: 'git',
      trigger_metadata: { source: 'github_actions', repository: 'acme/shop', run_id: '42' }
    })
  })
})
