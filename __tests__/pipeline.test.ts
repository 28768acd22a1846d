/**
 * The pipelined run in virtual time against the sandbox (real HTTP over
 * loopback, a FakeClock that jumps when the run waits): following starts with
 * the first launch, each bucket keeps its own pause when the server counts
 * buckets apart, a limit the server does not announce costs at most one 429 a
 * window, and fail-fast stops the run at the first flow that does not pass.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { flowIdFor, manyFlows } from '../__fixtures__/many-flows.js'
import { runInVirtualTime } from '../__fixtures__/virtual-time.js'
import { githubRun } from '../__fixtures__/ci-context.js'
import { resolveRunConfig, type RawRunInputs } from '../src/core/run/config.js'
import type { Logger } from '../src/core/logger.js'
import { runFlows, verdictMessage, type RunOutcome } from '../src/core/run/run.js'
import type { FlowReport } from '../src/core/run/results.js'
import {
  startSandbox,
  type HeaderStyle,
  type Sandbox,
  type SandboxFixtures
} from '../src/sandbox/index.js'

const CI = githubRun('test', '13')
// Two seconds into a minute: the sandbox's windows are aligned to whole minutes.
const T0 = Date.parse('2025-06-02T09:00:02.000Z')
const MINUTE = Date.parse('2025-06-02T09:00:00.000Z')

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

interface Run {
  outcome: RunOutcome
  clock: FakeClock
  sandbox: Sandbox
  /** Flow ends as the run reported them (onFlowEnd), with the virtual time. */
  ends: { at: number; report: FlowReport }[]
  lines: string[]
}

async function run(
  fixtures: SandboxFixtures,
  rateLimits: { style: HeaderStyle; read?: number; write?: number; search?: number },
  inputs: RawRunInputs = {}
): Promise<Run> {
  const clock = new FakeClock({ auto: false, now: T0 })
  sandbox = await startSandbox({ clock, fixtures, rateLimits })
  const config = resolveRunConfig({
    apiKey: sandbox.apiKey,
    organizationId: sandbox.organizationId,
    apiUrl: sandbox.url,
    tags: 'scale',
    timeout: '30m',
    ...inputs
  })
  const lines: string[] = []
  const logger: Logger = {
    debug: () => undefined,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(m),
    error: (m) => lines.push(m)
  }
  const ends: Run['ends'] = []
  const outcome = await runInVirtualTime(
    clock,
    runFlows(config, {
      clock,
      logger,
      ci: CI,
      invocationId: 'inv-pipe',
      onFlowEnd: (report) => ends.push({ at: clock.now(), report })
    }),
    { minPending: 2, waitForHttp: true }
  )
  return { outcome, clock, sandbox, ends, lines }
}

describe('pipelined run', () => {
  it('sees a flow that ends while launches are still being sent before the last launch', async () => {
    // 12 flows of 1-2 s, 5 writes a minute: the launches span three windows (two minutes).
    const { outcome, sandbox, ends } = await run(
      manyFlows(12, { seed: 3, minMs: 1000, maxMs: 2000, failShare: 0 }),
      { style: 'ietf', write: 5 }
    )
    expect(outcome.results.counts.passed).toBe(12)
    const launches = sandbox.requestLog.launches()
    expect(launches).toHaveLength(12)
    const lastLaunch = launches[launches.length - 1].at
    expect(lastLaunch).toBeGreaterThanOrEqual(MINUTE + 120_000)
    // The flows of the first window were seen, and reported, to end within it.
    expect(ends.filter((e) => e.at < MINUTE + 60_000)).toHaveLength(5)
    expect(ends.filter((e) => e.at < lastLaunch).length).toBeGreaterThanOrEqual(10)
    expect(sandbox.requestLog.entries().filter((e) => e.status === 429)).toEqual([])
  })

  it('keeps the shared pause for a server whose answers do not tell the buckets apart', async () => {
    // The same limit for reads and writes, no policy names: one pause for all.
    const { outcome, sandbox } = await run(
      manyFlows(12, { seed: 3, minMs: 1000, maxMs: 2000, failShare: 0 }),
      { style: 'x-ratelimit-epoch', read: 5, write: 5, search: 5 }
    )
    expect(outcome.results.counts.passed).toBe(12)
    const log = sandbox.requestLog.entries()
    // No request at all while a spent window's pause held: nothing is early.
    expect(sandbox.requestLog.earlyRequests()).toEqual([])
    expect(log.filter((e) => e.status === 429)).toEqual([])
  })
})

describe('a budget and a pause per bucket', () => {
  it.each(['ietf', 'x-ratelimit-epoch'] as const)(
    '%s: writes spent, reads go on (the buckets are counted apart)',
    async (style) => {
      const { outcome, sandbox } = await run(
        manyFlows(8, { seed: 4, minMs: 1000, maxMs: 3000, failShare: 0 }),
        { style, write: 4, read: 100 }
      )
      expect(outcome.results.counts.passed).toBe(8)
      const log = sandbox.requestLog.entries()
      const launches = sandbox.requestLog.launches()
      // The write window was spent at the fourth launch; the fifth waited for the next minute.
      expect(launches[3].at).toBeLessThan(MINUTE + 60_000)
      expect(launches[4].at).toBeGreaterThanOrEqual(MINUTE + 60_000)
      // Meanwhile the reads went on: the first four flows were seen to end in the first minute.
      const reads = log.filter(
        (e) => e.bucket === 'read' && e.at > launches[3].at && e.at < MINUTE + 60_000
      )
      expect(reads.length).toBeGreaterThan(0)
      expect(log.filter((e) => e.status === 429)).toEqual([])
      expect(sandbox.requestLog.earlyRequests()).toEqual([])
    }
  )
})

describe('a server that states no budget (Retry-After on its 429 only)', () => {
  it('costs at most one 429 a window, and nothing is sent before its hint', async () => {
    const { outcome, sandbox } = await run(
      manyFlows(16, { seed: 6, minMs: 1000, maxMs: 3000, failShare: 0 }),
      { style: 'retry-after-only', write: 5 },
      { maxParallel: '4' }
    )
    expect(outcome.results.counts.passed).toBe(16)
    const refused = sandbox.requestLog.entries().filter((e) => e.status === 429)
    const perWindow = new Map<string, number>()
    for (const e of refused) {
      const key = `${e.bucket} ${Math.floor(e.at / 60_000)}`
      perWindow.set(key, (perWindow.get(key) ?? 0) + 1)
    }
    expect(refused.length).toBeGreaterThan(0)
    expect(Math.max(...perWindow.values())).toBe(1)
    expect(sandbox.requestLog.earlyRequests()).toEqual([])
  })
})

describe('fail-fast', () => {
  /** In this order, so flow 1 is launched first. */
  const IDS = [1, 2, 3, 4, 5, 6].map(flowIdFor).join(',')

  /** Flow 1 fails after 1 s; the others take a minute, and the writes allow 3 a minute. */
  function fixtures(): SandboxFixtures {
    const base = manyFlows(6, { seed: 2, minMs: 60_000, maxMs: 60_000, failShare: 0 })
    const flows = (base.flows ?? []).map((flow, i) =>
      i === 0
        ? {
            ...flow,
            simulation: {
              outcome: 'failed' as const,
              duration_ms: 1000,
              failure: {
                node_id: 'call',
                assertion: {
                  extractor: 'status_code',
                  operator: 'equals',
                  expected: 200,
                  actual: 500
                }
              }
            }
          }
        : flow
    )
    return { ...base, flows }
  }

  it('cancels the flows still running and launches no more at the first failure', async () => {
    const { outcome, sandbox, lines } = await run(
      fixtures(),
      { style: 'ietf', write: 3 },
      { tags: '', flowIds: IDS, failFast: 'true', maxParallel: '1' }
    )
    const byName = new Map(outcome.results.flows.map((f) => [f.flow_name, f]))
    expect(byName.get('Scale flow 1')?.status).toBe('failed')
    // Launched in the first window and cancelled; the rest never launched.
    expect(byName.get('Scale flow 2')).toMatchObject({
      status: 'cancelled',
      error_message: expect.stringMatching(/^Cancelled by fail-fast after "Scale flow 1" failed/)
    })
    for (const name of ['Scale flow 4', 'Scale flow 5', 'Scale flow 6']) {
      expect(byName.get(name)).toMatchObject({
        status: 'cancelled',
        execution_id: null,
        error_message: 'Not launched: fail-fast after "Scale flow 1" failed'
      })
    }
    expect(sandbox.requestLog.launches()).toHaveLength(3)
    expect(sandbox.state.listExecutions().filter((e) => e.status === 'running')).toEqual([])
    // The run failed because a flow failed (exit 1), not because of the cancels it made.
    expect(outcome.results.status).toBe('failed')
    expect(outcome.failFast).toEqual({
      flowName: 'Scale flow 1',
      status: 'failed',
      cancelled: 2,
      notLaunched: 3
    })
    expect(verdictMessage(outcome)).toBe(
      '0/6 flows passed; 1 failed; fail-fast stopped the run after "Scale flow 1" failed (2 cancelled, 3 not launched)'
    )
    expect(lines).toContain('"Scale flow 1" failed: GET /health: status_code equals 200, got 500')
  })

  it('is off by default: a failure is reported at once and the run goes on', async () => {
    const { outcome, ends } = await run(
      fixtures(),
      { style: 'ietf', write: 3 },
      { tags: '', flowIds: IDS }
    )
    expect(outcome.results.counts).toMatchObject({ total: 6, passed: 5, failed: 1 })
    expect(outcome.failFast).toBeUndefined()
    // The failure was reported long before the run's end (the others take a minute).
    const failed = ends.find((e) => e.report.status === 'failed')
    expect(failed?.at).toBeLessThan(T0 + 10_000)
    expect(failed?.report.nodes[0]?.assertions[0]).toMatchObject({ passed: false, actual: 500 })
  })
})
