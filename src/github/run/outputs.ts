/**
 * Sets every output of the run action (docs/interface.md section 1) from a run's
 * outcome. Each output is redacted and kept under GitHub's 1 MB limit on one
 * output (report/fit.ts); a cut is said in the log and in the value itself.
 */
import * as core from '@actions/core'
import { redactDeep } from '../../core/redact.js'
import { fitJsonArray, fitResultsJson } from '../../core/report/fit.js'
import type { RunOutcome } from '../../core/run/run.js'
import { log, redact } from '../shared/workflow-log.js'

function setList(name: string, values: string[]): void {
  const { json, omitted } = fitJsonArray(values)
  if (omitted > 0) {
    log.warning(
      `The ${name} output lists ${values.length - omitted} of ${values.length} IDs: GitHub limits an output to 1 MB (the results-json output and the JUnit report have them all)`
    )
  }
  core.setOutput(name, redact(json))
}

export function setRunOutputs(outcome: RunOutcome, junitPath?: string): void {
  const results = redactDeep(outcome.results, redact)
  core.setOutput('status', results.status)
  core.setOutput('success', results.success ? 'true' : 'false')
  setList('execution-ids', outcome.executionIds)
  setList(
    'failed-flow-ids',
    results.flows.filter((f) => f.status !== 'passed').map((f) => f.flow_id)
  )
  const { json, truncation } = fitResultsJson(results)
  if (truncation) {
    log.warning(
      `The results-json output was cut to fit GitHub's 1 MB limit on an output (node details: ${truncation.details}, flows left out: ${truncation.omitted_flows}); its "truncated" field says so, and the counts still count every flow`
    )
  }
  core.setOutput('results-json', redact(json))
  core.setOutput('total', String(results.counts.total))
  core.setOutput('passed', String(results.counts.passed))
  core.setOutput('failed', String(results.counts.failed))
  core.setOutput('timed-out', String(results.counts.timed_out))
  core.setOutput('junit-path', redact(junitPath ?? ''))
  core.setOutput('key-expires-at', redact(outcome.key?.expiresAt ?? ''))
}
