/**
 * The webhook ingest of ephemeral executions (docs/runner.md §1.7): launch gives each
 * ephemeral execution a URL, injected as the flow input `webhook.url`, where the
 * service under test sends its callbacks. `ANY /webhooks/ingest/{token}` takes any
 * method, without credentials (the caller is that service), and captures the
 * method, headers, query parameters, body (as text), content type, user agent, IP
 * address and arrival time; the job reads them with
 * `GET /runner/jobs/{jobId}/webhook-requests` (jobs.ts), oldest first. The token is
 * an unguessable path segment; an unknown one is 404. Requests are captured for as
 * long as the sandbox runs, after the execution ended too (they no longer matter).
 */
import { randomUUID } from 'node:crypto'
import { jsonResponse, paramOf } from '../context.js'
import { ApiError, notFound } from '../errors.js'
import { ANY_METHOD } from '../route-ids.js'
import type { RequestContext, RouteDefinition } from '../types/http.js'
import type { CapturedRequestRecord } from '../types/records.js'
import { iso } from '../validate.js'

/** Most requests kept per execution; past it the ingest answers 429. */
export const MAX_CAPTURED_REQUESTS = 1000

/** Name → value, or → values when repeated. */
function grouped(pairs: Iterable<[string, string]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of pairs) {
    const seen = Object.hasOwn(out, name) ? out[name] : undefined
    if (seen === undefined) out[name] = value
    else out[name] = Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return out
}

function headerPairs(ctx: RequestContext): [string, string][] {
  const raw = ctx.raw.req.rawHeaders
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    pairs.push([(raw[i] as string).toLowerCase(), raw[i + 1] as string])
  }
  return pairs
}

function ipOf(ctx: RequestContext): string {
  const address = ctx.raw.req.socket.remoteAddress ?? ''
  // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d.
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

export function webhookRoutes(): RouteDefinition[] {
  return [
    {
      id: 'webhooks.ingest',
      method: ANY_METHOD,
      pattern: '/webhooks/ingest/{token}',
      auth: 'none',
      scope: null,
      orgHeader: false,
      bucket: 'write',
      handler: (ctx) => {
        const token = paramOf(ctx, 'token') ?? ''
        const record = ctx.services.state.executionByWebhookToken(token)
        const webhook = record?.webhook
        if (!record || !webhook) throw notFound('Webhook', 'token')
        ctx.annotations.executionId = record.id
        ctx.annotations.flowId = record.flowId
        if (ctx.bodyTooLarge) {
          throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large')
        }
        if (webhook.requests.length >= MAX_CAPTURED_REQUESTS) {
          throw new ApiError(
            429,
            'WEBHOOK_CAPTURE_LIMIT',
            `This webhook already captured ${MAX_CAPTURED_REQUESTS} requests`
          )
        }
        const contentType = ctx.header('content-type')
        const userAgent = ctx.header('user-agent')
        const captured: CapturedRequestRecord = {
          id: randomUUID(),
          webhook_id: webhook.id,
          method: ctx.method,
          headers: grouped(headerPairs(ctx)),
          query_params: grouped(ctx.query.entries()),
          body: ctx.rawBody.length === 0 ? null : ctx.rawBody.toString('utf8'),
          ip_address: ipOf(ctx),
          received_at: iso(ctx.services.clock.now())
        }
        if (contentType !== undefined) captured.content_type = contentType
        if (userAgent !== undefined) captured.user_agent = userAgent
        webhook.requests.push(captured)
        return jsonResponse(200, { id: captured.id, received_at: captured.received_at })
      }
    }
  ]
}
