/**
 * The names routes are known by, as constants: every route id, the HTTP methods
 * and the rate-limit buckets. Layers, the request log and the settings (fault
 * selectors) use these instead of the route table, so reading a fixtures file
 * does not load the routes. A test checks that ROUTE_IDS is exactly the ids of
 * the route table (routes/index.ts), and that the fixtures schema lists them.
 */

/** Every route id, whatever the extensions (contract.md parts A and B). */
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
  'runner.complete'
] as const

/** A stable route name, e.g. `flows.launch`; layers and the request log key on it. */
export type RouteId = (typeof ROUTE_IDS)[number]

export const ROUTE_METHODS = ['GET', 'POST'] as const
export type RouteMethod = (typeof ROUTE_METHODS)[number]

/** The bucket a request counts against (interface.md section 5: read, search, write). */
export const ROUTE_BUCKETS = ['read', 'search', 'write'] as const
export type RouteBucket = (typeof ROUTE_BUCKETS)[number]

/** Every route id, whatever the extensions (for fault selectors). */
export function knownRouteIds(): string[] {
  return [...ROUTE_IDS]
}
