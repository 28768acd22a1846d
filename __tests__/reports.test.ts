import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'
import { renderSummary } from '../src/core/report/summary.js'
import { renderTable } from '../src/core/report/table.js'
import { SUMMARY_MAX_BYTES } from '../src/core/report/fit.js'
import { renderJunit } from '../src/core/report/junit.js'
import { escapeMarkdown, safeUrl } from '../src/core/report/escape.js'
import { buildResults, EXIT_CODES, runStatusOf, type FlowReport } from '../src/core/run/results.js'
import { outcomeOfError, verdictMessage, type RunOutcome } from '../src/core/run/run.js'
import { EchopointError } from '../src/core/errors.js'
import { shardOf } from '../src/core/run/selection.js'

const passed: FlowReport = {
  flow_id: 'f-pass',
  flow_name: 'Login and fetch profile',
  execution_id: 'e-1',
  status: 'passed',
  duration_ms: 812,
  error_code: null,
  error_message: null,
  url: null,
  nodes: []
}

const failed: FlowReport = {
  flow_id: 'f-fail',
  flow_name: 'Orders <script>alert(1)</script> | pipe & **bold**',
  execution_id: 'e-2',
  status: 'failed',
  duration_ms: 1500,
  error_code: null,
  error_message: null,
  url: null,
  nodes: [
    {
      node_id: 'n1',
      display_name: 'GET /orders/{id}',
      node_type: 'request',
      status: 'failed',
      duration_ms: 40,
      error_message: 'assertion failed',
      assertions: [
        {
          index: 0,
          extractor: 'status_code',
          operator: 'equals',
          expected: 200,
          actual: 500,
          passed: false
        }
      ]
    }
  ]
}

function outcomeOf(flows: FlowReport[]): RunOutcome {
  return {
    results: buildResults(flows, 2300),
    executionIds: flows.map((f) => f.execution_id ?? ''),
    stats: { requests: 10, retries: 0, waits: 2, waitedMs: 45_000 }
  }
}

describe('verdict', () => {
  it('is strict: passed only when every flow passed', () => {
    expect(buildResults([passed], 1).success).toBe(true)
    const doc = buildResults([passed, failed], 1)
    expect(doc.status).toBe('failed')
    expect(doc.success).toBe(false)
    expect(doc.counts).toEqual({
      total: 2,
      passed: 1,
      failed: 1,
      timed_out: 0,
      cancelled: 0,
      error: 0
    })
  })

  it('takes the status with the highest exit code', () => {
    const t = { ...passed, status: 'timed_out' as const }
    const e = { ...passed, status: 'error' as const }
    expect(runStatusOf([failed, t, e])).toBe('timed_out')
    expect(runStatusOf([failed, e])).toBe('error')
    expect(runStatusOf([passed], 'cancelled')).toBe('cancelled')
    expect(EXIT_CODES).toEqual({ passed: 0, failed: 1, cancelled: 2, error: 3, timed_out: 4 })
  })

  it('an error before any flow is an error run with no flows', () => {
    const outcome = outcomeOfError(
      new EchopointError('auth', 'bad key', { hint: 'Make a new one.' })
    )
    expect(outcome.results.status).toBe('error')
    expect(outcome.results.success).toBe(false)
    expect(verdictMessage(outcome)).toBe('bad key. Make a new one.')
  })
})

describe('job summary', () => {
  it('has a headline with counts, a row per flow and the failed assertion', () => {
    const text = renderSummary(outcomeOf([passed, failed]), { now: Date.now() })
    expect(text).toContain('Echopoint: flows failed')
    expect(text).toContain('**2** flows · 1 passed · 1 failed')
    expect(text).toContain('Login and fetch profile')
    expect(text).toContain(
      '- Node **GET /orders/{id}** (request) failed\n  - Assertion 0: status\\_code equals: expected 200, actual 500'
    )
    expect(text).toContain('waited 2 times, 45s in total')
  })

  it('states each failed assertion once: not in the table, not again in the node line', () => {
    // The API's node message restates its assertion; the summary says it once, with expected and actual.
    const restating: FlowReport = {
      ...failed,
      flow_name: 'Order history',
      nodes: [
        {
          ...failed.nodes[0],
          error_message: 'Assertion 0 failed: status_code equals 200, got 500',
          assertions: [
            failed.nodes[0].assertions[0],
            { ...failed.nodes[0].assertions[0], index: 1, extractor: 'body', passed: true }
          ]
        },
        {
          node_id: 'n2',
          display_name: 'GET /orders',
          node_type: 'request',
          status: 'failed',
          duration_ms: 12,
          error_message: 'connection refused',
          assertions: []
        }
      ]
    }
    const text = renderSummary(outcomeOf([passed, restating]), { now: Date.now() })
    expect(text.match(/status\\_code/g)).toHaveLength(1)
    expect(text.match(/200/g)).toHaveLength(1)
    expect(text).toContain('  - Assertion 0: status\\_code equals: expected 200, actual 500')
    expect(text).toContain('- Node **GET /orders/{id}** (request) failed\n')
    // A node message that says something the assertions do not is kept, once.
    expect(text.match(/connection refused/g)).toHaveLength(1)
    expect(text).toContain('- Node **GET /orders** (request) failed: connection refused')
    // The engine's wording of the same restatement is dropped too.
    const engine = renderSummary(
      outcomeOf([
        {
          ...failed,
          nodes: [
            {
              ...failed.nodes[0],
              error_message: 'assertion 0 failed: status_code equals expected=200 actual=500'
            }
          ]
        }
      ]),
      { now: Date.now() }
    )
    expect(engine.match(/status\\_code/g)).toHaveLength(1)
  })

  it('keeps a node message that says more than its assertions, and an assertion error', () => {
    const withMore: FlowReport = {
      ...failed,
      flow_name: 'Order history',
      nodes: [
        {
          ...failed.nodes[0],
          error_message: 'Assertion failed after 3 retries: connection reset by peer'
        },
        {
          ...failed.nodes[0],
          node_id: 'n2',
          display_name: 'GET /orders/{id}/items',
          error_message: 'Assertion 0 failed: extractor json_path failed: body is not JSON',
          assertions: [
            {
              index: 0,
              extractor: 'json_path',
              operator: 'equals',
              expected: 'ok',
              actual: null,
              passed: false,
              error: 'extractor "json_path" failed: body is not JSON (text/html)'
            }
          ]
        }
      ]
    }
    const text = renderSummary(outcomeOf([withMore]), { now: Date.now() })
    expect(text).toContain(
      '- Node **GET /orders/{id}** (request) failed: Assertion failed after 3 retries: connection reset by peer\n  - Assertion 0: status\\_code equals: expected 200, actual 500'
    )
    expect(text).toContain(
      '- Node **GET /orders/{id}/items** (request) failed: Assertion 0 failed: extractor json\\_path failed: body is not JSON\n  - Assertion 0: json\\_path equals: expected "ok", actual null (extractor "json\\_path" failed: body is not JSON (text/html))'
    )
  })

  it('escapes untrusted names so they cannot inject markup or break the table', () => {
    const text = renderSummary(outcomeOf([failed]), { now: Date.now() })
    expect(text).not.toContain('<script>')
    expect(text).toContain('&lt;script&gt;')
    const row = text.split('\n').find((l) => l.includes('alert'))!
    // 3 columns (status, flow, duration): 4 unescaped pipes, the one in the name is escaped.
    expect(row.replace(/\\\|/g, '').split('|').length).toBe(5)
    expect(escapeMarkdown('a\nb')).toBe('a b')
  })

  it('warns about a key that expires soon', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    const outcome = {
      ...outcomeOf([passed]),
      key: {
        key: { api_key_id: 'k', organization_id: 'o', permissions: [] },
        expiresAt: '2026-01-06T00:00:00Z'
      }
    }
    // A date people read, not the raw timestamp.
    const text = renderSummary(outcome, { now })
    expect(text).toContain('The API key expires on 6 Jan 2026, 00:00 UTC (in 5 days)')
    expect(text).not.toContain('2026-01-06T00:00:00Z')
  })
})

describe('JUnit', () => {
  it('is well-formed, one test case per flow, failures with the assertion', () => {
    const xml = renderJunit(
      buildResults([passed, failed, { ...passed, flow_id: 'f3', status: 'timed_out' }], 3000)
    )
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml)
    const suite = doc.testsuites.testsuite
    expect(suite.tests).toBe('3')
    expect(suite.failures).toBe('1')
    expect(suite.errors).toBe('1')
    expect(suite.testcase).toHaveLength(3)
    expect(suite.testcase[0].time).toBe('0.812')
    expect(suite.testcase[1].name).toBe(failed.flow_name) // escaped in XML, intact once parsed
    expect(suite.testcase[1].failure.message).toContain('status_code equals 200, got 500')
    expect(suite.testcase[1].failure['#text']).toContain('expected 200, actual 500')
    expect(suite.testcase[2].error.type).toBe('Timeout')
  })
})

describe('shards', () => {
  it('split a selection so every flow lands in exactly one shard', () => {
    const flows = Array.from({ length: 10 }, (_, i) => ({
      id: `flow-${String(i).padStart(2, '0')}`,
      name: `F${i}`
    }))
    const shuffled = [...flows].reverse()
    const parts = [1, 2, 3].map((index) => shardOf(shuffled, { index, total: 3 }))
    expect(parts.map((p) => p.length)).toEqual([4, 3, 3])
    expect(
      parts
        .flat()
        .map((f) => f.id)
        .sort()
    ).toEqual(flows.map((f) => f.id))
    // Same split whatever order the API returned.
    expect(
      shardOf(flows, { index: 2, total: 3 })
        .map((f) => f.id)
        .sort()
    ).toEqual(parts[1].map((f) => f.id).sort())
  })
})

/** Validates against our copy of the JUnit schema the common consumers read. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [readFileSync(new URL('../__fixtures__/junit.xsd', import.meta.url), 'utf8')]
  })
  return result.errors.map((e) => e.message)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const parseXml = (xml: string): Record<string, Loose> =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testcase', 'property'].includes(name)
  }).parse(xml)

const flowOf = (status: FlowReport['status'], extra: Partial<FlowReport> = {}): FlowReport => ({
  ...passed,
  flow_id: `f-${status}`,
  flow_name: `Flow ${status.replace('_', ' ')}`,
  execution_id: `e-${status}`,
  status,
  ...extra
})

describe('JUnit against the schema GitLab and the test-report actions read', () => {
  it('the schema rejects what consumers reject (it is not a rubber stamp)', async () => {
    const good = renderJunit(buildResults([passed], 1))
    expect(await schemaErrors(good)).toEqual([])
    // Per-testcase <properties> (where the IDs used to be) are not in the common schema.
    const withCaseProperties = good.replace(
      /(<testcase [^>]*>)/,
      '$1<properties><property name="flow_id" value="x"/></properties>'
    )
    expect(withCaseProperties).not.toBe(good)
    expect((await schemaErrors(withCaseProperties)).join('\n')).toMatch(/properties/)
    const noType = renderJunit(buildResults([failed], 1)).replace(' type="AssertionFailure"', '')
    expect(await schemaErrors(noType)).not.toEqual([])
    const zoned = good.replace(/timestamp="([^"]+)"/, 'timestamp="$1Z"')
    expect(await schemaErrors(zoned)).not.toEqual([])
  })

  it('is valid for every status, with IDs in suite properties and system-out', async () => {
    const flows = [
      passed,
      failed,
      flowOf('timed_out'),
      flowOf('cancelled', {
        error_message: 'Left running in Echopoint (cancel-on-abort is false)'
      }),
      flowOf('error', {
        execution_id: null,
        error_code: 'not_found',
        error_message: 'Flow x was not found'
      }),
      flowOf('passed', { flow_id: 'f-url', url: 'https://app.echopoint.dev/x?a=1&b=2' })
    ]
    const xml = renderJunit(buildResults(flows, 4200), {
      timestamp: new Date('2026-03-01T10:20:30.456Z')
    })
    expect(await schemaErrors(xml)).toEqual([])
    const suite = parseXml(xml).testsuites.testsuite
    expect(suite).toMatchObject({
      tests: '6',
      failures: '1',
      errors: '2',
      skipped: '1',
      time: '4.200',
      timestamp: '2026-03-01T10:20:30'
    })
    const cases = suite.testcase as Record<string, Loose>[]
    expect(cases.map((c) => c.classname)).toEqual(Array(6).fill('echopoint.flows'))
    expect(cases[0].failure ?? cases[0].error ?? cases[0].skipped).toBeUndefined()
    expect(cases[1].failure.type).toBe('AssertionFailure')
    expect(cases[2].error.type).toBe('Timeout')
    expect(cases[3].skipped.message).toContain('cancel-on-abort is false')
    expect(cases[4].error).toMatchObject({ type: 'not_found', message: 'Flow x was not found' })
    expect(cases[1]['system-out']).toContain('flow_id: f-fail')
    expect(cases[1]['system-out']).toContain('execution_id: e-2')
    const props = Object.fromEntries(
      (suite.properties.property as { name: string; value: string }[]).map((p) => [p.name, p.value])
    )
    expect(props).toMatchObject({
      status: 'timed_out',
      'flow.f-pass.execution_id': 'e-1',
      'flow.f-fail.name': failed.flow_name,
      'flow.f-url.url': 'https://app.echopoint.dev/x?a=1&b=2'
    })
    expect(props['flow.f-error.execution_id']).toBeUndefined()
  })

  it('reports a run that stopped before any flow as one errored test case', async () => {
    const outcome = outcomeOfError(
      new EchopointError('auth', 'The API key is invalid, revoked or expired', {
        hint: 'Create a new key'
      })
    )
    const xml = renderJunit(outcome.results, { error: outcome.error })
    expect(await schemaErrors(xml)).toEqual([])
    const suite = parseXml(xml).testsuites.testsuite
    expect(suite).toMatchObject({ tests: '1', errors: '1', failures: '0' })
    expect(suite.testcase[0].error).toMatchObject({
      type: 'auth',
      message: 'The API key is invalid, revoked or expired. Create a new key'
    })
    const cancelled = renderJunit(buildResults([], 10, 'cancelled'))
    expect(await schemaErrors(cancelled)).toEqual([])
    expect(parseXml(cancelled).testsuites.testsuite).toMatchObject({ tests: '1', skipped: '1' })
    const empty = renderJunit(buildResults([], 10))
    expect(await schemaErrors(empty)).toEqual([])
    expect(parseXml(empty).testsuites.testsuite.tests).toBe('0')
  })

  it('keeps hostile names as text: markup escaped, characters XML cannot carry replaced', async () => {
    const hostile = flowOf('failed', {
      flow_name: 'a]]><x/> & "q" \u0001\u001b[31mred\ufffe',
      error_message: '</failure><injected/>'
    })
    const xml = renderJunit(buildResults([hostile], 1))
    expect(await schemaErrors(xml)).toEqual([])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).not.toContain('<x/>')
    expect(xml).not.toContain('<injected/>')
    const testcase = parseXml(xml).testsuites.testsuite.testcase[0]
    expect(xml).toContain('name="a]]&gt;&lt;x/&gt; &amp; &quot;q&quot;')
    expect(testcase.name).toBe('a]]><x/> & "q" \ufffd\ufffd[31mred\ufffd')
    expect(testcase.failure['#text']).toContain('</failure><injected/>')
  })
})

describe('job summary on every outcome', () => {
  const render = (outcome: RunOutcome): string => renderSummary(outcome, { now: Date.now() })

  it('has a headline and a row per flow for pass, fail, timeout, cancel and error', () => {
    const cases: [FlowReport['status'], string][] = [
      ['passed', '✅ Echopoint: all flows passed'],
      ['failed', '❌ Echopoint: flows failed'],
      ['timed_out', '⏱️ Echopoint: timed out'],
      ['cancelled', '🚫 Echopoint: cancelled'],
      ['error', '⚠️ Echopoint: the run could not complete']
    ]
    for (const [status, headline] of cases) {
      const text = render(outcomeOf([passed, flowOf(status)]))
      expect(text.split('\n')[0]).toBe(`## ${headline}`)
      expect(text).toContain(`| ${status === 'passed' ? '✅ passed' : ''}`)
      expect(text).toContain(`| Flow ${status.replace('_', ' ')} |`)
    }
    const error = render(
      outcomeOfError(
        new EchopointError('config', 'Invalid tags: neither is set', { hint: 'Set one' })
      )
    )
    expect(error).toContain('the run could not complete')
    expect(error).toContain('> **Invalid tags: neither is set**')
    expect(error).not.toContain('| Status |')
    // No counts for a run that had no flows.
    expect(error).not.toContain('**0** flows')
  })

  it("says the run's own reason once, not again under each flow it stopped", () => {
    const stopped = [
      flowOf('cancelled', { error_message: 'The run was cancelled' }),
      flowOf('cancelled', {
        flow_id: 'f-never',
        flow_name: 'Never launched',
        execution_id: null,
        duration_ms: null,
        error_message: 'cancelled before it was launched'
      })
    ]
    const text = render({
      ...outcomeOf(stopped),
      results: buildResults(stopped, 10, 'cancelled'),
      error: new EchopointError('cancelled', 'The run was cancelled')
    })
    expect(text.match(/The run was cancelled/g)).toHaveLength(1)
    expect(text).toContain('> **The run was cancelled**')
    // A flow's own, different reason stays.
    expect(text).toContain('> cancelled before it was launched')
  })

  it('says so when the selection matched no flow and that was allowed', () => {
    const text = render({
      ...outcomeOf([]),
      stats: { requests: 2, retries: 0, waits: 0, waitedMs: 0 }
    })
    expect(text.split('\n')[0]).toBe('## ✅ Echopoint: no flow matched the selection')
    expect(text).toContain('The selection matched no flows, which this run allows')
    expect(text).not.toContain('**0** flows')
    expect(text).not.toContain('|')
  })

  it('has no empty header row or empty column for a passing, failing, cancelled, empty or errored run', () => {
    const launchError = flowOf('error', {
      execution_id: null,
      duration_ms: null,
      error_message: 'Could not launch: HTTP 500'
    })
    const cancelled = flowOf('cancelled', {
      duration_ms: null,
      error_message: 'The run was cancelled'
    })
    const outcomes: RunOutcome[] = [
      outcomeOf([passed]),
      outcomeOf([passed, failed]),
      {
        ...outcomeOf([cancelled, launchError]),
        results: buildResults([cancelled, launchError], 10, 'cancelled')
      },
      outcomeOf([launchError]),
      outcomeOf([]),
      outcomeOfError(
        new EchopointError('auth', 'The API key is invalid', { hint: 'Make a new one' })
      )
    ]
    for (const outcome of outcomes) {
      const lines = render(outcome).split('\n')
      lines.forEach((line, i) => {
        if (!/^\|( --- \|)+$/.test(line)) return
        const head = lines[i - 1]
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim())
        expect(head.every((c) => c !== '')).toBe(true)
        const body: string[][] = []
        for (let j = i + 1; lines[j]?.startsWith('|'); j++) {
          body.push(
            lines[j]
              .replace(/\\\|/g, '')
              .split('|')
              .slice(1, -1)
              .map((c) => c.trim())
          )
        }
        // A table has rows, and every column says something in at least one of them.
        expect(body.length).toBeGreaterThan(0)
        head.forEach((_, col) => {
          expect(body.some((row) => row[col] !== '' && row[col] !== '–')).toBe(true)
        })
      })
      // A heading always has something under it: text, or a deeper heading.
      const level = (l: string): number => /^#+/.exec(l)?.[0].length ?? 0
      lines.forEach((line, i) => {
        if (!line.startsWith('#')) return
        const next = lines.slice(i + 1).find((l) => l.trim() !== '')
        expect(next).toBeDefined()
        if (next?.startsWith('#')) expect(level(next)).toBeGreaterThan(level(line))
      })
    }
    // All flows without a duration (none launched): no Duration column at all.
    expect(render(outcomeOf([launchError]))).toContain('| Status | Flow |\n| --- | --- |')
  })

  it('leaves the table head out when not one row fits', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      flowOf('failed', { flow_id: `f${i}`, flow_name: `Flow ${i} ${'x'.repeat(900)}` })
    )
    const text = renderSummary(outcomeOf(many), { now: Date.now(), maxBytes: 1200 })
    expect(text).not.toContain('| Status |')
    expect(text).toContain('50 more flows not shown')
  })

  it('adds a link column only when a flow has an http(s) URL, and keeps the URL inert', () => {
    expect(render(outcomeOf([passed]))).not.toContain('Link')
    const text = render(
      outcomeOf([
        { ...passed, url: 'https://app.echopoint.dev/e/1?x=(a)|b' },
        { ...failed, url: 'javascript:alert(1)' }
      ])
    )
    expect(text).toContain('| Status | Flow | Duration | Link |')
    const rows = text.split('\n').filter((l) => l.startsWith('| ✅') || l.startsWith('| ❌'))
    expect(rows[0]).toContain('[open](https://app.echopoint.dev/e/1?x=%28a%29%7Cb)')
    expect(rows[1]).not.toContain('javascript')
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(6)
    expect(safeUrl('ftp://x')).toBeUndefined()
    expect(safeUrl('not a url')).toBeUndefined()
  })
})

describe('CLI table', () => {
  const plain = (flow: FlowReport): string => renderTable(outcomeOf([passed, flow]))

  it('states each failed assertion once, with its error, and keeps a node message that adds to it', () => {
    const restating: FlowReport = {
      ...failed,
      flow_name: 'Order history',
      nodes: [
        {
          ...failed.nodes[0],
          error_message: 'assertion 0 failed: status_code equals expected=200 actual=500'
        },
        {
          ...failed.nodes[0],
          node_id: 'n2',
          display_name: 'GET /orders/{id}/items',
          error_message:
            'assertion 0 (json_path equals) evaluation error: extractor "json_path" failed: body is not JSON',
          assertions: [
            {
              index: 0,
              extractor: 'json_path',
              operator: 'equals',
              expected: 'ok',
              actual: null,
              passed: false,
              error: 'extractor "json_path" failed: body is not JSON'
            }
          ]
        }
      ]
    }
    const table = plain(restating)
    expect(table).toContain(
      '          node "GET /orders/{id}" failed\n            status_code equals: expected 200, actual 500\n'
    )
    // The error is the reason: the table says it, as the summary does, and only once.
    expect(table).toContain(
      '          node "GET /orders/{id}/items" failed\n            json_path equals: expected "ok", actual null (extractor "json_path" failed: body is not JSON)\n'
    )
    expect(table.match(/body is not JSON/g)).toHaveLength(1)

    const adding = plain({
      ...restating,
      nodes: [
        {
          ...failed.nodes[0],
          error_message: 'Assertion failed after 3 retries: connection reset by peer'
        }
      ]
    })
    expect(adding).toContain(
      '          node "GET /orders/{id}" failed: Assertion failed after 3 retries: connection reset by peer\n            status_code equals: expected 200, actual 500'
    )
  })
})

describe('job summary of a very large run', () => {
  /** `count` flows that passed, with names long enough that their rows alone pass 1 MiB. */
  const passedFlows = (count: number): FlowReport[] =>
    Array.from({ length: count }, (_, i) => ({
      ...passed,
      flow_id: `f-${i}`,
      flow_name: `Flow ${String(i).padStart(5, '0')} ${'checkout and payment scenario '.repeat(5)}`
    }))
  const refund: FlowReport = {
    ...failed,
    flow_id: 'f-refund',
    flow_name: 'Refund after partial shipment',
    nodes: [{ ...failed.nodes[0], display_name: 'POST /refunds' }]
  }
  const rowsOf = (text: string): string[] =>
    text.split('\n').filter((l) => /^\| (✅|❌|⏱️|🚫|⚠️) /.test(l))

  it('keeps the failures when the rows do not fit: the failed row first, its details, and says what it left out', () => {
    const flows = [...passedFlows(6000), refund]
    const text = renderSummary(outcomeOf(flows), { now: Date.now() })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    const rows = rowsOf(text)
    expect(rows.length).toBeGreaterThan(1000)
    expect(rows.length).toBeLessThan(6001)
    // The flow that failed is in the table, first; the others in selection order.
    expect(rows[0]).toBe('| ❌ failed | Refund after partial shipment | 1.5s |')
    expect(rows[1]).toContain('Flow 00000 ')
    expect(rows[2]).toContain('Flow 00001 ')
    // Its details, under Failures, with the assertion.
    expect(text).toContain(
      '### Failures\n\n#### Refund after partial shipment\n\nFlow `f-refund`, execution `e-2`: **❌ failed**\n\n- Node **POST /refunds** (request) failed\n  - Assertion 0: status\\_code equals: expected 200, actual 500'
    )
    // What was left out, and that the table is not in selection order.
    expect(text).toContain(
      `_${6001 - rows.length} more flows not shown: GitHub limits a job summary to 1 MiB. All of them passed. The table lists the flows that did not pass first. The results-json output and the JUnit report have every flow._`
    )
    expect(text).not.toContain('more failure')
  })

  it('keeps selection order when every row fits', () => {
    const text = renderSummary(outcomeOf([...passedFlows(50), refund]), { now: Date.now() })
    const rows = rowsOf(text)
    expect(rows).toHaveLength(51)
    expect(rows[50]).toContain('Refund after partial shipment')
    expect(text).not.toContain('not shown')
  })

  it('with thousands of failures: rows of failed flows and failure details share the budget', () => {
    const failures = Array.from({ length: 4000 }, (_, i) => ({
      ...refund,
      flow_id: `f-refund-${i}`,
      flow_name: `Refund ${String(i).padStart(4, '0')} ${'after partial shipment '.repeat(4)}`,
      nodes: [
        {
          ...refund.nodes[0],
          error_message: `upstream answered ${'x'.repeat(200)}`
        }
      ]
    }))
    const text = renderSummary(outcomeOf([...passedFlows(3000), ...failures]), {
      now: Date.now()
    })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    const rows = rowsOf(text)
    expect(rows.length).toBeGreaterThan(100)
    expect(rows.every((r) => r.startsWith('| ❌ failed | Refund '))).toBe(true)
    expect(rows[0]).toContain('Refund 0000 ')
    const details = text.match(/^#### Refund /gm) ?? []
    expect(details.length).toBeGreaterThan(100)
    expect(text).toContain(
      `_${7000 - rows.length} more flows not shown: GitHub limits a job summary to 1 MiB. 3000 of them passed, ${4000 - rows.length} did not. The table lists the flows that did not pass first.`
    )
    expect(text).toContain(`_Details of ${4000 - details.length} more failures not shown:`)
  })

  it('shows as much of one failure as fits when its details alone pass the limit', () => {
    const huge: FlowReport = {
      ...refund,
      nodes: Array.from({ length: 800 }, (_, i) => ({
        ...refund.nodes[0],
        node_id: `n${i}`,
        display_name: `Step ${i}`,
        error_message: `upstream answered ${'y'.repeat(1900)}`
      }))
    }
    const text = renderSummary(outcomeOf([...passedFlows(10), huge]), { now: Date.now() })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(text).toContain('| ❌ failed | Refund after partial shipment | 1.5s |')
    expect(text).toContain(
      '### Failures\n\n#### Refund after partial shipment\n\nFlow `f-refund`, execution `e-2`: **❌ failed**\n\n- Node **Step 0** (request) failed: upstream answered'
    )
    expect(text).toContain('  - Assertion 0: status\\_code equals: expected 200, actual 500')
    expect(text).toContain(
      '_The rest of these details is cut: GitHub limits a job summary to 1 MiB. The results-json output and the JUnit report have them._'
    )
    expect(text).not.toContain('Step 799')
  })
})
