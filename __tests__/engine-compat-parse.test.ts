/**
 * Compatibility suite, part 2: reading flows, extractors and operators, as
 * Echopoint's Go runner (nanostack-dev/echopoint-runner) tests them, re-expressed:
 *
 * - pkg/flow/flow_parse_test.go (at 755d51c) with its fixture pkg/flow/test.json
 *   (re-expressed as __fixtures__/compat/parse-test.json, in the newest wire
 *   names: the second output of req-1 is `status_code`, extractor types snake_case)
 * - pkg/extractors/json_path_extractor_test.go (at 72e32ca)
 * - pkg/operators/registry_test.go (at c06b0a41): the coercion table
 *
 * The reference's ParseFromJSON both parses and validates; ours is loadFlow
 * (problems: [{node?, field, message}]). Where we deliberately differ (docs/runner.md
 * "Ours:"), the case asserts our outcome and says `// Ours: … (reference: …)`.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseAssertions } from '../src/engine/assertions.js'
import {
  createExtractor,
  ExtractionError,
  ExtractorConfigError,
  parseExtractor,
  type Subject
} from '../src/engine/extractors/registry.js'
import { loadFlow } from '../src/engine/load.js'
import { intrinsicOutputs } from '../src/engine/nodes/spec.js'
import { compare, isKnownOperator, OperatorError } from '../src/engine/operators/registry.js'
import { listReferences } from '../src/engine/templates.js'
import type { FlowDef, NodeDef } from '../src/engine/flow/model.js'

type Json = Record<string, unknown>

const fixture = (name: string): Json =>
  JSON.parse(
    readFileSync(new URL(`../__fixtures__/compat/${name}`, import.meta.url), 'utf8')
  ) as Json

/** The reference's ParseFromJSON: the flow, or the problems that reject it. */
function parse(definition: unknown, inputs: string[] = []): { flow: FlowDef; problems: string[] } {
  const { flow, problems } = loadFlow(definition, { inputs })
  return {
    flow,
    problems: problems.map((p) => `${p.node ? `${p.node} ` : ''}${p.field}: ${p.message}`)
  }
}

/** Parses and requires no problem. */
function parseOk(definition: unknown, inputs: string[] = []): FlowDef {
  const { flow, problems } = parse(definition, inputs)
  expect(problems).toEqual([])
  return flow
}

const nodeAt = (flow: FlowDef, index: number): NodeDef => {
  const found = flow.nodes[index]
  if (!found) throw new Error(`no node at ${index}`)
  return found
}

const request = (id: string, data: Json, extra: Json = {}): Json => ({
  id,
  display_name: id,
  type: 'request',
  data: { timeout: 1000, ...data },
  ...extra
})

// ── pkg/flow/flow_parse_test.go ─────────────────────────────────────────────

describe('flow_parse_test.go', () => {
  describe('TestSimpleParseFromJson', () => {
    const flow = parseOk(fixture('parse-test.json'))

    it('metadata', () => {
      expect(flow.name).toBe('User API Test')
      expect(flow.description).toBe('Test user endpoints with branching')
      expect(flow.version).toBe('1.0')
      expect(flow.nodes).toHaveLength(3)
      expect(flow.edges).toHaveLength(2)
    })

    it('RequestNode1', () => {
      const req1 = nodeAt(flow, 0)
      expect(req1.id).toBe('req-1')
      expect(req1.type).toBe('request')
      expect(req1.data.method).toBe('POST')
      expect(req1.data.url).toBe('https://api.example.com/users')
      expect((req1.data.headers as Json)['Content-Type']).toBe('application/json')
      expect(req1.data.body).toEqual({ name: 'John Doe', email: 'john@example.com' })
      expect(req1.data.timeout).toBe(30000)
      const assertions = parseAssertions(req1.assertions)
      expect(assertions).toHaveLength(2)
      expect(assertions[0].extractor.type).toBe('status_code')
      expect(assertions[1].extractor.type).toBe('json_path')
      expect(assertions[1].extractor.label).toBe('json_path $.user.id')
      expect(req1.outputs.map((o) => o.name)).toEqual(['userId', 'status_code'])
      for (const output of req1.outputs) expect(parseExtractor(output.extractor)).toBeDefined()
    })

    it('RequestNode2_Success', () => {
      const success = nodeAt(flow, 1)
      expect(success.id).toBe('req-success')
      expect(success.type).toBe('request')
      expect(success.data.method).toBe('GET')
      expect(success.data.url).toBe('https://api.example.com/users')
      const assertions = parseAssertions(success.assertions)
      expect(assertions).toHaveLength(1)
      expect(assertions[0].extractor.type).toBe('status_code')
      expect(success.outputs.map((o) => o.name)).toEqual(['responseStatus'])
      expect(parseExtractor(success.outputs[0].extractor).type).toBe('status_code')
    })

    it('RequestNode3_Failure', () => {
      const error = nodeAt(flow, 2)
      expect(error.id).toBe('req-error')
      expect(error.type).toBe('request')
      expect(error.data.method).toBe('POST')
      expect(error.data.url).toBe('https://api.example.com/error-log')
      expect((error.data.body as Json).error).toBe('User creation failed')
      expect(error.assertions).toEqual([])
      expect(error.outputs).toEqual([])
    })

    it('Edges', () => {
      expect(flow.edges[0]).toEqual({
        id: 'e-success',
        source: 'req-1',
        target: 'req-success',
        type: 'success'
      })
      expect(flow.edges[1]).toEqual({
        id: 'e-failure',
        source: 'req-1',
        target: 'req-error',
        type: 'failure'
      })
    })
  })

  it('TestParseFromJSON_InvalidJSON', () => {
    // The text is not JSON: the caller's JSON.parse refuses it (our loadFlow takes a
    // value, and refuses anything that is not a flow object).
    expect(() => JSON.parse('{"invalid": "json"')).toThrow(SyntaxError)
    expect(parse('{"invalid": "json"').problems).toContainEqual(
      expect.stringContaining('must be a JSON object')
    )
  })

  it('TestParseFromJSON_EmptyNodes', () => {
    const flow = parseOk({
      version: '1.0',
      name: 'Empty Flow',
      description: 'Flow with no nodes',
      nodes: [],
      edges: []
    })
    expect(flow.nodes).toEqual([])
    expect(flow.edges).toEqual([])
  })

  const loginAndProduct = (productData: Json, edges: Json[] = []): Json => ({
    version: '1.0',
    name: 'Flow',
    nodes: [
      request(
        'step-login',
        { method: 'POST', url: 'https://example.com/login' },
        { outputs: [{ name: 'token', extractor: { type: 'body' } }] }
      ),
      request('step-create-product', {
        method: 'POST',
        url: 'https://example.com/products',
        ...productData
      })
    ],
    edges
  })

  it('TestParseFromJSON_RejectsUnknownBareVariableReferences', () => {
    // Reference message: references unknown initial variable 'token'.
    const { problems } = parse(loginAndProduct({ headers: { Authorization: 'Bearer {{token}}' } }))
    expect(problems).toContainEqual(
      expect.stringMatching(/^step-create-product data\.headers: .*"token"/)
    )
  })

  it('TestParseFromJSON_AllowsDeclaredInitialInputs', () => {
    const flow = parseOk({
      version: '1.0',
      name: 'Valid Flow',
      initialInputs: { API_URL: 'https://example.com' },
      nodes: [request('step-create-product', { method: 'POST', url: '{{API_URL}}/products' })],
      edges: []
    })
    expect(flow.nodes).toHaveLength(1)
  })

  it('TestParseFromJSONWithOptions_AllowsUnknownInitialInputsWhenConfigured', () => {
    // Ours: there is no switch that tolerates unknown inputs; the run names the
    // inputs it provides, and a reference to any other is rejected (reference:
    // ParseOptions{AllowUnknownInitialInputs: true} accepts {{EMAIL}} unchecked).
    const definition = {
      version: '1.0',
      name: 'Valid Flow',
      nodes: [request('step-create-product', { method: 'POST', url: '{{EMAIL}}/products' })],
      edges: []
    }
    expect(parseOk(definition, ['EMAIL']).nodes).toHaveLength(1)
    expect(parse(definition).problems).toContainEqual(expect.stringContaining('EMAIL'))
  })

  it('TestParseFromJSON_AllowsPriorNodeOutputReferences', () => {
    // Ours: a node may read only the outputs of its ancestors in the graph
    // (reference: of any node earlier in the `nodes` array; this flow has no edge).
    const definition = loginAndProduct({
      headers: { Authorization: 'Bearer {{step-login.token}}' }
    })
    expect(parse(definition).problems).toContainEqual(
      expect.stringMatching(/^step-create-product data\.headers: .*"step-login" is not upstream/)
    )
    // With the edge that makes it an ancestor, accepted.
    const withEdge = loginAndProduct(
      { headers: { Authorization: 'Bearer {{step-login.token}}' } },
      [{ id: 'e1', source: 'step-login', target: 'step-create-product', type: 'success' }]
    )
    expect(parseOk(withEdge).nodes).toHaveLength(2)
  })

  it('TestParseFromJSON_AllowsPriorNodeOutputReferencesWithTripleBraces', () => {
    // Ours: ancestors only (reference: any earlier node; this flow has no edge).
    const definition = (edges: Json[]): Json => ({
      version: '1.0',
      name: 'Valid Flow',
      nodes: [
        request(
          'search_product_permissions',
          { method: 'GET', url: 'https://example.com/permissions' },
          { outputs: [{ name: 'allPermissionNames', extractor: { type: 'body' } }] }
        ),
        request('create_product_api_key', {
          method: 'POST',
          url: 'https://example.com/api-keys',
          body: { permissions: '{{{search_product_permissions.allPermissionNames}}}' }
        })
      ],
      edges
    })
    expect(parse(definition([])).problems).toContainEqual(
      expect.stringMatching(/^create_product_api_key data\.body: .*not upstream/)
    )
    const flow = parseOk(
      definition([
        { id: 'e1', source: 'search_product_permissions', target: 'create_product_api_key' }
      ])
    )
    expect(flow.nodes).toHaveLength(2)
    expect(nodeAt(flow, 1).id).toBe('create_product_api_key')
  })

  it('TestParseFromJSON_ModuleNode', () => {
    // Ours: ancestors only (reference: any earlier node; this flow has no edge).
    const definition = (edges: Json[]): Json => ({
      version: '1.0',
      name: 'Parent Flow',
      nodes: [
        request(
          'lookup-user',
          { method: 'GET', url: 'https://example.com/users/123' },
          { outputs: [{ name: 'customerId', extractor: { type: 'body' } }] }
        ),
        {
          id: 'charge-customer',
          display_name: 'Charge Customer',
          type: 'module',
          data: {
            flow_id: 'flow-charge',
            input_bindings: { customerId: '{{lookup-user.customerId}}', baseUrl: '{{BASE_URL}}' },
            output_bindings: { chargeId: 'create-charge.chargeId', status: 'create-charge.status' }
          }
        }
      ],
      edges
    })
    expect(parse(definition([]), ['BASE_URL']).problems).toContainEqual(
      expect.stringMatching(
        /^charge-customer data\.input_bindings: .*"lookup-user" is not upstream/
      )
    )
    const flow = parseOk(
      definition([{ id: 'e1', source: 'lookup-user', target: 'charge-customer' }]),
      ['BASE_URL']
    )
    expect(flow.nodes).toHaveLength(2)
    const moduleNode = nodeAt(flow, 1)
    expect(moduleNode.type).toBe('module')
    expect(moduleNode.data.flow_id).toBe('flow-charge')
    // The reference's InputSchema and OutputSchema.
    expect([...new Set(listReferences(moduleNode.data).map((r) => r.ref))].sort()).toEqual([
      'BASE_URL',
      'lookup-user.customerId'
    ])
    expect(intrinsicOutputs(moduleNode)).toEqual(['chargeId', 'status'])
  })

  it('TestParseFromJSON_RejectsUnknownSourceNodeOutputs', () => {
    // Reference message: source node 'step-login' not available.
    const { problems } = parse({
      version: '1.0',
      name: 'Invalid Flow',
      nodes: [
        request('step-create-product', {
          method: 'POST',
          url: 'https://example.com/products',
          headers: { Authorization: 'Bearer {{step-login.token}}' }
        })
      ],
      edges: []
    })
    expect(problems).toContainEqual(
      expect.stringMatching(/^step-create-product data\.headers: .*step-login/)
    )
  })

  describe('TestParseFromJSON_ExtractorTypes', () => {
    const flow = parseOk(fixture('parse-test.json'))

    it('JSONPathExtractor', () => {
      const outputs = nodeAt(flow, 0).outputs
      expect(outputs).toHaveLength(2)
      expect(outputs[0].name).toBe('userId')
      const extractor = parseExtractor(outputs[0].extractor)
      expect(extractor.type).toBe('json_path')
      expect(extractor.label).toBe('json_path $.user.id')
    })

    it('StatusCodeExtractor', () => {
      const outputs = nodeAt(flow, 0).outputs
      expect(outputs[1].name).toBe('status_code')
      expect(parseExtractor(outputs[1].extractor).type).toBe('status_code')
    })

    it('OutputNames', () => {
      expect(nodeAt(flow, 0).outputs.map((o) => o.name)).toEqual(['userId', 'status_code'])
      expect(nodeAt(flow, 1).outputs.map((o) => o.name)).toEqual(['responseStatus'])
      expect(nodeAt(flow, 2).outputs).toEqual([])
    })
  })

  describe('TestParseFromJSON_ExtractorFactory', () => {
    it('StatusCodeExtractor', () => {
      expect(parseExtractor({ type: 'status_code' }).type).toBe('status_code')
    })

    it('JSONPathExtractor', () => {
      const extractor = parseExtractor({ type: 'json_path', path: '$.user.id' })
      expect(extractor.type).toBe('json_path')
      expect(extractor.label).toBe('json_path $.user.id')
    })

    it('HeaderExtractor', () => {
      const extractor = parseExtractor({ type: 'header', header_name: 'Content-Type' })
      expect(extractor.type).toBe('header')
      const subject: Subject = { body: null, headers: { 'content-type': ['application/json'] } }
      expect(extractor.extract(subject)).toBe('application/json')
    })

    it('UnknownExtractor', () => {
      expect(() => parseExtractor({ type: 'unknown' })).toThrow(ExtractorConfigError)
      expect(() => parseExtractor({ type: 'unknown' })).toThrow('unknown extractor type')
    })
  })

  /** The reference's branchFlowJSON: case "a" → caseTarget, default → defTarget, edges to `successors`. */
  const branchFlow = (caseTarget: string, defTarget: string, ...successors: string[]): Json => ({
    version: '1.0',
    name: 'Branch target validation',
    initialInputs: { route: 'a' },
    nodes: [
      {
        id: 'router',
        type: 'branch',
        data: {
          target: '{{route}}',
          cases: [
            {
              when: {
                extractor_type: 'body',
                extractor_data: {},
                operator_type: 'equals',
                operator_data: { value: 'a' }
              },
              target: caseTarget
            }
          ],
          ...(defTarget ? { default: defTarget } : {})
        }
      },
      { id: 'nodeA', type: 'branch', data: { cases: [] } },
      { id: 'nodeB', type: 'branch', data: { cases: [] } }
    ],
    edges: successors.map((target) => ({
      id: `router->${target}`,
      source: 'router',
      target,
      type: 'success'
    }))
  })

  it('TestParseFromJSON_RejectsBranchCaseTargetWithoutSuccessorEdge', () => {
    const { problems } = parse(branchFlow('nodeB', '', 'nodeA'))
    expect(problems).toContainEqual(
      expect.stringMatching(/^router data\.cases\[0\]\.target: .*nodeB.*successor/)
    )
  })

  it('TestParseFromJSON_RejectsBranchDefaultTargetWithoutSuccessorEdge', () => {
    const { problems } = parse(branchFlow('nodeA', 'nodeB', 'nodeA'))
    expect(problems).toContainEqual(expect.stringMatching(/^router data\.default: .*nodeB/))
  })

  it('TestParseFromJSON_AcceptsBranchTargetsWithSuccessorEdges', () => {
    expect(parseOk(branchFlow('nodeA', 'nodeB', 'nodeA', 'nodeB')).nodes).toHaveLength(3)
  })

  it('TestParseAcceptsADottedFlowInputOnlyWhenItIsKnown', () => {
    const definition = {
      name: 'dotted input',
      version: '1.0',
      nodes: [
        { id: 'register', type: 'request', data: { method: 'POST', url: '{{webhook.url}}' } }
      ],
      edges: []
    }
    // A known flow input may contain a dot.
    parseOk(definition, ['webhook.url'])
    // An unknown dotted reference is still a missing node.
    expect(parse(definition).problems).toContainEqual(expect.stringContaining('webhook'))
  })

  it('TestParseFromJSON_RejectsAnUnknownReferenceInAWebhookExpectation', () => {
    // Reference message: source node 'invite-member' not available.
    const { problems } = parse({
      version: '1.0',
      name: 'Invitation events',
      nodes: [
        {
          id: 'events',
          type: 'webhook_wait',
          data: {
            timeout_ms: 1000,
            expect: [
              {
                name: 'Invitation created',
                assertions: [
                  {
                    extractor_type: 'json_path',
                    extractor_data: { path: '$.data.invitation_id' },
                    operator_type: 'equals',
                    operator_data: { value: '{{invite-member.id}}' }
                  }
                ]
              }
            ]
          }
        }
      ],
      edges: []
    })
    expect(problems).toContainEqual(expect.stringMatching(/^events data\.expect: .*invite-member/))
  })
})

// ── pkg/extractors/json_path_extractor_test.go ──────────────────────────────

describe('json_path_extractor_test.go', () => {
  const extract = (path: string, body: unknown): unknown =>
    createExtractor('json_path', { path }).extract({ body, statusCode: 200, headers: {} })

  function extractError(path: string, body: unknown): Error {
    try {
      extract(path, body)
    } catch (error) {
      return error as Error
    }
    throw new Error('expected the extraction to fail')
  }

  const orders = {
    orders: [
      { id: 'order-123', status: 'active' },
      { id: 'order-456', status: 'completed' },
      { id: 'order-789', status: 'active' }
    ]
  }

  it('TestJSONPathExtractor_GetType', () => {
    expect(createExtractor('jsonPath', { path: '$.user.name' }).type).toBe('json_path')
  })

  it('TestJSONPathExtractor_Extract_SimpleField', () => {
    expect(extract('$.user.name', { user: { name: 'John Doe', age: 30 } })).toBe('John Doe')
  })

  it('TestJSONPathExtractor_Extract_NestedField', () => {
    const body = { user: { name: 'John Doe', address: { city: 'New York', country: 'USA' } } }
    expect(extract('$.user.address.city', body)).toBe('New York')
  })

  it('TestJSONPathExtractor_Extract_ArrayElement', () => {
    const body = {
      orders: [
        { id: 'order-123', total: 100 },
        { id: 'order-456', total: 200 }
      ]
    }
    expect(extract('$.orders[0].id', body)).toBe('order-123')
  })

  it('TestJSONPathExtractor_Extract_NonexistentPath', () => {
    const error = extractError('$.nonexistent.field', { user: { name: 'John Doe' } })
    expect(error).toBeInstanceOf(ExtractionError)
    expect(error.message).toContain('did not match any nodes')
  })

  it('TestJSONPathExtractor_Extract_ArrayFilter', () => {
    const result = extract("$.orders[?@.status=='active'].id", orders)
    expect(Array.isArray(result)).toBe(true)
    expect(result).toHaveLength(2)
    expect(result).toContain('order-123')
    expect(result).toContain('order-789')
  })

  it('TestJSONPathExtractor_Extract_InvalidPath', () => {
    // The reference fails at Extract; ours already when the extractor is built
    // (the flow is read), with the same message.
    expect(() => extract('$[invalid', { key: 'value' })).toThrow(ExtractorConfigError)
    expect(() => extract('$[invalid', { key: 'value' })).toThrow('invalid JSONPath expression')
  })

  it('TestJSONPathExtractor_Extract_MissingParsedBody', () => {
    expect(extractError('$.user.name', null)).toBeInstanceOf(ExtractionError)
    expect(extractError('$.user.name', undefined)).toBeInstanceOf(ExtractionError)
  })

  it('TestJSONPathExtractor_Extract_MultipleResults', () => {
    const body = { items: [{ id: 'item-1' }, { id: 'item-2' }, { id: 'item-3' }] }
    const result = extract('$.items[*].id', body)
    expect(Array.isArray(result)).toBe(true)
    expect(result).toHaveLength(3)
  })
})

// ── pkg/operators/registry_test.go ──────────────────────────────────────────

describe('registry_test.go', () => {
  it('TestCompare_BuiltIns', () => {
    // Lenient coercion: a typed actual (int) against a string expected.
    expect(compare('equals', 200, '200').passed).toBe(true)
    expect(compare('greaterThan', 5, '3').passed).toBe(true)
    expect(compare('between', 5, [1, 10]).passed).toBe(true)
    expect(() => compare('nope', 1, 1)).toThrow(OperatorError)
  })

  describe('TestEquals_IsStringEquality', () => {
    const cases: Array<[string, unknown, unknown, boolean]> = [
      ['int actual vs string expect', 200, '200', true],
      ['float actual vs string expect', 200.0, '200', true],
      ['bool actual vs string expect', true, 'true', true],
      ['string vs string equal', 'ok', 'ok', true],
      ['different values', 200, '404', false],
      ['int vs string mismatch', 1, 'one', false]
    ]
    it.each(cases)('%s', (_name, actual, expected, want) => {
      expect(compare('equals', actual, expected).passed).toBe(want)
    })
  })

  it('TestIsKnown_MatchesComparators', () => {
    // The reference's constants (camelCase), and their snake_case twins.
    const builtins = [
      'equals',
      'notEquals',
      'contains',
      'notContains',
      'startsWith',
      'endsWith',
      'regex',
      'empty',
      'notEmpty',
      'greaterThan',
      'lessThan',
      'greaterThanOrEqual',
      'lessThanOrEqual',
      'between'
    ]
    for (const name of builtins) {
      expect(isKnownOperator(name)).toBe(true)
      expect(isKnownOperator(name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))).toBe(true)
    }
    expect(isKnownOperator('definitelyNotAnOperator')).toBe(false)
  })

  // TestRegister_AddsOperator is not re-expressed: our operators are a fixed
  // registry with no run-time registration API.
})
