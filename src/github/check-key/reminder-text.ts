/**
 * The reminder issue's text: the hidden marker that finds it again, its title,
 * its body (status, when the key expires, rotation steps) and the comment that
 * closes it.
 * Never the key: only its id, name and organization, which the API returns to
 * anyone holding the key and which identify it in Echopoint's settings.
 */
import { escapeMarkdown as md, safeId } from '../../core/report/escape.js'
import { EXPIRY_SOURCE_LABEL, describeExpiry, type KeyCheckResult } from '../../core/key/check.js'
import { readableDate } from '../../core/key/expiry.js'
import { ROTATION_STEPS } from '../../core/key/rotation.js'

/** The label the reminder issue carries; listing by it keeps the lookup to one short page. */
export const REMINDER_LABEL = 'echopoint-key-expiry'

/**
 * The hidden marker in the issue body: an HTML comment GitHub does not render.
 * One per organization, so two keys (of two organizations) watched from the same
 * repository keep one issue each. The organization ID is percent-encoded so it
 * cannot end the comment.
 */
export function reminderMarker(organizationId: string): string {
  return `<!-- echopoint-ci:key-expiry organization=${encodeURIComponent(organizationId)} -->`
}

export interface ReminderTextContext {
  organizationId: string
  result: KeyCheckResult
  now: number
  failDays: number
  runUrl?: string
}

/** The issue title: says what is wrong and, while it counts down, how many days are left. */
export function reminderTitle(ctx: ReminderTextContext): string {
  const { result } = ctx
  const org = ctx.organizationId
  if (result.status === 'invalid')
    return `Echopoint API key for ${org} is invalid, revoked or expired`
  if (result.status === 'expired') return `Echopoint API key for ${org} has expired`
  const days = result.daysLeft ?? 0
  return `Echopoint API key for ${org} expires in ${days} day${days === 1 ? '' : 's'}: rotate it`
}

function statusParagraph(ctx: ReminderTextContext): string {
  const { result } = ctx
  const key = result.keyId
    ? `The API key \`${safeId(result.keyId)}\`${result.keyName ? ` (${md(result.keyName)})` : ''}`
    : 'The API key'
  const org = `organization \`${safeId(ctx.organizationId)}\``
  if (result.status === 'invalid') {
    return `The Echopoint API refused the CI key of ${org} (HTTP 401): it is wrong, revoked or expired. Every workflow that uses it fails until it is replaced.`
  }
  const when = result.expiresAt ? describeExpiry(result.expiresAt, ctx.now) : 'soon'
  if (result.status === 'expired') {
    return `${key} of ${org} expired ${md(when)}. Every workflow that uses it fails until it is replaced.`
  }
  return `${key} of ${org} expires ${md(when)}. The key-expiry check fails when fewer than ${ctx.failDays} days are left.`
}

/** The issue body. The marker comes first so it survives edits to the text below it. */
export function reminderBody(ctx: ReminderTextContext): string {
  const { result } = ctx
  const lines = [reminderMarker(ctx.organizationId), '', statusParagraph(ctx), '']
  if (result.expiresAtSource) {
    lines.push(`Expiry from ${EXPIRY_SOURCE_LABEL[result.expiresAtSource]}.`, '')
  }
  if (result.missingScopes.length > 0) {
    lines.push(
      `The key also lacks: ${result.missingScopes.map((s) => `\`${safeId(s)}\``).join(', ')}.`,
      ''
    )
  }
  lines.push('### Rotate the key', '')
  ROTATION_STEPS.forEach((step, i) => lines.push(`${i + 1}. ${step}`))
  lines.push(
    '',
    'This issue is kept up to date by the key-expiry check on each run, and closed by it once the key is healthy again.',
    ''
  )
  const checked = `Last checked ${readableDate(new Date(ctx.now).toISOString())}`
  lines.push(
    `<sub>${ctx.runUrl ? `${checked} by [this workflow run](${encodeURI(ctx.runUrl)})` : checked}.</sub>`
  )
  return lines.join('\n')
}

/** The comment posted before closing the issue. */
export function closingComment(ctx: ReminderTextContext): string {
  const { result } = ctx
  const state =
    result.expiresAt === null
      ? 'it is valid and never expires (consider giving it an expiration date)'
      : result.expiresAt
        ? `it is valid and expires ${md(describeExpiry(result.expiresAt, ctx.now))}`
        : 'it is valid'
  const run = ctx.runUrl ? ` ([workflow run](${encodeURI(ctx.runUrl)}))` : ''
  return `The Echopoint API key of organization \`${safeId(ctx.organizationId)}\` is healthy again: ${state}. Closing this issue${run}.`
}
