/**
 * The value model every operator and template agrees on: the string form (numbers in
 * shortest decimal without exponent, Go's FormatFloat 'f' -1), the number form (Go's
 * ParseFloat grammar) and emptiness.
 */
import { describe, expect, it } from '@jest/globals'
import {
  displayValue,
  formatNumber,
  isEmpty,
  isPlainObject,
  toNumber,
  toText
} from '../src/engine/values.js'

describe('formatNumber: shortest decimal, never an exponent', () => {
  const cases: Array<[number, string]> = [
    [0, '0'],
    [-0, '0'],
    [200, '200'],
    [-17, '-17'],
    [0.1, '0.1'],
    [1.5, '1.5'],
    [123.456, '123.456'],
    [1e21, '1000000000000000000000'],
    [-1e21, '-1000000000000000000000'],
    [1.2345e25, '12345000000000000000000000'],
    [123456789012345680000, '123456789012345680000'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [2.5e-6, '0.0000025'],
    [1e-6, '0.000001'],
    [2 ** 53 + 1, '9007199254740992'], // 2^53 + 1 is not a double: it reads as 2^53
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN']
  ]
  it.each(cases)('%p → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text)
  })

  it('reads back to the same number for a spread of magnitudes', () => {
    for (let exponent = -300; exponent <= 300; exponent += 7) {
      for (const mantissa of [1, 1.5, 2.718281828459045, 9.999999999999998]) {
        const value = mantissa * 10 ** exponent
        const text = formatNumber(value)
        expect(text).not.toMatch(/e/i)
        expect(Number(text)).toBe(value)
      }
    }
  })
})

describe('toText: the string form', () => {
  const cases: Array<[string, unknown, string]> = [
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['string', 'héllo', 'héllo'],
    ['empty string', '', ''],
    ['integer', 200, '200'],
    ['float', 0.1, '0.1'],
    ['big number', 1e21, '1000000000000000000000'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['array', [1, 'a', null], '[1,"a",null]'],
    ['object', { a: 1, b: [true] }, '{"a":1,"b":[true]}'],
    ['empty array', [], '[]'],
    ['empty object', {}, '{}']
  ]
  it.each(cases)('%s', (_name, value, text) => {
    expect(toText(value)).toBe(text)
  })
})

describe('toNumber: Go ParseFloat grammar', () => {
  const cases: Array<[unknown, number | undefined]> = [
    [200, 200],
    [-1.5, -1.5],
    ['200', 200],
    ['-3', -3],
    ['+3', 3],
    ['1.', 1],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['-1.5e+3', -1500],
    ['Inf', Infinity],
    ['+inf', Infinity],
    ['-Infinity', -Infinity],
    ['', undefined],
    [' 5', undefined],
    ['5 ', undefined],
    ['1_000', undefined],
    ['0x10', undefined],
    ['abc', undefined],
    ['1e', undefined],
    ['.', undefined],
    [true, undefined],
    [null, undefined],
    [undefined, undefined],
    [[1], undefined],
    [{ a: 1 }, undefined]
  ]
  it.each(cases)('%p → %p', (value, number) => {
    expect(toNumber(value)).toBe(number)
  })

  it('reads NaN as NaN (Go does; every comparison with it is false)', () => {
    expect(toNumber('NaN')).toBeNaN()
    expect(toNumber('nan')).toBeNaN()
  })
})

describe('isEmpty', () => {
  const cases: Array<[unknown, boolean]> = [
    [null, true],
    [undefined, true],
    ['', true],
    [[], true],
    [{}, true],
    [' ', false],
    ['a', false],
    [0, false],
    [false, false],
    [[null], false],
    [{ a: null }, false]
  ]
  it.each(cases)('%p → %p', (value, empty) => {
    expect(isEmpty(value)).toBe(empty)
  })
})

describe('displayValue: how values read in messages', () => {
  it('shows absent values as null and the empty string quoted', () => {
    expect(displayValue(null)).toBe('null')
    expect(displayValue(undefined)).toBe('null')
    expect(displayValue('')).toBe('""')
    expect(displayValue('ok')).toBe('ok')
    expect(displayValue(404)).toBe('404')
    expect(displayValue([1, 2])).toBe('[1,2]')
  })
})

describe('isPlainObject', () => {
  it('accepts JSON objects only', () => {
    expect(isPlainObject({})).toBe(true)
    expect(isPlainObject(Object.create(null))).toBe(true)
    expect(isPlainObject([])).toBe(false)
    expect(isPlainObject(null)).toBe(false)
    expect(isPlainObject(new Date())).toBe(false)
    expect(isPlainObject('x')).toBe(false)
  })
})
