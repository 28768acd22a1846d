/**
 * The part of running a node that is the same for every type (docs/runner.md §4):
 * the node's assertions over what the type produced, stopping at the first
 * failure; then its declared outputs; and on an assertion failure, the outputs
 * that can still be extracted, so an `always` cleanup can use them (a failed
 * create can still be deleted).
 */
import { parseAssertions, runAssertions, type AssertionResult } from '../assertions.js'
import { parseExtractor, type Subject } from '../extractors/registry.js'
import type { NodeDef } from '../flow/model.js'
import type { NodeError, NodeOutcome } from './types.js'

export interface PassResult {
  outputs: Record<string, unknown>
  assertionResults?: AssertionResult[]
  error?: NodeError
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Extracts each declared output; `strict` stops at the first that cannot be. */
function extractOutputs(
  node: NodeDef,
  subject: Subject,
  strict: boolean
): { outputs: Record<string, unknown>; error?: NodeError } {
  const outputs: Record<string, unknown> = {}
  for (const output of node.outputs) {
    try {
      outputs[output.name] = parseExtractor(output.extractor).extract(subject) ?? null
    } catch (error) {
      if (strict) {
        return {
          outputs,
          error: {
            code: 'OUTPUT_EXTRACTION_FAILED',
            message: `output ${JSON.stringify(output.name)}: ${messageOf(error)}`
          }
        }
      }
    }
  }
  return { outputs }
}

/**
 * Runs the node's assertions (unless the type ran them itself) and extracts its
 * outputs over the outcome's subject. `resolve` templates the expected values.
 */
export function assertAndExtract(
  node: NodeDef,
  outcome: NodeOutcome,
  resolve: (value: unknown) => unknown
): PassResult {
  const intrinsic = { ...(outcome.intrinsic ?? {}) }
  if (outcome.error) {
    return { outputs: intrinsic, assertionResults: outcome.assertionResults, error: outcome.error }
  }
  const subject = outcome.subject
  if (subject === undefined)
    return { outputs: intrinsic, assertionResults: outcome.assertionResults }

  let assertionResults = outcome.assertionResults
  if (assertionResults === undefined && node.assertions.length > 0) {
    let assertions
    try {
      assertions = parseAssertions(node.assertions)
    } catch (error) {
      return { outputs: intrinsic, error: { code: 'ASSERTION_FAILED', message: messageOf(error) } }
    }
    const run = runAssertions(assertions, subject, { resolve })
    assertionResults = run.results
    if (!run.passed) {
      const available = extractOutputs(node, subject, false).outputs
      return {
        outputs: { ...intrinsic, ...available },
        assertionResults,
        error: { code: 'ASSERTION_FAILED', message: run.message ?? 'an assertion failed' }
      }
    }
  }
  const extracted = extractOutputs(node, subject, true)
  return {
    outputs: { ...intrinsic, ...extracted.outputs },
    assertionResults,
    ...(extracted.error ? { error: extracted.error } : {})
  }
}
