/**
 * Assertions: every wire shape Echopoint has used parses to the same assertion
 * (pkg/node/assertion.go, the parse fixture pkg/flow/test.json), a list runs in order
 * and stops at the first failure or error (assertion_eval.go), results and messages
 * read as the reference writes them, and expected values are templated
 * (pkg/engine/assertion_templates_test.go).
 */
import { describe, expect, it } from '@jest/globals'
import {
  AssertionParseError,
  evaluateAssertion,
  failureMessage,
  parseAssertion,
  parseAssertions,
  runAssertions,
  type Assertion
} from '../src/engine/assertions.js'
import type { Subject } from '../src/engine/extractors/registry.js'

const response: Subject = {
  statusCode: 404,
  headers: { 'Content-Type': ['application/json'] },
  body: { id: 'ord_7Hk2', items: [{ sku: 'A' }, { sku: 'B' }], total: 42.5 }
}

describe('parseAssertion: wire shapes', () => {
  const shapes: Array<[string, unknown]> = [
    [
      'snake_case flat (current)',
      {
        extractor_type: 'json_path',
        extractor_data: { path: '$.id' },
        operator_type: 'not_equals',
        operator_data: { value: 'x' }
      }
    ],
    [
      'camelCase flat',
      {
        extractorType: 'jsonPath',
        extractorData: { path: '$.id' },
        operatorType: 'notEquals',
        operatorData: { value: 'x' }
      }
    ],
    [
      'mixed spellings',
      {
        extractor_type: 'jsonPath',
        extractor_data: { path: '$.id' },
        operatorType: 'not_equals',
        operator_data: { value: 'x' }
      }
    ],
    [
      'nested extractor',
      {
        extractor: { type: 'json_path', path: '$.id' },
        operator_type: 'not_equals',
        operator_data: { value: 'x' }
      }
    ],
    [
      'nested extractor and operator (parse fixture)',
      { extractor: { type: 'jsonPath', path: '$.id' }, operator: { type: 'notEquals', value: 'x' } }
    ]
  ]

  it.each(shapes)('%s', (_name, raw) => {
    const assertion = parseAssertion(raw)
    expect(assertion.extractor.type).toBe('json_path')
    expect(assertion.operator.names[0]).toBe('not_equals')
    expect(assertion.expected).toBe('x')
    expect(evaluateAssertion(assertion, response).passed).toBe(true)
  })

  it('keeps the names as the flow wrote them', () => {
    const camel = parseAssertion(shapes[1][1])
    expect([camel.extractorName, camel.operatorName]).toEqual(['jsonPath', 'notEquals'])
    const snake = parseAssertion(shapes[0][1])
    expect([snake.extractorName, snake.operatorName]).toEqual(['json_path', 'not_equals'])
  })

  it('prefers snake_case to camelCase, and a nested object to flat fields, as the reference', () => {
    const a = parseAssertion({
      extractor_type: 'status_code',
      extractorType: 'body',
      operator_type: 'equals',
      operatorType: 'contains',
      operator_data: { value: 404 },
      operatorData: { value: 1 }
    })
    expect([a.extractor.type, a.operator.names[0], a.expected]).toEqual([
      'status_code',
      'equals',
      404
    ])
    const b = parseAssertion({
      extractor: { type: 'header', header_name: 'content-type' },
      extractor_type: 'status_code',
      operator: { type: 'contains', value: 'json' },
      operator_type: 'equals',
      operator_data: { value: 'x' }
    })
    expect([b.extractor.type, b.operator.names[0], b.expected]).toEqual([
      'header',
      'contains',
      'json'
    ])
  })

  it('reads extractor fields in either spelling and without extractor_data', () => {
    expect(
      parseAssertion({
        extractor_type: 'header',
        extractor_data: { headerName: 'Content-Type' },
        operator_type: 'contains',
        operator_data: { value: 'json' }
      }).extractor.label
    ).toBe('header Content-Type')
    const status = parseAssertion({
      extractor_type: 'statusCode',
      operator_type: 'equals',
      operator_data: { value: 404 }
    })
    expect(evaluateAssertion(status, response).passed).toBe(true)
  })

  it('leaves the expected value absent for empty/not_empty', () => {
    const a = parseAssertion({
      extractor: { type: 'jsonPath', path: '$.id' },
      operator: { type: 'notEmpty' }
    })
    expect(a.expected).toBeUndefined()
    expect(evaluateAssertion(a, response)).toMatchObject({
      passed: true,
      expected: null,
      actual: 'ord_7Hk2'
    })
  })

  const invalid: Array<[string, unknown, RegExp]> = [
    ['not an object', 'equals', /must be an object/],
    ['no operator', { extractor_type: 'body' }, /has no operator_type/],
    [
      'unknown operator',
      { extractor_type: 'body', operator_type: 'exists' },
      /unknown assertion operator "exists" \(known: equals/
    ],
    ['no extractor', { operator_type: 'equals' }, /has no extractor_type/],
    [
      'unknown extractor',
      { extractor_type: 'cookie', operator_type: 'equals' },
      /unknown extractor type: cookie/
    ],
    [
      'json_path without path',
      { extractor_type: 'json_path', operator_type: 'equals' },
      /json_path extractor needs path/
    ],
    [
      'invalid JSONPath',
      { extractor_type: 'json_path', extractor_data: { path: '$[' }, operator_type: 'equals' },
      /invalid JSONPath expression '\$\['/
    ],
    [
      'nested extractor without type',
      { extractor: { path: '$' }, operator_type: 'equals' },
      /needs a type/
    ]
  ]
  it.each(invalid)('rejects %s', (_name, raw, message) => {
    expect(() => parseAssertion(raw)).toThrow(AssertionParseError)
    expect(() => parseAssertion(raw)).toThrow(message)
  })

  it('parses a list, naming the index of a bad item', () => {
    expect(parseAssertions(undefined)).toEqual([])
    expect(parseAssertions(null)).toEqual([])
    expect(parseAssertions([{ extractor_type: 'body', operator_type: 'not_empty' }])).toHaveLength(
      1
    )
    expect(() =>
      parseAssertions([{ extractor_type: 'body', operator_type: 'not_empty' }, {}])
    ).toThrow(/^assertion 1: the assertion has no operator_type$/)
    expect(() => parseAssertions({})).toThrow('assertions must be an array')
  })
})

const status = (expected: unknown, operator = 'equals'): Assertion =>
  parseAssertion({
    extractor_type: 'status_code',
    operator_type: operator,
    operator_data: { value: expected }
  })
const path = (p: string, operator: string, expected?: unknown): Assertion =>
  parseAssertion({
    extractor_type: 'json_path',
    extractor_data: { path: p },
    operator_type: operator,
    operator_data: { value: expected }
  })

describe('runAssertions', () => {
  it('passes an empty list', () => {
    expect(runAssertions([], response)).toEqual({ passed: true, results: [] })
  })

  it('records every result when all pass', () => {
    const run = runAssertions(
      [status(404), path('$.items[*].sku', 'contains', 'B'), path('$.total', 'between', [40, 50])],
      response
    )
    expect(run.passed).toBe(true)
    expect(run.message).toBeUndefined()
    expect(run.results).toEqual([
      {
        index: 0,
        extractor: 'status_code',
        operator: 'equals',
        expected: 404,
        actual: 404,
        passed: true
      },
      {
        index: 1,
        extractor: 'json_path',
        operator: 'contains',
        expected: 'B',
        actual: ['A', 'B'],
        passed: true
      },
      {
        index: 2,
        extractor: 'json_path',
        operator: 'between',
        expected: [40, 50],
        actual: 42.5,
        passed: true
      }
    ])
  })

  it('stops at the first failure, which is recorded, with the reference message', () => {
    const run = runAssertions(
      [path('$.id', 'starts_with', 'ord_'), status('200'), path('$.nope', 'equals', 1)],
      response
    )
    expect(run.passed).toBe(false)
    expect(run.results).toHaveLength(2)
    expect(run.results[1]).toEqual({
      index: 1,
      extractor: 'status_code',
      operator: 'equals',
      expected: '200',
      actual: 404,
      passed: false
    })
    expect(run.message).toBe('assertion 1 failed: status_code equals expected=200 actual=404')
  })

  it('stops at the first error: an extraction that finds nothing', () => {
    const run = runAssertions([path('$.missing', 'equals', 'x'), status(404)], response)
    expect(run.results).toHaveLength(1)
    expect(run.results[0]).toMatchObject({ passed: false, actual: null, expected: 'x' })
    expect(run.results[0].error).toBe(
      `extractor "json_path" failed: JSONPath '$.missing' did not match any nodes`
    )
    expect(run.message).toBe(
      `assertion 0 (json_path equals) evaluation error: extractor "json_path" failed: JSONPath '$.missing' did not match any nodes`
    )
  })

  it('stops at the first error: a comparison that cannot be made', () => {
    const run = runAssertions([path('$.id', 'greater_than', 3)], response)
    expect(run.results[0].actual).toBe('ord_7Hk2')
    expect(run.message).toBe(
      'assertion 0 (json_path greater_than) evaluation error: actual value ord_7Hk2 is not numeric'
    )
  })

  it('writes the names as the flow did, and shows empty and absent values readably', () => {
    const camel = parseAssertion({
      extractorType: 'jsonPath',
      extractorData: { path: '$.id' },
      operatorType: 'notEquals',
      operatorData: { value: 'ord_7Hk2' }
    })
    expect(runAssertions([camel], response).message).toBe(
      'assertion 0 failed: jsonPath notEquals expected=ord_7Hk2 actual=ord_7Hk2'
    )
    const empty = parseAssertion({ extractor_type: 'body', operator_type: 'empty' })
    expect(runAssertions([empty], { body: '' }).passed).toBe(true)
    expect(
      runAssertions([parseAssertion({ extractor_type: 'body', operator_type: 'not_empty' })], {
        body: ''
      }).message
    ).toBe('assertion 0 failed: body not_empty expected=null actual=""')
  })

  it('runs over a plain value (set_variable, assert nodes)', () => {
    const run = runAssertions([path('$.target', 'equals', 'https://hooks.example/webhook/abc')], {
      body: { target: 'https://hooks.example/webhook/abc' }
    })
    expect(run.passed).toBe(true)
  })
})

describe('templated expected values', () => {
  // assertion_templates_test.go: an assertion compares against an earlier output.
  const outputs: Record<string, unknown> = { 'create-order.orderId': 'ord_7Hk2' }
  const resolve = (value: unknown): unknown => {
    if (typeof value !== 'string') return value
    return value.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (match, ref: string) => {
      if (!(ref in outputs)) throw new Error(`unresolved template reference ${match}`)
      return String(outputs[ref])
    })
  }
  const readBack = path('$.id', 'equals', '{{create-order.orderId}}')

  it('compares with the resolved value and records it', () => {
    const result = evaluateAssertion(readBack, response, 0, { resolve })
    expect(result).toMatchObject({ passed: true, expected: 'ord_7Hk2', actual: 'ord_7Hk2' })
  })

  it('fails when the read-back differs, with the resolved value in the result', () => {
    const result = evaluateAssertion(readBack, { body: { id: 'ord_other' } }, 0, { resolve })
    expect(result).toMatchObject({ passed: false, expected: 'ord_7Hk2', actual: 'ord_other' })
    expect(failureMessage(result)).toBe(
      'assertion 0 failed: json_path equals expected=ord_7Hk2 actual=ord_other'
    )
  })

  it('records a reference that does not resolve as an error, without extracting', () => {
    const dangling = path('$.id', 'equals', '{{missing.value}}')
    const result = evaluateAssertion(dangling, response, 3, { resolve })
    expect(result).toEqual({
      index: 3,
      extractor: 'json_path',
      operator: 'equals',
      expected: '{{missing.value}}',
      actual: null,
      passed: false,
      error: 'expected value: unresolved template reference {{missing.value}}'
    })
  })

  it('does not call the resolver when there is no expected value', () => {
    let calls = 0
    evaluateAssertion(path('$.id', 'not_empty'), response, 0, {
      resolve: (v) => {
        calls++
        return v
      }
    })
    expect(calls).toBe(0)
  })
})
