/**
 * Annotations on the workflow run: one error per failed flow (title: the flow
 * name, message: the first failed assertion), made as soon as the run sees the
 * failure (`early`), and a warning per timed-out flow at the end (`finish`).
 * GitHub shows at most 10 annotations of each level per step, so past
 * MAX_ANNOTATIONS of a level one line says how many more there are (the job
 * summary lists them all) instead of filling the log with ones nobody sees.
 */
import { log } from '../shared/workflow-log.js'
import { oneLine } from '../../core/report/escape.js'
import { failureLine, type FlowReport, type ResultsDocument } from '../../core/run/results.js'

export const MAX_ANNOTATIONS = 10

export class Annotator {
  private errors = 0
  /** Flows annotated already (flow id and execution id). */
  private readonly done = new Set<string>()

  /** Annotates a failed flow now, while the run goes on. */
  early(flow: FlowReport): void {
    if (flow.status === 'failed') this.failed(flow)
  }

  /** Annotates what the run's end adds: failures not seen before, and timeouts. */
  finish(results: ResultsDocument): void {
    let warnings = 0
    for (const flow of results.flows) {
      if (flow.status === 'failed') this.failed(flow)
      else if (flow.status === 'timed_out' && warnings++ < MAX_ANNOTATIONS) {
        log.warning(
          oneLine(
            `Still ${flow.execution_id ? `running (execution ${flow.execution_id})` : 'pending'} when the step's timeout passed`
          ),
          { title: titleOf(flow) }
        )
      }
    }
    if (this.errors > MAX_ANNOTATIONS) {
      log.info(
        `${this.errors - MAX_ANNOTATIONS} more failed flows are not annotated: see the job summary`
      )
    }
    if (warnings > MAX_ANNOTATIONS) {
      log.info(
        `${warnings - MAX_ANNOTATIONS} more timed-out flows are not annotated: see the job summary`
      )
    }
  }

  private failed(flow: FlowReport): void {
    const id = `${flow.flow_id} ${flow.execution_id ?? ''}`
    if (this.done.has(id)) return
    this.done.add(id)
    if (this.errors++ >= MAX_ANNOTATIONS) return
    log.error(oneLine(failureLine(flow) ?? 'the flow failed'), { title: titleOf(flow) })
  }
}

function titleOf(flow: FlowReport): string {
  return oneLine(`Echopoint: ${flow.flow_name}`, 200)
}
