/**
 * A fake GitHub REST API on 127.0.0.1: just the issue endpoints the key-expiry
 * action's reminder issue calls through Octokit, with every request recorded so
 * tests can assert exactly what was sent (create, update, no duplicate, close).
 *
 *   GET   /repos/{owner}/{repo}/issues?state=&labels=   list (labels: every one must match)
 *   POST  /repos/{owner}/{repo}/issues                  create → 201
 *   PATCH /repos/{owner}/{repo}/issues/{number}         update (title, body, state, state_reason)
 *   POST  /repos/{owner}/{repo}/issues/{number}/comments comment → 201
 *
 * `mode` 'read-only' answers 403 "Resource not accessible by integration" to
 * writes (a GITHUB_TOKEN without `issues: write`); 'forbidden' to everything.
 * The action reaches it through GITHUB_API_URL.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  comments: string[]
  /** Set for pull requests, which the issues list also returns. */
  pull_request?: boolean
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body?: Record<string, unknown>
  authorization?: string
}

export type FakeGithubMode = 'ok' | 'read-only' | 'forbidden'

export interface FakeGithub {
  url: string
  /** `owner/repo` this server knows; any other repository is 404. */
  repository: string
  issues: FakeIssue[]
  requests: RecordedRequest[]
  mode: FakeGithubMode
  /** Adds an issue as if someone had opened it. */
  seed(issue: Partial<FakeIssue> & { title: string; body: string }): FakeIssue
  /** Requests as `METHOD /path` lines, for exact assertions. */
  calls(): string[]
  reset(): void
  close(): Promise<void>
}

const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
  status: '403'
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      try {
        resolve(text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>))
      } catch (err) {
        reject(err)
      }
    })
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload))
  })
  res.end(payload)
}

/** Starts the fake on a random port of 127.0.0.1. */
export async function startFakeGithub(
  options: { repository?: string; mode?: FakeGithubMode } = {}
): Promise<FakeGithub> {
  const repository = options.repository ?? 'acme/shop'
  const issues: FakeIssue[] = []
  const requests: RecordedRequest[] = []
  let nextNumber = 1
  let url = ''

  const view = (issue: FakeIssue): Record<string, unknown> => ({
    id: 1000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => ({ name })),
    comments: issue.comments.length,
    html_url: `https://github.com/${repository}/issues/${issue.number}`,
    url: `${url}/repos/${repository}/issues/${issue.number}`,
    ...(issue.pull_request ? { pull_request: { url: `${url}/pulls/${issue.number}` } } : {})
  })

  const fake: FakeGithub = {
    url: '',
    repository,
    issues,
    requests,
    mode: options.mode ?? 'ok',
    seed(partial) {
      const issue: FakeIssue = {
        number: nextNumber++,
        state: 'open',
        state_reason: null,
        labels: [],
        comments: [],
        ...partial
      }
      issues.push(issue)
      return issue
    },
    calls: () => requests.map((r) => `${r.method} ${r.path}`),
    reset() {
      issues.length = 0
      requests.length = 0
      nextNumber = 1
      fake.mode = 'ok'
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = await readJson(req)
    const method = req.method ?? 'GET'
    requests.push({
      method,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      body,
      authorization: req.headers.authorization
    })
    if (fake.mode === 'forbidden' || (fake.mode === 'read-only' && method !== 'GET')) {
      send(res, 403, FORBIDDEN)
      return
    }
    const prefix = `/repos/${repository}/issues`
    const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }
    if (!parsed.pathname.startsWith(prefix)) {
      send(res, 404, notFound)
      return
    }
    const rest = parsed.pathname.slice(prefix.length)
    if (rest === '' && method === 'GET') {
      const state = parsed.searchParams.get('state') ?? 'open'
      const labels = (parsed.searchParams.get('labels') ?? '').split(',').filter((l) => l !== '')
      const list = issues.filter(
        (i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l))
      )
      send(res, 200, list.map(view))
      return
    }
    if (rest === '' && method === 'POST') {
      if (typeof body?.title !== 'string' || body.title === '') {
        send(res, 422, { message: 'Validation Failed', errors: [{ field: 'title' }] })
        return
      }
      const issue = fake.seed({
        title: body.title,
        body: typeof body.body === 'string' ? body.body : '',
        labels: Array.isArray(body.labels) ? (body.labels as string[]) : []
      })
      send(res, 201, view(issue))
      return
    }
    const match = /^\/(\d+)(\/comments)?$/.exec(rest)
    const issue = match ? issues.find((i) => i.number === Number(match[1])) : undefined
    if (!match || !issue) {
      send(res, 404, notFound)
      return
    }
    if (match[2] && method === 'POST') {
      issue.comments.push(String(body?.body ?? ''))
      send(res, 201, { id: 5000 + issue.comments.length, body: body?.body })
      return
    }
    if (!match[2] && method === 'PATCH') {
      if (typeof body?.title === 'string') issue.title = body.title
      if (typeof body?.body === 'string') issue.body = body.body
      if (body?.state === 'open' || body?.state === 'closed') issue.state = body.state
      if (typeof body?.state_reason === 'string') issue.state_reason = body.state_reason
      send(res, 200, view(issue))
      return
    }
    send(res, 404, notFound)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { message: 'fake-github: bad request' }))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.url = url
  return fake
}
