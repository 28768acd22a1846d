/**
 * Templates: `{{ref}}` in text, `{{{ref}}}` keeping the type, references to inputs and
 * node outputs with paths into values (pkg/engine/loop_item_path_test.go,
 * dotted_flow_input_test.go, docs/technical/template-references.md of the reference),
 * generators, the reference list used by validation, and unresolved references
 * reported instead of left silently in place. Property tests check round trips over
 * random values.
 */
import { describe, expect, it } from '@jest/globals'
import { createGeneratorContext } from '../src/engine/generators/registry.js'
import {
  findReferenceRoot,
  formatLocation,
  listReferences,
  lookupReference,
  resolveTemplates,
  resolveValue,
  TemplateError,
  type TemplateScope
} from '../src/engine/templates.js'
import { toText } from '../src/engine/values.js'

function scopeOf(
  inputs: Record<string, unknown>,
  outputs: Record<string, Record<string, unknown>> = {}
): TemplateScope {
  return {
    inputs,
    outputs: (nodeId) =>
      Object.prototype.hasOwnProperty.call(outputs, nodeId) ? outputs[nodeId] : undefined,
    generators: createGeneratorContext({
      seed: 'exec-templates',
      now: () => Date.parse('2024-05-01T12:00:00Z')
    })
  }
}

const scope = scopeOf(
  {
    name: 'Ada',
    count: 3,
    ratio: 0.1,
    big: 1e21,
    flag: false,
    nothing: null,
    obj: { a: 1, b: [true, null] },
    list: ['x', 'y'],
    item: { id: 'a1', tags: ['t1', 't2'], nested: { deep: [{ v: 42 }] } },
    index: 0,
    'webhook.url': 'https://hooks.example/webhook/abc',
    'a.b': 'exact key',
    a: { b: 'walked', c: { d: 'via a' } },
    'a.c': { d: 'via a.c' }
  },
  {
    'create-user': { userId: 'u_123', statusCode: 201 },
    list_accounts: { accounts: [{ id: 'acc_1' }, { id: 'acc_2' }] },
    loop: { results: [{ 'pick.account_id': 'a1' }, { 'pick.account_id': 'b2' }], count: 2 },
    dotted: { 'x.y': 'output key with a dot' },
    hook: { id: 'h1' }
  }
)

describe('resolving', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['an input in text', 'Hello {{name}}!', 'Hello Ada!'],
    ['whitespace inside braces', 'Hello {{  name }}!', 'Hello Ada!'],
    ['several references', '{{name}}/{{count}}/{{name}}', 'Ada/3/Ada'],
    ['a number in text', 'n={{count}}', 'n=3'],
    ['a decimal in text', '{{ratio}}', '0.1'],
    ['no exponent in text', '{{big}}', '1000000000000000000000'],
    ['false in text', '{{flag}}', 'false'],
    ['null in text is empty', '[{{nothing}}]', '[]'],
    ['an object in text is JSON', 'o={{obj}}', 'o={"a":1,"b":[true,null]}'],
    ['an array in text is JSON', '{{list}}', '["x","y"]'],
    ['a lone {{ref}} is text', '{{count}}', '3'],
    ['{{{ref}}} keeps a number', '{{{count}}}', 3],
    ['{{{ref}}} keeps an object', '{{{obj}}}', { a: 1, b: [true, null] }],
    ['{{{ref}}} keeps null', '{{{nothing}}}', null],
    ['{{{ref}}} keeps false', '{{{flag}}}', false],
    ['{{{ref}}} with spaces inside and around', '  {{{ count }}}\n', 3],
    ['{{{ref}}} inside text reads as text', 'id={{{count}}}', 'id=3'],
    ['a node output (split at the first dot)', '/users/{{create-user.userId}}', '/users/u_123'],
    ['a typed node output', '{{{create-user.statusCode}}}', 201],
    ['a field of the loop item', '{{item.id}}', 'a1'],
    ['an array field of the item, typed', '{{{item.tags}}}', ['t1', 't2']],
    ['an index into an input', '{{list.1}}', 'y'],
    ['deep into an input', '{{{item.nested.deep.0.v}}}', 42],
    ['into an upstream output array', '{{list_accounts.accounts.0.id}}', 'acc_1'],
    ['a whole loop result', '{{{loop.results.1}}}', { 'pick.account_id': 'b2' }],
    [
      'a dotted input when no node of that name ran',
      '{{webhook.url}}',
      'https://hooks.example/webhook/abc'
    ],
    ['an exact key wins over a walk', '{{a.b}}', 'exact key'],
    ['the longest dotted prefix wins', '{{a.c.d}}', 'via a.c'],
    ['an output key containing a dot', '{{dotted.x.y}}', 'output key with a dot'],
    ['no template', 'plain text', 'plain text'],
    ['empty braces are text', '{{}} and {{ }}', '{{}} and {{ }}'],
    ['braces inside are not a reference', '{{a{b}}', '{{a{b}}'],
    ['single braces are text', '{name}', '{name}'],
    ['a generator in text', 'n={{$int:7:7}}', 'n=7'],
    ['a whole generator stays text', '{{{$int:7:7}}}', '7'],
    ['a generator with a time offset', '{{$isoTimestamp:+15s}}', '2024-05-01T12:00:15Z'],
    ['a generator in snake_case', '{{ $iso_timestamp }}', '2024-05-01T12:00:00Z']
  ]
  it.each(cases)('%s', (_name, template, expected) => {
    const { value, unresolved } = resolveTemplates(template, scope)
    expect(unresolved).toEqual([])
    expect(value).toEqual(expected)
  })

  it('resolves inside objects and arrays, values only (keys stay)', () => {
    const body = {
      '{{name}}': '{{name}}',
      user: {
        id: '{{{create-user.userId}}}',
        tags: ['{{{item.tags}}}', 'n{{count}}', 7, null, true]
      }
    }
    expect(resolveValue(body, scope)).toEqual({
      '{{name}}': 'Ada',
      user: { id: 'u_123', tags: [['t1', 't2'], 'n3', 7, null, true] }
    })
    expect(body.user.id).toBe('{{{create-user.userId}}}') // the input is not modified
  })

  it('gives a lone {{ref}} its type on request (loop items)', () => {
    expect(resolveValue('{{list}}', scope, { wholeReferenceKeepsType: true })).toEqual(['x', 'y'])
    expect(resolveValue(' {{ item.tags }} ', scope, { wholeReferenceKeepsType: true })).toEqual([
      't1',
      't2'
    ])
    expect(resolveValue('items: {{list}}', scope, { wholeReferenceKeepsType: true })).toBe(
      'items: ["x","y"]'
    )
  })

  it('reads an output over a dotted input of the same name once that node ran', () => {
    const s = scopeOf({ 'webhook.url': 'from input' }, { webhook: { url: 'from node' } })
    expect(resolveValue('{{webhook.url}}', s)).toBe('from node')
    const ranWithout = scopeOf({ 'webhook.url': 'from input' }, { webhook: { id: 'w' } })
    expect(resolveValue('{{webhook.url}}', ranWithout)).toBe('from input')
  })

  it('draws generator values from the execution stream', () => {
    const a = resolveValue(['{{$uuid}}', '{{$uuid}}'], scope) as string[]
    expect(a[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(a[0]).not.toBe(a[1])
  })
})

describe('unresolved references are reported, never silently kept', () => {
  const cases: Array<[string, string, string]> = [
    ['an unknown input', '{{nope}}', 'no flow input "nope"'],
    [
      'an unknown dotted name',
      '{{ghost.id}}',
      'no flow input "ghost" or "ghost.id", and no finished node ghost'
    ],
    [
      'an output the node does not have',
      '{{create-user.email}}',
      'node create-user has no output "email"'
    ],
    ['a missing field', '{{item.name}}', 'item has no field "name"'],
    [
      'an index out of range',
      '{{list_accounts.accounts.5.id}}',
      'list_accounts.accounts has no element "5" (a list of 2)'
    ],
    ['a non-numeric index', '{{list.first}}', 'list has no element "first" (a list of 2)'],
    ['a path into a scalar', '{{name.length}}', 'name is a string, so it has no "length"'],
    ['a path into null', '{{nothing.x}}', 'nothing is null, so it has no "x"'],
    [
      'a deep miss names where it stopped',
      '{{item.nested.deep.0.w}}',
      'item.nested.deep.0 has no field "w"'
    ],
    [
      'a dotted field inside an element',
      '{{loop.results.0.pick.account_id}}',
      'loop.results.0 has no field "pick"'
    ],
    ['no prototype keys', '{{obj.constructor}}', 'obj has no field "constructor"'],
    ['an unknown generator', '{{$guid}}', 'unknown generator {{$guid}}'],
    ['a generator with a bad argument', '{{$iban:US}}', 'unsupported country "US"']
  ]
  it.each(cases)('%s', (_name, template, reason) => {
    const text = `before ${template} after`
    const { value, unresolved } = resolveTemplates({ field: [text] }, scope)
    expect(value).toEqual({ field: [text] }) // left as written
    expect(unresolved).toHaveLength(1)
    expect(unresolved[0].text).toBe(template)
    expect(unresolved[0].location).toEqual(['field', 0])
    expect(unresolved[0].reason).toContain(reason)
  })

  it('returns the original string for an unresolved {{{ref}}}', () => {
    const { value, unresolved } = resolveTemplates('  {{{nope}}} ', scope)
    expect(value).toBe('  {{{nope}}} ')
    expect(unresolved).toEqual([
      { text: '{{{nope}}}', ref: 'nope', location: [], reason: 'no flow input "nope"' }
    ])
  })

  it('lists every unresolved reference, and resolveValue throws them all', () => {
    const value = { url: '{{base}}/users/{{id}}', headers: { 'X-Token': '{{{token}}}' } }
    const { unresolved } = resolveTemplates(value, scope)
    expect(unresolved.map((u) => u.ref)).toEqual(['base', 'id', 'token'])
    let thrown: unknown
    try {
      resolveValue(value, scope)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TemplateError)
    expect((thrown as TemplateError).unresolved).toHaveLength(3)
    expect((thrown as Error).message).toBe(
      '{{base}} in url: no flow input "base"; {{id}} in url: no flow input "id"; ' +
        '{{{token}}} in headers.X-Token: no flow input "token"'
    )
  })
})

describe('listReferences (for validation)', () => {
  it('finds value and generator references with their place', () => {
    const data = {
      url: '{{base}}/users/{{ create-user.userId }}?t={{$timestamp:+15s}}',
      body: { items: ['{{{item.tags}}}', 'x'], n: 1 },
      '{{key}}': 'keys are not templated'
    }
    expect(listReferences(data)).toEqual([
      { kind: 'value', text: '{{base}}', ref: 'base', whole: false, location: ['url'] },
      {
        kind: 'value',
        text: '{{ create-user.userId }}',
        ref: 'create-user.userId',
        whole: false,
        location: ['url']
      },
      {
        kind: 'generator',
        text: '{{$timestamp:+15s}}',
        ref: '$timestamp:+15s',
        whole: false,
        location: ['url'],
        name: 'timestamp',
        args: ['+15s']
      },
      {
        kind: 'value',
        text: '{{{item.tags}}}',
        ref: 'item.tags',
        whole: true,
        location: ['body', 'items', 0]
      }
    ])
  })

  it('marks a lone {{ref}} as whole only with the loop option', () => {
    expect(listReferences('{{items}}')[0].whole).toBe(false)
    expect(listReferences('{{items}}', { wholeReferenceKeepsType: true })[0].whole).toBe(true)
  })

  it('formats locations as users read them', () => {
    expect(formatLocation([])).toBe('')
    expect(formatLocation(['body', 'items', 0, 'name'])).toBe('body.items[0].name')
    expect(formatLocation(['headers', 'X-Token'])).toBe('headers.X-Token')
    expect(formatLocation(['data', 'a b'])).toBe('data["a b"]')
  })

  it('findReferenceRoot applies the lookup rules to declared names', () => {
    const roots = {
      input: (name: string) => ['item', 'webhook.url', 'a', 'a.b'].includes(name),
      output: (nodeId: string, key: string) => nodeId === 'list_accounts' && key === 'accounts'
    }
    expect(findReferenceRoot('item.id', roots)).toEqual({
      source: 'input',
      name: 'item',
      path: ['id']
    })
    expect(findReferenceRoot('webhook.url', roots)).toEqual({
      source: 'input',
      name: 'webhook.url',
      path: []
    })
    expect(findReferenceRoot('a.b.c', roots)).toEqual({ source: 'input', name: 'a.b', path: ['c'] })
    expect(findReferenceRoot('list_accounts.accounts.0.id', roots)).toEqual({
      source: 'output',
      nodeId: 'list_accounts',
      key: 'accounts',
      path: ['0', 'id']
    })
    expect(findReferenceRoot('list_accounts.total', roots)).toBeUndefined()
    expect(findReferenceRoot('other', roots)).toBeUndefined()
  })

  it('lookupReference reads one reference', () => {
    expect(lookupReference('item.tags.1', scope)).toEqual({ ok: true, value: 't2' })
    expect(lookupReference('item.nope', scope)).toEqual({
      ok: false,
      reason: 'item has no field "nope"'
    })
  })
})

// --- property tests ----------------------------------------------------------------

/** A small seeded PRNG (mulberry32), independent of the code under test. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomKey(next: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz_'
  let key = ''
  for (let i = 0, n = 1 + Math.floor(next() * 6); i < n; i++)
    key += letters[Math.floor(next() * letters.length)]
  return key
}

function randomText(next: () => number): string {
  const pool = ['a', 'Z', ' ', '{', '}', '$', '.', 'é', '"', '\\', '\n', '0', '😀']
  let text = ''
  for (let i = 0, n = Math.floor(next() * 8); i < n; i++)
    text += pool[Math.floor(next() * pool.length)]
  return text.replaceAll('{{', '{ {')
}

function randomValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth >= 3 ? 5 : 7))
  switch (pick) {
    case 0:
      return null
    case 1:
      return next() < 0.5
    case 2:
      return [0, -1, 1e21, 1.5e-7, 0.1, 2 ** 53, Math.floor(next() * 1e6) / 100][
        Math.floor(next() * 7)
      ]
    case 3:
    case 4:
      return randomText(next)
    case 5:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1))
    default: {
      const out: Record<string, unknown> = {}
      for (let i = 0, n = Math.floor(next() * 4); i < n; i++)
        out[randomKey(next)] = randomValue(next, depth + 1)
      return out
    }
  }
}

describe('properties over random values', () => {
  const RUNS = 300

  it('{{{x}}} gives x back with its type, whatever the surrounding whitespace', () => {
    const next = prng(1)
    for (let i = 0; i < RUNS; i++) {
      const x = randomValue(next)
      const template = `${' '.repeat(i % 3)}{{{${i % 2 ? ' x ' : 'x'}}}}${'\n'.repeat(i % 2)}`
      expect(resolveValue(template, scopeOf({ x }))).toEqual(x)
    }
  })

  it('{{x}} in text gives the string form of x', () => {
    const next = prng(2)
    for (let i = 0; i < RUNS; i++) {
      const x = randomValue(next)
      expect(resolveValue(`<{{x}}>`, scopeOf({ x }))).toBe(`<${toText(x)}>`)
    }
  })

  it('a path walks to the same value as direct access', () => {
    const next = prng(3)
    let walked = 0
    for (let i = 0; i < RUNS; i++) {
      // A non-empty container at the top, so most runs walk somewhere.
      const drawn = randomValue(next)
      const root =
        drawn !== null && typeof drawn === 'object' && Object.keys(drawn).length > 0
          ? drawn
          : [drawn]
      // Walk down a random branch, recording the path.
      const path: string[] = []
      let at: unknown = root
      while (at !== null && typeof at === 'object' && next() < 0.8) {
        const keys = Array.isArray(at) ? at.map((_, j) => String(j)) : Object.keys(at)
        if (keys.length === 0) break
        const key = keys[Math.floor(next() * keys.length)]
        path.push(key)
        at = (at as Record<string, unknown>)[key]
      }
      const ref = ['root', ...path].join('.')
      expect(resolveValue(`{{{${ref}}}}`, scopeOf({ root }))).toEqual(at)
      if (path.length > 0) walked++
    }
    expect(walked).toBeGreaterThan(RUNS / 2)
  })

  it('a value without templates resolves to an equal value, with nothing reported', () => {
    const next = prng(4)
    for (let i = 0; i < RUNS; i++) {
      const value = randomValue(next)
      expect(resolveTemplates(value, scopeOf({}))).toEqual({ value, unresolved: [] })
    }
  })

  it('every template in a random document is listed, and resolves to its input', () => {
    const next = prng(5)
    for (let i = 0; i < 100; i++) {
      const inputs: Record<string, unknown> = {}
      const expected: unknown[] = []
      const document = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, j) => {
        const value = randomValue(next)
        inputs[`v${j}`] = value
        expected.push(value)
        return `{{{v${j}}}}`
      })
      expect(listReferences(document).map((r) => r.ref)).toEqual(document.map((_, j) => `v${j}`))
      expect(resolveValue(document, scopeOf(inputs))).toEqual(expected)
    }
  })
})
