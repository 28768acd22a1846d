/**
 * The engine's scheduler and the node types that need no special server
 * (request, delay, set_variable, assert, branch, loop, poll, module), run
 * against the demo service over loopback. Waits use a fake clock.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { chain, edge, flowOf, jsonPath, node, out, req, status } from '../__fixtures__/flows.js'
import { startDemoService, type DemoService } from '../src/demo-service/server.js'
import { runFlow } from '../src/engine/engine.js'
import type { FlowDef } from '../src/engine/flow/model.js'
import type { FlowResult, RunFlowOptions } from '../src/engine/run/types.js'

const run = (flow: FlowDef, options: RunFlowOptions = {}): Promise<FlowResult> =>
  runFlow(flow, options)

let service: DemoService
let base: string
beforeAll(async () => {
  service = await startDemoService()
  base = service.url
})
afterAll(async () => {
  await service.close()
})

const skipOf = (result: FlowResult, id: string): string | undefined =>
  result.execution_results[id]?.skip_reason

describe('the scheduler', () => {
  it('runs a chain, passing outputs down, and reports every node', async () => {
    const flow = flowOf({
      nodes: [
        req('create', 'POST', `${base}/widgets`, {
          data: { body: { name: 'w1' } },
          assertions: [status(201)],
          outputs: [out('id', '$.id')]
        }),
        req('read', 'GET', `${base}/widgets/{{create.id}}`, {
          assertions: [status(200), jsonPath('$.name', 'equals', 'w1')]
        })
      ],
      edges: chain('create', 'read')
    })
    const result = await run(flow)
    expect(result.success).toBe(true)
    const read = result.execution_results.read
    expect(read.response_status_code).toBe(200)
    expect(read.inputs['create.id']).toMatch(/^wdg_/)
    expect(read.assertion_results).toHaveLength(2)
    expect(result.final_outputs['create.id']).toBe(read.inputs['create.id'])
    expect(result.http_calls?.map((c) => c.path_template)).toEqual([
      '/widgets',
      '/widgets/{{create.id}}'
    ])
    expect(typeof result.execution_results.create.response_body).toBe('string')
  })

  it('a failure skips only what is downstream; the other branch goes on', async () => {
    const flow = flowOf({
      nodes: [
        req('a', 'GET', `${base}/status/500`, { assertions: [status(200)] }),
        req('b', 'GET', `${base}/health`),
        req('c', 'GET', `${base}/health`),
        req('d', 'GET', `${base}/health`)
      ],
      edges: [edge('a', 'b'), edge('b', 'c')]
    })
    const result = await run(flow)
    expect(result.success).toBe(false)
    expect(result.error_code).toBe('ASSERTION_FAILED')
    expect(result.execution_results.a.error_message).toBe(
      'assertion 0 failed: status_code equals expected=200 actual=500'
    )
    expect(skipOf(result, 'b')).toBe('dependency_failed')
    expect(result.execution_results.b.error_message).toBe('Skipped because step "a" failed')
    expect(result.execution_results.b.error_code).toBe('NODE_SKIPPED')
    expect(skipOf(result, 'c')).toBe('dependency_failed')
    expect(result.execution_results.d.error_code).toBeUndefined()
  })

  it('a cleanup deletes what a failed create made (outputs kept on an assertion failure)', async () => {
    const flow = flowOf({
      nodes: [
        req('create', 'POST', `${base}/widgets`, {
          display_name: 'Create (expects 200)',
          data: { body: { name: 'tmp' } },
          assertions: [status(200)],
          outputs: [out('id', '$.id')]
        }),
        req('delete', 'DELETE', `${base}/widgets/{{create.id}}`, { run_when: 'always' })
      ],
      edges: chain('create', 'delete')
    })
    const result = await run(flow)
    expect(result.success).toBe(false)
    expect(result.execution_results.delete.response_status_code).toBe(204)
    expect(result.execution_results.create.outputs.id).toMatch(/^wdg_/)
  })

  it('an on_success step after a cleanup runs after it', async () => {
    const flow = flowOf({
      nodes: [
        req('create', 'POST', `${base}/widgets`, {
          data: { body: { name: 'x' } },
          outputs: [out('id', '$.id')]
        }),
        req('delete', 'DELETE', `${base}/widgets/{{create.id}}`, { run_when: 'always' }),
        req('gone', 'GET', `${base}/widgets/{{create.id}}`, { assertions: [status(404)] })
      ],
      edges: chain('create', 'delete', 'gone')
    })
    const before = service.requests.length
    const result = await run(flow)
    expect(result.success).toBe(true)
    expect(service.requests.slice(before).map((r) => r.split(' ')[0])).toEqual([
      'POST',
      'DELETE',
      'GET'
    ])
  })

  it('a cleanup whose inputs never came is skipped and names the failed step', async () => {
    const flow = flowOf({
      nodes: [
        req('create', 'POST', `http://127.0.0.1:1/widgets`, { outputs: [out('id', '$.id')] }),
        req('delete', 'DELETE', `${base}/widgets/{{create.id}}`, { run_when: 'always' })
      ],
      edges: chain('create', 'delete')
    })
    const result = await run(flow)
    expect(result.execution_results.create.error_code).toBe('CONNECTION_REFUSED')
    expect(skipOf(result, 'delete')).toBe('dependency_failed')
    expect(result.execution_results.delete.missing_inputs).toEqual(['create.id'])
  })

  it('a branch routes away from the cases it did not choose', async () => {
    const flow = flowOf({
      initial_inputs: { tier: 'gold' },
      nodes: [
        node('route', 'branch', {
          target: '{{tier}}',
          cases: [
            {
              when: {
                extractor_type: 'body',
                operator_type: 'equals',
                operator_data: { value: 'gold' }
              },
              target: 'gold'
            }
          ],
          default: 'basic'
        }),
        req('gold', 'GET', `${base}/health`),
        req('basic', 'GET', `${base}/health`),
        req('after-basic', 'GET', `${base}/health`),
        req('join', 'GET', `${base}/health`)
      ],
      edges: [
        edge('route', 'gold'),
        edge('route', 'basic'),
        edge('basic', 'after-basic'),
        edge('gold', 'join'),
        edge('after-basic', 'join')
      ]
    })
    const result = await run(flow)
    expect(result.success).toBe(true)
    expect(result.execution_results.route.outputs).toEqual({ matched: 'gold', matchedIndex: 0 })
    expect(skipOf(result, 'basic')).toBe('routed_away_by_branch')
    expect(result.execution_results.basic.error_message).toBe(
      'Skipped because branch "route" routed execution down a different path'
    )
    expect(skipOf(result, 'after-basic')).toBe('not_reachable_after_main_phase')
    expect(result.execution_results.join.response_status_code).toBe(200)
  })

  it('parallel roots run at the same time', async () => {
    const flow = flowOf({
      nodes: [req('a', 'GET', `${base}/slow/300`), req('b', 'GET', `${base}/slow/300`)],
      edges: []
    })
    const started = Date.now()
    const result = await run(flow)
    expect(result.success).toBe(true)
    const calls = result.http_calls ?? []
    // Both were sent before either answered.
    const [first, second] = calls.map((c) => Date.parse(c.started_at))
    expect(Math.abs(first - second)).toBeLessThan(250)
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
  })

  it('cancellation stops a run promptly and returns what finished', async () => {
    const clock = new FakeClock({ auto: false })
    const controller = new AbortController()
    const flow = flowOf({
      nodes: [
        req('first', 'GET', `${base}/health`),
        node('wait', 'delay', { duration: 60_000 }),
        req('never', 'GET', `${base}/health`)
      ],
      edges: chain('first', 'wait', 'never')
    })
    const pending = run(flow, { clock, signal: controller.signal })
    await clock.whenSleeping()
    controller.abort()
    const result = await pending
    expect(result.success).toBe(false)
    expect(result.error_code).toBe('EXECUTION_CANCELLED')
    expect(result.execution_results.first.response_status_code).toBe(200)
    expect(result.execution_results.wait.error_code).toBe('CANCELLED')
    expect(result.execution_results.never).toBeUndefined()
  })

  it('cancellation ends a request in flight and a poll between attempts', async () => {
    const controller = new AbortController()
    const slow = flowOf({ nodes: [req('slow', 'GET', `${base}/slow/20000`)], edges: [] })
    const pending = run(slow, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    const result = await pending
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result.execution_results.slow.error_code).toBe('CANCELLED')
    expect(result.error_code).toBe('EXECUTION_CANCELLED')

    const clock = new FakeClock({ auto: false })
    const pollController = new AbortController()
    const poll = flowOf({
      nodes: [
        node(
          'wait',
          'poll',
          {
            interval_ms: 60_000,
            body: { nodes: [node('probe', 'set_variable', { variables: { n: 1 } })], edges: [] }
          },
          { assertions: [jsonPath('$["probe.n"]', 'equals', 2)] }
        )
      ],
      edges: []
    })
    const polling = run(poll, { clock, signal: pollController.signal })
    await clock.whenSleeping()
    pollController.abort()
    const polled = await polling
    expect(polled.execution_results.wait.error_code).toBe('POLL_CANCELLED')
    expect(polled.execution_results.wait.attempts).toBe(1)
  })

  it('an observer that throws neither stops nor hangs the run', async () => {
    const flow = flowOf({
      nodes: [req('a', 'GET', `${base}/health`), req('b', 'GET', `${base}/health`)],
      edges: chain('a', 'b')
    })
    const result = await run(flow, {
      observer: {
        nodeStarted: () => {
          throw new Error('observer broke')
        },
        nodeFinished: () => {
          throw new Error('observer broke again')
        }
      }
    })
    expect(result.success).toBe(true)
    expect(Object.keys(result.execution_results)).toEqual(['a', 'b'])
  })

  it('secrets are hidden in the result, nodes get the real value', async () => {
    const flow = flowOf({
      initial_inputs: { token: 's3cr3t-value' },
      nodes: [
        req('echo', 'POST', `${base}/echo`, {
          data: { headers: { 'X-Token': '{{token}}' }, body: { t: '{{token}}' } },
          assertions: [jsonPath('$.headers["x-token"]', 'equals', 's3cr3t-value')],
          outputs: [out('seen', '$.body.t')]
        })
      ],
      edges: []
    })
    const result = await run(flow, { secretInputKeys: ['token'] })
    expect(result.success).toBe(true)
    const text = JSON.stringify(result)
    expect(text).not.toContain('s3cr3t-value')
    expect(
      Buffer.from(String(result.execution_results.echo.response_body), 'base64').toString()
    ).not.toContain('s3cr3t')
    expect(result.final_outputs['echo.seen']).toBe('***')
  })
})

describe('node types', () => {
  it('delay waits on the clock; set_variable and assert read values', async () => {
    const clock = new FakeClock()
    const flow = flowOf({
      initial_inputs: { n: 3 },
      nodes: [
        node('pause', 'delay', { duration: 1500 }),
        node(
          'vars',
          'set_variable',
          { variables: { total: '{{{n}}}', label: 'n={{n}}' } },
          {
            assertions: [jsonPath('$.total', 'equals', 3)]
          }
        ),
        node(
          'check',
          'assert',
          { target: '{{vars.label}}' },
          {
            assertions: [
              { extractor_type: 'body', operator_type: 'equals', operator_data: { value: 'n=3' } }
            ]
          }
        )
      ],
      edges: chain('pause', 'vars', 'check')
    })
    const result = await run(flow, { clock })
    expect(result.success).toBe(true)
    expect(clock.sleeps).toEqual([1500])
    expect(result.execution_results.pause.delay_ms).toBe(1500)
    expect(result.final_outputs['vars.total']).toBe(3)
  })

  it('loop runs its body per item and collects final outputs', async () => {
    const flow = flowOf({
      initial_inputs: { names: ['a', 'b', 'c'] },
      nodes: [
        node('each', 'loop', {
          items: '{{names}}',
          body: {
            nodes: [
              req('make', 'POST', `${base}/widgets`, {
                data: { body: { name: '{{item}}-{{index}}' } },
                outputs: [out('name', '$.name')]
              })
            ],
            edges: []
          }
        }),
        node(
          'check',
          'assert',
          { target: '{{{each.count}}}' },
          {
            assertions: [
              { extractor_type: 'body', operator_type: 'equals', operator_data: { value: 3 } }
            ]
          }
        )
      ],
      edges: chain('each', 'check')
    })
    const result = await run(flow)
    expect(result.success).toBe(true)
    expect(result.execution_results.each.outputs.results).toEqual([
      { 'make.name': 'a-0' },
      { 'make.name': 'b-1' },
      { 'make.name': 'c-2' }
    ])
    expect(result.execution_results.each.iterations).toBe(3)
  })

  it('poll repeats its body until the condition holds', async () => {
    const clock = new FakeClock()
    const pollFlow = (maxAttempts: number): FlowDef =>
      flowOf(
        {
          nodes: [
            node(
              'wait',
              'poll',
              {
                max_attempts: maxAttempts,
                interval_ms: 2000,
                body: {
                  nodes: [
                    req('probe', 'GET', `${base}/jobs/{{job}}`, {
                      outputs: [out('status', '$.status')]
                    })
                  ],
                  edges: []
                }
              },
              { assertions: [jsonPath('$["probe.status"]', 'equals', 'done')] }
            )
          ],
          edges: []
        },
        ['job']
      )
    const newJob = async (): Promise<string> =>
      ((await (await fetch(`${base}/jobs`, { method: 'POST' })).json()) as { id: string }).id

    const done = await run(pollFlow(5), { clock, inputs: { job: await newJob() } })
    expect(done.success).toBe(true)
    expect(done.execution_results.wait.attempts).toBe(3)
    expect(done.execution_results.wait.outputs.result).toEqual({ 'probe.status': 'done' })
    expect(clock.sleeps).toEqual([2000, 2000])

    const notMet = await run(pollFlow(2), { clock, inputs: { job: await newJob() } })
    expect(notMet.execution_results.wait.error_code).toBe('POLL_CONDITION_NOT_MET')
    expect(notMet.execution_results.wait.attempts).toBe(2)

    // A body that fails (no such job: no status to extract) stops the poll at once.
    const broken = await run(pollFlow(5), { clock, inputs: { job: 'missing' } })
    expect(broken.execution_results.wait.error_code).toBe('POLL_BODY_FAILED')
    expect(broken.execution_results.wait.attempts).toBe(1)
  })

  it('module runs a referenced flow with bindings and maps its outputs', async () => {
    const child = {
      name: 'make widget',
      initial_inputs: { name: 'default' },
      nodes: [
        req('make', 'POST', `${base}/widgets`, {
          data: { body: { name: '{{name}}' } },
          outputs: [out('id', '$.id')]
        })
      ],
      edges: []
    }
    const flow = flowOf({
      nodes: [
        node('sub', 'module', {
          flow_id: 'child-flow',
          input_bindings: { name: 'from-parent' },
          output_bindings: { widgetId: 'make.id' }
        }),
        req('read', 'GET', `${base}/widgets/{{sub.widgetId}}`, {
          assertions: [jsonPath('$.name', 'equals', 'from-parent')]
        })
      ],
      edges: chain('sub', 'read')
    })
    const result = await run(flow, {
      referencedFlows: { 'child-flow': { flow_definition: child } }
    })
    expect(result.success).toBe(true)
    expect(Object.keys(result.execution_results.sub.child_final_outputs as object)).toEqual([
      'make.id'
    ])
    const missing = await run(flow)
    expect(missing.execution_results.sub.error_code).toBe('MODULE_FLOW_NOT_FOUND')
  })
})
