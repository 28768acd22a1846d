/**
 * How hard the sandbox is to talk to: rate limits, the daily quota, faults, clock
 * skew, time scale and the ephemeral runner's lease. The same settings come from the `server:` section of a
 * fixtures file (snake_case), from `startSandbox` options (camelCase) and from
 * `echopoint-ci sandbox` flags (which build a section). Whatever the source, they
 * are merged as sections (options over file, field by field) and checked by the
 * one validator (schema.ts, then rules.ts), so the layers get valid settings.
 *
 * ```yaml
 * server:
 *   time_scale: 0.1
 *   ephemeral_lease_ms: 60000          # an ephemeral job's lease (claim, each heartbeat)
 *   rate_limits:
 *     read: 100                       # or { limit: 100, window_ms: 60000 }
 *     search: 30
 *     write: 60
 *     style: ietf                     # retry-after | retry-after-only | x-ratelimit-iso | x-ratelimit-epoch | ietf | body-only
 *     storm: { count: 3, fraction: 0.1, retry_after_ms: 2000, seed: 7 }
 *   quota: { daily: 50, scope: cloud_fleet }
 *   faults:
 *     seed: 42
 *     rate_5xx: 0.05
 *     rate_503: 0.02
 *     rate_reset: 0.01
 *     rate_slow: 0.05
 *     slow_ms: 300
 *     rate_malformed: 0.01
 *     rate_html: 0.01
 *     clock_skew_ms: 30000
 *     routes: [flows.launch, GET]    # route ids, methods or buckets
 *     exclude: [keys.self]
 *     after_commit: 0.5
 * ```
 */
import type { FixtureServer } from '../types/fixtures.js'
import type { SandboxServerConfig } from '../types/options.js'
import { type SettingsIssue } from './issues.js'
import { serverRulesIssue } from './rules.js'
import { schemaIssue } from './schema.js'

/** A file key and its option name, where they differ (every other key is the same in both). */
const OPTION_NAMES: Readonly<Record<string, string>> = {
  time_scale: 'timeScale',
  ephemeral_lease_ms: 'ephemeralLeaseMs',
  rate_limits: 'rateLimits',
  window_ms: 'windowMs',
  retry_after_ms: 'retryAfterMs',
  rate_5xx: 'rate5xx',
  rate_503: 'rate503',
  rate_reset: 'rateReset',
  rate_slow: 'rateSlow',
  slow_ms: 'slowMs',
  rate_malformed: 'rateMalformed',
  rate_html: 'rateHtml',
  retry_after_seconds: 'retryAfterSeconds',
  clock_skew_ms: 'clockSkewMs',
  after_commit: 'afterCommit'
}
const SECTION_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(OPTION_NAMES).map(([file, option]) => [option, file])
)

/** The option name of a file key (`rate_html` → `rateHtml`). */
export function optionName(key: string): string {
  return OPTION_NAMES[key] ?? key
}

/** A deep copy with keys renamed and undefined fields left out (so they hide nothing in a merge). */
function renameKeys(value: unknown, names: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, names))
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [names[k] ?? k, renameKeys(v, names)])
  )
}

/** A `server:` section (validated) in the shape of `startSandbox` options. */
export function serverConfigOf(server: FixtureServer | undefined): SandboxServerConfig {
  return server ? (renameKeys(server, OPTION_NAMES) as SandboxServerConfig) : {}
}

/** `startSandbox` options as a `server:` section (not validated). */
export function serverSectionOf(config: SandboxServerConfig): FixtureServer {
  return renameKeys(config, SECTION_NAMES) as FixtureServer
}

type Group = Record<string, unknown> | undefined

/** A copy without the keys whose value is undefined (so they do not hide the file's). */
function defined(value: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined)
  )
}

/**
 * The settings in effect: `override` over `file`, field by field within each group
 * (a flag for the read limit keeps the file's header style; an undefined field
 * keeps the file's value). `rate_limits: false` turns rate limits off, `override`
 * winning.
 */
export function mergeServerSections(
  file: FixtureServer | undefined,
  override: FixtureServer
): FixtureServer {
  const merged: Record<string, unknown> = {}
  const timeScale = override.time_scale ?? file?.time_scale
  if (timeScale !== undefined) merged.time_scale = timeScale
  const leaseMs = override.ephemeral_lease_ms ?? file?.ephemeral_lease_ms
  if (leaseMs !== undefined) merged.ephemeral_lease_ms = leaseMs
  const fileLimits = file?.rate_limits
  if (
    override.rate_limits === false ||
    (override.rate_limits === undefined && fileLimits === false)
  ) {
    merged.rate_limits = false
  } else if (override.rate_limits !== undefined || fileLimits !== undefined) {
    merged.rate_limits = { ...defined(fileLimits || undefined), ...defined(override.rate_limits) }
  }
  for (const group of ['quota', 'faults'] as const) {
    if (override[group] !== undefined || file?.[group] !== undefined) {
      merged[group] = { ...defined(file?.[group] as Group), ...defined(override[group] as Group) }
    }
  }
  return merged as FixtureServer
}

/** The same merge for `startSandbox` options: `options` over `file`. */
export function mergeServerConfig(
  file: SandboxServerConfig | undefined,
  options: SandboxServerConfig
): SandboxServerConfig {
  return serverConfigOf(mergeServerSections(serverSectionOf(file ?? {}), serverSectionOf(options)))
}

/**
 * The first problem of a `server:` section, or undefined: the schema, then the
 * rules it cannot state. `options` names the fields as `startSandbox` options do
 * (`faults.rateHtml`); by default they read as in a fixtures file (`server.faults.rate_html`).
 */
export function serverSectionIssue(
  section: unknown,
  naming: 'file' | 'options' = 'file'
): SettingsIssue | undefined {
  const at = naming === 'file' ? ['server'] : []
  const name = naming === 'file' ? undefined : optionName
  return (
    schemaIssue('server', section, { at, name }) ??
    serverRulesIssue(section as FixtureServer, at, name)
  )
}

/**
 * The settings `startSandbox` runs with: the file's `server:` section (already
 * validated with the file) overlaid by the options, checked as a whole. Throws a
 * RangeError naming the option, e.g. `faults.rateHtml must be a probability …`.
 */
export function resolveServerConfig(
  file: FixtureServer | undefined,
  options: SandboxServerConfig
): SandboxServerConfig {
  const merged = mergeServerSections(file, serverSectionOf(options))
  const issue = serverSectionIssue(merged, 'options')
  if (issue) {
    const separator = issue.message.startsWith('must') ? ' ' : ': '
    throw new RangeError(`${issue.path}${separator}${issue.message}`)
  }
  return serverConfigOf(merged)
}
