/**
 * Reads the key-expiry action's inputs (check-key/action.yml). The API key and
 * the GitHub token are masked before anything else happens, including
 * validation, so not even an error about them can show them.
 */
import * as core from '@actions/core'
import { parseBoolean } from '../../core/input-values.js'
import {
  KEY_CHECK_ACTION_INPUT_NAMES,
  resolveKeyCheckConfig,
  type KeyCheckConfig,
  type RawKeyCheckInputs
} from '../../core/key/check-config.js'
import { protectSecret } from '../shared/workflow-log.js'

export interface ReminderSettings {
  /** Empty when not given: no reminder issue. */
  token: string
  openIssue: boolean
}

/** Masks the secrets, then reads and validates every input (throws ConfigError). */
export function readKeyCheckInputs(): { config: KeyCheckConfig; reminder: ReminderSettings } {
  protectSecret(core.getInput('api-key', { trimWhitespace: false }))
  const token = core.getInput('github-token')
  if (token !== '') protectSecret(token)

  const raw: RawKeyCheckInputs = {}
  for (const [field, name] of Object.entries(KEY_CHECK_ACTION_INPUT_NAMES) as [
    keyof RawKeyCheckInputs,
    string
  ][]) {
    // Keep the key untrimmed so the validation can reject embedded line breaks.
    raw[field] = core.getInput(name, { trimWhitespace: field !== 'apiKey' })
  }
  const config = resolveKeyCheckConfig(raw, KEY_CHECK_ACTION_INPUT_NAMES)
  const openIssue = parseBoolean('open-issue', core.getInput('open-issue'), true)
  return { config, reminder: { token, openIssue } }
}
