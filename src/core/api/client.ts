/**
 * The Echopoint API over HTTP: one method per endpoint of contract.md, each a thin
 * description of a request handed to the transport (which does auth, retries,
 * redirects and error mapping).
 */
import type { ClientOptions, EchopointApi, ListExecutionsQuery, RequestOptions } from './api.js'
import { ConfigError } from '../errors.js'
import * as shape from './response-shape.js'
import { Transport, type ApiRequest } from './transport.js'
import type {
  ApiKeySelf,
  ExecutionRow,
  Flow,
  FlowExecution,
  FlowSearchItem,
  FlowSearchRequest,
  LaunchRequest,
  NodeExecutionResult,
  Permission
} from './types.js'
import { pathSegment } from './url.js'

/** The server accepts Idempotency-Key values up to 255 characters (contract.md part A). */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255

function flowPath(flowId: string): string {
  return `/flows/${pathSegment(flowId, 'flow ID')}`
}

function executionPath(flowId: string, executionId: string): string {
  return `${flowPath(flowId)}/executions/${pathSegment(executionId, 'execution ID')}`
}

function checkIdempotencyKey(key: string): string {
  // Printable ASCII only: it is a header value (RFC 9110 §5.5) and the server's limit is in characters.
  if (key === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ConfigError(
      'idempotency key',
      `it must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters without spaces`
    )
  }
  return key
}

/**
 * Creates the HTTP client. Throws ConfigError when the URL, key or organization ID
 * cannot be used; every later failure is a typed EchopointError.
 */
export function createClient(options: ClientOptions): EchopointApi {
  const transport = new Transport(options)
  const call = <T>(req: ApiRequest, opts?: RequestOptions): Promise<T> =>
    transport.request({ ...req, signal: opts?.signal }) as Promise<T>

  // Every method is async so that bad arguments reject rather than throw.
  return {
    get keyExpiresAtHeader() {
      return transport.keyExpiresAtHeader
    },
    get stats() {
      return { ...transport.stats }
    },
    budget: (bucket) => transport.rateBudget(bucket),

    getKeySelf: async (opts) =>
      call<ApiKeySelf>(
        { method: 'GET', path: '/api-keys/self', withoutOrganization: true, expect: shape.keySelf },
        opts
      ),

    listPermissions: async (type, opts) =>
      shape.normalisePaged<Permission>(
        await call(
          { method: 'GET', path: '/permissions', query: { type }, expect: shape.paged },
          opts
        )
      ),

    // A search only reads, so it may be repeated after a 5xx like a GET.
    searchFlows: async (request: FlowSearchRequest, opts) =>
      shape.normalisePaged<FlowSearchItem>(
        await call(
          { method: 'POST', path: '/flows/search', body: request, safe: true, expect: shape.paged },
          opts
        )
      ),

    getFlow: async (flowId, opts) =>
      call<Flow>({ method: 'GET', path: flowPath(flowId), expect: shape.objectWith('id') }, opts),

    launchFlow: async (flowId, body: LaunchRequest, idempotencyKey, opts) => {
      const res = await call<{ execution: FlowExecution }>(
        {
          method: 'POST',
          path: `${flowPath(flowId)}/launch`,
          // The endpoint requires a body; `{}` means all defaults.
          body: body ?? {},
          headers: { 'Idempotency-Key': checkIdempotencyKey(idempotencyKey) },
          expect: shape.executionEnvelope
        },
        opts
      )
      return res.execution
    },

    getExecution: async (flowId, executionId, opts) =>
      call<FlowExecution>(
        { method: 'GET', path: executionPath(flowId, executionId), expect: shape.execution },
        opts
      ),

    getExecutionNodes: async (flowId, executionId, opts) =>
      call<NodeExecutionResult[]>(
        { method: 'GET', path: `${executionPath(flowId, executionId)}/nodes`, expect: shape.array },
        opts
      ),

    // Part B extension. Not retried: it carries no Idempotency-Key.
    cancelExecution: async (flowId, executionId, opts) => {
      const res = await call<{ execution: FlowExecution }>(
        {
          method: 'POST',
          path: `${executionPath(flowId, executionId)}/cancel`,
          body: {},
          expect: shape.executionEnvelope
        },
        opts
      )
      return res.execution
    },

    listExecutions: async (query: ListExecutionsQuery, opts) =>
      shape.normalisePaged<ExecutionRow>(
        await call(
          {
            method: 'GET',
            path: '/executions',
            query: {
              limit: query.limit,
              offset: query.offset,
              status: query.status,
              trigger_type: query.trigger_type,
              flow_id: query.flow_id,
              since: query.since
            },
            expect: shape.paged
          },
          opts
        )
      ),

    listFlowExecutions: async (flowId, query, opts) =>
      shape.normalisePaged<FlowExecution>(
        await call(
          {
            method: 'GET',
            path: `${flowPath(flowId)}/executions`,
            query: { limit: query.limit, offset: query.offset },
            expect: shape.paged
          },
          opts
        )
      )
  }
}
