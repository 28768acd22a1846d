import { RE2JS, RE2JSException } from 're2js'
import { toText } from '../values.js'
import { OperatorError, type OperatorDefinition } from './types.js'

/**
 * The expected value is an RE2 pattern (Go's `regexp` syntax, as Echopoint's
 * runner uses), searched unanchored in the actual string form: add `^…$` to
 * match the whole value. RE2 runs in linear time, so no pattern can stall a job
 * on a large body, and rejects backreferences and lookarounds.
 */
export const regex: OperatorDefinition = {
  names: ['regex'],
  takesValue: true,
  compare(actual, expected) {
    const pattern = toText(expected)
    return { passed: compilePattern(pattern).matcher(toText(actual)).find() }
  }
}

// Flows repeat the same few patterns (per SSE event, per poll attempt): keep them compiled.
const compiled = new Map<string, RE2JS>()
const MAX_CACHED = 256

function compilePattern(pattern: string): RE2JS {
  const cached = compiled.get(pattern)
  if (cached) return cached
  let re: RE2JS
  try {
    re = RE2JS.compile(pattern)
  } catch (error) {
    // re2js reports Go's own wording: "error parsing regexp: missing closing ]: `[a`".
    const detail = error instanceof RE2JSException ? error.message : String(error)
    throw new OperatorError(`invalid regex pattern ${JSON.stringify(pattern)}: ${detail}`)
  }
  if (compiled.size >= MAX_CACHED) compiled.clear()
  compiled.set(pattern, re)
  return re
}
