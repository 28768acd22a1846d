/**
 * The sandbox against the project's OpenAPI file (openapi/echopoint.yaml): every
 * endpoint, on its success and main error paths, answers a status the file
 * documents with a body its schema accepts. The schemas of response objects are
 * closed, so a field the contract does not define fails here too. Finally, the
 * test checks it exercised every path and method of the file, and that the file
 * and the sandbox's route table list the same operations. The hard API (every
 * rate-limit style's 429, the daily quota, a 503) answers documented shapes too.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import {
  call,
  FLOWS,
  KEYS,
  LOGIN_PUBLISHED_VERSION,
  type CallOptions
} from '../__fixtures__/sandbox-http.js'
import { detectCiContext } from '../src/core/ci-context.js'
import { allRoutes } from '../src/sandbox/routes/index.js'
import { HEADER_STYLES, startSandbox, type Sandbox } from '../src/sandbox/index.js'

// ajv-formats is CommonJS with `exports.default`; under ESM the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (instance: Ajv2020) => unknown

interface Operation {
  requestBody?: { content: Record<string, unknown> }
  responses: Record<string, { $ref?: string }>
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
}

// Answers are read loosely (`.execution.id`); the schema check is what types them here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const DOC_ID = 'https://echopoint-ci.local/openapi/echopoint.yaml'
const METHODS = ['get', 'post', 'put', 'patch', 'delete']
const doc = parse(
  readFileSync(new URL('../openapi/echopoint.yaml', import.meta.url), 'utf8')
) as OpenApiDocument

// The whole document is added under an id, and each check validates against a JSON
// pointer into it, so every `$ref: '#/components/...'` resolves in place. Strict
// mode catches a misspelt schema keyword; the document itself (with OpenAPI's own
// keywords such as `required: true` on parameters) is not meta-validated.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
addFormats(ajv)
// The top-level fields of an OpenAPI document, so strict mode accepts the root.
ajv.addVocabulary([
  'openapi',
  'info',
  'servers',
  'security',
  'tags',
  'paths',
  'components',
  'webhooks'
])
ajv.addSchema(doc as object, DOC_ID, undefined, false)

/** JSON pointer escaping (RFC 6901). */
const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1')

function validate(pointer: string, value: unknown, what: string): void {
  const check = ajv.getSchema(`${DOC_ID}#${pointer}`)
  if (!check) throw new Error(`no schema at ${pointer}`)
  if (!check(value)) {
    throw new Error(
      `${what} does not match the OpenAPI schema:\n${ajv.errorsText(check.errors, { separator: '\n' })}\n` +
        `body: ${JSON.stringify(value, null, 2).slice(0, 2000)}`
    )
  }
}

describe('contract: the sandbox answers what openapi/echopoint.yaml says', () => {
  const clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
  const covered = new Set<string>()
  const statuses = new Map<string, Set<number>>()
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ clock })
  })
  afterAll(() => sandbox.close())

  /**
   * Sends a request for the operation `METHOD template`, expects `status`, and
   * validates the body against the documented response (and, for a 2xx, the
   * request body against the documented request schema).
   */
  async function check(
    operation: string,
    path: string,
    status: number,
    options: CallOptions = {}
  ): Promise<Loose> {
    const [method = '', template = ''] = operation.split(' ')
    const op = doc.paths[template]?.[method.toLowerCase()]
    if (!op) throw new Error(`${operation} is not in the OpenAPI file`)
    const res = await call(sandbox, path, { ...options, method })
    expect({ operation, status: res.status }).toEqual({ operation, status })
    const base = `/paths/${escape(template)}/${method.toLowerCase()}`
    const response = op.responses[String(status)] as
      { $ref?: string; content?: unknown } | undefined
    if (!response) throw new Error(`${operation} → ${status} is not documented`)
    if (!response.$ref && response.content === undefined) {
      // A documented answer without content (204): there must be no body.
      expect(res.body).toBeNull()
      covered.add(operation)
      statuses.set(operation, (statuses.get(operation) ?? new Set()).add(status))
      return res.body
    }
    // Shared error answers are `$ref: '#/components/responses/…'`: follow the reference.
    const responseBase = response.$ref ? response.$ref.slice(1) : `${base}/responses/${status}`
    validate(
      `${responseBase}/content/${escape('application/json')}/schema`,
      res.body,
      `${operation} → ${status}`
    )
    if (status < 300 && options.body !== undefined && op.requestBody) {
      validate(
        `${base}/requestBody/content/${escape('application/json')}/schema`,
        options.body,
        `${operation} request`
      )
    }
    covered.add(operation)
    statuses.set(operation, (statuses.get(operation) ?? new Set()).add(status))
    return res.body
  }

  it('GET /api-keys/self', async () => {
    await check('GET /api-keys/self', '/api-keys/self', 200, { org: null })
    await check('GET /api-keys/self', '/api-keys/self', 200, { key: KEYS.noExpiry, org: null })
    await check('GET /api-keys/self', '/api-keys/self', 401, { key: KEYS.revoked })
  })

  it('GET /permissions', async () => {
    for (const type of ['ci', 'custom', 'runner']) {
      const page = await check('GET /permissions', `/permissions?type=${type}`, 200)
      // Items need only `name`; the sandbox leaves scope_modifier out to prove it.
      for (const item of page.items) {
        expect(typeof item.name).toBe('string')
        expect(item).not.toHaveProperty('scope_modifier')
      }
    }
    await check('GET /permissions', '/permissions?type=all', 400)
    await check('GET /permissions', '/permissions', 403, { key: KEYS.otherOrg })
    await check('GET /permissions', '/permissions', 401, { key: null })
  })

  it('GET /flows', async () => {
    const page = await check('GET /flows', '/flows?limit=100', 200)
    for (const flow of page.items) {
      expect(typeof flow.version).toBe('string')
      expect(flow.metadata).toEqual(expect.any(Object))
    }
    await check('GET /flows', '/flows', 400)
    await check('GET /flows', '/flows?limit=1', 400, { org: '  ' })
    await check('GET /flows', '/flows?limit=1', 401, { key: KEYS.expired })
    await check('GET /flows', '/flows?limit=1', 403, { key: KEYS.executeOnly })
  })

  it('POST /flows/search', async () => {
    const found = await check('POST /flows/search', '/flows/search', 200, {
      body: {
        tags: ['smoke', 'regression'],
        tag_match_mode: 'all',
        pagination: { limit: 5, offset: 0 }
      }
    })
    expect(found.items.length).toBeGreaterThan(0)
    // FlowSearchItem.version is a string in the published spec.
    for (const item of found.items) expect(item.version).toMatch(/^\S+$/)
    expect(found.items.find((i: Loose) => i.id === FLOWS.login)?.version).toBe('3')
    await check('POST /flows/search', '/flows/search', 200, {
      body: { full_text_search: 'order', include_definition: true, sort_direction: 'ASC' }
    })
    await check('POST /flows/search', '/flows/search', 400, { body: { tag_match_mode: 'most' } })
    await check('POST /flows/search', '/flows/search', 403, { key: KEYS.executeOnly, body: {} })
  })

  it('GET /flows/tags', async () => {
    await check('GET /flows/tags', '/flows/tags', 200)
    await check('GET /flows/tags', '/flows/tags', 400, { org: null })
    await check('GET /flows/tags', '/flows/tags', 401, { key: 'garbage' })
  })

  it('GET /flows/{flowId}', async () => {
    const plain = await check('GET /flows/{flowId}', `/flows/${FLOWS.checkout}`, 200)
    // Flow.version is a string; Flow.metadata is required ({} when the flow has none).
    expect(plain.version).toBe('7')
    expect(plain.metadata).toEqual({})
    const login = await check('GET /flows/{flowId}', `/flows/${FLOWS.login}`, 200)
    expect(login).toMatchObject({ version: '3', metadata: { owner: 'team-identity' } })
    await check('GET /flows/{flowId}', '/flows/123', 400)
    await check('GET /flows/{flowId}', `/flows/${FLOWS.otherOrg}`, 404)
    await check('GET /flows/{flowId}', `/flows/${FLOWS.checkout}`, 403, { org: 'org_other' })
  })

  it('launch, executions and nodes through a whole lifecycle', async () => {
    const launchOp = 'POST /flows/{flowId}/launch'
    const getOp = 'GET /flows/{flowId}/executions/{executionId}'
    const nodesOp = 'GET /flows/{flowId}/executions/{executionId}/nodes'
    const listOp = 'GET /flows/{flowId}/executions'
    const headers = { 'Idempotency-Key': 'contract-1' }
    const body = {
      trigger_type: 'git',
      environment_key: 'staging',
      version_id: LOGIN_PUBLISHED_VERSION,
      trigger_metadata: {
        source: 'github_actions',
        repository: 'acme/shop',
        run_id: '7',
        sha: 'abc123'
      }
    }
    const launched = await check(launchOp, `/flows/${FLOWS.login}/launch`, 202, { body, headers })
    await check(launchOp, `/flows/${FLOWS.login}/launch`, 202, { body, headers })
    await check(launchOp, `/flows/${FLOWS.login}/launch`, 409, {
      body: { ...body, environment_key: 'prod' },
      headers
    })
    await check(launchOp, `/flows/${FLOWS.login}/launch`, 400, {
      body: { runner_type: 'ephemeral' }
    })
    await check(launchOp, `/flows/${FLOWS.login}/launch`, 403, { key: KEYS.readOnly, body: {} })
    await check(launchOp, `/flows/${FLOWS.otherOrg}/launch`, 404, { body: {} })
    await check(launchOp, `/flows/${FLOWS.login}/launch`, 401, { key: null, body: {} })
    const failing = await check(launchOp, `/flows/${FLOWS.orderHistory}/launch`, 202, { body: {} })
    const erroring = await check(launchOp, `/flows/${FLOWS.legacyBilling}/launch`, 202, {
      body: {}
    })
    const graphql = await check(launchOp, `/flows/${FLOWS.graphql}/launch`, 202, { body: {} })

    const id = launched.execution.id as string
    // Every phase: pending, running (mid-node), terminal.
    for (const step of [0, 600, 10_000]) {
      clock.advance(step)
      await check(getOp, `/flows/${FLOWS.login}/executions/${id}`, 200)
      await check(nodesOp, `/flows/${FLOWS.login}/executions/${id}/nodes`, 200)
      for (const [flow, ex] of [
        [FLOWS.orderHistory, failing],
        [FLOWS.legacyBilling, erroring],
        [FLOWS.graphql, graphql]
      ] as const) {
        await check(getOp, `/flows/${flow}/executions/${ex.execution.id}`, 200)
        await check(nodesOp, `/flows/${flow}/executions/${ex.execution.id}/nodes`, 200)
      }
    }
    await check(getOp, `/flows/${FLOWS.login}/executions/nope`, 400)
    await check(getOp, `/flows/${FLOWS.checkout}/executions/${id}`, 404)
    await check(getOp, `/flows/${FLOWS.login}/executions/${id}`, 403, { key: KEYS.executeOnly })
    await check(nodesOp, `/flows/${FLOWS.login}/executions/${randomUUID()}/nodes`, 404)
    await check(nodesOp, `/flows/${FLOWS.login}/executions/${id}/nodes`, 401, { key: KEYS.revoked })

    await check(listOp, `/flows/${FLOWS.login}/executions?limit=10`, 200)
    await check(listOp, `/flows/${FLOWS.login}/executions?limit=0`, 400)
    await check(listOp, `/flows/${FLOWS.otherOrg}/executions?limit=10`, 404)
    await check(listOp, `/flows/${FLOWS.login}/executions?limit=10`, 403, { key: KEYS.otherOrg })
  })

  it('launch: trigger_metadata is shaped by trigger_type, in the sandbox and the file', async () => {
    const launchOp = 'POST /flows/{flowId}/launch'
    // What the CLI sends from a terminal outside CI.
    const local = detectCiContext({})
    const manual = await check(launchOp, `/flows/${FLOWS.health}/launch`, 202, {
      body: {
        runner_type: 'cloud',
        trigger_type: local.triggerType,
        trigger_metadata: local.metadata
      }
    })
    expect(manual.execution).toMatchObject({
      trigger_type: 'manual',
      trigger_metadata: { actor_type: 'api_key' }
    })
    const refused = await check(launchOp, `/flows/${FLOWS.health}/launch`, 400, {
      body: { trigger_type: 'manual', trigger_metadata: { source: 'echopoint_ci_cli' } }
    })
    expect(refused.errors[0]).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'trigger_metadata.actor_type'
    })
    // The file refuses what the sandbox refuses, and accepts what it accepts.
    const request = `/paths/${escape('/flows/{flowId}/launch')}/post/requestBody/content/${escape('application/json')}/schema`
    const bad =
      (body: unknown): (() => void) =>
      () =>
        validate(request, body, 'a launch body')
    expect(bad({ trigger_type: 'manual', trigger_metadata: { source: 'x' } })).toThrow(
      /required property 'actor_type'/
    )
    expect(bad({ trigger_metadata: { source: 'x' } })).toThrow(/required property 'actor_type'/)
    expect(bad({ trigger_type: 'manual', trigger_metadata: { actor_type: 'robot' } })).toThrow(
      /allowed values/
    )
    expect(bad({ trigger_type: 'git', trigger_metadata: { run_id: 7 } })).toThrow(/must be string/)
    for (const ok of [
      {},
      { trigger_type: 'manual' },
      { trigger_type: 'manual', trigger_metadata: { actor_type: 'user', actor_id: 'u_1' } },
      { trigger_type: 'git', trigger_metadata: { source: 'github_actions', run_id: '7' } }
    ]) {
      expect(bad(ok)).not.toThrow()
    }
  })

  it('the shapes the published spec fixes', () => {
    const schema = (name: string): string => `/components/schemas/${name}`
    const flow = {
      id: FLOWS.login,
      organization_id: 'org_demo',
      name: 'Login',
      tags: [],
      flow_definition: {},
      metadata: {},
      version: '3'
    }
    expect(() => validate(schema('Flow'), flow, 'a flow')).not.toThrow()
    expect(() => validate(schema('Flow'), { ...flow, version: 3 }, 'a numeric version')).toThrow(
      /version must be string/
    )
    const { metadata: _metadata, ...withoutMetadata } = flow
    expect(() => validate(schema('Flow'), withoutMetadata, 'no metadata')).toThrow(
      /required property 'metadata'/
    )
    expect(() =>
      validate(schema('Permission'), { name: 'flows:read' }, 'a bare name')
    ).not.toThrow()
    expect(() => validate(schema('Permission'), {}, 'no name')).toThrow(/required property 'name'/)
    const assertion = { index: 0, extractor: 'status_code', operator: 'equals', passed: false }
    expect(() => validate(schema('AssertionResult'), assertion, 'no expected/actual')).not.toThrow()
    // A reused Idempotency-Key answers 409 on launch; the file promises no particular code.
    const launch = doc.paths['/flows/{flowId}/launch']?.post
    expect(launch?.responses['409']?.$ref).toBe('#/components/responses/LaunchConflict')
    const conflict = `/components/responses/LaunchConflict/content/${escape('application/json')}/schema`
    expect(() =>
      validate(conflict, { errors: [{ code: 'CONFLICT', message: 'key reused' }] }, 'any code')
    ).not.toThrow()
  })

  it('POST /flows/{flowId}/executions/{executionId}/cancel', async () => {
    const op = 'POST /flows/{flowId}/executions/{executionId}/cancel'
    const { execution } = await check(
      'POST /flows/{flowId}/launch',
      `/flows/${FLOWS.checkout}/launch`,
      202,
      {
        body: { runner_type: 'self_hosted' }
      }
    )
    clock.advance(1_000)
    const path = `/flows/${FLOWS.checkout}/executions/${execution.id}/cancel`
    await check(op, path, 403, { key: KEYS.readOnly })
    await check(op, path, 202)
    await check(op, path, 409)
    await check(op, `/flows/${FLOWS.checkout}/executions/${randomUUID()}/cancel`, 404)
    await check(op, `/flows/${FLOWS.checkout}/executions/x/cancel`, 400)
    await check(op, path, 401, { key: null })
    await check(
      'GET /flows/{flowId}/executions/{executionId}/nodes',
      `/flows/${FLOWS.checkout}/executions/${execution.id}/nodes`,
      200
    )
  })

  it('GET /executions', async () => {
    const since = encodeURIComponent(new Date(clock.now() - 3_600_000).toISOString())
    await check('GET /executions', `/executions?limit=100&since=${since}`, 200)
    await check('GET /executions', '/executions?limit=5&status=failed&trigger_type=manual', 200)
    await check('GET /executions', `/executions?limit=5&flow_id=${FLOWS.login}`, 200)
    await check('GET /executions', '/executions?limit=5&since=last-week', 400)
    await check('GET /executions', '/executions?limit=5', 403, { key: KEYS.executeOnly })
    await check('GET /executions', '/executions?limit=5', 401, { key: KEYS.expired })
  })

  it('the ephemeral runner: claim and complete', async () => {
    const claimOp = 'POST /runner/ephemeral/executions/{executionId}/claim'
    const completeOp = 'POST /runner/ephemeral/executions/{executionId}/complete'
    const { execution } = await check(
      'POST /flows/{flowId}/launch',
      `/flows/${FLOWS.orderHistory}/launch`,
      202,
      {
        body: { runner_type: 'ephemeral', ephemeral_job_version: 1, trigger_type: 'git' }
      }
    )
    const claimPath = `/runner/ephemeral/executions/${execution.id}/claim`
    const completePath = `/runner/ephemeral/executions/${execution.id}/complete`
    const claimBody = { runner_id: 'gha-1', boot_id: randomUUID() }
    await check(completeOp, completePath, 409, {
      body: {
        status: 'completed',
        started_at: '2025-06-02T09:00:00Z',
        completed_at: '2025-06-02T09:00:01Z',
        duration_ms: 1
      }
    })
    await check(claimOp, claimPath, 400, { body: { runner_id: 'gha-1' } })
    await check(claimOp, claimPath, 403, { key: KEYS.readOnly, body: claimBody })
    await check(claimOp, claimPath, 200, { body: claimBody })
    await check(claimOp, claimPath, 409, { body: claimBody })
    await check(claimOp, `/runner/ephemeral/executions/${randomUUID()}/claim`, 404, {
      body: claimBody
    })
    await check(claimOp, claimPath, 401, { key: 'epk_live_sandbox_nobody', body: claimBody })

    const report = {
      status: 'failed',
      started_at: '2025-06-02T09:00:01.000Z',
      completed_at: '2025-06-02T09:00:03.000Z',
      duration_ms: 2000,
      error_code: 'ASSERTION_FAILED',
      error_message: 'GET /orders/{id}: status_code equals 200, got 500',
      result: {
        nodes: [
          { node_id: 'list_orders', status: 'completed', duration_ms: 900 },
          {
            node_id: 'get_order',
            status: 'failed',
            duration_ms: 1100,
            error_message: 'status_code equals 200, got 500',
            result: {
              assertion_results: [
                {
                  index: 0,
                  extractor: 'status_code',
                  operator: 'equals',
                  expected: 200,
                  actual: 500,
                  passed: false
                }
              ]
            }
          },
          { node_id: 'get_invoice', status: 'skipped', skip_reason: 'previous node failed' },
          { node_id: 'custom_step', status: 'completed', node_type: 'kafka_publish' }
        ]
      }
    }
    await check(completeOp, completePath, 400, { body: { ...report, status: 'ok' } })
    await check(completeOp, completePath, 403, { key: KEYS.executeOnly, body: report })
    await check(completeOp, completePath, 200, { body: report })
    await check(completeOp, completePath, 200, { body: report })
    await check(completeOp, completePath, 409, { body: { ...report, status: 'completed' } })
    await check(completeOp, `/runner/ephemeral/executions/${randomUUID()}/complete`, 404, {
      body: report
    })
    await check(completeOp, completePath, 401, { key: null, body: report })
    await check(
      'GET /flows/{flowId}/executions/{executionId}/nodes',
      `/flows/${FLOWS.orderHistory}/executions/${execution.id}/nodes`,
      200
    )
  })

  it('the ephemeral runner: job calls with X-Job-Token, and the webhook ingest', async () => {
    const { execution } = await check(
      'POST /flows/{flowId}/launch',
      `/flows/${FLOWS.login}/launch`,
      202,
      { body: { runner_type: 'ephemeral', ephemeral_job_version: 1 } }
    )
    const bootId = randomUUID()
    const claimed = await check(
      'POST /runner/ephemeral/executions/{executionId}/claim',
      `/runner/ephemeral/executions/${execution.id}/claim`,
      200,
      { body: { runner_id: 'gha-1', boot_id: bootId } }
    )
    const jobId: string = claimed.job.job_id
    const job = (extra: Record<string, string> = {}): CallOptions => ({
      key: null,
      org: null,
      headers: { 'X-Job-Token': claimed.job_token, ...extra }
    })
    const runner = { runner_id: 'gha-1', boot_id: bootId }

    const beat = 'POST /runner/jobs/heartbeat'
    const beatBody = { ...runner, max_parallel_flows: 1, job_ids: [jobId] }
    await check(beat, '/runner/jobs/heartbeat', 200, { ...job(), body: beatBody })
    await check(beat, '/runner/jobs/heartbeat', 400, {
      ...job(),
      body: { ...beatBody, job_ids: [] }
    })
    await check(beat, '/runner/jobs/heartbeat', 401, { body: beatBody, key: KEYS.ci, org: null })

    const events = 'POST /runner/jobs/{jobId}/events'
    const eventsPath = `/runner/jobs/${jobId}/events`
    const eventsBody = {
      ...runner,
      events: [{ sequence: 1, type: 'flow.started', payload: { execution_id: execution.id } }]
    }
    await check(events, eventsPath, 200, { ...job(), body: eventsBody })
    await check(events, eventsPath, 400, { ...job(), body: { ...runner, events: [] } })
    await check(events, eventsPath, 401, { ...job(), key: KEYS.ci, body: eventsBody })
    await check(events, `/runner/jobs/${randomUUID()}/events`, 403, { ...job(), body: eventsBody })

    const requests = 'GET /runner/jobs/{jobId}/webhook-requests'
    const ingest = 'POST /webhooks/ingest/{token}'
    const ingestUrl = new URL(claimed.job.inputs['webhook.url'])
    await check(ingest, `${ingestUrl.pathname}?event=paid`, 200, {
      key: null,
      org: null,
      body: { order: 42 }
    })
    await check(ingest, '/webhooks/ingest/ewh_nope', 404, { key: null, org: null, body: {} })
    await check(requests, `/runner/jobs/${jobId}/webhook-requests`, 200, job())
    await check(requests, `/runner/jobs/${jobId}/webhook-requests`, 401, {
      key: null,
      org: null
    })
    await check(requests, `/runner/jobs/${randomUUID()}/webhook-requests`, 403, job())

    const complete = 'POST /runner/jobs/{jobId}/complete'
    const completePath = `/runner/jobs/${jobId}/complete`
    const completeBody = {
      ...runner,
      status: 'completed',
      started_at: '2025-06-02T09:00:01Z',
      completed_at: '2025-06-02T09:00:02Z',
      duration_ms: 1000,
      result: { execution_results: {}, final_outputs: {}, success: true, duration_ms: 1000 },
      error_message: null,
      error_code: null,
      last_event_sequence: 1
    }
    await check(complete, completePath, 409, {
      ...job(),
      body: { ...completeBody, last_event_sequence: 2 }
    })
    await check(complete, completePath, 400, { ...job(), body: { ...completeBody, result: {} } })
    await check(complete, completePath, 204, { ...job(), body: completeBody })
    await check(complete, completePath, 204, { ...job(), body: completeBody })
    await check(complete, completePath, 409, {
      ...job(),
      body: { ...completeBody, status: 'failed' }
    })
    await check(complete, `/runner/jobs/${randomUUID()}/complete`, 403, {
      ...job(),
      body: completeBody
    })
  })

  it('covered every path and method of the OpenAPI file, each with a success and an error', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`)
    )
    expect([...covered].sort()).toEqual(documented.sort())
    for (const operation of documented) {
      const seen = [...(statuses.get(operation) ?? [])]
      expect({
        operation,
        success: seen.some((s) => s < 300),
        error: seen.some((s) => s >= 400)
      }).toEqual({
        operation,
        success: true,
        error: true
      })
    }
  })

  it('the OpenAPI file and the sandbox route table list the same operations', () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => METHODS.includes(key))
          .map((method) => `${method.toUpperCase()} ${path}`)
      )
      .sort()
    const routes = allRoutes({
      permissionsForAnyKey: true,
      cancel: true,
      executionsList: true,
      keyIntrospection: true
    })
      // A route that takes any method (the webhook ingest) is documented as POST.
      .map((r) => `${r.method === '*' ? 'POST' : r.method} ${r.pattern}`)
      .sort()
    expect(routes).toEqual(documented)
  })

  it('fails on a body outside the schema (the check itself can fail)', () => {
    const pointer = `/components/schemas/FlowExecution`
    expect(() => validate(pointer, { id: 'x' }, 'a partial execution')).toThrow(
      /must have required property/
    )
    const execution = sandbox.state.listExecutions()[0]
    expect(() => validate(pointer, execution, 'a real execution')).not.toThrow()
    expect(() => validate(pointer, { ...execution, surprise: true }, 'an extra field')).toThrow(
      /must NOT have additional properties/
    )
    expect(() => validate(pointer, { ...execution, status: 'done' }, 'a bad status')).toThrow(
      /allowed values/
    )
  })
})

describe('contract: rate limits, the quota and 503s answer what the file documents', () => {
  interface DocumentedResponse {
    headers?: Record<string, unknown>
  }
  const responses = (
    doc as unknown as { components: { responses: Record<string, DocumentedResponse> } }
  ).components.responses
  const json = escape('application/json')
  const RATE_LIMIT_HEADERS = [
    'retry-after',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
    'ratelimit-policy',
    'ratelimit'
  ]

  /** The rate-limit headers sent must be ones the response documents. */
  function expectDocumentedHeaders(name: string, headers: Headers): void {
    const documented = Object.keys(responses[name]?.headers ?? {}).map((h) => h.toLowerCase())
    const sent = RATE_LIMIT_HEADERS.filter((h) => headers.get(h) !== null)
    expect(documented).toEqual(expect.arrayContaining(sent))
  }

  it('every operation documents 429 and 503', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue
        expect({ op: `${method} ${path}`, r429: op.responses['429']?.$ref }).toEqual({
          op: `${method} ${path}`,
          r429: '#/components/responses/TooManyRequests'
        })
        expect(op.responses['503']?.$ref).toBe('#/components/responses/ServiceUnavailable')
      }
    }
  })

  it.each(HEADER_STYLES)('a 429 in the %s style', async (style) => {
    const box = await startSandbox({
      clock: new FakeClock({ now: SANDBOX_EPOCH, auto: false }),
      rateLimits: { read: 1, style }
    })
    try {
      await call(box, '/flows/tags')
      const res = await call(box, '/flows/tags')
      expect(res.status).toBe(429)
      validate(`/components/responses/TooManyRequests/content/${json}/schema`, res.body, style)
      expectDocumentedHeaders('TooManyRequests', res.headers)
    } finally {
      await box.close()
    }
  })

  it('the daily quota 429', async () => {
    const box = await startSandbox({
      clock: new FakeClock({ now: SANDBOX_EPOCH, auto: false }),
      quota: { daily: 0 }
    })
    try {
      const res = await call(box, `/flows/${FLOWS.login}/launch`, { body: {} })
      expect(res.status).toBe(429)
      validate(`/components/responses/TooManyRequests/content/${json}/schema`, res.body, 'quota')
    } finally {
      await box.close()
    }
  })

  it('a 503 with Retry-After', async () => {
    const box = await startSandbox({
      clock: new FakeClock({ now: SANDBOX_EPOCH, auto: false }),
      faults: { rate503: 1 }
    })
    try {
      const res = await call(box, '/flows/tags')
      expect(res.status).toBe(503)
      validate(`/components/responses/ServiceUnavailable/content/${json}/schema`, res.body, '503')
      expectDocumentedHeaders('ServiceUnavailable', res.headers)
    } finally {
      await box.close()
    }
  })

  it('the 429 schema rejects a body of neither shape (the check itself can fail)', () => {
    const pointer = `/components/responses/TooManyRequests/content/${json}/schema`
    expect(() => validate(pointer, { error: 'x', retryAfter: 'soon' }, 'bad')).toThrow(/integer/)
    expect(() => validate(pointer, { message: 'slow down' }, 'bad')).toThrow(/oneOf/)
  })
})
