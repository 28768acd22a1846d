/**
 * `npm run bench` (`npm run bench:run` for this part alone): runs of flows against
 * the sandbox over loopback, in REAL time (the sandbox and every client on the
 * system clock: nothing is compressed), for three clients, each run in its own
 * process, one after the other:
 *
 * - `ours`: the core as it is in this tree (client.ts, mode `ours`);
 * - `baseline`: a client as peers write it, polling every execution every 5 s
 *   (baseline.ts);
 * - `previous`: the previous release of this project: client.ts (mode `ours`) as
 *   built from git revision BENCH_PREVIOUS_REV (default e40ae9b). Built once per
 *   bench run: `git archive <rev> | tar -x` into a temporary directory, this
 *   repo's node_modules linked into it, compiled with its own bench/tsconfig.json
 *   and `--outDir <tmp>/out`, run with the same arguments. Without git or the
 *   revision, a note says so and the column is left out.
 *
 * Scenarios, one table each; every client launches with max-parallel 4:
 *
 * 1. `small`: 1 flow of 1.5 s (passing), and 5 flows of 0.8–3 s (seeded
 *    log-uniform, 10 % failing); the default limits (read 100, search 30, write 60
 *    per 60 s, `ietf` headers). Per client, over the runs (worst and median):
 *    verdict after the last end = the client's `endedAt` (when it had its verdict)
 *    − the sandbox's last terminal time (state.lastTerminalAt()); exit after the
 *    last end = the process's exit as the bench saw it − the same; the requests
 *    and which routes they went to; wall = exit − spawn.
 *    Target: worst verdict ≤ 1 s after the last end.
 * 2. `large`: 300 and 1000 flows of 0.8–3 s (seeded log-uniform, 10 % failing);
 *    limits read 100, write 60, search 30 per 6 s window, `x-ratelimit-epoch`
 *    headers. Verdict after the last end (p50 and worst of the runs), requests per
 *    execution, 429s, the launch rate and wall / physical limit, where (W = the
 *    write window, windows fixed and aligned to multiples of W on the sandbox
 *    clock, as the sandbox's are; t0 = the first launch; n launches):
 *      ideal last launch = t0 if n ≤ write, else floor(t0 / W)·W + floor((n − 1) / write)·W
 *      launch rate       = (ideal last launch − t0) / (actual last launch − t0)
 *      physical limit    = (ideal last launch − spawn) + the simulated run of the flow
 *                          launched last (its fixture's pending_ms + duration_ms)
 *                          + one read round trip (median answer time of the GETs)
 *      wall              = client exit − spawn
 *    Targets: verdict ≤ 1 s (p50 and worst), ≤ 1.5 requests per execution, no 429,
 *    launch rate ≥ 95 %, wall / physical ≤ 1.1.
 * 3. `retry-after-only`: 300 flows of 0.8–3 s, the same limits in the
 *    `retry-after-only` style (nothing on a success, only Retry-After on a 429).
 *    The most 429s in any one (key, bucket, window), the 429s, and the early
 *    requests (sent after a hint and before the time it gave: requestLog.earlyRequests()).
 *    Targets: ≤ 1 429 per bucket-window, 0 early requests.
 *
 * A target is judged on the worst run of a client (PASS/MISS beside the number);
 * the ratio rows divide another client's figure by ours. Then the cold start of
 * the CLI bundle (dist/cli/index.js to its first request, vs `node -e 0`).
 *
 * Environment (defaults in brackets):
 *   BENCH_SCENARIOS      which sections [small,large,retry-after-only]
 *   BENCH_CLIENTS        clients of small and large [ours,baseline,previous]
 *   BENCH_PREVIOUS_REV   the previous release [e40ae9b]; empty: no previous client
 *   BENCH_SMALL_FLOWS    flow counts of small [1,5] (1 = one 1.5 s flow)
 *   BENCH_SMALL_REPS     runs per client and count [5]
 *   BENCH_LARGE_FLOWS    flow counts of large [300,1000]
 *   BENCH_REPS           runs per large count, ours/others [3/1,2/1]
 *   BENCH_RAO_FLOWS      flows of retry-after-only [300]
 *   BENCH_RAO_REPS       runs per client [1]
 *   BENCH_RAO_CLIENTS    clients of retry-after-only [ours,previous,baseline]
 *   BENCH_COLD_REPS      cold-start runs [7]
 *   BENCH_RUN_TIMEOUT_S  a client still running after this is killed, its run failed [1200]
 * Output: the tables on stdout, progress on stderr, every run in bench/results/latest.json.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { manyFlows } from '../__fixtures__/many-flows.js'
import { systemClock } from '../src/core/clock.js'
import { DEFAULT_PENDING_MS } from '../src/sandbox/cloud-runner.js'
import {
  defaultFixtures,
  startSandbox,
  type RateLimitOptions,
  type RequestLogEntry,
  type Sandbox,
  type SandboxFixtures
} from '../src/sandbox/index.js'
import { allRoutes } from '../src/sandbox/routes/index.js'
import type { ClientArgs } from './client.js'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../../../..')
const TAG = 'bench'
const MAX_PARALLEL = 4

// ---------------------------------------------------------------- configuration

const CLIENT_NAMES = ['ours', 'baseline', 'previous'] as const
type ClientName = (typeof CLIENT_NAMES)[number]
type Section = 'small' | 'large' | 'retry-after-only'
const SECTIONS: readonly Section[] = ['small', 'large', 'retry-after-only']

function listEnv(name: string, fallback: string): string[] {
  return (process.env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

function countEnv(name: string, text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: "${text}" is not a whole number`)
  return n
}

function intEnv(name: string, fallback: number): number {
  return countEnv(name, process.env[name] ?? String(fallback))
}

function countsEnv(name: string, fallback: string): number[] {
  return listEnv(name, fallback).map((t) => countEnv(name, t))
}

function clientsEnv(name: string, fallback: string): ClientName[] {
  return listEnv(name, fallback).map((c) => {
    if (!(CLIENT_NAMES as readonly string[]).includes(c)) {
      throw new Error(`${name}: "${c}" is not one of ${CLIENT_NAMES.join(', ')}`)
    }
    return c as ClientName
  })
}

const SCENARIOS = listEnv('BENCH_SCENARIOS', SECTIONS.join(',')).map((s) => {
  if (!(SECTIONS as readonly string[]).includes(s)) {
    throw new Error(`BENCH_SCENARIOS: "${s}" is not one of ${SECTIONS.join(', ')}`)
  }
  return s as Section
})
const CLIENTS = clientsEnv('BENCH_CLIENTS', 'ours,baseline,previous')
const PREVIOUS_REV = (process.env.BENCH_PREVIOUS_REV ?? 'e40ae9b').trim()
const SMALL_FLOWS = countsEnv('BENCH_SMALL_FLOWS', '1,5')
const SMALL_REPS = intEnv('BENCH_SMALL_REPS', 5)
const LARGE_FLOWS = countsEnv('BENCH_LARGE_FLOWS', '300,1000')
/** Per large count: runs of ours / runs of the other clients (`3/1`, or `2` for both). */
const LARGE_REPS = listEnv('BENCH_REPS', '3/1,2/1').map((t) => {
  const [ours, others = ours] = t.split('/').map((n) => countEnv('BENCH_REPS', n))
  return { ours, others }
})
const RAO_FLOWS = intEnv('BENCH_RAO_FLOWS', 300)
const RAO_REPS = intEnv('BENCH_RAO_REPS', 1)
const RAO_CLIENTS = clientsEnv('BENCH_RAO_CLIENTS', 'ours,previous,baseline')
const COLD_REPS = intEnv('BENCH_COLD_REPS', 7)
const RUN_TIMEOUT_MS = intEnv('BENCH_RUN_TIMEOUT_S', 1200) * 1000

/** The limits of large and retry-after-only: per 6 s window. */
const TIGHT = { windowMs: 6000, read: 100, write: 60, search: 30 } as const

const TARGETS = {
  verdictS: 1,
  requestsPerExecution: 1.5,
  status429: 0,
  launchRate: 0.95,
  wallOverPhysical: 1.1,
  max429PerBucketWindow: 1,
  earlyRequests: 0
}

interface Scenario {
  section: Section
  flows: number
  /** Durations and failures of the generated flows. */
  spread: { minMs: number; maxMs: number; failShare: number }
  rateLimits: RateLimitOptions
  reps: Partial<Record<ClientName, number>>
}

function scenarios(clientsOf: (section: Section) => ClientName[]): Scenario[] {
  const wide = { minMs: 800, maxMs: 3000, failShare: 0.1 }
  const repsFor = (section: Section, ours: number, others: number) =>
    Object.fromEntries(clientsOf(section).map((c) => [c, c === 'ours' ? ours : others]))
  const list: Scenario[] = []
  for (const section of SCENARIOS) {
    if (section === 'small') {
      for (const flows of SMALL_FLOWS) {
        list.push({
          section,
          flows,
          spread: flows === 1 ? { minMs: 1500, maxMs: 1500, failShare: 0 } : wide,
          rateLimits: { style: 'ietf' },
          reps: repsFor(section, SMALL_REPS, SMALL_REPS)
        })
      }
    } else if (section === 'large') {
      for (const [i, flows] of LARGE_FLOWS.entries()) {
        const reps = LARGE_REPS[i] ?? LARGE_REPS[LARGE_REPS.length - 1] ?? { ours: 1, others: 1 }
        list.push({
          section,
          flows,
          spread: wide,
          rateLimits: { style: 'x-ratelimit-epoch', ...TIGHT },
          reps: repsFor(section, reps.ours, reps.others)
        })
      }
    } else {
      list.push({
        section,
        flows: RAO_FLOWS,
        spread: wide,
        rateLimits: { style: 'retry-after-only', ...TIGHT },
        reps: repsFor(section, RAO_REPS, RAO_REPS)
      })
    }
  }
  return list
}

// ---------------------------------------------------------------- child processes

interface ChildRun {
  stdout: string
  /** The end of stderr, for a failed run's note. */
  stderrTail: string
  code: number | null
  signal: NodeJS.Signals | null
  spawnAt: number
  exitedAt: number
  timedOut: boolean
}

function runChild(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}
): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const spawnAt = Date.now()
    const child = spawn(process.execPath, [script, ...args], {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            child.kill('SIGKILL')
          }, options.timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('exit', (code, signal) => {
      const exitedAt = Date.now()
      clearTimeout(timer)
      resolvePromise({ stdout, stderrTail: stderr, code, signal, spawnAt, exitedAt, timedOut })
    })
  })
}

interface ClientScript {
  name: ClientName
  mode: ClientArgs['mode']
  script: string
}

interface PreviousBuild {
  rev: string
  commit: string
  dir: string
  script: string
  buildS: number
}

/** Builds the previous release's bench client, or says why it cannot. */
function buildPrevious(rev: string): PreviousBuild | { note: string } {
  if (rev === '') return { note: 'BENCH_PREVIOUS_REV is empty: no previous client' }
  const started = Date.now()
  const git = (args: string[], maxBuffer = 1 << 20) =>
    spawnSync('git', ['-C', repo, ...args], { maxBuffer })
  const parsed = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
  if (parsed.error || parsed.status !== 0) {
    const why = parsed.error ? `git is not available (${parsed.error.message})` : 'not found'
    return { note: `previous release ${rev}: ${why}; the previous column is left out` }
  }
  const commit = parsed.stdout.toString().trim()
  const dir = mkdtempSync(join(tmpdir(), 'echopoint-bench-previous-'))
  const fail = (what: string, output: string) => {
    rmSync(dir, { recursive: true, force: true })
    const tail = output.trim().split('\n').slice(-8).join('\n')
    return { note: `previous release ${rev}: ${what}; the previous column is left out\n${tail}` }
  }
  const archive = git(['archive', '--format=tar', commit], 1 << 30)
  if (archive.status !== 0) return fail('git archive failed', archive.stderr.toString())
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout })
  if (untar.error || untar.status !== 0) {
    return fail('tar failed', untar.error?.message ?? untar.stderr.toString())
  }
  if (!existsSync(join(dir, 'bench/client.ts')) || !existsSync(join(dir, 'bench/tsconfig.json'))) {
    return fail('it has no bench/client.ts or bench/tsconfig.json', '')
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const tsc = spawnSync(
    process.execPath,
    [
      join(repo, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(dir, 'bench/tsconfig.json'),
      '--outDir',
      join(dir, 'out')
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 }
  )
  const script = join(dir, 'out/bench/client.js')
  if (tsc.status !== 0 || !existsSync(script)) {
    return fail(`its bench does not compile (tsc exit ${tsc.status})`, tsc.stdout + tsc.stderr)
  }
  return { rev, commit, dir, script, buildS: (Date.now() - started) / 1000 }
}

// ---------------------------------------------------------------- one run

interface RunRecord {
  client: ClientName
  rep: number
  seed: number
  ok: boolean
  error?: string
  /** The client's verdict (`done` for the baseline, which has none). */
  status: string
  expectedStatus: 'passed' | 'failed'
  /** Whether the verdict is the fixture's; null for the baseline. */
  rightVerdict: boolean | null
  spawnAt: number
  /** When the client had its verdict (its own clock, the same as the sandbox's). */
  endedAt: number | null
  exitedAt: number
  /** When the sandbox marked the last execution terminal. */
  lastEndAt: number | null
  verdictAfterLastEndMs: number | null
  exitAfterLastEndMs: number | null
  wallMs: number
  requests: number
  executions: number
  requestsPerExecution: number | null
  /** Requests per route (`POST /flows/{id}/launch`), in order of first use. */
  byRoute: Record<string, number>
  status429: number
  status429ByBucket: Record<string, number>
  /** The most 429s in one (key, bucket, window). */
  max429PerBucketWindow: number
  /** Requests sent after a hint and before the time it gave (each counted once). */
  earlyRequests: number
  /** (request, hint) pairs behind them: a request may come early for several hints. */
  earlyPairs: number
  firstLaunchAt: number | null
  lastLaunchAt: number | null
  idealLastLaunchAt: number | null
  /** (ideal last launch − t0) / (actual last launch − t0); null when all fit one window. */
  launchRate: number | null
  readRoundTripMs: number
  physicalMs: number | null
  wallOverPhysical: number | null
  maxRssMb: number | null
}

/** `GET /flows/{id}/executions/{id}` for each route id. */
const ROUTE_LABELS = new Map(
  allRoutes({
    permissionsForAnyKey: true,
    cancel: true,
    executionsList: true,
    keyIntrospection: true
  }).map((r) => [r.id as string, `${r.method} ${r.pattern.replace(/\{[^}]+\}/g, '{id}')}`])
)

function routeLabel(e: RequestLogEntry): string {
  return (e.routeId !== null && ROUTE_LABELS.get(e.routeId)) || `${e.method} ${e.path}`
}

/**
 * When launching `n` flows from `t0` could end at best: `limit` at once, the rest
 * as each fixed window (aligned to multiples of `windowMs`, as the sandbox's are) opens.
 */
function idealLastLaunch(t0: number, n: number, limit: number, windowMs: number): number {
  const windows = Math.floor((n - 1) / limit)
  return windows === 0 ? t0 : Math.floor(t0 / windowMs) * windowMs + windows * windowMs
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}

/** What the sandbox saw of one client run. */
function measure(
  sandbox: Sandbox,
  fixtures: SandboxFixtures,
  child: ChildRun,
  endedAt: number | null
): Omit<
  RunRecord,
  'client' | 'rep' | 'seed' | 'ok' | 'status' | 'expectedStatus' | 'rightVerdict'
> {
  const log = sandbox.requestLog.entries()
  const buckets = sandbox.rateLimit?.config.buckets
  const launches = sandbox.requestLog
    .launches()
    .filter((l) => !l.replay)
    .sort((a, b) => a.at - b.at)
  const lastEndAt = sandbox.state.lastTerminalAt()
  const early = sandbox.requestLog.earlyRequests()
  const limited = log.filter((e) => e.status === 429)
  const perWindow = countBy(limited, (e) => {
    const windowMs = e.bucket && buckets ? buckets[e.bucket].effectiveWindowMs : 1
    return `${e.keyId}|${e.bucket}|${Math.floor(e.at / windowMs)}`
  })
  const reads = log
    .filter((e) => e.method === 'GET' && Number.isFinite(e.durationMs))
    .map((e) => e.durationMs)
  const readRoundTripMs = median(reads) ?? 0

  let ideal: number | null = null
  let launchRate: number | null = null
  let physicalMs: number | null = null
  if (launches.length > 0 && buckets) {
    const t0 = launches[0].at
    const last = launches[launches.length - 1]
    const { limit, effectiveWindowMs } = buckets.write
    ideal = idealLastLaunch(t0, launches.length, limit, effectiveWindowMs)
    if (launches.length > limit) launchRate = (ideal - t0) / Math.max(1, last.at - t0)
    const sim = fixtures.flows.find((f) => f.id === last.flowId)?.simulation
    const runMs = sim ? (sim.pending_ms ?? DEFAULT_PENDING_MS) + sim.duration_ms : 0
    physicalMs = ideal - child.spawnAt + runMs + readRoundTripMs
  }
  const wallMs = child.exitedAt - child.spawnAt
  return {
    spawnAt: child.spawnAt,
    endedAt,
    exitedAt: child.exitedAt,
    lastEndAt,
    verdictAfterLastEndMs: endedAt !== null && lastEndAt !== null ? endedAt - lastEndAt : null,
    exitAfterLastEndMs: lastEndAt !== null ? child.exitedAt - lastEndAt : null,
    wallMs,
    requests: log.length,
    executions: launches.length,
    requestsPerExecution: launches.length > 0 ? log.length / launches.length : null,
    byRoute: countBy(log, routeLabel),
    status429: limited.length,
    status429ByBucket: countBy(limited, (e) => e.bucket ?? 'none'),
    max429PerBucketWindow: Math.max(0, ...Object.values(perWindow)),
    earlyRequests: new Set(early.map((e) => e.request.seq)).size,
    earlyPairs: early.length,
    firstLaunchAt: launches[0]?.at ?? null,
    lastLaunchAt: launches[launches.length - 1]?.at ?? null,
    idealLastLaunchAt: ideal,
    launchRate,
    readRoundTripMs,
    physicalMs,
    wallOverPhysical: physicalMs !== null && physicalMs > 0 ? wallMs / physicalMs : null,
    maxRssMb: null
  }
}

async function runOnce(scenario: Scenario, client: ClientScript, rep: number): Promise<RunRecord> {
  const seed = rep + 1
  const fixtures = manyFlows(scenario.flows, { seed, tag: TAG, ...scenario.spread })
  const expectedStatus = fixtures.flows.some((f) => f.simulation.outcome !== 'passed')
    ? 'failed'
    : 'passed'
  const sandbox = await startSandbox({
    clock: systemClock,
    fixtures,
    rateLimits: scenario.rateLimits
  })
  try {
    const args: ClientArgs = {
      mode: client.mode,
      apiUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      organizationId: sandbox.organizationId,
      tag: TAG,
      maxParallel: MAX_PARALLEL,
      factor: 1,
      origin: Date.now(),
      runId: `${client.name}-${scenario.section}-${scenario.flows}-${rep}`
    }
    const child = await runChild(client.script, [JSON.stringify(args)], {
      timeoutMs: RUN_TIMEOUT_MS
    })
    let result: { status?: string; endedAt?: number; maxRssKb?: number } = {}
    try {
      result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as typeof result
    } catch {
      // No verdict line: the run failed (below).
    }
    const ok = child.code === 0 && typeof result.endedAt === 'number'
    const status = result.status ?? 'none'
    const measured = measure(sandbox, fixtures, child, ok ? (result.endedAt ?? null) : null)
    const record: RunRecord = {
      client: client.name,
      rep,
      seed,
      ok,
      status,
      expectedStatus,
      rightVerdict: client.mode === 'baseline' ? null : status === expectedStatus,
      ...measured,
      maxRssMb: typeof result.maxRssKb === 'number' ? result.maxRssKb / 1024 : null
    }
    if (!ok) {
      record.error = child.timedOut
        ? `killed after ${RUN_TIMEOUT_MS / 1000} s`
        : `exit ${child.code ?? child.signal}: ${child.stderrTail.trim().split('\n').slice(-3).join(' | ')}`
    }
    return record
  } finally {
    await sandbox.close()
  }
}

// ---------------------------------------------------------------- figures

function median(values: number[]): number | null {
  const s = [...values].sort((a, b) => a - b)
  if (s.length === 0) return null
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const present = (values: (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null && Number.isFinite(v))
const worstHigh = (values: (number | null)[]): number | null =>
  present(values).length ? Math.max(...present(values)) : null
const worstLow = (values: (number | null)[]): number | null =>
  present(values).length ? Math.min(...present(values)) : null

interface Summary {
  runs: number
  failedRuns: number
  rightVerdicts: string
  verdictWorstS: number | null
  verdictP50S: number | null
  exitWorstS: number | null
  exitP50S: number | null
  requestsP50: number | null
  /** Mean requests per run, per route. */
  byRoute: Record<string, number>
  requestsPerExecutionWorst: number | null
  status429Worst: number | null
  status429ByBucket: Record<string, number>
  max429PerBucketWindow: number | null
  earlyRequestsWorst: number | null
  launchRateWorst: number | null
  wallP50S: number | null
  physicalP50S: number | null
  wallOverPhysicalWorst: number | null
  readRoundTripP50Ms: number | null
  peakRssMb: number | null
}

function summarise(records: RunRecord[]): Summary {
  const ok = records.filter((r) => r.ok)
  const s = (ms: number | null) => (ms === null ? null : ms / 1000)
  const byRoute: Record<string, number> = {}
  const byBucket: Record<string, number> = {}
  for (const r of ok) {
    for (const [route, n] of Object.entries(r.byRoute)) byRoute[route] = (byRoute[route] ?? 0) + n
    for (const [b, n] of Object.entries(r.status429ByBucket)) {
      byBucket[b] = Math.max(byBucket[b] ?? 0, n)
    }
  }
  for (const route of Object.keys(byRoute)) byRoute[route] /= Math.max(1, ok.length)
  const judged = records.filter((r) => r.rightVerdict !== null)
  return {
    runs: records.length,
    failedRuns: records.length - ok.length,
    rightVerdicts: judged.length
      ? `${judged.filter((r) => r.rightVerdict).length}/${judged.length}`
      : 'n/a',
    verdictWorstS: s(worstHigh(ok.map((r) => r.verdictAfterLastEndMs))),
    verdictP50S: s(median(present(ok.map((r) => r.verdictAfterLastEndMs)))),
    exitWorstS: s(worstHigh(ok.map((r) => r.exitAfterLastEndMs))),
    exitP50S: s(median(present(ok.map((r) => r.exitAfterLastEndMs)))),
    requestsP50: median(ok.map((r) => r.requests)),
    byRoute,
    requestsPerExecutionWorst: worstHigh(ok.map((r) => r.requestsPerExecution)),
    status429Worst: worstHigh(ok.map((r) => r.status429)),
    status429ByBucket: byBucket,
    max429PerBucketWindow: worstHigh(ok.map((r) => r.max429PerBucketWindow)),
    earlyRequestsWorst: worstHigh(ok.map((r) => r.earlyRequests)),
    launchRateWorst: worstLow(ok.map((r) => r.launchRate)),
    wallP50S: s(median(ok.map((r) => r.wallMs))),
    physicalP50S: s(median(present(ok.map((r) => r.physicalMs)))),
    wallOverPhysicalWorst: worstHigh(ok.map((r) => r.wallOverPhysical)),
    readRoundTripP50Ms: median(ok.map((r) => r.readRoundTripMs)),
    peakRssMb: worstHigh(ok.map((r) => r.maxRssMb))
  }
}

// ---------------------------------------------------------------- tables

const fmt = (n: number | null, digits = 2): string => (n === null ? 'n/a' : n.toFixed(digits))
const pct = (n: number | null): string => (n === null ? 'n/a' : `${(n * 100).toFixed(1)} %`)

/** `text PASS` or `text MISS` against a target; no mark without a figure. */
function judged(text: string, value: number | null, pass: (v: number) => boolean): string {
  return value === null ? text : `${text} ${pass(value) ? 'PASS' : 'MISS'}`
}

/** `2.5×` (another client's figure over ours), `n/a` when either is missing or ours is 0. */
function ratio(theirs: number | null, ours: number | null, digits = 1): string {
  return theirs === null || ours === null || ours <= 0
    ? 'n/a'
    : `${(theirs / ours).toFixed(digits)}×`
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}

function formatRoutes(byRoute: Record<string, number>): string {
  return Object.entries(byRoute)
    .map(([route, n]) => `${route} ${Number.isInteger(n) ? n : n.toFixed(1)}`)
    .join(', ')
}

interface ScenarioResult {
  scenario: Scenario
  clients: ClientName[]
  runs: RunRecord[]
  summaries: Partial<Record<ClientName, Summary>>
}

/**
 * The ratio rows: each other client's figures over ours, for the columns `pick`
 * returns (undefined: a column without a ratio, left blank).
 */
function ratioRows(
  result: ScenarioResult,
  leading: (name: string) => string[],
  pick: (s: Summary) => (number | null | undefined)[]
): string[][] {
  const ours = result.summaries.ours
  if (!ours) return []
  return result.clients
    .filter((c) => c !== 'ours')
    .map((c) => {
      const theirs = result.summaries[c]
      const a = theirs ? pick(theirs) : []
      return [
        ...leading(`${c}/ours`),
        ...pick(ours).map((o, i) => (o === undefined ? '' : ratio(a[i] ?? null, o)))
      ]
    })
}

function printSmall(results: ScenarioResult[]): void {
  if (results.length === 0) return
  console.log('\n== small: verdict after the last end (default limits, ietf headers)')
  const header = [
    'flows',
    'client',
    'runs',
    'verdict worst s',
    'verdict p50 s',
    'exit worst s',
    'exit p50 s',
    'requests p50',
    '429s',
    'wall p50 s',
    'right verdicts'
  ]
  const rows: string[][] = [
    ['', 'target', '', `≤ ${fmt(TARGETS.verdictS)}`, '', '', '', '', '', '', '']
  ]
  for (const result of results) {
    const flows = String(result.scenario.flows)
    for (const c of result.clients) {
      const s = result.summaries[c]
      if (!s) continue
      rows.push([
        flows,
        c,
        runsText(s),
        judged(fmt(s.verdictWorstS), s.verdictWorstS, (v) => v <= TARGETS.verdictS),
        fmt(s.verdictP50S),
        fmt(s.exitWorstS),
        fmt(s.exitP50S),
        fmt(s.requestsP50, 0),
        fmt(s.status429Worst, 0),
        fmt(s.wallP50S),
        s.rightVerdicts
      ])
    }
    rows.push(
      ...ratioRows(
        result,
        (name) => [flows, name, ''],
        (s) => [
          s.verdictWorstS,
          s.verdictP50S,
          s.exitWorstS,
          s.exitP50S,
          s.requestsP50,
          undefined,
          s.wallP50S
        ]
      )
    )
  }
  printTable(header, rows)
  console.log('Requests by route (mean per run):')
  for (const result of results) {
    for (const c of result.clients) {
      const s = result.summaries[c]
      if (s) console.log(`  ${result.scenario.flows} flows, ${c}: ${formatRoutes(s.byRoute)}`)
    }
  }
  console.log(
    'verdict = the client’s endedAt − the sandbox’s last terminal time; exit = the process’s exit (as the bench saw it) − the same; wall = exit − spawn.'
  )
}

function printLarge(results: ScenarioResult[]): void {
  if (results.length === 0) return
  console.log(
    `\n== large: read ${TIGHT.read}, write ${TIGHT.write}, search ${TIGHT.search} per ${TIGHT.windowMs / 1000} s window (x-ratelimit-epoch), max-parallel ${MAX_PARALLEL}`
  )
  const header = [
    'flows',
    'client',
    'runs',
    'verdict p50 s',
    'verdict worst s',
    'exit worst s',
    'req/exec',
    '429s',
    'launch rate',
    'wall p50 s',
    'physical p50 s',
    'wall/physical',
    'right verdicts'
  ]
  const rows: string[][] = [
    [
      '',
      'target',
      '',
      `≤ ${fmt(TARGETS.verdictS)}`,
      `≤ ${fmt(TARGETS.verdictS)}`,
      '',
      `≤ ${TARGETS.requestsPerExecution}`,
      String(TARGETS.status429),
      `≥ ${pct(TARGETS.launchRate)}`,
      '',
      '',
      `≤ ${TARGETS.wallOverPhysical}`,
      ''
    ]
  ]
  for (const result of results) {
    const flows = String(result.scenario.flows)
    for (const c of result.clients) {
      const s = result.summaries[c]
      if (!s) continue
      rows.push([
        flows,
        c,
        runsText(s),
        judged(fmt(s.verdictP50S), s.verdictP50S, (v) => v <= TARGETS.verdictS),
        judged(fmt(s.verdictWorstS), s.verdictWorstS, (v) => v <= TARGETS.verdictS),
        fmt(s.exitWorstS),
        judged(
          fmt(s.requestsPerExecutionWorst),
          s.requestsPerExecutionWorst,
          (v) => v <= TARGETS.requestsPerExecution
        ),
        judged(fmt(s.status429Worst, 0), s.status429Worst, (v) => v <= TARGETS.status429),
        judged(pct(s.launchRateWorst), s.launchRateWorst, (v) => v >= TARGETS.launchRate),
        fmt(s.wallP50S, 1),
        fmt(s.physicalP50S, 1),
        judged(
          fmt(s.wallOverPhysicalWorst),
          s.wallOverPhysicalWorst,
          (v) => v <= TARGETS.wallOverPhysical
        ),
        s.rightVerdicts
      ])
    }
    rows.push(
      ...ratioRows(
        result,
        (name) => [flows, name, ''],
        (s) => [
          s.verdictP50S,
          s.verdictWorstS,
          s.exitWorstS,
          s.requestsPerExecutionWorst,
          undefined,
          undefined,
          s.wallP50S,
          undefined,
          s.wallOverPhysicalWorst
        ]
      )
    )
  }
  printTable(header, rows)
  console.log('Requests by route (mean per run):')
  for (const result of results) {
    for (const c of result.clients) {
      const s = result.summaries[c]
      if (s) console.log(`  ${result.scenario.flows} flows, ${c}: ${formatRoutes(s.byRoute)}`)
    }
  }
  console.log(
    [
      'Worst = the worst run; p50 = the median of the runs. W = the write window, t0 = the first launch, n = launches:',
      '  ideal last launch = t0 if n ≤ write, else floor(t0 / W)·W + floor((n − 1) / write)·W  (windows fixed, aligned to multiples of W)',
      '  launch rate       = (ideal last launch − t0) / (actual last launch − t0)',
      '  physical limit    = (ideal last launch − spawn) + the simulated run of the flow launched last (pending_ms + duration_ms)',
      '                      + one read round trip (median answer time of the GET requests)',
      '  wall              = client exit − spawn'
    ].join('\n')
  )
}

function printRetryAfterOnly(results: ScenarioResult[]): void {
  if (results.length === 0) return
  console.log(
    `\n== retry-after-only: read ${TIGHT.read}, write ${TIGHT.write}, search ${TIGHT.search} per ${TIGHT.windowMs / 1000} s window; nothing on a success, Retry-After on a 429`
  )
  const header = [
    'flows',
    'client',
    'runs',
    'max 429/bucket-window',
    '429s',
    'early requests',
    'verdict worst s',
    'req/exec',
    'wall p50 s',
    'right verdicts'
  ]
  const rows: string[][] = [
    [
      '',
      'target',
      '',
      `≤ ${TARGETS.max429PerBucketWindow}`,
      '',
      String(TARGETS.earlyRequests),
      '',
      '',
      '',
      ''
    ]
  ]
  for (const result of results) {
    const flows = String(result.scenario.flows)
    for (const c of result.clients) {
      const s = result.summaries[c]
      if (!s) continue
      rows.push([
        flows,
        c,
        runsText(s),
        judged(
          fmt(s.max429PerBucketWindow, 0),
          s.max429PerBucketWindow,
          (v) => v <= TARGETS.max429PerBucketWindow
        ),
        fmt(s.status429Worst, 0),
        judged(
          fmt(s.earlyRequestsWorst, 0),
          s.earlyRequestsWorst,
          (v) => v <= TARGETS.earlyRequests
        ),
        fmt(s.verdictWorstS),
        fmt(s.requestsPerExecutionWorst),
        fmt(s.wallP50S, 1),
        s.rightVerdicts
      ])
    }
    rows.push(
      ...ratioRows(
        result,
        (name) => [flows, name, ''],
        (s) => [
          s.max429PerBucketWindow,
          s.status429Worst,
          s.earlyRequestsWorst,
          s.verdictWorstS,
          s.requestsPerExecutionWorst,
          s.wallP50S
        ]
      )
    )
  }
  printTable(header, rows)
  for (const result of results) {
    for (const c of result.clients) {
      const s = result.summaries[c]
      if (!s) continue
      const buckets = Object.entries(s.status429ByBucket)
      const text = buckets.length ? buckets.map(([b, n]) => `${b} ${n}`).join(', ') : 'none'
      console.log(`  ${result.scenario.flows} flows, ${c}: 429s by bucket (worst run) ${text}`)
    }
  }
  console.log(
    'early requests = requests (each counted once) sent after an answer that gave a retry time (here: a 429) and before that time, same key and bucket.'
  )
}

function runsText(s: Summary): string {
  return s.failedRuns ? `${s.runs - s.failedRuns}/${s.runs} ok` : String(s.runs)
}

// ---------------------------------------------------------------- cold start

/** Spawn to the first request the sandbox sees, for `node dist/cli/index.js run`, vs `node -e 0` to exit. */
async function coldStart(reps: number): Promise<{ cliMs: number; bareMs: number; ratio: number }> {
  const sandbox = await startSandbox({ clock: systemClock, fixtures: defaultFixtures() })
  const cli: number[] = []
  const bare: number[] = []
  try {
    for (let i = 0; i < reps; i++) {
      const t = Date.now()
      await runChild('-e', ['0']).catch(() => undefined)
      bare.push(Date.now() - t)
      const before = sandbox.requestLog.entries().length
      const started = Date.now()
      await runChild(
        join(repo, 'dist/cli/index.js'),
        ['run', '--tag', 'smoke', '--output', 'json'],
        {
          env: {
            ...process.env,
            ECHOPOINT_API_KEY: sandbox.apiKey,
            ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
            ECHOPOINT_API_URL: sandbox.url
          }
        }
      )
      const first = sandbox.requestLog.entries()[before]
      if (first) cli.push(first.at - started)
    }
  } finally {
    await sandbox.close()
  }
  const cliMs = median(cli) ?? NaN
  const bareMs = median(bare) ?? NaN
  return { cliMs, bareMs, ratio: cliMs / bareMs }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const benchStarted = Date.now()
  const wanted = new Set([
    ...(SCENARIOS.includes('retry-after-only') ? RAO_CLIENTS : []),
    ...CLIENTS
  ])
  let previous: PreviousBuild | { note: string } = { note: 'not asked for' }
  if (wanted.has('previous')) {
    process.stderr.write(`Building the previous release (${PREVIOUS_REV || 'none'})…\n`)
    previous = buildPrevious(PREVIOUS_REV)
    if ('note' in previous) console.log(`Note: ${previous.note}`)
    else
      process.stderr.write(
        `previous = ${previous.rev} (${previous.commit.slice(0, 12)}), built in ${previous.buildS.toFixed(1)} s\n`
      )
  }
  const scripts: Partial<Record<ClientName, ClientScript>> = {
    ours: { name: 'ours', mode: 'ours', script: join(here, 'client.js') },
    baseline: { name: 'baseline', mode: 'baseline', script: join(here, 'client.js') }
  }
  if ('script' in previous) {
    scripts.previous = { name: 'previous', mode: 'ours', script: previous.script }
  }
  const available = (list: ClientName[]) => list.filter((c) => scripts[c] !== undefined)
  const clientsOf = (section: Section) =>
    available(section === 'retry-after-only' ? RAO_CLIENTS : CLIENTS)

  const results: ScenarioResult[] = []
  try {
    for (const scenario of scenarios(clientsOf)) {
      const clients = clientsOf(scenario.section)
      const runs: RunRecord[] = []
      const most = Math.max(0, ...clients.map((c) => scenario.reps[c] ?? 0))
      // Runs interleaved (ours, baseline, previous, ours, …): a slow spell of the
      // machine falls on every client alike. Run `rep` of each client has the same flows.
      for (let rep = 0; rep < most; rep++) {
        for (const c of clients) {
          const script = scripts[c]
          if (!script || rep >= (scenario.reps[c] ?? 0)) continue
          const r = await runOnce(scenario, script, rep)
          runs.push(r)
          process.stderr.write(
            `${scenario.section} ${scenario.flows} flows, ${c} #${rep + 1}: ${
              r.ok
                ? `${r.status}, verdict +${fmt(r.verdictAfterLastEndMs === null ? null : r.verdictAfterLastEndMs / 1000)} s, ${r.requests} requests, ${r.status429} × 429, ${r.earlyRequests} early, wall ${(r.wallMs / 1000).toFixed(1)} s`
                : `FAILED (${r.error})`
            }\n`
          )
        }
      }
      const summaries: Partial<Record<ClientName, Summary>> = {}
      for (const c of clients) {
        const mine = runs.filter((r) => r.client === c)
        if (mine.length) summaries[c] = summarise(mine)
      }
      results.push({ scenario, clients, runs, summaries })
    }
  } finally {
    if ('dir' in previous) rmSync(previous.dir, { recursive: true, force: true })
  }
  const cold = COLD_REPS > 0 ? await coldStart(COLD_REPS) : null

  console.log(
    `\nReal time, sandbox over loopback; clients: ${[...new Set(results.flatMap((r) => r.clients))].join(', ')}${
      'commit' in previous ? ` (previous = ${previous.rev}, ${previous.commit.slice(0, 12)})` : ''
    }; max-parallel ${MAX_PARALLEL}; targets judged on the worst run.`
  )
  printSmall(results.filter((r) => r.scenario.section === 'small'))
  printLarge(results.filter((r) => r.scenario.section === 'large'))
  printRetryAfterOnly(results.filter((r) => r.scenario.section === 'retry-after-only'))
  for (const r of results.flatMap((x) => x.runs).filter((r) => !r.ok)) {
    console.log(`Failed run: ${r.client} #${r.rep + 1}: ${r.error}`)
  }
  if (cold) {
    console.log(
      `\nCold start: node dist/cli/index.js to its first request ${cold.cliMs} ms vs node -e 0 ${cold.bareMs} ms (${cold.ratio.toFixed(2)}×)`
    )
  }
  const totalS = (Date.now() - benchStarted) / 1000
  console.log(`Bench wall time: ${Math.floor(totalS / 60)} min ${(totalS % 60).toFixed(0)} s`)

  const out = join(repo, 'bench/results/latest.json')
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        realTime: true,
        maxParallel: MAX_PARALLEL,
        previous:
          'commit' in previous
            ? { rev: previous.rev, commit: previous.commit, buildS: previous.buildS }
            : previous,
        targets: TARGETS,
        scenarios: results.map((r) => ({
          section: r.scenario.section,
          flows: r.scenario.flows,
          spread: r.scenario.spread,
          rateLimits: r.scenario.rateLimits,
          reps: r.scenario.reps,
          summaries: r.summaries,
          runs: r.runs
        })),
        coldStart: cold,
        totalWallS: totalS
      },
      null,
      2
    ) + '\n'
  )
  console.log(`Saved ${out}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
