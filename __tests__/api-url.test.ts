import { describe, expect, it } from '@jest/globals'
import { isLoopbackHost, joinUrl, pathSegment, validateApiUrl } from '../src/core/api/http/url.js'
import { ConfigError } from '../src/core/errors.js'

describe('validateApiUrl', () => {
  it.each([
    ['https://api.echopoint.dev', 'https://api.echopoint.dev/'],
    ['https://x/api/', 'https://x/api'],
    ['https://x/api/v1//', 'https://x/api/v1'],
    ['  https://api.echopoint.dev/  ', 'https://api.echopoint.dev/'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/'],
    ['http://127.8.9.10', 'http://127.8.9.10/'],
    ['http://localhost:3000', 'http://localhost:3000/'],
    ['http://[::1]:9', 'http://[::1]:9/']
  ])('accepts %s', (raw, href) => {
    expect(validateApiUrl(raw).href).toBe(href)
  })

  it.each([
    ['not a URL', 'not a url', /not an absolute URL/],
    ['ftp', 'ftp://api.echopoint.dev', /scheme ftp: is not supported/],
    ['http to a remote host', 'http://example.com', /only allowed to a local server.*example\.com/],
    [
      'http to a look-alike of localhost',
      'http://localhost.evil.com',
      /only allowed to a local server/
    ],
    ['credentials', 'https://user:pw@host', /credentials/],
    ['a query string', 'https://host/?a=1', /query string/],
    ['an empty query string', 'https://host/?', /query string/],
    ['a fragment', 'https://host/#x', /fragment/],
    ['empty', '', /it is empty/],
    ['blank', '   ', /it is empty/]
  ])('rejects %s', (_name, raw, pattern) => {
    let error: unknown
    try {
      validateApiUrl(raw)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const configError = error as ConfigError
    expect(configError.input).toBe('api-url')
    expect(configError.message).toMatch(pattern)
    expect(configError.hint).toBeTruthy()
  })

  it('never echoes credentials', () => {
    expect(() => validateApiUrl('https://user:s3cret@host')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') })
    )
  })

  it('names the input the caller gives (the CLI flag)', () => {
    expect(() => validateApiUrl('', '--api-url')).toThrow(/Invalid --api-url: it is empty/)
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['[::1]', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['localhost.example.com', false],
    ['::2', false],
    ['', false]
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})

describe('joinUrl and pathSegment', () => {
  it('joins base paths and queries', () => {
    expect(
      joinUrl(new URL('https://h/api/v1'), '/flows/x', { limit: 5, offset: undefined }).href
    ).toBe('https://h/api/v1/flows/x?limit=5')
    expect(joinUrl(new URL('https://h/'), '/flows').href).toBe('https://h/flows')
  })

  it('encodes reserved characters and refuses dot segments', () => {
    expect(pathSegment('a/b?c#d %', 'flow ID')).toBe('a%2Fb%3Fc%23d%20%25')
    expect(() => pathSegment('.', 'flow ID')).toThrow(/flow ID/)
    expect(() => pathSegment('..', 'flow ID')).toThrow(ConfigError)
  })
})
