import { displayValue } from '../values.js'
import { numberOf } from './numeric.js'
import { OperatorError, type OperatorDefinition } from './types.js'

/**
 * min ≤ actual ≤ max, with `operator_data.value` a `[min, max]` pair. A string
 * holding that pair as JSON (`"[200, 299]"`, what a templated value gives) is
 * read too; the reference accepts only the array.
 */
export const between: OperatorDefinition = {
  names: ['between'],
  takesValue: true,
  compare(actual, expected) {
    const [low, high] = bounds(expected)
    const value = numberOf(actual, 'actual value')
    return {
      passed: value >= numberOf(low, 'lower bound') && value <= numberOf(high, 'upper bound')
    }
  }
}

function bounds(expected: unknown): [unknown, unknown] {
  let pair = expected
  if (typeof expected === 'string' && expected.trim().startsWith('[')) {
    try {
      pair = JSON.parse(expected) as unknown
    } catch {
      // not JSON: reported below as not a pair
    }
  }
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new OperatorError(`between requires a [min, max] pair, got ${displayValue(expected)}`)
  }
  return [pair[0], pair[1]]
}
