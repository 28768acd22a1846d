/**
 * Annotations on the workflow run: one error per failed flow (title: the flow
 * name, message: the first failed assertion) and a warning per timed-out flow.
 */
import * as core from '@actions/core'
import { oneLine } from '../core/report/escape.js'
import { describeAssertion, firstFailure, type ResultsDocument } from '../core/results.js'

export function annotateResults(results: ResultsDocument): void {
  for (const flow of results.flows) {
    const title = oneLine(`Echopoint: ${flow.flow_name}`, 200)
    if (flow.status === 'failed') {
      const failure = firstFailure(flow)
      const message = failure?.assertion
        ? `${failure.node.display_name}: ${describeAssertion(failure.assertion)}`
        : failure
          ? `${failure.node.display_name}: ${failure.node.error_message ?? 'failed'}`
          : (flow.error_message ?? 'the flow failed')
      core.error(oneLine(message), { title })
    } else if (flow.status === 'timed_out') {
      core.warning(
        oneLine(
          `Still ${flow.execution_id ? `running (execution ${flow.execution_id})` : 'pending'} when the step's timeout passed`
        ),
        { title }
      )
    }
  }
}
