/**
 * `npm run bench:ephemeral`: what a run with `--runner ephemeral` costs, for
 * 1, 5 and 20 copies of the widgets CRUD example flow (6 requests each) run by
 * the bundled CLI against the sandbox and the demo service, max-parallel 4.
 *
 * Reports, per run: API calls by kind (launch, claim, heartbeat, event
 * batches, completion, other), per flow, and where the wall time went: before
 * the first claim (preflight, selection, launches), inside the flows (the
 * union of claim→completion spans), and after the last completion.
 *
 * Output: a table on stdout and bench/results/ephemeral.json.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixtureFlowOf, LOCAL_KEY, LOCAL_ORG, withLocalKey } from '../src/demo-service/fixtures.js'
import { startDemoService } from '../src/demo-service/server.js'
import { startSandbox, type SandboxFixtures } from '../src/sandbox/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../../../..')
const CLI = join(repo, 'dist/cli/index.js')

function fixtures(serviceUrl: string, count: number): SandboxFixtures {
  const definition = JSON.parse(
    readFileSync(join(repo, 'examples/flows/widgets-crud.json'), 'utf8')
  ) as Record<string, unknown>
  const flows = Array.from({ length: count }, (_, i) =>
    fixtureFlowOf(
      `b0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      ['bench'],
      { ...definition, name: `CRUD ${i + 1}` },
      {
        baseUrl: { value: serviceUrl },
        username: { value: 'bench' },
        password: { value: 'pw', secret: true }
      },
      LOCAL_ORG
    )
  )
  return withLocalKey(flows)
}

function runCli(
  args: string[],
  env: Record<string, string>
): Promise<{ code: number | null; ms: number }> {
  return new Promise((done, fail) => {
    const start = performance.now()
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'ignore']
    })
    child.on('error', fail)
    child.on('close', (code) => done({ code, ms: performance.now() - start }))
  })
}

function kindOf(method: string, path: string): string {
  if (path.endsWith('/launch')) return 'launch'
  if (path.endsWith('/claim')) return 'claim'
  if (path.endsWith('/heartbeat')) return 'heartbeat'
  if (path.endsWith('/events')) return 'events'
  if (path.endsWith('/complete')) return 'complete'
  if (path.endsWith('/webhook-requests')) return 'webhook'
  return `other (${method} ${path.split('/')[1] ?? ''})`
}

async function measure(count: number): Promise<Record<string, unknown>> {
  const service = await startDemoService()
  const sandbox = await startSandbox({ fixtures: fixtures(service.url, count) })
  try {
    const began = Date.now()
    const run = await runCli(
      ['run', '--runner', 'ephemeral', '--tag', 'bench', '--max-parallel', '4'],
      {
        ECHOPOINT_API_KEY: LOCAL_KEY,
        ECHOPOINT_ORGANIZATION_ID: LOCAL_ORG,
        ECHOPOINT_API_URL: sandbox.url,
        CI: 'true'
      }
    )
    if (run.code !== 0) throw new Error(`the run failed with exit code ${run.code}`)
    const entries = sandbox.requestLog.entries()
    const byKind: Record<string, number> = {}
    for (const e of entries)
      byKind[kindOf(e.method, e.path)] = (byKind[kindOf(e.method, e.path)] ?? 0) + 1
    // Claim → completion spans, merged: the time the job spent running flows.
    const spans: [number, number][] = []
    const claims = entries.filter((e) => e.path.endsWith('/claim'))
    for (const claim of claims) {
      const executionId = claim.path.split('/')[4]
      const job = sandbox.state.job(executionId)
      const end = job?.completion?.receivedAt
      if (end !== undefined) spans.push([claim.at, end])
    }
    spans.sort((a, b) => a[0] - b[0])
    let inFlows = 0
    let cursor = -Infinity
    for (const [from, to] of spans) {
      const start = Math.max(from, cursor)
      if (to > start) inFlows += to - start
      cursor = Math.max(cursor, to)
    }
    const firstClaim = Math.min(...claims.map((c) => c.at))
    const lastComplete = Math.max(...spans.map((s) => s[1]))
    return {
      flows: count,
      wallMs: Math.round(run.ms),
      requests: entries.length,
      perFlow: Number((entries.length / count).toFixed(2)),
      byKind,
      beforeFirstClaimMs: Math.round(firstClaim - began),
      inFlowsMs: Math.round(inFlows),
      afterLastCompletionMs: Math.round(began + run.ms - lastComplete)
    }
  } finally {
    await sandbox.close()
    await service.close()
  }
}

const results = []
for (const count of [1, 5, 20]) {
  const r = await measure(count)
  results.push(r)
  console.log(
    `${String(r.flows).padStart(3)} flows: ${r.requests} requests (${r.perFlow}/flow) ${JSON.stringify(r.byKind)}; wall ${r.wallMs} ms = ${r.beforeFirstClaimMs} ms before the first claim (process start, preflight, selection, launches) + ${r.inFlowsMs} ms claim→completion + ${r.afterLastCompletionMs} ms after the last completion`
  )
}
const out = join(repo, 'bench', 'results', 'ephemeral.json')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
