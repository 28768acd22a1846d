/** Sets every output of interface.md section 1 from a run's outcome. */
import * as core from '@actions/core'
import type { RunOutcome } from '../core/run.js'

export function setRunOutputs(outcome: RunOutcome, junitPath?: string): void {
  const { results } = outcome
  core.setOutput('status', results.status)
  core.setOutput('success', results.success ? 'true' : 'false')
  core.setOutput('execution-ids', JSON.stringify(outcome.executionIds))
  core.setOutput(
    'failed-flow-ids',
    JSON.stringify(results.flows.filter((f) => f.status !== 'passed').map((f) => f.flow_id))
  )
  core.setOutput('results-json', JSON.stringify(results))
  core.setOutput('total', String(results.counts.total))
  core.setOutput('passed', String(results.counts.passed))
  core.setOutput('failed', String(results.counts.failed))
  core.setOutput('timed-out', String(results.counts.timed_out))
  core.setOutput('junit-path', junitPath ?? '')
  core.setOutput('key-expires-at', outcome.key?.expiresAt ?? '')
}
