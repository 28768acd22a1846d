/**
 * The job summary: a headline with counts, a table with one row per flow, the
 * details of each failure (node, assertion, expected and actual), the key's
 * expiry when near, and rate-limit waits. Every piece of text that came from the
 * API is escaped (escapeMarkdown) so a flow name cannot break or inject markup.
 */
import type { RunOutcome } from '../core/run.js'
import { formatDuration } from '../core/duration.js'
import { expiresSoon, expiryWarning } from '../core/key-expiry.js'
import { escapeMarkdown as md, safeId, safeUrl, showValue } from '../core/report/escape.js'
import {
  describeAssertion,
  firstFailure,
  type FlowReport,
  type RunStatus
} from '../core/results.js'

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
}

/** The job summary's Markdown for any outcome. */
export function renderSummary(outcome: RunOutcome, context: SummaryContext): string {
  const { results } = outcome
  const c = results.counts
  const lines: string[] = [`## ${HEADLINE[results.status]}`, '']
  const parts = [
    `**${c.total}** flow${c.total === 1 ? '' : 's'}`,
    `${c.passed} passed`,
    `${c.failed} failed`
  ]
  if (c.timed_out) parts.push(`${c.timed_out} timed out`)
  if (c.cancelled) parts.push(`${c.cancelled} cancelled`)
  if (c.error) parts.push(`${c.error} error${c.error === 1 ? '' : 's'}`)
  lines.push(`${parts.join(' · ')} · ${formatDuration(results.duration_ms)}`, '')

  if (outcome.error) {
    lines.push(`> **${md(outcome.error.message)}**`)
    if (outcome.error.hint) lines.push(`> ${md(outcome.error.hint)}`)
    lines.push('')
  }

  if (results.flows.length > 0) {
    // A link column only when the API gave links (contract.md has no execution URL yet).
    const links = results.flows.some((f) => f.url !== null && safeUrl(f.url) !== undefined)
    lines.push(
      `| Status | Flow | Duration | Failure |${links ? ' Link |' : ''}`,
      `| --- | --- | --- | --- |${links ? ' --- |' : ''}`
    )
    for (const flow of results.flows) {
      const duration = flow.duration_ms === null ? '' : formatDuration(flow.duration_ms)
      const url = flow.url === null ? undefined : safeUrl(flow.url)
      const link = links ? ` ${url ? `[open](${url})` : ''} |` : ''
      lines.push(
        `| ${ICON[flow.status]} | ${md(flow.flow_name)} | ${duration} | ${cellFailure(flow)} |${link}`
      )
    }
    lines.push('')
  }

  const notPassed = results.flows.filter((f) => f.status !== 'passed')
  if (notPassed.length > 0) {
    lines.push('### Failures', '')
    for (const flow of notPassed) lines.push(...flowDetails(flow))
  }

  const expiresAt = outcome.key?.expiresAt
  if (expiresAt && expiresSoon(expiresAt, context.now)) {
    lines.push(`> ⚠️ ${md(expiryWarning(expiresAt, context.now))}`, '')
  }
  if (outcome.stats.waits > 0) {
    lines.push(
      `Rate limits: waited ${outcome.stats.waits} time${outcome.stats.waits === 1 ? '' : 's'}, ${formatDuration(outcome.stats.waitedMs)} in total.`,
      ''
    )
  }
  const runUrl = context.runUrl === undefined ? undefined : safeUrl(context.runUrl)
  if (runUrl) lines.push(`<sub>[Workflow run](${runUrl})</sub>`, '')
  return lines.join('\n')
}
