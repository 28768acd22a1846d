import { describe, expect, it } from '@jest/globals'
import { detectCiContext, idempotencyKeyFor } from '../src/core/ci-context.js'
import { mapWithConcurrency } from '../src/core/pool.js'
import { pollDelay } from '../src/core/follow.js'
import { launchBody } from '../src/core/launch.js'
import { resolveRunConfig } from '../src/core/config.js'
import { ciModeFor, missingScopes } from '../src/core/scopes.js'

const GITHUB = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_WORKFLOW: 'api-tests',
  GITHUB_JOB: 'echopoint',
  GITHUB_RUN_ID: '1234',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: 'abc',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_ACTOR: 'octocat'
}

describe('max-parallel pool', () => {
  it('never runs more than the limit at once and keeps input order', async () => {
    let running = 0
    let peak = 0
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 1, 2], 3, async (ms, i) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, ms))
      running--
      return i
    })
    expect(peak).toBe(3)
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('stops starting tasks once told to', async () => {
    let started = 0
    const results = await mapWithConcurrency(
      [1, 2, 3, 4],
      1,
      async (x) => {
        started++
        return x
      },
      () => started >= 2
    )
    expect(results).toEqual([1, 2, undefined, undefined])
  })
})

describe('CI context and idempotency keys', () => {
  it('reads GitHub metadata for the launch', () => {
    const ci = detectCiContext(GITHUB)
    expect(ci.triggerType).toBe('git')
    expect(ci.metadata).toEqual({
      source: 'github_actions',
      repository: 'acme/shop',
      workflow: 'api-tests',
      job: 'echopoint',
      run_id: '1234',
      run_attempt: '1',
      sha: 'abc',
      ref: 'refs/heads/main',
      actor: 'octocat'
    })
    expect(ci.runUrl).toBe('https://github.com/acme/shop/actions/runs/1234')
  })

  it('derives a stable key per run attempt and flow', () => {
    const ci = detectCiContext(GITHUB)
    const key = idempotencyKeyFor('flow-1', ci, undefined, 'inv-a')
    expect(key).toMatch(/^echopoint-ci-[0-9a-f]{40}$/)
    // A retried step (new process) in the same attempt: same key.
    expect(idempotencyKeyFor('flow-1', detectCiContext(GITHUB), undefined, 'inv-b')).toBe(key)
    expect(idempotencyKeyFor('flow-2', ci, undefined, 'inv-a')).not.toBe(key)
    const attempt2 = detectCiContext({ ...GITHUB, GITHUB_RUN_ATTEMPT: '2' })
    expect(idempotencyKeyFor('flow-1', attempt2, undefined, 'inv-a')).not.toBe(key)
    expect(idempotencyKeyFor('flow-1', ci, 'release-7', 'inv-a')).toBe('release-7')
  })

  it('outside CI, each invocation is new', () => {
    const local = detectCiContext({})
    expect(local).toMatchObject({ source: 'local', triggerType: 'manual' })
    expect(idempotencyKeyFor('f', local, undefined, 'a')).not.toBe(
      idempotencyKeyFor('f', local, undefined, 'b')
    )
  })

  it('recognises other CI systems', () => {
    expect(
      detectCiContext({ GITLAB_CI: 'true', CI_JOB_ID: '9', CI_PROJECT_PATH: 'g/p' }).source
    ).toBe('gitlab_ci')
    expect(detectCiContext({ CIRCLECI: 'true', CIRCLE_BUILD_NUM: '3' }).source).toBe('circleci')
    expect(detectCiContext({ JENKINS_URL: 'http://j', BUILD_TAG: 'jenkins-x-1' }).source).toBe(
      'jenkins'
    )
    expect(detectCiContext({ TF_BUILD: 'True', BUILD_BUILDID: '5' }).source).toBe('azure_pipelines')
    expect(detectCiContext({ BITBUCKET_BUILD_NUMBER: '8' }).source).toBe('bitbucket_pipelines')
  })
})

describe('launch body and scopes', () => {
  it('sends runner, environment, version and git trigger metadata', () => {
    const config = resolveRunConfig({
      apiKey: 'k',
      organizationId: 'o',
      tags: 't',
      environment: 'staging',
      versionId: 'a3e1c0de-5b1f-4c2e-9d3a-6f7e8a9b0c1d',
      runner: 'self_hosted'
    })
    expect(launchBody(config, detectCiContext(GITHUB))).toMatchObject({
      runner_type: 'self_hosted',
      environment_key: 'staging',
      version_id: 'a3e1c0de-5b1f-4c2e-9d3a-6f7e8a9b0c1d',
      trigger_type: 'git',
      trigger_metadata: { source: 'github_actions', run_id: '1234' }
    })
  })

  it('uses the contract table of scopes per mode', () => {
    expect(ciModeFor('ids', 'cloud').scopes).toEqual(['flows:execute', 'flows:read'])
    expect(ciModeFor('tags', 'ephemeral').scopes).toEqual([
      'flows:execute',
      'runner:complete',
      'flows:read'
    ])
    expect(ciModeFor('ids', 'ephemeral').scopes).toEqual(['flows:execute', 'runner:complete'])
    expect(missingScopes(['flows:execute', 'flows:read'], ['flows:read'])).toEqual([
      'flows:execute'
    ])
  })

  it('polls soon after launch, then backs off to a cap; a fixed interval is used as is', () => {
    expect([0, 1, 2, 3, 10].map((r) => pollDelay('auto', r))).toEqual([
      1000, 1500, 2250, 3375, 5000
    ])
    expect(pollDelay(10_000, 7)).toBe(10_000)
  })
})

describe('the run action warns about a key that expires soon', () => {
  it('counts whole days like the key-expiry check: fewer than 14 left', async () => {
    const { expiresSoon, expiryWarning } = await import('../src/core/key-expiry.js')
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(expiresSoon('2026-01-15T00:00:00Z', now)).toBe(false) // 14 days left
    expect(expiresSoon('2026-01-14T23:00:00Z', now)).toBe(true) // 13 days left
    expect(expiryWarning('2025-12-31T00:00:00Z', now)).toContain('already expired')
    expect(expiryWarning('2026-01-06T00:00:00Z', now)).toContain('(5 days left)')
  })
})
