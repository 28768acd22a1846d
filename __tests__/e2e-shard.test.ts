/**
 * End to end: a `strategy.matrix` of three jobs (shard 1/3, 2/3, 3/3, selecting
 * by tag) run at once with the bundled action against one sandbox: every
 * selected flow is launched exactly once across the jobs (the sandbox's request
 * log), and each job reports only its slice.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { defaultFixtures, startSandbox, type Sandbox } from '../src/sandbox/index.js'
import type { ResultsDocument } from '../src/core/run/results.js'
import { runAction, runCli } from '../__fixtures__/run-dist.js'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 0.05 })
})
afterAll(() => sandbox.close())

/** The default org's flows with any of `tags`, from the fixture the sandbox serves. */
function flowsTagged(...tags: string[]): string[] {
  return defaultFixtures()
    .flows.filter(
      (f) => f.organization_id === sandbox.organizationId && f.tags.some((t) => tags.includes(t))
    )
    .map((f) => f.id)
}

describe('sharding across a matrix', () => {
  it('three jobs (1/3, 2/3, 3/3) run every flow of the selection exactly once', async () => {
    sandbox.requestLog.clear()
    // Each job is its own workflow job: its own GITHUB_JOB, so its own idempotency keys.
    const jobs = await Promise.all(
      [1, 2, 3].map((i) =>
        runAction(
          {
            'api-key': sandbox.apiKey,
            'organization-id': sandbox.organizationId,
            'api-url': sandbox.url,
            tags: 'smoke, regression',
            shard: `${i}/3`
          },
          { env: { GITHUB_JOB: `echopoint-${i}` } }
        )
      )
    )
    const docs = jobs.map((run) => JSON.parse(run.outputs['results-json']) as ResultsDocument)
    for (const [i, run] of jobs.entries()) {
      expect({ job: i + 1, code: run.exitCode }).toEqual({
        job: i + 1,
        code: docs[i].success ? 0 : 1
      })
      expect(run.stdout).toContain(`shard ${i + 1}/3`)
    }

    // The org's flows tagged smoke or regression: 6 (the other org's smoke flow is invisible).
    const launches = sandbox.requestLog.launches()
    const launchedIds = launches.map((l) => l.flowId)
    expect(launches.every((l) => !l.replay)).toBe(true)
    expect(new Set(launchedIds).size).toBe(launchedIds.length) // none twice
    expect(launchedIds).toHaveLength(6)
    expect([...launchedIds].sort()).toEqual(flowsTagged('smoke', 'regression').sort())

    // Each job reported exactly its slice; the slices partition the selection, evenly.
    const perJob = docs.map((d) => d.flows.map((f) => f.flow_id))
    expect(perJob.map((ids) => ids.length)).toEqual([2, 2, 2])
    expect(perJob.flat().sort()).toEqual([...launchedIds].sort())
  })

  it('is deterministic: the CLI with the same shard picks the same flows as the action', async () => {
    sandbox.requestLog.clear()
    const env = {
      ECHOPOINT_API_KEY: sandbox.apiKey,
      ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
      ECHOPOINT_API_URL: sandbox.url,
      CI: 'true'
    }
    const cli = () =>
      runCli(['run', '--tag', 'smoke,regression', '--shard', '2/3', '--output', 'json'], { env })
    const [first, second, action] = await Promise.all([
      cli(),
      cli(),
      runAction({
        'api-key': sandbox.apiKey,
        'organization-id': sandbox.organizationId,
        'api-url': sandbox.url,
        tags: 'regression\nsmoke',
        shard: '2/3'
      })
    ])
    const picks = [first, second].map((run) =>
      (JSON.parse(run.stdout) as ResultsDocument).flows.map((f) => f.flow_id)
    )
    const fromAction = (JSON.parse(action.outputs['results-json']) as ResultsDocument).flows.map(
      (f) => f.flow_id
    )
    expect(picks[0]).toHaveLength(2)
    expect(picks[1]).toEqual(picks[0])
    expect([...fromAction].sort()).toEqual([...picks[0]].sort())
  })

  it('rejects a bad shard value clearly, before any request', async () => {
    sandbox.requestLog.clear()
    for (const [shard, pattern] of [
      ['4/3', /Invalid shard: .*between 1 and the shard count/],
      ['0/3', /Invalid shard/],
      ['half', /Invalid shard/]
    ] as const) {
      const run = await runAction({
        'api-key': sandbox.apiKey,
        'organization-id': sandbox.organizationId,
        'api-url': sandbox.url,
        tags: 'smoke',
        shard
      })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(pattern)
    }
    expect(sandbox.requestLog.entries()).toEqual([])
  })
})
