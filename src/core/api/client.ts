/**
 * The Echopoint API over HTTP: one method per endpoint of docs/api-contract.md, each a thin
 * description of a request handed to the transport (which does auth, retries,
 * redirects and error mapping) and of how to read the answer (decode.ts). An
 * answer must be about what was asked: a flow, a launch, an execution or a cancel
 * that names another id is a `contract` error, never taken as the one asked for.
 */
import {
  ACTION_API_INPUT_NAMES,
  type ClientOptions,
  type EchopointApi,
  type ListExecutionsQuery,
  type RequestOptions
} from './api.js'
import { checkIdempotencyKey } from '../run/idempotency-key.js'
import * as decode from './decode.js'
import { EchopointError } from '../errors.js'
import type { Execution, FlowRef, KeySelf, NodeResult, PermissionItem } from './model.js'
import { Transport, type ApiRequest } from './http/transport.js'
import type { FlowSearchRequest, LaunchRequest, Paged } from './types.js'
import { pathSegment } from './http/url.js'
import { claimedJob, type ClaimedJob } from './jobs.js'

function flowPath(flowId: string): string {
  return `/flows/${pathSegment(flowId, 'flow ID')}`
}

function executionPath(flowId: string, executionId: string): string {
  return `${flowPath(flowId)}/executions/${pathSegment(executionId, 'execution ID')}`
}

/** A `contract` error for an answer about something other than what was asked. */
function mismatch(
  apiUrlName: string,
  request: string,
  what: string,
  asked: string,
  got: string
): EchopointError {
  return new EchopointError(
    'contract',
    `${request}: asked for ${what} ${asked}, the API answered with ${what} ${got}`,
    {
      request,
      hint: `The answer is not used. Check that ${apiUrlName} points at the Echopoint API and not at a proxy or cache that mixes up answers`
    }
  )
}

/** Throws unless the execution is `executionId` (when given) of flow `flowId`. */
function checkExecution(
  apiUrlName: string,
  request: string,
  execution: Execution,
  flowId: string,
  executionId?: string
): Execution {
  if (executionId !== undefined && !decode.sameId(execution.id, executionId)) {
    throw mismatch(apiUrlName, request, 'execution', executionId, execution.id)
  }
  if (!decode.sameId(execution.flow_id, flowId)) {
    throw mismatch(apiUrlName, request, 'an execution of flow', flowId, execution.flow_id)
  }
  return execution
}

/**
 * Creates the HTTP client. Throws ConfigError when the URL, key or organization ID
 * cannot be used; every later failure is a typed EchopointError.
 */
export function createClient(options: ClientOptions): EchopointApi {
  const transport = new Transport(options)
  const call = <T>(req: ApiRequest & { decode: decode.Decoder<T> }, opts?: RequestOptions) =>
    transport.request({ ...req, signal: opts?.signal, onSent: opts?.onSent }) as Promise<T>
  const label = (req: ApiRequest): string => `${req.method} ${req.path}`
  const urlName = options.names?.apiUrl ?? ACTION_API_INPUT_NAMES.apiUrl
  /** An execution read or changed by `req`, checked to be the one asked for. */
  const execution = async (
    req: ApiRequest & { decode: decode.Decoder<Execution> },
    flowId: string,
    executionId: string,
    opts?: RequestOptions
  ): Promise<Execution> =>
    checkExecution(urlName, label(req), await call(req, opts), flowId, executionId)

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
      call<KeySelf>(
        {
          method: 'GET',
          path: '/api-keys/self',
          withoutOrganization: true,
          decode: decode.keySelf
        },
        opts
      ),

    listPermissions: async (type, opts) =>
      call<Paged<PermissionItem>>(
        { method: 'GET', path: '/permissions', query: { type }, decode: decode.permissionsPage },
        opts
      ),

    // A search only reads, so it may be repeated after a 5xx like a GET.
    searchFlows: async (request: FlowSearchRequest, opts) =>
      call<Paged<FlowRef>>(
        {
          method: 'POST',
          path: '/flows/search',
          body: request,
          safe: true,
          decode: decode.flowSearchPage
        },
        opts
      ),

    getFlow: async (flowId, opts) => {
      const req = { method: 'GET', path: flowPath(flowId), decode: decode.flow } as const
      const flow = await call<FlowRef>(req, opts)
      if (!decode.sameId(flow.id, flowId))
        throw mismatch(urlName, label(req), 'flow', flowId, flow.id)
      return flow
    },

    getFlowDefinition: async (flowId, opts) => {
      const req = { method: 'GET', path: flowPath(flowId), decode: decode.flowDefinition } as const
      const flow = await call<decode.FlowDefinitionRef>(req, opts)
      if (!decode.sameId(flow.id, flowId))
        throw mismatch(urlName, label(req), 'flow', flowId, flow.id)
      return flow
    },

    launchFlow: async (flowId, body: LaunchRequest, idempotencyKey, opts) => {
      const req = {
        method: 'POST',
        path: `${flowPath(flowId)}/launch`,
        // The endpoint requires a body; `{}` means all defaults.
        body: body ?? {},
        headers: {
          'Idempotency-Key': checkIdempotencyKey(idempotencyKey, options.names?.idempotencyKey)
        },
        // Launches come in bursts: one at a time until the server states its write budget.
        cautious: true,
        decode: decode.executionEnvelope
      } as const
      return checkExecution(urlName, label(req), await call<Execution>(req, opts), flowId)
    },

    claimExecution: async (flowId, executionId, body, opts) => {
      const req = {
        method: 'POST',
        path: `/runner/ephemeral/executions/${pathSegment(executionId, 'execution ID')}/claim`,
        body,
        decode: claimedJob
      } as const
      const job = await call<ClaimedJob>(req, opts)
      if (!decode.sameId(job.executionId, executionId)) {
        throw mismatch(urlName, label(req), 'execution', executionId, job.executionId)
      }
      if (!decode.sameId(job.flowId, flowId)) {
        throw mismatch(urlName, label(req), 'a job of flow', flowId, job.flowId)
      }
      return job
    },

    getExecution: async (flowId, executionId, opts) =>
      execution(
        { method: 'GET', path: executionPath(flowId, executionId), decode: decode.execution },
        flowId,
        executionId,
        opts
      ),

    getExecutionNodes: async (flowId, executionId, opts) =>
      call<NodeResult[]>(
        {
          method: 'GET',
          path: `${executionPath(flowId, executionId)}/nodes`,
          decode: decode.nodes({ executionId, flowId })
        },
        opts
      ),

    // Part B extension. Not retried: it carries no Idempotency-Key.
    cancelExecution: async (flowId, executionId, opts) =>
      execution(
        {
          method: 'POST',
          path: `${executionPath(flowId, executionId)}/cancel`,
          body: {},
          decode: decode.executionEnvelope
        },
        flowId,
        executionId,
        opts
      ),

    listExecutions: async (query: ListExecutionsQuery, opts) =>
      call<Paged<Execution>>(
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
          decode: decode.executionsPage
        },
        opts
      ),

    listFlowExecutions: async (flowId, query, opts) =>
      call<Paged<Execution>>(
        {
          method: 'GET',
          path: `${flowPath(flowId)}/executions`,
          query: { limit: query.limit, offset: query.offset },
          decode: decode.executionsPage
        },
        opts
      )
  }
}
