/**
 * End to end: `echopoint-ci whoami` from the bundled CLI against the real
 * sandbox: the key, its expiry, and which CI modes (docs/api-contract.md part B) it can run.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import type { KeyReport } from '../src/core/key/whoami.js'
import { runCli } from '../__fixtures__/run-dist.js'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

let sandbox: Sandbox
let plain: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox()
  plain = await startSandbox({ extensions: { keyIntrospection: false } })
})
afterAll(() => Promise.all([sandbox.close(), plain.close()]))

function whoami(key: string, args: string[] = [], box: Sandbox = sandbox, org?: string) {
  return runCli(['whoami', ...args], {
    env: {
      ECHOPOINT_API_KEY: key,
      ECHOPOINT_API_URL: box.url,
      ...(org ? { ECHOPOINT_ORGANIZATION_ID: org } : {}),
      CI: 'true'
    }
  })
}

describe('echopoint-ci whoami', () => {
  it('shows the key, its organization, scopes and expiry, and every CI mode it can run', async () => {
    const run = await whoami('epk_live_sandbox_demo_ci')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^Key +key_demo_ci \(GitHub Actions CI \(sandbox\)\)$/m)
    expect(run.stdout).toMatch(/^Organization +org_demo$/m)
    expect(run.stdout).toMatch(/^Scopes +flows:read, flows:execute, runner:complete$/m)
    expect(run.stdout).toMatch(
      /^Expires +\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC \(in 89 days\); from the expires_at field of GET \/api-keys\/self$/m
    )
    expect(run.stdout).toMatch(/^run by flow ID, ephemeral runner +yes$/m)
    expect(run.stdout).toMatch(/^run by tag, ephemeral runner +yes$/m)
    expect(run.stdout).toMatch(/^run by flow ID or tag, cloud or self-hosted runner +yes$/m)
    expect(run.stdout).toMatch(/^read-only inventory +yes$/m)
    expect(run.stdout + run.stderr).not.toContain('epk_live_sandbox_demo_ci')
  })

  it('says which modes a narrower key cannot run, and why', async () => {
    const run = await whoami('epk_live_sandbox_read_only')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^run by flow ID, ephemeral runner +no \(lacks flows:execute\)$/m)
    expect(run.stdout).toMatch(
      /^run by flow ID or tag, cloud or self-hosted runner +no \(lacks flows:execute\)$/m
    )
    expect(run.stdout).toMatch(/^read-only inventory +yes$/m)
  })

  it('prints the report as JSON with --output json', async () => {
    const run = await whoami('epk_live_sandbox_execute_only', ['--output', 'json'])
    expect(run.exitCode).toBe(0)
    const report = JSON.parse(run.stdout) as KeyReport
    expect(report).toMatchObject({
      key_id: 'key_demo_execute_only',
      key_name: 'Launch only',
      organization_id: 'org_demo',
      permissions: ['flows:execute'],
      expires_at_source: 'api-keys/self',
      never_expires: false,
      days_left: 89
    })
    expect(report.modes.map((m) => [m.mode, m.can_run, m.missing_scopes])).toEqual([
      // The job token does the rest of an ephemeral run: flows:execute is enough by ID.
      ['ids-ephemeral', true, []],
      ['tags-ephemeral', false, ['flows:read']],
      ['polling', false, ['flows:read']],
      ['inventory', false, ['flows:read']]
    ])
  })

  it('reports a key that never expires, and an expiry the API does not report', async () => {
    const never = await whoami('epk_live_sandbox_no_expiry')
    expect(never.stdout).toMatch(/^Expires +never \(create keys with an expiration date\)$/m)
    const unknown = await whoami('epk_live_sandbox_demo_ci', ['--output', 'json'], plain)
    const report = JSON.parse(unknown.stdout) as KeyReport
    expect(report).toMatchObject({
      expires_at: null,
      expires_at_source: null,
      never_expires: false,
      days_left: null,
      key_name: null
    })
  })

  it('warns when the organization ID given is not the key’s', async () => {
    const run = await whoami('epk_live_sandbox_demo_ci', [], sandbox, 'org_other')
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain(
      'warning: The API key belongs to organization org_demo, but the organization ID given is org_other'
    )
  })

  it('exits 3 for an invalid key, with the message users act on', async () => {
    const run = await whoami('epk_live_sandbox_revoked')
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toBe(
      'error: The API key is invalid, revoked or expired (HTTP 401). Create a new key with the ci preset and an expiration date, then update ECHOPOINT_API_KEY.\n'
    )
    expect(run.stdout).toBe('')
  })

  it("names the CLI's flags and variables in its errors, never the action's inputs", async () => {
    const missing = await runCli(['whoami'], { env: { CI: 'true' } })
    expect(missing.exitCode).toBe(3)
    expect(missing.stderr).toContain('Invalid --api-key (or ECHOPOINT_API_KEY): it is missing')
    expect(missing.stderr).toContain('Set the ECHOPOINT_API_KEY environment variable')
    const url = await whoami('epk_live_sandbox_demo_ci', ['--api-url', 'http://example.com'])
    expect(url.exitCode).toBe(3)
    expect(url.stderr).toContain('Invalid --api-url (or ECHOPOINT_API_URL): plain http://')
    // Not the API (a web page answers): the API layer's hint names the flag too.
    const page = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>sign in</html>')
    })
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
    const { port } = page.address() as AddressInfo
    const web = await whoami('epk_live_sandbox_demo_ci', ['--api-url', `http://127.0.0.1:${port}`])
    await new Promise((resolve) => page.close(resolve))
    expect(web.exitCode).toBe(3)
    expect(web.stderr).toContain(
      'Check that --api-url (or ECHOPOINT_API_URL) points at the Echopoint API and not at a proxy or web page'
    )
    for (const run of [missing, url, web]) {
      expect(run.stdout).toBe('')
      expect(run.stderr).not.toMatch(
        /\$\{\{|secrets\.|(^|[^-])\b(api-key|api-url|organization-id)\b/m
      )
    }
  })

  it('documents itself with examples in --help', async () => {
    const run = await runCli(['whoami', '--help'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('--output <format>')
    expect(run.stdout).toContain('$ echopoint-ci whoami --output json')
    expect(run.stdout).toContain('Exit codes: 0 the key answered, 3 invalid key')
  })
})
