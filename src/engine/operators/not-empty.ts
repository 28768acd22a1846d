import { isEmpty } from '../values.js'
import type { OperatorDefinition } from './types.js'

/** Anything `empty` rejects: a number, a boolean, non-blank text, a non-empty array or object. */
export const notEmpty: OperatorDefinition = {
  names: ['not_empty', 'notEmpty'],
  takesValue: false,
  compare: (actual) => ({ passed: !isEmpty(actual) })
}
