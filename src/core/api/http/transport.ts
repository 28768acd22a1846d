/**
 * The one place every API request passes: headers and auth, JSON in and out,
 * redirects (same origin only), the retry loop and its waits (the shared rate-limit
 * pause of pause-gate.ts, backoff), stats and the key-expiry header.
 * Callers get parsed JSON or a typed EchopointError; nothing else escapes.
 *
 * Longer than most files here on purpose: the request loop, its waits and the
 * reading of each answer are one sequence, and it reads best in one place.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import { HttpClient } from '@actions/http-client'
import {
  ACTION_API_INPUT_NAMES,
  type ApiInputNames,
  type ClientOptions,
  type ClientStats
} from '../api.js'
import { systemClock, type Clock } from '../../clock.js'
import { ConfigError, EchopointError } from '../../errors.js'
import { silentLogger, type Logger } from '../../logger.js'
import { cleanText, parseErrorBody, type ErrorBody } from './error-body.js'
import { headerValue } from './headers.js'
import { cancelledError, contractViolation, errorFromResponse, withMessage } from './http-error.js'
import { sendOnce, type RawResponse } from './send.js'
import { createRedactor, type Redactor } from '../../redact.js'
import { ShapeError, type Decoder } from '../decode.js'
import { MAX_REDIRECTS, REDIRECT_STATUSES, redirectTarget } from './redirect.js'
import { createRetryPolicy, type RetryDecision, type RetryPolicy } from './retry.js'
import { PauseGate } from '../ratelimit/pause-gate.js'
import { Pacer } from '../ratelimit/pacing.js'
import {
  bucketOf,
  RateBudget,
  readBudget,
  SHARED_PAUSE,
  type BudgetBucket,
  type BudgetReading
} from '../ratelimit/budget.js'
import { joinUrl, validateApiUrl, type Query } from './url.js'
import { formatWait, isoTime } from '../ratelimit/wait-format.js'
import { exhaustedWait, rateLimitWait } from '../ratelimit/wait-plan.js'
import { WaitRecorder } from '../ratelimit/wait-recorder.js'

export const DEFAULT_TIMEOUT_MS = 30_000
/** Waits named by the server that one request may take without spending its retry budget. */
export const MAX_TOLD_WAITS = 8
export const DEFAULT_USER_AGENT = 'echopoint-ci'

/** One API call, as the client describes it. */
export interface ApiRequest {
  method: 'GET' | 'POST'
  /** Path relative to the base URL, segments already encoded, e.g. `/flows/abc`. */
  path: string
  query?: Query
  /** Sent as JSON. */
  body?: unknown
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>
  /** Leave out X-Organization-ID (only `GET /api-keys/self`, docs/api-contract.md part A). */
  withoutOrganization?: boolean
  /** A POST that only reads (flow search), so it may be repeated like a GET. */
  safe?: boolean
  /**
   * A POST the server applies at most once however often it comes (a job's
   * heartbeat, events, completion): repeated after a 5xx or a network error
   * like a GET, but it counts against the write budget.
   */
  repeatable?: boolean
  /**
   * A request a server refuses in bursts (a launch): while the server has never
   * stated this bucket's budget, one at a time (pacing.ts).
   */
  cautious?: boolean
  /** A 2xx answer without a body (204) is the expected answer: it resolves to null. */
  noContent?: boolean
  /** Checks and reads the 2xx body (decode.ts); a problem becomes a `contract` error. */
  decode?: Decoder<unknown>
  signal?: AbortSignal
  /** Called just before each attempt goes out on the wire. */
  onSent?: () => void
}

/** The client's options, plus what only the transport and its tests set. */
export interface TransportOptions extends ClientOptions {
  /** Longest single wait when there is no deadline (default 1 h, see retry.ts). */
  maxWaitMs?: number
  /** Replaces the default policy (tests). */
  retryPolicy?: RetryPolicy
}

/** `METHOD /path` as errors and logs show it: the API path, without the query. */
export function requestLabel(method: string, path: string): string {
  return `${method} ${path.split('?')[0]}`
}

function hasControlChars(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value)
}

/** The log line for a backoff wait, e.g. `HTTP 503 on GET /flows/f: retrying in 0.4s (backoff, retry 1 of 4)`. */
function backoffMessage(
  label: string,
  error: EchopointError,
  d: Extract<RetryDecision, { retry: true }>
): string {
  const budget = `retry ${d.retryNumber} of ${d.maxRetries}`
  return error.kind === 'rate_limited'
    ? `Rate limited on ${label} (${d.cause}): waiting ${formatWait(d.delayMs)} (backoff, no wait signal; ${budget})`
    : `${d.cause} on ${label}: retrying in ${formatWait(d.delayMs)} (backoff, ${budget})`
}

interface Failure {
  error: EchopointError
  response?: { status: number; headers: IncomingHttpHeaders; body: ErrorBody }
}

export class Transport {
  readonly stats: ClientStats = { requests: 0, retries: 0, waits: 0, waitedMs: 0 }
  /** The last X-Api-Key-Expires-At seen (docs/api-contract.md part B.1). */
  keyExpiresAtHeader: string | undefined

  private readonly base: URL
  private readonly http: HttpClient
  private readonly redact: Redactor
  private readonly clock: Clock
  private readonly logger: Logger
  private readonly policy: RetryPolicy
  private readonly timeoutMs: number
  private readonly recorder: WaitRecorder
  /** The pauses, by key (budget.ts pauseKey): one shared, or one per bucket the server counts apart. */
  private readonly gates = new Map<string, PauseGate>()
  private readonly budget = new RateBudget()
  private readonly pacer: Pacer
  /** How the user called the settings, for the messages that name one. */
  private readonly names: ApiInputNames

  constructor(private readonly options: TransportOptions) {
    this.names = { ...ACTION_API_INPUT_NAMES, ...options.names }
    // Defence in depth: the config validated the API URL already, but the key must never
    // go to a URL that would not pass.
    this.base = validateApiUrl(options.apiUrl, this.names.apiUrl)
    if (options.jobToken !== undefined) {
      // A job's calls carry its token and nothing else that authenticates.
      if (options.jobToken.trim() === '' || hasControlChars(options.jobToken)) {
        throw new EchopointError('contract', 'The job token from the claim cannot be used')
      }
    } else {
      if (options.apiKey.trim() === '') throw new ConfigError(this.names.apiKey, 'it is empty')
      if (hasControlChars(options.apiKey)) {
        throw new ConfigError(this.names.apiKey, 'it contains a line break or control character')
      }
    }
    if (hasControlChars(options.organizationId)) {
      throw new ConfigError(
        this.names.organizationId,
        'it contains a line break or control character'
      )
    }
    this.redact = createRedactor(
      [options.apiKey, options.jobToken ?? ''].filter((secret) => secret.trim() !== '')
    )
    this.clock = options.clock ?? systemClock
    this.logger = options.logger ?? silentLogger
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS
    this.policy =
      options.retryPolicy ??
      createRetryPolicy({ random: options.random, maxWaitMs: options.maxWaitMs })
    this.recorder = new WaitRecorder(this.stats, this.clock, this.logger)
    this.pacer = new Pacer(this.budget, this.clock)
    // allowRedirects false: see redirect.ts. Retries are ours. The socket timeout is a
    // backstop behind our own per-request timer.
    this.http = new HttpClient(options.userAgent ?? DEFAULT_USER_AGENT, [], {
      allowRedirects: false,
      allowRetries: false,
      socketTimeout: this.timeoutMs + 1000
    })
  }

  /** Sends a request with retries; resolves with the parsed JSON body of the 2xx answer. */
  async request(req: ApiRequest): Promise<unknown> {
    const label = requestLabel(req.method, req.path)
    const hasIdempotencyKey = Object.keys(req.headers ?? {}).some(
      (h) => h.toLowerCase() === 'idempotency-key'
    )
    const idempotent =
      req.method === 'GET' || hasIdempotencyKey || req.safe === true || req.repeatable === true
    const url = joinUrl(this.base, req.path, req.query)
    const headers = this.headersFor(req, label)
    const body = req.body === undefined ? undefined : JSON.stringify(req.body)

    const bucket = bucketOf(req.method, req.safe)
    // Waits the server named (a 429 or 503 saying when to come back) are the server
    // pacing us, not failed attempts: up to MAX_TOLD_WAITS of them do not spend the
    // retry budget (a launch refused at a window's end, then hit by a 5xx, still lands).
    let told = 0
    for (let attempt = 1; ; attempt++) {
      // No more requests of a bucket in flight than its window has left (pacing.ts).
      let release: () => void = () => undefined
      await this.guard(label, req.signal, async () => {
        release = await this.pacer.acquire(bucket, req.signal, req.cautious === true)
      })
      let failure: { value: unknown } | Failure
      try {
        // Every attempt, the first included, waits out a pause learned from any response
        // that holds its bucket (or every request, when the server counts them together).
        await this.guard(label, req.signal, () => this.passGates(bucket, label, req.signal))
        if (attempt > 1) this.stats.retries++
        failure = await this.attempt(req, url, headers, body, label).then(
          (result) => result,
          (error: unknown) => ({ error: this.typed(error, label) }) as Failure
        )
      } finally {
        release()
      }
      if (!('error' in failure)) return failure.value

      const { error, response } = failure
      if (error.kind === 'cancelled' || req.signal?.aborted) throw error
      const decision = this.policy.decide({
        attempt: attempt - told,
        method: req.method,
        idempotent,
        hasIdempotencyKey,
        error,
        response,
        now: this.clock.now(),
        deadline: this.options.deadline
      })
      if (!decision.retry) {
        this.logger.debug(`${label}: not retried: ${decision.reason}`)
        const final = decision.error ?? error
        throw attempt > 1
          ? withMessage(final, `${final.message} (after ${attempt} attempts)`)
          : final
      }
      if (decision.source === 'backoff') {
        this.recorder.announce(backoffMessage(label, error, decision))
        await this.guard(label, req.signal, () => this.recorder.sleep(decision.delayMs, req.signal))
      } else {
        if (told < MAX_TOLD_WAITS) told++
        // The server named the wait: it holds every request of the bucket (of this API,
        // when the server counts them together), so the gate at the top of the loop
        // does the waiting (and logs it once).
        this.gateFor(bucket).hold({
          untilMs: decision.untilMs,
          signal: decision.source,
          request: label,
          status: response?.status ?? 0,
          exhausted: false
        })
      }
    }
  }

  /** The gate a pause learned from an answer of `bucket` goes to. */
  private gateFor(bucket: BudgetBucket): PauseGate {
    const key = this.budget.pauseKey(bucket)
    let gate = this.gates.get(key)
    if (!gate) {
      gate = new PauseGate({
        holds: key === SHARED_PAUSE ? undefined : `${bucket} request`,
        clock: this.clock,
        recorder: this.recorder,
        deadline: this.options.deadline,
        maxWaitMs: this.options.maxWaitMs
      })
      this.gates.set(key, gate)
    }
    return gate
  }

  /**
   * Waits out the pauses that hold a request of `bucket`: the shared one (set
   * while the server was not known to count buckets apart) and its own.
   */
  private async passGates(
    bucket: BudgetBucket,
    label: string,
    signal?: AbortSignal
  ): Promise<void> {
    for (;;) {
      const shared = this.gates.get(SHARED_PAUSE)
      const own = this.gates.get(this.budget.pauseKey(bucket))
      const held = [shared, own].find((gate) => gate?.pausedUntil !== undefined)
      if (!held) return
      await held.pass(label, signal)
    }
  }

  /** What the last answer of `bucket` said about its rate-limit budget, as of now. */
  rateBudget(bucket: BudgetBucket): BudgetReading | undefined {
    return this.budget.get(bucket, this.clock.now())
  }

  /** Runs a wait; an abort becomes the typed `cancelled` error (or the signal's typed reason). */
  private async guard(
    label: string,
    signal: AbortSignal | undefined,
    wait: () => Promise<void>
  ): Promise<void> {
    try {
      await wait()
    } catch (err) {
      throw signal?.aborted ? cancelledError(signal, label) : this.typed(err, label)
    }
  }

  /**
   * Learns a pause from any response (docs/api-contract.md part C): a refused request's wait
   * signals, or "no requests remaining" on any other answer. The daily quota is not a
   * pause: it stops launches, not the reads that follow running executions.
   */
  private learn(
    label: string,
    bucket: BudgetBucket,
    status: number,
    headers: IncomingHttpHeaders,
    error?: EchopointError,
    body?: ErrorBody
  ): void {
    if (error?.kind === 'quota') return
    const now = this.clock.now()
    const refused = error !== undefined && (error.kind === 'rate_limited' || status === 503)
    const wait = refused ? rateLimitWait(headers, body, now) : exhaustedWait(headers, now)
    if (!wait) return
    const held = this.gateFor(bucket).hold({
      untilMs: wait.untilMs,
      signal: wait.signal,
      request: label,
      status,
      exhausted: !refused
    })
    if (held) {
      this.logger.debug(
        `${label}: HTTP ${status} holds ${this.budget.pauseKey(bucket) === SHARED_PAUSE ? 'every request to this API' : `the ${bucket} requests`} until ${isoTime(wait.untilMs)} (${wait.signal}, ${wait.form})`
      )
    }
  }

  /** One attempt, following same-origin redirects. */
  private async attempt(
    req: ApiRequest,
    firstUrl: URL,
    headers: OutgoingHttpHeaders,
    body: string | undefined,
    label: string
  ): Promise<{ value: unknown } | Failure> {
    let url = firstUrl
    for (let hop = 0; ; hop++) {
      const response = await this.send(
        req.method,
        url,
        headers,
        body,
        req.signal,
        label,
        req.onSent
      )
      if (!REDIRECT_STATUSES.has(response.status)) return this.interpret(response, req, label)
      if (hop >= MAX_REDIRECTS) {
        throw new EchopointError(
          'contract',
          `${label}: more than ${MAX_REDIRECTS} redirects. Set ${this.names.apiUrl} to the final address.`,
          { status: response.status, request: label }
        )
      }
      const location = headerValue(response.headers, 'location')
      url = redirectTarget(
        url,
        response.status,
        location,
        req.method,
        this.base.origin,
        label,
        this.names.apiUrl
      )
      this.logger.debug(`${label}: following ${response.status} to ${url.pathname}`)
    }
  }

  private async send(
    method: string,
    url: URL,
    headers: OutgoingHttpHeaders,
    body: string | undefined,
    signal: AbortSignal | undefined,
    label: string,
    onSent?: () => void
  ): Promise<RawResponse> {
    // Re-checked on every hop: the key only ever goes to the configured origin.
    if (url.origin !== this.base.origin) {
      throw new EchopointError(
        'contract',
        `${label}: refusing to send ${this.options.jobToken !== undefined ? 'the job token' : 'the API key'} to ${url.origin}`
      )
    }
    if (signal?.aborted) throw cancelledError(signal, label)
    this.stats.requests++
    onSent?.()
    const started = this.clock.now()
    const response = await sendOnce(this.http, {
      method,
      url,
      headers,
      body,
      timeoutMs: this.timeoutMs,
      signal,
      request: label,
      redact: this.redact,
      apiUrlName: this.names.apiUrl
    })
    this.logger.debug(
      `${method} ${url.pathname} → ${response.status} (${this.clock.now() - started} ms)`
    )
    const expires = headerValue(response.headers, 'x-api-key-expires-at')
    if (expires !== undefined && expires.trim() !== '') {
      this.keyExpiresAtHeader = cleanText(expires, this.redact, 64)
    }
    return response
  }

  private interpret(
    response: RawResponse,
    req: ApiRequest,
    label: string
  ): { value: unknown } | Failure {
    const { status, headers, text } = response
    const now = this.clock.now()
    const bucket = bucketOf(req.method, req.safe)
    const reading = readBudget(headers, now)
    if (reading) this.budget.record(bucket, reading, now)
    if (status >= 200 && status < 300) {
      this.learn(label, bucket, status, headers)
      // An answer that needs no body (204) is a success whatever it carries.
      if (req.noContent) return { value: null }
      if (text.trim() === '') {
        throw contractViolation(label, status, 'empty body', this.names.apiUrl)
      }
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        throw contractViolation(label, status, 'not JSON', this.names.apiUrl)
      }
      if (!req.decode) return { value }
      try {
        return { value: req.decode(value, { redact: this.redact }) }
      } catch (err) {
        if (err instanceof ShapeError) {
          throw contractViolation(label, status, err.message, this.names.apiUrl)
        }
        throw err
      }
    }
    const body = parseErrorBody(text, status, this.redact)
    const error = errorFromResponse(
      { status, headers, body, request: label },
      this.redact,
      this.names.idempotencyKey
    )
    this.learn(label, bucket, status, headers, error, body)
    return { error, response: { status, headers, body } }
  }

  private headersFor(req: ApiRequest, label: string): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent ?? DEFAULT_USER_AGENT
    }
    if (this.options.jobToken !== undefined) {
      headers['X-Job-Token'] = this.options.jobToken.trim()
      if (req.body !== undefined) headers['Content-Type'] = 'application/json'
      return { ...headers, ...req.headers }
    }
    headers['X-Api-Key'] = this.options.apiKey.trim()
    if (!req.withoutOrganization) {
      const org = this.options.organizationId.trim()
      if (org === '') {
        throw new ConfigError(this.names.organizationId, `it is empty, and ${label} needs it`)
      }
      headers['X-Organization-ID'] = org
    }
    if (req.body !== undefined) headers['Content-Type'] = 'application/json'
    return { ...headers, ...req.headers }
  }

  private typed(err: unknown, label: string): EchopointError {
    if (err instanceof EchopointError) return err
    const message = err instanceof Error ? err.message : String(err)
    return new EchopointError('contract', this.redact(`${label}: unexpected error: ${message}`), {
      request: label,
      cause: err
    })
  }
}
