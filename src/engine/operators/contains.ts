import type { OperatorDefinition } from './types.js'
import { textContains } from './text-contains.js'

/** The expected string form occurs in the actual one (see text-contains.ts for arrays). */
export const contains: OperatorDefinition = {
  names: ['contains'],
  takesValue: true,
  compare: (actual, expected) => ({ passed: textContains(actual, expected) })
}
