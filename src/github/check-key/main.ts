/**
 * The key-expiry action (check-key/action.yml): read inputs, check the key,
 * keep the reminder issue in step, report (annotations, outputs, job summary).
 * The only place that calls setFailed. The reminder issue never decides whether
 * the step passes: a GitHub failure is a warning.
 */
import * as core from '@actions/core'
import { detectCiContext } from '../../core/ci-context.js'
import { systemClock, type Clock } from '../../core/clock.js'
import { toEchopointError } from '../../core/errors.js'
import {
  checkKey,
  failedCheckResult,
  type KeyCheckMessage,
  type KeyCheckResult
} from '../../core/key/check.js'
import type { KeyCheckConfig } from '../../core/key/check-config.js'
import { VERSION } from '../../core/version.js'
import { actionLogger, log, redact } from '../shared/workflow-log.js'
import { readKeyCheckInputs, type ReminderSettings } from './inputs.js'
import { setKeyCheckOutputs } from './outputs.js'
import { syncReminderIssue, type ReminderOutcome } from './reminder-issue.js'
import { renderKeyCheckSummary } from './summary.js'

const TITLE = 'Echopoint: API key'

function announce(message: KeyCheckMessage): void {
  switch (message.level) {
    case 'error':
      log.error(message.text, { title: TITLE })
      break
    case 'warning':
      log.warning(message.text, { title: TITLE })
      break
    case 'notice':
      log.notice(message.text, { title: TITLE })
      break
    case 'info':
      log.info(message.text)
  }
}

async function reminderIssue(
  result: KeyCheckResult,
  config: KeyCheckConfig,
  settings: ReminderSettings,
  now: number,
  runUrl: string | undefined
): Promise<ReminderOutcome | undefined> {
  if (result.reminder === 'leave') return undefined
  if (!settings.openIssue) {
    log.debug('open-issue is false: no reminder issue')
    return undefined
  }
  if (settings.token === '') {
    log.warning(
      'github-token is empty, so no reminder issue was written. Leave it at its default (${{ github.token }}) or set open-issue: false.',
      { title: TITLE }
    )
    return undefined
  }
  const outcome = await syncReminderIssue({
    token: settings.token,
    repository: process.env.GITHUB_REPOSITORY,
    organizationId: config.organizationId,
    result,
    now,
    failDays: config.failDays,
    runUrl,
    secrets: [config.apiKey]
  })
  switch (outcome.action) {
    case 'created':
      log.info(`Opened reminder issue #${outcome.number}${outcome.url ? ` (${outcome.url})` : ''}`)
      break
    case 'updated':
      log.info(`Updated reminder issue #${outcome.number}${outcome.url ? ` (${outcome.url})` : ''}`)
      break
    case 'closed':
      log.info(`Closed reminder issue ${outcome.numbers.map((n) => `#${n}`).join(', ')}`)
      break
    case 'failed':
      log.warning(`Could not update the reminder issue. ${outcome.message}`, {
        title: 'Echopoint: reminder issue'
      })
      break
    case 'none':
      log.debug('No reminder issue to close')
  }
  return outcome
}

/** The action. Never throws. */
export async function run(clock: Clock = systemClock): Promise<void> {
  let result: KeyCheckResult
  let config: KeyCheckConfig | undefined
  let settings: ReminderSettings | undefined
  try {
    ;({ config, reminder: settings } = readKeyCheckInputs())
    result = await checkKey(config, {
      clock,
      logger: actionLogger,
      userAgent: `echopoint-ci-check-key/${VERSION}`
    })
  } catch (err) {
    result = failedCheckResult(toEchopointError(err))
  }
  const now = clock.now()
  const runUrl = detectCiContext().runUrl

  log.info(result.headline)
  for (const message of result.messages.filter((m) => m.level !== 'error')) announce(message)

  let reminder: ReminderOutcome | undefined
  if (config && settings) {
    reminder = await reminderIssue(result, config, settings, now, runUrl)
  }
  const issueNumber =
    reminder?.action === 'created' || reminder?.action === 'updated' ? reminder.number : undefined
  setKeyCheckOutputs(result, issueNumber)

  try {
    await core.summary
      .addRaw(redact(renderKeyCheckSummary(result, { now, reminder, runUrl })), true)
      .write()
  } catch (err) {
    // Outside a runner there is no summary file; that must not fail the step.
    log.debug(`No job summary written: ${toEchopointError(err).message}`)
  }

  const errors = result.messages.filter((m) => m.level === 'error')
  if (result.passed) return
  // The first error fails the step (setFailed annotates it); any others are annotations too.
  for (const message of errors.slice(1)) announce(message)
  log.fail(errors[0]?.text ?? result.headline)
}
