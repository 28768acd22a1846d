/**
 * End to end: the workflow is cancelled while flows run. The bundled action
 * (dist/index.js) and CLI (dist/cli/index.js) get a real SIGINT or SIGTERM
 * once the sandbox has seen every launch; they must cancel what they launched
 * (docs/api-contract.md B.3), write the summary, JUnit and outputs with those flows
 * `cancelled`, and exit inside the 7.5 s GitHub allows between SIGINT and SIGTERM.
 *
 * The sandbox runs flows in real time here: the signal arrives while they run.
 * No test waits for them: each ends as soon as the process exits.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'
import {
  defaultFixtures,
  startSandbox,
  type Sandbox,
  type SandboxFixtures
} from '../src/sandbox/index.js'
import type { ResultsDocument } from '../src/core/run/results.js'
import { runAction, runCli, type DistRun } from '../__fixtures__/run-dist.js'
import { FLOWS } from '../__fixtures__/sandbox-http.js'

/** GitHub sends SIGINT, then SIGTERM 7.5 s later, then kills the process. */
const GITHUB_GRACE_MS = 7500
/** The flows tagged `regression`. */
const REGRESSION = [FLOWS.login, FLOWS.checkout, FLOWS.graphql, FLOWS.orderHistory]

/**
 * The default fixture with every flow 30 s long, in real time: still running when
 * the signal comes however loaded the machine is. No test waits for them.
 */
function longFlows(): SandboxFixtures {
  const fixtures = structuredClone(defaultFixtures())
  for (const flow of fixtures.flows) flow.simulation = { ...flow.simulation, duration_ms: 30_000 }
  return fixtures
}

let sandbox: Sandbox
let tmp: string

beforeAll(async () => {
  sandbox = await startSandbox({ fixtures: longFlows() })
  tmp = await mkdtemp(join(tmpdir(), 'echopoint-e2e-cancel-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(tmp, { recursive: true, force: true })
})
beforeEach(() => sandbox.requestLog.clear())

interface Timing {
  signalAt?: number
  exitAt?: number
}

/** Sends `signal` to the child once `target` has answered `launches` launches. */
function interruptAfterLaunches(
  target: Sandbox,
  launches: number,
  signal: NodeJS.Signals,
  timing: Timing
): (child: ChildProcess) => void {
  return (child) => {
    const poll = setInterval(() => {
      if (target.requestLog.launches().length < launches) return
      clearInterval(poll)
      timing.signalAt = Date.now()
      child.kill(signal)
    }, 5)
    child.on('exit', () => {
      clearInterval(poll)
      timing.exitAt = Date.now()
    })
  }
}

/** Milliseconds from the signal to the process's exit. */
function exitDelay(timing: Timing): number {
  expect(timing.signalAt).toBeDefined()
  return (timing.exitAt ?? Infinity) - (timing.signalAt ?? 0)
}

/** The executions the run launched, as the sandbox sees them now. */
function launchedExecutions(target: Sandbox) {
  const ids = new Set(target.requestLog.launches().map((l) => l.executionId))
  return target.state.listExecutions().filter((e) => ids.has(e.id))
}

const cancelRequests = (target: Sandbox) =>
  target.requestLog.filter((e) => e.method === 'POST' && e.path.endsWith('/cancel'))

async function junitOf(path: string) {
  const xml = await readFile(path, 'utf8')
  const validation = await validateXML({
    xml: [{ fileName: 'echopoint.xml', contents: xml }],
    schema: [await readFile(new URL('../__fixtures__/junit.xsd', import.meta.url), 'utf8')]
  })
  expect(validation.errors).toEqual([])
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testcase'
  }).parse(xml).testsuites.testsuite as {
    tests: string
    skipped: string
    testcase: { name: string; skipped?: { message: string } }[]
  }
}

const inputs = (target: Sandbox, extra: Record<string, string>) => ({
  'api-key': target.apiKey,
  'organization-id': target.organizationId,
  'api-url': target.url,
  ...extra
})

const cliEnv = (target: Sandbox) => ({
  ECHOPOINT_API_KEY: target.apiKey,
  ECHOPOINT_ORGANIZATION_ID: target.organizationId,
  ECHOPOINT_API_URL: target.url,
  CI: 'true'
})

describe('the action, cancelled', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}: cancels every launched execution, reports cancelled, exits in time`, async () => {
      const timing: Timing = {}
      const junitPath = join(tmp, `action-${signal}.xml`)
      const run = await runAction(
        inputs(sandbox, { tags: 'regression', 'junit-path': junitPath }),
        {
          onSpawn: interruptAfterLaunches(sandbox, 4, signal, timing)
        }
      )
      expect(exitDelay(timing)).toBeLessThan(GITHUB_GRACE_MS)
      expect(run.signal).toBeNull() // it exited by itself, reports written
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(`Received ${signal}: stopping`)

      // Every launched execution was cancelled on the server, once each.
      const executions = launchedExecutions(sandbox)
      expect(executions).toHaveLength(4)
      expect(executions.map((e) => e.status)).toEqual(Array(4).fill('cancelled'))
      expect(cancelRequests(sandbox).map((e) => e.status)).toEqual(Array(4).fill(202))

      // Outputs: the run and each flow `cancelled`.
      expect(run.outputs.status).toBe('cancelled')
      expect(run.outputs.success).toBe('false')
      const doc = JSON.parse(run.outputs['results-json']) as ResultsDocument
      expect(doc.counts).toMatchObject({ total: 4, cancelled: 4 })
      expect(doc.flows.map((f) => f.flow_id).sort()).toEqual([...REGRESSION].sort())
      expect(doc.flows.every((f) => f.status === 'cancelled' && f.execution_id)).toBe(true)
      expect(JSON.parse(run.outputs['failed-flow-ids']).sort()).toEqual([...REGRESSION].sort())

      // Summary and JUnit written.
      expect(run.summary).toContain('## 🚫 Echopoint: cancelled')
      expect(run.summary).toContain('4 cancelled')
      expect(run.summary.match(/\| 🚫 cancelled \|/g)).toHaveLength(4)
      expect(run.outputs['junit-path']).toBe(junitPath)
      const suite = await junitOf(junitPath)
      expect(suite).toMatchObject({ tests: '4', skipped: '4' })
      expect(suite.testcase.every((c) => c.skipped !== undefined)).toBe(true)
    })
  }

  it('with cancel-on-abort: false, leaves the executions running and says so', async () => {
    const timing: Timing = {}
    const run = await runAction(
      inputs(sandbox, { tags: 'regression', 'cancel-on-abort': 'false' }),
      {
        onSpawn: interruptAfterLaunches(sandbox, 4, 'SIGINT', timing)
      }
    )
    expect(exitDelay(timing)).toBeLessThan(GITHUB_GRACE_MS)
    expect(run.outputs.status).toBe('cancelled')
    expect(cancelRequests(sandbox)).toEqual([])
    const executions = launchedExecutions(sandbox)
    expect(executions).toHaveLength(4)
    for (const e of executions) expect(['pending', 'running']).toContain(e.status)
    const doc = JSON.parse(run.outputs['results-json']) as ResultsDocument
    expect(doc.flows.map((f) => f.error_message)).toEqual(
      Array(4).fill('Left running in Echopoint (cancel-on-abort is false)')
    )
    expect(run.summary).toContain('cancel-on-abort is false')
  })

  it('against a server without the cancel endpoint, warns once and still exits in time', async () => {
    const bare = await startSandbox({ fixtures: longFlows(), extensions: { cancel: false } })
    const timing: Timing = {}
    let run: DistRun
    try {
      run = await runAction(inputs(bare, { tags: 'regression' }), {
        onSpawn: interruptAfterLaunches(bare, 4, 'SIGINT', timing)
      })
    } finally {
      await bare.close()
    }
    expect(exitDelay(timing)).toBeLessThan(GITHUB_GRACE_MS)
    expect(run.outputs.status).toBe('cancelled')
    // One 404, then no more attempts (docs/api-contract.md B.3: "warn once, do not retry").
    expect(cancelRequests(bare).map((e) => e.status)).toEqual([404])
    const warnings = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning') && l.includes('does not support cancelling'))
    expect(warnings).toHaveLength(1)
    const doc = JSON.parse(run.outputs['results-json']) as ResultsDocument
    expect(doc.flows.every((f) => f.status === 'cancelled')).toBe(true)
    expect(doc.flows[0].error_message).toContain('could not be cancelled')
  })
})

describe('the CLI, interrupted', () => {
  it('with --no-cancel-on-abort, leaves the executions running and says so in its own words', async () => {
    const timing: Timing = {}
    const run = await runCli(['run', '--tag', 'regression', '--no-cancel-on-abort'], {
      env: cliEnv(sandbox),
      onSpawn: interruptAfterLaunches(sandbox, 4, 'SIGINT', timing)
    })
    expect(exitDelay(timing)).toBeLessThan(GITHUB_GRACE_MS)
    expect(run.exitCode).toBe(2)
    expect(cancelRequests(sandbox)).toEqual([])
    expect(run.stderr).toContain(
      'Interrupted: stopping (executions keep running: --no-cancel-on-abort)'
    )
    expect(run.stderr).toContain('Leaving them running in Echopoint: --no-cancel-on-abort')
    expect(run.stdout).toContain('Left running in Echopoint (--no-cancel-on-abort)')
    expect(run.stdout + run.stderr).not.toContain('cancel-on-abort is false')
  })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}: cancels what it launched, writes JUnit, exits 2`, async () => {
      const timing: Timing = {}
      const junitPath = join(tmp, `cli-${signal}.xml`)
      const run = await runCli(['run', '--tag', 'regression', '--junit', junitPath], {
        env: cliEnv(sandbox),
        onSpawn: interruptAfterLaunches(sandbox, 4, signal, timing)
      })
      expect(exitDelay(timing)).toBeLessThan(GITHUB_GRACE_MS)
      expect(run.exitCode).toBe(2)
      expect(run.stderr).toContain('Interrupted: stopping, and cancelling')
      expect(run.stdout).toMatch(/CANCELLED/)
      expect(run.stdout).toContain('the run was cancelled')
      const executions = launchedExecutions(sandbox)
      expect(executions.map((e) => e.status)).toEqual(Array(4).fill('cancelled'))
      const suite = await junitOf(junitPath)
      expect(suite).toMatchObject({ tests: '4', skipped: '4' })
    })
  }
})
