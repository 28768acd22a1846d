/**
 * Compatibility suite, part 1: the engine's own cases of Echopoint's Go runner
 * (nanostack-dev/echopoint-runner), re-expressed as our fixtures and run against
 * small local services on 127.0.0.1. One `it` per reference test, named after it:
 *
 * - pkg/engine/engine_test.go (at a90645ae)
 * - pkg/engine/failure_scope_test.go (at 755d51c)
 * - pkg/engine/assertion_templates_test.go
 * - pkg/engine/loop_item_path_test.go
 * - pkg/engine/branch_routing_test.go (at fe0b8e8e)
 * - pkg/engine/skip_reason_golden_test.go
 * - pkg/engine/dotted_flow_input_test.go
 * - pkg/engine/set_variable_assertion_test.go
 *
 * The reference's mock nodes (MockNode, DataContractMockNode) become request
 * nodes against the mock service below: POST /mock/{status} answers with the
 * JSON body it was sent, so a node "produces" the outputs it posts and "reads"
 * its inputs by templating them into the body. A node that must fail asks for a
 * 500 and asserts a 200. Its `runFor` (a node kept busy so a sibling overtakes
 * it) becomes `?hold=name`: the answer waits until the test opens that gate,
 * so ordering is decided by events, not by sleeps.
 *
 * Where we deliberately differ from the reference (docs/runner.md "Ours:"), the case
 * asserts our outcome and says `// Ours: … (reference: …)`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import {
  chain,
  edge,
  flowOf,
  jsonPath,
  node,
  out,
  req,
  status,
  type Json
} from '../__fixtures__/flows.js'
import { loadFlow } from '../src/engine/load.js'
import { SKIP_REASONS } from '../src/engine/run/execute.js'
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
type Handler = (request: Seen, response: ServerResponse) => void | Promise<void>
interface Service {
  url: string
  /** `METHOD /path` of every request, in arrival order. */
  calls: string[]
  requests: Seen[]
  close(): Promise<void>
}

async function serve(handler: Handler): Promise<Service> {
  const calls: string[] = []
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
      calls.push(`${seen.method} ${seen.path}`)
      requests.push(seen)
      Promise.resolve(handler(seen, response)).catch((error: unknown) => {
        response.statusCode = 599
        response.end(String(error))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function sendJson(response: ServerResponse, statusCode: number, value: unknown): void {
  const text = JSON.stringify(value)
  response.writeHead(statusCode, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text)
  })
  response.end(text)
}

// Gates for `?hold=name`. Each opens by itself after a while, so an engine that
// waits where it should not fails an assertion instead of hanging the suite.
const gates = new Map<string, { open: () => void; opened: Promise<void> }>()
function gate(name: string): { open: () => void; opened: Promise<void> } {
  let found = gates.get(name)
  if (!found) {
    let open!: () => void
    const opened = new Promise<void>((resolve) => (open = resolve))
    const timer = setTimeout(open, 3000)
    timer.unref()
    found = { open, opened }
    gates.set(name, found)
  }
  return found
}

let mockService: Service
/** Node ids of the mock nodes that sent their request, in arrival order. */
let executed: string[] = []
beforeAll(async () => {
  mockService = await serve(async (request, response) => {
    const match = /^\/mock\/(\d{3})$/.exec(request.path)
    if (!match) return sendJson(response, 404, { error: 'no such route' })
    executed.push(String(request.headers['x-node']))
    const hold = request.query.get('hold')
    if (hold) await gate(hold).opened
    sendJson(response, Number(match[1]), request.body === '' ? {} : JSON.parse(request.body))
  })
})
afterAll(async () => {
  await mockService.close()
})
beforeEach(() => {
  executed = []
  gates.clear()
})

interface MockSpec {
  /** References the node reads (`create.resourceId`, `email`). */
  inputs?: string[]
  /** Outputs it produces (declared and sent back by the service). */
  outputs?: Record<string, unknown>
  /** Outputs it declares without producing them (a failing node's). */
  declares?: string[]
  /** Fails the node (the service answers 500, the node asserts 200). */
  fail?: boolean
  runWhen?: 'always'
  /** Keeps the node busy until the test opens this gate. */
  hold?: string
  /** The status the service answers with (default 200). */
  answer?: number
}

/** The reference's DataContractMockNode (and MockNode, with no spec), as a request node. */
function mock(id: string, spec: MockSpec = {}): Json {
  const outputs = spec.fail ? {} : (spec.outputs ?? {})
  const declared = [...new Set([...Object.keys(spec.outputs ?? {}), ...(spec.declares ?? [])])]
  const answer = spec.fail ? 500 : (spec.answer ?? 200)
  const used = Object.fromEntries((spec.inputs ?? []).map((ref) => [ref, `{{${ref}}}`]))
  return req(
    id,
    'POST',
    `${mockService.url}/mock/${answer}${spec.hold ? `?hold=${spec.hold}` : ''}`,
    {
      data: { headers: { 'X-Node': id }, body: { outputs, used } },
      assertions: spec.fail ? [status(200)] : [],
      outputs: declared.map((key) => out(key, `$.outputs['${key}']`)),
      ...(spec.runWhen ? { run_when: spec.runWhen } : {})
    }
  )
}

const resultOf = (result: FlowResult, id: string): NodeResult => {
  const found = result.execution_results[id]
  if (!found) throw new Error(`no result for node ${id}`)
  return found
}

/** The reference's requireSkipped: NODE_SKIPPED and a skip reason. */
function expectSkipped(result: FlowResult, id: string): NodeResult {
  const skipped = resultOf(result, id)
  expect(skipped.error_code).toBe('NODE_SKIPPED')
  expect(skipped.skip_reason).toEqual(expect.any(String))
  return skipped
}

/** Ran and did not fail (the reference: `executedAt` set and no error). */
function expectRan(result: FlowResult, id: string): NodeResult {
  const ran = resultOf(result, id)
  expect(ran.skip_reason).toBeUndefined()
  expect(ran.error_code).toBeUndefined()
  return ran
}

const problemsOf = (definition: Json, inputs: string[] = []) =>
  loadFlow({ name: 'compat', version: '1.0', ...definition }, { inputs }).problems

// ── pkg/engine/engine_test.go ───────────────────────────────────────────────

describe('engine_test.go', () => {
  it('TestNewFlowEngine_Success', () => {
    expect(
      problemsOf({ nodes: [mock('node1'), mock('node2')], edges: chain('node1', 'node2') })
    ).toEqual([])
  })

  it('TestNewFlowEngine_SourceNodeNotFound', () => {
    const problems = problemsOf({
      nodes: [mock('node1')],
      edges: [{ id: 'e1', source: 'nonexistent', target: 'node1', type: 'success' }]
    })
    expect(problems).toContainEqual({
      field: 'edges[0].source',
      message: expect.stringContaining('nonexistent')
    })
  })

  it('TestNewFlowEngine_TargetNodeNotFound', () => {
    const problems = problemsOf({
      nodes: [mock('node1')],
      edges: [{ id: 'e1', source: 'node1', target: 'nonexistent', type: 'success' }]
    })
    expect(problems).toContainEqual({
      field: 'edges[0].target',
      message: expect.stringContaining('nonexistent')
    })
  })

  it('TestFlowEngine_Execute_LinearFlow', async () => {
    const result = await run(
      flowOf({
        nodes: [mock('node1'), mock('node2'), mock('node3')],
        edges: chain('node1', 'node2', 'node3')
      })
    )
    expect(result.success).toBe(true)
    expect(executed).toEqual(['node1', 'node2', 'node3'])
  })

  it('TestFlowEngine_Execute_ParallelFlow', async () => {
    const started: string[] = []
    const result = await run(
      flowOf({
        nodes: [mock('node1'), mock('node2'), mock('node3')],
        edges: [edge('node1', 'node3'), edge('node2', 'node3')]
      }),
      { observer: { nodeStarted: (event) => started.push(event.nodeId) } }
    )
    expect(result.success).toBe(true)
    expect([...executed].sort()).toEqual(['node1', 'node2', 'node3'])
    expect(started.slice(0, 2).sort()).toEqual(['node1', 'node2'])
    expect(started[2]).toBe('node3')
  })

  it('TestFlowEngine_Execute_BranchingFlow', async () => {
    // Edge types are ignored: a "failure" edge is a plain dependency.
    const result = await run(
      flowOf({
        nodes: [mock('node1'), mock('node2'), mock('node3')],
        edges: [edge('node1', 'node2', 'success'), edge('node1', 'node3', 'failure')]
      })
    )
    expect(result.success).toBe(true)
    expect([...executed].sort()).toEqual(['node1', 'node2', 'node3'])
    // Ours: the same, plus a warning that the failure edge is a plain dependency.
    expect(result.warnings?.join('\n')).toMatch(/failure/)
  })

  it('TestFlowEngine_Execute_NodeFailsWithError', async () => {
    const result = await run(
      flowOf({
        nodes: [mock('node1'), mock('node2', { fail: true }), mock('node3')],
        edges: chain('node1', 'node2', 'node3')
      })
    )
    expect(result.success).toBe(false)
    expect(executed).toEqual(['node1', 'node2'])
    expect(resultOf(result, 'node2').error_code).toBe('ASSERTION_FAILED')
  })

  it('TestFlowEngine_Execute_AFailureSkipsOnlyItsOwnDownstream', async () => {
    const result = await run(
      flowOf({
        nodes: [
          mock('step-create', { outputs: { resourceId: 'res-1' } }),
          // step-failing fails and never produces its declared output.
          mock('step-failing', {
            inputs: ['step-create.resourceId'],
            declares: ['token'],
            fail: true
          }),
          // step-dependent consumes the failed node's output, so it can never run.
          mock('step-dependent', { inputs: ['step-failing.token'] }),
          // step-good is still running when step-failing fails; step-tail is on its own branch.
          mock('step-good', {
            inputs: ['step-create.resourceId'],
            outputs: { value: 'v' },
            hold: 'good'
          }),
          mock('step-tail', { inputs: ['step-good.value'] })
        ],
        edges: [
          edge('step-create', 'step-failing'),
          edge('step-failing', 'step-dependent'),
          edge('step-create', 'step-good'),
          edge('step-good', 'step-tail')
        ]
      }),
      {
        observer: {
          nodeFinished: (event) => {
            if (event.nodeId === 'step-failing') gate('good').open()
          }
        }
      }
    )
    expect(result.success).toBe(false)
    expect(executed).toContain('step-create')
    expect(executed).toContain('step-failing')
    expect(executed).not.toContain('step-dependent')
    expect(executed).toContain('step-tail')
    const dependent = expectSkipped(result, 'step-dependent')
    expect(dependent.skip_reason).toBe('dependency_failed')
    expect(dependent.error_message).toContain('step-failing')
    expect(dependent.missing_inputs).toEqual(['step-failing.token'])
    expectRan(result, 'step-tail')
  })

  it('TestFlowEngine_Execute_AlwaysNodeRunsAfterMainFailure', async () => {
    const result = await run(
      flowOf({
        nodes: [
          mock('create', { outputs: { resourceId: 'res-123' } }),
          mock('fail', { inputs: ['create.resourceId'], fail: true }),
          mock('cleanup', { inputs: ['create.resourceId'], runWhen: 'always' })
        ],
        edges: [edge('create', 'fail'), edge('create', 'cleanup')]
      })
    )
    expect(result.success).toBe(false)
    expect(executed).toContain('cleanup')
    expectRan(result, 'cleanup')
    expect(result.final_outputs).toHaveProperty(['create.resourceId'], 'res-123')
    expect(result.error_message).toMatch(/\bfail\b/)
  })

  it('TestFlowEngine_Execute_AlwaysNodeSkippedWhenInputsMissing', () => {
    // Ours: unknown references are rejected at validation, before anything runs
    // (reference: the flow runs, `fail` fails, and the always node "cleanup",
    // reading {{create.resourceId}} of a node that does not exist, is skipped with
    // skip_reason missing_inputs and missing_inputs ["create.resourceId"]).
    const problems = problemsOf({
      nodes: [
        mock('fail', { fail: true }),
        mock('cleanup', { inputs: ['create.resourceId'], runWhen: 'always' })
      ],
      edges: []
    })
    expect(problems).toContainEqual({
      node: 'cleanup',
      field: 'data.body',
      message: expect.stringContaining('create')
    })
  })

  it('TestFlowEngine_Execute_AlwaysCleanupChainContinuesAfterIntermediateSkip', async () => {
    const flow = flowOf(
      {
        name: 'Platform API Key CRUD Cleanup',
        nodes: [
          mock('step-login', {
            inputs: ['email', 'password'],
            outputs: { accessToken: 'token-123' }
          }),
          mock('step-create-product', {
            inputs: ['step-login.accessToken'],
            outputs: { productId: 'prod-123' }
          }),
          mock('step-create-api-key', {
            inputs: ['step-login.accessToken', 'step-create-product.productId'],
            declares: ['apiKeyId'],
            fail: true
          }),
          mock('step-delete-api-key', {
            inputs: [
              'step-login.accessToken',
              'step-create-product.productId',
              'step-create-api-key.apiKeyId'
            ],
            runWhen: 'always'
          }),
          mock('step-delete-product', {
            inputs: ['step-login.accessToken', 'step-create-product.productId'],
            runWhen: 'always'
          })
        ],
        edges: chain(
          'step-login',
          'step-create-product',
          'step-create-api-key',
          'step-delete-api-key',
          'step-delete-product'
        )
      },
      ['email', 'password']
    )
    const result = await run(flow, { inputs: { email: 'rowan@nanostack.dev', password: 'secret' } })
    expect(result.success).toBe(false)
    expect(executed).toEqual([
      'step-login',
      'step-create-product',
      'step-create-api-key',
      'step-delete-product'
    ])

    const deleteKey = expectSkipped(result, 'step-delete-api-key')
    expect(deleteKey.skip_reason).toBe('dependency_failed')
    expect(deleteKey.error_message).toContain('step-create-api-key')
    expect(deleteKey.missing_inputs).toEqual(['step-create-api-key.apiKeyId'])

    const deleteProduct = expectRan(result, 'step-delete-product')
    expect(deleteProduct.inputs['step-create-product.productId']).toBe('prod-123')
    expect(deleteProduct.inputs['step-login.accessToken']).toBe('token-123')
  })

  it('TestFlowEngine_Execute_BlockedAlwaysCleanupRunsWhenInputsAvailable', async () => {
    const result = await run(
      flowOf({
        nodes: [
          mock('step-create-product', { outputs: { productId: 'prod-123' } }),
          mock('step-fail-mid-flow', { inputs: ['step-create-product.productId'], fail: true }),
          mock('step-verify-product', { inputs: ['step-create-product.productId'] }),
          mock('step-cleanup-product', {
            inputs: ['step-create-product.productId'],
            runWhen: 'always'
          })
        ],
        edges: [
          edge('step-create-product', 'step-fail-mid-flow'),
          edge('step-create-product', 'step-verify-product'),
          edge('step-fail-mid-flow', 'step-verify-product'),
          edge('step-verify-product', 'step-cleanup-product')
        ]
      })
    )
    expect(result.success).toBe(false)
    expect(executed).not.toContain('step-verify-product')
    expect(executed).toContain('step-cleanup-product')
    const cleanup = expectRan(result, 'step-cleanup-product')
    expect(cleanup.inputs['step-create-product.productId']).toBe('prod-123')
  })

  it('TestFlowEngine_Execute_BlockedAlwaysCleanupSkipsWhenInputsMissing', async () => {
    const result = await run(
      flowOf({
        nodes: [
          mock('step-create-product', { declares: ['productId'], fail: true }),
          mock('step-cleanup-product', {
            inputs: ['step-create-product.productId'],
            runWhen: 'always'
          })
        ],
        edges: [edge('step-create-product', 'step-cleanup-product')]
      })
    )
    expect(result.success).toBe(false)
    expect(executed).not.toContain('step-cleanup-product')
    const cleanup = resultOf(result, 'step-cleanup-product')
    expect(cleanup.skip_reason).toEqual(expect.any(String))
    expect(cleanup.missing_inputs).toEqual(['step-create-product.productId'])
  })

  it('TestFlowEngine_Execute_AlwaysCleanupJoinRunsAfterUpstreamCleanupIsSkipped', async () => {
    const result = await run(
      flowOf({
        nodes: [
          mock('step-create-product', { outputs: { productId: 'prod-123' } }),
          // This branch fails first; the role-search branch does not depend on it.
          mock('step-fail-mid-flow', { inputs: ['step-create-product.productId'], fail: true }),
          // Still running when fail-mid-flow fails; its successor still starts after it.
          mock('step-prepare-role-search', {
            inputs: ['step-create-product.productId'],
            hold: 'prepare'
          }),
          mock('step-search-roles'),
          mock('step-delete-role', {
            inputs: ['step-create-product.productId'],
            runWhen: 'always'
          }),
          mock('step-delete-product', {
            inputs: ['step-create-product.productId'],
            runWhen: 'always'
          })
        ],
        edges: [
          edge('step-create-product', 'step-fail-mid-flow'),
          edge('step-create-product', 'step-prepare-role-search'),
          edge('step-prepare-role-search', 'step-search-roles'),
          edge('step-search-roles', 'step-delete-role'),
          edge('step-delete-role', 'step-delete-product')
        ]
      }),
      {
        observer: {
          nodeFinished: (event) => {
            if (event.nodeId === 'step-fail-mid-flow') gate('prepare').open()
          }
        }
      }
    )
    expect(result.success).toBe(false)
    expect([...executed].sort()).toEqual(
      [
        'step-create-product',
        'step-fail-mid-flow',
        'step-prepare-role-search',
        'step-search-roles',
        'step-delete-role',
        'step-delete-product'
      ].sort()
    )
    expect(expectRan(result, 'step-delete-role').inputs['step-create-product.productId']).toBe(
      'prod-123'
    )
    expect(expectRan(result, 'step-delete-product').inputs['step-create-product.productId']).toBe(
      'prod-123'
    )
  })

  it('TestFlowEngine_Execute_NoNodes', async () => {
    // The reference parses an empty flow (flow_parse_test.go TestParseFromJSON_EmptyNodes)
    // but refuses to execute it: "no nodes to execute", Success false.
    const result = await run(flowOf({ name: 'Empty Flow', nodes: [], edges: [] }))
    expect(result.success).toBe(false)
  })

  it('TestFlowEngine_Execute_CycleDetection', () => {
    // The reference builds the engine and fails at Execute ("cycle detected or
    // unreachable nodes"); we reject the cycle when the flow is loaded (docs/runner.md §2).
    const problems = problemsOf({
      nodes: [mock('node1'), mock('node2')],
      edges: [edge('node1', 'node2'), edge('node2', 'node1')]
    })
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'edges', message: expect.stringContaining('cycle') })
    )
  })

  it('TestFlowEngine_Execute_WithObserver', async () => {
    const started: string[] = []
    const finished: string[] = []
    const result = await run(
      flowOf({
        name: 'Callback Flow',
        nodes: [mock('node1'), mock('node2')],
        edges: chain('node1', 'node2')
      }),
      {
        observer: {
          nodeStarted: (event) => started.push(event.nodeId),
          nodeFinished: (event) => finished.push(event.nodeId)
        }
      }
    )
    expect(result.success).toBe(true)
    expect(started).toEqual(['node1', 'node2'])
    expect(finished).toEqual(['node1', 'node2'])
    // The reference's FlowStarted/FlowFinished events have no counterpart in our
    // RunObserver: the flow's end is the result itself.
  })

  it('TestDataContract_SimpleDataPassing', async () => {
    const result = await run(
      flowOf({
        name: 'Data Passing Test',
        nodes: [
          req('create-user', 'POST', `${mockService.url}/mock/201`, {
            data: { headers: { 'X-Node': 'create-user' }, body: { userId: 'user-123' } },
            outputs: [
              out('userId', '$.userId'),
              { name: 'statusCode', extractor: { type: 'status_code' } }
            ]
          }),
          mock('fetch-user', {
            inputs: ['create-user.userId'],
            outputs: { userData: { name: 'John', email: 'john@example.com' } }
          })
        ],
        edges: chain('create-user', 'fetch-user')
      })
    )
    expect(result.success).toBe(true)
    expect(result.final_outputs['create-user.userId']).toBe('user-123')
    expect(result.final_outputs['create-user.statusCode']).toBe(201)
    expect(resultOf(result, 'fetch-user').inputs['create-user.userId']).toBe('user-123')
  })

  it('TestDataContract_MissingInput', () => {
    // Ours: a reference to an input the flow does not have is rejected at
    // validation (reference: the flow runs and fails with "node dataContractMockNode:
    // output 'required' not found in source node ''").
    const problems = problemsOf({
      name: 'Missing Input Test',
      initial_inputs: { provided: 'value' },
      nodes: [mock('dataContractMockNode', { inputs: ['required'], outputs: { output: 'x' } })],
      edges: []
    })
    expect(problems).toContainEqual({
      node: 'dataContractMockNode',
      field: 'data.body',
      message: expect.stringContaining('required')
    })
  })

  it('TestDataContract_ExecutionResults', async () => {
    const result = await run(
      flowOf({
        name: 'Frame Test',
        nodes: [
          mock('step1', { outputs: { output: 'value1' } }),
          mock('step2', { inputs: ['step1.output'], outputs: { output: 'value2' } })
        ],
        edges: chain('step1', 'step2')
      })
    )
    expect(result.success).toBe(true)
    const step1 = expectRan(result, 'step1')
    expect(Date.parse(step1.executed_at)).not.toBeNaN()
    expect(step1.outputs).toEqual({ output: 'value1' })
    const step2 = expectRan(result, 'step2')
    expect(step2.inputs['step1.output']).toBe('value1')
    expect(step2.outputs).toEqual({ output: 'value2' })
  })

  describe('module nodes', () => {
    let moduleService: Service
    beforeAll(async () => {
      moduleService = await serve((request, response) => {
        if (request.path === '/charge')
          return sendJson(response, 200, { chargeId: 'ch_123', status: 'authorized' })
        if (request.path === '/notify')
          return sendJson(response, 200, { notificationId: 'notif_456' })
        if (request.path === '/child' || request.path === '/a' || request.path === '/b') {
          return sendJson(response, 200, { ok: true })
        }
        sendJson(response, 404, { error: 'not found' })
      })
    })
    afterAll(async () => {
      await moduleService.close()
    })
    beforeEach(() => {
      moduleService.calls.length = 0
      moduleService.requests.length = 0
    })

    const moduleNode = (id: string, data: Json): Json => node(id, 'module', data)
    const delayChild = {
      name: 'Child Flow',
      version: '1.0',
      nodes: [node('child-step', 'delay', { duration: 1 }, { display_name: 'Child Step' })],
      edges: []
    }

    const chargeFlows = () => ({
      parent: {
        name: 'Parent Flow',
        version: '1.0',
        nodes: [
          moduleNode('charge-customer', {
            flow_id: 'flow-charge',
            input_bindings: { customerId: '{{customerId}}', currency: '{{currency}}' },
            output_bindings: { chargeId: 'create-charge.chargeId', status: 'create-charge.status' }
          }),
          moduleNode('notify-customer', {
            flow_id: 'flow-notify',
            input_bindings: {
              chargeId: '{{charge-customer.chargeId}}',
              status: '{{charge-customer.status}}'
            },
            output_bindings: { notificationId: 'send-receipt.notificationId' }
          })
        ],
        edges: chain('charge-customer', 'notify-customer')
      },
      referencedFlows: {
        'flow-charge': {
          flow_definition: {
            name: 'Charge Flow',
            version: '1.0',
            nodes: [
              req('create-charge', 'POST', `${moduleService.url}/charge`, {
                data: {
                  body: { customerId: '{{customerId}}', currency: '{{currency}}' },
                  timeout: 1000
                },
                outputs: [
                  { name: 'chargeId', extractor: { type: 'jsonPath', path: '$.chargeId' } },
                  { name: 'status', extractor: { type: 'jsonPath', path: '$.status' } }
                ]
              })
            ],
            edges: [],
            initialInputs: { customerId: 'cust-default', currency: 'usd' }
          },
          input_overrides: { currency: 'eur' }
        },
        'flow-notify': {
          flow_definition: {
            name: 'Notify Flow',
            version: '1.0',
            nodes: [
              req('send-receipt', 'POST', `${moduleService.url}/notify`, {
                data: { body: { chargeId: '{{chargeId}}', status: '{{status}}' }, timeout: 1000 },
                outputs: [
                  {
                    name: 'notificationId',
                    extractor: { type: 'jsonPath', path: '$.notificationId' }
                  }
                ]
              })
            ],
            edges: [],
            initialInputs: { chargeId: 'fallback', status: 'pending' }
          }
        }
      }
    })

    const loadParent = (
      definition: Json,
      inputs: string[],
      referencedFlows: RunFlowOptions['referencedFlows']
    ) => {
      const { flow, problems } = loadFlow(definition, { inputs, referencedFlows })
      expect(problems).toEqual([])
      return flow
    }

    it('TestFlowEngine_Execute_ModuleNodeExportsNestedOutputs', async () => {
      const { parent, referencedFlows } = chargeFlows()
      const flow = loadParent(parent, ['customerId', 'currency'], referencedFlows)
      const result = await run(flow, {
        inputs: { customerId: 'cust-123', currency: 'gbp' },
        referencedFlows
      })
      expect(result.success).toBe(true)

      const charge = resultOf(result, 'charge-customer')
      expect(charge.flow_id).toBe('flow-charge')
      expect(charge.inputs.customerId).toBe('cust-123')
      expect(charge.inputs.currency).toBe('gbp')
      expect(charge.child_final_outputs).toHaveProperty(['create-charge.chargeId'])
      // Bindings are applied over the referenced flow's input_overrides.
      expect(JSON.parse(moduleService.requests[0].body)).toEqual({
        customerId: 'cust-123',
        currency: 'gbp'
      })

      const notify = resultOf(result, 'notify-customer')
      expect(notify.inputs['charge-customer.chargeId']).toBe(charge.outputs.chargeId)
      expect(notify.inputs['charge-customer.status']).toBe(charge.outputs.status)

      expect(result.final_outputs).toHaveProperty(['charge-customer.chargeId'])
      expect(result.final_outputs).toHaveProperty(['charge-customer.status'])
      expect(result.final_outputs).toHaveProperty(['notify-customer.notificationId'])
    })

    it('TestFlowEngine_Execute_ModuleNodeInheritsInputsAndAppliesOverrides', async () => {
      const parent = {
        name: 'Parent Flow',
        version: '1.0',
        nodes: [
          moduleNode('run-module', {
            flow_id: 'flow-child',
            input_bindings: { requestId: '{{requestId}}', TOKEN: '{{tokenOverride}}' }
          })
        ],
        edges: []
      }
      const referencedFlows = {
        'flow-child': {
          flow_definition: {
            name: 'Child Flow',
            version: '1.0',
            nodes: [
              req('call-api', 'POST', `${moduleService.url}/child`, {
                data: {
                  headers: {
                    'X-Base-Url': '{{BASE_URL}}',
                    'X-Token': '{{TOKEN}}',
                    'X-Request-Id': '{{requestId}}',
                    'X-Retry': '{{retryCount}}'
                  },
                  timeout: 1000
                }
              })
            ],
            edges: []
          },
          input_overrides: { TOKEN: 'child-token', retryCount: 5 }
        }
      }
      const flow = loadParent(
        parent,
        ['requestId', 'tokenOverride', 'BASE_URL', 'retryCount'],
        referencedFlows
      )
      const result = await run(flow, {
        inputs: {
          BASE_URL: 'https://api.example.com',
          TOKEN: 'root-token',
          retryCount: 2,
          requestId: 'req-123',
          tokenOverride: 'bound-token'
        },
        referencedFlows
      })
      expect(result.success).toBe(true)
      const moduleResult = resultOf(result, 'run-module')
      expect(moduleResult.inputs.requestId).toBe('req-123')
      expect(moduleResult.inputs.tokenOverride).toBe('bound-token')
      expect(moduleResult.outputs).toEqual({})
      expect(moduleResult.child_final_outputs ?? {}).toEqual({})
      // What the child saw: parent inputs, then the overrides, then the bindings.
      const headers = moduleService.requests[0].headers
      expect(headers['x-base-url']).toBe('https://api.example.com')
      expect(headers['x-token']).toBe('bound-token')
      expect(headers['x-request-id']).toBe('req-123')
      expect(headers['x-retry']).toBe('5')
    })

    it('TestFlowEngine_Execute_ModuleNodeFailsWhenChildOutputBindingMissing', async () => {
      const parent = {
        name: 'Parent Flow',
        version: '1.0',
        nodes: [
          moduleNode('module-step', {
            flow_id: 'flow-child',
            output_bindings: { missing: 'child-step.missing' }
          })
        ],
        edges: []
      }
      const referencedFlows = { 'flow-child': { flow_definition: delayChild } }
      const result = await run(loadParent(parent, [], referencedFlows), {
        referencedFlows,
        clock: new FakeClock()
      })
      expect(result.success).toBe(false)
      const moduleResult = resultOf(result, 'module-step')
      expect(moduleResult.error_code).toBe('MODULE_FAILED')
      // Reference wording: module output "missing" references unavailable child output.
      expect(moduleResult.error_message).toContain('"missing"')
      expect(moduleResult.flow_id).toBe('flow-child')
    })

    it('TestFlowEngine_Execute_ModuleNodeTrimsFlowID', async () => {
      const parent = {
        name: 'Parent Flow',
        version: '1.0',
        nodes: [moduleNode('module-step', { flow_id: '  flow-child  ' })],
        edges: []
      }
      const referencedFlows = { 'flow-child': { flow_definition: delayChild } }
      const result = await run(loadParent(parent, [], referencedFlows), {
        referencedFlows,
        clock: new FakeClock()
      })
      expect(result.success).toBe(true)
      const moduleResult = resultOf(result, 'module-step')
      expect(moduleResult.flow_id).toBe('flow-child')
      expect(moduleResult.outputs).toEqual({})
      expect(moduleResult.child_final_outputs ?? {}).toEqual({})
    })

    it('TestFlowExecutionResultToPayload_IncludesModuleExecutionResult', async () => {
      const { parent, referencedFlows } = chargeFlows()
      const flow = loadParent(parent, ['customerId', 'currency'], referencedFlows)
      const result = await run(flow, {
        inputs: { customerId: 'cust-123', currency: 'gbp' },
        referencedFlows
      })
      // Our result is already the wire payload (the completion's `result`).
      const payload = JSON.parse(JSON.stringify(result)) as FlowResult
      const modulePayload = payload.execution_results['charge-customer']
      expect(modulePayload.node_type).toBe('module')
      expect(modulePayload.flow_id).toBe('flow-charge')
      expect(modulePayload).toHaveProperty('child_final_outputs')
      expect(payload.final_outputs['charge-customer.chargeId']).toBe('ch_123')
    })

    it('TestFlowEngine_Execute_ModuleFlowParseFailureIsUserError', async () => {
      const parent = {
        name: 'Parent Flow',
        version: '1.0',
        nodes: [moduleNode('run-module', { flow_id: 'flow-child' })],
        edges: []
      }
      // The child reads an input "email" the module never gets.
      const referencedFlows = {
        'flow-child': {
          flow_definition: {
            name: 'Child Flow',
            version: '1.0',
            nodes: [
              req('call-api', 'POST', 'https://example.com', {
                data: { headers: { 'X-Email': '{{email}}' }, timeout: 1000 }
              })
            ],
            edges: []
          }
        }
      }
      const result = await run(loadParent(parent, [], referencedFlows), { referencedFlows })
      expect(result.success).toBe(false)
      expect(result.error_code).toBe('MODULE_FLOW_PARSE_FAILED')
      expect(resultOf(result, 'run-module').error_code).toBe('MODULE_FLOW_PARSE_FAILED')
      expect(result.error_message).toContain('email')
      expect(result.http_calls).toEqual([])
    })

    it('TestFlowEngine_Execute_ModuleNodeRejectsDirectCycle', () => {
      const parent = {
        name: 'Parent Flow',
        version: '1.0',
        nodes: [moduleNode('module-step', { flow_id: 'flow-self' })],
        edges: []
      }
      const referencedFlows = {
        'flow-self': {
          flow_definition: {
            name: 'Self Flow',
            version: '1.0',
            nodes: [moduleNode('call-self', { flow_id: 'flow-self' })],
            edges: []
          }
        }
      }
      // Rejected before anything runs (the reference: FLOW_VALIDATION_FAILED with
      // the user error MODULE_CYCLE_DETECTED "module cycle detected: flow-self -> flow-self",
      // no execution results).
      const { problems } = loadFlow(parent, { referencedFlows })
      expect(problems.map((p) => p.message).join('\n')).toMatch(
        /MODULE_CYCLE_DETECTED.*flow-self → flow-self/
      )
    })

    it('TestFlowEngine_Execute_ModuleReferenceNotFoundIsUserError', async () => {
      const parent = {
        name: 'Parent Flow',
        version: '1.0',
        nodes: [moduleNode('module-step', { flow_id: 'flow-missing' })],
        edges: []
      }
      const { problems } = loadFlow(parent, { referencedFlows: {} })
      expect(problems.map((p) => p.message).join('\n')).toMatch(
        /MODULE_FLOW_NOT_FOUND.*flow-missing/
      )
      // And when run regardless, the node fails with the same code.
      const result = await run(loadFlow(parent).flow, { referencedFlows: {} })
      expect(result.success).toBe(false)
      expect(resultOf(result, 'module-step').error_code).toBe('MODULE_FLOW_NOT_FOUND')
    })

    const indirectCycle = (withRequests: boolean) => {
      const call = (id: string, path: string): Json[] =>
        withRequests
          ? [req(id, 'POST', `${moduleService.url}${path}`, { data: { timeout: 1000 } })]
          : []
      const child = (
        name: string,
        apiId: string,
        path: string,
        moduleId: string,
        target: string
      ): Json => ({
        name,
        version: '1.0',
        nodes: [...call(apiId, path), moduleNode(moduleId, { flow_id: target })],
        edges: withRequests ? chain(apiId, moduleId) : []
      })
      return {
        parent: {
          name: 'Parent Flow',
          version: '1.0',
          nodes: [moduleNode('start-module-a', { flow_id: 'flow-a' })],
          edges: []
        },
        referencedFlows: {
          'flow-a': { flow_definition: child('Flow A', 'call-api-a', '/a', 'call-b', 'flow-b') },
          'flow-b': { flow_definition: child('Flow B', 'call-api-b', '/b', 'call-a', 'flow-a') }
        }
      }
    }

    it('TestFlowEngine_Execute_ModuleNodeRejectsIndirectCycle', () => {
      const { parent, referencedFlows } = indirectCycle(false)
      const { problems } = loadFlow(parent, { referencedFlows })
      expect(problems.map((p) => p.message).join('\n')).toMatch(
        /MODULE_CYCLE_DETECTED.*flow-a → flow-b → flow-a/
      )
    })

    it('TestFlowEngine_Execute_ModuleNodeRejectsIndirectCycleBeforeSideEffects', () => {
      const { parent, referencedFlows } = indirectCycle(true)
      const { problems } = loadFlow(parent, { referencedFlows })
      expect(problems.map((p) => p.message).join('\n')).toMatch(
        /MODULE_CYCLE_DETECTED.*flow-a → flow-b → flow-a/
      )
      // A flow with problems is not run: nothing was sent.
      expect(moduleService.calls).toEqual([])
    })
  })

  describe('assert nodes', () => {
    let service: Service
    beforeAll(async () => {
      service = await serve((_request, response) =>
        sendJson(response, 200, { status: 'active', id: 'u-42' })
      )
    })
    afterAll(async () => {
      await service.close()
    })

    it('TestFlowEngine_Execute_AssertNodeExplicitTargetOverUpstreamOutput', async () => {
      const result = await run(
        flowOf({
          name: 'Assert Over Upstream',
          nodes: [
            req('create-resource', 'POST', `${service.url}/create`, {
              outputs: [{ name: 'payload', extractor: { type: 'jsonPath', path: '$' } }]
            }),
            node(
              'verify',
              'assert',
              { target: '{{{create-resource.payload}}}' },
              { assertions: [jsonPath('$.status', 'equals', 'active')] }
            )
          ],
          edges: chain('create-resource', 'verify')
        })
      )
      expect(result.success).toBe(true)
      const verify = resultOf(result, 'verify')
      expect(verify.assertion_results).toHaveLength(1)
      expect(verify.assertion_results?.[0].passed).toBe(true)
    })

    it('TestFlowEngine_Execute_AssertNodeOmittedTargetOverFlowInputs', async () => {
      const result = await run(
        flowOf(
          {
            name: 'Assert Over Flow Inputs',
            nodes: [
              node(
                'verify',
                'assert',
                {},
                { assertions: [jsonPath('$.userId', 'equals', 'u-123')] }
              )
            ],
            edges: []
          },
          ['userId']
        ),
        { inputs: { userId: 'u-123' } }
      )
      expect(result.success).toBe(true)
      expect(resultOf(result, 'verify').assertion_results?.[0].passed).toBe(true)
    })

    it('TestFlowEngine_Execute_AssertNodeFailureSkipsDownstream', async () => {
      const result = await run(
        flowOf(
          {
            name: 'Assert Failure Skips Downstream',
            nodes: [
              node(
                'verify',
                'assert',
                {},
                { assertions: [jsonPath('$.userId', 'equals', 'expected')] }
              ),
              req('downstream', 'POST', `${service.url}/downstream`, { data: { timeout: 1000 } })
            ],
            edges: chain('verify', 'downstream')
          },
          ['userId']
        ),
        { inputs: { userId: 'actual' } }
      )
      expect(result.success).toBe(false)
      const verify = resultOf(result, 'verify')
      expect(verify.assertion_results).toHaveLength(1)
      expect(verify.assertion_results?.[0].passed).toBe(false)
      expect(verify.error_code).toBe('ASSERTION_FAILED')
      const downstream = expectSkipped(result, 'downstream')
      expect(downstream.skip_reason).toBe('dependency_failed')
    })
  })

  it('TestFlowEngine_Execute_ASlowBranchDoesNotHoldASiblingBranch', async () => {
    const finishedOrder: string[] = []
    const result = await run(
      flowOf({
        name: 'Slow Sibling',
        nodes: [
          mock('root', { outputs: { id: 'r-1' } }),
          // "slow" answers only once "third" has finished (or after 3 s, failing the order below).
          mock('slow', { inputs: ['root.id'], hold: 'slow' }),
          mock('first', { inputs: ['root.id'], outputs: { id: 'f-1' } }),
          mock('second', { inputs: ['first.id'], outputs: { id: 's-1' } }),
          mock('third', { inputs: ['second.id'] })
        ],
        edges: [
          edge('root', 'slow'),
          edge('root', 'first'),
          edge('first', 'second'),
          edge('second', 'third')
        ]
      }),
      {
        observer: {
          nodeFinished: (event) => {
            finishedOrder.push(event.nodeId)
            if (event.nodeId === 'third') gate('slow').open()
          }
        }
      }
    )
    expect(result.success).toBe(true)
    expect(finishedOrder.indexOf('third')).toBeGreaterThanOrEqual(0)
    expect(finishedOrder.indexOf('third')).toBeLessThan(finishedOrder.indexOf('slow'))
  })
})

// ── pkg/engine/failure_scope_test.go ────────────────────────────────────────

describe('failure_scope_test.go', () => {
  // The reference's widgetServer: {"id":"wdg_42"} (200) for every request.
  let widgets: Service
  beforeAll(async () => {
    widgets = await serve((_request, response) => sendJson(response, 200, { id: 'wdg_42' }))
  })
  afterAll(async () => {
    await widgets.close()
  })
  beforeEach(() => {
    widgets.calls.length = 0
  })

  it('TestFlowEngine_Execute_ACleanupDeletesWhatAFailedCreateMade', async () => {
    const result = await run(
      flowOf({
        name: 'Create then clean up',
        nodes: [
          req('create-widget', 'POST', `${widgets.url}/widgets`, {
            display_name: 'Create Widget (201)',
            data: { timeout: 1000 },
            assertions: [status(201)],
            outputs: [out('widgetId', '$.id')]
          }),
          req('delete-widget', 'DELETE', `${widgets.url}/widgets/{{create-widget.widgetId}}`, {
            display_name: 'Delete Widget',
            run_when: 'always',
            data: { timeout: 1000 }
          })
        ],
        edges: chain('create-widget', 'delete-widget')
      })
    )
    expect(result.success).toBe(false)
    expect(resultOf(result, 'create-widget').outputs.widgetId).toBe('wdg_42')
    expect(widgets.calls).toContain('DELETE /widgets/wdg_42')
  })

  it('TestFlowEngine_Execute_AStepAfterACleanupRunsWhenItsPredecessorsSucceed', async () => {
    const result = await run(
      flowOf({
        name: 'Delete then verify gone',
        nodes: [
          req('create-widget', 'POST', `${widgets.url}/widgets`, {
            data: { timeout: 1000 },
            outputs: [out('widgetId', '$.id')]
          }),
          req('delete-widget', 'DELETE', `${widgets.url}/widgets/{{create-widget.widgetId}}`, {
            run_when: 'always',
            data: { timeout: 1000 }
          }),
          req('verify-gone', 'GET', `${widgets.url}/widgets/{{create-widget.widgetId}}`, {
            data: { timeout: 1000 }
          })
        ],
        edges: chain('create-widget', 'delete-widget', 'verify-gone')
      })
    )
    expect(result.success).toBe(true)
    expect(result.execution_results).toHaveProperty('verify-gone')
    expect(widgets.calls).toEqual([
      'POST /widgets',
      'DELETE /widgets/wdg_42',
      'GET /widgets/wdg_42'
    ])
  })
})

// ── pkg/engine/assertion_templates_test.go ──────────────────────────────────

describe('assertion_templates_test.go', () => {
  // The reference's orderServer: POST → {"id":"ord_7Hk2"}, GET → {"id": readBackID}.
  let readBackId = 'ord_7Hk2'
  let orders: Service
  beforeAll(async () => {
    orders = await serve((request, response) =>
      sendJson(response, 200, { id: request.method === 'POST' ? 'ord_7Hk2' : readBackId })
    )
  })
  afterAll(async () => {
    await orders.close()
  })

  const readBackFlow = (expected: string): Json => ({
    name: 'Order read-back',
    nodes: [
      req('create-order', 'POST', `${orders.url}/orders`, {
        display_name: 'Create Order',
        data: { timeout: 1000 },
        outputs: [{ name: 'orderId', extractor: { type: 'jsonPath', path: '$.id' } }]
      }),
      req('get-order', 'GET', `${orders.url}/orders/1`, {
        display_name: 'Get Order',
        data: { timeout: 1000 },
        assertions: [jsonPath('$.id', 'equals', expected)]
      })
    ],
    edges: chain('create-order', 'get-order')
  })

  it('TestFlowEngine_Execute_ARequestAssertionComparesAgainstAnEarlierOutput', async () => {
    readBackId = 'ord_7Hk2'
    const result = await run(flowOf(readBackFlow('{{create-order.orderId}}')))
    expect(result.success).toBe(true)
    const readBack = resultOf(result, 'get-order')
    expect(readBack.assertion_results).toHaveLength(1)
    expect(readBack.assertion_results?.[0].expected).toBe('ord_7Hk2')
  })

  it('TestFlowEngine_Execute_ARequestAssertionFailsWhenTheEarlierOutputDiffers', async () => {
    readBackId = 'ord_other'
    const result = await run(flowOf(readBackFlow('{{create-order.orderId}}')))
    expect(result.success).toBe(false)
    const readBack = resultOf(result, 'get-order')
    expect(readBack.assertion_results).toHaveLength(1)
    expect(readBack.assertion_results?.[0]).toMatchObject({
      passed: false,
      expected: 'ord_7Hk2',
      actual: 'ord_other'
    })
  })

  it('TestParse_AnAssertionReferencingAnOutputNoStepProducesIsRejected', () => {
    const problems = problemsOf({
      name: 'Dangling assertion',
      nodes: [
        req('get-order', 'GET', 'https://example.test/orders/1', {
          data: { timeout: 1000 },
          assertions: [jsonPath('$.id', 'equals', '{{create-order.orderId}}')]
        })
      ],
      edges: []
    })
    expect(problems).toContainEqual({
      node: 'get-order',
      field: 'assertions[0]',
      message: expect.stringContaining('create-order')
    })
  })
})

// ── pkg/engine/loop_item_path_test.go ───────────────────────────────────────

describe('loop_item_path_test.go', () => {
  /** The reference's executeFlowJSON: parse, run, require success, outputs by node. */
  async function executeFlowJSON(
    definition: Json,
    inputs: Record<string, unknown>
  ): Promise<Record<string, Record<string, unknown>>> {
    const { flow, problems } = loadFlow(definition)
    expect(problems).toEqual([])
    const result = await run(flow, { inputs })
    expect(result.success).toBe(true)
    return Object.fromEntries(
      Object.entries(result.execution_results).map(([id, r]) => [id, r.outputs])
    )
  }

  it('TestLoopBodyResolvesAFieldOfTheCurrentItem', async () => {
    const outputs = await executeFlowJSON(
      {
        name: 'f',
        version: '1.0',
        nodes: [
          {
            id: 'loop',
            type: 'loop',
            data: {
              items: '{{accounts}}',
              body: {
                nodes: [
                  {
                    id: 'pick',
                    type: 'set_variable',
                    data: { variables: { account_id: '{{item.id}}' } }
                  }
                ],
                edges: []
              }
            }
          }
        ],
        edges: [],
        initial_inputs: { accounts: [] }
      },
      { accounts: [{ id: 'a1' }, { id: 'b2' }] }
    )
    expect(outputs.loop.results).toEqual([{ 'pick.account_id': 'a1' }, { 'pick.account_id': 'b2' }])
  })

  it('TestNodeOutputPathResolvesIntoAnUpstreamArray', async () => {
    const outputs = await executeFlowJSON(
      {
        name: 'f',
        version: '1.0',
        nodes: [
          {
            id: 'list_accounts',
            type: 'set_variable',
            data: { variables: { accounts: '{{{accounts}}}' } }
          },
          {
            id: 'pick',
            type: 'set_variable',
            data: { variables: { first_id: '{{list_accounts.accounts.0.id}}' } }
          }
        ],
        edges: [{ id: 'e1', source: 'list_accounts', target: 'pick' }],
        initial_inputs: { accounts: [] }
      },
      { accounts: [{ id: 'a1' }] }
    )
    expect(outputs.pick.first_id).toBe('a1')
  })
})

// ── pkg/engine/branch_routing_test.go ───────────────────────────────────────

describe('branch_routing_test.go', () => {
  const bodyEquals = (value: string): Json => ({
    extractor_type: 'body',
    extractor_data: {},
    operator_type: 'equals',
    operator_data: { value }
  })
  /** Routes on {{route}}: "a" → targetA, "b" → targetB, else the default (when given). */
  const branchNode = (id: string, targetA: string, targetB: string, fallback = ''): Json =>
    node(
      id,
      'branch',
      {
        target: '{{route}}',
        cases: [
          { when: bodyEquals('a'), target: targetA },
          { when: bodyEquals('b'), target: targetB }
        ],
        ...(fallback ? { default: fallback } : {})
      },
      { display_name: 'Router' }
    )
  /** Routes on {{inner}}: "x" → targetX, else targetY. */
  const innerBranch = (id: string, targetX: string, targetY: string): Json =>
    node(id, 'branch', {
      target: '{{inner}}',
      cases: [{ when: bodyEquals('x'), target: targetX }],
      default: targetY
    })
  /** The reference's mock node, without HTTP: a set_variable node "producing" its outputs. */
  const step = (id: string, variables: Json = {}): Json => node(id, 'set_variable', { variables })

  it('TestBranchRouting_RoutesToChosenSuccessor', async () => {
    const result = await run(
      flowOf({
        name: 'branch-routes',
        initial_inputs: { route: 'a' },
        nodes: [branchNode('router', 'nodeA', 'nodeB'), step('nodeA'), step('nodeB')],
        edges: [edge('router', 'nodeA'), edge('router', 'nodeB')]
      }),
      { inputs: { route: 'a' } }
    )
    expect(result.success).toBe(true)
    expect(resultOf(result, 'router').matched_target).toBe('nodeA')
    expectRan(result, 'nodeA')
    expectSkipped(result, 'nodeB')
  })

  it('TestBranchRouting_DiamondReconvergence', async () => {
    const result = await run(
      flowOf({
        name: 'branch-diamond',
        initial_inputs: { route: 'a' },
        nodes: [
          branchNode('router', 'nodeA', 'nodeB'),
          step('nodeA', { value: 'fromA' }),
          step('nodeB', { value: 'fromB' }),
          step('nodeJ', { joined: 'ok', seen: '{{nodeA.value}}' })
        ],
        edges: [
          edge('router', 'nodeA'),
          edge('router', 'nodeB'),
          edge('nodeA', 'nodeJ'),
          edge('nodeB', 'nodeJ')
        ]
      }),
      { inputs: { route: 'a' } }
    )
    expect(result.success).toBe(true)
    expectRan(result, 'nodeA')
    expectSkipped(result, 'nodeB')
    expect(expectRan(result, 'nodeJ').inputs['nodeA.value']).toBe('fromA')
  })

  it('TestBranchRouting_DiamondJoinReferencesRoutedAwayArm', async () => {
    const result = await run(
      flowOf({
        name: 'branch-diamond-crossarm',
        initial_inputs: { route: 'a' },
        nodes: [
          branchNode('router', 'nodeA', 'nodeB'),
          step('nodeA', { value: 'fromA' }),
          step('nodeB', { value: 'fromB' }),
          step('nodeJ', { joined: 'ok', seen: '{{nodeB.value}}' })
        ],
        edges: [
          edge('router', 'nodeA'),
          edge('router', 'nodeB'),
          edge('nodeA', 'nodeJ'),
          edge('nodeB', 'nodeJ')
        ]
      }),
      { inputs: { route: 'a' } }
    )
    // A graceful skip, not a NODE_INPUT_VALIDATION_FAILED failure.
    expect(result.success).toBe(true)
    expectRan(result, 'nodeA')
    expectSkipped(result, 'nodeB')
    expect(expectSkipped(result, 'nodeJ').skip_reason).toBe('dependency_skipped')
  })

  it('TestBranchRouting_NestedBranch', async () => {
    const result = await run(
      flowOf({
        name: 'branch-nested',
        initial_inputs: { route: 'a', inner: 'x' },
        nodes: [
          branchNode('outer', 'inner', 'skipped'),
          innerBranch('inner', 'leafX', 'leafY'),
          step('leafX'),
          step('leafY'),
          step('skipped')
        ],
        edges: [
          edge('outer', 'inner'),
          edge('outer', 'skipped'),
          edge('inner', 'leafX'),
          edge('inner', 'leafY')
        ]
      }),
      { inputs: { route: 'a', inner: 'x' } }
    )
    expect(result.success).toBe(true)
    expectRan(result, 'leafX')
    expectSkipped(result, 'leafY')
    expectSkipped(result, 'skipped')
  })

  it('TestBranchRouting_DefaultPath', async () => {
    const result = await run(
      flowOf({
        name: 'branch-default',
        initial_inputs: { route: 'zzz' },
        nodes: [
          branchNode('router', 'nodeA', 'nodeB', 'nodeC'),
          step('nodeA'),
          step('nodeB'),
          step('nodeC')
        ],
        edges: [edge('router', 'nodeA'), edge('router', 'nodeB'), edge('router', 'nodeC')]
      }),
      { inputs: { route: 'zzz' } }
    )
    expect(result.success).toBe(true)
    expectRan(result, 'nodeC')
    expectSkipped(result, 'nodeA')
    expectSkipped(result, 'nodeB')
  })

  it('TestBranchRouting_TreeShapedSkipsSubtree', async () => {
    const result = await run(
      flowOf({
        name: 'branch-tree',
        initial_inputs: { route: 'a' },
        nodes: [
          branchNode('router', 'nodeA', 'nodeB'),
          step('nodeA'),
          step('nodeB'),
          step('nodeB1')
        ],
        edges: [edge('router', 'nodeA'), edge('router', 'nodeB'), edge('nodeB', 'nodeB1')]
      }),
      { inputs: { route: 'a' } }
    )
    expect(result.success).toBe(true)
    expectRan(result, 'nodeA')
    expectSkipped(result, 'nodeB')
    expectSkipped(result, 'nodeB1')
  })
})

// ── pkg/engine/skip_reason_golden_test.go ───────────────────────────────────

describe('skip_reason_golden_test.go', () => {
  it('TestSkipReasonCodes_Golden', () => {
    expect(SKIP_REASONS.dependencyFailed).toBe('dependency_failed')
    expect(SKIP_REASONS.dependencySkipped).toBe('dependency_skipped')
    expect(SKIP_REASONS.missingInputs).toBe('missing_inputs')
    expect(SKIP_REASONS.notReachable).toBe('not_reachable_after_main_phase')
  })
})

// ── pkg/engine/dotted_flow_input_test.go ────────────────────────────────────

describe('dotted_flow_input_test.go', () => {
  it('TestDottedFlowInputResolvesFromTheFlowInputs', async () => {
    const url = 'https://hooks.example/webhook/abc'
    const result = await run(
      flowOf(
        {
          name: 'f',
          nodes: [
            node(
              'set1',
              'set_variable',
              { variables: { target: '{{webhook.url}}' } },
              { display_name: 'Set Variables', assertions: [jsonPath('$.target', 'equals', url)] }
            )
          ],
          edges: []
        },
        ['webhook.url']
      ),
      { inputs: { 'webhook.url': url } }
    )
    expect(result.success).toBe(true)
    expect(resultOf(result, 'set1').outputs.target).toBe(url)
  })
})

// ── pkg/engine/set_variable_assertion_test.go ───────────────────────────────

describe('set_variable_assertion_test.go', () => {
  const labelFlow = (expected: string): FlowDef =>
    flowOf(
      {
        name: 'f',
        nodes: [
          node(
            'set1',
            'set_variable',
            { variables: { label: '{{id}}-{{name}}' } },
            { display_name: 'Set Variables', assertions: [jsonPath('$.label', 'equals', expected)] }
          )
        ],
        edges: []
      },
      ['id', 'name']
    )

  it('TestSetVariableEnginePass_AssertionPasses', async () => {
    const result = await run(labelFlow('1-a'), { inputs: { id: 1, name: 'a' } })
    expect(result.success).toBe(true)
    const set1 = resultOf(result, 'set1')
    expect(set1.outputs.label).toBe('1-a')
    expect(set1.assertion_results).toHaveLength(1)
    expect(set1.assertion_results?.[0].passed).toBe(true)
  })

  it('TestSetVariableEnginePass_AssertionFails', async () => {
    const result = await run(labelFlow('WRONG'), { inputs: { id: 1, name: 'a' } })
    expect(result.success).toBe(false)
    const set1 = resultOf(result, 'set1')
    expect(set1.assertion_results).toHaveLength(1)
    expect(set1.assertion_results?.[0].passed).toBe(false)
    expect(set1.error_code).toBe('ASSERTION_FAILED')
  })
})
