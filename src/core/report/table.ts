/** The `--output table` rendering of a run: one line per flow, failures with their assertion, then the verdict. */
import { formatDuration } from '../duration.js'
import { oneLine, showValue } from './escape.js'
import type { RunOutcome } from '../run/run.js'
import { restatesAssertions } from '../run/results.js'
import { verdictMessage } from '../run/run.js'

const LABEL: Record<string, string> = {
  passed: 'PASS',
  failed: 'FAIL',
  timed_out: 'TIMEOUT',
  cancelled: 'CANCELLED',
  error: 'ERROR'
}

export function renderTable(outcome: RunOutcome): string {
  const { results } = outcome
  const lines: string[] = []
  const width = Math.max(4, ...results.flows.map((f) => Math.min(60, oneLine(f.flow_name).length)))
  for (const flow of results.flows) {
    const name = oneLine(flow.flow_name, 60).padEnd(width)
    const duration = flow.duration_ms === null ? '' : formatDuration(flow.duration_ms)
    lines.push(`${LABEL[flow.status].padEnd(9)} ${name}  ${duration.padEnd(8)} ${flow.flow_id}`)
    const failedNodes = flow.nodes.filter((n) => n.status === 'failed')
    // The flow's message repeats its failed node's; the node lines say it more precisely.
    if (flow.status !== 'passed' && flow.error_message && failedNodes.length === 0)
      lines.push(`          ${oneLine(flow.error_message)}`)
    for (const node of failedNodes) {
      // A message that only restates the assertions below is left out: each failure once.
      const message =
        node.error_message && !restatesAssertions(node) ? `: ${oneLine(node.error_message)}` : ''
      lines.push(`          node "${oneLine(node.display_name, 80)}" failed${message}`)
      for (const a of node.assertions.filter((x) => !x.passed)) {
        // Why it could not be evaluated, when it could not (as the job summary says it).
        const error = a.error ? ` (${oneLine(a.error, 2000)})` : ''
        lines.push(
          `            ${oneLine(a.extractor, 60)} ${oneLine(a.operator, 30)}: expected ${oneLine(showValue(a.expected))}, actual ${oneLine(showValue(a.actual))}${error}`
        )
      }
    }
  }
  if (lines.length > 0) lines.push('')
  lines.push(
    `${verdictMessage(outcome)} (${results.status}, ${formatDuration(results.duration_ms)})`
  )
  return lines.join('\n')
}
