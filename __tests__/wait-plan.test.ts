/**
 * The wait computation, table-driven: one failed attempt in, the retry decision out
 * (wait length and the signal that set it, or why not). A fake clock gives "now" and
 * a fake random source fixes the backoff jitter; nothing sleeps.
 */
import { describe, expect, it } from '@jest/globals'
import type { IncomingHttpHeaders } from 'node:http'
import { parseErrorBody } from '../src/core/api/http/error-body.js'
import { errorFromResponse } from '../src/core/api/http/http-error.js'
import { createRedactor } from '../src/core/redact.js'
import { createRetryPolicy, type RetryDecision } from '../src/core/api/http/retry.js'
import { EchopointError } from '../src/core/errors.js'
import { FakeClock } from '../__fixtures__/fake-clock.js'

const NOW = Date.parse('2024-01-15T10:00:00.000Z') // a Monday
const NOW_S = NOW / 1000
const redact = createRedactor(['epk_live_0123456789abcdef'])

interface Case {
  status?: number
  headers?: IncomingHttpHeaders
  body?: unknown
  /** Local clock; default NOW. */
  now?: number
  attempt?: number
  method?: 'GET' | 'POST'
  idempotencyKey?: boolean
  deadline?: number
  random?: number
  /** A network error code instead of a response. */
  network?: string
}

/** Runs the default policy on one failed attempt. */
function decide(c: Case): RetryDecision {
  const clock = new FakeClock({ now: c.now ?? NOW })
  const policy = createRetryPolicy({ random: () => c.random ?? 0.5 })
  const method = c.method ?? 'GET'
  const request = `${method} /flows/f`
  let error: EchopointError
  let response:
    | { status: number; headers: IncomingHttpHeaders; body: ReturnType<typeof parseErrorBody> }
    | undefined
  if (c.network) {
    error = new EchopointError('network', `${request} failed`, { code: c.network, request })
  } else {
    const status = c.status ?? 429
    const headers = c.headers ?? {}
    const body = parseErrorBody(c.body === undefined ? '' : JSON.stringify(c.body), status, redact)
    error = errorFromResponse({ status, headers, body, request }, redact)
    response = { status, headers, body }
  }
  return policy.decide({
    attempt: c.attempt ?? 1,
    method,
    idempotent: method === 'GET' || c.idempotencyKey === true,
    hasIdempotencyKey: c.idempotencyKey === true,
    error,
    response,
    now: clock.now(),
    deadline: c.deadline
  })
}

/** `[delayMs, source]` of a retry, or `['no retry', reason]`. */
function outcome(d: RetryDecision): [number | 'no retry', string] {
  return d.retry ? [d.delayMs, d.source] : ['no retry', d.reason]
}

const httpDate = (ms: number): string => new Date(ms).toUTCString()

describe('wait computation', () => {
  // random 0.5 → a backoff of 250 ms on the first attempt: the "no usable signal" answer.
  const BACKOFF: [number, string] = [250, 'backoff']

  it.each<[string, Case, [number, string]]>([
    // Retry-After, delay-seconds (RFC 9110 §10.2.3)
    ['Retry-After: 45', { headers: { 'retry-after': '45' } }, [45_000, 'Retry-After']],
    [
      'Retry-After: 0 → the 1 s minimum',
      { headers: { 'retry-after': '0' } },
      [1000, 'Retry-After']
    ],
    ['Retry-After: 1.5', { headers: { 'retry-after': '1.5' } }, [1500, 'Retry-After']],
    // Retry-After, HTTP-date (RFC 9110 §5.6.7), each form future and past
    [
      'IMF-fixdate, future',
      { headers: { 'retry-after': 'Mon, 15 Jan 2024 10:01:30 GMT' } },
      [90_000, 'Retry-After']
    ],
    [
      'IMF-fixdate, past → 1 s',
      { headers: { 'retry-after': 'Mon, 15 Jan 2024 09:59:00 GMT' } },
      [1000, 'Retry-After']
    ],
    [
      'RFC 850, future',
      { headers: { 'retry-after': 'Monday, 15-Jan-24 10:00:20 GMT' } },
      [20_000, 'Retry-After']
    ],
    [
      'RFC 850, past → 1 s',
      { headers: { 'retry-after': 'Sunday, 14-Jan-24 10:00:20 GMT' } },
      [1000, 'Retry-After']
    ],
    [
      'asctime, future (space-padded day)',
      {
        headers: { 'retry-after': 'Mon Jan 15 10:00:05 2024' },
        now: Date.parse('2024-01-15T10:00:00Z')
      },
      [5000, 'Retry-After']
    ],
    [
      'asctime, future, one-digit day',
      {
        headers: { 'retry-after': 'Sat Jan  6 10:00:05 2024' },
        now: Date.parse('2024-01-06T10:00:00Z')
      },
      [5000, 'Retry-After']
    ],
    [
      'asctime, past → 1 s',
      { headers: { 'retry-after': 'Mon Jan 15 09:00:00 2024' } },
      [1000, 'Retry-After']
    ],
    [
      'lower-case HTTP-date',
      { headers: { 'retry-after': 'mon, 15 jan 2024 10:00:10 gmt' } },
      [10_000, 'Retry-After']
    ],
    // Garbage is ignored, never a crash
    ['Retry-After: soon', { headers: { 'retry-after': 'soon' } }, BACKOFF],
    ['Retry-After: -5', { headers: { 'retry-after': '-5' } }, BACKOFF],
    ['Retry-After: 1e3', { headers: { 'retry-after': '1e3' } }, BACKOFF],
    ['Retry-After: empty', { headers: { 'retry-after': '' } }, BACKOFF],
    [
      'Retry-After: 31 February',
      { headers: { 'retry-after': 'Sat, 31 Feb 2024 10:00:00 GMT' } },
      BACKOFF
    ],
    [
      'Retry-After: 25:00 o’clock',
      { headers: { 'retry-after': 'Mon, 15 Jan 2024 25:00:00 GMT' } },
      BACKOFF
    ],
    // An epoch where delay-seconds belong: read as the instant it plainly is
    [
      'Retry-After: epoch seconds',
      { headers: { 'retry-after': String(NOW_S + 30) } },
      [30_000, 'Retry-After']
    ],
    [
      'Retry-After: epoch ms',
      { headers: { 'retry-after': String(NOW + 20_000) } },
      [20_000, 'Retry-After']
    ],
    // X-RateLimit-Reset in every form, told apart by plausibility
    [
      'X-RateLimit-Reset: ISO 8601',
      {
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2024-01-15T10:00:30.000Z' }
      },
      [30_000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: ISO 8601 with an offset',
      { headers: { 'x-ratelimit-reset': '2024-01-15T11:00:30+01:00' } },
      [30_000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: epoch seconds',
      { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 30) } },
      [30_000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: epoch ms',
      { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW + 30_000) } },
      [30_000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: seconds to wait',
      { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '45' } },
      [45_000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: a day to wait is still plausible',
      { headers: { 'x-ratelimit-reset': '86400' }, deadline: NOW + 2 * 86_400_000 },
      [86_400_000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: a reset already past → 1 s',
      { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S - 60) } },
      [1000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: ISO in the past → 1 s',
      { headers: { 'x-ratelimit-reset': '2024-01-15T09:00:00Z' } },
      [1000, 'X-RateLimit-Reset']
    ],
    [
      'X-RateLimit-Reset: implausible (neither a delay nor near now) is ignored',
      { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '99999999' } },
      BACKOFF
    ],
    [
      'X-RateLimit-Reset: an epoch years away is ignored',
      { headers: { 'x-ratelimit-reset': String(NOW_S + 5 * 366 * 86_400) } },
      BACKOFF
    ],
    [
      'X-RateLimit-Reset of a quota with room left is not the reason',
      { headers: { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '45' } },
      BACKOFF
    ],
    ['X-RateLimit-Reset: garbage', { headers: { 'x-ratelimit-reset': 'tomorrow' } }, BACKOFF],
    // Clock skew: local clock 30 s slow, the server's Date says the real time
    [
      '30 s slow local clock, Date header, epoch reset',
      {
        now: NOW - 30_000,
        headers: { date: httpDate(NOW), 'x-ratelimit-reset': String(NOW_S + 45) }
      },
      [45_000, 'X-RateLimit-Reset']
    ],
    [
      '30 s slow local clock, Date header, HTTP-date Retry-After',
      {
        now: NOW - 30_000,
        headers: { date: httpDate(NOW), 'retry-after': httpDate(NOW + 10_000) }
      },
      [10_000, 'Retry-After']
    ],
    [
      '30 s slow local clock, Date header, delay seconds need no correction',
      { now: NOW - 30_000, headers: { date: httpDate(NOW), 'retry-after': '45' } },
      [45_000, 'Retry-After']
    ],
    [
      '30 s slow local clock without Date: the reset is taken at face value',
      { now: NOW - 30_000, headers: { 'x-ratelimit-reset': String(NOW_S + 45) } },
      [75_000, 'X-RateLimit-Reset']
    ],
    [
      '30 s fast local clock, Date header',
      {
        now: NOW + 30_000,
        headers: { date: httpDate(NOW), 'x-ratelimit-reset': '2024-01-15T10:00:45Z' }
      },
      [45_000, 'X-RateLimit-Reset']
    ],
    [
      'a malformed Date is ignored',
      { headers: { date: 'yesterday', 'x-ratelimit-reset': String(NOW_S + 45) } },
      [45_000, 'X-RateLimit-Reset']
    ],
    // IETF draft-ietf-httpapi-ratelimit-headers
    [
      'RateLimit: "default";r=0;t=45',
      { headers: { ratelimit: '"default";r=0;t=45' } },
      [45_000, 'RateLimit']
    ],
    [
      'RateLimit: the spent policy of several',
      { headers: { ratelimit: '"burst";r=5;t=2, "hour";r=0;t=1200' } },
      [1_200_000, 'RateLimit']
    ],
    [
      'RateLimit r=0 without t: the window from RateLimit-Policy',
      { headers: { ratelimit: '"default";r=0', 'ratelimit-policy': '"default";q=100;w=60' } },
      [60_000, 'RateLimit']
    ],
    [
      'RateLimit draft-07 dictionary',
      { headers: { ratelimit: 'limit=100, remaining=0, reset=45' } },
      [45_000, 'RateLimit']
    ],
    [
      'RateLimit-Remaining / RateLimit-Reset (drafts 00-06)',
      { headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '12' } },
      [12_000, 'RateLimit']
    ],
    ['RateLimit: malformed', { headers: { ratelimit: '"default";r=zero;t=' } }, BACKOFF],
    // Precedence: Retry-After, RateLimit, X-RateLimit-Reset, body
    [
      'all four: Retry-After wins',
      {
        headers: {
          'retry-after': '10',
          ratelimit: '"default";r=0;t=20',
          'x-ratelimit-reset': '30'
        },
        body: { error: 'Rate limit exceeded', retryAfter: 40 }
      },
      [10_000, 'Retry-After']
    ],
    [
      'no Retry-After: RateLimit wins',
      {
        headers: { ratelimit: '"default";r=0;t=20', 'x-ratelimit-reset': '30' },
        body: { retryAfter: 40 }
      },
      [20_000, 'RateLimit']
    ],
    [
      'garbage Retry-After falls through to RateLimit',
      {
        headers: {
          'retry-after': 'later',
          ratelimit: '"default";r=0;t=20',
          'x-ratelimit-reset': '30'
        }
      },
      [20_000, 'RateLimit']
    ],
    [
      'headers beat the body',
      { headers: { 'x-ratelimit-reset': '30' }, body: { retryAfter: 40 } },
      [30_000, 'X-RateLimit-Reset']
    ],
    // Body hints
    [
      'body retryAfter',
      {
        body: { error: 'Rate limit exceeded', retryAfter: 45, resetAt: '2024-01-15T10:30:00.000Z' }
      },
      [45_000, 'retryAfter in body']
    ],
    [
      'body resetAt (ISO)',
      { body: { error: 'Rate limit exceeded', resetAt: '2024-01-15T10:00:30.000Z' } },
      [30_000, 'resetAt in body']
    ],
    ['body resetAt (epoch s)', { body: { resetAt: NOW_S + 8 } }, [8000, 'resetAt in body']],
    [
      'body resetAt skew-corrected by Date',
      {
        now: NOW - 30_000,
        headers: { date: httpDate(NOW) },
        body: { resetAt: '2024-01-15T10:00:30Z' }
      },
      [30_000, 'resetAt in body']
    ],
    ['body resetAt garbage', { body: { resetAt: 'soon' } }, BACKOFF],
    ['no signal at all', {}, BACKOFF],
    // Other rate-limit statuses
    [
      '503 with Retry-After',
      { status: 503, headers: { 'retry-after': '5' } },
      [5000, 'Retry-After']
    ],
    [
      '403 with Retry-After is a rate limit',
      { status: 403, headers: { 'retry-after': '3' } },
      [3000, 'Retry-After']
    ],
    // Writes: only with an Idempotency-Key
    [
      'POST with an Idempotency-Key is retried',
      { method: 'POST', idempotencyKey: true, headers: { 'retry-after': '2' } },
      [2000, 'Retry-After']
    ]
  ])('%s', (_name, c, expected) => {
    expect(outcome(decide(c))).toEqual(expected)
  })

  it.each<[string, Case, RegExp]>([
    [
      'POST without a key',
      { method: 'POST', headers: { 'retry-after': '2' } },
      /POST without an Idempotency-Key/
    ],
    ['POST without a key, 503', { method: 'POST', status: 503 }, /POST without an Idempotency-Key/],
    [
      'budget exhausted',
      { attempt: 5, headers: { 'retry-after': '2' } },
      /retry budget of 4 spent/
    ],
    ['401', { status: 401 }, /HTTP 401 is not retryable/],
    ['403 without signals', { status: 403 }, /HTTP 403 is not retryable/],
    ['403 with a malformed signal', { status: 403, headers: { 'retry-after': 'x' } }, /HTTP 403/],
    ['404', { status: 404 }, /HTTP 404 is not retryable/],
    ['409', { status: 409 }, /HTTP 409 is not retryable/],
    ['422', { status: 422 }, /HTTP 422 is not retryable/],
    ['501', { status: 501 }, /HTTP 501 is not retryable/],
    [
      'daily quota, even with Retry-After',
      {
        method: 'POST',
        idempotencyKey: true,
        headers: { 'retry-after': '3600' },
        body: { errors: [{ code: 'DAILY_EXECUTION_LIMIT_EXCEEDED', message: 'Daily limit' }] }
      },
      /daily execution quota/
    ]
  ])('not retried: %s', (_name, c, reason) => {
    const [delay, why] = outcome(decide(c))
    expect(delay).toBe('no retry')
    expect(why).toMatch(reason)
  })
})

describe('backoff without a hint', () => {
  // Full jitter: uniform in [0, min(10 s, 500 ms · 2^(attempt-1))].
  const ceilings = [500, 1000, 2000, 4000]

  it.each<[string, Case]>([
    ['500', { status: 500 }],
    ['502 (HTML body)', { status: 502 }],
    ['503 without Retry-After', { status: 503 }],
    ['408', { status: 408 }],
    ['429 without any signal', { status: 429 }],
    ['connection reset', { network: 'ECONNRESET' }],
    ['connection refused', { network: 'ECONNREFUSED' }],
    ['request timeout', { network: 'REQUEST_TIMEOUT' }]
  ])('%s: bounds per attempt', (_name, c) => {
    ceilings.forEach((ceiling, i) => {
      const attempt = i + 1
      expect(outcome(decide({ ...c, attempt, random: 0 }))).toEqual([0, 'backoff'])
      expect(outcome(decide({ ...c, attempt, random: 0.999999 }))).toEqual([ceiling, 'backoff'])
      expect(outcome(decide({ ...c, attempt, random: 0.25 }))).toEqual([ceiling / 4, 'backoff'])
    })
  })

  it('caps at 10 s', () => {
    const policy = createRetryPolicy({ random: () => 0.999999, maxRetries: 10 })
    const error = new EchopointError('server', 'x', { status: 502 })
    const delays = [5, 6, 7, 10].map((attempt) => {
      const d = policy.decide({
        attempt,
        method: 'GET',
        idempotent: true,
        hasIdempotencyKey: false,
        error,
        response: { status: 502, headers: {}, body: { message: 'x' } },
        now: NOW
      })
      return d.retry ? d.delayMs : -1
    })
    expect(delays).toEqual([8000, 10_000, 10_000, 10_000])
  })

  it('does not retry a certificate error', () => {
    expect(outcome(decide({ network: 'CERT_HAS_EXPIRED' }))[0]).toBe('no retry')
  })
})

describe('deadline and longest wait', () => {
  it('a hint beyond the deadline fails at once, saying until when', () => {
    const d = decide({ headers: { 'retry-after': '60' }, deadline: NOW + 30_000 })
    expect(d.retry).toBe(false)
    const error = (d as { error?: EchopointError }).error
    expect(error?.kind).toBe('rate_limited')
    expect(error?.status).toBe(429)
    expect(error?.message).toBe(
      "GET /flows/f failed: rate limited until 2024-01-15T10:01:00Z (HTTP 429, Retry-After); the step's deadline is 2024-01-15T10:00:30Z"
    )
  })

  it('a hint ending exactly at the deadline is taken', () => {
    expect(outcome(decide({ headers: { 'retry-after': '30' }, deadline: NOW + 30_000 }))).toEqual([
      30_000,
      'Retry-After'
    ])
  })

  it('a 503 hint beyond the deadline is a rate limit too', () => {
    const d = decide({ status: 503, headers: { 'retry-after': '60' }, deadline: NOW + 1000 })
    const error = (d as { error?: EchopointError }).error
    expect(error?.kind).toBe('rate_limited')
    expect(error?.status).toBe(503)
  })

  it('a 5xx backoff beyond the deadline keeps the server error', () => {
    const d = decide({ status: 502, deadline: NOW + 10 })
    expect(d.retry).toBe(false)
    expect((d as { error?: EchopointError }).error).toBeUndefined()
    expect((d as { reason: string }).reason).toMatch(/deadline/)
  })

  it('without a deadline, a wait over an hour fails instead of hanging the step', () => {
    const d = decide({ headers: { 'retry-after': '7200' } })
    expect((d as { error?: EchopointError }).error?.message).toMatch(
      /rate limited until 2024-01-15T12:00:00Z \(HTTP 429, Retry-After\); that is longer than the longest wait taken without a deadline \(1h\)$/
    )
    expect(outcome(decide({ headers: { 'retry-after': '3600' } }))).toEqual([
      3_600_000,
      'Retry-After'
    ])
  })
})
