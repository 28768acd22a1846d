/**
 * An assertion operator compares an extracted value (`actual`) with the
 * assertion's expected value (`operator_data.value`).
 *
 * Comparisons are lenient, as in Echopoint's runner: the text operators compare
 * string forms (so the status code `200` equals the wire's `"200"`), the
 * numeric operators parse both sides as numbers. See docs/engine.md.
 */
export interface OperatorOutcome {
  passed: boolean
}

/** An assertion that cannot be evaluated (a non-numeric side, a bad pattern). */
export class OperatorError extends Error {
  override readonly name = 'OperatorError'
}

export interface OperatorDefinition {
  /** Wire names, the canonical snake_case one first, then its camelCase twin. */
  readonly names: readonly [string, ...string[]]
  /** False for `empty`/`not_empty`, which ignore `operator_data`. */
  readonly takesValue: boolean
  /** Throws OperatorError when the comparison cannot be made. */
  compare(actual: unknown, expected: unknown): OperatorOutcome
}
