/**
 * The operator registry, keyed by every wire name: Echopoint moved its wire
 * names from camelCase to snake_case, and flows in both spellings are live
 * (`not_equals` and `notEquals` are the same operator). A new operator is one
 * file in this folder and one line below.
 */
import { between } from './between.js'
import { contains } from './contains.js'
import { empty } from './empty.js'
import { endsWith } from './ends-with.js'
import { equals } from './equals.js'
import { greaterThanOrEqual } from './greater-than-or-equal.js'
import { greaterThan } from './greater-than.js'
import { lessThanOrEqual } from './less-than-or-equal.js'
import { lessThan } from './less-than.js'
import { notContains } from './not-contains.js'
import { notEmpty } from './not-empty.js'
import { notEquals } from './not-equals.js'
import { regex } from './regex.js'
import { startsWith } from './starts-with.js'
import { OperatorError, type OperatorDefinition, type OperatorOutcome } from './types.js'

export { OperatorError } from './types.js'
export type { OperatorDefinition, OperatorOutcome } from './types.js'

/** Every built-in operator, in the order the docs list them. */
export const operators: readonly OperatorDefinition[] = [
  equals,
  notEquals,
  contains,
  notContains,
  startsWith,
  endsWith,
  regex,
  empty,
  notEmpty,
  greaterThan,
  lessThan,
  greaterThanOrEqual,
  lessThanOrEqual,
  between
]

const byWireName = new Map<string, OperatorDefinition>(
  operators.flatMap((operator) => operator.names.map((name) => [name, operator] as const))
)

/** The operator a wire name denotes (either spelling), or undefined. */
export function findOperator(wireName: string): OperatorDefinition | undefined {
  return byWireName.get(wireName)
}

/** True when the wire name (either spelling) is a known operator. */
export function isKnownOperator(wireName: string): boolean {
  return byWireName.has(wireName)
}

/** The canonical snake_case names, for messages that list what is accepted. */
export const operatorNames: readonly string[] = operators.map((operator) => operator.names[0])

/**
 * Applies the operator named `wireName`. Throws OperatorError for an unknown
 * operator or a comparison that cannot be made.
 */
export function compare(wireName: string, actual: unknown, expected: unknown): OperatorOutcome {
  const operator = findOperator(wireName)
  if (!operator) {
    throw new OperatorError(
      `unknown assertion operator ${JSON.stringify(wireName)} (known: ${operatorNames.join(', ')})`
    )
  }
  return operator.compare(actual, expected)
}
