/**
 * `echopoint-ci flow run FILE`: runs a flow definition file on this machine with
 * the flow engine, with no account and no API (docs/interface.md §3). Inputs come
 * from the flow's defaults, then `--inputs-file`, then `--input`/`--secret`
 * (secret values are hidden in everything printed). A module node's flow is
 * read from `FLOW_ID.json` next to the file. Exit 0 passed, 1 failed, 2
 * cancelled, 3 invalid flow or usage, 4 timeout.
 */
import { dirname, join } from 'node:path'
import { formatDuration, parseDuration } from '../../core/duration.js'
import { printable, usablePath } from '../../core/input-values.js'
import {
  inertLine,
  inertText,
  oneLine,
  showValue,
  UNSAFE_EXCEPT_LF
} from '../../core/report/escape.js'
import { flowReportFromResult } from '../../core/run/local-result.js'
import { buildResults, EXIT_CODES, type FlowReport } from '../../core/run/results.js'
import type { FlowResult, ReferencedFlow } from '../../engine/engine.js'
import { wantsLiveProgress } from '../progress.js'
import type { CliIo } from '../io.js'
import { readFlowFile } from './flow-files.js'

export interface FlowRunFlags {
  input?: string[]
  secret?: string[]
  inputsFile?: string
  timeout?: string
  output?: string
  junit?: string
}

/** The longest `--timeout` (as for `run`). */
const MAX_TIMEOUT_MS = 24 * 3_600_000

class UsageError extends Error {}

/** `NAME=VALUE`: the value as JSON when it is JSON (`3`, `true`, `{"a":1}`), else as text. */
export function parseAssignment(text: string, flag: string): [string, unknown] {
  const eq = text.indexOf('=')
  if (eq <= 0) {
    throw new UsageError(
      `${flag} "${printable(text, 80)}" is not NAME=VALUE (for example ${flag} baseUrl=http://localhost:3000)`
    )
  }
  const name = text.slice(0, eq).trim()
  const raw = text.slice(eq + 1)
  if (name === '') throw new UsageError(`${flag} "${printable(text, 80)}" has no name before "="`)
  try {
    return [name, JSON.parse(raw) as unknown]
  } catch {
    return [name, raw]
  }
}

async function readInputsFile(path: string): Promise<Record<string, unknown>> {
  const read = await readFlowFile(path)
  if (read.error !== undefined) throw new UsageError(`--inputs-file ${path}: ${read.error}`)
  const value = read.json
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`--inputs-file ${path}: must hold a JSON object of input names to values`)
  }
  return value as Record<string, unknown>
}

/** Every module's flow, read from `FLOW_ID.json` beside the flow file (recursively). */
async function readReferencedFlows(
  dir: string,
  ids: (definition: unknown) => string[],
  root: unknown
): Promise<Record<string, ReferencedFlow>> {
  const found: Record<string, ReferencedFlow> = {}
  const queue = ids(root)
  while (queue.length > 0) {
    const id = queue.shift()!
    if (found[id] !== undefined || !/^[\w.-]+$/.test(id)) continue
    const read = await readFlowFile(join(dir, `${id}.json`))
    if (read.error !== undefined) continue
    found[id] = { flow_definition: read.json }
    queue.push(...ids(read.json))
  }
  return found
}

const SYMBOL: Record<string, { mark: string; color: number; plain: string }> = {
  completed: { mark: '✔', color: 32, plain: 'PASS' },
  failed: { mark: '✖', color: 31, plain: 'FAIL' },
  skipped: { mark: '○', color: 2, plain: 'SKIP' }
}

function nodeLine(
  node: { display_name: string; node_type: string; duration_ms: number | null; status: string },
  terminal: boolean
): string {
  const style = SYMBOL[node.status] ?? SYMBOL.failed
  const text = `${oneLine(node.display_name, 80)} (${node.node_type}) ${formatDuration(node.duration_ms ?? 0)}`
  if (!terminal) return `${style.plain.padEnd(5)}${text}`
  return `\u001b[${style.color}m${style.mark}\u001b[0m ${text}`
}

/** The result table: one line per node, the failed assertion's expected and actual values, the verdict. */
export function renderFlowTable(flow: FlowReport): string {
  const lines: string[] = []
  const width = Math.max(4, ...flow.nodes.map((n) => Math.min(50, oneLine(n.display_name).length)))
  for (const node of flow.nodes) {
    const label = (SYMBOL[node.status] ?? SYMBOL.failed).plain
    lines.push(
      `${label.padEnd(5)} ${oneLine(node.display_name, 50).padEnd(width)}  ${node.node_type.padEnd(12)} ${formatDuration(node.duration_ms ?? 0)}`
    )
    if (node.status === 'completed') continue
    const failedAssertions = node.assertions.filter((x) => !x.passed)
    // An assertion failure is shown as expected vs actual; any other failure by its message.
    if (node.error_message && failedAssertions.length === 0)
      lines.push(`      ${oneLine(node.error_message)}`)
    for (const a of failedAssertions) {
      lines.push(
        `      ${oneLine(a.extractor, 60)} ${oneLine(a.operator, 30)}: expected ${oneLine(showValue(a.expected))}, actual ${oneLine(showValue(a.actual))}${a.error ? ` (${oneLine(a.error)})` : ''}`
      )
    }
  }
  const count = (status: string): number => flow.nodes.filter((n) => n.status === status).length
  const tally = `${count('completed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`
  const verdict: Record<string, string> = {
    passed: `Flow "${oneLine(flow.flow_name, 80)}" passed`,
    failed: `Flow "${oneLine(flow.flow_name, 80)}" failed`,
    timed_out: `Flow "${oneLine(flow.flow_name, 80)}" timed out (--timeout)`,
    cancelled: `Flow "${oneLine(flow.flow_name, 80)}" was cancelled`
  }
  lines.push(
    '',
    `${verdict[flow.status] ?? flow.status} (${tally}; ${formatDuration(flow.duration_ms ?? 0)})`
  )
  return lines.join('\n')
}

export async function flowRunCommand(
  file: string,
  flags: FlowRunFlags,
  io: CliIo & { progress?: { isTTY?: boolean } }
): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(inertLine(`error: ${message}`))
    return EXIT_CODES.error
  }
  const output = flags.output ?? 'table'
  if (output !== 'table' && output !== 'json') {
    return fail(`--output "${printable(output, 40)}" is not one of table, json.`)
  }
  let timeoutMs: number | undefined
  if (flags.timeout !== undefined) {
    timeoutMs = parseDuration(flags.timeout)
    if (timeoutMs === undefined || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
      return fail(
        `--timeout "${printable(flags.timeout, 40)}" is not a duration between 1ms and 24h (for example 90s, 5m, 1h30m).`
      )
    }
  }
  const junit = flags.junit === undefined ? undefined : usablePath(flags.junit)
  if (flags.junit !== undefined && junit === undefined) {
    return fail('--junit is empty or contains a control character; use a plain file path.')
  }

  const inputs: Record<string, unknown> = {}
  const secretKeys: string[] = []
  try {
    if (flags.inputsFile !== undefined)
      Object.assign(inputs, await readInputsFile(flags.inputsFile))
    for (const text of flags.input ?? []) {
      const [name, value] = parseAssignment(text, '--input')
      inputs[name] = value
    }
    for (const text of flags.secret ?? []) {
      const [name, value] = parseAssignment(text, '--secret')
      inputs[name] = value
      secretKeys.push(name)
    }
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message)
    throw err
  }

  const read = await readFlowFile(file)
  if (read.error !== undefined) return fail(`${file}: ${read.error}`)
  const engine = await import('../../engine/engine.js')
  const { moduleTargets } = await import('../../engine/modules.js')
  const { parseFlow } = await import('../../engine/flow/parse.js')
  const referencedFlows = await readReferencedFlows(
    dirname(file),
    (definition) => moduleTargets(parseFlow(definition).flow).map((t) => t.flowId),
    read.json
  )
  const { flow, problems } = engine.loadFlow(read.json, {
    inputs: Object.keys(inputs),
    referencedFlows
  })
  if (problems.length > 0) {
    io.stderr(
      inertLine(
        `error: ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in "${flow.name}"; nothing was run`
      )
    )
    for (const p of problems) {
      io.stderr(inertLine(`- ${p.node ? `node ${p.node}, ` : ''}${p.field}: ${p.message}`))
    }
    if (problems.some((p) => p.message.startsWith('MODULE_FLOW_NOT_FOUND'))) {
      io.stderr(
        inertLine(
          `A module's flow is read from FLOW_ID.json beside ${file} (save it with: echopoint-ci flow pull FLOW_ID --out ${join(dirname(file), 'FLOW_ID.json')}).`
        )
      )
    }
    return EXIT_CODES.error
  }

  // Stops: --timeout (exit 4) and Ctrl-C / SIGTERM (exit 2).
  const controller = new AbortController()
  let stopped: 'timed_out' | 'cancelled' | undefined
  const stop = (why: 'timed_out' | 'cancelled'): void => {
    stopped ??= why
    controller.abort()
  }
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => stop('timed_out'), timeoutMs)
  const onCancel = (): void => stop('cancelled')
  io.signal?.addEventListener('abort', onCancel, { once: true })

  const terminal = wantsLiveProgress(io.progress ?? process.stderr, io.env)
  const { localNodeStatus } = await import('../../core/run/local-result.js')
  let result: FlowResult
  try {
    result = await engine.runFlow(flow, {
      inputs,
      secretInputKeys: secretKeys,
      signal: controller.signal,
      referencedFlows,
      observer: {
        nodeFinished: ({ result: node }) => {
          io.stderr(
            inertLine(
              nodeLine(
                {
                  display_name: node.display_name,
                  node_type: node.node_type,
                  duration_ms: node.duration_ms,
                  status: localNodeStatus(node)
                },
                terminal
              )
            )
          )
        }
      }
    })
  } finally {
    if (timer !== undefined) clearTimeout(timer)
    io.signal?.removeEventListener('abort', onCancel)
  }

  const report = flowReportFromResult(result, {
    flow_id: file,
    flow_name: flow.name,
    ...(stopped ? { stopped } : {}),
    order: flow.nodes.map((n) => n.id)
  })
  const results = buildResults([report], result.duration_ms)
  if (junit !== undefined) {
    try {
      const { writeJunitReport } = await import('../../core/report/junit.js')
      const written = await writeJunitReport(junit, results)
      io.stderr(inertLine(`JUnit report written to ${written}`))
    } catch (err) {
      io.stderr(
        inertLine(
          `warning: could not write the JUnit report to ${junit}: ${(err as Error).message}`
        )
      )
    }
  }
  for (const warning of result.warnings ?? []) io.stderr(inertLine(`warning: ${warning}`))
  if (output === 'json') {
    io.stdout(JSON.stringify(result, null, 2).replace(/##\[/g, '#\\u0023['))
  } else {
    io.stdout(inertText(renderFlowTable(report).replace(UNSAFE_EXCEPT_LF, ' ')))
  }
  return EXIT_CODES[report.status]
}
