/** End to end: the bundled CLI (dist/cli/index.js) against the real sandbox over loopback. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import type { ResultsDocument } from '../src/core/run/results.js'
import { runCli } from '../__fixtures__/run-dist.js'
import { runCommandDefinition } from '../src/cli/commands/run.js'
import { main } from '../src/cli/main.js'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 0.05 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.requestLog.clear())

const env = (): Record<string, string> => ({
  ECHOPOINT_API_KEY: sandbox.apiKey,
  ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
  ECHOPOINT_API_URL: sandbox.url,
  CI: 'true'
})

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/

/** What only the action says: workflow syntax, and its inputs' names without a CLI flag's dashes. */
const ACTION_FORM =
  /\$\{\{|secrets\.|vars\.|\b[a-z-]+: (true|false)\b|\(see shard\)|Raise timeout|the ECHOPOINT_API_KEY secret|(^|[^-\w])(api-key|organization-id|api-url|flow-ids|fail-on-empty|cancel-on-abort|junit-path|job-summary|max-parallel|poll-interval|match-mode|version-id|idempotency-key)\b/m

describe('echopoint-ci run', () => {
  it('exits 0 when every flow passes, with credentials from the environment', async () => {
    const run = await runCli(['run', '--tag', 'smoke'], { env: env() })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('All 4 flows passed')
    expect(run.stdout).toMatch(/PASS\s+Login and fetch profile/)
    // Plain lines for CI logs: no control characters.
    expect(run.stdout + run.stderr).not.toMatch(CONTROL)
    expect(run.stdout + run.stderr).not.toContain(sandbox.apiKey)
  })

  it('exits 1 when a flow fails and prints the failed assertion', async () => {
    const run = await runCli(['run', '--tag', 'regression'], { env: env() })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/FAIL\s+Order history/)
    expect(run.stdout).toContain('status_code equals: expected 200, actual 500')
    // Stated once: the node line does not repeat the assertion the next line gives.
    expect(run.stdout).toMatch(/^ +node "GET \/orders\/\{id\}" failed$/m)
    expect(run.stdout.match(/status_code/g)).toHaveLength(1)
  })

  it('prints the results document with --output json', async () => {
    const run = await runCli(['run', '12274271-06b2-43b7-b64a-de134439c37f', '--output', 'json'], {
      env: env()
    })
    expect(run.exitCode).toBe(0)
    const doc = JSON.parse(run.stdout) as ResultsDocument
    expect(doc).toMatchObject({ status: 'passed', success: true, counts: { total: 1, passed: 1 } })
    expect(Object.keys(doc.flows[0]).sort()).toEqual(
      [
        'duration_ms',
        'error_code',
        'error_message',
        'execution_id',
        'flow_id',
        'flow_name',
        'nodes',
        'status',
        'url'
      ].sort()
    )
  })

  it('flags override the environment', async () => {
    const run = await runCli(['run', '--tag', 'smoke', '--api-key', 'epk_live_sandbox_revoked'], {
      env: env()
    })
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('invalid, revoked or expired')
    expect(run.stderr).not.toContain('epk_live_sandbox_revoked')
  })

  it('exits 4 on timeout', async () => {
    const slow = await startSandbox()
    try {
      const run = await runCli(['run', '--tag', 'smoke', '--timeout', '300ms'], {
        env: { ...env(), ECHOPOINT_API_URL: slow.url }
      })
      expect(run.exitCode).toBe(4)
      expect(run.stdout).toMatch(/TIMEOUT/)
    } finally {
      await slow.close()
    }
  })

  it('exits 3 on bad usage, naming the flag, with nothing sent', async () => {
    const cases: [string[], RegExp][] = [
      [['run'], /Invalid FLOW_ID\/--tag: neither is set/],
      [['run', '--tag', 'smoke', '--max-parallel', '0'], /Invalid --max-parallel/],
      [['run', '--tag', 'smoke', '--timeout', 'soon'], /Invalid --timeout/],
      [['run', '--tag', 'smoke', '--output', 'xml'], /Invalid --output/],
      [['run', '--tag', 'smoke', '--unknown-flag'], /unknown option/],
      [['launch'], /unknown command/]
    ]
    for (const [args, pattern] of cases) {
      const run = await runCli(args, { env: env() })
      expect({ args, code: run.exitCode }).toEqual({ args, code: 3 })
      expect(run.stderr).toMatch(pattern)
    }
    const noKey = await runCli(['run', '--tag', 'smoke'], {
      env: { ...env(), ECHOPOINT_API_KEY: '' }
    })
    expect(noKey.exitCode).toBe(3)
    expect(noKey.stderr).toContain('Invalid --api-key (or ECHOPOINT_API_KEY)')
    expect(sandbox.requestLog.entries()).toHaveLength(0)
  })

  it("says what to do in the CLI's words: flags and variables, never the action's inputs", async () => {
    const empty = await runCli(['run', '--tag', 'no-such-tag'], { env: env() })
    expect(empty.exitCode).toBe(3)
    expect(empty.stdout).toBe('')
    expect(empty.stderr).toContain(
      'error: The selection matched no flows. Check the tags (they match exactly) and --match-mode, or pass --allow-empty to allow an empty run.'
    )
    const allowed = await runCli(['run', '--tag', 'no-such-tag', '--allow-empty'], { env: env() })
    expect(allowed.exitCode).toBe(0)
    expect(allowed.stderr).toContain(
      'warning: The selection matched no flows; passing because of --allow-empty'
    )
    const unknown = await runCli(['run', 'd37f7f6f-eab2-48c9-8898-f4b15a61a3d3'], { env: env() })
    expect(unknown.exitCode).toBe(3)
    expect(unknown.stderr).toContain(
      'Check the ID in FLOW_ID; flows of another organization are not visible to this key.'
    )
    const otherOrg = await runCli(['run', '--tag', 'smoke'], {
      env: { ...env(), ECHOPOINT_ORGANIZATION_ID: 'org_other' }
    })
    expect(otherOrg.exitCode).toBe(3)
    expect(otherOrg.stderr).toContain(
      'but --organization-id (or ECHOPOINT_ORGANIZATION_ID) is org_other. Set --organization-id (or ECHOPOINT_ORGANIZATION_ID) to the organization the key was created in'
    )
    const scopes = await runCli(['run', '--tag', 'smoke'], {
      env: { ...env(), ECHOPOINT_API_KEY: 'epk_live_sandbox_read_only' }
    })
    expect(scopes.exitCode).toBe(3)
    expect(scopes.stderr).toContain(
      'Create a key with the ci preset (it has every scope CI needs) and update ECHOPOINT_API_KEY.'
    )
    const revoked = await runCli(['run', '--tag', 'smoke'], {
      env: { ...env(), ECHOPOINT_API_KEY: 'epk_live_sandbox_revoked' }
    })
    expect(revoked.stderr).toContain(
      'Create a new key with the ci preset and an expiration date, then update ECHOPOINT_API_KEY.'
    )
    const noHost = await runCli(['run', '--tag', 'smoke'], {
      env: { ...env(), ECHOPOINT_API_URL: 'http://127.0.0.1:9' }
    })
    expect(noHost.exitCode).toBe(3)
    const slow = await startSandbox()
    let late
    try {
      late = await runCli(['run', '--tag', 'smoke', '--timeout', '300ms'], {
        env: { ...env(), ECHOPOINT_API_URL: slow.url }
      })
    } finally {
      await slow.close()
    }
    expect(late.exitCode).toBe(4)
    expect(late.stdout).toContain('Raise --timeout, or run fewer flows per job (see --shard).')
    for (const run of [empty, allowed, unknown, otherOrg, scopes, revoked, noHost, late]) {
      expect(run.stdout + run.stderr).not.toMatch(ACTION_FORM)
    }
  })

  it('shows help with examples for every command', async () => {
    for (const command of [[], ['run'], ['sandbox'], ['demo']]) {
      const run = await runCli([...command, '--help'])
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain('Examples')
    }
  })
})

// In-process, from the sources: the option's parsing does not need a bundle or a server.
describe('echopoint-ci run --fail-fast', () => {
  const quiet = { env: {}, stdout: () => undefined, stderr: () => undefined }

  it('is a boolean flag, off unless given', () => {
    const off = runCommandDefinition(quiet, () => undefined)
    off.parseOptions(['--tag', 'smoke'])
    expect(off.opts().failFast).toBeUndefined()
    const on = runCommandDefinition(quiet, () => undefined)
    on.parseOptions(['--tag', 'smoke', '--fail-fast'])
    expect(on.opts().failFast).toBe(true)
  })

  it('is listed in the help, and takes no value', async () => {
    const out: string[] = []
    const err: string[] = []
    const io = { env: {}, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }
    expect(await main(['run', '--help'], io)).toBe(0)
    expect(out.join('\n')).toMatch(/--fail-fast\s+stop at the first flow that does not pass/)
    expect(await main(['run', '--tag', 'smoke', '--fail-fast=maybe'], io)).toBe(3)
    // Named without the value typed after `=` (it could be a key).
    expect(err.join('\n')).toContain("unknown option '--fail-fast=…'")
  })
})
