/**
 * Fixtures with many flows for scale tests and the benchmark: the default
 * fixtures' organizations and keys, plus `count` generated flows tagged `tag`,
 * with durations drawn from a seeded log-uniform spread and a share that fail.
 */
import { defaultFixtures, seededRandom, type SandboxFixtures } from '../src/sandbox/index.js'

export interface ManyFlowsOptions {
  /** Tag every generated flow carries. Default `scale`. */
  tag?: string
  seed?: number
  /** Shortest and longest run, ms (log-uniform between them). Default 2 s to 60 s. */
  minMs?: number
  maxMs?: number
  /** Share of flows whose assertion fails. Default 0.1. */
  failShare?: number
}

/** A stable UUID (version 4 layout) for flow `i`. */
export function flowIdFor(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`
}

export function manyFlows(count: number, options: ManyFlowsOptions = {}): SandboxFixtures {
  const base = defaultFixtures()
  const random = seededRandom(options.seed ?? 7)
  const minMs = options.minMs ?? 2_000
  const maxMs = options.maxMs ?? 60_000
  const failShare = options.failShare ?? 0.1
  const orgId = base.default?.organization_id ?? 'org_demo'
  const flows = Array.from({ length: count }, (_, i) => {
    const duration = Math.round(minMs * (maxMs / minMs) ** random())
    const fails = random() < failShare
    return {
      id: flowIdFor(i + 1),
      organization_id: orgId,
      name: `Scale flow ${i + 1}`,
      tags: [options.tag ?? 'scale'],
      nodes: [{ id: 'call', display_name: 'GET /health', type: 'request' }],
      simulation: fails
        ? {
            outcome: 'failed' as const,
            duration_ms: duration,
            failure: {
              node_id: 'call',
              assertion: {
                extractor: 'status_code',
                operator: 'equals',
                expected: 200,
                actual: 500
              }
            }
          }
        : { outcome: 'passed' as const, duration_ms: duration }
    }
  })
  return { ...base, flows }
}
