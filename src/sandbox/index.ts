/**
 * The sandbox: a local server that speaks the Echopoint API (contract.md parts A
 * and B) for tests, the demo and `echopoint-ci sandbox`.
 */
export { startSandbox, MAX_BODY_BYTES, type Sandbox, type SandboxOptions } from './server.js'
export {
  loadFixtures,
  defaultFixtures,
  defaultFixturesPath,
  FixtureError,
  type SandboxFixtures,
  type FixtureApiKey,
  type FixtureFlow,
  type FixtureNode,
  type FixtureSimulation
} from './fixtures.js'
export { formatBanner } from './banner.js'
export {
  RequestLog,
  type RequestLogEntry,
  type LaunchLogEntry,
  type EarlyRequest
} from './request-log.js'
export {
  RateLimiter,
  HEADER_STYLES,
  DEFAULT_LIMITS,
  DEFAULT_WINDOW_MS,
  type HeaderStyle,
  type BucketLimit,
  type RateLimitOptions,
  type StormOptions
} from './layers/rate-limit.js'
export { DailyQuota, DAY_MS, type QuotaOptions } from './layers/quota.js'
export {
  FaultInjector,
  FAULT_KINDS,
  MAX_SLOW_MS,
  type FaultKind,
  type FaultOptions
} from './layers/faults.js'
export { seededRandom } from './layers/seeded-random.js'
export {
  knownRouteIds,
  mergeServerConfig,
  serverConfigOf,
  type FixtureServer,
  type SandboxServerConfig
} from './server-config.js'
export { SandboxState, type ApiKeyRecord, type ExecutionRecord, type FlowRecord } from './state.js'
export type { SandboxExtensions, RequestContext, SandboxResponse } from './context.js'
export { jsonResponse, errorResponse } from './context.js'
export { ApiError } from './errors.js'
export {
  LAYER_SLOTS,
  Pipeline,
  passThrough,
  type LayerSlot,
  type PluggableSlot,
  type SandboxLayer,
  type Next
} from './pipeline.js'
export type { RouteBucket, RouteDefinition } from './router.js'
export { classifyLaunch } from './routes/executions.js'
