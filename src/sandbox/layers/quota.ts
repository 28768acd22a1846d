/**
 * The daily execution quota for the `quota` slot (docs/api-contract.md, launch semantics):
 * each organization may create `daily` executions in any rolling 24 h window. A
 * launch beyond it gets 429 `DAILY_EXECUTION_LIMIT_EXCEEDED` with metadata
 * `{scope: "cloud_fleet"}` (the scope is configurable). This is not a short rate
 * limit, so the answer carries no Retry-After: a client should fail clearly.
 *
 * Only launches that would create an execution count; an Idempotency-Key replay
 * returns the existing one and is free (`classifyLaunch`). A slot is reserved
 * before the handler runs and released if no execution was created, so two
 * launches in flight at once cannot both take the last slot.
 */
import { ApiError } from '../errors.js'
import { classifyLaunch } from '../launch-request.js'
import type { Next, RequestContext, SandboxLayer, SandboxResponse } from '../types/http.js'
import type { QuotaOptions } from '../types/options.js'
import { iso } from '../validate.js'

export const DAY_MS = 24 * 60 * 60 * 1000
export const DEFAULT_QUOTA_SCOPE = 'cloud_fleet'

export interface QuotaConfig {
  daily: number
  scope: string
  windowMs: number
}

/** Fills the defaults of quota options (validated by startSandbox: settings/). */
export function resolveQuota(options: QuotaOptions): QuotaConfig {
  const { daily, scope = DEFAULT_QUOTA_SCOPE, windowMs = DAY_MS } = options
  return { daily, scope, windowMs }
}

/** The quota layer. `sandbox.quota` when a quota is set. */
export class DailyQuota implements SandboxLayer {
  readonly name = 'quota'
  readonly config: QuotaConfig
  /** Per organization: creation times (sandbox clock ms) of counted executions, oldest first. */
  private readonly launches = new Map<string, number[]>()

  /** @param options validated options (startSandbox checks them against the settings schema) */
  constructor(options: QuotaOptions) {
    this.config = resolveQuota(options)
  }

  /** Executions counted against the organization's current window. */
  used(organizationId: string, now: number): number {
    return this.live(organizationId, now).length
  }

  /** Executions the organization may still create now. */
  remaining(organizationId: string, now: number): number {
    return Math.max(0, this.config.daily - this.used(organizationId, now))
  }

  async handle(ctx: RequestContext, next: Next): Promise<SandboxResponse> {
    const organizationId = ctx.organizationId
    if (organizationId === undefined || classifyLaunch(ctx) !== 'new') return next()
    const now = ctx.services.clock.now()
    const live = this.live(organizationId, now)
    if (live.length >= this.config.daily) {
      const freesAt = live[0] === undefined ? now : live[0] + this.config.windowMs
      throw new ApiError(
        429,
        'DAILY_EXECUTION_LIMIT_EXCEEDED',
        `The organization's execution quota is spent: ${this.config.daily} executions per rolling ${formatWindow(this.config.windowMs)}; the next one frees up at ${iso(freesAt)}`,
        { metadata: { scope: this.config.scope } }
      )
    }
    live.push(now)
    let created = false
    try {
      const response = await next()
      created = response.status === 202 && ctx.annotations.replay === false
      return response
    } finally {
      if (!created) {
        const index = live.lastIndexOf(now)
        if (index >= 0) live.splice(index, 1)
      }
    }
  }

  /** The organization's counted launches still inside the window (pruned in place). */
  private live(organizationId: string, now: number): number[] {
    let list = this.launches.get(organizationId)
    if (!list) {
      list = []
      this.launches.set(organizationId, list)
    }
    const horizon = now - this.config.windowMs
    while (list.length > 0 && (list[0] as number) <= horizon) list.shift()
    return list
  }

  /** One line for the banner. */
  describe(): string {
    return `${this.config.daily} executions per organization per rolling ${formatWindow(this.config.windowMs)} (scope ${this.config.scope})`
  }
}

function formatWindow(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${ms / 1000} s`
}
