/**
 * The job summary: a headline with counts, a table with one row per flow, the
 * details of each failure, stated once (node, assertion, expected and actual),
 * the key's expiry when near, and rate-limit waits. Every piece of text that came from the
 * API is escaped (escapeMarkdown) so a flow name cannot break or inject markup.
 */
import type { RunOutcome } from '../run/run.js'
import { formatDuration } from '../duration.js'
import { byteLength, SUMMARY_MAX_BYTES } from './fit.js'
import { expiresSoon, expiryWarning } from '../key/expiry.js'
import { escapeMarkdown as md, safeId, safeUrl, showValue } from './escape.js'
import { restatesAssertions, type FlowReport, type RunStatus } from '../run/results.js'

const HEADLINE: Record<RunStatus, string> = {
  passed: '✅ Echopoint: all flows passed',
  failed: '❌ Echopoint: flows failed',
  timed_out: '⏱️ Echopoint: timed out',
  cancelled: '🚫 Echopoint: cancelled',
  error: '⚠️ Echopoint: the run could not complete'
}

const ICON: Record<string, string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  timed_out: '⏱️ timed out',
  cancelled: '🚫 cancelled',
  error: '⚠️ error'
}

/**
 * A flow that did not pass, stated once: its IDs and status, then each failed
 * node and each failed assertion (or the flow's own message when no node failed).
 */
function flowDetails(flow: FlowReport, runMessage: string | undefined): string[] {
  const lines = [`#### ${md(flow.flow_name)}`, '']
  lines.push(
    `Flow \`${safeId(flow.flow_id)}\`${flow.execution_id ? `, execution \`${safeId(flow.execution_id)}\`` : ''}: **${ICON[flow.status]}**`
  )
  const failedNodes = flow.nodes.filter((n) => n.status === 'failed')
  // The flow's message repeats its failed node's (the node lines say it more precisely),
  // or the run's own, said once at the top.
  if (flow.error_message && failedNodes.length === 0 && flow.error_message !== runMessage) {
    lines.push('', `> ${md(flow.error_message)}`)
  }
  for (const node of failedNodes) {
    const message =
      node.error_message && !restatesAssertions(node) ? `: ${md(node.error_message)}` : ''
    lines.push('', `- Node **${md(node.display_name)}** (${md(node.node_type)}) failed${message}`)
    for (const a of node.assertions.filter((x) => !x.passed)) {
      lines.push(
        `  - Assertion ${a.index}: ${md(a.extractor)} ${md(a.operator)}: expected ${md(showValue(a.expected))}, actual ${md(showValue(a.actual))}${a.error ? ` (${md(a.error)})` : ''}`
      )
    }
  }
  lines.push('')
  return lines
}

/** Room kept for each note that says what was left out (rows, failures, a cut failure). */
const NOTE_SIZE = 400
/** `### Failures` and the blank line under it. */
const FAILURES_HEAD_SIZE = 20

/**
 * The leading lines of a failure's details that fit in `room` bytes, and a note
 * that the rest was cut; undefined when not even its first line fits.
 */
function cutBlock(block: string, room: number): string | undefined {
  const note =
    '_The rest of these details is cut: GitHub limits a job summary to 1 MiB. The results-json output and the JUnit report have them._'
  const kept: string[] = []
  let used = byteLength(note) + 2
  for (const line of block.split('\n')) {
    used += byteLength(line) + 1
    if (used > room) break
    kept.push(line)
  }
  return kept.length > 0 ? [...kept, '', note, ''].join('\n') : undefined
}

export interface SummaryContext {
  now: number
  runUrl?: string
  /** Largest summary in bytes (default: GitHub's limit, with a margin). */
  maxBytes?: number
}

/**
 * The job summary's Markdown for any outcome, at most `maxBytes` (GitHub refuses
 * a step summary over 1 MiB). When the rows and failure details do not all fit,
 * what did not pass goes first (its details, and its rows at the top of the
 * table), then as many passed rows as fit; notes say how many rows (passed or
 * not) and failures were left out and where the whole story is.
 */
export function renderSummary(outcome: RunOutcome, context: SummaryContext): string {
  const maxBytes = context.maxBytes ?? SUMMARY_MAX_BYTES
  const { results } = outcome
  const c = results.counts
  const empty = c.total === 0
  const headline =
    empty && results.status === 'passed'
      ? '✅ Echopoint: no flow matched the selection'
      : HEADLINE[results.status]
  const head: string[] = [`## ${headline}`, '']
  // A run with no flows has no counts to give: the headline and the reason say it all.
  if (!empty) {
    const parts = [
      `**${c.total}** flow${c.total === 1 ? '' : 's'}`,
      `${c.passed} passed`,
      `${c.failed} failed`
    ]
    if (c.timed_out) parts.push(`${c.timed_out} timed out`)
    if (c.cancelled) parts.push(`${c.cancelled} cancelled`)
    if (c.error) parts.push(`${c.error} error${c.error === 1 ? '' : 's'}`)
    head.push(`${parts.join(' · ')} · ${formatDuration(results.duration_ms)}`, '')
  }

  if (outcome.error) {
    head.push(`> **${md(outcome.error.message)}**`)
    if (outcome.error.hint) head.push(`> ${md(outcome.error.hint)}`)
    head.push('')
  } else if (empty) {
    head.push('The selection matched no flows, which this run allows: nothing was launched.', '')
  }

  // Only columns with something in them: a link column when the API gave links
  // (docs/api-contract.md has no execution URL yet), a duration column when a flow has one.
  // What went wrong is stated once, under "Failures", not in the table too.
  const links = results.flows.some((f) => f.url !== null && safeUrl(f.url) !== undefined)
  const durations = results.flows.some((f) => f.duration_ms !== null)
  const columns = ['Status', 'Flow', ...(durations ? ['Duration'] : []), ...(links ? ['Link'] : [])]
  const tableHead = [`| ${columns.join(' | ')} |`, `|${' --- |'.repeat(columns.length)}`]
  const row = (flow: FlowReport): string => {
    const cells = [ICON[flow.status], md(flow.flow_name)]
    if (durations) cells.push(flow.duration_ms === null ? '–' : formatDuration(flow.duration_ms))
    if (links) {
      const url = flow.url === null ? undefined : safeUrl(flow.url)
      cells.push(url ? `[open](${url})` : '–')
    }
    return `| ${cells.join(' | ')} |`
  }
  const notPassed = results.flows.filter((f) => f.status !== 'passed')
  const details = notPassed.map((flow) => flowDetails(flow, outcome.error?.message).join('\n'))

  const tail: string[] = []
  const expiresAt = outcome.key?.expiresAt
  if (expiresAt && expiresSoon(expiresAt, context.now)) {
    tail.push(`> ⚠️ ${md(expiryWarning(expiresAt, context.now))}`, '')
  }
  if (outcome.stats.waits > 0) {
    tail.push(
      `Rate limits: waited ${outcome.stats.waits} time${outcome.stats.waits === 1 ? '' : 's'}, ${formatDuration(outcome.stats.waitedMs)} in total.`,
      ''
    )
  }
  const runUrl = context.runUrl === undefined ? undefined : safeUrl(context.runUrl)
  if (runUrl) tail.push(`<sub>[Workflow run](${runUrl})</sub>`, '')

  // Fill up to the budget: the headline and the tail always, then the table and
  // the failures. When they do not all fit, what did not pass comes first: half
  // the budget for failure details, then the rows of flows that did not pass
  // (listed first), then more details, then rows of flows that passed. So a
  // failure is never crowded out by thousands of passed rows.
  let budget = maxBytes - byteLength(head.join('\n')) - byteLength(tail.join('\n')) - 3 * NOTE_SIZE
  const size = (block: string): number => byteLength(block) + 1
  const lines = [...head]
  const allRows = results.flows.map(row)
  const tableSize = byteLength(tableHead.join('\n')) + 2
  const everything =
    (allRows.length > 0 ? tableSize : 0) +
    (details.length > 0 ? FAILURES_HEAD_SIZE : 0) +
    [...allRows, ...details].reduce((sum, block) => sum + size(block), 0)

  let shownRows = allRows
  let shownDetails = details
  // Rows left out, of flows that passed and of flows that did not.
  let leftPassed = 0
  let leftOther = 0
  if (everything > budget) {
    if (allRows.length > 0) budget -= tableSize
    if (details.length > 0) budget -= FAILURES_HEAD_SIZE
    /** The blocks from `from` on, in order, while they fit in `limit` and the budget. */
    const take = (blocks: readonly string[], from = 0, limit = budget): string[] => {
      const kept: string[] = []
      let room = Math.min(limit, budget)
      for (const block of blocks.slice(from)) {
        if (size(block) > room) break
        kept.push(block)
        room -= size(block)
        budget -= size(block)
      }
      return kept
    }
    const passedRows = results.flows.filter((f) => f.status === 'passed').map(row)
    const otherRows = notPassed.map(row)
    shownDetails = take(details, 0, Math.floor(budget / 2))
    const shownOther = take(otherRows)
    shownDetails.push(...take(details, shownDetails.length))
    if (shownDetails.length === 0 && details.length > 0) {
      // One failure's details larger than all the room left: as much of them as fits.
      const cut = cutBlock(details[0] as string, budget)
      if (cut !== undefined) {
        shownDetails.push(cut)
        budget -= size(cut)
      }
    }
    const shownPassed = take(passedRows)
    leftPassed = passedRows.length - shownPassed.length
    leftOther = otherRows.length - shownOther.length
    // Selection order when every row made it; otherwise what did not pass first.
    shownRows = leftPassed + leftOther === 0 ? allRows : [...shownOther, ...shownPassed]
  }

  if (shownRows.length > 0) lines.push(...tableHead, ...shownRows, '')
  const leftRows = leftPassed + leftOther
  if (leftRows > 0) {
    // A table head with no row under it says nothing: it is left out above.
    const which =
      leftOther === 0
        ? leftRows === 1
          ? 'It passed.'
          : 'All of them passed.'
        : leftPassed === 0
          ? leftRows === 1
            ? 'It did not pass.'
            : 'None of them passed.'
          : `${leftPassed} of them passed, ${leftOther} did not.`
    const order =
      shownRows.length > 0 && notPassed.length > 0
        ? ' The table lists the flows that did not pass first.'
        : ''
    lines.push(
      `_${leftRows} more flow${leftRows === 1 ? '' : 's'} not shown: GitHub limits a job summary to 1 MiB. ${which}${order} The results-json output and the JUnit report have every flow._`,
      ''
    )
  }
  if (details.length > 0) {
    if (shownDetails.length > 0) lines.push('### Failures', '', ...shownDetails)
    const left = details.length - shownDetails.length
    if (left > 0) {
      lines.push(
        `_Details of ${left} more failure${left === 1 ? '' : 's'} not shown: GitHub limits a job summary to 1 MiB. The results-json output and the JUnit report have them._`,
        ''
      )
    }
  }
  lines.push(...tail)
  return lines.join('\n')
}
