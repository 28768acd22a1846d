/**
 * Compatibility suite, part 3: what Echopoint's Go runner and CLI test around the
 * engine, re-expressed and run against local services on 127.0.0.1:
 *
 * - echopoint-runner pkg/runner/redaction_test.go (at 9863c34e): secrets are
 *   masked in everything reported (results, node.finished events), also where a
 *   writer escaped them or a server echoed them into a base64 response body;
 * - echopoint-runner it/flow_test.go Test_CreateUserFlow with the flow
 *   it/examples/create-user-flow-no-test.json (re-expressed as
 *   __fixtures__/compat/create-user-flow.json) and the WireMock stubs under
 *   it/wiremock/stubs/ (served by a node:http stub below);
 * - echopoint-cli internal/commands/flow_run_test.go (at d839cbab): only what
 *   concerns the engine's result and the report built from it.
 *
 * Ours: a secret value in a request URL is always refused (SECRET_IN_URL). The
 * reference's secretFlow sends the secret in the URL query as well as in a
 * header and the body, and expects the call to go out (masked in the results).
 * Each such case asserts our refusal on the reference's flow, and runs the
 * masking checks on the same flow without the query (header and body only).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { chain, flowOf, node, out, req, status, type Json } from '../__fixtures__/flows.js'
import { flowReportFromResult, localNodeStatus } from '../src/core/run/local-result.js'
import { loadFlow } from '../src/engine/load.js'
import { runFlow } from '../src/engine/engine.js'
import type { FlowDef } from '../src/engine/flow/model.js'
import type { FlowResult, NodeResult, RunFlowOptions } from '../src/engine/run/types.js'

// runFlow (src/engine/engine.ts) also wires sse and webhook_wait; these cases need neither.
const run = (flow: FlowDef, options: RunFlowOptions = {}): Promise<FlowResult> =>
  runFlow(flow, options)

// ── a local service ─────────────────────────────────────────────────────────

interface Seen {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}
type Handler = (request: Seen, response: ServerResponse) => void
interface Service {
  url: string
  requests: Seen[]
  close(): Promise<void>
}

async function serve(handler: Handler): Promise<Service> {
  const requests: Seen[] = []
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1')
      const seen: Seen = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(seen)
      handler(seen, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** JSON as Go's json.Encoder writes it: <, > and & escaped as \u003c, \u003e, \u0026, then a newline. */
function goJson(value: unknown): string {
  return `${JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}\n`
}

function send(
  response: ServerResponse,
  statusCode: number,
  text: string,
  headers: Record<string, string> = {}
): void {
  response.writeHead(statusCode, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers
  })
  response.end(text)
}

const firstHeader = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '')

// ── pkg/runner/redaction_test.go ────────────────────────────────────────────

const secretValue = 'sk-live-must-never-be-reported'
/** Holds every character json.Marshal escapes. */
const escapedSecret = 'p@ss&w"rd<x>\\y'
const MASK = '***'

/**
 * The reference's secretFlow: the secret input goes through every request field a
 * result echoes back. `inQuery: false` is our variant without the URL query.
 */
function secretFlow(
  baseURL: string,
  secret = secretValue,
  inQuery = true
): { flow: FlowDef; inputs: Json } {
  const flow = flowOf({
    name: 'secret',
    initial_inputs: { baseURL, apiToken: secret },
    nodes: [
      req(
        'call',
        'POST',
        inQuery ? '{{baseURL}}/resource?token={{apiToken}}' : '{{baseURL}}/resource',
        {
          data: {
            headers: { Authorization: 'Bearer {{apiToken}}' },
            body: { token: '{{apiToken}}' }
          }
        }
      )
    ],
    edges: []
  })
  return { flow, inputs: { baseURL, apiToken: secret } }
}

/** Runs with `apiToken` secret, keeping the node.finished results (what events carry). */
async function runSecret(
  flow: FlowDef,
  secret = true
): Promise<{ result: FlowResult; nodeResults: NodeResult[] }> {
  const nodeResults: NodeResult[] = []
  const result = await run(flow, {
    ...(secret ? { secretInputKeys: ['apiToken'] } : {}),
    observer: { nodeFinished: (event) => nodeResults.push(event.result) }
  })
  return { result, nodeResults }
}

/** How a secret is written inside JSON text: by json.Marshal (HTML-escaped) and without HTML escaping. */
function jsonForms(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1)
  const html = plain.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)
  return [...new Set([plain, html])]
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

function treeLeaks(value: unknown, secret: string): boolean {
  if (typeof value === 'string') {
    if (value.includes(secret)) return true
    return (
      value.length > 0 &&
      BASE64.test(value) &&
      Buffer.from(value, 'base64').toString('utf8').includes(secret)
    )
  }
  if (Array.isArray(value)) return value.some((item) => treeLeaks(item, secret))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => key.includes(secret) || treeLeaks(item, secret)
    )
  }
  return false
}

/**
 * The reference's leaks(): whether the secret survives anywhere in the reported
 * JSON value, searched in the decoded tree (base64 leaves decoded too), as written
 * and in every form JSON text gives it.
 */
function leaks(value: unknown, secret: string): boolean {
  const tree = JSON.parse(JSON.stringify(value)) as unknown
  return [secret, ...jsonForms(secret)].some((form) => treeLeaks(tree, form))
}

describe('redaction_test.go', () => {
  // The reference's echoServer: {"status":"ok"}, the query token reflected in a response header.
  let echo: Service
  // assertEchoedSecretIsMasked's server: echoes the query token and the Authorization header in its JSON body.
  let bodyEcho: Service
  // The reference's chainServer: /issue hands the token back, /use records the Authorization it gets.
  let chainService: Service
  let closedPort: string
  beforeAll(async () => {
    echo = await serve((request, response) =>
      send(response, 200, JSON.stringify({ status: 'ok' }), {
        'X-Echoed-Token': request.query.get('token') ?? ''
      })
    )
    bodyEcho = await serve((request, response) =>
      send(
        response,
        200,
        goJson({
          echoed: request.query.get('token') ?? '',
          authorization: firstHeader(request.headers.authorization)
        })
      )
    )
    chainService = await serve((request, response) => {
      // Ours: the token comes in a header (the reference: in the /issue query).
      if (request.path === '/issue')
        return send(response, 200, goJson({ token: firstHeader(request.headers['x-token']) }))
      send(response, 200, goJson({ ok: true }))
    })
    const closed = await serve(() => undefined)
    closedPort = closed.url
    await closed.close()
  })
  afterAll(async () => {
    await Promise.all([echo.close(), bodyEcho.close(), chainService.close()])
  })

  it('TestRun_MasksSecretInputValuesInResultsAndEvents', async () => {
    // Ours: the secret in the URL query is refused, nothing is sent (reference:
    // the call goes out and the flow succeeds, masked).
    const before = echo.requests.length
    const refused = await runSecret(secretFlow(echo.url).flow)
    expect(refused.result.success).toBe(false)
    expect(refused.result.execution_results.call.error_code).toBe('SECRET_IN_URL')
    expect(echo.requests.length).toBe(before)
    for (const reported of [refused.result, refused.nodeResults]) {
      expect(leaks(reported, secretValue)).toBe(false)
      expect(JSON.stringify(reported)).toContain(MASK)
    }

    // The same flow with the secret in a header and the body only: sent, and masked.
    const { result, nodeResults } = await runSecret(secretFlow(echo.url, secretValue, false).flow)
    expect(result.success).toBe(true)
    expect(echo.requests.at(-1)?.headers.authorization).toBe(`Bearer ${secretValue}`)
    for (const [name, reported] of Object.entries({
      'flow result': result,
      'node.finished events': nodeResults
    })) {
      expect({ name, leaked: leaks(reported, secretValue) }).toEqual({ name, leaked: false })
      expect(JSON.stringify(reported)).toContain(MASK)
    }
  })

  it('TestRun_MaskedNodeResultKeepsNonSecretFields', async () => {
    // Ours: the flow without the URL query (a secret in a URL is refused).
    const { nodeResults } = await runSecret(secretFlow(echo.url, secretValue, false).flow)
    expect(nodeResults).toHaveLength(1)
    const nodeResult = nodeResults[0]
    expect(nodeResult.node_id).toBe('call')
    expect(nodeResult.node_type).toBe('request')
    expect(nodeResult.error_code).toBeUndefined()
    expect(JSON.stringify(nodeResult)).toContain('"response_status_code":200')
  })

  it('TestRun_ReportsValuesWhenNoInputIsSecret', async () => {
    // The reference's flow as it is: with no secret input, the URL may carry the value.
    const { result } = await runSecret(secretFlow(echo.url).flow, false)
    expect(result.success).toBe(true)
    expect(JSON.stringify(result)).toContain(secretValue)
  })

  const echoedSecretIsMasked = async (secret: string): Promise<void> => {
    // Ours: header and body only (the reference also echoes the query token).
    const { result, nodeResults } = await runSecret(secretFlow(bodyEcho.url, secret, false).flow)
    expect(result.success).toBe(true)
    // The server got the real value, and echoed it (in its JSON form) in its body.
    expect(bodyEcho.requests.at(-1)?.headers.authorization).toBe(`Bearer ${secret}`)
    expect(nodeResults).toHaveLength(1)
    expect(leaks(nodeResults[0], secret)).toBe(false)
    expect(leaks(result, secret)).toBe(false)
  }

  it('TestRun_MasksTheSecretEchoedInTheResponseBody', async () => {
    await echoedSecretIsMasked(secretValue)
  })

  it('TestRun_MasksAnEscapableSecretEchoedInTheResponseBody', async () => {
    // The server writes JSON as Go's encoder does: the secret's & < > become \u0026 \u003c \u003e.
    await echoedSecretIsMasked(escapedSecret)
  })

  it('TestRun_MasksASecretThatJSONEscapes', async () => {
    // Ours: header and body only (a secret in a URL is refused).
    const { result, nodeResults } = await runSecret(secretFlow(echo.url, escapedSecret, false).flow)
    expect(result.success).toBe(true)
    expect(leaks(result, escapedSecret)).toBe(false)
    expect(leaks(nodeResults, escapedSecret)).toBe(false)
  })

  // TestRun_NoLogLineCarriesTheSecret is not re-expressed: it captures the Go
  // runner's zerolog output; our engine writes no log lines (what it reports is
  // its redacted result and observer events, checked above).

  it('TestRun_MasksTheSecretInTheReportedErrorMessage', async () => {
    // A request to a port nothing listens on, the secret in the URL query.
    // Ours: refused before connecting, SECRET_IN_URL (reference: a connection
    // error whose message carries the resolved URL, masked).
    const { result } = await runSecret(secretFlow(closedPort, escapedSecret).flow)
    expect(result.success).toBe(false)
    expect(result.execution_results.call.error_code).toBe('SECRET_IN_URL')
    expect(result.error_message ?? '').not.toContain(escapedSecret)
    expect(leaks(result, escapedSecret)).toBe(false)
  })

  it('TestRun_MasksACopySoDownstreamNodesKeepTheRealValue', async () => {
    // The secret goes out, comes back in a response, is extracted as an output and
    // sent on by a second node. Ours: it goes out in a header (reference: in the
    // /issue query).
    const flow = flowOf({
      name: 'chained',
      initial_inputs: { baseURL: chainService.url, apiToken: secretValue },
      nodes: [
        req('issue', 'GET', '{{baseURL}}/issue', {
          data: { headers: { 'X-Token': '{{apiToken}}' } },
          outputs: [out('token', '$.token')]
        }),
        req('use', 'GET', '{{baseURL}}/use', {
          data: { headers: { Authorization: 'Bearer {{issue.token}}' } }
        })
      ],
      edges: chain('issue', 'use')
    })
    const { result, nodeResults } = await runSecret(flow)
    expect(result.success).toBe(true)
    const use = chainService.requests.find((r) => r.path === '/use')
    expect(use?.headers.authorization).toBe(`Bearer ${secretValue}`)
    expect(leaks(result, secretValue)).toBe(false)
    expect(leaks(nodeResults, secretValue)).toBe(false)
  })
})

// ── it/flow_test.go with it/examples/create-user-flow-no-test.json ──────────

describe('it/flow_test.go', () => {
  // The WireMock stubs of it/wiremock/stubs/ (post-users-201, get-user-by-id-200,
  // get-users-200, get-users-404), and WireMock's 404 for anything else.
  let wiremock: Service
  beforeAll(async () => {
    wiremock = await serve((request, response) => {
      if (request.method === 'POST' && request.path === '/users') {
        if (firstHeader(request.headers['content-type']) !== 'application/json') {
          return send(response, 404, JSON.stringify({ error: 'no stub matched' }))
        }
        const sent = JSON.parse(request.body) as { name?: string; email?: string }
        return send(
          response,
          201,
          JSON.stringify({ user: { id: '123', name: sent.name, email: sent.email } })
        )
      }
      if (request.method === 'GET' && request.path === '/users/123') {
        return send(
          response,
          200,
          JSON.stringify({ user: { id: '123', name: 'Alice Smith', email: 'alice@example.com' } })
        )
      }
      if (request.method === 'GET' && request.path === '/users') {
        return send(
          response,
          200,
          JSON.stringify({
            users: [
              { id: '1', name: 'John Doe' },
              { id: '2', name: 'Jane Smith' }
            ]
          })
        )
      }
      if (request.method === 'GET' && request.path.startsWith('/users/')) {
        return send(response, 404, JSON.stringify({ error: 'User not found' }))
      }
      send(response, 404, JSON.stringify({ error: 'no stub matched' }))
    })
  })
  afterAll(async () => {
    await wiremock.close()
  })

  it('Test_CreateUserFlow', async () => {
    const definition = JSON.parse(
      readFileSync(new URL('../__fixtures__/compat/create-user-flow.json', import.meta.url), 'utf8')
    ) as unknown
    const { flow, problems } = loadFlow(definition)
    expect(problems).toEqual([])
    // The reference overrides initialInputs.apiUrl with WireMock's URL.
    const result = await run(flow, { inputs: { apiUrl: wiremock.url } })

    expect(result.success).toBe(true)
    expect(result.duration_ms).toBeGreaterThan(0)

    // Step 1: create the user.
    const create = result.execution_results['create-user']
    expect(create).toBeDefined()
    expect(create.inputs.apiUrl).toBe(wiremock.url)
    expect(create.inputs.userName).toBe('Alice Smith')
    expect(create.inputs.userEmail).toBe('alice@example.com')
    expect(create.outputs.statusCode).toBe(201)
    expect(create.outputs.userId).toBe('123')
    const createdUser = create.outputs.createdUser as { user: Json }
    expect(createdUser.user.name).toBe('Alice Smith')
    expect(createdUser.user.email).toBe('alice@example.com')

    // Step 2: read it back with the id from step 1.
    const verify = result.execution_results['verify-user']
    expect(verify).toBeDefined()
    expect(verify.inputs['create-user.userId']).toBe('123')
    expect(verify.inputs.apiUrl).toBe(wiremock.url)
    expect(verify.outputs.verifyStatus).toBe(200)

    expect(result.final_outputs['create-user.statusCode']).toBe(201)
    expect(result.final_outputs['create-user.userId']).toBe('123')
    expect(result.final_outputs['verify-user.verifyStatus']).toBe(200)
  })
})

// ── echopoint-cli internal/commands/flow_run_test.go ────────────────────────
// Only the engine result and the report built from it. Not re-expressed (no
// engine in them): TestResolveAPIKey_*, TestAPIKeyPrecedenceOverBearer,
// TestRedactedHeaders, TestDeriveGitHubIdempotencyKey, TestResolveIdempotencyKey_GitHub,
// TestDerivePerFlowKey, TestFlowRunOutput_Success_JSON, TestMultiFlowRunOutput_JSON,
// TestIntegration_ClaimConflictNeverRunsFlow, TestIntegration_TerminalIdempotentReplay,
// TestIntegration_MultipleFlowsSequential, TestIntegration_ParallelBounding,
// TestIntegration_InvalidParallel, TestIntegration_JSONOutputOnAPIError.

describe('flow_run_test.go (echopoint-cli)', () => {
  let api: Service
  beforeAll(async () => {
    api = await serve((request, response) =>
      request.path === '/login'
        ? send(response, 401, JSON.stringify({ error: 'bad credentials' }))
        : send(response, 200, JSON.stringify({ ok: true }))
    )
  })
  afterAll(async () => {
    await api.close()
  })

  it('TestIntegration_SuccessfulEphemeralExecution', async () => {
    // The claimed job's flow definition (fakeFlowDefinition): one delay node.
    const { flow, problems } = loadFlow({
      name: 'test',
      version: '1.0',
      nodes: [{ id: 'wait', type: 'delay', data: { duration: 1 } }],
      edges: []
    })
    expect(problems).toEqual([])
    const result = await run(flow, { clock: new FakeClock() })
    expect(result.success).toBe(true)
    const report = flowReportFromResult(result, { flow_id: 'flow-001', flow_name: 'test' })
    expect(report.status).toBe('passed')
    expect(report.nodes.map((n) => [n.node_id, n.status])).toEqual([['wait', 'completed']])
  })

  it('TestFlowRunOutput_FlowFailure_JSON', async () => {
    // A failed flow: the failed node carries its error message, the node after it
    // is skipped (status from the local result: skipped, else failed, else completed).
    const result = await run(
      flowOf({
        name: 'login',
        nodes: [
          req('req-1', 'POST', `${api.url}/login`, {
            display_name: 'Login',
            assertions: [status(200)]
          }),
          req('req-2', 'GET', `${api.url}/me`),
          node('check', 'set_variable', { variables: { ok: true } })
        ],
        edges: chain('req-1', 'req-2')
      })
    )
    expect(result.success).toBe(false)
    const report = flowReportFromResult(result, {
      flow_id: 'flow-001',
      flow_name: 'login',
      order: ['req-1', 'req-2', 'check']
    })
    expect(report.status).toBe('failed')
    expect(report.error_message).toEqual(expect.any(String))
    const byId = Object.fromEntries(report.nodes.map((n) => [n.node_id, n]))
    expect(byId['req-1']).toMatchObject({
      display_name: 'Login',
      node_type: 'request',
      status: 'failed'
    })
    expect(byId['req-1'].error_message).toBe(
      'assertion 0 failed: status_code equals expected=200 actual=401'
    )
    expect(byId['req-2'].status).toBe('skipped')
    expect(byId.check.status).toBe('completed')
    expect(localNodeStatus(result.execution_results['req-2'])).toBe('skipped')
  })
})
