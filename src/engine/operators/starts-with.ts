import { toText } from '../values.js'
import type { OperatorDefinition } from './types.js'

/** The actual string form begins with the expected one. */
export const startsWith: OperatorDefinition = {
  names: ['starts_with', 'startsWith'],
  takesValue: true,
  compare: (actual, expected) => ({ passed: toText(actual).startsWith(toText(expected)) })
}
