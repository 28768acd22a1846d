/**
 * Reads the run action's inputs. The key is masked before anything else
 * happens, including validation, so not even an error about it can show it.
 */
import * as core from '@actions/core'
import {
  ACTION_INPUT_NAMES,
  resolveRunConfig,
  type RawRunInputs,
  type RunConfig
} from '../../core/run/config.js'
import { protectSecret } from '../shared/workflow-log.js'

/** Masks the key, then reads and validates every input (throws ConfigError). */
export function readRunConfig(): RunConfig {
  protectSecret(core.getInput('api-key', { trimWhitespace: false }))
  const raw: RawRunInputs = {}
  for (const [field, name] of Object.entries(ACTION_INPUT_NAMES) as [
    keyof RawRunInputs,
    string
  ][]) {
    // Keep the key untrimmed so resolveRunConfig can reject embedded line breaks.
    ;(raw as Record<string, string>)[field] = core.getInput(name, {
      trimWhitespace: field !== 'apiKey'
    })
  }
  return resolveRunConfig(raw, ACTION_INPUT_NAMES)
}
