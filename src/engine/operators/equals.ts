import { toText } from '../values.js'
import type { OperatorDefinition } from './types.js'

/** String forms are equal: `200` equals `"200"`, `true` equals `"true"`, `null` equals `""`. */
export const equals: OperatorDefinition = {
  names: ['equals'],
  takesValue: true,
  compare: (actual, expected) => ({ passed: toText(actual) === toText(expected) })
}
