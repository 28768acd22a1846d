import { describe, expect, it } from '@jest/globals'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { renderSummary } from '../src/action/summary.js'
import { renderJunit } from '../src/core/report/junit.js'
import { escapeMarkdown } from '../src/core/report/escape.js'
import { buildResults, EXIT_CODES, runStatusOf, type FlowReport } from '../src/core/results.js'
import { outcomeOfError, verdictMessage, type RunOutcome } from '../src/core/run.js'
import { EchopointError } from '../src/core/errors.js'
import { shardOf } from '../src/core/selection.js'

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
    expect(text).toMatch(/status\\_code equals 200, got 500/)
    expect(text).toContain('expected 200, actual 500')
    expect(text).toContain('waited 2 times, 45s in total')
  })

  it('escapes untrusted names so they cannot inject markup or break the table', () => {
    const text = renderSummary(outcomeOf([failed]), { now: Date.now() })
    expect(text).not.toContain('<script>')
    expect(text).toContain('&lt;script&gt;')
    const row = text.split('\n').find((l) => l.includes('alert'))!
    // 4 columns: 5 unescaped pipes, the one in the name is escaped.
    expect(row.replace(/\\\|/g, '').split('|').length).toBe(6)
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
    expect(renderSummary(outcome, { now })).toContain('5 days left')
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
