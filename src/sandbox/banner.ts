/**
 * What `echopoint-ci sandbox` prints at start: where the sandbox listens, which
 * key and organization to use, and how to point the CLI (or a workflow) at it.
 * Plain text without control characters, so it reads the same in a CI log.
 */
import type { Sandbox } from './server.js'
import { iso } from './validate.js'

/** What makes this sandbox hard to talk to: rate limits, quota, faults, time scale. */
function conditions(sandbox: Sandbox): string[] {
  const lines = [
    `  Rate limits   ${sandbox.rateLimit ? sandbox.rateLimit.describe() : 'off'}`,
    `  Daily quota   ${sandbox.quota ? sandbox.quota.describe() : 'none'}`,
    `  Faults        ${sandbox.faults ? sandbox.faults.describe() : 'none'}`
  ]
  if (sandbox.state.timeScale !== 1) {
    lines.push(`  Time scale    ${sandbox.state.timeScale} (flow durations and rate-limit windows)`)
  }
  return lines
}

/** The start-up banner of a running sandbox. */
export function formatBanner(sandbox: Sandbox): string {
  const key = sandbox.state.defaultApiKey
  const flows = sandbox.state.flowsInOrg(sandbox.organizationId)
  const tags = [...new Set(flows.flatMap((f) => f.tags))].sort()
  const expiry = key.expiresAt === null ? 'never expires' : `expires ${iso(key.expiresAt)}`
  return [
    `Echopoint sandbox listening on ${sandbox.url}`,
    '',
    `  Organization  ${sandbox.organizationId}`,
    `  API key       ${sandbox.apiKey}`,
    `                "${key.name}", scopes ${key.permissions.join(', ')}; ${expiry}`,
    `  Flows         ${flows.length} (tags: ${tags.length > 0 ? tags.join(', ') : 'none'})`,
    ...conditions(sandbox),
    '',
    'Point the CLI at it (these are sandbox credentials, not secrets):',
    '',
    `  export ECHOPOINT_API_URL=${sandbox.url}`,
    `  export ECHOPOINT_API_KEY=${sandbox.apiKey}`,
    `  export ECHOPOINT_ORGANIZATION_ID=${sandbox.organizationId}`,
    '  echopoint-ci whoami',
    '  echopoint-ci run --tag smoke',
    '',
    'Press Ctrl+C to stop.'
  ].join('\n')
}
