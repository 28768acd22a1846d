/**
 * What the kit knows of the CI run (src/core/ci-context.ts) and what it sends
 * with each launch because of it: trigger metadata and idempotency keys.
 */
import { describe, expect, it } from '@jest/globals'
import { detectCiContext, idempotencyKeyFor } from '../src/core/ci-context.js'
import { launchBody } from '../src/core/run/launch.js'
import { resolveRunConfig } from '../src/core/run/config.js'

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
    // The published spec's manual shape: launched by an API key.
    expect(local.metadata).toEqual({ actor_type: 'api_key' })
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

describe('the launch body', () => {
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
})
