/**
 * A hostile Echopoint API: the real sandbox, with a layer in its outermost slot
 * that rewrites answers on their way out (names holding workflow commands, the
 * caller's key echoed back, other flows' ids, malformed shapes, huge strings),
 * and the checks a hostile-data test makes on what the bundled action printed.
 */
import type {
  RequestContext,
  RouteId,
  SandboxLayer,
  SandboxResponse
} from '../src/sandbox/index.js'

// Tests reshape JSON freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

/** Rewrites a 2xx body (return the new one); the context tells which request it answers. */
export type Rewrite = (body: Json, ctx: RequestContext) => Json | Promise<Json>

export interface HostileOptions {
  rewrite?: Partial<Record<RouteId, Rewrite>>
  /** Extra headers on every 2xx answer of a route. */
  headers?: Partial<Record<RouteId, Record<string, string>>>
  /**
   * Serves requests that present `presented` as if they carried `real` (a key of
   * the fixture), so the server can echo a key of any shape the fixture format
   * would not accept.
   */
  aliasKey?: { presented: string; real: string }
  /** Answers a request in the server's place (an error with a hostile message, say). */
  answer?: (ctx: RequestContext) => SandboxResponse | undefined
  /** Holds a request (e.g. a cancel) before the server sees it, until this resolves. */
  hold?: (ctx: RequestContext) => Promise<void> | undefined
}

export function hostileLayer(options: HostileOptions): SandboxLayer {
  return {
    name: 'hostile',
    async handle(ctx, next): Promise<SandboxResponse> {
      const alias = options.aliasKey
      if (alias && ctx.header('x-api-key') === alias.presented) {
        ctx.raw.req.headers['x-api-key'] = alias.real
      }
      const early = options.answer?.(ctx)
      if (early) return early
      const held = options.hold?.(ctx)
      if (held) await held
      const response = await next()
      const route = ctx.route?.definition.id as RouteId | undefined
      if (!route || response.status >= 300 || response.body === undefined) return response
      const rewrite = options.rewrite?.[route]
      const body = rewrite ? await rewrite(structuredClone(response.body), ctx) : response.body
      return {
        ...response,
        headers: { ...response.headers, ...options.headers?.[route] },
        body
      }
    }
  }
}

/** The payloads that try to start a workflow command; every one carries FORGED. */
export const INJECTIONS = [
  '\n::error::FORGED-lf',
  '\r\n::warning file=app.ts,line=1::FORGED-crlf',
  '\r::add-mask::passed',
  '\u2028::stop-commands::FORGED-token',
  '\u2029::error title=x::FORGED-ps',
  '\u0085::notice::FORGED-nel',
  '%0A::error::FORGED-escaped',
  ' ##[error]FORGED-legacy',
  '\u000b::error::FORGED-vt',
  '\u00a0\t::group::FORGED-group'
] as const

/** .NET's TrimStart (what the runner does before looking for `::`). */
function trimStartLikeRunner(line: string): string {
  return line.replace(/^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '')
}

/** The workflow commands the actions may print themselves. */
const OUR_COMMANDS = new Set(['add-mask', 'debug', 'error', 'warning', 'notice'])

/**
 * Lines of `stdout` the runner would take as a command that did not come from
 * the action: an unknown command, one whose data starts with FORGED, a mask of anything but the key, `stop-commands`,
 * and any legacy `##[` command (the runner finds those anywhere in a line).
 */
export function forgedCommands(stdout: string, keyLines: readonly string[]): string[] {
  const forged: string[] = []
  // The runner splits on CR and LF alone (StreamReader.ReadLine).
  for (const raw of stdout.split(/\r\n|\r|\n/)) {
    if (raw.includes('##[')) {
      forged.push(raw)
      continue
    }
    const line = trimStartLikeRunner(raw)
    if (!line.startsWith('::')) continue
    const end = line.indexOf('::', 2)
    if (end < 0) continue
    const head = line.slice(2, end)
    const name = head.split(' ')[0]
    const data = line.slice(end + 2)
    // Properties (title=…) are escaped by @actions/core: text in them is only text.
    if (
      !OUR_COMMANDS.has(name) ||
      data.startsWith('FORGED') ||
      (name === 'add-mask' && !keyLines.includes(data))
    ) {
      forged.push(raw)
    }
  }
  return forged
}
