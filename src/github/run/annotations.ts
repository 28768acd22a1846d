/**
 * Annotations on the workflow run: one error per failed flow (title: the flow
 * name, message: the first failed assertion) and a warning per timed-out flow.
 * GitHub shows at most 10 annotations of each level per step, so past
 * MAX_ANNOTATIONS of a level one line says how many more there are (the job
 * summary lists them all) instead of filling the log with ones nobody sees.
 */
import { log } from '../shared/workflow-log.js'
import { oneLine } from '../../core/report/escape.js'
import { describeAssertion, firstFailure, type ResultsDocument } from '../../core/run/results.js'

export const MAX_ANNOTATIONS = 10

export function annotateResults(results: ResultsDocument): void {
  let errors = 0
  let warnings = 0
  for (const flow of results.flows) {
    const title = oneLine(`Echopoint: ${flow.flow_name}`, 200)
    if (flow.status === 'failed' && errors++ < MAX_ANNOTATIONS) {
      const failure = firstFailure(flow)
      const message = failure?.assertion
        ? `${failure.node.display_name}: ${describeAssertion(failure.assertion)}`
        : failure
          ? `${failure.node.display_name}: ${failure.node.error_message ?? 'failed'}`
          : (flow.error_message ?? 'the flow failed')
      log.error(oneLine(message), { title })
    } else if (flow.status === 'timed_out' && warnings++ < MAX_ANNOTATIONS) {
      log.warning(
        oneLine(
          `Still ${flow.execution_id ? `running (execution ${flow.execution_id})` : 'pending'} when the step's timeout passed`
        ),
        { title }
      )
    }
  }
  if (errors > MAX_ANNOTATIONS) {
    log.info(`${errors - MAX_ANNOTATIONS} more failed flows are not annotated: see the job summary`)
  }
  if (warnings > MAX_ANNOTATIONS) {
    log.info(
      `${warnings - MAX_ANNOTATIONS} more timed-out flows are not annotated: see the job summary`
    )
  }
}
