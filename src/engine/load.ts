/**
 * From a flow file's JSON to a flow the engine may run: parse (both wire
 * spellings), then validate as a whole; every problem named, nothing run when
 * there is any (docs/runner.md §2). `flow validate` shows these problems; `flow run`
 * and the in-job runner refuse such a flow before sending anything.
 */
import type { FlowDef, Problem } from './flow/model.js'
import { parseFlow } from './flow/parse.js'
import { validateFlow } from './flow/validate.js'
import { checkModules } from './modules.js'
import type { ReferencedFlow } from './run/types.js'

export interface LoadOptions {
  /** Input names the run provides beyond the flow's defaults (job inputs, `--input`). */
  inputs?: readonly string[]
  /**
   * The flows module nodes may run (the job's `referenced_flows`). When given,
   * every module's flow must be there and flows must not include each other.
   */
  referencedFlows?: Readonly<Record<string, ReferencedFlow>>
  /** This flow's own id, to catch a module that includes it. */
  flowId?: string
}

/** Parses and validates a flow definition. */
export function loadFlow(
  raw: unknown,
  options: LoadOptions = {}
): { flow: FlowDef; problems: Problem[] } {
  const parsed = parseFlow(raw)
  const problems = [...parsed.problems, ...validateFlow(parsed.flow, { inputs: options.inputs })]
  if (options.referencedFlows !== undefined) {
    problems.push(...checkModules(parsed.flow, options.referencedFlows, options.flowId))
  }
  return { flow: parsed.flow, problems }
}
