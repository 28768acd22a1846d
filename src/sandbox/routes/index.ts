/**
 * Every route of the sandbox, in one table (docs/api-contract.md parts A and B, and the
 * ephemeral runner's job protocol and webhook ingest of docs/runner.md §1). The
 * extensions decide which part B routes exist, so a sandbox with an extension off
 * answers 404 exactly like the public API.
 */
import type { RouteDefinition, SandboxExtensions } from '../types/http.js'
import { executionRoutes } from './executions.js'
import { flowRoutes } from './flows.js'
import { jobRoutes } from './jobs.js'
import { keyRoutes } from './keys.js'
import { runnerRoutes } from './runner.js'
import { webhookRoutes } from './webhooks.js'

export function allRoutes(extensions: SandboxExtensions): RouteDefinition[] {
  return [
    ...keyRoutes(extensions),
    ...flowRoutes(),
    ...executionRoutes(extensions),
    ...runnerRoutes(),
    ...jobRoutes(),
    ...webhookRoutes()
  ]
}
