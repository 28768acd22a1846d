/**
 * `echopoint-ci flow pull` end to end: the bundled CLI against the sandbox,
 * the saved file is a flow `flow validate` accepts, and what it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { FLOWS } from '../__fixtures__/sandbox-http.js'
import { runCli } from '../__fixtures__/run-dist.js'

let sandbox: Sandbox
let dir: string
beforeAll(async () => {
  sandbox = await startSandbox()
  dir = await mkdtemp(join(tmpdir(), 'echopoint-flow-pull-'))
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

function env(): Record<string, string> {
  return {
    ECHOPOINT_API_KEY: sandbox.apiKey,
    ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
    ECHOPOINT_API_URL: sandbox.url
  }
}

describe('echopoint-ci flow pull', () => {
  it('saves the definition to --out, ready for flow validate', async () => {
    const out = join(dir, 'flows', 'login.json')
    const run = await runCli(['flow', 'pull', FLOWS.login, '--out', out], { env: env() })
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain(`Saved "Login and fetch profile" (${FLOWS.login}) to ${out}`)
    const saved = JSON.parse(await readFile(out, 'utf8')) as {
      name: string
      nodes: { id: string; type: string; data: unknown }[]
      edges: unknown[]
    }
    expect(saved.name).toBe('Login and fetch profile')
    expect(saved.nodes.map((n) => [n.id, n.type])).toEqual([
      ['login', 'request'],
      ['profile', 'request']
    ])
    expect(saved.edges).toHaveLength(1)
    const validate = await runCli(['flow', 'validate', out])
    expect(validate.exitCode).toBe(0)
    expect(validate.stdout).toContain('valid ("Login and fetch profile", 2 nodes)')
  })

  it('prints the definition without --out', async () => {
    const run = await runCli(['flow', 'pull', FLOWS.health], { env: env() })
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      name: 'API health check',
      nodes: [{ id: 'health' }]
    })
  })

  it('refuses a flow id that is not a UUID, and names an unknown flow; nothing else is sent', async () => {
    sandbox.requestLog.clear()
    const bad = await runCli(['flow', 'pull', 'flow_abc123'], { env: env() })
    expect(bad.exitCode).toBe(3)
    expect(bad.stderr).toContain('Invalid FLOW_ID: "flow_abc123" is not a flow ID')
    expect(sandbox.requestLog.entries()).toEqual([])
    const unknown = await runCli(['flow', 'pull', '00000000-0000-4000-8000-000000000000'], {
      env: env()
    })
    expect(unknown.exitCode).toBe(3)
    expect(unknown.stderr).toMatch(
      /^error: GET \/flows\/00000000-0000-4000-8000-000000000000 failed: not found/m
    )
  })
})
