/**
 * The sandbox: a local server that speaks the Echopoint API (docs/api-contract.md parts A
 * and B) for tests, the demo and `echopoint-ci sandbox`.
 *
 * Layout: types/ (shared types only), route-ids.ts and header-styles.ts (closed
 * lists of names), settings/ (the fixtures schema, its rules, and the server
 * settings: one validator for files, options and CLI flags), fixture-file.ts
 * (loading fixtures), state.ts with cloud-runner.ts and ephemeral-runs.ts (the
 * store and how executions run), the pipeline (pipeline.ts, router.ts, auth.ts,
 * layers/) and the routes (routes/), put together by server.ts.
 */
export { startSandbox, MAX_BODY_BYTES, type Sandbox, type SandboxOptions } from './server.js'
export { loadFixtures, defaultFixtures, defaultFixturesPath } from './fixture-file.js'
export type {
  SandboxFixtures,
  FixtureApiKey,
  FixtureFlow,
  FixtureNode,
  FixtureSimulation,
  FixtureServer
} from './types/fixtures.js'
export { FixtureError, type SettingsIssue } from './settings/issues.js'
export { formatBanner } from './banner.js'
export { RequestLog } from './request-log.js'
export type {
  AuthHeaders,
  EventsOutcome,
  RequestLogEntry,
  LaunchLogEntry,
  EarlyRequest
} from './types/request-log.js'
export { RateLimiter, DEFAULT_LIMITS, DEFAULT_WINDOW_MS } from './layers/rate-limit.js'
export { HEADER_STYLES, type HeaderStyle } from './header-styles.js'
export { DailyQuota, DAY_MS } from './layers/quota.js'
export { FaultInjector, FAULT_KINDS, MAX_SLOW_MS, type FaultKind } from './layers/faults.js'
export type {
  BucketLimit,
  FaultOptions,
  QuotaOptions,
  RateLimitOptions,
  SandboxServerConfig,
  StormOptions
} from './types/options.js'
export { seededRandom } from './layers/seeded-random.js'
export {
  ROUTE_IDS,
  ROUTE_BUCKETS,
  ROUTE_METHODS,
  ANY_METHOD,
  JOB_ROUTE_IDS,
  knownRouteIds,
  type RouteId,
  type RouteBucket,
  type RouteMethod
} from './route-ids.js'
export {
  mergeServerConfig,
  mergeServerSections,
  serverConfigOf,
  serverSectionIssue
} from './settings/server-section.js'
export { SandboxState, type JobSnapshot } from './state.js'
export { EPHEMERAL_LEASE_MS } from './ephemeral-runs.js'
export type {
  ApiKeyRecord,
  CapturedRequestRecord,
  ExecutionRecord,
  FlowRecord,
  JobEventRecord
} from './types/records.js'
export type {
  JobPrincipal,
  Next,
  RequestContext,
  RouteDefinition,
  SandboxExtensions,
  SandboxLayer,
  SandboxResponse
} from './types/http.js'
export { jsonResponse, errorResponse } from './context.js'
export { ApiError } from './errors.js'
export {
  LAYER_SLOTS,
  Pipeline,
  passThrough,
  type LayerSlot,
  type PluggableSlot
} from './pipeline.js'
export { classifyLaunch } from './launch-request.js'
