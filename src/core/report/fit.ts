/**
 * Keeps what the kit hands to GitHub under GitHub's limits: each step output at
 * most 1 MB, the step summary at most 1 MiB (docs.github.com: "Workflow commands
 * for GitHub Actions", outputs and job summaries). Over a limit, the least useful
 * detail goes first and the result says what was cut, so a consumer never reads
 * a half document as if it were whole.
 */
import { showValue } from './escape.js'
import type { FlowReport, NodeReport, ResultsDocument } from '../run/results.js'

/** GitHub's limit on one step output is 1 MB; keep a margin for the file's framing. */
export const OUTPUT_MAX_BYTES = 1_000_000
/** GitHub's limit on one step's summary is 1 MiB; keep a margin. */
export const SUMMARY_MAX_BYTES = 1_000_000

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** What was cut from a document to fit, as the document itself says it. */
export interface Truncation {
  reason: string
  /** Node results left out (all, or all but the failed ones). */
  details: 'failed_nodes_only' | 'short_values' | 'none'
  /** Flows left out of `flows` (the counts still count them). */
  omitted_flows: number
}

const REASON = 'cut to fit GitHub’s 1 MB limit on a step output'

function onlyFailed(node: NodeReport): NodeReport {
  return { ...node, assertions: node.assertions.filter((a) => !a.passed) }
}

function withNodes(
  flows: readonly FlowReport[],
  map: (nodes: NodeReport[]) => NodeReport[]
): FlowReport[] {
  return flows.map((f) => ({ ...f, nodes: map(f.nodes) }))
}

/**
 * The results document as JSON within `maxBytes`. Steps, each only when the last
 * did not fit: keep failed nodes and assertions only; shorten expected and actual
 * values; drop node details; then leave out flows, passed ones first, then from
 * the end. `truncated` says what was cut; `counts` always count every flow.
 */
export function fitResultsJson(
  doc: ResultsDocument,
  maxBytes = OUTPUT_MAX_BYTES
): { json: string; truncation?: Truncation } {
  const full = JSON.stringify(doc)
  if (byteLength(full) <= maxBytes) return { json: full }

  const attempt = (flows: FlowReport[], truncation: Truncation): string =>
    JSON.stringify({ ...doc, flows, truncated: truncation })

  const steps: [Truncation['details'], FlowReport[]][] = [
    [
      'failed_nodes_only',
      withNodes(doc.flows, (nodes) => nodes.filter((n) => n.status === 'failed').map(onlyFailed))
    ],
    [
      'short_values',
      withNodes(doc.flows, (nodes) =>
        nodes
          .filter((n) => n.status === 'failed')
          .map(onlyFailed)
          .map((n) => ({
            ...n,
            error_message: n.error_message === null ? null : showValue(n.error_message, 300),
            assertions: n.assertions.map((a) => ({
              ...a,
              ...('expected' in a ? { expected: showValue(a.expected, 100) } : {}),
              ...('actual' in a ? { actual: showValue(a.actual, 100) } : {})
            }))
          }))
      )
    ],
    ['none', withNodes(doc.flows, () => [])]
  ]
  for (const [details, flows] of steps) {
    const truncation: Truncation = { reason: REASON, details, omitted_flows: 0 }
    const json = attempt(flows, truncation)
    if (byteLength(json) <= maxBytes) return { json, truncation }
  }

  // Still too large: only flows that did not pass, without details, then fewer of them.
  const bare = withNodes(doc.flows, () => []).map((f) => ({
    ...f,
    error_message: f.error_message === null ? null : showValue(f.error_message, 300)
  }))
  const ranked = [
    ...bare.filter((f) => f.status !== 'passed'),
    ...bare.filter((f) => f.status === 'passed')
  ]
  let low = 0
  let high = ranked.length
  // The largest prefix of `ranked` that fits (binary search: each try serialises once).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    const truncation: Truncation = {
      reason: REASON,
      details: 'none',
      omitted_flows: bare.length - mid
    }
    if (byteLength(attempt(keepOrder(bare, ranked.slice(0, mid)), truncation)) <= maxBytes)
      low = mid
    else high = mid - 1
  }
  const truncation: Truncation = {
    reason: REASON,
    details: 'none',
    omitted_flows: bare.length - low
  }
  return { json: attempt(keepOrder(bare, ranked.slice(0, low)), truncation), truncation }
}

/** `kept`, in the order of `all`. */
function keepOrder(all: readonly FlowReport[], kept: readonly FlowReport[]): FlowReport[] {
  const set = new Set(kept)
  return all.filter((f) => set.has(f))
}

/** A JSON array of strings within `maxBytes`: as many leading values as fit, and how many were left out. */
export function fitJsonArray(
  values: readonly string[],
  maxBytes = OUTPUT_MAX_BYTES
): { json: string; omitted: number } {
  let json = JSON.stringify(values)
  if (byteLength(json) <= maxBytes) return { json, omitted: 0 }
  const kept: string[] = []
  let size = 2
  for (const value of values) {
    const add = byteLength(JSON.stringify(value)) + (kept.length > 0 ? 1 : 0)
    if (size + add > maxBytes) break
    kept.push(value)
    size += add
  }
  json = JSON.stringify(kept)
  return { json, omitted: values.length - kept.length }
}
