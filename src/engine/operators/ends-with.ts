import { toText } from '../values.js'
import type { OperatorDefinition } from './types.js'

/** The actual string form ends with the expected one. */
export const endsWith: OperatorDefinition = {
  names: ['ends_with', 'endsWith'],
  takesValue: true,
  compare: (actual, expected) => ({ passed: toText(actual).endsWith(toText(expected)) })
}
