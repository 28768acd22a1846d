/**
 * End to end: `echopoint-ci check-key` from the bundled CLI (dist/cli/index.js)
 * against the real sandbox over loopback: statuses, exit codes, output formats.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { runCli, type DistRun } from '../__fixtures__/run-dist.js'

let sandbox: Sandbox
let plain: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox()
  plain = await startSandbox({ extensions: { keyIntrospection: false } })
})
afterAll(() => Promise.all([sandbox.close(), plain.close()]))

const env = (key: string, box: Sandbox = sandbox): Record<string, string> => ({
  ECHOPOINT_API_KEY: key,
  ECHOPOINT_ORGANIZATION_ID: 'org_demo',
  ECHOPOINT_API_URL: box.url,
  CI: 'true'
})

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/

function checkKey(key: string, args: string[] = [], box: Sandbox = sandbox): Promise<DistRun> {
  return runCli(['check-key', ...args], { env: env(key, box) })
}

function expectClean(run: DistRun, key: string): void {
  expect(run.stdout + run.stderr).not.toContain(key)
  expect(run.stdout + run.stderr).not.toMatch(CONTROL)
}

describe('echopoint-ci check-key', () => {
  it('exits 0 for a healthy key and prints what the API said', async () => {
    const run = await checkKey('epk_live_sandbox_demo_ci')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^status +ok$/m)
    // A date people read (the JSON output keeps RFC 3339).
    expect(run.stdout).toMatch(
      /^expires +\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC \(in 89 days\)$/m
    )
    expect(run.stdout).toMatch(/^expiry from +the expires_at field of GET \/api-keys\/self$/m)
    expect(run.stdout).toMatch(/^key +key_demo_ci \(GitHub Actions CI \(sandbox\)\)$/m)
    expect(run.stdout).toMatch(/^missing scopes +none$/m)
    expect(run.stdout).toContain('PASS  The API key is valid and expires on')
    expect(run.stderr).toBe('')
    expectClean(run, 'epk_live_sandbox_demo_ci')
  })

  it('exits 0 with a warning and the rotation steps when the key expires within --warn-days', async () => {
    const run = await checkKey('epk_live_sandbox_expiring_soon')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^status +expiring$/m)
    expect(run.stderr).toMatch(
      /^warning: The API key expires on .* UTC \(in 4 days\), fewer days than --warn-days \(14\)/m
    )
    expect(run.stdout).toContain('Rotate the key:')
    expect(run.stdout).toContain('1. In Echopoint (Settings → API keys), create a replacement key')
    expect(run.stdout).not.toContain('`')
    // The CLI's rotation steps: where the CLI reads the key, not GitHub's secrets and workflows.
    expect(run.stdout).toContain('2. Update ECHOPOINT_API_KEY everywhere the key is used')
    expect(run.stdout).toContain('3. Confirm the new key works: echopoint-ci check-key')
    expect(run.stdout).not.toMatch(/gh secret|workflow/)
  })

  it('exits 3 when fewer than --fail-days are left', async () => {
    const run = await checkKey('epk_live_sandbox_expiring_soon', [
      '--fail-days',
      '5',
      '--warn-days',
      '30'
    ])
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toMatch(
      /^error: The API key expires on .*fewer days than --fail-days \(5\)/m
    )
    expect(run.stdout).toContain('FAIL  The API key expires on')
  })

  it('exits 3 for an invalid, revoked or expired key (401)', async () => {
    for (const key of ['epk_live_sandbox_expired', 'epk_live_sandbox_revoked']) {
      const run = await checkKey(key)
      expect(run.exitCode).toBe(3)
      expect(run.stdout).toMatch(/^status +invalid$/m)
      expect(run.stderr).toContain('error: The API key is invalid, revoked or expired (HTTP 401)')
      expectClean(run, key)
    }
  })

  it('exits 3 for an expiry in the past given with --expires-at', async () => {
    const run = await checkKey('epk_live_sandbox_demo_ci', ['--expires-at', '2020-01-01'], plain)
    expect(run.exitCode).toBe(3)
    expect(run.stdout).toMatch(/^status +expired$/m)
    expect(run.stdout).toMatch(/^expiry from +the --expires-at flag$/m)
    expect(run.stdout).toMatch(/^expires +1 Jan 2020, 00:00 UTC \(\d+ days ago\)$/m)
  })

  it('exits 0 with a notice when the expiry is unknown, and uses --expires-at when given', async () => {
    const unknown = await checkKey('epk_live_sandbox_demo_ci', [], plain)
    expect(unknown.exitCode).toBe(0)
    expect(unknown.stdout).toMatch(/^status +unknown$/m)
    expect(unknown.stderr).toBe(
      'notice: The API does not report when this key expires. Pass --expires-at with the date shown in Echopoint (Settings → API keys), for example --expires-at 2026-03-31.\n'
    )
    // A plain date means midnight UTC: 39 or 40 whole days away, depending on the time of day.
    const date = new Date(Date.now() + 40.5 * 86_400_000).toISOString().slice(0, 10)
    const given = await checkKey('epk_live_sandbox_demo_ci', ['--expires-at', date], plain)
    expect(given.exitCode).toBe(0)
    expect(given.stdout).toMatch(/^status +ok$/m)
    expect(given.stdout).toMatch(
      /^expires +\d{1,2} [A-Z][a-z]{2} \d{4}, 00:00 UTC \(in (39|40) days\)$/m
    )
  })

  it('exits 0 with a warning for a key that never expires', async () => {
    const run = await checkKey('epk_live_sandbox_no_expiry')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^expires +never$/m)
    expect(run.stderr).toMatch(/^warning: The API key never expires\./m)
  })

  it('exits 3 when a --required-scopes scope is missing, and lists it', async () => {
    const run = await checkKey('epk_live_sandbox_read_only', ['--required-scopes', 'flows:execute'])
    expect(run.exitCode).toBe(3)
    expect(run.stdout).toMatch(/^missing scopes +flows:execute$/m)
    expect(run.stderr).toContain('error: The API key lacks a required scope: flows:execute')
  })

  it('prints the outputs as JSON with --output json', async () => {
    const run = await checkKey('epk_live_sandbox_expiring_soon', ['--output', 'json'])
    expect(run.exitCode).toBe(0)
    const doc = JSON.parse(run.stdout) as Record<string, unknown>
    expect(doc).toMatchObject({
      status: 'expiring',
      passed: true,
      days_left: 4,
      expires_at_source: 'api-keys/self',
      key_id: 'key_demo_expiring_soon',
      organization_id: 'org_demo',
      missing_scopes: []
    })
    expect(Object.keys(doc).sort()).toEqual(
      [
        'days_left',
        'expires_at',
        'expires_at_source',
        'key_id',
        'key_name',
        'messages',
        'missing_scopes',
        'organization_id',
        'passed',
        'permissions',
        'status'
      ].sort()
    )
  })

  it('exits 3 on a usage error, naming the flag, before any request', async () => {
    sandbox.requestLog.clear()
    const days = await checkKey('epk_live_sandbox_demo_ci', ['--warn-days', '-1'])
    expect(days.exitCode).toBe(3)
    expect(days.stderr).toContain('Invalid --warn-days: "-1" is not a whole number of days')
    const order = await checkKey('epk_live_sandbox_demo_ci', ['--fail-days', '20'])
    expect(order.exitCode).toBe(3)
    expect(order.stderr).toContain('Invalid --fail-days: 20 is greater than --warn-days (14)')
    const scope = await checkKey('epk_live_sandbox_demo_ci', ['--required-scopes', 'everything'])
    expect(scope.stderr).toContain('Invalid --required-scopes: "everything" is not a scope')
    const missing = await runCli(['check-key'], { env: { CI: 'true' } })
    expect(missing.exitCode).toBe(3)
    expect(missing.stderr).toContain('Invalid --api-key (or ECHOPOINT_API_KEY): it is missing')
    expect(sandbox.requestLog.entries()).toHaveLength(0)
  })

  it('prints only the usage error: one line (plus the --help hint for a flag commander refuses), exit 3', async () => {
    sandbox.requestLog.clear()
    const cases: [string[], string[]][] = [
      [['--bogus'], ["error: unknown option '--bogus'", '(add --help for usage)']],
      [
        ['--warn-days'],
        ["error: option '--warn-days <n>' argument missing", '(add --help for usage)']
      ],
      [
        ['extra'],
        [
          "error: too many arguments for 'check-key'. Expected 0 arguments but got 1.",
          '(add --help for usage)'
        ]
      ],
      [
        ['--warn-days', 'abc'],
        [
          'error: Invalid --warn-days: "abc" is not a whole number of days. Use a whole number of days, 0 or more, for example 14.'
        ]
      ],
      [
        ['--warn-days', 'abc', '--output', 'json'],
        [
          'error: Invalid --warn-days: "abc" is not a whole number of days. Use a whole number of days, 0 or more, for example 14.'
        ]
      ],
      [
        ['--warn-days', '3', '--fail-days', '5'],
        [
          'error: Invalid --fail-days: 5 is greater than --warn-days (3). The check warns first and fails later: give --fail-days at most --warn-days, for example --warn-days 14 --fail-days 3.'
        ]
      ],
      [['--output', 'xml'], ['error: Invalid --output: "xml" is not one of text, json.']]
    ]
    for (const [args, stderr] of cases) {
      const run = await checkKey('epk_live_sandbox_demo_ci', args)
      expect({
        args,
        exitCode: run.exitCode,
        stdout: run.stdout,
        stderr: run.stderr.split('\n')
      }).toEqual({
        args,
        exitCode: 3,
        stdout: '',
        stderr: [...stderr, '']
      })
    }
    expect(sandbox.requestLog.entries()).toHaveLength(0)
  })

  it("names the CLI's flags and variables, never the action's inputs or workflow syntax", async () => {
    const ACTION_WORDS =
      /\$\{\{|secrets\.|vars\.|\b(api-key|organization-id|expires-at|warn-days|fail-days|required-scopes):|(^|[^-])\b(api-key|organization-id|api-url|expires-at|warn-days|fail-days|required-scopes)\b/m
    const noKey = await runCli(['check-key'], { env: { CI: 'true' } })
    expect(noKey.stderr).toBe(
      'error: Invalid --api-key (or ECHOPOINT_API_KEY): it is missing or empty. Set the ECHOPOINT_API_KEY environment variable to the key (in CI, from a secret); --api-key works too, but a flag shows in process lists.\n'
    )
    const noOrg = await runCli(['check-key'], {
      env: {
        CI: 'true',
        ECHOPOINT_API_KEY: 'epk_live_sandbox_demo_ci',
        ECHOPOINT_API_URL: sandbox.url
      }
    })
    expect(noOrg.stderr).toBe(
      'error: Invalid --organization-id (or ECHOPOINT_ORGANIZATION_ID): it is missing or empty. Set the ECHOPOINT_ORGANIZATION_ID environment variable or pass --organization-id, for example --organization-id org_abc123.\n'
    )
    const badKey = await runCli(['check-key'], {
      env: { CI: 'true', ECHOPOINT_API_KEY: 'epk_live_a b', ECHOPOINT_ORGANIZATION_ID: 'org_demo' }
    })
    expect(badKey.stderr).toContain('update ECHOPOINT_API_KEY.')
    const badUrl = await checkKey('epk_live_sandbox_demo_ci', ['--api-url', 'ftp://example.com'])
    expect(badUrl.stderr).toContain('Invalid --api-url (or ECHOPOINT_API_URL)')
    const invalid = await checkKey('epk_live_sandbox_revoked')
    expect(invalid.stderr).toContain('then update ECHOPOINT_API_KEY.')
    const scopes = await checkKey('epk_live_sandbox_read_only', [
      '--required-scopes',
      'flows:execute'
    ])
    expect(scopes.stderr).toContain('and update ECHOPOINT_API_KEY.')
    const never = await checkKey('epk_live_sandbox_no_expiry')
    expect(never.stderr).toContain('update ECHOPOINT_API_KEY, then delete this key')
    const unknown = await checkKey('epk_live_sandbox_demo_ci', [], plain)
    const wrongOrg = await runCli(['check-key'], {
      env: { ...env('epk_live_sandbox_demo_ci'), ECHOPOINT_ORGANIZATION_ID: 'org_other' }
    })
    expect(wrongOrg.stderr).toContain(
      'but --organization-id (or ECHOPOINT_ORGANIZATION_ID) is org_other'
    )
    for (const run of [noKey, noOrg, badKey, badUrl, invalid, scopes, never, unknown, wrongOrg]) {
      expect(run.exitCode === 0 || run.exitCode === 3).toBe(true)
      expect(run.stderr + run.stdout).not.toMatch(ACTION_WORDS)
      expect(run.stderr + run.stdout).not.toMatch(
        /update the secret|the ECHOPOINT_API_KEY secret|gh (secret|variable)/
      )
    }
  })

  it('documents the flags, examples and exit codes in --help', async () => {
    const run = await runCli(['check-key', '--help'])
    expect(run.exitCode).toBe(0)
    for (const text of [
      '--warn-days <n>',
      '--fail-days <n>',
      '--expires-at <date>',
      '--required-scopes <scopes>',
      'Examples:',
      '$ echopoint-ci check-key --warn-days 30',
      'Exit codes:',
      '0  ok, expiring',
      '3  invalid (HTTP 401'
    ]) {
      expect(run.stdout).toContain(text)
    }
    const top = await runCli(['--help'])
    expect(top.stdout).toMatch(/check-key \[options\]/)
    expect(top.stdout).toMatch(/whoami \[options\]/)
  })
})
