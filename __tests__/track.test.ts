/**
 * Batch tracking (src/core/run/track.ts) against the sandbox in virtual time: one
 * listing per round instead of one poll per execution, details only for the
 * executions that did not pass, and per-execution polling when the server lacks
 * `GET /executions`.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { manyFlows } from '../__fixtures__/many-flows.js'
import { runInVirtualTime } from '../__fixtures__/virtual-time.js'
import { githubRun } from '../__fixtures__/ci-context.js'
import { resolveRunConfig, type RawRunInputs } from '../src/core/run/config.js'
import { silentLogger, type Logger } from '../src/core/logger.js'
import { runFlows, type RunOutcome } from '../src/core/run/run.js'
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox/index.js'

const CI = githubRun('test', '7')

const FLOWS = 40

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

async function run(
  options: Partial<SandboxOptions> = {},
  raw: Partial<RawRunInputs> = {},
  logger: Logger = silentLogger
): Promise<{ outcome: RunOutcome; sandbox: Sandbox }> {
  const clock = new FakeClock({ auto: false, now: Date.parse('2025-06-02T09:00:00.000Z') })
  sandbox = await startSandbox({ clock, fixtures: manyFlows(FLOWS, { seed: 3 }), ...options })
  const config = resolveRunConfig({
    apiKey: sandbox.apiKey,
    organizationId: sandbox.organizationId,
    apiUrl: sandbox.url,
    tags: 'scale',
    maxParallel: '10',
    ...raw
  })
  const outcome = await runInVirtualTime(
    clock,
    runFlows(config, { clock, logger, ci: CI, invocationId: 'inv-track' }),
    { minPending: 2, waitForHttp: true }
  )
  return { outcome, sandbox }
}

const reads = (sb: Sandbox, route: string): number =>
  sb.requestLog.filter((e) => e.routeId === route).length

describe('batch tracking', () => {
  it('follows 40 executions with a listing per round and details only for failures', async () => {
    const { outcome, sandbox: sb } = await run()
    const failed = outcome.results.counts.failed
    expect(outcome.results.counts.total).toBe(FLOWS)
    expect(failed).toBeGreaterThan(0)
    expect(outcome.results.counts.passed + failed).toBe(FLOWS)
    // Every failed flow names its failing node (the details were fetched).
    for (const f of outcome.results.flows.filter((r) => r.status === 'failed')) {
      expect(f.nodes.length).toBeGreaterThan(0)
    }
    const lists = reads(sb, 'executions.list')
    expect(lists).toBeGreaterThan(0)
    // Details and nodes: only for executions that did not pass (plus a few polled
    // one by one once only a couple are left).
    expect(reads(sb, 'executions.nodes')).toBe(failed)
    expect(reads(sb, 'executions.get')).toBeLessThanOrEqual(failed + 10)
    // Every request of the run, launches included, per execution: flows of 2 s to 60 s
    // all launched at once, the tail polled every 0.5 s (no read limit here).
    expect(sb.requestLog.entries().length / FLOWS).toBeLessThan(5)
    // Each listing asked only for our window and pages only as far as needed.
    for (const e of sb.requestLog.filter((x) => x.routeId === 'executions.list')) {
      expect(e.query.since).toBeDefined()
      expect(e.query.limit).toBe('100')
    }
  })

  it('needs far fewer reads than polling each execution', async () => {
    const batch = await run()
    const batchReads = batch.sandbox.requestLog.filter((e) => e.method === 'GET').length
    await sandbox?.close()
    const each = await run({ extensions: { executionsList: false } })
    const eachReads = each.sandbox.requestLog.filter((e) => e.method === 'GET').length
    expect(each.outcome.results.counts).toEqual(batch.outcome.results.counts)
    expect(batchReads * 5).toBeLessThan(eachReads)
  })

  it('falls back to polling each execution when GET /executions is missing, saying so once', async () => {
    const lines: string[] = []
    const logger: Logger = {
      ...silentLogger,
      info: (m: string) => lines.push(m),
      debug: (m: string) => lines.push(`debug: ${m}`)
    }
    const { outcome, sandbox: sb } = await run(
      { extensions: { executionsList: false } },
      {},
      logger
    )
    expect(outcome.results.counts.total).toBe(FLOWS)
    expect(outcome.results.counts.passed + outcome.results.counts.failed).toBe(FLOWS)
    // One probe of the listing, then per-execution polls.
    const listings = sb.requestLog.filter((e) => e.path === '/executions')
    expect(listings.map((e) => e.status)).toEqual([404])
    expect(reads(sb, 'executions.get')).toBeGreaterThan(FLOWS)
    expect(lines.filter((l) => l.includes('GET /executions is not available'))).toHaveLength(1)
  })

  it('keeps a fixed poll-interval between rounds', async () => {
    const { sandbox: sb } = await run({}, { pollInterval: '10' })
    const at = sb.requestLog.filter((e) => e.routeId === 'executions.list').map((e) => e.at)
    expect(at.length).toBeGreaterThan(1)
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(10_000)
  })
})
