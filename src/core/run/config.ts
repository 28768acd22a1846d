/**
 * Turns the raw text of the action's inputs or the CLI's flags into a validated
 * RunConfig. Both front doors call this one function, so the rules (and the
 * messages that name the bad input) are the same everywhere, and nothing is
 * sent to the API until the whole configuration is valid.
 *
 * About 300 lines: every run input's rule, in the order of docs/interface.md.
 */
import type { RunnerType, TagMatchMode } from '../api/types.js'
import { parseDuration } from '../duration.js'
import { ConfigError } from '../errors.js'
import { resolveCredentials } from '../credentials.js'
import {
  CONTROL_CHARS,
  parseBoolean,
  parsePositiveInt,
  present,
  printable,
  splitList,
  usablePath
} from '../input-values.js'
import { checkIdempotencyKey } from './idempotency-key.js'
import type { Surface } from '../surface.js'

export const DEFAULT_TIMEOUT = '15m'
export const DEFAULT_MAX_PARALLEL = 4
/** Flow and version IDs are UUIDs in the published API (docs/api-contract.md, "Shapes the published spec fixes"). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/**
 * The longest `timeout` accepted: a GitHub-hosted job ends after 6 h and a
 * self-hosted one after 5 days, so a run that waits longer than a day is a
 * mistake; the bound also keeps every wait far inside what a timer can hold.
 */
export const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000

export type Selection =
  { kind: 'ids'; flowIds: string[] } | { kind: 'tags'; tags: string[]; matchMode: TagMatchMode }

export interface Shard {
  /** 1-based. */
  index: number
  total: number
}

export interface RunConfig {
  apiKey: string
  organizationId: string
  apiUrl: string
  selection: Selection
  environment?: string
  versionId?: string
  runner: RunnerType
  timeoutMs: number
  /** Fixed milliseconds between polls, or 'auto'. */
  pollInterval: number | 'auto'
  maxParallel: number
  /** An explicit idempotency key; when absent it is derived per flow from the CI run. */
  idempotencyKey?: string
  failOnEmpty: boolean
  cancelOnAbort: boolean
  /** Stop at the first flow that does not pass: cancel the executions still running and launch no more. */
  failFast: boolean
  junitPath?: string
  jobSummary: boolean
  shard?: Shard
  /** How the user called each setting, for messages (`max-parallel` vs `--max-parallel`). */
  names: InputNames
  /** The front door in use, for hints that say how to change a setting. */
  surface: Surface
}

/** Raw values as the user wrote them; undefined or empty means "not set". */
export interface RawRunInputs {
  apiKey?: string
  organizationId?: string
  apiUrl?: string
  flowIds?: string | string[]
  tags?: string | string[]
  matchMode?: string
  environment?: string
  versionId?: string
  runner?: string
  timeout?: string
  pollInterval?: string
  maxParallel?: string
  idempotencyKey?: string
  failOnEmpty?: string | boolean
  cancelOnAbort?: string | boolean
  failFast?: string | boolean
  junitPath?: string
  jobSummary?: string | boolean
  shard?: string
}

/** How each setting is called where the user wrote it (`max-parallel` vs `--max-parallel`). */
export type InputNames = Record<keyof RawRunInputs, string>

export const ACTION_INPUT_NAMES: InputNames = {
  apiKey: 'api-key',
  organizationId: 'organization-id',
  apiUrl: 'api-url',
  flowIds: 'flow-ids',
  tags: 'tags',
  matchMode: 'match-mode',
  environment: 'environment',
  versionId: 'version-id',
  runner: 'runner',
  timeout: 'timeout',
  pollInterval: 'poll-interval',
  maxParallel: 'max-parallel',
  idempotencyKey: 'idempotency-key',
  failOnEmpty: 'fail-on-empty',
  cancelOnAbort: 'cancel-on-abort',
  failFast: 'fail-fast',
  junitPath: 'junit-path',
  jobSummary: 'job-summary',
  shard: 'shard'
}

const RUNNERS: readonly RunnerType[] = ['cloud', 'self_hosted', 'ephemeral']
const MATCH_MODES: readonly TagMatchMode[] = ['any', 'all']

/** How to select flows, in the words of the front door in use. */
function selectionHint(names: InputNames, surface: Surface): string {
  return surface === 'cli'
    ? `Give flow IDs as arguments (echopoint-ci run FLOW_ID...), or select flows with ${names.tags} TAG (repeatable).`
    : `Set ${names.flowIds} to flow IDs, or ${names.tags} to tags, comma- or newline-separated.`
}

/** Parses `i/n` (1-based). */
export function parseShard(name: string, text: string): Shard {
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text)
  if (!match) {
    throw new ConfigError(
      name,
      `"${text}" is not of the form i/n`,
      'Use for example 1/3 for the first of three shards.'
    )
  }
  const index = Number(match[1])
  const total = Number(match[2])
  if (total < 1 || index < 1 || index > total) {
    throw new ConfigError(
      name,
      `"${text}" is out of range`,
      'The shard number must be between 1 and the shard count, for example 2/3.'
    )
  }
  return { index, total }
}

/**
 * Validates everything and returns the config. Throws ConfigError naming the
 * first bad input (by the name the user wrote) and what to do about it.
 */
export function resolveRunConfig(
  raw: RawRunInputs,
  names: InputNames = ACTION_INPUT_NAMES,
  surface: Surface = 'action'
): RunConfig {
  const { apiKey, organizationId, apiUrl } = resolveCredentials(raw, names, { surface })

  const flowIds = splitList(raw.flowIds)
  const tags = splitList(raw.tags)
  if (flowIds.length > 0 && tags.length > 0) {
    throw new ConfigError(
      `${names.flowIds}/${names.tags}`,
      'both are set',
      surface === 'cli'
        ? `Select flows either by flow IDs (arguments) or by ${names.tags}, not both.`
        : `Select flows either by ${names.flowIds} or by ${names.tags}, not both.`
    )
  }
  if (flowIds.length === 0 && tags.length === 0) {
    throw new ConfigError(
      `${names.flowIds}/${names.tags}`,
      'neither is set',
      selectionHint(names, surface)
    )
  }
  for (const id of flowIds) {
    if (!UUID_PATTERN.test(id)) {
      throw new ConfigError(
        names.flowIds,
        `"${printable(id, 80)}" is not a flow ID (flow IDs are UUIDs, like 12274271-06b2-43b7-b64a-de134439c37f)`,
        `Copy the ID from the flow page in Echopoint, or select flows by ${names.tags} instead.`
      )
    }
  }
  for (const tag of tags) {
    if (CONTROL_CHARS.test(tag) || tag.length > 100) {
      throw new ConfigError(
        names.tags,
        `"${tag.slice(0, 40)}" is not a valid tag`,
        'Tags are short names without control characters.'
      )
    }
  }

  const matchModeText = present(raw.matchMode) ?? 'any'
  if (!MATCH_MODES.includes(matchModeText as TagMatchMode)) {
    throw new ConfigError(
      names.matchMode,
      `"${matchModeText}" is not one of any, all`,
      'Use any (a flow with at least one of the tags) or all (every tag).'
    )
  }
  const matchMode = matchModeText as TagMatchMode

  const runnerText = present(raw.runner) ?? 'cloud'
  if (!RUNNERS.includes(runnerText as RunnerType)) {
    throw new ConfigError(
      names.runner,
      `"${runnerText}" is not one of cloud, self_hosted, ephemeral`,
      'Use cloud (Echopoint runs the flows), ephemeral (this job runs them, so they can reach services it started) or self_hosted.'
    )
  }
  const runner = runnerText as RunnerType

  const timeoutText = present(raw.timeout) ?? DEFAULT_TIMEOUT
  const timeoutMs = parseDuration(timeoutText)
  if (timeoutMs === undefined) {
    throw new ConfigError(
      names.timeout,
      `"${timeoutText}" is not a duration`,
      'Use seconds (900) or a number with a unit: 90s, 15m, 1h.'
    )
  }
  if (timeoutMs <= 0) {
    throw new ConfigError(
      names.timeout,
      `must be greater than zero (got ${timeoutText})`,
      'Use for example 15m.'
    )
  }
  if (timeoutMs > MAX_TIMEOUT_MS) {
    throw new ConfigError(
      names.timeout,
      `must be at most 24h (got ${timeoutText})`,
      `Use for example 15m; a job that needs longer should run fewer flows per step (see ${names.shard}).`
    )
  }

  const pollText = present(raw.pollInterval) ?? 'auto'
  let pollInterval: number | 'auto' = 'auto'
  if (pollText !== 'auto') {
    const ms = /^\d+(\.\d+)?$/.test(pollText) ? Number(pollText) * 1000 : parseDuration(pollText)
    if (ms === undefined || ms < 1000 || ms > 300_000) {
      throw new ConfigError(
        names.pollInterval,
        `"${pollText}" is not auto or a number of seconds between 1 and 300`,
        'Use auto (recommended) or for example 10.'
      )
    }
    pollInterval = Math.round(ms)
  }

  const maxParallelText = present(raw.maxParallel) ?? String(DEFAULT_MAX_PARALLEL)
  const maxParallel = parsePositiveInt(
    names.maxParallel,
    maxParallelText,
    'a whole number of at least 1, for example 4'
  )
  if (maxParallel > 100) {
    throw new ConfigError(
      names.maxParallel,
      `must be at most 100 (got ${maxParallelText})`,
      'Use for example 4.'
    )
  }

  const idempotencyKeyText = present(raw.idempotencyKey)
  const idempotencyKey =
    idempotencyKeyText === undefined
      ? undefined
      : checkIdempotencyKey(idempotencyKeyText, names.idempotencyKey)

  const environment = present(raw.environment)
  const versionId = present(raw.versionId)
  if (environment !== undefined && (CONTROL_CHARS.test(environment) || environment.length > 255)) {
    throw new ConfigError(
      names.environment,
      'it contains a control character or is longer than 255 characters',
      'Use the plain environment key shown in Echopoint.'
    )
  }
  if (versionId !== undefined && !UUID_PATTERN.test(versionId)) {
    throw new ConfigError(
      names.versionId,
      `"${printable(versionId, 80)}" is not a version ID (version IDs are UUIDs)`,
      `Copy the ID of the published version from Echopoint, or leave it ${surface === 'cli' ? 'out' : 'empty'} to run the latest.`
    )
  }

  const junitPath = present(raw.junitPath)
  if (junitPath !== undefined && usablePath(junitPath) === undefined) {
    throw new ConfigError(
      names.junitPath,
      'it contains a line break or control character',
      'Use a plain file path, for example reports/echopoint.xml.'
    )
  }
  const shardText = present(raw.shard)

  return {
    apiKey,
    organizationId,
    apiUrl,
    selection: flowIds.length > 0 ? { kind: 'ids', flowIds } : { kind: 'tags', tags, matchMode },
    environment,
    versionId,
    runner,
    timeoutMs,
    pollInterval,
    maxParallel,
    idempotencyKey,
    failOnEmpty: parseBoolean(names.failOnEmpty, raw.failOnEmpty, true),
    cancelOnAbort: parseBoolean(names.cancelOnAbort, raw.cancelOnAbort, true),
    failFast: parseBoolean(names.failFast, raw.failFast, false),
    junitPath,
    jobSummary: parseBoolean(names.jobSummary, raw.jobSummary, true),
    shard: shardText === undefined ? undefined : parseShard(names.shard, shardText),
    names,
    surface
  }
}
