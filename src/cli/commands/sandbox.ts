/**
 * `echopoint-ci sandbox`: the local Echopoint API, for trying workflows without an
 * account, and the hard API for testing a client: rate limits (on by default, as
 * on the real API), a daily quota, seeded faults, clock skew and time scale. Flags
 * override the fixtures file's `server:` section field by field.
 */
import { Command } from 'commander'
import { ConfigError } from '../../core/errors.js'
import {
  formatBanner,
  HEADER_STYLES,
  knownRouteIds,
  loadFixtures,
  defaultFixtures,
  MAX_SLOW_MS,
  startSandbox,
  type FaultOptions,
  type HeaderStyle,
  type QuotaOptions,
  type RateLimitOptions,
  type SandboxFixtures,
  type SandboxOptions
} from '../../sandbox/index.js'
import type { CliIo } from '../io.js'

export interface SandboxFlags {
  port?: string
  host?: string
  fixtures?: string
  /** false with --no-rate-limit. */
  rateLimit?: boolean
  rateLimitRead?: string
  rateLimitSearch?: string
  rateLimitWrite?: string
  rateLimitWindow?: string
  rateLimitStyle?: string
  rateLimitStorm?: string
  dailyQuota?: string
  quotaScope?: string
  faultSeed?: string
  fault5xx?: string
  fault503?: string
  faultReset?: string
  faultSlow?: string
  faultSlowMs?: string
  faultMalformed?: string
  faultHtml?: string
  faultAfterCommit?: string
  faultRetryAfter?: string
  faultRoutes?: string
  faultExclude?: string
  clockSkew?: string
  timeScale?: string
}

/** Parses --port: 0 (any free port) to 65535. */
export function parsePort(text: string | undefined): number {
  if (text === undefined) return 4010
  if (!/^\d+$/.test(text) || Number(text) > 65535) {
    throw new ConfigError(
      '--port',
      `"${text}" is not a port number`,
      'Use 0 to 65535 (0 picks a free port).'
    )
  }
  return Number(text)
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

function wholeNumber(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) {
    throw new ConfigError(
      flag,
      `"${text}" is not a whole number >= ${min}`,
      `For example ${flag} 10.`
    )
  }
  return Number(text)
}

function probability(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!NUMBER.test(text.trim()) || value < 0 || value > 1) {
    throw new ConfigError(
      flag,
      `"${text}" is not a probability`,
      `Use a number from 0 to 1, e.g. ${flag} 0.05 for 5% of requests.`
    )
  }
  return value
}

function decimal(
  flag: string,
  text: string | undefined,
  check: (n: number) => boolean,
  rule: string
): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!NUMBER.test(text.trim()) || !check(value)) {
    throw new ConfigError(flag, `"${text}" is not ${rule}`)
  }
  return value
}

function selectors(flag: string, text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const routeIds = knownRouteIds()
  for (const selector of list) {
    if (
      !routeIds.includes(selector) &&
      !['GET', 'POST', 'read', 'search', 'write'].includes(selector)
    ) {
      throw new ConfigError(
        flag,
        `unknown selector "${selector}"`,
        `Use route ids (${routeIds.join(', ')}), GET or POST, or read, search or write, comma-separated.`
      )
    }
  }
  return list
}

function rateLimitOptions(flags: SandboxFlags): RateLimitOptions {
  const style = flags.rateLimitStyle
  if (style !== undefined && !HEADER_STYLES.includes(style as HeaderStyle)) {
    throw new ConfigError(
      '--rate-limit-style',
      `"${style}" is not a header style`,
      `Use one of ${HEADER_STYLES.join(', ')}.`
    )
  }
  const window = decimal(
    '--rate-limit-window',
    flags.rateLimitWindow,
    (n) => n > 0,
    'a positive number of seconds'
  )
  const storm = wholeNumber('--rate-limit-storm', flags.rateLimitStorm, 0)
  return {
    read: wholeNumber('--rate-limit-read', flags.rateLimitRead, 1),
    search: wholeNumber('--rate-limit-search', flags.rateLimitSearch, 1),
    write: wholeNumber('--rate-limit-write', flags.rateLimitWrite, 1),
    windowMs: window === undefined ? undefined : window * 1000,
    style: style as HeaderStyle | undefined,
    storm: storm === undefined ? undefined : { count: storm }
  }
}

function faultOptions(flags: SandboxFlags): FaultOptions {
  const rates = {
    rate5xx: probability('--fault-5xx', flags.fault5xx),
    rate503: probability('--fault-503', flags.fault503),
    rateReset: probability('--fault-reset', flags.faultReset),
    rateSlow: probability('--fault-slow', flags.faultSlow),
    rateMalformed: probability('--fault-malformed', flags.faultMalformed),
    rateHtml: probability('--fault-html', flags.faultHtml)
  }
  const total = Object.values(rates).reduce<number>((a, b) => a + (b ?? 0), 0)
  if (total > 1 + 1e-9) {
    throw new ConfigError(
      '--fault-*',
      `the fault probabilities add up to ${total}`,
      'Their sum must be at most 1 (each request gets at most one fault).'
    )
  }
  const seed = decimal('--fault-seed', flags.faultSeed, Number.isInteger, 'a whole number')
  const skew = decimal(
    '--clock-skew',
    flags.clockSkew,
    (n) => Math.abs(n) <= 86_400,
    'a number of seconds within ±86400 (e.g. 30 or -30)'
  )
  return {
    seed,
    ...rates,
    slowMs: decimal(
      '--fault-slow-ms',
      flags.faultSlowMs,
      (n) => n >= 0 && n <= MAX_SLOW_MS,
      `a number of ms from 0 to ${MAX_SLOW_MS}`
    ),
    retryAfterSeconds: wholeNumber('--fault-retry-after', flags.faultRetryAfter, 0),
    clockSkewMs: skew === undefined ? undefined : skew * 1000,
    routes: selectors('--fault-routes', flags.faultRoutes),
    exclude: selectors('--fault-exclude', flags.faultExclude),
    afterCommit: probability('--fault-after-commit', flags.faultAfterCommit)
  }
}

const anyDefined = (o: object): boolean => Object.values(o).some((v) => v !== undefined)

/**
 * The `startSandbox` options the flags ask for. Rate limits are on with the
 * defaults unless `--no-rate-limit` or the fixtures file's `rate_limits: false`
 * turns them off. Throws a ConfigError naming the first bad flag.
 */
export function sandboxOptionsFromFlags(
  flags: SandboxFlags,
  fixtures: SandboxFixtures
): SandboxOptions {
  const options: SandboxOptions = {
    port: parsePort(flags.port),
    host: flags.host ?? '127.0.0.1',
    fixtures
  }
  const timeScale = decimal('--time-scale', flags.timeScale, (n) => n > 0, 'a positive number')
  if (timeScale !== undefined) options.timeScale = timeScale

  const limits = rateLimitOptions(flags)
  if (flags.rateLimit === false) options.rateLimits = false
  else if (anyDefined(limits)) options.rateLimits = limits
  else if (fixtures.server?.rate_limits === undefined) options.rateLimits = {}

  const daily = wholeNumber('--daily-quota', flags.dailyQuota, 0)
  if (daily !== undefined) options.quota = { daily, scope: flags.quotaScope } as QuotaOptions
  else if (flags.quotaScope !== undefined) {
    if (!fixtures.server?.quota) {
      throw new ConfigError('--quota-scope', 'needs a quota', 'Add --daily-quota N.')
    }
    options.quota = { scope: flags.quotaScope } as QuotaOptions
  }

  const faults = faultOptions(flags)
  if (anyDefined(faults)) options.faults = faults
  return options
}

export async function sandboxCommand(flags: SandboxFlags, io: CliIo): Promise<number> {
  const fixtures = flags.fixtures === undefined ? defaultFixtures() : loadFixtures(flags.fixtures)
  const options = sandboxOptionsFromFlags(flags, fixtures)
  let sandbox
  try {
    sandbox = await startSandbox(options)
  } catch (err) {
    // A flag combined with the fixtures file can still be out of range (e.g. fault
    // probabilities adding up to more than 1): name the settings, exit 3.
    if (err instanceof RangeError) {
      throw new ConfigError('sandbox settings', err.message)
    }
    throw err
  }
  io.stdout(formatBanner(sandbox))
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve()
    io.signal?.addEventListener('abort', () => resolve(), { once: true })
  })
  await sandbox.close()
  io.stderr('Sandbox stopped.')
  return 0
}

export function sandboxCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  const styles = HEADER_STYLES.join(', ')
  return new Command('sandbox')
    .description(
      'Start a local server that speaks the Echopoint API (for tests, demos and dry runs)'
    )
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', '4010')
    .option(
      '--host <host>',
      'address to bind (default 127.0.0.1; the sandbox has fake keys, keep it local)'
    )
    .option(
      '--fixtures <file>',
      'fixtures file (JSON or YAML: orgs, keys, flows, and a server: section for limits and faults); default: the shipped demo fixture'
    )
    .option('--rate-limit-read <n>', 'read requests per key per window (default 100)')
    .option('--rate-limit-search <n>', 'search requests per key per window (default 30)')
    .option('--rate-limit-write <n>', 'write requests per key per window (default 60)')
    .option('--rate-limit-window <seconds>', 'length of the fixed rate-limit window (default 60)')
    .option(
      '--rate-limit-style <style>',
      `how limits are announced: ${styles} (default retry-after)`
    )
    .option('--rate-limit-storm <n>', 'answer 429 (with a valid hint) to the next n requests')
    .option('--no-rate-limit', 'no rate limits at all')
    .option('--daily-quota <n>', 'executions per organization per rolling 24 h (default: none)')
    .option('--quota-scope <scope>', 'metadata.scope of the quota error (default cloud_fleet)')
    .option('--fault-seed <n>', 'seed of the fault generator: same seed, same faults (default 1)')
    .option('--fault-5xx <p>', 'probability of a 500 or 502 (0..1)')
    .option('--fault-503 <p>', 'probability of a 503 with Retry-After')
    .option('--fault-retry-after <seconds>', "the 503's Retry-After (default 1)")
    .option('--fault-reset <p>', 'probability of a connection reset')
    .option('--fault-slow <p>', 'probability of a slow answer')
    .option('--fault-slow-ms <ms>', `how slow, in real ms (default 500, at most ${MAX_SLOW_MS})`)
    .option('--fault-malformed <p>', 'probability of a truncated JSON body')
    .option('--fault-html <p>', "probability of a proxy's HTML error page")
    .option(
      '--fault-after-commit <p>',
      'share of faults on writes (launch, cancel, runner) that hit after the change was made'
    )
    .option(
      '--fault-routes <list>',
      'only these requests get faults: route ids, GET/POST or read/search/write, comma-separated'
    )
    .option('--fault-exclude <list>', 'never fault these (e.g. keys.self)')
    .option(
      '--clock-skew <seconds>',
      'server clock offset, in seconds, in Date and reset times (e.g. 30 or -30)'
    )
    .option(
      '--time-scale <factor>',
      'multiplies flow durations and rate-limit windows (e.g. 0.1 = ten times faster)'
    )
    .addHelpText(
      'after',
      `
Examples:
  $ echopoint-ci sandbox
  $ echopoint-ci sandbox --port 0 --fixtures my-flows.json
  # then, in another shell, with the URL, key and org ID it prints:
  $ ECHOPOINT_API_URL=http://127.0.0.1:4010 ECHOPOINT_API_KEY=... ECHOPOINT_ORGANIZATION_ID=org_demo echopoint-ci run --tag smoke

  # a tight API: 10 reads a minute, IETF RateLimit headers, 5 launches a day
  $ echopoint-ci sandbox --rate-limit-read 10 --rate-limit-style ietf --daily-quota 5
  # an unreliable one, reproducibly: 5% 5xx, 2% resets, launches answered after commit
  $ echopoint-ci sandbox --fault-seed 42 --fault-5xx 0.05 --fault-reset 0.02 --fault-after-commit 1 --fault-exclude keys.self
  # a server clock 30 s behind, and time ten times faster
  $ echopoint-ci sandbox --clock-skew -30 --time-scale 0.1
  $ echopoint-ci sandbox --no-rate-limit`
    )
    .action(async (flags: SandboxFlags) => {
      setExit(await sandboxCommand(flags, io))
    })
}
