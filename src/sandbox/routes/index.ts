/**
 * Every route of the sandbox, in one table (contract.md parts A and B). The
 * extensions decide which part B routes exist, so a sandbox with an extension off
 * answers 404 exactly like the public API.
 */
import type { RouteDefinition, SandboxExtensions } from '../types/http.js'
import { executionRoutes } from './executions.js'
import { flowRoutes } from './flows.js'
import { keyRoutes } from './keys.js'
import { runnerRoutes } from './runner.js'

export function allRoutes(extensions: SandboxExtensions): RouteDefinition[] {
  return [
    ...keyRoutes(extensions),
    ...flowRoutes(),
    ...executionRoutes(extensions),
    ...runnerRoutes()
  ]
}
