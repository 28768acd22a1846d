/**
 * The names routes are known by, as constants: every route id, the HTTP methods
 * and the rate-limit buckets. Layers, the request log and the settings (fault
 * selectors) use these instead of the route table, so reading a fixtures file
 * does not load the routes. A test checks that ROUTE_IDS is exactly the ids of
 * the route table (routes/index.ts), and that the fixtures schema lists them.
 */

/** Every route id, whatever the extensions (docs/api-contract.md parts A and B). */
export const ROUTE_IDS = [
  'keys.self',
  'permissions.list',
  'flows.list',
  'flows.search',
  'flows.tags',
  'flows.get',
  'flows.launch',
  'executions.get',
  'executions.nodes',
  'executions.listForFlow',
  'executions.list',
  'executions.cancel',
  'runner.claim',
  'runner.complete',
  'jobs.heartbeat',
  'jobs.events',
  'jobs.complete',
  'jobs.webhookRequests',
  'webhooks.ingest'
] as const

/** A stable route name, e.g. `flows.launch`; layers and the request log key on it. */
export type RouteId = (typeof ROUTE_IDS)[number]

export const ROUTE_METHODS = ['GET', 'POST'] as const
export type RouteMethod = (typeof ROUTE_METHODS)[number]

/**
 * The method of a route that takes any method (the webhook ingest: whatever the
 * service under test sends is captured). Not a fault selector: select such a route
 * by its id, or by the request's method.
 */
export const ANY_METHOD = '*'
export type AnyMethod = typeof ANY_METHOD

/**
 * How a route authenticates (types/http.ts, RouteDefinition.auth):
 * `key` = `X-Api-Key` (+ `X-Organization-ID` where the route says so), `job` =
 * `X-Job-Token` only (the job routes of the ephemeral runner), `none` = nobody (the
 * webhook ingest, called by the service under test).
 */
export const ROUTE_AUTH_MODES = ['key', 'job', 'none'] as const
export type RouteAuthMode = (typeof ROUTE_AUTH_MODES)[number]

/** The routes a job token calls (docs/runner.md §1.4–§1.7). */
export const JOB_ROUTE_IDS = [
  'jobs.heartbeat',
  'jobs.events',
  'jobs.complete',
  'jobs.webhookRequests'
] as const satisfies readonly RouteId[]

/** The bucket a request counts against (docs/interface.md section 5: read, search, write). */
export const ROUTE_BUCKETS = ['read', 'search', 'write'] as const
export type RouteBucket = (typeof ROUTE_BUCKETS)[number]

/** Every route id, whatever the extensions (for fault selectors). */
export function knownRouteIds(): string[] {
  return [...ROUTE_IDS]
}
