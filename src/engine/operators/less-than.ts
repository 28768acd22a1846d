import { numericSides } from './numeric.js'
import type { OperatorDefinition } from './types.js'

/** actual < expected, both read as numbers. */
export const lessThan: OperatorDefinition = {
  names: ['less_than', 'lessThan'],
  takesValue: true,
  compare(actual, expected) {
    const [a, e] = numericSides(actual, expected)
    return { passed: a < e }
  }
}
