/**
 * The core's run (src/core/run/run.ts) stopped at awkward moments, against the real
 * sandbox: a cancel during the preflight, a cancel while launches are in flight,
 * and the deadline passing during the launches. A sandbox layer fires the
 * signal (or holds a request) at exactly the right request, so nothing depends
 * on timing luck.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { setTimeout as delay } from 'node:timers/promises'
import { resolveRunConfig, type RawRunInputs } from '../src/core/run/config.js'
import { githubRun } from '../__fixtures__/ci-context.js'
import { systemClock, type Clock } from '../src/core/clock.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import type { Logger } from '../src/core/logger.js'
import { runFlows, type RunOutcome } from '../src/core/run/run.js'
import { startSandbox, type Sandbox, type SandboxLayer } from '../src/sandbox/index.js'
import { FLOWS } from '../__fixtures__/sandbox-http.js'

const CI = githubRun('cancel', '7')

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

interface Logged {
  level: string
  message: string
}

async function run(
  faults: SandboxLayer,
  raw: Partial<RawRunInputs>,
  signal?: AbortSignal,
  clock: Clock = systemClock
): Promise<{ outcome: RunOutcome; sandbox: Sandbox; logged: Logged[] }> {
  sandbox = await startSandbox({ layers: { faults } })
  const logged: Logged[] = []
  const logger: Logger = {
    debug: () => undefined,
    info: (message) => logged.push({ level: 'info', message }),
    warning: (message) => logged.push({ level: 'warning', message }),
    error: (message) => logged.push({ level: 'error', message })
  }
  const config = resolveRunConfig({
    apiKey: sandbox.apiKey,
    organizationId: sandbox.organizationId,
    apiUrl: sandbox.url,
    ...raw
  })
  const outcome = await runFlows(config, {
    clock,
    logger,
    ci: CI,
    invocationId: 'inv-cancel',
    signal
  })
  return { outcome, sandbox, logged }
}

const isLaunch = (method: string, path: string) => method === 'POST' && path.endsWith('/launch')

describe('a run stopped at an awkward moment', () => {
  it('a cancel during the preflight launches nothing and reports cancelled', async () => {
    const controller = new AbortController()
    const layer: SandboxLayer = {
      name: 'cancel-on-first-request',
      handle: async (_ctx, next) => {
        controller.abort()
        return next()
      }
    }
    const { outcome, sandbox: sb } = await run(layer, { tags: 'smoke' }, controller.signal)
    expect(outcome.results.status).toBe('cancelled')
    expect(outcome.error?.kind).toBe('cancelled')
    expect(outcome.results.flows).toEqual([])
    expect(sb.requestLog.launches()).toEqual([])
  })

  it('a cancel while a launch is in flight: that execution is cancelled, the rest never launched', async () => {
    const controller = new AbortController()
    const layer: SandboxLayer = {
      name: 'cancel-during-first-launch',
      handle: async (ctx, next) => {
        if (isLaunch(ctx.method, ctx.path) && !controller.signal.aborted) {
          // The signal arrives while this launch is on the wire; the server still creates it.
          controller.abort()
          await delay(100)
        }
        return next()
      }
    }
    const ids = [FLOWS.login, FLOWS.checkout, FLOWS.refund]
    const { outcome, sandbox: sb } = await run(
      layer,
      { flowIds: ids.join(','), maxParallel: '1' },
      controller.signal
    )
    expect(outcome.results.status).toBe('cancelled')
    // Exactly one launch reached the server, and its execution did not keep running.
    const launches = sb.requestLog.launches()
    expect(launches).toHaveLength(1)
    expect(sb.state.listExecutions().map((e) => e.status)).toEqual(['cancelled'])
    const [first, ...rest] = outcome.results.flows
    expect(first).toMatchObject({
      flow_id: launches[0].flowId,
      status: 'cancelled',
      execution_id: launches[0].executionId
    })
    expect(outcome.executionIds).toEqual([launches[0].executionId])
    expect(rest.map((f) => [f.status, f.execution_id, f.error_message])).toEqual([
      ['cancelled', null, 'cancelled before it was launched'],
      ['cancelled', null, 'cancelled before it was launched']
    ])
  })

  it('the deadline passing during a launch with no answer: reported as sent with its key, within the timeout', async () => {
    const layer: SandboxLayer = {
      name: 'slow-first-launch',
      handle: async (ctx, next) => {
        if (isLaunch(ctx.method, ctx.path) && sandbox!.requestLog.launches().length === 0) {
          await delay(400)
        }
        return next()
      }
    }
    const ids = [FLOWS.login, FLOWS.checkout, FLOWS.refund]
    const started = Date.now()
    const { outcome, logged } = await run(layer, {
      flowIds: ids.join(','),
      maxParallel: '1',
      timeout: '250ms'
    })
    // The step ends within its timeout: it does not wait for the late answer.
    expect(Date.now() - started).toBeLessThan(400)
    expect(outcome.results.status).toBe('timed_out')
    expect(outcome.results.counts).toMatchObject({ total: 3, timed_out: 3 })
    // Not "cancelled before it was launched": the request went out, and the server may act on it.
    expect(outcome.results.flows[0].error_message).toMatch(
      /^The launch request was sent but no answer came before the run stopped: Echopoint may have started an execution this run could not cancel \(Idempotency-Key echopoint-ci-[0-9a-f]{40};/
    )
    expect(outcome.results.flows.slice(1).map((f) => f.error_message)).toEqual([
      'Not launched: the timeout passed first',
      'Not launched: the timeout passed first'
    ])
    // Said once, as information: the adapters annotate each timed-out flow themselves.
    expect(logged.filter((l) => l.level === 'error')).toEqual([])
    expect(logged.filter((l) => /^Timed out after 250ms/.test(l.message))).toHaveLength(0)
  })

  it('the deadline passing while a launch answer is on its way: it is read in the grace and cancelled', async () => {
    // 30 s of timeout: following stops 5.5 s before, and a launch sent then gets 1.5 s to answer.
    const clock = new FakeClock({ now: Date.parse('2026-01-01T00:00:00Z'), auto: false })
    const layer: SandboxLayer = {
      name: 'deadline-during-first-launch',
      handle: async (ctx, next) => {
        if (isLaunch(ctx.method, ctx.path) && sandbox!.requestLog.launches().length === 0) {
          clock.advance(30_000 - 5_500)
          await delay(50)
        }
        return next()
      }
    }
    const ids = [FLOWS.login, FLOWS.checkout]
    const { outcome, sandbox: sb } = await run(
      layer,
      { flowIds: ids.join(','), maxParallel: '1', timeout: '30s' },
      undefined,
      clock
    )
    expect(outcome.results.status).toBe('timed_out')
    expect(sb.requestLog.launches()).toHaveLength(1)
    expect(sb.state.listExecutions().map((e) => e.status)).toEqual(['cancelled'])
    expect(outcome.results.flows.map((f) => f.status)).toEqual(['timed_out', 'timed_out'])
    expect(outcome.executionIds).toHaveLength(1)
  })
})
