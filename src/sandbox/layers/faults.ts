/**
 * Reproducible fault injection for the `faults` slot: each targeted request draws
 * from a seeded generator (mulberry32) and, with the configured probabilities,
 * gets one of
 *
 * - `500` / `502`: the Echopoint envelope (`UNEXPECTED_ERROR`, `BAD_GATEWAY`);
 * - `503`: `SERVICE_UNAVAILABLE` with `Retry-After: <seconds>` (a hint, logged as `retryAt`);
 * - `reset`: the connection is destroyed without an answer;
 * - `slow`: the answer is held back `slowMs` of REAL time (sockets need real time;
 *   keep it short), then served normally;
 * - `malformed`: a truncated JSON body;
 * - `html`: a proxy's HTML error page (502, `text/html`).
 *
 * The same seed and the same order of requests give the same faults.
 *
 * Faults never corrupt state. By default a fault hits BEFORE the handler: the
 * request had no effect. With `afterCommit` (a probability), a fault on a write
 * route (launch, cancel, runner claim and complete, the job calls' POSTs) may instead hit AFTER the
 * handler ran: the launch happened, but its answer was lost (`reset`, `500`,
 * `502`, `html`, `malformed`) or delayed (`slow`). That is what Idempotency-Key
 * exists for: the retry must replay the execution, not create another. A 503
 * always means "not processed", so it is never after commit. The request log
 * marks each fault (`fault`, `faultAfterCommit`).
 *
 * The clock skew (`clockSkewMs`) is configured here too but applied by the server:
 * it shifts the `Date` header and the rate limiter's reset times.
 */
import { errorResponse } from '../context.js'
import { ApiError } from '../errors.js'
import type { Router } from '../router.js'
import type {
  MatchedRoute,
  Next,
  RequestContext,
  RouteDefinition,
  SandboxLayer,
  SandboxResponse
} from '../types/http.js'
import type { FaultOptions } from '../types/options.js'
import { seededRandom } from './seeded-random.js'

// Kept here too for callers that import it from the fault injector.
export type { FaultOptions } from '../types/options.js'

export const FAULT_KINDS = ['500', '502', '503', 'reset', 'slow', 'malformed', 'html'] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export const DEFAULT_SLOW_MS = 500
/**
 * Longest slow response allowed: a fault must never hang a test or a CI job. The
 * settings schema (`faults.slow_ms` maximum) enforces it; a test keeps both equal.
 */
export const MAX_SLOW_MS = 30_000
export const DEFAULT_FAULT_RETRY_AFTER_SECONDS = 1

export interface FaultConfig {
  seed: number
  rates: Record<Exclude<FaultKind, '500' | '502'> | '5xx', number>
  slowMs: number
  retryAfterSeconds: number
  clockSkewMs: number
  routes: string[] | null
  exclude: string[]
  afterCommit: number
}

/** Fills the defaults of fault options (validated by startSandbox: settings/). */
export function resolveFaults(options: FaultOptions): FaultConfig {
  const afterCommit = options.afterCommit
  return {
    seed: options.seed ?? 1,
    rates: {
      '5xx': options.rate5xx ?? 0,
      '503': options.rate503 ?? 0,
      reset: options.rateReset ?? 0,
      slow: options.rateSlow ?? 0,
      malformed: options.rateMalformed ?? 0,
      html: options.rateHtml ?? 0
    },
    slowMs: options.slowMs ?? DEFAULT_SLOW_MS,
    retryAfterSeconds: options.retryAfterSeconds ?? DEFAULT_FAULT_RETRY_AFTER_SECONDS,
    clockSkewMs: options.clockSkewMs ?? 0,
    routes: options.routes && options.routes.length > 0 ? [...options.routes] : null,
    exclude: [...(options.exclude ?? [])],
    afterCommit: afterCommit === true ? 1 : afterCommit === false ? 0 : (afterCommit ?? 0)
  }
}

const MALFORMED_BODY = '{"total":3,"count":3,"items":[{"id":"'
const HTML_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

/** The fault layer. `sandbox.faults` when faults are configured. */
export class FaultInjector implements SandboxLayer {
  readonly name = 'faults'
  readonly config: FaultConfig
  private readonly random: () => number
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>()

  /**
   * @param options validated options (startSandbox checks them against the settings schema)
   * @param router resolves the route before the router layer runs, so faults can
   *   target routes (this slot sits outside the router and auth).
   */
  constructor(
    options: FaultOptions,
    private readonly router: Router
  ) {
    this.config = resolveFaults(options)
    this.random = seededRandom(this.config.seed)
  }

  async handle(ctx: RequestContext, next: Next): Promise<SandboxResponse> {
    const matched = this.routeOf(ctx)
    const route = matched?.definition
    if (!this.targets(ctx.method, route)) return next()
    const kind = this.pick(this.random())
    if (kind === null) return next()
    const { afterCommit } = this.config
    const after =
      kind !== '503' &&
      route?.bucket === 'write' &&
      afterCommit > 0 &&
      (afterCommit >= 1 || this.random() < afterCommit)
    ctx.annotations.fault = kind
    if (after) ctx.annotations.faultAfterCommit = true
    else this.identify(ctx, matched)

    if (!after) {
      if (kind === 'slow') {
        await this.delay()
        return next()
      }
      return this.answer(kind, ctx, undefined)
    }
    const response = await next()
    if (kind === 'slow') {
      await this.delay()
      return response
    }
    // The fault replaces the answer the inner layers made, and with it any rate-limit
    // hint it carried: the client never saw that hint, so it is not logged as given.
    delete ctx.annotations.retryAt
    return this.answer(kind, ctx, response)
  }

  /** Releases pending slow answers at once (the server is closing). */
  dispose(): void {
    for (const pending of this.timers) {
      clearTimeout(pending.timer)
      pending.resolve()
    }
    this.timers.clear()
  }

  /** One line for the banner. */
  describe(): string {
    const { rates, slowMs, seed, afterCommit, clockSkewMs, routes, exclude } = this.config
    const pct = (p: number): string => `${Math.round(p * 1000) / 10}%`
    const parts = Object.entries(rates)
      .filter(([, p]) => p > 0)
      .map(([kind, p]) => `${kind} ${pct(p)}${kind === 'slow' ? ` (${slowMs} ms)` : ''}`)
    const lines = [`seed ${seed}: ${parts.length > 0 ? parts.join(', ') : 'none'}`]
    if (afterCommit > 0) lines.push(`${pct(afterCommit)} of write faults after commit`)
    if (routes) lines.push(`only ${routes.join(', ')}`)
    if (exclude.length > 0) lines.push(`never ${exclude.join(', ')}`)
    if (clockSkewMs !== 0) {
      lines.push(`clock skew ${clockSkewMs > 0 ? '+' : ''}${clockSkewMs / 1000} s`)
    }
    return lines.join('; ')
  }

  private routeOf(ctx: RequestContext): MatchedRoute | undefined {
    try {
      return this.router.match(ctx.method, ctx.path)
    } catch {
      return undefined // 404 and 405: only untargeted faults reach them
    }
  }

  private targets(method: string, route: RouteDefinition | undefined): boolean {
    const matches = (selector: string): boolean =>
      selector === method ||
      (route !== undefined && (selector === route.id || selector === route.bucket))
    if (this.config.exclude.some(matches)) return false
    return this.config.routes === null || this.config.routes.some(matches)
  }

  /** Maps one draw in [0, 1) to a fault by cumulative probability, or null. */
  private pick(u: number): FaultKind | null {
    const { rates } = this.config
    let edge = 0
    for (const kind of ['5xx', '503', 'reset', 'slow', 'malformed', 'html'] as const) {
      const rate = rates[kind]
      if (u < edge + rate) {
        // The lower half of the 5xx band is a 500, the upper half a 502.
        if (kind === '5xx') return u < edge + rate / 2 ? '500' : '502'
        return kind
      }
      edge += rate
    }
    return null
  }

  /** A faulted request never reaches auth; the log still names the key (or job token's job) it presented. */
  private identify(ctx: RequestContext, matched: MatchedRoute | undefined): void {
    const secret = ctx.header('x-api-key')?.trim()
    const key = secret ? ctx.services.state.keyBySecret(secret) : undefined
    if (key) ctx.annotations.presentedKeyId = key.id
    const token = ctx.header('x-job-token')?.trim()
    const job = token ? ctx.services.state.executionByJobToken(token)?.claim : undefined
    if (job) ctx.annotations.jobId = job.jobId
    // The router layer sets the same again if the request goes on (a slow answer).
    if (matched) ctx.route = matched
  }

  private delay(): Promise<void> {
    return new Promise<void>((resolve) => {
      const pending = {
        resolve,
        timer: setTimeout(() => {
          this.timers.delete(pending)
          resolve()
        }, this.config.slowMs)
      }
      this.timers.add(pending)
    })
  }

  private answer(
    kind: Exclude<FaultKind, 'slow'>,
    ctx: RequestContext,
    committed: SandboxResponse | undefined
  ): SandboxResponse {
    switch (kind) {
      case '500':
        return errorResponse(
          new ApiError(500, 'UNEXPECTED_ERROR', 'Injected fault: the server failed to answer')
        )
      case '502':
        return errorResponse(
          new ApiError(502, 'BAD_GATEWAY', 'Injected fault: the upstream server did not answer')
        )
      case '503': {
        const seconds = this.config.retryAfterSeconds
        ctx.annotations.retryAt = ctx.services.clock.now() + seconds * 1000
        return errorResponse(
          new ApiError(503, 'SERVICE_UNAVAILABLE', 'Injected fault: the service is unavailable', {
            headers: { 'retry-after': String(seconds) }
          })
        )
      }
      case 'reset':
        return { status: 0, headers: {}, drop: true }
      case 'malformed': {
        if (!committed) return { status: 200, headers: {}, rawBody: MALFORMED_BODY }
        // A 204 has no body to cut: a proxy's mangled 200 stands for it.
        if (committed.status === 204) return { status: 200, headers: {}, rawBody: '{' }
        // The handler's real answer, cut in half.
        const text = committed.body === undefined ? '{' : JSON.stringify(committed.body)
        return {
          status: committed.status,
          headers: { ...committed.headers },
          rawBody: text.slice(0, Math.max(1, Math.floor(text.length / 2)))
        }
      }
      case 'html':
        return {
          status: 502,
          headers: { 'content-type': 'text/html' },
          rawBody: HTML_BODY
        }
    }
  }
}
