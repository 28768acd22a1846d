/**
 * The run action's key-expiry warning, end to end (issue 5, part 3): the bundled
 * action (dist/index.js) run as the runner runs it, with a key that expires in 5
 * days, adds a warning annotation, a line in the job summary and sets the
 * `key-expires-at` output; a key with 90 days left gets none of them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { runAction } from '../__fixtures__/run-dist.js'

const HEALTH_FLOW = '127725f7-5a17-4b95-9526-f64b9cd7313e'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 0.05 })
})
afterAll(() => sandbox.close())

function inputs(key: string): Record<string, string> {
  return {
    'api-key': key,
    'organization-id': sandbox.organizationId,
    'api-url': sandbox.url,
    'flow-ids': HEALTH_FLOW
  }
}

describe('the run action warns about a key that expires within 14 days', () => {
  it('annotates, adds a summary line and sets key-expires-at, and the run still passes', async () => {
    const run = await runAction(inputs('epk_live_sandbox_expiring_soon'))
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('passed')
    const expiresAt = run.outputs['key-expires-at']
    expect(expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const days = Math.floor((Date.parse(expiresAt) - Date.now()) / 86_400_000)
    expect(days).toBe(4)
    // A date people read in the annotation and the summary; the output keeps RFC 3339.
    const { readableDate } = await import('../src/core/key/expiry.js')
    expect(run.stdout).toContain(
      `::warning title=Echopoint%3A API key expires soon::The API key expires on ${readableDate(expiresAt)} (in 4 days).`
    )
    expect(run.summary).toContain(`The API key expires on ${readableDate(expiresAt)} (in 4 days)`)
    expect(run.summary).not.toContain(expiresAt)
    // Only the runner's masking command may carry the key.
    const shown = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    expect(shown + run.stderr + run.summary).not.toContain('epk_live_sandbox_expiring_soon')
  })

  it('says nothing about expiry for a key with 90 days left, but still reports it', async () => {
    const run = await runAction(inputs('epk_live_sandbox_demo_ci'))
    expect(run.exitCode).toBe(0)
    expect(run.outputs['key-expires-at']).toMatch(/^\d{4}-/)
    expect(run.stdout).not.toContain('expires soon')
    expect(run.summary).not.toContain('The API key expires on')
  })

  it('leaves key-expires-at empty for a key that never expires', async () => {
    const run = await runAction(inputs('epk_live_sandbox_no_expiry'))
    expect(run.exitCode).toBe(0)
    expect(run.outputs['key-expires-at']).toBe('')
    expect(run.stdout).not.toContain('expires soon')
  })
})

describe('the run action warns about a key that expires soon', () => {
  it('counts whole days like the key-expiry check: fewer than 14 left', async () => {
    const { expiresSoon, expiryWarning } = await import('../src/core/key/expiry.js')
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(expiresSoon('2026-01-15T00:00:00Z', now)).toBe(false) // 14 days left
    expect(expiresSoon('2026-01-14T23:00:00Z', now)).toBe(true) // 13 days left
    expect(expiryWarning('2025-12-31T00:00:00Z', now)).toMatch(
      /^The API key expired on 31 Dec 2025, 00:00 UTC \(1 day ago\)\./
    )
    expect(expiryWarning('2026-01-06T00:00:00Z', now)).toMatch(
      /^The API key expires on 6 Jan 2026, 00:00 UTC \(in 5 days\)\./
    )
  })
})
