/**
 * The bad-input catalogue: every case runs the real bundled action or CLI
 * against the real sandbox and must fail with a message that names the input,
 * the right step status or exit code, and not a single request sent.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { runAction, runCli, type DistRun } from '../__fixtures__/run-dist.js'
import { mapWithConcurrency } from '../src/core/pool.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

const FLOW = '12274271-06b2-43b7-b64a-de134439c37f'

/** What only the action says: workflow syntax, and its inputs' names without a CLI flag's dashes. */
const ACTION_FORM =
  /\$\{\{|secrets\.|vars\.|\b[a-z-]+: (true|false)\b|\(see shard\)|Raise timeout|(^|[^-\w])(api-key|organization-id|api-url|flow-ids|fail-on-empty|cancel-on-abort|junit-path|job-summary|max-parallel|poll-interval|match-mode|version-id|idempotency-key|fail-fast)\b/m

interface Case {
  label: string
  /** What the message must contain: the input's name as the user wrote it. */
  names: string
  run: () => Promise<DistRun>
  /** What the hint must say, in this front door's words, and what it must not. */
  says?: { must: string; mustNot: string }
}

function action(label: string, names: string, inputs: Record<string, string>): Case {
  return {
    label: `action: ${label}`,
    names,
    run: () =>
      runAction({
        'api-key': sandbox.apiKey,
        'organization-id': sandbox.organizationId,
        'api-url': sandbox.url,
        tags: 'smoke',
        ...inputs
      })
  }
}

function cli(label: string, names: string, args: string[], env: Record<string, string> = {}): Case {
  return {
    label: `cli: ${label}`,
    names,
    run: () =>
      runCli(args, {
        env: {
          ECHOPOINT_API_KEY: sandbox.apiKey,
          ECHOPOINT_ORGANIZATION_ID: sandbox.organizationId,
          ECHOPOINT_API_URL: sandbox.url,
          ...env
        }
      })
  }
}

const cases: Case[] = [
  action('missing api-key', 'api-key', { 'api-key': '' }),
  action('whitespace api-key', 'api-key', { 'api-key': '   ' }),
  action('api-key with a line feed', 'api-key', { 'api-key': 'epk_live_a\nepk_live_b' }),
  action('api-key with a carriage return', 'api-key', { 'api-key': 'epk_live_a\rb' }),
  action('api-key with a tab', 'api-key', { 'api-key': 'epk_live_a\tb' }),
  action('api-key with an escape character', 'api-key', { 'api-key': 'epk_live_\u001b[31m' }),
  action('missing organization-id', 'organization-id', { 'organization-id': '' }),
  action('whitespace organization-id', 'organization-id', { 'organization-id': ' \n ' }),
  action('both flow-ids and tags', 'flow-ids/tags', { 'flow-ids': FLOW }),
  action('neither flow-ids nor tags', 'flow-ids/tags', { tags: '' }),
  action('malformed flow id', 'flow-ids', { tags: '', 'flow-ids': 'abc/../def' }),
  action('flow id with spaces', 'flow-ids', { tags: '', 'flow-ids': 'my flow' }),
  action('match-mode not in its set', 'match-mode', { 'match-mode': 'most' }),
  action('runner not in its set', 'runner', { runner: 'lambda' }),
  action('timeout 0', 'timeout', { timeout: '0' }),
  action('negative timeout', 'timeout', { timeout: '-10' }),
  action('timeout not a duration', 'timeout', { timeout: 'ten minutes' }),
  action('timeout with an unknown unit', 'timeout', { timeout: '2d' }),
  action('max-parallel 0', 'max-parallel', { 'max-parallel': '0' }),
  action('max-parallel negative', 'max-parallel', { 'max-parallel': '-2' }),
  action('max-parallel not a number', 'max-parallel', { 'max-parallel': 'lots' }),
  action('poll-interval not a number', 'poll-interval', { 'poll-interval': 'sometimes' }),
  action('api-url not a URL', 'api-url', { 'api-url': 'api.echopoint' }),
  action('api-url http to a non-loopback host', 'api-url', {
    'api-url': 'http://api.echopoint.dev'
  }),
  action('api-url with credentials', 'api-url', { 'api-url': 'https://me:pw@api.echopoint.dev' }),
  action('api-url with a query string', 'api-url', { 'api-url': 'https://api.echopoint.dev/?x=1' }),
  action('api-url with another scheme', 'api-url', { 'api-url': 'ftp://api.echopoint.dev' }),
  action('fail-on-empty not a boolean', 'fail-on-empty', { 'fail-on-empty': 'sure' }),
  action('cancel-on-abort not a boolean', 'cancel-on-abort', { 'cancel-on-abort': 'y' }),
  action('fail-fast not a boolean', 'fail-fast', { 'fail-fast': 'maybe' }),
  action('job-summary not a boolean', 'job-summary', { 'job-summary': 'on' }),
  action('shard malformed', 'shard', { shard: 'first' }),
  action('shard out of range', 'shard', { shard: '3/2' }),
  action('idempotency-key too long', 'idempotency-key', { 'idempotency-key': 'x'.repeat(300) }),
  action('idempotency-key with a space', 'idempotency-key', { 'idempotency-key': 'my key' }),
  action('idempotency-key outside ASCII', 'idempotency-key', { 'idempotency-key': 'lauf-ä' }),
  action('timeout past the 24h bound (a 32-bit timer overflows)', 'timeout', { timeout: '597h' }),
  action('junit-path with a line feed', 'junit-path', {
    'junit-path': 'report.xml\n::error::forged'
  }),
  action('junit-path with a carriage return', 'junit-path', {
    'junit-path': 'report.xml\r::add-mask::passed'
  }),
  action('api-key outside ASCII', 'api-key', { 'api-key': 'epk_live_clé' }),
  action('organization-id outside ASCII', 'organization-id', { 'organization-id': 'org_dëmo' }),
  action('flow id that is not a UUID', 'flow-ids', { tags: '', 'flow-ids': 'flow_abc123' }),
  {
    ...action('version-id that is not a UUID', 'version-id', { 'version-id': 'v1' }),
    says: { must: 'or leave it empty to run the latest', mustNot: 'leave it out' }
  },
  cli('no selection', 'FLOW_ID/--tag', ['run']),
  cli('both ids and tags', 'FLOW_ID/--tag', ['run', FLOW, '--tag', 'smoke']),
  cli('missing key', '--api-key (or ECHOPOINT_API_KEY)', ['run', '--tag', 'smoke'], {
    ECHOPOINT_API_KEY: ''
  }),
  cli(
    'missing organization',
    '--organization-id (or ECHOPOINT_ORGANIZATION_ID)',
    ['run', '--tag', 'smoke'],
    {
      ECHOPOINT_ORGANIZATION_ID: ''
    }
  ),
  cli('http to a remote host', '--api-url', [
    'run',
    '--tag',
    'smoke',
    '--api-url',
    'http://example.com'
  ]),
  cli('bad --timeout', '--timeout', ['run', '--tag', 'smoke', '--timeout', '0']),
  cli('bad --max-parallel', '--max-parallel', ['run', '--tag', 'smoke', '--max-parallel', 'x']),
  cli('bad --match-mode', '--match-mode', ['run', '--tag', 'smoke', '--match-mode', 'none']),
  cli('bad --runner', '--runner', ['run', '--tag', 'smoke', '--runner', 'gpu']),
  cli('bad --shard', '--shard', ['run', '--tag', 'smoke', '--shard', '0/0']),
  cli('bad --output', '--output', ['run', '--tag', 'smoke', '--output', 'yaml']),
  cli('bad --poll-interval', '--poll-interval', ['run', '--tag', 'smoke', '--poll-interval', '0']),
  cli('unknown flag', '--tags', ['run', '--tags', 'smoke']),
  cli('--timeout past the bound', '--timeout', ['run', '--tag', 'smoke', '--timeout', '597h']),
  cli('--idempotency-key with a space', '--idempotency-key', [
    'run',
    '--tag',
    'smoke',
    '--idempotency-key',
    'my key'
  ]),
  cli('--junit with a line break', '--junit', ['run', '--tag', 'smoke', '--junit', 'a.xml\nb']),
  {
    ...cli('--version-id not a UUID', '--version-id', [
      'run',
      '--tag',
      'smoke',
      '--version-id',
      'v1'
    ]),
    // Nothing is "empty" at a terminal: a flag is given or left out.
    says: { must: 'or leave it out to run the latest', mustNot: 'leave it empty' }
  },
  cli('FLOW_ID not a UUID', 'FLOW_ID', ['run', 'flow_abc123']),
  cli(
    '--api-key with a line break',
    '--api-key (or ECHOPOINT_API_KEY)',
    ['run', '--tag', 'smoke'],
    {
      ECHOPOINT_API_KEY: 'epk_live_a\nb'
    }
  ),
  cli('--api-url with credentials', '--api-url', [
    'run',
    '--tag',
    'smoke',
    '--api-url',
    'https://me:pw@api.echopoint.dev'
  ]),
  cli('--tag with a control character', '--tag', ['run', '--tag', 'smo\u0007ke']),
  cli('--environment with a control character', '--environment', [
    'run',
    '--tag',
    'smoke',
    '--environment',
    'prod\u0007'
  ]),
  cli('--max-parallel past 100', '--max-parallel', [
    'run',
    '--tag',
    'smoke',
    '--max-parallel',
    '500'
  ]),
  cli('--shard malformed', '--shard', ['run', '--tag', 'smoke', '--shard', 'first']),
  cli('unknown flag of check-key', '--bogus', ['check-key', '--bogus']),
  cli('bad --warn-days', '--warn-days', ['check-key', '--warn-days', 'soon']),
  cli('--fail-days above --warn-days', '--fail-days', ['check-key', '--fail-days', '20']),
  cli('bad --expires-at', '--expires-at', ['check-key', '--expires-at', 'next week']),
  cli('bad --required-scopes', '--required-scopes', ['check-key', '--required-scopes', 'all']),
  cli('check-key without a key', '--api-key (or ECHOPOINT_API_KEY)', ['check-key'], {
    ECHOPOINT_API_KEY: ''
  }),
  cli('whoami with a bad --api-url', '--api-url', ['whoami', '--api-url', 'ftp://x']),
  cli(
    'flow pull without an organization',
    '--organization-id (or ECHOPOINT_ORGANIZATION_ID)',
    ['flow', 'pull', '12274271-06b2-43b7-b64a-de134439c37f'],
    { ECHOPOINT_ORGANIZATION_ID: '' }
  )
]

describe('the bad-input catalogue', () => {
  it(`has at least 60 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it('rejects every case: names the input, fails the step or exits 3, sends nothing', async () => {
    sandbox.requestLog.clear()
    const runs = await mapWithConcurrency(cases, 4, (c) => c.run())
    const problems: string[] = []
    cases.forEach((c, i) => {
      const run = runs[i] as DistRun
      const text = run.stdout + run.stderr
      const isAction = c.label.startsWith('action:')
      if (isAction) {
        if (run.exitCode !== 1)
          problems.push(`${c.label}: exit ${run.exitCode}, expected a failed step (1)`)
        if (!/^::error::/m.test(run.stdout))
          problems.push(`${c.label}: no ::error:: (setFailed) line`)
        if (run.outputs.status !== 'error')
          problems.push(`${c.label}: status output ${run.outputs.status}`)
      } else if (run.exitCode !== 3) {
        problems.push(`${c.label}: exit ${run.exitCode}, expected 3`)
      }
      if (!text.includes(c.names))
        problems.push(`${c.label}: message does not name ${c.names}: ${text.slice(0, 300)}`)
      if (c.says && !text.includes(c.says.must))
        problems.push(`${c.label}: does not say "${c.says.must}": ${text.slice(0, 300)}`)
      if (c.says && text.includes(c.says.mustNot))
        problems.push(`${c.label}: says "${c.says.mustNot}": ${text.slice(0, 300)}`)
      // Each front door in its own words: the CLI never shows the action's inputs or
      // workflow syntax, the action never a CLI flag.
      if (!isAction && ACTION_FORM.test(text))
        problems.push(`${c.label}: names an action input: ${text.slice(0, 300)}`)
      if (
        isAction &&
        /(^|\s)--[a-z]/m.test(
          run.stdout
            .split('\n')
            .filter((l) => l.startsWith('::error'))
            .join('\n')
        )
      )
        problems.push(`${c.label}: names a CLI flag: ${text.slice(0, 300)}`)
      if (!isAction && (run.stdout !== '' || run.stderr.trim().split('\n').length > 2))
        problems.push(`${c.label}: more than the usage error: ${text.slice(0, 300)}`)
      if (/\n\s+at .+:\d+:\d+/.test(text)) problems.push(`${c.label}: stack trace shown`)
    })
    expect(problems).toEqual([])
    // Not one request reached the sandbox.
    expect(sandbox.requestLog.entries()).toEqual([])
  })
})
