/**
 * `npm run bench:engine` (also the last part of `npm run bench`): the flow
 * engine's own costs, each against a baseline measured in the same run.
 *
 * 1. Overhead: a loop of N sequential requests to a local service, run through
 *    `node dist/cli/index.js flow run` (process start included), against a bare
 *    Node script doing the same N `fetch` calls (its own process start
 *    included). Runs alternate A B A B…; the ratio is taken pair by pair and the
 *    median reported. Target ≤ 1.3×.
 * 2. Parallel roots: two roots of 500 ms each finish in about 500 ms.
 * 3. Validation of a 1,000-node flow (loadFlow): median of 20, target < 50 ms.
 * 4. Memory under the body cap: a 64 MiB response against the 10 MiB cap; the
 *    growth of the resident set while reading it.
 *
 * Environment: BENCH_ENGINE_REQUESTS (default 300), BENCH_ENGINE_REPS (default 7).
 * Output: a table on stdout and bench/results/engine.json.
 */
import { spawn } from 'node:child_process'
import http from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startDemoService } from '../src/demo-service/server.js'
import { loadFlow, runFlow } from '../src/engine/engine.js'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../../../..')
const CLI = join(repo, 'dist/cli/index.js')
const REQUESTS = Number(process.env.BENCH_ENGINE_REQUESTS ?? 300)
const REPS = Number(process.env.BENCH_ENGINE_REPS ?? 7)

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

function timed(args: string[]): Promise<{ ms: number; code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const start = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ ms: performance.now() - start, code, out }))
  })
}

function loopFlow(n: number, baseUrl: string): unknown {
  return {
    name: `${n} sequential requests`,
    initial_inputs: { baseUrl, items: Array.from({ length: n }, (_, i) => i) },
    nodes: [
      {
        id: 'each',
        type: 'loop',
        data: {
          items: '{{items}}',
          body: {
            nodes: [
              {
                id: 'get',
                type: 'request',
                data: { method: 'GET', url: '{{baseUrl}}/health' },
                assertions: [
                  {
                    extractor_type: 'status_code',
                    extractor_data: {},
                    operator_type: 'equals',
                    operator_data: { value: 200 }
                  }
                ]
              }
            ],
            edges: []
          }
        }
      }
    ],
    edges: []
  }
}

const BARE = `
const [url, n] = process.argv.slice(2)
let ok = 0
for (let i = 0; i < Number(n); i++) {
  const res = await fetch(url)
  await res.text()
  if (res.status === 200) ok++
}
if (ok !== Number(n)) process.exit(1)
`

async function overhead(
  dir: string,
  baseUrl: string
): Promise<{ engineMs: number; bareMs: number; ratio: number }> {
  const flowFile = join(dir, 'loop.json')
  writeFileSync(flowFile, JSON.stringify(loopFlow(REQUESTS, baseUrl)))
  const bareFile = join(dir, 'bare.mjs')
  writeFileSync(bareFile, BARE)
  const engine: number[] = []
  const bare: number[] = []
  const ratios: number[] = []
  // One warm-up pair (file cache), not counted.
  await timed([CLI, 'flow', 'run', flowFile])
  await timed([bareFile, `${baseUrl}/health`, String(REQUESTS)])
  for (let i = 0; i < REPS; i++) {
    const a = await timed([CLI, 'flow', 'run', flowFile])
    if (a.code !== 0) throw new Error(`flow run failed:\n${a.out}`)
    const b = await timed([bareFile, `${baseUrl}/health`, String(REQUESTS)])
    if (b.code !== 0) throw new Error(`the bare script failed:\n${b.out}`)
    engine.push(a.ms)
    bare.push(b.ms)
    ratios.push(a.ms / b.ms)
  }
  return { engineMs: median(engine), bareMs: median(bare), ratio: median(ratios) }
}

async function parallelRoots(baseUrl: string): Promise<number> {
  const { flow } = loadFlow({
    name: 'two roots',
    nodes: [
      { id: 'a', type: 'request', data: { url: `${baseUrl}/slow/500` } },
      { id: 'b', type: 'request', data: { url: `${baseUrl}/slow/500` } }
    ],
    edges: []
  })
  const samples: number[] = []
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    const result = await runFlow(flow)
    if (!result.success) throw new Error('the parallel-roots flow failed')
    samples.push(performance.now() - start)
  }
  return median(samples)
}

function bigFlow(n: number): unknown {
  const nodes = []
  const edges = []
  for (let i = 0; i < n; i++) {
    nodes.push({
      id: `n${i}`,
      type: 'request',
      data: {
        method: 'POST',
        url: i === 0 ? '{{baseUrl}}/widgets' : `{{baseUrl}}/widgets/{{n${i - 1}.id}}`,
        body: { name: `w${i}`, at: '{{$isoTimestamp}}' }
      },
      assertions: [
        {
          extractor_type: 'status_code',
          extractor_data: {},
          operator_type: 'equals',
          operator_data: { value: 200 }
        }
      ],
      outputs: [{ name: 'id', extractor: { type: 'json_path', path: '$.id' } }]
    })
    if (i > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}`, type: 'success' })
    if (i > 1 && i % 10 === 0) {
      edges.push({ id: `x${i}`, source: `n${i - 2}`, target: `n${i}`, type: 'success' })
    }
  }
  return { name: 'big', initial_inputs: { baseUrl: 'http://x' }, nodes, edges }
}

function validation(): number {
  const raw = bigFlow(1000)
  const samples: number[] = []
  for (let i = 0; i < 20; i++) {
    const start = performance.now()
    const { problems } = loadFlow(raw)
    samples.push(performance.now() - start)
    if (problems.length > 0) throw new Error(problems[0].message)
  }
  return median(samples)
}

async function memoryUnderCap(): Promise<{ growthMb: number; code: string }> {
  const chunk = Buffer.alloc(1024 * 1024, 97)
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    let sent = 0
    const pump = (): void => {
      while (sent < 64) {
        sent += 1
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
      res.end()
    }
    pump()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  const { flow } = loadFlow({
    name: 'big body',
    nodes: [{ id: 'big', type: 'request', data: { url: `http://127.0.0.1:${port}/` } }],
    edges: []
  })
  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const result = await runFlow(flow)
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  server.closeAllConnections()
  server.close()
  return {
    growthMb: Math.round(((peak - before) / 1024 / 1024) * 10) / 10,
    code: result.execution_results.big?.error_code ?? 'none'
  }
}

async function main(): Promise<void> {
  const service = await startDemoService()
  const dir = await mkdtemp(join(tmpdir(), 'echopoint-bench-engine-'))
  try {
    const over = await overhead(dir, service.url)
    const parallel = await parallelRoots(service.url)
    const validate = validation()
    const memory = await memoryUnderCap()
    const lines = [
      `Engine overhead: ${REQUESTS} sequential requests through "flow run" ${Math.round(over.engineMs)} ms vs a bare fetch script ${Math.round(over.bareMs)} ms: ${over.ratio.toFixed(2)}× (median of ${REPS} pairs; target ≤ 1.3×)`,
      `Parallel roots: two 500 ms requests in ${Math.round(parallel)} ms (median of 3; target ≈ 500 ms)`,
      `Validation of a 1,000-node flow: ${validate.toFixed(1)} ms (median of 20; target < 50 ms)`,
      `Memory: a 64 MiB body against the 10 MiB cap → ${memory.code}, resident set grew ${memory.growthMb} MiB`
    ]
    for (const line of lines) console.log(line)
    const out = join(here, '..', '..', '..', '..', 'bench', 'results', 'engine.json')
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(
      out,
      `${JSON.stringify({ requests: REQUESTS, reps: REPS, overhead: over, parallelMs: parallel, validateMs: validate, memory }, null, 2)}\n`
    )
  } finally {
    await service.close()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
