/**
 * The parsers under the wait engine: HTTP-dates, reset values of unknown form, the
 * IETF structured fields and the server clock. Malformed input gives undefined.
 */
import { describe, expect, it } from '@jest/globals'
import { parseHttpDate } from '../src/core/api/ratelimit/http-date.js'
import { readIetfRateLimit, readXRateLimit } from '../src/core/api/ratelimit/headers.js'
import {
  classifyResetNumber,
  parseIsoTimestamp,
  parseResetTime
} from '../src/core/api/ratelimit/reset-time.js'
import { parseRetryAfter } from '../src/core/api/ratelimit/retry-after.js'
import { serverClock } from '../src/core/api/ratelimit/server-clock.js'
import { parseStructuredMembers } from '../src/core/api/ratelimit/structured-fields.js'
import { formatWait, isoTime } from '../src/core/api/ratelimit/wait-format.js'

const NOW = Date.parse('2024-01-15T10:00:00.000Z')
const NOW_S = NOW / 1000
const RFC_EXAMPLE = Date.parse('1994-11-06T08:49:37Z')

describe('HTTP-date (RFC 9110 §5.6.7)', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', RFC_EXAMPLE],
    ['Sunday, 06-Nov-94 08:49:37 GMT', RFC_EXAMPLE],
    ['Sun Nov  6 08:49:37 1994', RFC_EXAMPLE],
    ['Sun Nov 6 08:49:37 1994', RFC_EXAMPLE],
    ['  sun, 06 nov 1994 08:49:37 gmt ', RFC_EXAMPLE],
    ['Mon, 15 Jan 2024 10:00:00 GMT', NOW],
    // RFC 850 two-digit years: more than 50 years ahead means the past century.
    ['Monday, 15-Jan-24 10:00:00 GMT', NOW],
    ['Thursday, 15-Jan-70 10:00:00 GMT', Date.parse('2070-01-15T10:00:00Z')],
    ['Wednesday, 15-Jan-75 10:00:00 GMT', Date.parse('1975-01-15T10:00:00Z')]
  ])('%s', (value, expected) => {
    expect(parseHttpDate(value, NOW)).toBe(expected)
  })

  it.each([
    '',
    'soon',
    '45',
    '2024-01-15T10:00:00Z',
    'Sun, 06 Nov 1994 08:49:37 PST',
    'Sun, 31 Feb 1994 08:49:37 GMT',
    'Sun, 06 Foo 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:00:00 GMT',
    'Sun, 06 Nov 1994 08:60:00 GMT',
    'Sunday, 06-Nov-1994 08:49:37 GMT'
  ])('rejects %j', (value) => {
    expect(parseHttpDate(value, NOW)).toBeUndefined()
  })
})

describe('reset values of unknown form', () => {
  it.each<[number, number | undefined, string | undefined]>([
    [45, NOW + 45_000, 'delay seconds'],
    [0, NOW, 'delay seconds'],
    [86_400, NOW + 86_400_000, 'delay seconds'],
    [NOW_S + 30, NOW + 30_000, 'epoch seconds'],
    [NOW_S - 30, NOW - 30_000, 'epoch seconds'],
    [NOW + 30_000, NOW + 30_000, 'epoch milliseconds'],
    // Between a day and "a year around now": no reading fits.
    [86_401, undefined, undefined],
    [1_000_000_000, undefined, undefined],
    [NOW_S + 400 * 86_400, undefined, undefined],
    [NOW * 1000, undefined, undefined]
  ])('%d', (value, atMs, form) => {
    const reading = classifyResetNumber(value, NOW)
    expect(reading?.atMs).toBe(atMs)
    expect(reading?.form).toBe(form)
  })

  it('reads ISO 8601 with Z, an offset, no zone (UTC) and fractions', () => {
    expect(parseIsoTimestamp('2024-01-15T10:30:00.000Z')).toBe(Date.parse('2024-01-15T10:30:00Z'))
    expect(parseIsoTimestamp('2024-01-15T12:30:00+02:00')).toBe(Date.parse('2024-01-15T10:30:00Z'))
    expect(parseIsoTimestamp('2024-01-15T05:30:00-0500')).toBe(Date.parse('2024-01-15T10:30:00Z'))
    expect(parseIsoTimestamp('2024-01-15 10:30:00')).toBe(Date.parse('2024-01-15T10:30:00Z'))
    expect(parseIsoTimestamp('2024-01-15T10:30:00.123456Z')).toBe(
      Date.parse('2024-01-15T10:30:00.123Z')
    )
    for (const bad of ['2024-02-30T10:00:00Z', '2024-13-01T00:00:00Z', '2024-01-15', 'x']) {
      expect(parseIsoTimestamp(bad)).toBeUndefined()
    }
  })

  it('parses any form, or gives undefined', () => {
    expect(parseResetTime('2024-01-15T10:00:30Z', NOW)?.form).toBe('ISO 8601')
    expect(parseResetTime('Mon, 15 Jan 2024 10:00:30 GMT', NOW)?.form).toBe('HTTP-date')
    expect(parseResetTime(' 45 ', NOW)?.atMs).toBe(NOW + 45_000)
    expect(parseResetTime(NOW_S + 1, NOW)?.form).toBe('epoch seconds')
    expect(parseResetTime('-1', NOW)).toBeUndefined()
    expect(parseResetTime('0x10', NOW)).toBeUndefined()
    expect(parseResetTime(Number.NaN, NOW)).toBeUndefined()
  })

  it('Retry-After: delay, date, epoch', () => {
    expect(parseRetryAfter('120', NOW)).toEqual({ atMs: NOW + 120_000, form: 'delay seconds' })
    // delay-seconds of any size stay a delay (the caller refuses what is too long)
    expect(parseRetryAfter('200000', NOW)?.form).toBe('delay seconds')
    expect(parseRetryAfter(String(NOW_S + 9), NOW)).toEqual({
      atMs: NOW + 9000,
      form: 'epoch seconds'
    })
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
    expect(parseRetryAfter('in a bit', NOW)).toBeUndefined()
  })
})

describe('IETF and X-RateLimit fields', () => {
  it('parses structured-field lists and dictionaries, skipping malformed members', () => {
    expect(parseStructuredMembers('"default";r=0;t=45, "a,b";q=1')).toEqual([
      { value: 'default', params: { r: 0, t: 45 } },
      { value: 'a,b', params: { q: 1 } }
    ])
    expect(parseStructuredMembers('limit=100, remaining=0')).toEqual([
      { key: 'limit', value: 100, params: {} },
      { key: 'remaining', value: 0, params: {} }
    ])
    expect(parseStructuredMembers('"x";r=@@, "y";R=2;flag')).toEqual([
      { value: 'y', params: { r: 2, flag: true } }
    ])
    expect(parseStructuredMembers('')).toEqual([])
    expect(parseStructuredMembers('"unterminated;r=0')).toEqual([])
  })

  it('reads the most constrained IETF policy', () => {
    expect(readIetfRateLimit({ ratelimit: '"default";r=0;t=45' })).toEqual({
      remaining: 0,
      resetSeconds: 45,
      policy: 'default'
    })
    expect(readIetfRateLimit({ ratelimit: '"a";r=10;t=5, "b";r=2;t=50' })?.policy).toBe('b')
    expect(
      readIetfRateLimit({
        ratelimit: '"day";r=0',
        'ratelimit-policy': '"minute";q=10;w=60, "day";q=1000;w=86400'
      })?.resetSeconds
    ).toBe(86_400)
    expect(readIetfRateLimit({})).toBeUndefined()
    expect(readIetfRateLimit({ ratelimit: 'garbage here' })).toBeUndefined()
  })

  it('reads X-RateLimit-Remaining (smallest of a list) and the raw reset', () => {
    expect(
      readXRateLimit({ 'x-ratelimit-remaining': '0, 100', 'x-ratelimit-reset': '45' })
    ).toEqual({ remaining: 0, reset: '45' })
    expect(readXRateLimit({ 'x-ratelimit-limit': '100' })).toBeUndefined()
  })
})

describe('server clock from Date', () => {
  it('corrects for skew and ignores a bad Date', () => {
    const slow = serverClock({ date: 'Mon, 15 Jan 2024 10:00:00 GMT' }, NOW - 30_000)
    expect(slow.skewMs).toBe(30_000)
    expect(slow.toLocal(NOW + 45_000)).toBe(NOW + 15_000)
    expect(serverClock({ date: 'nonsense' }, NOW).skewMs).toBe(0)
    expect(serverClock({}, NOW).nowMs).toBe(NOW)
  })
})

describe('formatting', () => {
  it.each([
    [400, '0.4s'],
    [1000, '1s'],
    [2500, '2.5s'],
    [45_000, '45s'],
    [90_000, '1m 30s'],
    [900_000, '15m'],
    [3_600_000, '1h'],
    [3_900_000, '1h 5m']
  ])('%d ms → %s', (ms, text) => {
    expect(formatWait(ms)).toBe(text)
  })

  it('prints whole seconds without milliseconds', () => {
    expect(isoTime(NOW)).toBe('2024-01-15T10:00:00Z')
    expect(isoTime(NOW + 5)).toBe('2024-01-15T10:00:00.005Z')
  })
})
