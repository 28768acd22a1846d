/**
 * The pieces that keep server text harmless, unit by unit: the decoders at the
 * boundary (decode.ts), the redactor's forms, inert log lines, and the fitting
 * of outputs and the job summary under GitHub's limits.
 */
import { describe, expect, it } from '@jest/globals'
import * as decode from '../src/core/api/decode.js'
import { createRedactor } from '../src/core/redact.js'
import { fitJsonArray, fitResultsJson, OUTPUT_MAX_BYTES } from '../src/core/report/fit.js'
import { inertLine } from '../src/core/report/escape.js'
import { buildResults, type FlowReport } from '../src/core/run/results.js'
import { renderSummary } from '../src/core/report/summary.js'
import type { RunOutcome } from '../src/core/run/run.js'
import { leakForms } from '../__fixtures__/leaks.js'

const KEY = 'hk*9|zz~Q<&>"le\\ak_me_2024'
const ctx = { redact: createRedactor([KEY]) }
const STARTED = '2024-01-15T10:00:00Z'

describe('decoders', () => {
  it('flatten, redact and cut every string, and keep only what the core reads', () => {
    const flow = decode.flow(
      {
        id: 'f1',
        name: `Deploy\r\n::error::x\u2028${KEY}\u202e${'n'.repeat(1000)}`,
        tags: ['smoke'],
        flow_definition: { huge: 'x'.repeat(10_000) }
      },
      ctx
    )
    expect(Object.keys(flow)).toEqual(['id', 'name', 'tags'])
    expect(flow.name).toMatch(/^Deploy ::error::x \*\*\* n+…$/)
    expect(flow.name).toHaveLength(256)
  })

  it('name the field and the problem', () => {
    expect(() => decode.nodes({ executionId: 'e', flowId: 'f' })([null], ctx)).toThrow(
      '[0] is null, not an object'
    )
    expect(() =>
      decode.execution({ id: 'e', flow_id: 'f', status: 'running', started_at: 'soon' }, ctx)
    ).toThrow('execution.started_at is not a timestamp')
    expect(() =>
      decode.execution({ id: 'e\n::x', flow_id: 'f', status: 'running', started_at: STARTED }, ctx)
    ).toThrow('execution.id is not an identifier')
    expect(() => decode.flowSearchPage({ total: 1, items: [{ id: 'f', name: 7 }] }, ctx)).toThrow(
      'items[0].name is a number, not a string'
    )
  })

  it('keep an unknown status as the server said it, never as a pass', () => {
    const e = decode.execution(
      { id: 'e', flow_id: 'f', status: 'queued_for_gpu', started_at: STARTED },
      ctx
    )
    expect(e).toMatchObject({ status: 'running', reported_status: 'queued_for_gpu' })
  })

  it('bound assertion values as JSON and redact them at any depth', () => {
    const [node] = decode.nodes({ executionId: 'e', flowId: 'f' })(
      [
        {
          node_id: 'n',
          display_name: 'N',
          node_type: 'request',
          status: 'failed',
          result: {
            assertion_results: [
              {
                index: 0,
                extractor: 'body',
                operator: 'equals',
                actual: { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: KEY } } } } } } } } } },
                expected: 'y'.repeat(5000),
                passed: false
              }
            ]
          }
        }
      ],
      ctx
    )
    const [a] = node.result?.assertion_results ?? []
    expect(JSON.stringify(a.actual)).not.toContain('le\\\\ak')
    expect(JSON.stringify(a.actual)).toContain('***')
    expect(String(a.expected).length).toBeLessThanOrEqual(2000)
  })
})

describe('the redactor', () => {
  it('hides every written form of the key, and epk_ tokens escaped or not', () => {
    const redact = createRedactor([KEY])
    for (const form of leakForms(KEY)) expect(redact(`x ${form} y`)).toBe('x *** y')
    expect(redact('key epk\\_live\\_abcdef1234 and epk_live_abcdef1234')).toBe(
      'key epk_*** and epk_***'
    )
  })
})

describe('inert log lines', () => {
  it.each([
    ['\n::error::x', '» ::error::x'],
    ['\u2028::stop-commands::t', '» ::stop-commands::t'],
    ['ok ##[error]x', 'ok ## [error]x'],
    ['\u00a0 ::warning::x', '» ::warning::x'],
    ['a\r\nb', 'a b']
  ])('%j', (input, expected) => {
    expect(inertLine(input)).toBe(expected)
  })
})

function flows(count: number, nameLength: number): FlowReport[] {
  return Array.from({ length: count }, (_, i) => ({
    flow_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    flow_name: `Flow ${i} ${'n'.repeat(nameLength)}`,
    execution_id: `e${i}`,
    status: i % 2 === 0 ? 'failed' : 'passed',
    duration_ms: 10,
    error_code: null,
    error_message: i % 2 === 0 ? 'm'.repeat(2000) : null,
    url: null,
    nodes: [
      {
        node_id: 'n',
        display_name: 'node',
        node_type: 'request',
        status: i % 2 === 0 ? 'failed' : 'completed',
        duration_ms: 1,
        error_message: 'e'.repeat(2000),
        assertions: [
          {
            index: 0,
            extractor: 'body',
            operator: 'equals',
            expected: 'x'.repeat(2000),
            actual: 'y'.repeat(2000),
            passed: false
          },
          {
            index: 1,
            extractor: 'status',
            operator: 'equals',
            expected: 200,
            actual: 200,
            passed: true
          }
        ]
      }
    ]
  }))
}

describe('GitHub limits', () => {
  it('results-json: fits 1 MB, dropping detail before flows, and says what it cut', () => {
    const small = buildResults(flows(3, 10), 1)
    expect(fitResultsJson(small)).toEqual({ json: JSON.stringify(small) })

    const medium = buildResults(flows(200, 200), 1)
    const m = fitResultsJson(medium)
    expect(Buffer.byteLength(m.json)).toBeLessThanOrEqual(OUTPUT_MAX_BYTES)
    expect(m.truncation?.omitted_flows).toBe(0)
    expect(JSON.parse(m.json).flows).toHaveLength(200)

    const huge = buildResults(flows(8000, 250), 1)
    const h = fitResultsJson(huge)
    const doc = JSON.parse(h.json)
    expect(Buffer.byteLength(h.json)).toBeLessThanOrEqual(OUTPUT_MAX_BYTES)
    expect(doc.truncated).toMatchObject({ details: 'none' })
    expect(doc.truncated.omitted_flows).toBe(8000 - doc.flows.length)
    // Failed flows are kept before passed ones; the counts count every flow.
    expect(doc.flows.every((f: FlowReport) => f.status === 'failed')).toBe(true)
    expect(doc.counts.total).toBe(8000)
  })

  it('ID lists: as many as fit, and how many were left out', () => {
    const ids = Array.from(
      { length: 40_000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
    )
    const { json, omitted } = fitJsonArray(ids)
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(OUTPUT_MAX_BYTES)
    expect(JSON.parse(json)).toHaveLength(40_000 - omitted)
    expect(omitted).toBeGreaterThan(0)
  })

  it('the job summary: within its budget, with a note on what is not shown', () => {
    const outcome: RunOutcome = {
      results: buildResults(flows(5000, 250), 1),
      executionIds: [],
      stats: { requests: 0, retries: 0, waits: 0, waitedMs: 0 }
    }
    const markdown = renderSummary(outcome, { now: Date.now(), maxBytes: 200_000 })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(200_000)
    expect(markdown).toMatch(/_\d+ more flows not shown: GitHub limits a job summary to 1 MiB/)
    const full = renderSummary(outcome, { now: Date.now() })
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(1_000_000)
  })
})
