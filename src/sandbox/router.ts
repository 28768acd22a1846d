/**
 * Routes: a table of `METHOD /path/{param}` entries, each with the scope it needs
 * (docs/api-contract.md part A, Endpoints) and its rate-limit bucket. The router runs before
 * auth so an unknown path is a 404 and a known path with the wrong method a 405
 * (with `Allow`), whoever asks. A route whose method is `*` takes any method.
 */
import { ApiError } from './errors.js'
import { ANY_METHOD } from './route-ids.js'
import type { MatchedRoute, RouteDefinition, SandboxLayer } from './types/http.js'

interface CompiledPattern {
  pattern: string
  segments: { literal?: string; param?: string }[]
  /** More literal segments win: `/flows/search` beats `/flows/{flowId}`. */
  specificity: number
}

function compile(pattern: string): CompiledPattern {
  const segments = pattern
    .split('/')
    .slice(1)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part)
      return param ? { param: param[1] } : { literal: part }
    })
  return { pattern, segments, specificity: segments.filter((s) => s.literal !== undefined).length }
}

function matchPattern(compiled: CompiledPattern, parts: string[]): Record<string, string> | null {
  if (compiled.segments.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (const [i, segment] of compiled.segments.entries()) {
    const part = parts[i] as string
    if (segment.literal !== undefined) {
      if (segment.literal !== part) return null
    } else {
      if (part === '') return null
      try {
        params[segment.param as string] = decodeURIComponent(part)
      } catch {
        return null
      }
    }
  }
  return params
}

export class Router {
  private readonly patterns: CompiledPattern[]

  constructor(private readonly routes: readonly RouteDefinition[]) {
    const unique = [...new Set(routes.map((r) => r.pattern))]
    this.patterns = unique.map(compile).sort((a, b) => b.specificity - a.specificity)
  }

  /** Every route, for introspection (the contract test checks coverage against it). */
  list(): readonly RouteDefinition[] {
    return this.routes
  }

  /** The route for a request; throws 404 for an unknown path, 405 for a wrong method. */
  match(method: string, path: string): MatchedRoute {
    const parts = path.split('/').slice(1)
    for (const compiled of this.patterns) {
      const params = matchPattern(compiled, parts)
      if (!params) continue
      // The most specific matching path decides; other methods on it mean 405.
      const candidates = this.routes.filter((r) => r.pattern === compiled.pattern)
      // An exact method first, then a route that takes any (the webhook ingest).
      const definition =
        candidates.find((r) => r.method === method) ??
        candidates.find((r) => r.method === ANY_METHOD)
      if (definition) return { definition, params }
      const allow = candidates.map((r) => r.method).join(', ')
      throw new ApiError(
        405,
        'METHOD_NOT_ALLOWED',
        `${method} is not allowed on ${compiled.pattern}; use ${allow}`,
        { headers: { allow } }
      )
    }
    throw new ApiError(404, 'NOT_FOUND', `No route for ${method} ${path}`)
  }

  /** The pipeline layer that resolves the route (before auth). */
  layer(): SandboxLayer {
    return {
      name: 'router',
      handle: (ctx, next) => {
        ctx.route = this.match(ctx.method, ctx.path)
        return next()
      }
    }
  }

  /** The last pipeline layer: calls the matched route's handler. */
  handlerLayer(): SandboxLayer {
    return {
      name: 'handler',
      handle: (ctx) => {
        if (!ctx.route) throw new Error('handler layer reached without a matched route')
        return ctx.route.definition.handler(ctx)
      }
    }
  }
}
