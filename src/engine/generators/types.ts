import type { Random } from './random.js'

/** What a generator draws from: this execution's stream and its stable facts. */
export interface GeneratorState {
  readonly random: Random
  /** Milliseconds since the epoch when the execution started (stable for the run). */
  readonly startedAt: number
  /** Stable short id of the execution (12 hex digits). */
  readonly runId: string
}

export interface GeneratorDefinition {
  /** The reference's camelCase name (`isoTimestamp`); its snake_case twin is registered too. */
  readonly name: string
  readonly category: string
  readonly description: string
  /** A template showing use, e.g. `{{$int:1:100}}`. */
  readonly example: string
  /** The generated text; throws GeneratorError for unusable arguments. */
  generate(state: GeneratorState, args: readonly string[]): string
}

/** A generator that is unknown or was given unusable arguments. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError'
}
