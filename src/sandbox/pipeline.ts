/**
 * The request pipeline: every request passes through the same ordered slots,
 *
 *   requestLog → faults → router → auth → rateLimit → quota → handler
 *
 * Each slot holds one layer. A layer gets the request context and `next` (the
 * rest of the pipeline) and returns a response, so it can answer early (auth's
 * 401), wait (a slow-response fault), or alter what the inner layers answered
 * (auth adds `X-Api-Key-Expires-At`, a rate limiter adds its headers).
 *
 * `faults`, `rateLimit` and `quota` are pluggable: `startSandbox` fills them from its
 * `faults`, `rateLimits` and `quota` options (layers/faults.ts, layers/rate-limit.ts,
 * layers/quota.ts) and leaves pass-through layers otherwise; `pipeline.use(slot, layer)`
 * (or `startSandbox({ layers })`) swaps any of them. Their position is
 * deliberate: faults sit outside everything (a reset can hit any request, even
 * an unauthenticated one); rate limits count authenticated requests per key and
 * know the route's bucket (read, search, write); the quota sees the launch after
 * the key and the route are known, and `classifyLaunch(ctx)` (launch-request.ts)
 * tells it whether the launch would create an execution or replay one, which must
 * not count (docs/api-contract.md, launch semantics).
 */
import { errorResponse } from './context.js'
import type { RequestContext, SandboxLayer, SandboxResponse } from './types/http.js'

/** The slots, in the order a request passes them. */
export const LAYER_SLOTS = [
  'requestLog',
  'faults',
  'router',
  'auth',
  'rateLimit',
  'quota',
  'handler'
] as const

export type LayerSlot = (typeof LAYER_SLOTS)[number]

/** The slots meant to be filled by plug-ins (faults, rate limits, quotas). */
export type PluggableSlot = 'faults' | 'rateLimit' | 'quota'

/** A layer that does nothing but call the next one: the placeholder of an empty slot. */
export function passThrough(name: string): SandboxLayer {
  return { name, handle: (_ctx, next) => next() }
}

export class Pipeline {
  private readonly layers = new Map<LayerSlot, SandboxLayer>()

  constructor(layers: Partial<Record<LayerSlot, SandboxLayer>> = {}) {
    for (const slot of LAYER_SLOTS) this.layers.set(slot, layers[slot] ?? passThrough(slot))
  }

  /** Puts `layer` in `slot`, replacing what was there (the pass-through by default). */
  use(slot: LayerSlot, layer: SandboxLayer): this {
    this.layers.set(slot, layer)
    return this
  }

  /** The layer currently in `slot`. */
  get(slot: LayerSlot): SandboxLayer {
    return this.layers.get(slot) as SandboxLayer
  }

  /** Runs a request through every slot. Never rejects. */
  run(ctx: RequestContext): Promise<SandboxResponse> {
    const ordered = LAYER_SLOTS.map((slot) => this.get(slot))
    const dispatch = async (index: number): Promise<SandboxResponse> => {
      const layer = ordered[index]
      // The handler slot answers; running past it means nothing answered.
      if (!layer) return errorResponse(new Error('no layer answered the request'))
      try {
        return await layer.handle(ctx, () => dispatch(index + 1))
      } catch (err) {
        // Converting here (not only at the top) lets an outer layer see and
        // decorate the error response of an inner one.
        return errorResponse(err)
      }
    }
    return dispatch(0)
  }
}
