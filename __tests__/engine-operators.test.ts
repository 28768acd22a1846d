/**
 * Operators, as a golden table re-expressed from Echopoint's runner
 * (pkg/operators/registry_test.go: the coercion contract; operators_test.go: one case
 * set per operator), plus the cases where we decided something the reference left open.
 */
import { describe, expect, it } from '@jest/globals'
import {
  compare,
  findOperator,
  isKnownOperator,
  OperatorError,
  operatorNames,
  operators
} from '../src/engine/operators/registry.js'

type Outcome = boolean | { error: RegExp }

interface Case {
  operator: string
  actual: unknown
  expected?: unknown
  outcome: Outcome
  note?: string
}

const table: Case[] = [
  // registry_test.go TestCompare_BuiltIns / TestEquals_IsStringEquality: lenient coercion.
  { operator: 'equals', actual: 200, expected: '200', outcome: true, note: 'int vs string' },
  { operator: 'equals', actual: 200.0, expected: '200', outcome: true, note: 'float vs string' },
  { operator: 'equals', actual: true, expected: 'true', outcome: true, note: 'bool vs string' },
  { operator: 'equals', actual: 'ok', expected: 'ok', outcome: true },
  { operator: 'equals', actual: 200, expected: '404', outcome: false },
  { operator: 'equals', actual: 1, expected: 'one', outcome: false },
  { operator: 'greaterThan', actual: 5, expected: '3', outcome: true },
  { operator: 'between', actual: 5, expected: [1, 10], outcome: true },
  // operators_test.go, per operator.
  { operator: 'equals', actual: 'hello', expected: 'hello', outcome: true },
  { operator: 'equals', actual: 'world', expected: 'hello', outcome: false },
  { operator: 'equals', actual: 200, expected: 200, outcome: true },
  { operator: 'equals', actual: 404, expected: 200, outcome: false },
  { operator: 'equals', actual: true, expected: true, outcome: true },
  { operator: 'equals', actual: false, expected: true, outcome: false },
  { operator: 'contains', actual: 'hello world', expected: 'world', outcome: true },
  { operator: 'contains', actual: 'hello', expected: 'world', outcome: false },
  { operator: 'greaterThan', actual: 200, expected: 100, outcome: true },
  { operator: 'greaterThan', actual: 50, expected: 100, outcome: false },
  { operator: 'greaterThan', actual: 100, expected: 100, outcome: false },
  { operator: 'lessThan', actual: 50, expected: 100, outcome: true },
  { operator: 'lessThan', actual: 200, expected: 100, outcome: false },
  { operator: 'between', actual: 250, expected: [200, 299], outcome: true },
  { operator: 'between', actual: 200, expected: [200, 299], outcome: true, note: 'inclusive' },
  { operator: 'between', actual: 299, expected: [200, 299], outcome: true, note: 'inclusive' },
  { operator: 'between', actual: 100, expected: [200, 299], outcome: false },
  { operator: 'between', actual: 300, expected: [200, 299], outcome: false },
  { operator: 'startsWith', actual: 'hello world', expected: 'hello', outcome: true },
  { operator: 'startsWith', actual: 'world hello', expected: 'hello', outcome: false },
  { operator: 'endsWith', actual: 'hello world', expected: 'world', outcome: true },
  { operator: 'endsWith', actual: 'world hello', expected: 'world', outcome: false },
  { operator: 'regex', actual: 'ABC-1234', expected: '^[A-Z]{3}-\\d{4}$', outcome: true },
  { operator: 'regex', actual: 'ABC-12', expected: '^[A-Z]{3}-\\d{4}$', outcome: false },
  {
    operator: 'regex',
    actual: 'test',
    expected: '[invalid',
    outcome: { error: /invalid regex pattern.*missing closing \]/ }
  },
  { operator: 'empty', actual: '', outcome: true },
  { operator: 'empty', actual: 'hello', outcome: false },
  { operator: 'notEmpty', actual: 'hello', outcome: true },
  { operator: 'notEmpty', actual: '', outcome: false },
  { operator: 'notEquals', actual: 'world', expected: 'hello', outcome: true },
  { operator: 'notEquals', actual: 'hello', expected: 'hello', outcome: false },
  { operator: 'notContains', actual: 'hello world', expected: 'foo', outcome: true },
  { operator: 'notContains', actual: 'hello foo world', expected: 'foo', outcome: false },

  // The string form: null is "", numbers have no exponent, structures are JSON.
  { operator: 'equals', actual: null, expected: '', outcome: true, note: 'null is ""' },
  { operator: 'equals', actual: null, expected: undefined, outcome: true },
  { operator: 'equals', actual: 1e21, expected: '1000000000000000000000', outcome: true },
  { operator: 'equals', actual: 0.1, expected: '0.1', outcome: true },
  { operator: 'equals', actual: 1.5, expected: 1.5, outcome: true },
  { operator: 'equals', actual: '200', expected: 200.0, outcome: true },
  { operator: 'equals', actual: '1e3', expected: 1000, outcome: false, note: 'text, not numbers' },
  { operator: 'equals', actual: [1, 2], expected: [1, 2], outcome: true },
  { operator: 'equals', actual: { a: 1 }, expected: '{"a":1}', outcome: true },
  { operator: 'equals', actual: 'Hello', expected: 'hello', outcome: false, note: 'case matters' },
  { operator: 'not_equals', actual: 200, expected: '200', outcome: false },

  // contains on text and on arrays.
  { operator: 'contains', actual: ['admin', 'user'], expected: 'admin', outcome: true },
  {
    operator: 'contains',
    actual: ['administrator'],
    expected: 'admin',
    outcome: true,
    note: 'substring, as the reference'
  },
  { operator: 'contains', actual: ['admin', 'user'], expected: 'root', outcome: false },
  { operator: 'contains', actual: [1, 2, 3], expected: 2, outcome: true },
  {
    operator: 'contains',
    actual: ['say "hi"'],
    expected: 'say "hi"',
    outcome: true,
    note: 'element equality despite JSON escaping'
  },
  { operator: 'contains', actual: { id: 7 }, expected: '"id"', outcome: true },
  { operator: 'contains', actual: 12345, expected: 234, outcome: true },
  { operator: 'contains', actual: 'abc', expected: '', outcome: true },
  { operator: 'contains', actual: null, expected: 'a', outcome: false },
  { operator: 'not_contains', actual: ['admin', 'user'], expected: 'root', outcome: true },
  { operator: 'not_contains', actual: ['admin', 'user'], expected: 'user', outcome: false },
  { operator: 'starts_with', actual: 2001, expected: 20, outcome: true },
  { operator: 'ends_with', actual: 'file.json', expected: '.json', outcome: true },

  // regex: RE2, unanchored, on the string form.
  {
    operator: 'regex',
    actual: 'order ord_7Hk2 created',
    expected: 'ord_[A-Za-z0-9]+',
    outcome: true
  },
  { operator: 'regex', actual: 404, expected: '^4\\d\\d$', outcome: true },
  { operator: 'regex', actual: 'HeLLo', expected: '(?i)hello', outcome: true },
  {
    operator: 'regex',
    actual: 'a\nb',
    expected: '^b',
    outcome: false,
    note: 'no multiline by default'
  },
  { operator: 'regex', actual: 'a\nb', expected: '(?m)^b', outcome: true },
  { operator: 'regex', actual: 'héllo', expected: '^\\pL+$', outcome: true },
  { operator: 'regex', actual: '2024', expected: '(?P<year>\\d{4})', outcome: true },
  {
    operator: 'regex',
    actual: 'aa',
    expected: '(a)\\1',
    outcome: { error: /invalid regex pattern.*invalid escape/ },
    note: 'no backreferences'
  },
  {
    operator: 'regex',
    actual: 'ab',
    expected: 'a(?=b)',
    outcome: { error: /invalid regex pattern.*Perl syntax/ },
    note: 'no lookahead'
  },
  {
    operator: 'regex',
    actual: 'x',
    expected: 'a{1001}',
    outcome: { error: /invalid repeat count/ }
  },

  // empty / not_empty ignore the expected value.
  { operator: 'empty', actual: null, expected: 'anything', outcome: true },
  { operator: 'empty', actual: [], outcome: true },
  { operator: 'empty', actual: {}, outcome: true },
  { operator: 'empty', actual: 0, outcome: false },
  { operator: 'empty', actual: false, outcome: false },
  { operator: 'empty', actual: ' ', outcome: false },
  { operator: 'not_empty', actual: [0], outcome: true },
  { operator: 'not_empty', actual: null, outcome: false },
  { operator: 'not_empty', actual: {}, outcome: false },

  // Numeric operators: both sides parsed, non-numbers are errors.
  {
    operator: 'greater_than',
    actual: '10',
    expected: '9',
    outcome: true,
    note: 'numbers, not text order'
  },
  { operator: 'greater_than', actual: 1.5, expected: '1.25', outcome: true },
  { operator: 'greater_than', actual: '1e3', expected: 999, outcome: true },
  { operator: 'less_than', actual: -1, expected: 0, outcome: true },
  { operator: 'greater_than_or_equal', actual: 100, expected: '100', outcome: true },
  { operator: 'greaterThanOrEqual', actual: 99.9, expected: 100, outcome: false },
  { operator: 'less_than_or_equal', actual: '100', expected: 100, outcome: true },
  { operator: 'lessThanOrEqual', actual: 100.1, expected: 100, outcome: false },
  {
    operator: 'greater_than',
    actual: 'abc',
    expected: 1,
    outcome: { error: /actual value abc is not numeric/ }
  },
  {
    operator: 'greater_than',
    actual: 5,
    expected: 'five',
    outcome: { error: /expected value five is not numeric/ }
  },
  {
    operator: 'less_than',
    actual: null,
    expected: 1,
    outcome: { error: /actual value null is not numeric/ }
  },
  { operator: 'less_than', actual: true, expected: 1, outcome: { error: /not numeric/ } },
  {
    operator: 'less_than',
    actual: ' 5',
    expected: 10,
    outcome: { error: /not numeric/ },
    note: 'no trimming, as Go'
  },
  { operator: 'greater_than', actual: 'NaN', expected: 1, outcome: false },
  { operator: 'less_than', actual: 'NaN', expected: 1, outcome: false },
  { operator: 'greater_than', actual: 'Inf', expected: 1e308, outcome: true },

  // between: an inclusive [min, max] pair.
  { operator: 'between', actual: '250', expected: ['200', '299'], outcome: true },
  {
    operator: 'between',
    actual: 250,
    expected: '[200, 299]',
    outcome: true,
    note: 'a JSON pair in text'
  },
  { operator: 'between', actual: 1.5, expected: [1.5, 1.5], outcome: true },
  {
    operator: 'between',
    actual: 5,
    expected: [10, 1],
    outcome: false,
    note: 'bounds are not reordered'
  },
  {
    operator: 'between',
    actual: 5,
    expected: 10,
    outcome: { error: /between requires a \[min, max\] pair, got 10/ }
  },
  { operator: 'between', actual: 5, expected: [1], outcome: { error: /\[min, max\] pair/ } },
  { operator: 'between', actual: 5, expected: [1, 2, 3], outcome: { error: /\[min, max\] pair/ } },
  { operator: 'between', actual: 5, expected: '[1, x]', outcome: { error: /\[min, max\] pair/ } },
  {
    operator: 'between',
    actual: 5,
    expected: ['a', 10],
    outcome: { error: /lower bound a is not numeric/ }
  },
  {
    operator: 'between',
    actual: 5,
    expected: [1, 'z'],
    outcome: { error: /upper bound z is not numeric/ }
  },
  {
    operator: 'between',
    actual: 'x',
    expected: [1, 10],
    outcome: { error: /actual value x is not numeric/ }
  }
]

describe('operator golden table', () => {
  it.each(table.map((c) => [describeCase(c), c] as const))('%s', (_name, c) => {
    if (typeof c.outcome === 'boolean') {
      expect(compare(c.operator, c.actual, c.expected)).toEqual({ passed: c.outcome })
    } else {
      let thrown: unknown
      try {
        compare(c.operator, c.actual, c.expected)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(OperatorError)
      expect((thrown as Error).message).toMatch(c.outcome.error)
    }
  })
})

function describeCase(c: Case): string {
  const outcome = typeof c.outcome === 'boolean' ? String(c.outcome) : `error ${c.outcome.error}`
  const note = c.note ? ` (${c.note})` : ''
  return `${JSON.stringify(c.actual)} ${c.operator} ${JSON.stringify(c.expected)} → ${outcome}${note}`
}

describe('operator registry', () => {
  const pairs: Array<[string, string]> = [
    ['equals', 'equals'],
    ['not_equals', 'notEquals'],
    ['contains', 'contains'],
    ['not_contains', 'notContains'],
    ['starts_with', 'startsWith'],
    ['ends_with', 'endsWith'],
    ['regex', 'regex'],
    ['empty', 'empty'],
    ['not_empty', 'notEmpty'],
    ['greater_than', 'greaterThan'],
    ['less_than', 'lessThan'],
    ['greater_than_or_equal', 'greaterThanOrEqual'],
    ['less_than_or_equal', 'lessThanOrEqual'],
    ['between', 'between']
  ]

  it.each(pairs)('%s and %s name the same operator', (snake, camel) => {
    expect(findOperator(snake)).toBeDefined()
    expect(findOperator(camel)).toBe(findOperator(snake))
    expect(findOperator(snake)?.names[0]).toBe(snake)
  })

  it('holds exactly the fourteen operators of the reference, canonical names first', () => {
    expect(operatorNames).toEqual(pairs.map(([snake]) => snake))
    expect(operators).toHaveLength(14)
  })

  it('knows no other operator (there is no exists)', () => {
    for (const name of ['exists', 'gt', 'Equals', 'not-equals', 'NOT_EQUALS', '']) {
      expect(isKnownOperator(name)).toBe(false)
    }
    expect(() => compare('exists', 1, 1)).toThrow(
      /unknown assertion operator "exists" \(known: equals, not_equals/
    )
  })

  it('marks the operators that ignore the expected value', () => {
    const valueless = operators.filter((o) => !o.takesValue).map((o) => o.names[0])
    expect(valueless).toEqual(['empty', 'not_empty'])
  })
})

describe('regex runs in linear time', () => {
  it('does not backtrack on a catastrophic pattern', () => {
    const started = performance.now()
    const outcome = compare('regex', 'a'.repeat(50_000) + 'b', '^(a+)+$')
    expect(outcome.passed).toBe(false)
    // A backtracking engine needs longer than the age of the universe here.
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
