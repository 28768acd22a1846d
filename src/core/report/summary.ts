/**
 * The job summary: a headline with counts, a table with one row per flow, the
 * details of each failure (node, assertion, expected and actual), the key's
 * expiry when near, and rate-limit waits. Every piece of text that came from the
 * API is escaped (escapeMarkdown) so a flow name cannot break or inject markup.
 */
import type { RunOutcome } from '../run/run.js'
import { formatDuration } from '../duration.js'
import { byteLength, SUMMARY_MAX_BYTES } from './fit.js'
import { expiresSoon, expiryWarning } from '../key/expiry.js'
import { escapeMarkdown as md, safeId, safeUrl, showValue } from './escape.js'
import { describeAssertion, firstFailure, type FlowReport, type RunStatus } from '../run/results.js'

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

function cellFailure(flow: FlowReport): string {
  if (flow.status === 'passed') return ''
  const failure = firstFailure(flow)
  if (failure?.assertion) {
    return `${md(failure.node.display_name)}: ${md(describeAssertion(failure.assertion))}`
  }
  if (failure)
    return `${md(failure.node.display_name)}: ${md(failure.node.error_message ?? 'failed')}`
  return md(flow.error_message ?? '')
}

function flowDetails(flow: FlowReport): string[] {
  const lines = [`#### ${md(flow.flow_name)}`, '']
  lines.push(
    `Flow \`${safeId(flow.flow_id)}\`${flow.execution_id ? `, execution \`${safeId(flow.execution_id)}\`` : ''}: **${ICON[flow.status]}**`
  )
  const failedNodes = flow.nodes.filter((n) => n.status === 'failed')
  // The flow's message repeats its failed node's; the node lines say it more precisely.
  if (flow.error_message && failedNodes.length === 0) lines.push('', `> ${md(flow.error_message)}`)
  for (const node of failedNodes) {
    lines.push(
      '',
      `- Node **${md(node.display_name)}** (${md(node.node_type)}) failed${node.error_message ? `: ${md(node.error_message)}` : ''}`
    )
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
  const head: string[] = [`## ${HEADLINE[results.status]}`, '']
  const parts = [
    `**${c.total}** flow${c.total === 1 ? '' : 's'}`,
    `${c.passed} passed`,
    `${c.failed} failed`
  ]
  if (c.timed_out) parts.push(`${c.timed_out} timed out`)
  if (c.cancelled) parts.push(`${c.cancelled} cancelled`)
  if (c.error) parts.push(`${c.error} error${c.error === 1 ? '' : 's'}`)
  head.push(`${parts.join(' · ')} · ${formatDuration(results.duration_ms)}`, '')

  if (outcome.error) {
    head.push(`> **${md(outcome.error.message)}**`)
    if (outcome.error.hint) head.push(`> ${md(outcome.error.hint)}`)
    head.push('')
  }

  // A link column only when the API gave links (contract.md has no execution URL yet).
  const links = results.flows.some((f) => f.url !== null && safeUrl(f.url) !== undefined)
  const tableHead = [
    `| Status | Flow | Duration | Failure |${links ? ' Link |' : ''}`,
    `| --- | --- | --- | --- |${links ? ' --- |' : ''}`
  ]
  const rows = results.flows.map((flow) => {
    const duration = flow.duration_ms === null ? '' : formatDuration(flow.duration_ms)
    const url = flow.url === null ? undefined : safeUrl(flow.url)
    const link = links ? ` ${url ? `[open](${url})` : ''} |` : ''
    return `| ${ICON[flow.status]} | ${md(flow.flow_name)} | ${duration} | ${cellFailure(flow)} |${link}`
  })
  const details = results.flows
    .filter((f) => f.status !== 'passed')
    .map((flow) => flowDetails(flow).join('\n'))

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
    lines.push(...tableHead, ...shownRows)
    if (shownRows.length < rows.length) {
      lines.push(
        '',
        `_${rows.length - shownRows.length} more flow${rows.length - shownRows.length === 1 ? '' : 's'} not shown: GitHub limits a job summary to 1 MiB. The results-json output and the JUnit report have every flow._`
      )
    }
    lines.push('')
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
