import { GeneratorError } from './types.js'

// As in the reference, an argument that is not a number falls back to the
// default (so `{{$int:x}}` is `{{$int}}`); values that cannot work are errors.

/** args[index] as an integer, or `fallback` when absent or not an integer. */
export function intArg(args: readonly string[], index: number, fallback: number): number {
  const text = args[index]
  if (text === undefined || !/^[+-]?\d+$/.test(text.trim())) return fallback
  return Number(text.trim())
}

/** args[index] as a number, or `fallback` when absent or not a number. */
export function floatArg(args: readonly string[], index: number, fallback: number): number {
  const text = args[index]?.trim()
  if (text === undefined || text === '' || !Number.isFinite(Number(text))) return fallback
  return Number(text)
}

/** The largest count a generator accepts (characters, digits, words). */
export const MAX_COUNT = 10_000

/** args[index] as a count in [0, MAX_COUNT]. */
export function countArg(
  args: readonly string[],
  index: number,
  fallback: number,
  what: string
): number {
  const count = intArg(args, index, fallback)
  if (count < 0 || count > MAX_COUNT) {
    throw new GeneratorError(`${what} must be between 0 and ${MAX_COUNT}, got ${count}`)
  }
  return count
}

/** [min, max] from args 0 and 1 with defaults, swapped if given in reverse. */
export function rangeArgs(
  args: readonly string[],
  read: (args: readonly string[], index: number, fallback: number) => number,
  min: number,
  max: number
): [number, number] {
  const low = read(args, 0, min)
  const high = read(args, 1, max)
  return low <= high ? [low, high] : [high, low]
}
