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
} from '../core/config.js'

/** Masks a secret input: the whole value and each of its lines (a multi-line value masks line by line). */
export function maskSecret(value: string): void {
  const candidates = new Set([value, value.trim(), ...value.split(/\r?\n|\r/).map((l) => l.trim())])
  for (const candidate of candidates) if (candidate.length > 0) core.setSecret(candidate)
}

/** Masks the key, then reads and validates every input (throws ConfigError). */
export function readRunConfig(): RunConfig {
  maskSecret(core.getInput('api-key', { trimWhitespace: false }))
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
