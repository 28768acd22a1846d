/**
 * End to end: the bundled key-expiry action (dist/check-key/index.js) run as the
 * GitHub runner runs `uses: ./check-key`, against the real sandbox and a fake
 * GitHub REST server, both on 127.0.0.1. Asserts the outputs, the annotations,
 * the job summary and the exact requests for the reminder issue.
 */
import { findLeaks } from '../__fixtures__/leaks.js'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { runCheckKeyAction, type DistRun } from '../__fixtures__/run-dist.js'
import { startFakeGithub, type FakeGithub } from '../__fixtures__/fake-github.js'

const KEY = {
  ci: 'epk_live_sandbox_demo_ci',
  expiringSoon: 'epk_live_sandbox_expiring_soon',
  expired: 'epk_live_sandbox_expired',
  revoked: 'epk_live_sandbox_revoked',
  noExpiry: 'epk_live_sandbox_no_expiry',
  readOnly: 'epk_live_sandbox_read_only',
  otherOrg: 'epk_live_sandbox_other_org'
}
const TOKEN = 'ghs_fakeGithubToken0123456789'
const MARKER = '<!-- echopoint-ci:key-expiry organization=org_demo -->'
const ISSUES = '/repos/acme/shop/issues'

let sandbox: Sandbox
/** Like the public API: no `expires_at` in /api-keys/self, no X-Api-Key-Expires-At header. */
let plain: Sandbox
/** Reports the expiry only in the X-Api-Key-Expires-At header. */
let headerOnly: Sandbox
let github: FakeGithub

beforeAll(async () => {
  sandbox = await startSandbox()
  plain = await startSandbox({ extensions: { keyIntrospection: false } })
  headerOnly = await startSandbox()
  // Strip name and expires_at from the body, inside the auth layer (which adds the header).
  const inner = headerOnly.pipeline.get('quota')
  headerOnly.pipeline.use('quota', {
    name: 'header-only-expiry',
    handle: async (ctx, next) => {
      const response = await inner.handle(ctx, next)
      if (ctx.path !== '/api-keys/self' || typeof response.body !== 'object') return response
      const { expires_at: _e, name: _n, ...body } = response.body as Record<string, unknown>
      return { ...response, body }
    }
  })
  github = await startFakeGithub({ repository: 'acme/shop' })
})

afterAll(async () => {
  await Promise.all([sandbox.close(), plain.close(), headerOnly.close(), github.close()])
})

beforeEach(() => github.reset())

function check(
  key: string,
  extra: Record<string, string> = {},
  box: Sandbox = sandbox
): Promise<DistRun> {
  return runCheckKeyAction(
    {
      'api-key': key,
      'organization-id': 'org_demo',
      'api-url': box.url,
      // The runner substitutes ${{ github.token }}; here it is a fake token.
      'github-token': TOKEN,
      ...extra
    },
    { env: { GITHUB_API_URL: github.url, GITHUB_SERVER_URL: 'https://github.com' } }
  )
}

/** The key must appear nowhere a person, another step or GitHub can read it. */
function expectNoLeak(run: DistRun, key: string): void {
  expect(findLeaks(run, [key])).toEqual([])
  const sent = JSON.stringify(github.requests)
  expect(sent).not.toContain(key)
  for (const issue of github.issues) {
    expect(issue.title + issue.body + issue.comments.join('')).not.toContain(key)
  }
}

function daysFrom(run: DistRun): number {
  return Number(run.outputs['days-left'])
}

describe('check-key action: status', () => {
  it('ok: a key with 90 days left passes and sets every output', async () => {
    const run = await check(KEY.ci)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'ok',
      'key-id': 'key_demo_ci',
      'key-name': 'GitHub Actions CI (sandbox)',
      'missing-scopes': '[]',
      'issue-number': ''
    })
    expect(daysFrom(run)).toBe(89)
    expect(run.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
    expect(JSON.parse(run.outputs.permissions)).toEqual([
      'flows:read',
      'flows:execute',
      'runner:complete'
    ])
    expect(run.stdout).toContain('Expiry from the expires_at field of GET /api-keys/self')
    expect(run.stdout).not.toMatch(/^::(warning|error)/m)
    expect(run.summary).toContain('Echopoint key check: The API key is valid and expires on')
    // People read a date in the summary; the expires-at output keeps RFC 3339.
    expect(run.summary).toMatch(
      /^\| Expires \| \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC \(in 89 days\) \|$/m
    )
    expect(run.summary).not.toContain(run.outputs['expires-at'])
    expect(run.summary).toContain('| Field | Value |')
    expect(run.summary).not.toMatch(/^\| *\| *\|$/m)
    expect(run.summary).toContain('the expires\\_at field of GET /api-keys/self')
    expect(run.stdout.split('\n')).toContain(`::add-mask::${KEY.ci}`)
    // Healthy: only the lookup of an issue to close, nothing written.
    expect(github.calls()).toEqual([`GET ${ISSUES}`])
    expect(github.requests[0].query).toMatchObject({
      state: 'open',
      labels: 'echopoint-key-expiry'
    })
    expect(github.requests[0].authorization).toBe(`token ${TOKEN}`)
    expectNoLeak(run, KEY.ci)
  })

  it('expiring: warns within warn-days, passes, and opens the reminder issue', async () => {
    const run = await check(KEY.expiringSoon)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('expiring')
    expect(daysFrom(run)).toBe(4)
    expect(run.stdout).toMatch(
      /^::warning title=Echopoint%3A API key::The API key expires on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC \(in 4 days\), fewer days than warn-days \(14\)\. Rotate it before then: the check fails once fewer than 3 days are left\.$/m
    )
    expect(run.summary).toContain('⚠️ Echopoint key check: The API key expires on')
    expect(run.summary).toContain('### Rotate the key')
    expect(run.summary).toContain('| Reminder issue | Opened #1 |')
    expect(run.outputs['issue-number']).toBe('1')
    expect(github.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`])
    const created = github.requests[1].body as { title: string; body: string; labels: string[] }
    expect(created.title).toBe('Echopoint API key for org_demo expires in 4 days: rotate it')
    expect(created.labels).toEqual(['echopoint-key-expiry'])
    expect(created.body.startsWith(MARKER)).toBe(true)
    expect(created.body).toMatch(
      /expires on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC \(in 4 days\)\./
    )
    expect(created.body).toContain('`key_demo_expiring_soon` (CI key due for rotation)')
    expect(created.body).toContain('the `ci` preset')
    expect(created.body).toContain('gh secret set ECHOPOINT_API_KEY')
    expect(created.body).toContain('Delete the old key')
    expect(created.body).toContain('[this workflow run](https://github.com/acme/shop/actions/runs/')
    expectNoLeak(run, KEY.expiringSoon)
  })

  it('fails when fewer than fail-days are left', async () => {
    const run = await check(KEY.expiringSoon, { 'fail-days': '5', 'open-issue': 'false' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('expiring')
    expect(run.stdout).toMatch(
      /^::error::The API key expires on .* UTC \(in 4 days\), fewer days than fail-days \(5\)\. Rotate it now\.$/m
    )
    expect(run.summary).toContain('❌ Echopoint key check')
    expect(github.calls()).toEqual([])
  })

  it('expired: an expiry in the past fails, with negative days left', async () => {
    const past = new Date(Date.now() - 2.5 * 86_400_000).toISOString()
    const run = await check(KEY.ci, { 'expires-at': past }, plain)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('expired')
    expect(daysFrom(run)).toBe(-3)
    expect(run.stdout).toMatch(
      /^::error::The API key expired on .* \(2 days ago\) \(according to expires-at\)\. Rotate it now\./m
    )
    expect(github.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`])
    expect(github.issues[0].title).toBe('Echopoint API key for org_demo has expired')
    expectNoLeak(run, KEY.ci)
  })

  it('invalid: a 401 (expired, revoked or wrong key) fails and opens the issue', async () => {
    for (const key of [KEY.expired, KEY.revoked, 'epk_live_wrong_key_0000']) {
      const run = await check(key)
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toMatchObject({
        status: 'invalid',
        'expires-at': '',
        'days-left': '',
        'key-id': '',
        permissions: '[]',
        'issue-number': '1'
      })
      expect(run.stdout).toMatch(
        /^::error::The API key is invalid, revoked or expired \(HTTP 401\)/m
      )
      expect(run.summary).toContain('`invalid`')
      expectNoLeak(run, key)
    }
    // One issue, created once and then updated in place.
    expect(github.calls()).toEqual([
      `GET ${ISSUES}`,
      `POST ${ISSUES}`,
      `GET ${ISSUES}`,
      `PATCH ${ISSUES}/1`,
      `GET ${ISSUES}`,
      `PATCH ${ISSUES}/1`
    ])
    expect(github.issues).toHaveLength(1)
    expect(github.issues[0].title).toBe(
      'Echopoint API key for org_demo is invalid, revoked or expired'
    )
  })

  it('never-expiring: passes with a warning recommending an expiration date', async () => {
    const run = await check(KEY.noExpiry)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'ok', 'expires-at': '', 'days-left': '' })
    expect(run.stdout).toMatch(
      /^::warning title=Echopoint%3A API key::The API key never expires\./m
    )
    expect(run.stdout).toContain('an expiration date')
    expect(run.summary).toContain('| Expires | never |')
    expectNoLeak(run, KEY.noExpiry)
  })

  it('unknown: passes with a notice telling how to supply expires-at; leaves issues alone', async () => {
    const run = await check(KEY.ci, {}, plain)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'unknown', 'expires-at': '', 'days-left': '' })
    expect(run.stdout).toMatch(
      /^::notice title=Echopoint%3A API key::The API does not report when this key expires\. Set expires-at/m
    )
    expect(run.stdout).toContain('vars.ECHOPOINT_API_KEY_EXPIRES_AT')
    expect(run.summary).toContain('| Expires | unknown |')
    expect(github.calls()).toEqual([])
  })

  it('uses the expires-at input when the API does not report the expiry, and says so', async () => {
    const date = new Date(Date.now() + 30.5 * 86_400_000).toISOString().slice(0, 10)
    const run = await check(KEY.ci, { 'expires-at': date }, plain)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('ok')
    expect(run.outputs['expires-at']).toBe(`${date}T00:00:00.000Z`)
    expect(run.stdout).toContain('Expiry from the expires-at input.')
    expect(run.summary).toContain('| Expiry from | the expires-at input |')
  })

  it('reads the X-Api-Key-Expires-At header when the body does not carry expires_at', async () => {
    const run = await check(KEY.expiringSoon, { 'open-issue': 'false' }, headerOnly)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'expiring', 'key-name': '' })
    expect(daysFrom(run)).toBe(4)
    expect(run.stdout).toContain('Expiry from the X-Api-Key-Expires-At response header.')
  })

  it('prefers expires_at of /api-keys/self over the expires-at input', async () => {
    const run = await check(KEY.ci, { 'expires-at': '2020-01-01' })
    expect(run.outputs.status).toBe('ok')
    expect(run.stdout).toContain('The expires-at value (2020-01-01T00:00:00.000Z) is not used')
  })

  it('missing scopes: fails listing them, and leaves the issue alone', async () => {
    const run = await check(KEY.readOnly, { 'required-scopes': 'flows:execute, runner:complete' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('ok')
    expect(JSON.parse(run.outputs['missing-scopes'])).toEqual(['flows:execute', 'runner:complete'])
    expect(run.stdout).toMatch(
      /^::error::The API key lacks 2 required scopes: flows:execute \(launch flow executions.*\); runner:complete/m
    )
    expect(run.stdout).toContain('ci preset')
    expect(run.summary).toContain('| Missing scopes | `flows:execute`, `runner:complete` |')
    expect(github.calls()).toEqual([])
  })

  it('fails for a key of another organization', async () => {
    const run = await check(KEY.otherOrg, { 'open-issue': 'false' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      'belongs to organization org_other, but organization-id is org_demo'
    )
  })

  it('rejects bad thresholds before sending anything, naming the input', async () => {
    sandbox.requestLog.clear()
    const bad = await check(KEY.ci, { 'warn-days': '2 weeks' })
    expect(bad.exitCode).toBe(1)
    expect(bad.stdout).toContain('Invalid warn-days: "2 weeks" is not a whole number of days')
    const order = await check(KEY.ci, { 'warn-days': '3', 'fail-days': '7' })
    expect(order.exitCode).toBe(1)
    expect(order.stdout).toContain('Invalid fail-days: 7 is greater than warn-days (3)')
    const date = await check(KEY.ci, { 'expires-at': 'next tuesday' })
    expect(date.stdout).toContain('Invalid expires-at: "next tuesday" is not a date')
    expect(sandbox.requestLog.entries()).toHaveLength(0)
    expect(github.calls()).toEqual([])
  })
})

describe('check-key action: the reminder issue', () => {
  it('updates the one issue in place on the next run, never a duplicate', async () => {
    const first = await check(KEY.expiringSoon)
    const second = await check(KEY.expiringSoon)
    expect(first.outputs['issue-number']).toBe('1')
    expect(second.outputs['issue-number']).toBe('1')
    expect(second.summary).toContain('| Reminder issue | Updated #1 |')
    expect(github.calls()).toEqual([
      `GET ${ISSUES}`,
      `POST ${ISSUES}`,
      `GET ${ISSUES}`,
      `PATCH ${ISSUES}/1`
    ])
    const update = github.requests[3].body as Record<string, unknown>
    expect(Object.keys(update).sort()).toEqual(['body', 'title'])
    expect(update.body).toContain(MARKER)
    expect(github.issues.filter((i) => i.state === 'open')).toHaveLength(1)
  })

  it('closes the issue with a comment once the key is healthy again', async () => {
    const issue = github.seed({
      title: 'Echopoint API key for org_demo expires in 4 days: rotate it',
      body: `${MARKER}\n\nold text`,
      labels: ['echopoint-key-expiry']
    })
    const run = await check(KEY.ci)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['issue-number']).toBe('')
    expect(run.summary).toContain(`| Reminder issue | Closed #${issue.number} |`)
    expect(github.calls()).toEqual([
      `GET ${ISSUES}`,
      `POST ${ISSUES}/${issue.number}/comments`,
      `PATCH ${ISSUES}/${issue.number}`
    ])
    expect(github.requests[1].body?.body).toMatch(
      /^The Echopoint API key of organization `org_demo` is healthy again: it is valid and expires on .* UTC \(in 89 days\)\. Closing this issue/
    )
    expect(github.requests[2].body).toEqual({ state: 'closed', state_reason: 'completed' })
    expect(issue.state).toBe('closed')
    expectNoLeak(run, KEY.ci)
  })

  it('finds its issue by the marker: another organization’s issue and pull requests are left alone', async () => {
    const other = github.seed({
      title: 'Echopoint API key for org_other expires in 2 days: rotate it',
      body: '<!-- echopoint-ci:key-expiry organization=org_other -->\n\ntext',
      labels: ['echopoint-key-expiry']
    })
    const unrelated = github.seed({
      title: 'Rotate keys',
      body: 'no marker here',
      labels: ['echopoint-key-expiry']
    })
    const pr = github.seed({
      title: 'A pull request quoting the marker',
      body: MARKER,
      labels: ['echopoint-key-expiry'],
      pull_request: true
    })
    const run = await check(KEY.expiringSoon)
    expect(run.outputs['issue-number']).toBe('4')
    expect(github.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`])
    for (const untouched of [other, unrelated, pr]) expect(untouched.state).toBe('open')
  })

  it('keeps exactly one open issue: a duplicate is closed in favour of the oldest', async () => {
    const keep = github.seed({ title: 't', body: MARKER, labels: ['echopoint-key-expiry'] })
    const copy = github.seed({ title: 't', body: MARKER, labels: ['echopoint-key-expiry'] })
    const run = await check(KEY.expiringSoon)
    expect(run.outputs['issue-number']).toBe(String(keep.number))
    expect(github.calls()).toEqual([
      `GET ${ISSUES}`,
      `PATCH ${ISSUES}/${keep.number}`,
      `POST ${ISSUES}/${copy.number}/comments`,
      `PATCH ${ISSUES}/${copy.number}`
    ])
    expect(copy.state).toBe('closed')
    expect(copy.comments).toEqual([`Duplicate of #${keep.number}, which tracks this key.`])
  })

  it('without issues: write, warns with the permissions block and still passes', async () => {
    github.mode = 'read-only'
    const run = await check(KEY.expiringSoon)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('expiring')
    expect(run.outputs['issue-number']).toBe('')
    expect(run.stdout).toMatch(
      /^::warning title=Echopoint%3A reminder issue::Could not update the reminder issue\. The github-token may not write issues in this repository \(HTTP 403: Resource not accessible by integration\)\. Add this to the workflow \(or the job\):%0Apermissions:%0A {2}issues: write$/m
    )
    expect(run.summary).toContain('```yaml\npermissions:\n  issues: write\n```')
    expect(github.calls()).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`])
    expect(github.issues).toHaveLength(0)
  })

  it('does not fail a failing check twice over: a 403 on everything is still only a warning', async () => {
    github.mode = 'forbidden'
    const run = await check(KEY.expired)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::The API key is invalid/m)
    expect(run.stdout).toContain('issues: write')
    expect(github.calls()).toEqual([`GET ${ISSUES}`])
  })

  it('open-issue: false writes no issue', async () => {
    const run = await check(KEY.expiringSoon, { 'open-issue': 'false' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['issue-number']).toBe('')
    expect(github.calls()).toEqual([])
  })
})
