/**
 * Node assertions: an extractor reads a value from the subject (a response, a
 * value, a received request) and an operator compares it with the expected
 * value. Parsed once from the flow (every wire shape Echopoint has used), then
 * run in order, stopping at the first failure or error, as Echopoint's runner
 * does. docs/engine.md describes both for users.
 */
import {
  createExtractor,
  ExtractionError,
  ExtractorConfigError,
  parseExtractor,
  type Extractor,
  type Subject
} from './extractors/registry.js'
import { findOperator, operatorNames, type OperatorDefinition } from './operators/registry.js'
import { displayValue, hasOwn, isPlainObject } from './values.js'

/** One parsed assertion. Names are kept as the flow wrote them, for results and messages. */
export interface Assertion {
  readonly extractor: Extractor
  /** The extractor type as written (`jsonPath` or `json_path`). */
  readonly extractorName: string
  readonly operator: OperatorDefinition
  /** The operator as written (`notEquals` or `not_equals`). */
  readonly operatorName: string
  /** `operator_data.value` as written, templates unresolved; undefined when absent. */
  readonly expected: unknown
}

/** The record of one evaluated assertion (the wire's `assertion_results` item). */
export interface AssertionResult {
  index: number
  extractor: string
  operator: string
  /** The expected value after template resolution (null when absent). */
  expected: unknown
  /** The extracted value (null when extraction failed). */
  actual: unknown
  passed: boolean
  /** Why the assertion could not be evaluated; absent when it was. */
  error?: string
}

export interface AssertionRun {
  /** True when every assertion passed (and for an empty list). */
  passed: boolean
  /** Results up to and including the first failure or error. */
  results: AssertionResult[]
  /** For a failed run: `assertion 0 failed: status_code equals expected=200 actual=404`. */
  message?: string
}

export interface EvaluateOptions {
  /**
   * Resolves templates in the expected value with the caller's scope (inputs,
   * upstream outputs, generators). May throw (an unresolved reference); the
   * assertion then records the error instead of comparing.
   */
  resolve?: (expected: unknown) => unknown
}

/** An assertion definition that cannot be used (missing or unknown extractor or operator). */
export class AssertionParseError extends Error {
  override readonly name = 'AssertionParseError'
}

/**
 * Parses one assertion from any of its wire shapes:
 * - `{extractor_type, extractor_data, operator_type, operator_data: {value}}` (current);
 * - the same in camelCase (`extractorType`, `extractorData`, `operatorType`, `operatorData`);
 * - a nested extractor, `{extractor: {type, path?, header_name?}, operator_type, …}`;
 * - a nested operator, `{…, operator: {type, value}}` (older flows, Echopoint's parse fixture).
 * A nested object wins over the flat fields, snake_case over camelCase, as in
 * the reference. Throws AssertionParseError.
 */
export function parseAssertion(raw: unknown): Assertion {
  if (!isPlainObject(raw)) throw new AssertionParseError('an assertion must be an object')
  const nestedOperator = isPlainObject(raw.operator) ? raw.operator : undefined

  const operatorName = firstText(nestedOperator?.type, raw.operator_type, raw.operatorType)
  if (operatorName === undefined) {
    throw new AssertionParseError('the assertion has no operator_type')
  }
  const operator = findOperator(operatorName)
  if (!operator) {
    throw new AssertionParseError(
      `unknown assertion operator ${JSON.stringify(operatorName)} (known: ${operatorNames.join(', ')})`
    )
  }

  const { extractor, extractorName } = parseAssertionExtractor(raw)
  return {
    extractor,
    extractorName,
    operator,
    operatorName,
    expected: expectedOf(raw, nestedOperator)
  }
}

/** Parses a node's `assertions` array (absent or null → none); errors name the index. */
export function parseAssertions(raw: unknown): Assertion[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw new AssertionParseError('assertions must be an array')
  return raw.map((item, index) => {
    try {
      return parseAssertion(item)
    } catch (error) {
      throw new AssertionParseError(`assertion ${index}: ${messageOf(error)}`)
    }
  })
}

function parseAssertionExtractor(raw: Record<string, unknown>): {
  extractor: Extractor
  extractorName: string
} {
  try {
    if (isPlainObject(raw.extractor)) {
      const type = raw.extractor.type
      return {
        extractor: parseExtractor(raw.extractor),
        extractorName: typeof type === 'string' ? type : ''
      }
    }
    const type = firstText(raw.extractor_type, raw.extractorType)
    if (type === undefined) throw new AssertionParseError('the assertion has no extractor_type')
    const data = [raw.extractor_data, raw.extractorData].find(isPlainObject) ?? {}
    return { extractor: createExtractor(type, data), extractorName: type }
  } catch (error) {
    if (error instanceof ExtractorConfigError) throw new AssertionParseError(error.message)
    throw error
  }
}

function expectedOf(
  raw: Record<string, unknown>,
  nestedOperator: Record<string, unknown> | undefined
): unknown {
  if (nestedOperator && hasOwn(nestedOperator, 'value')) return nestedOperator.value
  const data = [raw.operator_data, raw.operatorData].find(isPlainObject)
  return data?.value
}

function firstText(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate !== '') return candidate
  }
  return undefined
}

/**
 * Evaluates one assertion over a subject. Never throws: an expected value that
 * does not resolve, an extraction that finds nothing or a comparison that
 * cannot be made is recorded in `error` (with `passed: false`).
 */
export function evaluateAssertion(
  assertion: Assertion,
  subject: Subject,
  index = 0,
  options: EvaluateOptions = {}
): AssertionResult {
  const result: AssertionResult = {
    index,
    extractor: assertion.extractorName,
    operator: assertion.operatorName,
    expected: assertion.expected ?? null,
    actual: null,
    passed: false
  }
  try {
    if (options.resolve && assertion.expected !== undefined) {
      result.expected = options.resolve(assertion.expected) ?? null
    }
  } catch (error) {
    result.error = `expected value: ${messageOf(error)}`
    return result
  }
  let actual: unknown
  try {
    actual = assertion.extractor.extract(subject)
  } catch (error) {
    const detail = error instanceof ExtractionError ? error.message : messageOf(error)
    result.error = `extractor ${JSON.stringify(assertion.extractorName)} failed: ${detail}`
    return result
  }
  result.actual = actual ?? null
  try {
    result.passed = assertion.operator.compare(actual, result.expected).passed
  } catch (error) {
    result.error = messageOf(error)
  }
  return result
}

/**
 * Runs assertions in order and stops at the first one that fails or errors
 * (it is recorded). The run's message is Echopoint's:
 * `assertion 0 failed: status_code equals expected=200 actual=404`, or
 * `assertion 1 (json_path equals) evaluation error: extractor "json_path" failed: …`.
 */
export function runAssertions(
  assertions: readonly Assertion[],
  subject: Subject,
  options: EvaluateOptions = {}
): AssertionRun {
  const results: AssertionResult[] = []
  for (const [index, assertion] of assertions.entries()) {
    const result = evaluateAssertion(assertion, subject, index, options)
    results.push(result)
    if (!result.passed) return { passed: false, results, message: failureMessage(result) }
  }
  return { passed: true, results }
}

/** The message for a result that did not pass (see runAssertions). */
export function failureMessage(result: AssertionResult): string {
  const what = `${result.extractor} ${result.operator}`
  if (result.error !== undefined) {
    return `assertion ${result.index} (${what}) evaluation error: ${result.error}`
  }
  return (
    `assertion ${result.index} failed: ${what} ` +
    `expected=${displayValue(result.expected)} actual=${displayValue(result.actual)}`
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
