/**
 * The HTTP server: reads each request, runs it through the pipeline and writes
 * the answer. Everything the API decides lives in the layers and routes; this
 * file only deals with sockets, bodies and headers every answer carries
 * (`Date` from the sandbox's clock, `Content-Type`, `X-Request-Id`).
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { systemClock, type Clock } from '../core/clock.js'
import { authLayer } from './auth.js'
import {
  createContext,
  errorResponse,
  type SandboxExtensions,
  type SandboxResponse,
  type SandboxServices
} from './context.js'
import { defaultFixtures, loadFixtures, type SandboxFixtures } from './fixtures.js'
import { Pipeline, type PluggableSlot, type SandboxLayer } from './pipeline.js'
import { RequestLog } from './request-log.js'
import { Router } from './router.js'
import { allRoutes } from './routes/index.js'
import { SandboxState } from './state.js'

/** Largest request body accepted; larger ones get 413. */
export const MAX_BODY_BYTES = 1024 * 1024

export interface SandboxOptions {
  /** Default 0: a random free port. */
  port?: number
  /** Default `127.0.0.1`: the sandbox is for this machine only. */
  host?: string
  /** An object, or a path to a JSON or YAML file. Default: the shipped fixtures/default.json. */
  fixtures?: SandboxFixtures | string
  /** Drives key expiry, timestamps, `Date` and every execution's lifecycle. Default: the system clock. */
  clock?: Clock
  /** Multiplies every simulated flow duration (e.g. 0.01 for fast tests). Default 1. */
  timeScale?: number
  /** Part B extensions, all on by default; off behaves like the public API. */
  extensions?: Partial<SandboxExtensions>
  /** Layers for the pluggable slots (faults, rate limits, quotas); empty slots pass through. */
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
  clock: Clock,
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
    date: new Date(clock.now()).toUTCString(),
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
  const timeScale = options.timeScale ?? 1
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
    throw new RangeError(`timeScale must be a positive number, got ${String(timeScale)}`)
  }
  const fixtures =
    options.fixtures === undefined ? defaultFixtures() : loadFixtures(options.fixtures)
  const extensions: SandboxExtensions = { ...ALL_EXTENSIONS_ON, ...options.extensions }
  const state = new SandboxState(fixtures, clock, timeScale)
  const requestLog = new RequestLog()
  const services: SandboxServices = { state, clock, extensions, requestLog }
  const router = new Router(allRoutes(extensions))
  const pipeline = new Pipeline({
    requestLog: requestLog.layer(),
    router: router.layer(),
    auth: authLayer(),
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
        if (!res.destroyed) writeResponse(res, response, clock, requestId)
      })
      .catch((err: unknown) => {
        // Only reachable if writing failed or the client vanished mid-body.
        if (!res.headersSent && !res.destroyed)
          writeResponse(res, errorResponse(err), clock, requestId)
        else res.destroy()
      })
  })

  const host = options.host ?? '127.0.0.1'
  const port = await listen(server, options.port ?? 0, host)
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | undefined

  return {
    url: `http://${urlHost}:${port}`,
    port,
    organizationId: state.defaultOrganizationId,
    apiKey: state.defaultApiKey.secret,
    requestLog,
    state,
    pipeline,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Keep-alive sockets (fetch keeps them) would hold close() open for seconds.
        server.closeAllConnections()
      })
      return closing
    }
  }
}
