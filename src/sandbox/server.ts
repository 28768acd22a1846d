/**
 * The HTTP server: reads each request, runs it through the pipeline and writes
 * the answer. Everything the API decides lives in the layers and routes; this
 * file only deals with sockets, bodies and headers every answer carries
 * (`Date` from the sandbox's clock plus any configured skew, `Content-Type`,
 * `X-Request-Id`), and builds the rate-limit, quota and fault layers from the
 * options and the fixtures file's `server:` section (merged and validated as one,
 * settings/server-section.ts).
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { systemClock, type Clock } from '../core/clock.js'
import { authLayer } from './auth.js'
import { createContext, errorResponse } from './context.js'
import { EPHEMERAL_LEASE_MS } from './ephemeral-runs.js'
import { defaultFixtures, loadFixtures } from './fixture-file.js'
import { FaultInjector } from './layers/faults.js'
import { DailyQuota } from './layers/quota.js'
import { RateLimiter } from './layers/rate-limit.js'
import { requestLogLayer } from './layers/request-log.js'
import { Pipeline, type PluggableSlot } from './pipeline.js'
import { RequestLog } from './request-log.js'
import { Router } from './router.js'
import { allRoutes } from './routes/index.js'
import { resolveServerConfig } from './settings/server-section.js'
import { SandboxState } from './state.js'
import type { SandboxFixtures } from './types/fixtures.js'
import type {
  SandboxExtensions,
  SandboxLayer,
  SandboxResponse,
  SandboxServices
} from './types/http.js'
import type { FaultOptions, QuotaOptions, RateLimitOptions } from './types/options.js'

/** Addresses that listen on every interface: no one URL reaches them. */
const WILDCARD_HOSTS = ['0.0.0.0', '::', '']

/** Largest request body accepted; larger ones get 413. */
export const MAX_BODY_BYTES = 1024 * 1024

export interface SandboxOptions {
  /** Default 0: a random free port. */
  port?: number
  /** Default `127.0.0.1`: the sandbox is for this machine only. */
  host?: string
  /** An object, or a path to a JSON or YAML file. Default: the shipped sandbox/default.json. */
  fixtures?: SandboxFixtures | string
  /** Drives key expiry, timestamps, `Date` and every execution's lifecycle. Default: the system clock. */
  clock?: Clock
  /**
   * Multiplies every simulated flow duration and every rate-limit window (e.g. 0.01
   * for fast tests). Default 1.
   */
  timeScale?: number
  /** Part B extensions, all on by default; off behaves like the public API. */
  extensions?: Partial<SandboxExtensions>
  /**
   * How long an ephemeral job's lease lasts, in ms: from the claim and from each
   * renewing heartbeat; past it without a completion, the execution fails
   * (RUNNER_LEASE_EXPIRED). Not scaled by timeScale. Default: the fixtures file's
   * `server.ephemeral_lease_ms`, else 600 000 (10 min, EPHEMERAL_LEASE_MS).
   */
  ephemeralLeaseMs?: number
  /**
   * Rate limits per key and bucket (`{}` = defaults: read 100, search 30, write 60
   * per minute, `retry-after` headers). Default: off, unless the fixtures file's
   * `server.rate_limits` sets them; `false` turns them off whatever the file says.
   */
  rateLimits?: RateLimitOptions | false
  /** The daily execution quota per organization. Default: none. */
  quota?: QuotaOptions
  /** Seeded fault injection and clock skew. Default: none. */
  faults?: FaultOptions
  /**
   * Layers for the pluggable slots (faults, rate limits, quotas); empty slots pass
   * through. A layer given here replaces the one built from the options above.
   */
  layers?: Partial<Record<PluggableSlot, SandboxLayer>>
}

export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string
  port: number
  /** The fixture's default organization. */
  organizationId: string
  /** The fixture's default key (the CI key of the default fixture). */
  apiKey: string
  requestLog: RequestLog
  state: SandboxState
  /** The request pipeline; `pipeline.use(slot, layer)` swaps a layer while running. */
  pipeline: Pipeline
  /** The rate limiter (windows, `storm()`), when rate limits are on. */
  rateLimit?: RateLimiter
  /** The daily quota, when one is set. */
  quota?: DailyQuota
  /** The fault injector, when faults are configured. */
  faults?: FaultInjector
  /** How far the server's clock (`Date`, rate-limit resets) is ahead of the sandbox clock, in ms. */
  clockSkewMs: number
  /** Stops listening and destroys every open connection (keep-alive ones included). */
  close(): Promise<void>
}

const ALL_EXTENSIONS_ON: SandboxExtensions = {
  permissionsForAnyKey: true,
  cancel: true,
  executionsList: true,
  keyIntrospection: true
}

function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Keep draining a too-large body so the answer can still be sent on this socket.
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () =>
      resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge })
    )
    req.on('error', reject)
  })
}

function writeResponse(
  res: ServerResponse,
  response: SandboxResponse,
  serverNow: number,
  requestId: string
): void {
  if (response.drop) {
    res.socket?.destroy()
    return
  }
  const payload =
    response.rawBody ?? (response.body === undefined ? undefined : JSON.stringify(response.body))
  const headers: Record<string, string> = {
    // The server's clock, not the host's: clients compute absolute reset times against it.
    date: new Date(serverNow).toUTCString(),
    'x-request-id': requestId,
    'cache-control': 'no-store'
  }
  if (payload !== undefined) headers['content-type'] = 'application/json; charset=utf-8'
  Object.assign(headers, response.headers)
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload))
  res.writeHead(response.status, headers)
  res.end(payload)
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/** Starts a sandbox server. Resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock
  const fixtures =
    options.fixtures === undefined ? defaultFixtures() : loadFixtures(options.fixtures)
  // Validated before anything listens, so a bad option fails startSandbox, not a request.
  const config = resolveServerConfig(fixtures.server, {
    timeScale: options.timeScale,
    ephemeralLeaseMs: options.ephemeralLeaseMs,
    rateLimits: options.rateLimits,
    quota: options.quota,
    faults: options.faults
  })
  const timeScale = config.timeScale ?? 1
  const extensions: SandboxExtensions = { ...ALL_EXTENSIONS_ON, ...options.extensions }
  const router = new Router(allRoutes(extensions))
  const rateLimit = config.rateLimits ? new RateLimiter(config.rateLimits, timeScale) : undefined
  const quota = config.quota ? new DailyQuota(config.quota) : undefined
  const faults = config.faults ? new FaultInjector(config.faults, router) : undefined
  const clockSkewMs = faults?.config.clockSkewMs ?? 0

  const state = new SandboxState(
    fixtures,
    clock,
    timeScale,
    config.ephemeralLeaseMs ?? EPHEMERAL_LEASE_MS
  )
  const requestLog = new RequestLog()
  const services: SandboxServices = {
    state,
    clock,
    extensions,
    requestLog,
    clockSkewMs,
    // Set once listening (below).
    baseUrl: null
  }
  const pipeline = new Pipeline({
    requestLog: requestLogLayer(requestLog),
    faults,
    router: router.layer(),
    auth: authLayer(),
    rateLimit,
    quota,
    handler: router.handlerLayer(),
    ...options.layers
  })

  const server = createServer((req, res) => {
    const requestId = randomUUID()
    const receivedAt = clock.now()
    readBody(req)
      .then(async ({ body, tooLarge }) => {
        const ctx = createContext({
          req,
          res,
          rawBody: body,
          bodyTooLarge: tooLarge,
          receivedAt,
          requestId,
          services
        })
        const response = await pipeline.run(ctx)
        if (!res.destroyed) writeResponse(res, response, clock.now() + clockSkewMs, requestId)
      })
      .catch((err: unknown) => {
        // Only reachable if writing failed or the client vanished mid-body.
        if (!res.headersSent && !res.destroyed)
          writeResponse(res, errorResponse(err), clock.now() + clockSkewMs, requestId)
        else res.destroy()
      })
  })

  const host = options.host ?? '127.0.0.1'
  const port = await listen(server, options.port ?? 0, host)
  const urlHost = host.includes(':') ? `[${host}]` : host
  // On a wildcard address the URLs handed out (webhook.url) follow the request's Host.
  services.baseUrl = WILDCARD_HOSTS.includes(host) ? null : `http://${urlHost}:${port}`
  let closing: Promise<void> | undefined

  return {
    url: `http://${urlHost}:${port}`,
    port,
    organizationId: state.defaultOrganizationId,
    apiKey: state.defaultApiKey.secret,
    requestLog,
    state,
    pipeline,
    rateLimit,
    quota,
    faults,
    clockSkewMs,
    close() {
      // Slow answers in flight are released at once rather than holding close() open.
      faults?.dispose()
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Keep-alive sockets (fetch keeps them) would hold close() open for seconds.
        server.closeAllConnections()
      })
      return closing
    }
  }
}
