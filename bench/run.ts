/**
 * `npm run bench`: the core's run against the sandbox with its rate limits on
 * (contract.md part C defaults: read 100, search 30, write 60 a minute; `ietf`
 * headers), for 1, 50 and 500 flows whose durations are drawn from a seeded spread
 * (2 s to 60 s, log-uniform, 10 % failing), next to a baseline client that polls
 * every execution every 5 s, and the cold start of the CLI bundle.
 *
 * Time is compressed: the sandbox and each client share a clock that runs
 * 1/FACTOR times faster than real time (every window, duration, poll and wait
 * alike), so the 500-flow run, about ten minutes of API time, takes well under a
 * minute. Latencies are reported in API time (what a real run would see), plus
 * the client process's exit in real time.
 *
 * Environment: BENCH_FACTOR (default 0.05), BENCH_REPS (default "5,3,3" for
 * 1, 50, 500 flows), BENCH_SCENARIOS (default "1,50,500").
 * Output: a table on stdout and bench/results/latest.json.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { manyFlows } from '../__fixtures__/many-flows.js'
import { systemClock } from '../src/core/clock.js'
import { startSandbox, defaultFixtures, DEFAULT_LIMITS } from '../src/sandbox/index.js'
import type { ClientArgs } from './client.js'
import { ScaledClock } from './scaled-clock.js'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../../../..')
const FACTOR = Number(process.env.BENCH_FACTOR ?? 0.05)
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '1,50,500').split(',').map(Number)
const REPS = (process.env.BENCH_REPS ?? '5,3,3').split(',').map(Number)
const WINDOW_MS = 60_000
const WRITE_LIMIT = DEFAULT_LIMITS.write
const MAX_PARALLEL = 4
const STYLE = 'ietf' as const

interface RunSample {
  requests: number
  requestsPerExecution: number
  status429: number
  detectionMs: number
  launchShare: number | null
  maxRssMb: number
  wallMs: number
  status: string
}

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))
  return s[i]
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

function runChild(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  quiet = false
): Promise<{ stdout: string; exitedAt: number; code: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env,
      stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit']
    })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolvePromise({ stdout, exitedAt: Date.now(), code }))
  })
}

/**
 * When launching `n` flows from `t0` could end at best: a window's worth at once,
 * the rest as each fixed window (aligned to whole minutes, as the sandbox's are) opens.
 */
function idealLastLaunch(t0: number, n: number): number {
  const windows = Math.floor((n - 1) / WRITE_LIMIT)
  return windows === 0 ? t0 : Math.floor(t0 / WINDOW_MS) * WINDOW_MS + windows * WINDOW_MS
}

async function runOnce(mode: 'ours' | 'baseline', flows: number, rep: number): Promise<RunSample> {
  const clock = new ScaledClock(FACTOR)
  const sandbox = await startSandbox({
    clock,
    fixtures: manyFlows(flows, { seed: rep + 1, tag: 'scale' }),
    rateLimits: { style: STYLE }
  })
  try {
    const args: ClientArgs = {
      mode,
      apiUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      organizationId: sandbox.organizationId,
      tag: 'scale',
      maxParallel: MAX_PARALLEL,
      factor: FACTOR,
      origin: clock.origin,
      runId: `${mode}-${flows}-${rep}`
    }
    const started = Date.now()
    const child = await runChild(join(here, 'client.js'), [JSON.stringify(args)])
    if (child.code !== 0) throw new Error(`${mode} client exited with ${child.code}`)
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
      status: string
      endedAt: number
      maxRssKb: number
    }
    // API time to the run's end, then the process's own exit in real time (not
    // stretched by the factor: exiting takes the same real time at any compression).
    const endedReal = clock.origin + (result.endedAt - clock.origin) * FACTOR
    const exitedAt = result.endedAt + Math.max(0, child.exitedAt - endedReal)
    const log = sandbox.requestLog.entries()
    const launches = sandbox.requestLog.launches().filter((l) => !l.replay)
    const lastTerminal = sandbox.state.lastTerminalAt() ?? exitedAt
    let launchShare: number | null = null
    if (launches.length > WRITE_LIMIT) {
      const t0 = launches[0].at
      const last = launches[launches.length - 1].at
      launchShare = (idealLastLaunch(t0, launches.length) - t0) / Math.max(1, last - t0)
    }
    return {
      requests: log.length,
      requestsPerExecution: log.length / flows,
      status429: log.filter((e) => e.status === 429).length,
      detectionMs: exitedAt - lastTerminal,
      launchShare,
      maxRssMb: result.maxRssKb / 1024,
      wallMs: child.exitedAt - started,
      status: result.status
    }
  } finally {
    await sandbox.close()
  }
}

interface ScenarioResult {
  flows: number
  repetitions: number
  requestsPerExecution: number
  status429: number
  detectionMedianS: number
  detectionP95S: number
  launchShare: number | null
  peakRssMb: number
  wallS: number
}

function summarise(flows: number, samples: RunSample[]): ScenarioResult {
  const shares = samples.map((s) => s.launchShare).filter((s): s is number => s !== null)
  return {
    flows,
    repetitions: samples.length,
    requestsPerExecution: medianOf(samples.map((s) => s.requestsPerExecution)),
    status429: Math.max(...samples.map((s) => s.status429)),
    detectionMedianS: medianOf(samples.map((s) => s.detectionMs)) / 1000,
    detectionP95S:
      quantile(
        samples.map((s) => s.detectionMs),
        0.95
      ) / 1000,
    launchShare: shares.length ? Math.min(...shares) : null,
    peakRssMb: Math.max(...samples.map((s) => s.maxRssMb)),
    wallS: medianOf(samples.map((s) => s.wallMs)) / 1000
  }
}

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
          ...process.env,
          ECHOPOINT_API_KEY: sandbox.apiKey,
          ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
          ECHOPOINT_API_URL: sandbox.url
        },
        true
      )
      const first = sandbox.requestLog.entries()[before]
      if (first) cli.push(first.at - started)
    }
  } finally {
    await sandbox.close()
  }
  const cliMs = medianOf(cli)
  const bareMs = medianOf(bare)
  return { cliMs, bareMs, ratio: cliMs / bareMs }
}

const fmt = (n: number | null, digits = 2): string => (n === null ? 'n/a' : n.toFixed(digits))

async function main(): Promise<void> {
  const scenarios: { ours: ScenarioResult; baseline: ScenarioResult }[] = []
  for (const [i, flows] of SCENARIOS.entries()) {
    const reps = REPS[i] ?? 1
    const samples: Record<'ours' | 'baseline', RunSample[]> = { ours: [], baseline: [] }
    for (let rep = 0; rep < reps; rep++) {
      for (const mode of ['ours', 'baseline'] as const) {
        const sample = await runOnce(mode, flows, rep)
        samples[mode].push(sample)
        process.stderr.write(
          `${mode} ${flows} flows #${rep + 1}: ${sample.requests} requests, ${sample.status429} × 429, detection ${(sample.detectionMs / 1000).toFixed(2)} s, ${(sample.wallMs / 1000).toFixed(1)} s wall\n`
        )
      }
    }
    scenarios.push({
      ours: summarise(flows, samples.ours),
      baseline: summarise(flows, samples.baseline)
    })
  }
  const cold = await coldStart(7)

  const header = [
    'flows',
    'client',
    'req/exec',
    '429s',
    'detect p50 s',
    'detect p95 s',
    'launch rate',
    'peak RSS MB',
    'wall s'
  ]
  const rows: string[][] = []
  for (const s of scenarios) {
    for (const [name, r] of [
      ['ours', s.ours],
      ['baseline', s.baseline]
    ] as const) {
      rows.push([
        String(r.flows),
        name,
        fmt(r.requestsPerExecution),
        String(r.status429),
        fmt(r.detectionMedianS),
        fmt(r.detectionP95S),
        r.launchShare === null ? 'n/a' : `${(r.launchShare * 100).toFixed(0)} %`,
        fmt(r.peakRssMb, 0),
        fmt(r.wallS, 1)
      ])
    }
    const b = s.baseline
    const o = s.ours
    rows.push([
      String(o.flows),
      'ratio b/o',
      fmt(b.requestsPerExecution / o.requestsPerExecution, 1) + '×',
      `${b.status429}/${o.status429}`,
      fmt(b.detectionMedianS / o.detectionMedianS, 1) + '×',
      fmt(b.detectionP95S / o.detectionP95S, 1) + '×',
      '',
      fmt(b.peakRssMb / o.peakRssMb, 1) + '×',
      fmt(b.wallS / o.wallS, 1) + '×'
    ])
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ')
  console.log(
    `Time factor ${FACTOR} (1 s of API time = ${FACTOR * 1000} ms real); limits read ${DEFAULT_LIMITS.read}, search ${DEFAULT_LIMITS.search}, write ${DEFAULT_LIMITS.write} per 60 s (${STYLE} headers); max-parallel ${MAX_PARALLEL}`
  )
  console.log(line(header))
  for (const r of rows) console.log(line(r))
  console.log(
    `Cold start: node dist/cli/index.js to its first request ${cold.cliMs} ms vs node -e 0 ${cold.bareMs} ms (${cold.ratio.toFixed(2)}×)`
  )

  const out = join(repo, 'bench/results/latest.json')
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        factor: FACTOR,
        limits: { ...DEFAULT_LIMITS, windowS: WINDOW_MS / 1000, style: STYLE },
        maxParallel: MAX_PARALLEL,
        scenarios,
        coldStart: cold
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
