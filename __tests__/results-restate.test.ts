/**
 * restatesAssertions: a node's message is left out of the job summary and the CLI
 * table only when it says nothing the listed assertions do not (each failure is
 * stated once), and kept whenever it adds something (retries, an extractor or
 * connection error, an assertion the report does not list as failed).
 */
import { describe, expect, it } from '@jest/globals'
import {
  nodeReport,
  restatesAssertions,
  type AssertionReport,
  type NodeReport
} from '../src/core/run/results.js'
import { parseAssertions, runAssertions } from '../src/engine/assertions.js'
import type { Subject } from '../src/engine/extractors/registry.js'
import { planSimulation } from '../src/sandbox/cloud-runner.js'
import type { FlowRecord } from '../src/sandbox/types/records.js'
import type { FixtureAssertion } from '../src/sandbox/types/fixtures.js'

const status500: AssertionReport = {
  index: 0,
  extractor: 'status_code',
  operator: 'equals',
  expected: 200,
  actual: 500,
  passed: false
}

function node(message: string | null, assertions: AssertionReport[] = [status500]): NodeReport {
  return {
    node_id: 'n1',
    display_name: 'GET /orders',
    node_type: 'request',
    status: 'failed',
    duration_ms: 10,
    error_message: message,
    assertions
  }
}

/** The node the sandbox's cloud runner (standing in for Echopoint's API) reports for a failed assertion. */
function sandboxNode(assertion: FixtureAssertion): NodeReport {
  const flow: FlowRecord = {
    id: 'f1',
    organizationId: 'o1',
    name: 'Orders',
    description: null,
    tags: [],
    version: '1',
    metadata: {},
    createdAt: 0,
    updatedAt: 0,
    timeoutSeconds: null,
    inputs: {},
    publishedVersions: [],
    nodes: [{ id: 'n1', displayName: 'GET /orders', type: 'request', weight: 1, config: {} }],
    simulation: { outcome: 'failed', duration_ms: 100, failure: { node_id: 'n1', assertion } },
    maxHttpCallsPerExecution: 0
  }
  const planned = planSimulation(flow, 0, 1).nodes[0]!
  expect(planned.errorMessage).toMatch(/^Assertion 0 failed: /)
  return nodeReport({
    node_id: planned.node.id,
    display_name: planned.node.displayName,
    node_type: planned.node.type,
    status: planned.status,
    error_message: planned.errorMessage,
    result: planned.result
  } as Parameters<typeof nodeReport>[0])
}

/** The engine's node: its assertion results and its message (node-pass.ts uses run.message). */
function engineNode(assertions: unknown[], subject: Subject): NodeReport {
  const run = runAssertions(parseAssertions(assertions), subject)
  expect(run.passed).toBe(false)
  return node(run.message ?? null, run.results)
}

const jsonPath = (path: string, operator: string, value: unknown): unknown => ({
  extractor_type: 'json_path',
  extractor_data: { path },
  operator_type: operator,
  operator_data: { value }
})
const statusIs = (value: unknown): unknown => ({
  extractor_type: 'status_code',
  operator_type: 'equals',
  operator_data: { value }
})

describe('restatesAssertions', () => {
  it('keeps a message that adds something to the assertions (the review examples)', () => {
    expect(
      restatesAssertions(node('Assertion failed after 3 retries: connection reset by peer'))
    ).toBe(false)
    expect(
      restatesAssertions(
        node('assertions failed to evaluate: response body is not JSON (text/html)')
      )
    ).toBe(false)
    const bodyCheck: AssertionReport = {
      index: 0,
      extractor: 'json_path',
      operator: 'equals',
      expected: 'ok',
      actual: null,
      passed: false
    }
    expect(
      restatesAssertions(
        node('Assertion 0 failed: extractor json_path failed: body is not JSON', [bodyCheck])
      )
    ).toBe(false)
  })

  it('recognises the sandbox (API) wording as a restatement, whatever the fixture gives', () => {
    for (const assertion of [
      { extractor: 'status_code', operator: 'equals', expected: 200, actual: 500 },
      { extractor: 'json_path', operator: 'equals', expected: 'ok', actual: 'nope' },
      { extractor: 'body', operator: 'contains', expected: { a: [1, 'x'] } },
      { extractor: 'header', operator: 'not_empty', actual: '' },
      { extractor: 'body', operator: 'empty' }
    ]) {
      const report = sandboxNode(assertion)
      expect(report.assertions).toHaveLength(1)
      expect([report.error_message, restatesAssertions(report)]).toEqual([
        report.error_message,
        true
      ])
    }
  })

  it("recognises the engine's wordings as restatements: a failed comparison, an evaluation error", () => {
    const subject: Subject = {
      statusCode: 404,
      headers: {},
      body: { id: 'ord_7', total: 42.5, tags: ['a'], note: '' }
    }
    const cases: unknown[][] = [
      [statusIs(200)],
      [statusIs('200')],
      [jsonPath('$.total', 'equals', 1e21)],
      [jsonPath('$.tags', 'equals', ['b'])],
      [jsonPath('$.note', 'equals', 'x')],
      [jsonPath('$.id', 'starts_with', 'ord_'), jsonPath('$.missing', 'equals', 'x')],
      [jsonPath('$.id', 'greater_than', 3)]
    ]
    for (const assertions of cases) {
      const report = engineNode(assertions, subject)
      expect([report.error_message, restatesAssertions(report)]).toEqual([
        report.error_message,
        true
      ])
    }
    // The evaluation-error form says the error the assertion carries (which the reports print).
    const missing = engineNode([jsonPath('$.missing', 'equals', 'x')], subject)
    expect(missing.error_message).toMatch(/^assertion 0 \(json_path equals\) evaluation error: /)
    expect(missing.assertions[0]?.error).toBeDefined()
    expect(restatesAssertions(missing)).toBe(true)
  })

  it('keeps a restatement of an assertion the report does not list as failed, or says otherwise', () => {
    const engine = 'assertion 0 failed: status_code equals expected=200 actual=500'
    const api = 'Assertion 0 failed: status_code equals 200, got 500'
    expect(restatesAssertions(node(engine))).toBe(true)
    expect(restatesAssertions(node(api))).toBe(true)
    // Another index, another actual value, an error the assertion does not carry.
    expect(restatesAssertions(node(api.replace('0', '1')))).toBe(false)
    expect(restatesAssertions(node(api.replace('500', '502')))).toBe(false)
    expect(
      restatesAssertions(
        node('assertion 0 (status_code equals) evaluation error: connection reset by peer')
      )
    ).toBe(false)
    // More text before or after.
    expect(restatesAssertions(node(`${api} (after 3 retries)`))).toBe(false)
    expect(restatesAssertions(node(`event 3 ${engine}`))).toBe(false)
    // A passed assertion is not listed as a failure.
    expect(restatesAssertions(node(api, [{ ...status500, passed: true }]))).toBe(false)
  })

  it('drops a message about several assertions only when it restates all of them', () => {
    const second: AssertionReport = {
      index: 1,
      extractor: 'json_path',
      operator: 'equals',
      expected: 'ok',
      actual: 'nope',
      passed: false
    }
    const one = 'Assertion 0 failed: status_code equals 200, got 500'
    const two = 'Assertion 1 failed: json_path equals "ok", got "nope"'
    expect(restatesAssertions(node(`${one}; ${two}`, [status500, second]))).toBe(true)
    expect(restatesAssertions(node(`${one}\n${two}`, [status500, second]))).toBe(true)
    // The second is not listed as failed: the message says more than the report.
    expect(restatesAssertions(node(`${one}; ${two}`, [status500]))).toBe(false)
    expect(
      restatesAssertions(node(`${one}; Assertion 2 failed: body contains "x"`, [status500, second]))
    ).toBe(false)
  })

  it('drops an empty or bare message only when it matches what is listed', () => {
    expect(restatesAssertions(node(null))).toBe(true)
    expect(restatesAssertions(node('assertion failed'))).toBe(true)
    expect(restatesAssertions(node('An assertion failed.'))).toBe(true)
    expect(restatesAssertions(node('Assertion 0 failed'))).toBe(true)
    expect(restatesAssertions(node('Assertion 3 failed'))).toBe(false)
    expect(restatesAssertions(node('2 assertions failed'))).toBe(false)
    expect(
      restatesAssertions(node('2 assertions failed', [status500, { ...status500, index: 1 }]))
    ).toBe(true)
    // No failed assertion listed: the message is all there is.
    expect(restatesAssertions(node('assertion failed', []))).toBe(false)
  })

  it('keeps the message when the report shortens a value it holds in full', () => {
    const long = 'x'.repeat(300)
    const assertion = { ...status500, extractor: 'body', expected: long, actual: 'y' }
    expect(
      restatesAssertions(node(`Assertion 0 failed: body equals "${long}", got "y"`, [assertion]))
    ).toBe(false)
    const short = { ...assertion, expected: 'x'.repeat(100) }
    expect(
      restatesAssertions(
        node(`Assertion 0 failed: body equals "${short.expected}", got "y"`, [short])
      )
    ).toBe(true)
  })
})
