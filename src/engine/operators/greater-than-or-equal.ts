import { numericSides } from './numeric.js'
import type { OperatorDefinition } from './types.js'

/** actual ≥ expected, both read as numbers. */
export const greaterThanOrEqual: OperatorDefinition = {
  names: ['greater_than_or_equal', 'greaterThanOrEqual'],
  takesValue: true,
  compare(actual, expected) {
    const [a, e] = numericSides(actual, expected)
    return { passed: a >= e }
  }
}
