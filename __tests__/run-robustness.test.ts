/**
 * What the run does when things go wrong after the launches: a defect or an
 * unreadable answer while following ends the run at once with every launched
 * execution reported and cancelled (not after the whole timeout, not with an
 * empty report); cancels go out together, one hanging answer holds none of the
 * others, and the whole cancel ends within its budget.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { systemClock } from '../src/core/clock.js'
import type { EchopointApi } from '../src/core/api/api.js'
import { createClient } from '../src/core/api/client.js'
import type { Execution } from '../src/core/api/model.js'
import { cancelExecutions, PROBE_MS } from '../src/core/run/cancel.js'
import { githubRun } from '../__fixtures__/ci-context.js'
import { resolveRunConfig } from '../src/core/run/config.js'
import type { FollowItem } from '../src/core/run/follow-item.js'
import { silentLogger } from '../src/core/logger.js'
import { runFlows } from '../src/core/run/run.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

const CI = githubRun('robust', '9')

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

describe('a failure while following', () => {
  it('a defect in following ends the run at once: every execution reported and cancelled', async () => {
    // Real time: the failure comes at once, and flows of minutes are all still running then,
    // however busy the machine (virtual time would race ahead of the cancels on the wire).
    sandbox = await startSandbox({ timeScale: 100 })
    const config = resolveRunConfig({
      apiKey: sandbox.apiKey,
      organizationId: sandbox.organizationId,
      apiUrl: sandbox.url,
      tags: 'smoke'
    })
    const real = createClient({ ...config })
    // A bug below the run that no per-request handler catches: the follow loop itself throws.
    const api: EchopointApi = Object.create(real, {
      budget: {
        value: () => {
          throw new TypeError("Cannot read properties of null (reading 'id')")
        }
      }
    }) as EchopointApi
    const started = Date.now()
    const outcome = await runFlows(config, {
      clock: systemClock,
      logger: silentLogger,
      ci: CI,
      invocationId: 'inv-r',
      api
    })
    // Seconds at most, not the 15-minute timeout.
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(outcome.results.status).toBe('error')
    expect(outcome.results.flows).toHaveLength(4)
    // Following starts with the first launch: when it fails, no more is launched.
    expect(outcome.executionIds.length).toBeGreaterThanOrEqual(1)
    for (const flow of outcome.results.flows) {
      expect(flow.status).toBe('error')
      expect(flow.error_message).toMatch(
        flow.execution_id === null
          ? /^Not launched: .*Unexpected error: Cannot read/
          : /Stopped following it: Unexpected error: Cannot read/
      )
    }
    // Nothing left running unwatched.
    const executions = sandbox.state.listExecutions()
    expect(executions).toHaveLength(outcome.executionIds.length)
    expect(executions.every((e) => e.status === 'cancelled')).toBe(true)
  })
})

describe('cancelExecutions', () => {
  function item(i: number): FollowItem {
    const execution: Execution = {
      id: `e${i}`,
      flow_id: `f${i}`,
      status: 'running',
      started_at: '2024-01-15T10:00:00Z'
    }
    return { flow: { id: `f${i}`, name: `Flow ${i}` }, execution }
  }

  it('sends the cancels together: one hanging answer holds up no other, and the budget ends it', async () => {
    const clock = new FakeClock({ auto: false })
    const calls: string[] = []
    const api = {
      cancelExecution: (flowId: string, executionId: string, opts?: { signal?: AbortSignal }) => {
        calls.push(executionId)
        if (executionId === 'e0') {
          // Never answers; only the budget's abort ends it.
          return new Promise<Execution>((_resolve, reject) =>
            opts?.signal?.addEventListener('abort', () => reject(new Error('aborted')))
          )
        }
        return Promise.resolve({
          ...item(0).execution,
          id: executionId,
          flow_id: flowId,
          status: 'cancelled' as const
        })
      }
    } as unknown as EchopointApi
    const warnings: string[] = []
    const logger = { ...silentLogger, warning: (m: string) => void warnings.push(m) }
    const items = Array.from({ length: 6 }, (_, i) => item(i))
    let done = false
    const cancelling = cancelExecutions(api, items, {
      clock,
      logger,
      budgetMs: 4000,
      concurrency: 32
    }).then((ids) => {
      done = true
      return ids
    })
    await clock.whenPending(2)
    // The first goes alone for PROBE_MS, then the rest go without waiting for it.
    expect(calls).toEqual(['e0'])
    clock.advance(PROBE_MS)
    await new Promise((r) => setImmediate(r))
    expect(calls).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5'])
    expect(done).toBe(false)
    clock.advance(4000 - PROBE_MS)
    await expect(cancelling).resolves.toEqual(['e1', 'e2', 'e3', 'e4', 'e5'])
    expect(items.map((i) => i.execution.status)).toEqual([
      'running',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled'
    ])
    expect(warnings).toEqual(['Could not cancel "Flow 0" (execution e0): no answer within 4000 ms'])
  })
})
