/**
 * Validation of a whole flow before anything runs (src/engine/load.ts,
 * flow/validate.ts): every problem at once, each naming the node and the field;
 * and `echopoint-ci flow validate` on files, with its exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadFlow } from '../src/engine/load.js'
import { flowValidateCommand } from '../src/cli/commands/flow.js'

const request = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'request',
  data: { method: 'GET', url: 'http://127.0.0.1/x' },
  ...extra
})

describe('loadFlow', () => {
  it('accepts references to inputs, upstream outputs, dotted inputs and generators', () => {
    const { problems } = loadFlow({
      name: 'ok',
      initial_inputs: { base: 'http://127.0.0.1', 'webhook.url': 'http://hook' },
      nodes: [
        request('create', {
          data: { method: 'POST', url: '{{base}}/users', body: { email: '{{$email}}' } },
          outputs: [{ name: 'userId', extractor: { type: 'jsonPath', path: '$.id' } }]
        }),
        request('read', {
          data: { method: 'GET', url: '{{base}}/users/{{create.userId}}?hook={{webhook.url}}' },
          assertions: [
            {
              extractor_type: 'json_path',
              extractor_data: { path: '$.id' },
              operator_type: 'equals',
              operator_data: { value: '{{{create.userId}}}' }
            }
          ]
        }),
        request('cleanup', {
          run_when: 'always',
          data: { method: 'DELETE', url: '{{base}}/users/{{create.userId}}' }
        })
      ],
      edges: [{ id: 'e1', source: 'create', target: 'read' }]
    })
    expect(problems).toEqual([])
  })

  it('reports every reference, edge, branch and cycle problem, naming node and field', () => {
    const { problems } = loadFlow({
      name: 'broken',
      initialInputs: { base: 'http://127.0.0.1' },
      nodes: [
        request('a', { outputs: [{ name: 'id', extractor: { type: 'body' } }] }),
        request('b', { data: { method: 'GET', url: '{{base}}/{{a.missing}}/{{nope}}' } }),
        request('c', { data: { method: 'GET', url: '{{b.id}}{{$notAGenerator}}' } }),
        {
          id: 'route',
          type: 'branch',
          data: { cases: [{ when: {}, target: 'a' }], default: 'ghost' }
        },
        request('d'),
        request('e')
      ],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'route' },
        { source: 'x', target: 'd' },
        { source: 'd', target: 'e' },
        { source: 'e', target: 'd' }
      ]
    })
    expect(problems).toEqual([
      { field: 'edges[2].source', message: '"x" names no node of the flow' },
      { node: 'd', field: 'edges', message: 'the edges form a cycle: d → e → d' },
      {
        node: 'b',
        field: 'data.url',
        message: '{{a.missing}}: node "a" declares no output "missing" (it declares id)'
      },
      {
        node: 'b',
        field: 'data.url',
        message: '{{nope}}: "nope" is neither an input of the flow nor a node (inputs: base)'
      },
      {
        node: 'c',
        field: 'data.url',
        message:
          '{{b.id}}: node "b" is not upstream of "c" (no path of edges leads from it here), so its outputs are not there when this node runs'
      },
      {
        node: 'c',
        field: 'data.url',
        message: '{{$notAGenerator}}: "$notAGenerator" is not a generator'
      },
      {
        node: 'route',
        field: 'data.cases[0].target',
        message: '"a" is not a successor of the branch (no edge route → a)'
      },
      {
        node: 'route',
        field: 'data.default',
        message: '"ghost" is not a successor of the branch (no edge route → ghost)'
      }
    ])
  })

  it('checks loop bodies with item and index as inputs', () => {
    const { problems } = loadFlow({
      name: 'loop',
      initialInputs: { ids: [1, 2] },
      nodes: [
        {
          id: 'each',
          type: 'loop',
          data: {
            items: '{{{ids}}}',
            item_var: 'user',
            body: {
              nodes: [
                request('get', {
                  data: { method: 'GET', url: 'http://h/{{user.id}}/{{index}}/{{item}}' }
                })
              ],
              edges: []
            }
          }
        }
      ],
      edges: []
    })
    expect(problems).toEqual([
      {
        node: 'each',
        field: 'data.body.get.data.url',
        message:
          '{{item}}: "item" is neither an input of the flow nor a node (inputs: ids, index, user)'
      }
    ])
  })

  it("checks each node type's data, and knows the outputs a type always produces", () => {
    const { problems } = loadFlow({
      name: 'types',
      initial_inputs: { items: [1, 2] },
      nodes: [
        { id: 'no-url', type: 'request', data: { method: 'GET' } },
        { id: 'pause', type: 'delay', data: { duration: 'soon' } },
        { id: 'vars', type: 'set_variable', data: { variables: [1] } },
        { id: 'route', type: 'branch', data: { cases: [{ when: 'x' }] } },
        { id: 'each', type: 'loop', data: { items: '{{items}}', body: { nodes: [], edges: [] } } },
        { id: 'wait', type: 'poll', data: { body: { nodes: [request('p')], edges: [] } } },
        { id: 'sub', type: 'module', data: { output_bindings: { id: 'nodot' } } },
        { id: 'hook', type: 'webhook_wait', data: { expect: [{ name: 'paid' }] } },
        request('uses', {
          data: {
            method: 'GET',
            url: 'http://127.0.0.1/{{each.count}}/{{route.matched}}/{{wait.attempts}}/{{each.nope}}'
          }
        })
      ],
      edges: [
        { id: 'a', source: 'each', target: 'uses' },
        { id: 'b', source: 'route', target: 'uses' },
        { id: 'c', source: 'wait', target: 'uses' }
      ]
    })
    const seen = problems.map((p) => `${p.node} ${p.field}: ${p.message}`)
    expect(seen).toEqual(
      expect.arrayContaining([
        'no-url data.url: is missing',
        'pause data.duration: must be a number',
        'vars data.variables: must be an object of names to values',
        'route data.cases[0].when: must be an assertion',
        'route data.cases[0].target: must name a successor of the branch',
        'each data.body: must be a nested flow with at least one node ({"nodes": [...], "edges": [...]})',
        'wait assertions: needs at least one (they are the exit condition of the poll)',
        'sub data.flow_id: is missing',
        'sub data.output_bindings.id: must be "childNodeId.outputKey"',
        'hook data.expect[0].assertions: needs at least one assertion',
        'uses data.url: {{each.nope}}: node "each" declares no output "nope" (it declares results, count)'
      ])
    )
    // The intrinsic outputs themselves are accepted.
    expect(seen.filter((line) => line.startsWith('uses'))).toHaveLength(1)
  })

  it('validates a 1,000-node chain quickly', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) =>
      request(`n${i}`, {
        data: { method: 'GET', url: i === 0 ? 'http://h' : `http://h/{{n${i - 1}.id}}` },
        outputs: [{ name: 'id', extractor: { type: 'body' } }]
      })
    )
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${i}`, target: n.id }))
    const started = performance.now()
    const { problems } = loadFlow({ name: 'chain', nodes, edges })
    expect(problems).toEqual([])
    // A generous bound for a shared machine; the benchmark measures it properly.
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('echopoint-ci flow validate', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'echopoint-flow-validate-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('exits 0 for valid files and 3 naming every problem of an invalid one', async () => {
    const good = join(dir, 'good.json')
    const bad = join(dir, 'bad.json')
    const notJson = join(dir, 'not.json')
    await writeFile(good, JSON.stringify({ name: 'Good', nodes: [request('a')], edges: [] }))
    await writeFile(
      bad,
      JSON.stringify({
        name: 'Bad',
        nodes: [request('a', { data: { url: '{{nope}}' } }), { id: 'b', type: 'teleport' }]
      })
    )
    await writeFile(notJson, '{ nodes: ')
    const out: string[] = []
    const err: string[] = []
    const io = { env: {}, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }
    expect(await flowValidateCommand([good], io)).toBe(0)
    expect(out).toEqual([`${good}: valid ("Good", 1 node)`])
    expect(await flowValidateCommand([good, bad, notJson, join(dir, 'missing.json')], io)).toBe(3)
    expect(err).toEqual([
      `error: ${bad}: 2 problems in "Bad"`,
      expect.stringMatching(/^- node b, type: "teleport" is not a node type/),
      '- node a, data.url: {{nope}}: "nope" is neither an input of the flow nor a node',
      expect.stringMatching(new RegExp(`^error: ${notJson}: is not JSON`)),
      `error: ${join(dir, 'missing.json')}: no such file`
    ])
  })
})
