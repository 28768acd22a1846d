/** Shared by loop, poll and module: reading a nested flow (a body, a child flow). */
import { loadFlow } from '../load.js'
import type { FlowDef } from '../flow/model.js'
import type { FlowResult } from '../run/types.js'

/** A nested flow ready to run, or why it cannot be. */
export function loadNested(
  raw: unknown,
  name: string,
  inputNames: readonly string[]
): { flow: FlowDef } | { problem: string } {
  const body = typeof raw === 'object' && raw !== null ? raw : {}
  const { flow, problems } = loadFlow({ name, ...(body as object) }, { inputs: inputNames })
  if (problems.length > 0) {
    const first = problems
      .slice(0, 3)
      .map((p) => `${p.node ? `${p.node}.` : ''}${p.field}: ${p.message}`)
    return {
      problem: `${first.join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`
    }
  }
  return { flow }
}

/** What a failed nested run says: its error, or the first failed node's. */
export function nestedFailure(result: FlowResult): string {
  return result.error_message ?? result.error_code ?? 'the nested flow failed'
}
