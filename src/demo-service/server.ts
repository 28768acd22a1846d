/**
 * A tiny in-memory REST service for flows to test: the demo starts it next to
 * the sandbox, the example flows under examples/flows/ run against it, and the
 * engine's tests use it as "the service the CI job started". Loopback only.
 *
 * Routes (JSON unless said):
 * - `GET /health` → `{status: "ok"}`
 * - `POST /login` `{username, password}` → `{token}` (any password but "wrong")
 * - `POST /widgets` `{name, ...}` → 201 the widget with an `id`; 400 without a name;
 *   401 when an `Authorization` header is present but is not `Bearer <token>`
 * - `GET /widgets` → `{items, total}`; `GET|DELETE /widgets/{id}` → 200 / 204, 404 if unknown
 * - `POST /jobs` → 202 `{id, status: "pending"}`; `GET /jobs/{id}` → `pending`
 *   for the first two reads, then `done`
 * - `GET /status/{code}` → that status; `GET /slow/{ms}` → answers after ms
 * - `GET /echo` (any method) → `{method, path, query, headers, body}`
 * - `GET /events` → a text/event-stream of three `tick` events then `done`
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'

export interface DemoService {
  url: string
  /** Requests served, in order (`METHOD /path`). */
  requests: string[]
  close(): Promise<void>
}

const MAX_BODY = 1024 * 1024

function send(res: http.ServerResponse, status: number, value?: unknown): void {
  if (value === undefined) {
    res.writeHead(status)
    res.end()
    return
  }
  const text = JSON.stringify(value)
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text)
  })
  res.end(text)
}

function parse(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Starts the service on 127.0.0.1 (port 0: any free port). */
export async function startDemoService(port = 0): Promise<DemoService> {
  const widgets = new Map<string, Record<string, unknown>>()
  const jobs = new Map<string, number>()
  const tokens = new Set<string>()
  const requests: string[] = []
  const timers = new Set<NodeJS.Timeout>()

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    const url = new URL(req.url ?? '/', 'http://service')
    const method = req.method ?? 'GET'
    const path = url.pathname
    requests.push(`${method} ${path}`)
    const body = parse(raw)
    const parts = path.split('/').filter(Boolean)
    const auth = req.headers.authorization
    if (auth !== undefined && !tokens.has(auth.replace(/^Bearer /, ''))) {
      return send(res, 401, { error: 'invalid token' })
    }
    if (path === '/health') return send(res, 200, { status: 'ok' })
    if (path === '/login' && method === 'POST') {
      const b = (body ?? {}) as Record<string, unknown>
      if (typeof b.username !== 'string' || b.password === 'wrong') {
        return send(res, 401, { error: 'bad credentials' })
      }
      const token = randomUUID()
      tokens.add(token)
      return send(res, 200, { token, user: b.username })
    }
    if (parts[0] === 'widgets') {
      if (parts.length === 1 && method === 'POST') {
        const b = body as Record<string, unknown> | null
        if (!b || typeof b !== 'object' || typeof b.name !== 'string' || b.name === '') {
          return send(res, 400, { error: 'name is required' })
        }
        const widget = { ...b, id: `wdg_${widgets.size + 1}_${randomUUID().slice(0, 8)}` }
        widgets.set(widget.id, widget)
        return send(res, 201, widget)
      }
      if (parts.length === 1 && method === 'GET') {
        const items = [...widgets.values()]
        return send(res, 200, { items, total: items.length })
      }
      const widget = widgets.get(parts[1] ?? '')
      if (!widget) return send(res, 404, { error: 'no such widget' })
      if (method === 'DELETE') {
        widgets.delete(parts[1])
        return send(res, 204)
      }
      return send(res, 200, widget)
    }
    if (parts[0] === 'jobs') {
      if (parts.length === 1 && method === 'POST') {
        const id = `job_${randomUUID().slice(0, 8)}`
        jobs.set(id, 0)
        return send(res, 202, { id, status: 'pending' })
      }
      const reads = jobs.get(parts[1] ?? '')
      if (reads === undefined) return send(res, 404, { error: 'no such job' })
      jobs.set(parts[1], reads + 1)
      return send(res, 200, { id: parts[1], status: reads >= 2 ? 'done' : 'pending' })
    }
    if (parts[0] === 'status')
      return send(res, Number(parts[1]) || 200, { status: Number(parts[1]) })
    if (parts[0] === 'slow') {
      const timer = setTimeout(
        () => {
          timers.delete(timer)
          send(res, 200, { waited: Number(parts[1]) })
        },
        Math.min(Number(parts[1]) || 0, 60_000)
      )
      timers.add(timer)
      return
    }
    if (path === '/echo') {
      return send(res, 200, {
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body
      })
    }
    if (path === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
      let n = 0
      const tick = (): void => {
        n += 1
        if (n <= 3) {
          res.write(`event: tick\nid: ${n}\ndata: {"n":${n}}\n\n`)
          const timer = setTimeout(tick, 10)
          timers.add(timer)
        } else {
          res.end('event: done\ndata: {"n":4}\n\n')
        }
      }
      tick()
      return
    }
    send(res, 404, { error: `no route ${method} ${path}` })
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => {
      if (size > MAX_BODY) return send(res, 413, { error: 'body too large' })
      handle(req, res, Buffer.concat(chunks).toString('utf8'))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
