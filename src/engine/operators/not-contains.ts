import type { OperatorDefinition } from './types.js'
import { textContains } from './text-contains.js'

/** The negation of `contains`. */
export const notContains: OperatorDefinition = {
  names: ['not_contains', 'notContains'],
  takesValue: true,
  compare: (actual, expected) => ({ passed: !textContains(actual, expected) })
}
