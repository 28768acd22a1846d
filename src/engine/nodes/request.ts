/**
 * request (docs/runner.md §3): one HTTP exchange. Any status is a successful node;
 * only transport errors (and failed assertions, in the engine's pass) fail it.
 * The response is the subject of the node's assertions and outputs.
 */
import { field } from '../flow/parse.js'
import { sendRequest } from '../http/request.js'
import { headerValues } from '../http/url.js'
import { isPlainObject } from '../values.js'
import { cancelledError } from '../run/cancel.js'
import type { NodeOutcome, NodeRunner } from '../run/types.js'

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value)
  return undefined
}

export const runRequest: NodeRunner = async (context): Promise<NodeOutcome> => {
  const { node, resolve } = context
  const data = node.data
  const method = resolve(data.method ?? 'GET')
  const urlTemplate = typeof data.url === 'string' ? data.url : ''
  const url = resolve(data.url)
  const headers = headerValues(resolve(data.headers ?? {}))
  const rawQuery = field(data, 'query_params', 'queryParams')
  const query = rawQuery === undefined ? undefined : resolve(rawQuery)
  const body = data.body === undefined || data.body === null ? undefined : resolve(data.body)
  const outcome = await sendRequest(
    {
      method: typeof method === 'string' ? method : String(method),
      url: typeof url === 'string' ? url : String(url),
      headers,
      query: isPlainObject(query) ? query : undefined,
      body,
      timeoutMs: toNumber(resolve(data.timeout))
    },
    {
      nodeId: node.id,
      urlTemplate,
      signal: context.signal,
      maxBodyBytes: context.options.maxBodyBytes,
      secrets: context.secretValues(),
      calls: context.calls,
      now: () => context.clock.now(),
      userAgent: context.options.userAgent
    }
  )
  if (outcome.kind === 'cancelled') {
    return { error: cancelledError(), fields: { duration_ms: outcome.durationMs } }
  }
  if (outcome.kind === 'error') {
    return {
      error: { code: outcome.code, message: outcome.message },
      fields: {
        request_method: typeof method === 'string' ? method.toUpperCase() || 'GET' : 'GET',
        request_url: typeof url === 'string' ? url : '',
        ...(outcome.status !== undefined ? { response_status_code: outcome.status } : {}),
        duration_ms: outcome.durationMs
      }
    }
  }
  return {
    fields: {
      request_method: outcome.method,
      request_url: outcome.url,
      request_headers: outcome.requestHeaders,
      ...(outcome.requestBody !== undefined ? { request_body: outcome.requestBody } : {}),
      response_status_code: outcome.status,
      response_headers: outcome.headers,
      response_body: outcome.bodyBytes,
      ...(outcome.body !== undefined ? { response_body_parsed: outcome.body } : {}),
      duration_ms: outcome.durationMs
    },
    subject: { statusCode: outcome.status, headers: outcome.headers, body: outcome.body }
  }
}
