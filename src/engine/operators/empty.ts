import { isEmpty } from '../values.js'
import type { OperatorDefinition } from './types.js'

/** Null or absent, `""`, `[]` or `{}`. The expected value is ignored. */
export const empty: OperatorDefinition = {
  names: ['empty'],
  takesValue: false,
  compare: (actual) => ({ passed: isEmpty(actual) })
}
