/**
 * The generator registry behind `{{$name}}` and `{{$name:arg:arg}}`: every
 * generator of Echopoint's runner (pkg/dynamicvars, 61 across its versions),
 * under its camelCase name and a snake_case twin (`isoTimestamp`,
 * `iso_timestamp`). A new generator is one entry in its category's file.
 *
 * Values come from a deterministic stream seeded with the execution id, so the
 * same execution id gives the same values; time values come from the execution
 * start on an injectable clock.
 */
import { snakeCase } from '../wire-names.js'
import { createHash } from 'node:crypto'
import { addressGenerators } from './address.js'
import { commerceGenerators } from './commerce.js'
import { contactGenerators } from './contact.js'
import { financeGenerators } from './finance.js'
import { identityGenerators } from './identity.js'
import { internetGenerators } from './internet.js'
import { primitiveGenerators } from './primitive.js'
import { Random } from './random.js'
import { textGenerators } from './text.js'
import { timeGenerators } from './time.js'
import { GeneratorError, type GeneratorDefinition, type GeneratorState } from './types.js'

export { GeneratorError } from './types.js'
export type { GeneratorDefinition } from './types.js'

/** Every generator, by category. */
export const generators: readonly GeneratorDefinition[] = [
  ...timeGenerators,
  ...identityGenerators,
  ...contactGenerators,
  ...addressGenerators,
  ...financeGenerators,
  ...internetGenerators,
  ...commerceGenerators,
  ...textGenerators,
  ...primitiveGenerators
]

export { snakeCase }

const byName = new Map<string, GeneratorDefinition>()
for (const generator of generators) {
  byName.set(generator.name, generator)
  byName.set(snakeCase(generator.name), generator)
}

/** True when `name` (without the `$`, either spelling) is a generator. */
export function isKnownGenerator(name: string): boolean {
  return byName.has(name)
}

/** Generated values for one execution. */
export interface GeneratorContext {
  /** Stable short id of the execution: the first 6 bytes of SHA-256(seed), in hex, as in the reference. */
  readonly runId: string
  /** When the execution started (ms since the epoch); time generators read this. */
  readonly startedAt: number
  /** The value of `{{$name:args…}}`; throws GeneratorError for an unknown name or unusable args. */
  generate(name: string, args?: readonly string[]): string
  /**
   * A context with its own stream derived from this one's seed and `label`
   * (same runId and start time). Giving each node run its own fork (label: node
   * id, loop iteration…) keeps values the same from run to run even when
   * independent branches finish in a different order.
   */
  fork(label: string): GeneratorContext
}

export interface GeneratorContextOptions {
  /** The execution id (any text): the same seed gives the same values. */
  seed: string
  /** The clock, read once: the execution start. Defaults to Date.now. */
  now?: () => number
}

/** A generator context for one execution. */
export function createGeneratorContext(options: GeneratorContextOptions): GeneratorContext {
  const startedAt = (options.now ?? Date.now)()
  const runId = createHash('sha256').update(options.seed, 'utf8').digest('hex').slice(0, 12)
  return contextFor(options.seed, { random: Random.fromSeed(options.seed), startedAt, runId })
}

function contextFor(seed: string, state: GeneratorState): GeneratorContext {
  return {
    runId: state.runId,
    startedAt: state.startedAt,
    generate(name, args = []) {
      const generator = byName.get(name)
      if (!generator) throw new GeneratorError(unknownMessage(name))
      try {
        return generator.generate(state, args)
      } catch (error) {
        if (error instanceof GeneratorError && !error.message.startsWith(`{{$`)) {
          throw new GeneratorError(`{{$${name}}}: ${error.message}`)
        }
        throw error
      }
    },
    fork(label) {
      const childSeed = `${seed}\u0000${label}`
      return contextFor(childSeed, { ...state, random: Random.fromSeed(childSeed) })
    }
  }
}

function unknownMessage(name: string): string {
  // Suggest the nearest names (a wrong case, a typo); none when nothing is close.
  let best = 3
  let near: string[] = []
  for (const known of byName.keys()) {
    const distance = known.toLowerCase() === name.toLowerCase() ? 0 : editDistance(known, name)
    if (distance < best) [best, near] = [distance, [known]]
    else if (distance === best) near.push(known)
  }
  const hint =
    near.length > 0 && near.length <= 3
      ? `; did you mean ${near.map((n) => `{{$${n}}}`).join(' or ')}?`
      : ''
  return `unknown generator {{$${name}}}${hint} (docs/engine.md lists them)`
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    }
    previous = current
  }
  return previous[b.length]
}

/** The catalogue, sorted by category then name, for docs and `--help` listings. */
export function generatorCatalog(): ReadonlyArray<
  Pick<GeneratorDefinition, 'name' | 'category' | 'description' | 'example'>
> {
  return [...generators]
    .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name))
    .map(({ name, category, description, example }) => ({ name, category, description, example }))
}
