/**
 * What the kit knows about the CI run it is part of, read from the environment
 * variables each CI system sets. Used for the launch's trigger metadata and to
 * derive idempotency keys, so a retried step never launches a flow twice.
 */
import { createHash, randomUUID } from 'node:crypto'
import type {
  GitTriggerMetadata,
  ManualTriggerMetadata,
  TriggerMetadata,
  TriggerType
} from './api/types.js'

export type Env = Record<string, string | undefined>

export interface CiContext {
  /** `github_actions`, `gitlab_ci`, `circleci`, `jenkins`, `azure_pipelines`, `bitbucket_pipelines`, `ci` or `local`. */
  source: string
  triggerType: TriggerType
  /**
   * Shaped by `triggerType` (docs/api-contract.md, shapes the published spec fixes): git
   * metadata in CI, `{actor_type: 'api_key'}` for a manual launch from a terminal.
   */
  metadata: TriggerMetadata
  /**
   * Identifies this attempt of this CI job. Stable across retries of the same
   * step, different for a new run or a new attempt. Undefined when nothing
   * identifies the run (a terminal), in which case every invocation is new.
   */
  runIdentity?: string
  /** Link to the CI run, when the system gives one. */
  runUrl?: string
}

function compact(metadata: GitTriggerMetadata): GitTriggerMetadata {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => typeof v === 'string' && v !== '')
  ) as GitTriggerMetadata
}

/** Reads the CI context from `env` (process.env by default). */
export function detectCiContext(env: Env = process.env): CiContext {
  if (env.GITHUB_ACTIONS === 'true') {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
    const metadata = compact({
      source: 'github_actions',
      repository: env.GITHUB_REPOSITORY,
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      run_id: env.GITHUB_RUN_ID,
      run_attempt: env.GITHUB_RUN_ATTEMPT,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      actor: env.GITHUB_ACTOR
    })
    return {
      source: 'github_actions',
      triggerType: 'git',
      metadata,
      runIdentity: env.GITHUB_RUN_ID
        ? [
            env.GITHUB_REPOSITORY,
            env.GITHUB_WORKFLOW,
            env.GITHUB_JOB,
            env.GITHUB_RUN_ID,
            env.GITHUB_RUN_ATTEMPT ?? '1'
          ].join('|')
        : undefined,
      runUrl:
        env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined
    }
  }
  if (env.GITLAB_CI === 'true') {
    return {
      source: 'gitlab_ci',
      triggerType: 'git',
      metadata: compact({
        source: 'gitlab_ci',
        repository: env.CI_PROJECT_PATH,
        workflow: env.CI_PIPELINE_ID,
        job: env.CI_JOB_NAME,
        run_id: env.CI_JOB_ID,
        run_attempt: undefined,
        sha: env.CI_COMMIT_SHA,
        ref: env.CI_COMMIT_REF_NAME,
        actor: env.GITLAB_USER_LOGIN
      }),
      // GitLab gives a retried job a new CI_JOB_ID, like a new attempt on GitHub.
      runIdentity: env.CI_JOB_ID ? `gitlab|${env.CI_PROJECT_PATH}|${env.CI_JOB_ID}` : undefined,
      runUrl: env.CI_JOB_URL
    }
  }
  if (env.CIRCLECI === 'true') {
    return {
      source: 'circleci',
      triggerType: 'git',
      metadata: compact({
        source: 'circleci',
        repository: env.CIRCLE_PROJECT_REPONAME,
        workflow: env.CIRCLE_WORKFLOW_ID,
        job: env.CIRCLE_JOB,
        run_id: env.CIRCLE_BUILD_NUM,
        sha: env.CIRCLE_SHA1,
        ref: env.CIRCLE_BRANCH,
        actor: env.CIRCLE_USERNAME
      }),
      runIdentity: env.CIRCLE_BUILD_NUM
        ? `circleci|${env.CIRCLE_PROJECT_REPONAME}|${env.CIRCLE_BUILD_NUM}`
        : undefined,
      runUrl: env.CIRCLE_BUILD_URL
    }
  }
  if (env.JENKINS_URL && env.BUILD_TAG) {
    return {
      source: 'jenkins',
      triggerType: 'git',
      metadata: compact({
        source: 'jenkins',
        workflow: env.JOB_NAME,
        run_id: env.BUILD_NUMBER,
        sha: env.GIT_COMMIT,
        ref: env.GIT_BRANCH
      }),
      runIdentity: `jenkins|${env.BUILD_TAG}`,
      runUrl: env.BUILD_URL
    }
  }
  if (env.TF_BUILD === 'True') {
    return {
      source: 'azure_pipelines',
      triggerType: 'git',
      metadata: compact({
        source: 'azure_pipelines',
        repository: env.BUILD_REPOSITORY_NAME,
        workflow: env.BUILD_DEFINITIONNAME,
        job: env.SYSTEM_JOBNAME,
        run_id: env.BUILD_BUILDID,
        run_attempt: env.SYSTEM_JOBATTEMPT,
        sha: env.BUILD_SOURCEVERSION,
        ref: env.BUILD_SOURCEBRANCH,
        actor: env.BUILD_REQUESTEDFOR
      }),
      runIdentity: env.BUILD_BUILDID
        ? `azure|${env.BUILD_BUILDID}|${env.SYSTEM_JOBID ?? ''}|${env.SYSTEM_JOBATTEMPT ?? '1'}`
        : undefined
    }
  }
  if (env.BITBUCKET_BUILD_NUMBER) {
    return {
      source: 'bitbucket_pipelines',
      triggerType: 'git',
      metadata: compact({
        source: 'bitbucket_pipelines',
        repository: env.BITBUCKET_REPO_FULL_NAME,
        run_id: env.BITBUCKET_BUILD_NUMBER,
        job: env.BITBUCKET_STEP_UUID,
        sha: env.BITBUCKET_COMMIT,
        ref: env.BITBUCKET_BRANCH
      }),
      runIdentity: `bitbucket|${env.BITBUCKET_REPO_FULL_NAME}|${env.BITBUCKET_BUILD_NUMBER}|${env.BITBUCKET_STEP_UUID ?? ''}`
    }
  }
  if (env.CI === 'true' || env.CI === '1') {
    return { source: 'ci', triggerType: 'git', metadata: { source: 'ci' } }
  }
  // A terminal outside CI: a manual launch, made with an API key (the spec requires actor_type).
  const manual: ManualTriggerMetadata = { actor_type: 'api_key' }
  return { source: 'local', triggerType: 'manual', metadata: manual }
}

/**
 * The Idempotency-Key for one flow's launch (docs/interface.md: derived from the CI
 * run and the flow id). An explicit key from the user is used as given: the API
 * already scopes keys by flow. With no run identity, a random per-invocation
 * base is used so a retry inside this process still never launches twice.
 */
export function idempotencyKeyFor(
  flowId: string,
  context: CiContext,
  explicitKey: string | undefined,
  invocationId: string
): string {
  if (explicitKey !== undefined) return explicitKey
  const base = context.runIdentity ?? `invocation|${invocationId}`
  const digest = createHash('sha256').update(`${base}|${flowId}`).digest('hex').slice(0, 40)
  return `echopoint-ci-${digest}`
}

/** A fresh id for one invocation of the kit. */
export function newInvocationId(): string {
  return randomUUID()
}
