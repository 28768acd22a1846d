/**
 * The key-expiry check's job summary: a headline, a table of what the API said
 * about the key (never the key itself; the expiry as a date people read, the
 * outputs keep RFC 3339), the messages, the reminder issue, and the rotation
 * steps when the key needs rotating. Text from the API (the key's
 * name) is escaped so it stays text.
 */
import { escapeMarkdown as md, safeId } from '../../core/report/escape.js'
import {
  EXPIRY_SOURCE_LABEL,
  expiryDate,
  type KeyCheckResult,
  type KeyStatus
} from '../../core/key/check.js'
import { ROTATION_STEPS } from '../../core/key/rotation.js'
import type { ReminderOutcome } from './reminder-issue.js'

const ICON: Record<KeyStatus, string> = {
  ok: '✅',
  expiring: '⚠️',
  expired: '❌',
  invalid: '❌',
  unknown: 'ℹ️'
}

const LEVEL_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️', info: '' } as const

function code(values: string[]): string {
  return values.length === 0 ? 'none' : values.map((v) => `\`${safeId(v)}\``).join(', ')
}

function reminderLine(reminder: ReminderOutcome | undefined): string | undefined {
  if (!reminder) return undefined
  switch (reminder.action) {
    case 'created':
      return `Opened #${reminder.number}`
    case 'updated':
      return `Updated #${reminder.number}`
    case 'closed':
      return `Closed ${reminder.numbers.map((n) => `#${n}`).join(', ')}`
    case 'none':
      return undefined
    case 'failed':
      return 'Not written (see below)'
  }
}

export interface KeyCheckSummaryContext {
  now: number
  reminder?: ReminderOutcome
  runUrl?: string
}

/** The job summary's Markdown. */
export function renderKeyCheckSummary(
  result: KeyCheckResult,
  context: KeyCheckSummaryContext
): string {
  const icon = result.passed ? ICON[result.status] : '❌'
  const lines = [`## ${icon} Echopoint key check: ${md(result.headline)}`, '']
  const rows: [string, string][] = [['Status', `\`${result.status}\``]]
  if (result.expiresAt === null) rows.push(['Expires', 'never'])
  // A date people read, and how far off it is (the days-left output has the number).
  else if (result.expiresAt) rows.push(['Expires', md(expiryDate(result.expiresAt, context.now))])
  else rows.push(['Expires', 'unknown'])
  if (result.expiresAtSource) {
    rows.push(['Expiry from', md(EXPIRY_SOURCE_LABEL[result.expiresAtSource])])
  }
  if (result.keyId) {
    rows.push([
      'Key',
      `\`${safeId(result.keyId)}\`${result.keyName ? ` (${md(result.keyName)})` : ''}`
    ])
  }
  if (result.keyOrganizationId) {
    rows.push(['Organization', `\`${safeId(result.keyOrganizationId)}\``])
  }
  if (result.status !== 'invalid' && !result.error) {
    rows.push(['Scopes', code(result.permissions)])
    rows.push(['Missing scopes', code(result.missingScopes)])
  }
  const reminder = reminderLine(context.reminder)
  if (reminder) rows.push(['Reminder issue', reminder])
  lines.push('| Field | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '')

  const shown = result.messages.filter((m) => m.level !== 'info')
  for (const message of shown) lines.push(`> ${LEVEL_ICON[message.level]} ${md(message.text)}`, '')

  if (context.reminder?.action === 'failed') {
    const [first, ...block] = context.reminder.message.split('\n')
    lines.push(`> ⚠️ The reminder issue was not written. ${md(first)}`, '')
    if (block.length > 0) lines.push('```yaml', ...block, '```', '')
  }

  if (result.reminder === 'open') {
    lines.push('### Rotate the key', '')
    ROTATION_STEPS.forEach((step, i) => lines.push(`${i + 1}. ${step}`))
    lines.push('')
  }
  if (context.runUrl) lines.push(`<sub>[Workflow run](${encodeURI(context.runUrl)})</sub>`, '')
  return lines.join('\n')
}
