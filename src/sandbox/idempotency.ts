/**
 * Launch idempotency (docs/api-contract.md, launch semantics). A key is bound to the
 * organization and the flow of the launch URL, and remembers the parameters that
 * make a launch what it is: environment, version, runner type and trigger type.
 * The same key with the same parameters replays the original answer without a
 * new execution; with different parameters it is a 409, because a retry must
 * never silently run something other than what was first asked.
 *
 * Keys are kept 24 hours, the usual retention of idempotency keys in HTTP APIs
 * (see the IETF draft "The Idempotency-Key HTTP Header Field", section 2.4).
 */
import type { FlowExecution, RunnerType, TriggerType } from '../core/api/types.js'

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

/** The launch parameters an idempotency key is bound to. */
export interface LaunchParameters {
  environment_key: string | null
  version_id: string | null
  runner_type: RunnerType
  trigger_type: TriggerType
}

export interface IdempotencyEntry {
  organizationId: string
  flowId: string
  key: string
  parameters: LaunchParameters
  executionId: string
  /** The body first answered, replayed as is. */
  response: { execution: FlowExecution }
  createdAt: number
}

export type IdempotencyLookup =
  | { kind: 'new' }
  | { kind: 'replay'; entry: IdempotencyEntry }
  | { kind: 'conflict'; entry: IdempotencyEntry; differences: (keyof LaunchParameters)[] }

export class IdempotencyStore {
  private readonly entries = new Map<string, IdempotencyEntry>()

  private static id(organizationId: string, flowId: string, key: string): string {
    return JSON.stringify([organizationId, flowId, key])
  }

  /** What a launch with this key and these parameters should do at `now`. */
  lookup(
    organizationId: string,
    flowId: string,
    key: string,
    parameters: LaunchParameters,
    now: number
  ): IdempotencyLookup {
    const entry = this.entries.get(IdempotencyStore.id(organizationId, flowId, key))
    if (!entry || now - entry.createdAt >= IDEMPOTENCY_TTL_MS) return { kind: 'new' }
    const differences = (Object.keys(parameters) as (keyof LaunchParameters)[]).filter(
      (name) => entry.parameters[name] !== parameters[name]
    )
    return differences.length === 0
      ? { kind: 'replay', entry }
      : { kind: 'conflict', entry, differences }
  }

  save(entry: IdempotencyEntry): void {
    this.entries.set(IdempotencyStore.id(entry.organizationId, entry.flowId, entry.key), entry)
  }

  /** Number of keys held (expired ones included until overwritten). */
  get size(): number {
    return this.entries.size
  }
}
