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

export interface SummaryContext {
  now: number
  runUrl?: string
  /** Largest summary in bytes (default: GitHub's limit, with a margin). */
  maxBytes?: number
}

/**
 * The job summary's Markdown for any outcome, at most `maxBytes` (GitHub refuses
 * a step summary over 1 MiB). When the rows and failure details do not all fit,
 * as many as fit are shown and a note says how many were left out and where the
 * whole story is.
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
  const rows = results.flows.map((flow) => {
    const cells = [ICON[flow.status], md(flow.flow_name)]
    if (durations) cells.push(flow.duration_ms === null ? '–' : formatDuration(flow.duration_ms))
    if (links) {
      const url = flow.url === null ? undefined : safeUrl(flow.url)
      cells.push(url ? `[open](${url})` : '–')
    }
    return `| ${cells.join(' | ')} |`
  })
  const details = results.flows
    .filter((f) => f.status !== 'passed')
    .map((flow) => flowDetails(flow, outcome.error?.message).join('\n'))

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

  // Fill up to the budget: the headline and the tail always, then rows, then details.
  const NOTE_RESERVE = 400
  let budget = maxBytes - byteLength(head.join('\n')) - byteLength(tail.join('\n')) - NOTE_RESERVE
  const take = (blocks: string[]): string[] => {
    const kept: string[] = []
    for (const block of blocks) {
      const size = byteLength(block) + 1
      if (size > budget) break
      kept.push(block)
      budget -= size
    }
    return kept
  }
  const lines = [...head]
  if (rows.length > 0) {
    budget -= byteLength(tableHead.join('\n')) + 2
    const shownRows = take(rows)
    // A table head with no row under it says nothing: leave it out.
    if (shownRows.length > 0) lines.push(...tableHead, ...shownRows, '')
    if (shownRows.length < rows.length) {
      lines.push(
        `_${rows.length - shownRows.length} more flow${rows.length - shownRows.length === 1 ? '' : 's'} not shown: GitHub limits a job summary to 1 MiB. The results-json output and the JUnit report have every flow._`,
        ''
      )
    }
  }
  if (details.length > 0) {
    budget -= 20
    const shown = take(details)
    if (shown.length > 0) lines.push('### Failures', '', ...shown)
    if (shown.length < details.length) {
      lines.push(
        `_Details of ${details.length - shown.length} more failure${details.length - shown.length === 1 ? '' : 's'} not shown: GitHub limits a job summary to 1 MiB. The results-json output and the JUnit report have them._`,
        ''
      )
    }
  }
  lines.push(...tail)
  return lines.join('\n')
}
