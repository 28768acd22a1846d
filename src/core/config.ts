/**
 * Turns the raw text of the action's inputs or the CLI's flags into a validated
 * RunConfig. Both front doors call this one function, so the rules (and the
 * messages that name the bad input) are the same everywhere, and nothing is
 * sent to the API until the whole configuration is valid.
 */
import { validateApiUrl } from './api/url.js'
import type { RunnerType, TagMatchMode } from './api/types.js'
import { parseDuration } from './duration.js'
import { ConfigError } from './errors.js'
import { checkIdempotencyKey } from './idempotency-key.js'

export const DEFAULT_API_URL = 'https://api.echopoint.dev'
export const DEFAULT_TIMEOUT = '15m'
export const DEFAULT_MAX_PARALLEL = 4
/** Flow and version IDs are UUIDs in the published API (contract.md, "Shapes the published spec fixes"). */
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
  junitPath?: string
  jobSummary: boolean
  shard?: Shard
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
  junitPath: 'junit-path',
  jobSummary: 'job-summary',
  shard: 'shard'
}

const RUNNERS: readonly RunnerType[] = ['cloud', 'self_hosted', 'ephemeral']
const MATCH_MODES: readonly TagMatchMode[] = ['any', 'all']

/** Empty, or only whitespace, means "not set" (GitHub passes unset inputs as ""). */
export function present(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** Splits a comma- or newline-separated list; drops empty items and duplicates, keeps order. */
export function splitList(value: string | string[] | undefined): string[] {
  const parts = (Array.isArray(value) ? value : [value ?? ''])
    .flatMap((v) => v.split(/[,\r\n]+/))
    .map((v) => v.trim())
    .filter((v) => v !== '')
  return [...new Set(parts)]
}

// C0 controls and DEL: a key or header value with these would be rejected by the
// HTTP stack or, worse, split a header. Never echo the value back.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/

/** A user's value, safe to quote in an error: printable ASCII only, cut to `max`. */
function printable(value: string, max: number): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?')
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

/**
 * A JUnit report path as given, or undefined when empty or unusable (a line break
 * or control character). Also used to write the report when other inputs did not
 * validate, so the report still shows the error.
 */
export function usableJunitPath(raw: string | undefined): string | undefined {
  const path = present(raw)
  // eslint-disable-next-line no-control-regex
  return path === undefined || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path)
    ? undefined
    : path
}

/** Parses a boolean input (YAML 1.2 core schema spellings); empty means `fallback`. */
export function parseBoolean(
  name: string,
  value: string | boolean | undefined,
  fallback: boolean
): boolean {
  if (typeof value === 'boolean') return value
  const text = present(value)
  if (text === undefined) return fallback
  // The YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new ConfigError(name, `"${text}" is not a boolean`, 'Use true or false.')
}

function parsePositiveInt(name: string, text: string, what: string): number {
  if (!/^\d+$/.test(text)) {
    throw new ConfigError(name, `"${text}" is not a whole number`, `Use ${what}.`)
  }
  const value = Number(text)
  if (value < 1) throw new ConfigError(name, `must be at least 1 (got ${text})`, `Use ${what}.`)
  return value
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

/** The names under which the user gave the credentials (`api-key` or `--api-key`). */
export interface CredentialNames {
  apiKey: string
  organizationId: string
  apiUrl: string
}

export interface Credentials {
  apiKey: string
  organizationId: string
  /** Validated, without a trailing slash. */
  apiUrl: string
}

/**
 * Validates the API key, the organization ID and the API URL, the inputs every
 * front door (run, check-key, whoami) shares. Throws ConfigError naming the input;
 * never echoes the key.
 */
export function resolveCredentials(
  raw: { apiKey?: string; organizationId?: string; apiUrl?: string },
  names: CredentialNames,
  options: { organizationRequired?: boolean } = {}
): Credentials {
  const apiKeyRaw = raw.apiKey ?? ''
  if (present(apiKeyRaw) === undefined) {
    throw new ConfigError(
      names.apiKey,
      'it is missing or empty',
      'Pass the API key from a secret, for example api-key: ${{ secrets.ECHOPOINT_API_KEY }}.'
    )
  }
  const apiKey = apiKeyRaw.trim()
  if (CONTROL_CHARS.test(apiKey) || /\s/.test(apiKey)) {
    throw new ConfigError(
      names.apiKey,
      'it contains a line break, space or other control character',
      'Copy the key again without surrounding text or line breaks and update the secret.'
    )
  }
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new ConfigError(
      names.apiKey,
      'it contains characters outside printable ASCII (an HTTP header cannot carry them)',
      'API keys are plain ASCII (epk_live_…): copy the key again and update the secret.'
    )
  }

  const organizationId = present(raw.organizationId)
  if (organizationId === undefined && options.organizationRequired === false) {
    // Only GET /api-keys/self works without it (whoami); it answers with the key's organization.
    return { apiKey, organizationId: '', apiUrl: resolveApiUrl(raw.apiUrl, names.apiUrl) }
  }
  if (organizationId === undefined) {
    throw new ConfigError(
      names.organizationId,
      'it is missing or empty',
      'Pass your organization ID, for example organization-id: ${{ vars.ECHOPOINT_ORGANIZATION_ID }}.'
    )
  }
  if (CONTROL_CHARS.test(organizationId) || !/^[\x20-\x7e]+$/.test(organizationId)) {
    throw new ConfigError(
      names.organizationId,
      'it contains a control character or characters outside printable ASCII',
      'Use the plain organization ID, such as org_abc123.'
    )
  }

  return { apiKey, organizationId, apiUrl: resolveApiUrl(raw.apiUrl, names.apiUrl) }
}

function resolveApiUrl(raw: string | undefined, name: string): string {
  return validateApiUrl(present(raw) ?? DEFAULT_API_URL, name)
    .toString()
    .replace(/\/$/, '')
}

/**
 * Validates everything and returns the config. Throws ConfigError naming the
 * first bad input (by the name the user wrote) and what to do about it.
 */
export function resolveRunConfig(
  raw: RawRunInputs,
  names: InputNames = ACTION_INPUT_NAMES
): RunConfig {
  const { apiKey, organizationId, apiUrl } = resolveCredentials(raw, names)

  const flowIds = splitList(raw.flowIds)
  const tags = splitList(raw.tags)
  if (flowIds.length > 0 && tags.length > 0) {
    throw new ConfigError(
      `${names.flowIds}/${names.tags}`,
      'both are set',
      `Select flows either by ${names.flowIds} or by ${names.tags}, not both.`
    )
  }
  if (flowIds.length === 0 && tags.length === 0) {
    throw new ConfigError(
      `${names.flowIds}/${names.tags}`,
      'neither is set',
      `Set ${names.flowIds} to flow IDs, or ${names.tags} to tags, comma- or newline-separated.`
    )
  }
  for (const id of flowIds) {
    if (!UUID_PATTERN.test(id)) {
      throw new ConfigError(
        names.flowIds,
        `"${printable(id, 80)}" is not a flow ID (flow IDs are UUIDs, like 12274271-06b2-43b7-b64a-de134439c37f)`,
        'Copy the ID from the flow page in Echopoint, or select flows by tags instead.'
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
      `"${runnerText}" is not one of cloud, self_hosted`,
      'Use cloud (Echopoint runs the flows) or self_hosted.'
    )
  }
  if (runnerText === 'ephemeral') {
    throw new ConfigError(
      names.runner,
      'ephemeral is not supported by this version of echopoint-ci (the in-job runner does not exist yet)',
      'Use cloud or self_hosted.'
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
      'Use for example 15m; a job that needs longer should run fewer flows per step (see shard).'
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
      'Copy the ID of the published version from Echopoint, or leave it empty to run the latest.'
    )
  }

  const junitPath = present(raw.junitPath)
  if (
    junitPath !== undefined &&
    (CONTROL_CHARS.test(junitPath) || /[\u0080-\u009f\u2028\u2029]/.test(junitPath))
  ) {
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
    junitPath,
    jobSummary: parseBoolean(names.jobSummary, raw.jobSummary, true),
    shard: shardText === undefined ? undefined : parseShard(names.shard, shardText)
  }
}
