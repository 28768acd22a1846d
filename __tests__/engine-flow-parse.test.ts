/**
 * Reading a flow definition (src/engine/flow/parse.ts) and its graph
 * (graph.ts): both wire spellings, every shape problem at once, roots,
 * ancestors and cycles.
 */
import { describe, expect, it } from '@jest/globals'
import { FlowGraph } from '../src/engine/flow/graph.js'
import { parseFlow } from '../src/engine/flow/parse.js'

describe('parseFlow', () => {
  it('reads camelCase and snake_case alike', () => {
    const camel = parseFlow({
      name: 'Users',
      version: 2,
      initialInputs: { base: 'http://x' },
      nodes: [
        { id: 'a', displayName: 'Create', type: 'request', runWhen: 'always', data: { url: 'u' } },
        { id: 'b', type: 'setVariable', data: { variables: {} } },
        { id: 'c', type: 'webhookWait' }
      ],
      edges: [{ id: 'e1', source: 'a', target: 'b', type: 'success' }]
    })
    const snake = parseFlow({
      name: 'Users',
      version: '2',
      initial_inputs: { base: 'http://x' },
      nodes: [
        {
          id: 'a',
          display_name: 'Create',
          type: 'request',
          run_when: 'always',
          data: { url: 'u' }
        },
        { id: 'b', type: 'set_variable', data: { variables: {} } },
        { id: 'c', type: 'webhook_wait' }
      ],
      edges: [{ id: 'e1', source: 'a', target: 'b', type: 'success' }]
    })
    expect(camel.problems).toEqual([])
    expect(camel.flow).toEqual(snake.flow)
    expect(camel.flow.nodes.map((n) => [n.id, n.type, n.runWhen, n.displayName])).toEqual([
      ['a', 'request', 'always', 'Create'],
      ['b', 'set_variable', 'on_success', 'b'],
      ['c', 'webhook_wait', 'on_success', 'c']
    ])
    expect(camel.flow.version).toBe('2')
  })

  it('reports every shape problem at once, each naming the node and the field', () => {
    const { problems } = parseFlow({
      nodes: [
        { id: 'a', type: 'teleport' },
        { type: 'request' },
        { id: 'a', type: 'request' },
        { id: 'b', type: 'request', run_when: 'sometimes', outputs: [{ extractor: {} }] },
        'nope'
      ],
      edges: [{ source: 'a' }],
      initialInputs: []
    })
    expect(problems).toEqual([
      { field: 'initial_inputs', message: 'must be an object of input values' },
      {
        node: 'a',
        field: 'type',
        message:
          '"teleport" is not a node type (one of request, delay, set_variable, assert, branch, loop, poll, module, sse, webhook_wait)'
      },
      { field: 'nodes[1].id', message: 'is missing (every node needs an id)' },
      { node: 'a', field: 'nodes[2].id', message: 'is used by another node too' },
      { node: 'b', field: 'run_when', message: 'must be on_success or always' },
      { node: 'b', field: 'outputs[0].name', message: 'is missing' },
      { field: 'nodes[4]', message: 'must be an object' },
      { field: 'edges[0].target', message: 'is missing' }
    ])
  })

  it('refuses what is not a flow', () => {
    expect(parseFlow([]).problems).toEqual([
      { field: '$', message: 'a flow definition must be a JSON object' }
    ])
    expect(parseFlow({ nodes: {} }).problems).toEqual([
      { field: 'nodes', message: 'must be an array of nodes' }
    ])
  })
})

describe('FlowGraph', () => {
  const { flow } = parseFlow({
    nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, type: 'delay' })),
    edges: [
      { source: 'a', target: 'b' },
      { source: 'a', target: 'c' },
      { source: 'b', target: 'd' },
      { source: 'c', target: 'd' },
      { source: 'x', target: 'e' }
    ]
  })
  const graph = new FlowGraph(flow)

  it('roots are the nodes without incoming edges, in the nodes order', () => {
    expect(graph.roots()).toEqual(['a', 'e'])
  })

  it('knows ancestors and descendants', () => {
    expect([...graph.ancestors('d')].sort()).toEqual(['a', 'b', 'c'])
    expect([...graph.descendants('a')].sort()).toEqual(['b', 'c', 'd'])
    expect([...graph.ancestors('a')]).toEqual([])
  })

  it('finds a cycle as a path', () => {
    expect(graph.findCycle()).toBeUndefined()
    const looped = parseFlow({
      nodes: ['a', 'b', 'c'].map((id) => ({ id, type: 'delay' })),
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'b' }
      ]
    })
    expect(new FlowGraph(looped.flow).findCycle()).toEqual(['b', 'c', 'b'])
  })
})
