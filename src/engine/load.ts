/**
 * From a flow file's JSON to a flow the engine may run: parse (both wire
 * spellings), then validate as a whole; every problem named, nothing run when
 * there is any (runner.md §2). `flow validate` shows these problems; `flow run`
 * and the in-job runner refuse such a flow before sending anything.
 */
import type { FlowDef, Problem } from './flow/model.js'
import { parseFlow } from './flow/parse.js'
import { validateFlow } from './flow/validate.js'

export interface LoadOptions {
  /** Input names the run provides beyond the flow's defaults (job inputs, `--input`). */
  inputs?: readonly string[]
}

/** Parses and validates a flow definition. */
export function loadFlow(
  raw: unknown,
  options: LoadOptions = {}
): { flow: FlowDef; problems: Problem[] } {
  const parsed = parseFlow(raw)
  const problems = [...parsed.problems, ...validateFlow(parsed.flow, { inputs: options.inputs })]
  return { flow: parsed.flow, problems }
}
