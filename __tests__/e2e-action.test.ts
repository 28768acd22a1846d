/**
 * End to end: the bundled action (dist/index.js) run as the GitHub runner runs
 * it, against the real sandbox over loopback.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import type { ResultsDocument } from '../src/core/run/results.js'
// Every run also goes through the leak scan of run-dist.ts (key nowhere but ::add-mask::).
import { runAction, type DistRun } from '../__fixtures__/run-dist.js'

const FLOW = {
  login: '12274271-06b2-43b7-b64a-de134439c37f',
  checkout: '38397a93-100d-4a5c-a538-1e000c3127da',
  health: '127725f7-5a17-4b95-9526-f64b9cd7313e',
  refund: '658f25a8-7926-4ff7-b5ea-344d42c9a316',
  orders: 'd405cce9-ee22-4b7c-a731-77924b7f964e',
  otherOrg: 'd37f7f6f-eab2-48c9-8898-f4b15a61a3d3'
}

let sandbox: Sandbox
let tmp: string

beforeAll(async () => {
  // Flows last 50–175 ms instead of 1–3.5 s: the action polls for real.
  sandbox = await startSandbox({ timeScale: 0.05 })
  tmp = await mkdtemp(join(tmpdir(), 'echopoint-e2e-action-'))
})

afterAll(async () => {
  await sandbox.close()
  await rm(tmp, { recursive: true, force: true })
})

beforeEach(() => sandbox.requestLog.clear())

function inputs(extra: Record<string, string>): Record<string, string> {
  return {
    'api-key': sandbox.apiKey,
    'organization-id': sandbox.organizationId,
    'api-url': sandbox.url,
    ...extra
  }
}

function results(run: DistRun): ResultsDocument {
  return JSON.parse(run.outputs['results-json']) as ResultsDocument
}

describe('the action, end to end', () => {
  it('passes by flow IDs and sets every output', async () => {
    const run = await runAction(inputs({ 'flow-ids': `${FLOW.login}\n${FLOW.health}` }))
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'passed',
      success: 'true',
      total: '2',
      passed: '2',
      failed: '0',
      'timed-out': '0',
      'failed-flow-ids': '[]',
      'junit-path': ''
    })
    expect(JSON.parse(run.outputs['execution-ids'])).toHaveLength(2)
    expect(run.outputs['key-expires-at']).toMatch(/^\d{4}-\d\d-\d\dT/)
    const doc = results(run)
    expect(doc.flows.map((f) => f.flow_id)).toEqual([FLOW.login, FLOW.health])
    expect(run.summary).toContain('all flows passed')
    expect(run.stdout.split('\n')).toContain(`::add-mask::${sandbox.apiKey}`)
    // Launched exactly once each, with a derived idempotency key and git trigger metadata.
    const launches = sandbox.requestLog.launches()
    expect(launches).toHaveLength(2)
    expect(new Set(launches.map((l) => l.idempotencyKey)).size).toBe(2)
  })

  it('passes by tag with match-mode any', async () => {
    const run = await runAction(inputs({ tags: 'smoke' }))
    expect(run.exitCode).toBe(0)
    const doc = results(run)
    expect(doc.counts.total).toBe(4)
    expect(doc.flows.map((f) => f.flow_id)).not.toContain(FLOW.otherOrg)
  })

  it('selects by tag with match-mode all', async () => {
    const run = await runAction(inputs({ tags: 'smoke, payments', 'match-mode': 'all' }))
    expect(run.exitCode).toBe(0)
    expect(results(run).flows.map((f) => f.flow_id)).toEqual([FLOW.refund])
  })

  it('fails with the failed node and assertion in every report', async () => {
    const junitPath = join(tmp, 'reports', 'echopoint.xml')
    const run = await runAction(inputs({ tags: 'regression', 'junit-path': junitPath }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs.success).toBe('false')
    expect(JSON.parse(run.outputs['failed-flow-ids'])).toEqual([FLOW.orders])
    const failed = results(run).flows.find((f) => f.flow_id === FLOW.orders)!
    expect(failed.status).toBe('failed')
    const node = failed.nodes.find((n) => n.status === 'failed')!
    expect(node.assertions[0]).toMatchObject({
      extractor: 'status_code',
      operator: 'equals',
      expected: 200,
      actual: 500,
      passed: false
    })
    // Annotation, job summary and JUnit all say which assertion failed.
    expect(run.stdout).toMatch(
      /::error title=Echopoint%3A Order history::.*status_code equals 200, got 500/
    )
    expect(run.summary).toContain('expected 200, actual 500')
    expect(run.outputs['junit-path']).toBe(junitPath)
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await readFile(junitPath, 'utf8')
    )
    const cases = xml.testsuites.testsuite.testcase as {
      name: string
      failure?: { message: string }
    }[]
    expect(cases.find((c) => c.name === 'Order history')?.failure?.message).toContain('status_code')
  })

  it('fails before launching anything when the key lacks a scope', async () => {
    const run = await runAction(inputs({ 'api-key': 'epk_live_sandbox_read_only', tags: 'smoke' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toContain('lacks a scope')
    expect(run.stdout).toContain('flows:execute')
    expect(run.stdout).toContain('ci preset')
    expect(sandbox.requestLog.launches()).toHaveLength(0)
    expect(run.summary).toContain('could not complete')
  })

  it('says the key is invalid, revoked or expired on a 401', async () => {
    for (const key of ['epk_live_sandbox_expired', 'epk_live_sandbox_revoked', 'epk_live_wrong']) {
      const run = await runAction(inputs({ 'api-key': key, tags: 'smoke' }))
      expect(run.exitCode).toBe(1)
      expect(run.outputs.status).toBe('error')
      expect(run.stdout).toContain('invalid, revoked or expired')
    }
    expect(sandbox.requestLog.launches()).toHaveLength(0)
  })

  it('rejects an organization-id the key does not belong to', async () => {
    const run = await runAction(inputs({ 'organization-id': 'org_other', tags: 'smoke' }))
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      'belongs to organization org_demo, but organization-id is org_other'
    )
    // The action's words: its input, never the CLI's flag or variable.
    expect(run.stdout).toContain('Set organization-id to the organization the key was created in')
    expect(run.stdout).not.toMatch(/--organization-id|ECHOPOINT_ORGANIZATION_ID/)
    expect(sandbox.requestLog.launches()).toHaveLength(0)
  })

  it('names an unknown flow ID and launches nothing', async () => {
    const run = await runAction(inputs({ 'flow-ids': `${FLOW.login}, ${FLOW.otherOrg}` }))
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`Flow ${FLOW.otherOrg} was not found`)
    expect(run.stdout).toContain('Check the ID in flow-ids;')
    expect(sandbox.requestLog.launches()).toHaveLength(0)
  })

  it('fails an empty selection, or passes it with fail-on-empty: false', async () => {
    const run = await runAction(inputs({ tags: 'no-such-tag' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toContain('matched no flows')
    // The action's words: its inputs and their YAML, not the CLI's --allow-empty.
    expect(run.stdout).toContain(
      'Check the tags (they match exactly) and match-mode, or set fail-on-empty: false to allow an empty run.'
    )
    expect(run.stdout + run.summary).not.toContain('--')
    const allowed = await runAction(inputs({ tags: 'no-such-tag', 'fail-on-empty': 'false' }))
    expect(allowed.exitCode).toBe(0)
    expect(allowed.stdout).toContain(
      'The selection matched no flows; passing because fail-on-empty is false'
    )
    expect(allowed.outputs).toMatchObject({ status: 'passed', total: '0' })
  })

  it('ends with timed_out at the deadline, lists what was running, and cancels it', async () => {
    // Real-time flows here (3.5 s), so the 300 ms deadline passes while it runs.
    const slow = await startSandbox()
    let run: DistRun
    try {
      run = await runAction({
        ...inputs({ 'flow-ids': FLOW.checkout, timeout: '300ms' }),
        'api-url': slow.url
      })
    } finally {
      await slow.close()
    }
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('timed_out')
    expect(run.outputs['timed-out']).toBe('1')
    expect(run.stdout).toContain('still running')
    expect(run.stdout).toContain('Checkout happy path')
    const doc = results(run)
    expect(doc.flows[0].status).toBe('timed_out')
    const cancels = slow.requestLog.filter((e) => e.method === 'POST' && e.path.endsWith('/cancel'))
    expect(cancels.map((e) => e.status)).toEqual([202])
    expect(slow.state.listExecutions()[0]?.status).toBe('cancelled')
  })

  it('rejects bad input without sending a request', async () => {
    const run = await runAction(inputs({ tags: 'smoke', 'flow-ids': FLOW.login }))
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('Invalid flow-ids/tags: both are set')
    expect(run.outputs.status).toBe('error')
    expect(sandbox.requestLog.entries()).toHaveLength(0)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/) // no stack trace
  })
})
