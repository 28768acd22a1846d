/**
 * Extractors: the JSONPath cases of Echopoint's runner (pkg/extractors/
 * json_path_extractor_test.go) re-expressed, a sample of the JSONPath Compliance Test
 * Suite (RFC 9535), and the header, status, body, query and xml extractors.
 */
import { describe, expect, it } from '@jest/globals'
import {
  createExtractor,
  ExtractionError,
  ExtractorConfigError,
  extractorNames,
  isKnownExtractor,
  parseExtractor,
  type Subject
} from '../src/engine/extractors/registry.js'
import { iRegexpToRe2 } from '../src/engine/extractors/jsonpath-environment.js'

const subject = (body: unknown, extra: Partial<Subject> = {}): Subject => ({ body, ...extra })

function extractError(extract: () => unknown): Error {
  try {
    extract()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the extraction to fail')
}

describe('json_path: cases of the reference', () => {
  const user = {
    user: { name: 'John Doe', age: 30, address: { city: 'New York', country: 'USA' } }
  }
  const orders = {
    orders: [
      { id: 'order-123', status: 'active', total: 100 },
      { id: 'order-456', status: 'completed', total: 200 },
      { id: 'order-789', status: 'active', total: 300 }
    ]
  }
  const cases: Array<[string, unknown, string, unknown]> = [
    ['simple field', user, '$.user.name', 'John Doe'],
    ['nested field', user, '$.user.address.city', 'New York'],
    ['number stays a number', user, '$.user.age', 30],
    ['array element', orders, '$.orders[0].id', 'order-123'],
    [
      'filter, several matches → array',
      orders,
      "$.orders[?@.status=='active'].id",
      ['order-123', 'order-789']
    ],
    [
      'wildcard, several matches → array',
      orders,
      '$.orders[*].id',
      ['order-123', 'order-456', 'order-789']
    ],
    ['one match of a filter → the value', orders, "$.orders[?@.status=='completed'].total", 200],
    ['an object', user, '$.user.address', { city: 'New York', country: 'USA' }],
    ['the root', [1, 2], '$', [1, 2]],
    ['null is a match', { a: null }, '$.a', null],
    ['an array value is one match', { tags: ['x', 'y'] }, '$.tags', ['x', 'y']],
    ['descendants', { a: { id: 1 }, b: [{ id: 2 }] }, '$..id', [1, 2]],
    ['a string body queried at the root', 'plain text', '$', 'plain text']
  ]
  it.each(cases)('%s', (_name, body, path, expected) => {
    expect(createExtractor('json_path', { path }).extract(subject(body))).toEqual(expected)
  })

  const misses: Array<[string, unknown, string]> = [
    ['nonexistent path', user, '$.nonexistent.field'],
    ['missing parsed body', null, '$.user.name'],
    ['absent body', undefined, '$.user.name'],
    ['a field of a string body', '{"user":{"name":"x"}}', '$.user.name'],
    ['filter with no match', orders, "$.orders[?@.status=='lost'].id"],
    ['index out of range', orders, '$.orders[9]']
  ]
  it.each(misses)('%s: no match is an error', (_name, body, path) => {
    const error = extractError(() => createExtractor('jsonPath', { path }).extract(subject(body)))
    expect(error).toBeInstanceOf(ExtractionError)
    expect(error.message).toBe(`JSONPath '${path}' did not match any nodes`)
  })

  it.each(['$[invalid', '$.', 'user.name', '$..', '$[?@.a==]', '$.a[01]'])(
    'rejects the invalid expression %s when the flow is read',
    (path) => {
      expect(() => createExtractor('json_path', { path })).toThrow(ExtractorConfigError)
      expect(() => createExtractor('json_path', { path })).toThrow(
        `invalid JSONPath expression '${path}'`
      )
    }
  )

  it('needs a path', () => {
    expect(() => createExtractor('json_path', {})).toThrow('json_path extractor needs path')
    expect(() => createExtractor('json_path', { path: '  ' })).toThrow(/needs path/)
    expect(() => createExtractor('json_path', { path: 7 })).toThrow(
      'json_path extractor: path must be a string'
    )
  })
})

/**
 * A sample of the JSONPath Compliance Test Suite (jsonpath-standard/
 * jsonpath-compliance-test-suite, cts.json): [name, selector, document, results]
 * where results lists the acceptable node lists, or 'invalid'. The whole suite (687
 * cases) passes; this sample guards the library choice and our RE2 functions.
 */
const U2028 = '\u2028'
const cts: Array<[string, string, unknown, unknown[][] | 'invalid']> = [
  ['basic, root', '$', ['first', 'second'], [[['first', 'second']]]],
  ['basic, no leading whitespace', ' $', null, 'invalid'],
  ['basic, name shorthand', '$.a', { a: 'A', b: 'B' }, [['A']]],
  [
    'basic, wildcard shorthand, object data',
    '$.*',
    { a: 'A', b: 'B' },
    [
      ['A', 'B'],
      ['B', 'A']
    ]
  ],
  ['basic, multiple selectors', '$[0,2]', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [[0, 2]]],
  ['basic, empty segment', '$[]', null, 'invalid'],
  ['basic, descendant segment, wildcard shorthand, array data', '$..*', [0, 1], [[0, 1]]],
  [
    'basic, descendant segment, multiple selectors',
    "$..['a','d']",
    [
      { a: 'b', d: 'e' },
      { a: 'c', d: 'f' }
    ],
    [['b', 'e', 'c', 'f']]
  ],
  [
    'filter, equals string, single quotes',
    "$[?@.a=='b']",
    [
      { a: 'b', d: 'e' },
      { a: 'c', d: 'f' }
    ],
    [[{ a: 'b', d: 'e' }]]
  ],
  [
    'filter, equals null',
    '$[?@.a==null]',
    [
      { a: null, d: 'e' },
      { a: 'c', d: 'f' }
    ],
    [[{ a: null, d: 'e' }]]
  ],
  [
    'filter, less than number',
    '$[?@.a<10]',
    [
      { a: 1, d: 'e' },
      { a: 10, d: 'e' },
      { a: 'c', d: 'f' },
      { a: 20, d: 'f' }
    ],
    [[{ a: 1, d: 'e' }]]
  ],
  [
    'filter, and',
    '$[?@.a>0&&@.a<10]',
    [
      { a: -10, d: 'e' },
      { a: 5, d: 'f' },
      { a: 20, d: 'f' }
    ],
    [[{ a: 5, d: 'f' }]]
  ],
  [
    'filter, or',
    "$[?@.a=='b'||@.a=='d']",
    [
      { a: 'a', d: 'e' },
      { a: 'b', d: 'f' },
      { a: 'c', d: 'f' },
      { a: 'd', d: 'f' }
    ],
    [
      [
        { a: 'b', d: 'f' },
        { a: 'd', d: 'f' }
      ]
    ]
  ],
  [
    'filter, not exists',
    '$[?!@.a]',
    [{ a: 'a', d: 'e' }, { d: 'f' }, { a: 'd', d: 'f' }],
    [[{ d: 'f' }]]
  ],
  [
    'filter, non-singular existence, wildcard',
    '$[?@.*]',
    [1, [], [2], {}, { a: 3 }],
    [[[2], { a: 3 }]]
  ],
  ['filter, relative non-singular query, index, equal', '$[?(@[0, 0]==42)]', null, 'invalid'],
  ['index selector, negative', '$[-1]', ['first', 'second'], [['second']]],
  ['index selector, leading 0', '$[01]', null, 'invalid'],
  ['name selector, double quotes, escaped double quote', '$["\\""]', { '"': 'A' }, [['A']]],
  [
    'slice selector, negative step with default start and end',
    '$[::-1]',
    [0, 1, 2, 3],
    [[3, 2, 1, 0]]
  ],
  ['slice selector, overflowing to value', `$[2:${'9'.repeat(40)}]`, null, 'invalid'],
  [
    'functions, count, count function',
    '$[?count(@..*)>2]',
    [{ a: [1, 2, 3] }, { a: [1], d: 'f' }, { a: 1, d: 'f' }],
    [[{ a: [1, 2, 3] }, { a: [1], d: 'f' }]]
  ],
  ['functions, count, non-query arg, number', '$[?count(1)>2]', null, 'invalid'],
  [
    'functions, length, string data',
    '$[?length(@.a)>=2]',
    [{ a: 'ab' }, { a: 'd' }],
    [[{ a: 'ab' }]]
  ],
  ['functions, length, result must be compared', '$[?length(@.a)]', null, 'invalid'],
  ['functions, match, found match', "$[?match(@.a, 'a.*')]", [{ a: 'ab' }], [[{ a: 'ab' }]]],
  [
    'functions, match, regex from the document',
    '$.values[?match(@, $.regex)]',
    { regex: 'b.?b', values: ['abc', 'bcd', 'bab', 'bba', 'bbab', 'b', true, [], {}] },
    [['bab']]
  ],
  ['functions, match, non-string first arg', "$[?match(1, 'a.*')]", [{ a: 'bc' }], [[]]],
  [
    'functions, match, unicode char class, uppercase',
    "$[?match(@, '\\\\p{Lu}')]",
    ['ж', 'Ж', '1', 'жЖ', true, [], {}],
    [['Ж']]
  ],
  [
    'functions, match, dot matcher on \\u2028',
    "$[?match(@, '.')]",
    [U2028, '\r', '\n', true, [], {}],
    [[U2028]]
  ],
  [
    'functions, match, dot in character class',
    "$[?match(@, 'a[.b]c')]",
    ['abc', 'a.c', 'axc'],
    [['abc', 'a.c']]
  ],
  [
    'functions, search, at the end',
    "$[?search(@.a, 'a.*')]",
    [{ a: 'the end is ab' }],
    [[{ a: 'the end is ab' }]]
  ],
  [
    'functions, value, single-value nodelist',
    '$[?value(@.*)==4]',
    [[4], { foo: 4 }, [5], { foo: 5 }, 4],
    [[[4], { foo: 4 }]]
  ]
]

describe('json_path: JSONPath Compliance Test Suite sample', () => {
  it.each(cts)('%s', (_name, path, document, results) => {
    if (results === 'invalid') {
      expect(() => createExtractor('json_path', { path })).toThrow(ExtractorConfigError)
      return
    }
    const extractor = createExtractor('json_path', { path })
    const expectedForms = results.map((nodes) =>
      nodes.length === 0 ? 'no match' : nodes.length === 1 ? nodes[0] : nodes
    )
    let got: unknown
    try {
      got = extractor.extract(subject(document))
    } catch (error) {
      expect(error).toBeInstanceOf(ExtractionError)
      got = 'no match'
    }
    expect(expectedForms).toContainEqual(got)
  })
})

describe('json_path: match() and search() run on RE2', () => {
  it('stays linear on a catastrophic pattern (JavaScript RegExp takes seconds at 27 characters)', () => {
    const started = performance.now()
    const extractor = createExtractor('json_path', { path: "$[?match(@, '(a+)+$')]" })
    expect(extractor.extract(subject(['a'.repeat(5_000) + 'b', 'aaa']))).toBe('aaa')
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('match is whole-string, search is any substring', () => {
    const doc = ['abc', 'xabcx', 'ab']
    expect(
      createExtractor('json_path', { path: "$[?match(@, 'abc')]" }).extract(subject(doc))
    ).toBe('abc')
    expect(
      createExtractor('json_path', { path: "$[?search(@, 'abc')]" }).extract(subject(doc))
    ).toEqual(['abc', 'xabcx'])
  })

  it('treats a pattern outside I-Regexp as no match, not an error (RFC 9535 §2.4.6)', () => {
    const extractor = createExtractor('json_path', { path: "$[?match(@, '\\\\d+')]" })
    expect(() => extractor.extract(subject(['123']))).toThrow('did not match any nodes')
  })

  it('maps the I-Regexp dot (not CR, not LF) to RE2', () => {
    expect(iRegexpToRe2('a.c')).toBe('a[^\\n\\r]c')
    expect(iRegexpToRe2('a[.]c')).toBe('a[.]c')
    expect(iRegexpToRe2('a\\.c')).toBe('a\\.c')
    expect(iRegexpToRe2('\\\\.')).toBe('\\\\[^\\n\\r]')
  })
})

describe('status_code', () => {
  it('gives the status as an integer', () => {
    expect(createExtractor('status_code').extract(subject({}, { statusCode: 201 }))).toBe(201)
    expect(createExtractor('statusCode').extract(subject({}, { statusCode: 404 }))).toBe(404)
  })

  it('fails on a value that had no request', () => {
    const error = extractError(() => createExtractor('status_code').extract(subject({ a: 1 })))
    expect(error).toBeInstanceOf(ExtractionError)
    expect(error.message).toMatch(/no HTTP status/)
  })
})

describe('header', () => {
  const headers = {
    'Content-Type': ['application/json; charset=utf-8'],
    'set-cookie': ['a=1', 'b=2'],
    'x-empty': [''],
    'x-none': []
  }
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['exact name', { header_name: 'Content-Type' }, 'application/json; charset=utf-8'],
    ['case-insensitive', { header_name: 'content-type' }, 'application/json; charset=utf-8'],
    ['upper case', { header_name: 'CONTENT-TYPE' }, 'application/json; charset=utf-8'],
    ['camelCase field', { headerName: 'Set-Cookie' }, 'a=1'],
    ['first value of several', { header_name: 'set-cookie' }, 'a=1'],
    ['sent empty', { header_name: 'x-empty' }, '']
  ]
  it.each(cases)('%s', (_name, data, value) => {
    expect(createExtractor('header', data).extract(subject(null, { headers }))).toBe(value)
  })

  it.each([
    ['absent', 'x-request-id', headers],
    ['listed without values', 'x-none', headers],
    ['no headers at all', 'content-type', undefined]
  ])('%s: an error naming the header', (_name, headerName, hs) => {
    const error = extractError(() =>
      createExtractor('header', { header_name: headerName }).extract(subject(null, { headers: hs }))
    )
    expect(error).toBeInstanceOf(ExtractionError)
    expect(error.message).toBe(`header ${headerName} not found`)
  })

  it('needs a header name', () => {
    expect(() => createExtractor('header', {})).toThrow(
      'header extractor needs header_name (or headerName)'
    )
  })
})

describe('body', () => {
  it.each([[{ a: [1] }], ['text'], [[1, 2]], [0], [false]])('returns %p as is', (body) => {
    expect(createExtractor('body').extract(subject(body))).toEqual(body)
  })
  it('returns null for an absent body', () => {
    expect(createExtractor('body').extract(subject(undefined))).toBeNull()
  })
})

describe('query_param', () => {
  const query = { page: ['2', '3'], Q: ['x'], empty: [''] }
  it('gives the first value, case-sensitively', () => {
    expect(
      createExtractor('query_param', { param_name: 'page' }).extract(subject(null, { query }))
    ).toBe('2')
    expect(
      createExtractor('queryParam', { paramName: 'Q' }).extract(subject(null, { query }))
    ).toBe('x')
    expect(
      createExtractor('query_param', { param_name: 'empty' }).extract(subject(null, { query }))
    ).toBe('')
  })
  it('fails for an absent parameter, or on a response', () => {
    expect(() =>
      createExtractor('query_param', { param_name: 'q' }).extract(subject(null, { query }))
    ).toThrow('query param q not found')
    expect(() =>
      createExtractor('query_param', { param_name: 'toString' }).extract(subject(null, { query }))
    ).toThrow('query param toString not found')
    expect(() =>
      createExtractor('query_param', { param_name: 'page' }).extract(
        subject({}, { statusCode: 200 })
      )
    ).toThrow(/received request/)
  })
})

describe('xml_path', () => {
  it('is accepted but says clearly it is not supported when used', () => {
    const extractor = createExtractor('xml_path', { path: '/a/b' })
    expect(extractor.type).toBe('xml_path')
    const error = extractError(() => extractor.extract(subject('<a><b>1</b></a>')))
    expect(error).toBeInstanceOf(ExtractionError)
    expect(error.message).toMatch(/xml_path extractor is not supported/)
  })
})

describe('extractor registry', () => {
  const pairs: Array<[string, string]> = [
    ['status_code', 'statusCode'],
    ['header', 'header'],
    ['body', 'body'],
    ['json_path', 'jsonPath'],
    ['query_param', 'queryParam'],
    ['xml_path', 'xmlPath']
  ]
  it.each(pairs)('%s and %s are the same extractor', (snake, camel) => {
    const data = { path: '$', header_name: 'h', param_name: 'p' }
    expect(createExtractor(snake, data).type).toBe(snake)
    expect(createExtractor(camel, data).type).toBe(snake)
    expect(isKnownExtractor(snake) && isKnownExtractor(camel)).toBe(true)
  })

  it('lists canonical names and rejects unknown types', () => {
    expect(extractorNames).toEqual(pairs.map(([snake]) => snake))
    expect(isKnownExtractor('jsonpath')).toBe(false)
    expect(() => createExtractor('unknown')).toThrow(
      /unknown extractor type: unknown \(known: status_code/
    )
  })

  it('parses the nested form of outputs', () => {
    const extractor = parseExtractor({ type: 'json_path', path: '$.user.id' })
    expect(extractor.label).toBe('json_path $.user.id')
    expect(extractor.extract(subject({ user: { id: 7 } }))).toBe(7)
    expect(parseExtractor({ type: 'header', headerName: 'ETag' }).label).toBe('header ETag')
    expect(() => parseExtractor({ path: '$' })).toThrow('an extractor needs a type')
    expect(() => parseExtractor('json_path')).toThrow(ExtractorConfigError)
  })
})
