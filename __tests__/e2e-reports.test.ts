/**
 * End to end: what the bundled action (dist/index.js) reports on every outcome
 * (pass, fail, timeout, error, config error) against the real sandbox: the job
 * summary, the annotations (parsed from the workflow commands on stdout), the
 * JUnit report (checked against the JUnit schema and parsed with a real XML
 * parser) and the outputs. Cancellation has its own file (e2e-cancel.test.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import type { ResultsDocument } from '../src/core/run/results.js'
import { runAction, type DistRun } from '../__fixtures__/run-dist.js'
import { FLOWS, KEYS } from '../__fixtures__/sandbox-http.js'

let sandbox: Sandbox
let tmp: string

beforeAll(async () => {
  // Flows last 50–175 ms instead of 1–3.5 s.
  sandbox = await startSandbox({ timeScale: 0.05 })
  tmp = await mkdtemp(join(tmpdir(), 'echopoint-e2e-reports-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(tmp, { recursive: true, force: true })
})
beforeEach(() => sandbox.requestLog.clear())

const inputs = (extra: Record<string, string>, target: Sandbox = sandbox) => ({
  'api-key': target.apiKey,
  'organization-id': target.organizationId,
  'api-url': target.url,
  ...extra
})

interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title?: string
  message: string
}

/** The annotations a run made: `::error title=…::message` lines of its stdout, unescaped. */
function annotations(run: DistRun): Annotation[] {
  const unescape = (s: string) =>
    s
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%')
  const found: Annotation[] = []
  for (const line of run.stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line)
    if (!m) continue
    const title = /title=([^,]*)/.exec(m[2] ?? '')?.[1]
    found.push({
      level: m[1] as Annotation['level'],
      title: title === undefined ? undefined : unescape(title),
      message: unescape(m[3])
    })
  }
  return found
}

const results = (run: DistRun): ResultsDocument =>
  JSON.parse(run.outputs['results-json']) as ResultsDocument

async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'echopoint.xml', contents: xml }],
    schema: [await readFile(new URL('../__fixtures__/junit.xsd', import.meta.url), 'utf8')]
  })
  return result.errors.map((e) => e.rawMessage)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const parseJunit = (xml: string): Loose =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testcase', 'property'].includes(name)
  }).parse(xml)

/** Every output of docs/interface.md section 1, and the results document's exact keys (section 4). */
function expectOutputsShape(run: DistRun): void {
  expect(Object.keys(run.outputs).sort()).toEqual(
    [
      'execution-ids',
      'failed',
      'failed-flow-ids',
      'junit-path',
      'key-expires-at',
      'passed',
      'results-json',
      'status',
      'success',
      'timed-out',
      'total'
    ].sort()
  )
  const doc = results(run)
  expect(Object.keys(doc).sort()).toEqual(
    ['counts', 'duration_ms', 'flows', 'status', 'success', 'waits'].sort()
  )
  expect(doc.waits).toEqual({ count: 0, total_ms: 0 })
  expect(Object.keys(doc.counts).sort()).toEqual(
    ['cancelled', 'error', 'failed', 'passed', 'timed_out', 'total'].sort()
  )
  for (const flow of doc.flows) {
    expect(Object.keys(flow).sort()).toEqual(
      [
        'duration_ms',
        'error_code',
        'error_message',
        'execution_id',
        'flow_id',
        'flow_name',
        'nodes',
        'status',
        'url'
      ].sort()
    )
    for (const node of flow.nodes) {
      expect(Object.keys(node).sort()).toEqual(
        [
          'assertions',
          'display_name',
          'duration_ms',
          'error_message',
          'node_id',
          'node_type',
          'status'
        ].sort()
      )
      for (const a of node.assertions) {
        expect(
          Object.keys(a)
            .filter((k) => k !== 'error')
            .sort()
        ).toEqual(['actual', 'expected', 'extractor', 'index', 'operator', 'passed'].sort())
      }
    }
  }
  // The counts outputs agree with the document.
  expect(run.outputs).toMatchObject({
    status: doc.status,
    success: String(doc.success),
    total: String(doc.counts.total),
    passed: String(doc.counts.passed),
    failed: String(doc.counts.failed),
    'timed-out': String(doc.counts.timed_out)
  })
  expect(JSON.parse(run.outputs['failed-flow-ids'])).toEqual(
    doc.flows.filter((f) => f.status !== 'passed').map((f) => f.flow_id)
  )
  expect(JSON.parse(run.outputs['execution-ids'])).toEqual(
    doc.flows.map((f) => f.execution_id).filter((id) => id !== null)
  )
}

describe('the action reports every outcome', () => {
  it('pass: summary, no annotations, outputs, and a schema-valid JUnit report', async () => {
    const junitPath = join(tmp, 'pass', 'echopoint.xml')
    const run = await runAction(
      inputs({ 'flow-ids': `${FLOWS.login}, ${FLOWS.health}`, 'junit-path': junitPath })
    )
    expect(run.exitCode).toBe(0)
    expectOutputsShape(run)
    expect(run.outputs['junit-path']).toBe(junitPath)
    expect(run.summary).toContain('## ✅ Echopoint: all flows passed')
    expect(run.summary).toContain('**2** flows · 2 passed · 0 failed')
    expect(run.summary).toMatch(/\| ✅ passed \| Login and fetch profile \| \d+ms \|/)
    expect(annotations(run)).toEqual([])

    const xml = await readFile(junitPath, 'utf8')
    expect(await junitErrors(xml)).toEqual([])
    const suite = parseJunit(xml).testsuites.testsuite
    expect(suite).toMatchObject({ tests: '2', failures: '0', errors: '0' })
    expect(suite.testcase.map((c: Loose) => c.name)).toEqual([
      'Login and fetch profile',
      'API health check'
    ])
    const doc = results(run)
    const props = Object.fromEntries(suite.properties.property.map((p: Loose) => [p.name, p.value]))
    expect(props[`flow.${FLOWS.login}.execution_id`]).toBe(doc.flows[0].execution_id)
    expect(suite.testcase[0]['system-out']).toContain(`execution_id: ${doc.flows[0].execution_id}`)
  })

  it('fail: one error annotation per failed flow with its first failed assertion', async () => {
    const junitPath = join(tmp, 'fail', 'echopoint.xml')
    const run = await runAction(
      inputs({
        'flow-ids': [FLOWS.login, FLOWS.orderHistory, FLOWS.legacyBilling].join('\n'),
        'junit-path': junitPath
      })
    )
    expect(run.exitCode).toBe(1)
    expectOutputsShape(run)
    expect(JSON.parse(run.outputs['failed-flow-ids'])).toEqual([
      FLOWS.orderHistory,
      FLOWS.legacyBilling
    ])

    const found = annotations(run)
    // One per failed flow, made as each failure was seen (in the order they ended).
    const perFlow = found
      .filter((a) => a.title?.startsWith('Echopoint: '))
      .sort((a, b) => (b.title ?? '').localeCompare(a.title ?? ''))
    expect(perFlow).toEqual([
      {
        level: 'error',
        title: 'Echopoint: Order history',
        message: expect.stringContaining('status_code equals 200, got 500')
      },
      {
        level: 'error',
        title: 'Echopoint: Legacy billing sync',
        message: expect.stringContaining('connection refused')
      }
    ])
    // Besides those: only the step's verdict (setFailed), once.
    expect(found.filter((a) => !a.title)).toEqual([
      { level: 'error', message: '1/3 flows passed; 2 failed' }
    ])

    // The summary: headline with counts, a row per flow, each failure's details.
    expect(run.summary).toContain('## ❌ Echopoint: flows failed')
    expect(run.summary).toContain('**3** flows · 1 passed · 2 failed')
    expect(run.summary).toMatch(/^\| ❌ failed \| Order history \| [^|]+ \|$/m)
    // Each failure stated once, under Failures, with expected and actual.
    expect(run.summary.match(/status\\_code/g)).toHaveLength(1)
    expect(run.summary).toContain(
      '- Node **GET /orders/{id}** (request) failed\n  - Assertion 0: status\\_code equals: expected 200, actual 500'
    )
    expect(run.summary).toContain('### Failures')
    expect(run.summary).toContain('expected 200, actual 500')
    expect(run.summary).toContain('connection refused')

    const xml = await readFile(junitPath, 'utf8')
    expect(await junitErrors(xml)).toEqual([])
    const cases = parseJunit(xml).testsuites.testsuite.testcase
    expect(cases[1].failure.message).toContain('status_code equals 200, got 500')
    expect(cases[1].failure['#text']).toContain('expected 200, actual 500')
    expect(cases[2].failure['#text']).toContain('connection refused')
  })

  it('timeout: a warning per timed-out flow, no error per flow, and every report', async () => {
    // Real-time flows (1–3.5 s), so a 300 ms deadline passes while they run.
    const slow = await startSandbox()
    const junitPath = join(tmp, 'timeout', 'echopoint.xml')
    let run: DistRun
    try {
      run = await runAction(
        inputs({ tags: 'smoke', timeout: '300ms', 'junit-path': junitPath }, slow)
      )
    } finally {
      await slow.close()
    }
    expect(run.exitCode).toBe(1)
    expectOutputsShape(run)
    expect(run.outputs).toMatchObject({ status: 'timed_out', 'timed-out': '4' })

    const found = annotations(run)
    const names = results(run).flows.map((f) => f.flow_name)
    expect(found.filter((a) => a.level === 'warning')).toEqual(
      names.map((name) => ({
        level: 'warning',
        title: `Echopoint: ${name}`,
        message: expect.stringMatching(/when the step's timeout passed/)
      }))
    )
    const errors = found.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].title).toBeUndefined()
    expect(errors[0].message).toContain('4 timed out')

    expect(run.summary).toContain('## ⏱️ Echopoint: timed out')
    expect(run.summary).toContain('4 timed out')
    expect(run.summary).toContain('did not finish within its timeout of 300ms')
    const xml = await readFile(junitPath, 'utf8')
    expect(await junitErrors(xml)).toEqual([])
    const suite = parseJunit(xml).testsuites.testsuite
    expect(suite).toMatchObject({ tests: '4', errors: '4' })
    expect(suite.testcase.every((c: Loose) => c.error.type === 'Timeout')).toBe(true)
  })

  it('error: a config error still writes the summary, JUnit and outputs, with nothing sent', async () => {
    const junitPath = join(tmp, 'config', 'echopoint.xml')
    const run = await runAction(
      inputs({ tags: 'smoke', 'flow-ids': FLOWS.login, 'junit-path': junitPath })
    )
    expect(run.exitCode).toBe(1)
    expect(sandbox.requestLog.entries()).toEqual([])
    expectOutputsShape(run)
    expect(run.outputs).toMatchObject({ status: 'error', total: '0', 'junit-path': junitPath })
    expect(run.summary).toContain('## ⚠️ Echopoint: the run could not complete')
    expect(run.summary).toContain('Invalid flow-ids/tags: both are set')
    const xml = await readFile(junitPath, 'utf8')
    expect(await junitErrors(xml)).toEqual([])
    const testcase = parseJunit(xml).testsuites.testsuite.testcase[0]
    expect(testcase.error.type).toBe('config')
    expect(testcase.error.message).toContain('Invalid flow-ids/tags')
  })

  it('error: a key problem says so in the summary; job-summary: false writes none', async () => {
    const run = await runAction(inputs({ 'api-key': KEYS.readOnly, tags: 'smoke' }))
    expect(run.exitCode).toBe(1)
    expectOutputsShape(run)
    expect(run.outputs.status).toBe('error')
    expect(run.summary).toContain('the run could not complete')
    expect(run.summary).toContain('flows:execute')

    const quiet = await runAction(inputs({ tags: 'smoke', 'job-summary': 'false' }))
    expect(quiet.exitCode).toBe(0)
    expect(quiet.summary).toBe('')
    // Even when another input is invalid, job-summary: false is honoured.
    const invalid = await runAction(
      inputs({ tags: 'smoke', 'max-parallel': '0', 'job-summary': 'false' })
    )
    expect(invalid.outputs.status).toBe('error')
    expect(invalid.summary).toBe('')
  })

  it('warns in the summary and an annotation when the key expires soon', async () => {
    const run = await runAction(inputs({ 'api-key': KEYS.expiringSoon, 'flow-ids': FLOWS.health }))
    expect(run.exitCode).toBe(0)
    expect(run.summary).toMatch(
      /The API key expires on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC \(in \d days?\)/
    )
    expect(annotations(run)).toEqual([
      expect.objectContaining({ level: 'warning', title: 'Echopoint: API key expires soon' })
    ])
    expect(run.outputs['key-expires-at']).toMatch(/^\d{4}-/)
  })
})
