import { describe, expect, it } from '@jest/globals'
import { cleanText, parseErrorBody } from '../src/core/api/http/error-body.js'
import { hasRateLimitSignals } from '../src/core/api/ratelimit/signals.js'
import { rateLimitWait } from '../src/core/api/ratelimit/wait-plan.js'
import { createRedactor, redactDeep } from '../src/core/redact.js'

const KEY = 'epk_live_0123456789abcdef'
const redact = createRedactor([KEY])

describe('parseErrorBody', () => {
  it.each([
    [
      'Echopoint envelope',
      {
        errors: [
          {
            code: 'VALIDATION_ERROR',
            message: 'limit too big',
            field: 'limit',
            metadata: { max: 100 }
          }
        ]
      },
      { code: 'VALIDATION_ERROR', message: 'limit too big', field: 'limit', metadata: { max: 100 } }
    ],
    [
      'envelope with several errors',
      {
        errors: [
          { code: 'A', message: 'one' },
          { code: 'B', message: 'two' }
        ]
      },
      { code: 'A', message: 'one; two' }
    ],
    ['error string', { error: 'Invalid API key' }, { message: 'Invalid API key' }],
    [
      'missing header',
      { error: 'Missing X-API-Key header' },
      { message: 'Missing X-API-Key header' }
    ],
    [
      'nested error object',
      { error: { code: 'unauthorized', message: 'Invalid or missing API key' } },
      { code: 'unauthorized', message: 'Invalid or missing API key' }
    ],
    [
      'rate limit body',
      { error: 'Rate limit exceeded', retryAfter: 45, resetAt: '2024-01-15T10:30:00.000Z' },
      { message: 'Rate limit exceeded', retryAfter: 45, resetAt: '2024-01-15T10:30:00.000Z' }
    ],
    [
      'framework style',
      { statusCode: 404, error: 'Not Found', message: 'Route GET:/x not found' },
      { message: 'Route GET:/x not found' }
    ],
    ['code and message', { code: 'E1', message: 'oops' }, { code: 'E1', message: 'oops' }]
  ])('%s', (_name, body, expected) => {
    expect(parseErrorBody(JSON.stringify(body), 400, redact)).toEqual(expected)
  })

  it.each([
    ['HTML', '<html><body>Bad gateway</body></html>', 502, '502 Bad Gateway'],
    ['empty', '', 503, '503 Service Unavailable'],
    ['truncated JSON', '{"errors":[{"code":', 500, '500 Internal Server Error'],
    ['JSON array', '[1,2]', 404, '404 Not Found'],
    ['JSON string', '"nope"', 429, '429 Too Many Requests'],
    ['null', 'null', 401, '401 Unauthorized'],
    ['envelope of junk', '{"errors":[null, 5, "x"]}', 400, '400 Bad Request'],
    ['unknown status', '', 599, 'HTTP 599']
  ])('%s falls back to the status text', (_name, text, status, message) => {
    expect(parseErrorBody(text, status, redact)).toEqual({ message })
  })

  it('ignores fields of the wrong type', () => {
    const body = {
      errors: [{ code: { x: 1 }, message: ['a'], field: null, metadata: 'm' }],
      retryAfter: -3
    }
    expect(parseErrorBody(JSON.stringify(body), 400, redact)).toEqual({
      message: '400 Bad Request'
    })
  })

  it('truncates huge messages and strips control characters', () => {
    const body = parseErrorBody(
      JSON.stringify({ error: `a\u0000b\u202e${'x'.repeat(5000)}` }),
      400,
      redact
    )
    expect(body.message.length).toBe(300)
    expect(body.message.startsWith('a b x')).toBe(true)
    expect(body.message.endsWith('…')).toBe(true)
  })

  it('redacts the key in messages and metadata', () => {
    const body = parseErrorBody(
      JSON.stringify({
        errors: [{ code: 'X', message: `bad key ${KEY}`, metadata: { echo: [KEY] } }]
      }),
      401,
      redact
    )
    expect(JSON.stringify(body)).not.toContain(KEY)
    expect(body.message).toBe('bad key ***')
  })
})

describe('redaction helpers', () => {
  it('hides the key, its URL-encoded form and anything that looks like a key', () => {
    const r = createRedactor(['a key/with+chars'])
    expect(r('x a key/with+chars y a%20key%2Fwith%2Bchars z')).toBe('x *** y *** z')
    expect(r('other epk_test_abcdefgh1234 token')).toBe('other epk_*** token')
    expect(redactDeep({ a: ['a key/with+chars'], b: 1 }, r)).toEqual({ a: ['***'], b: 1 })
  })

  it('does not let control characters split the key past redaction', () => {
    expect(cleanText(`epk_live_0123\u0007456789abcdef`, redact)).not.toContain('0123 456789abcdef')
    expect(cleanText(KEY.split('').join('\u0000'), redact)).not.toContain(KEY)
  })
})

describe('rate-limit signals', () => {
  it.each([
    [{ 'retry-after': '10' }, true],
    [{ 'x-ratelimit-remaining': '0' }, true],
    [{ 'x-ratelimit-remaining': '5' }, false],
    [{ ratelimit: '"default";r=0;t=45' }, true],
    [{ ratelimit: 'r=0' }, true],
    [{ ratelimit: '"default";r=10;t=45' }, false],
    [{ ratelimit: 'limit=100, remaining=0, reset=45' }, true],
    [{ 'ratelimit-remaining': '0' }, true],
    [{ 'retry-after': 'Sun, 06 Nov 1994 08:49:37 GMT' }, true],
    [{ 'retry-after': 'soon' }, false],
    [{ 'x-ratelimit-remaining': 'none' }, false],
    [{}, false]
  ])('%j → %s', (headers, expected) => {
    expect(hasRateLimitSignals(headers)).toBe(expected)
  })

  it('reads Retry-After seconds first, then the body', () => {
    const now = Date.parse('2024-01-15T10:00:00Z')
    expect(rateLimitWait({ 'retry-after': '45' }, { message: 'x', retryAfter: 3 }, now)).toEqual({
      untilMs: now + 45_000,
      delayMs: 45_000,
      signal: 'Retry-After',
      form: 'delay seconds'
    })
    expect(rateLimitWait({}, { message: 'x', retryAfter: 3 }, now)?.delayMs).toBe(3000)
    expect(rateLimitWait({ 'retry-after': 'soon' }, undefined, now)).toBeUndefined()
  })

  it('reads body hints in any spelling, top level or inside error', () => {
    expect(parseErrorBody('{"error":"x","RETRY_AFTER":"12"}', 429, redact).retryAfter).toBe(12)
    expect(
      parseErrorBody('{"error":{"message":"x","reset-at":"2024-01-15T10:30:00Z"}}', 429, redact)
        .resetAt
    ).toBe('2024-01-15T10:30:00Z')
    expect(parseErrorBody('{"error":"x","retryAfter":-3}', 429, redact).retryAfter).toBeUndefined()
  })
})
