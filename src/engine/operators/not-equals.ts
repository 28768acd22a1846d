import { toText } from '../values.js'
import type { OperatorDefinition } from './types.js'

/** The negation of `equals` on string forms. */
export const notEquals: OperatorDefinition = {
  names: ['not_equals', 'notEquals'],
  takesValue: true,
  compare: (actual, expected) => ({ passed: toText(actual) !== toText(expected) })
}
