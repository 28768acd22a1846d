/** A GitHub Actions run context for core tests: `job` and `runId` make its idempotency keys its own. */
import type { CiContext } from '../src/core/ci-context.js'

export function githubRun(job: string, runId: string): CiContext {
  return {
    source: 'github_actions',
    triggerType: 'git',
    metadata: {
      source: 'github_actions',
      repository: 'acme/shop',
      run_id: runId,
      run_attempt: '1'
    },
    runIdentity: `acme/shop|ci|${job}|${runId}|1`
  }
}
