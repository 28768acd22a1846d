import { displayValue, toNumber } from '../values.js'
import { OperatorError } from './types.js'

/** Both sides as numbers (Go's ParseFloat grammar for text), or an OperatorError naming the side. */
export function numericSides(actual: unknown, expected: unknown): [number, number] {
  return [numberOf(actual, 'actual value'), numberOf(expected, 'expected value')]
}

export function numberOf(value: unknown, what: string): number {
  const number = toNumber(value)
  if (number === undefined) throw new OperatorError(`${what} ${displayValue(value)} is not numeric`)
  return number
}
