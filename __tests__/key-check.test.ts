/**
 * The key-expiry check's logic at fixed times: inputs, thresholds, the order of
 * expiry sources, statuses, and what the reminder issue and summary say.
 */
import { describe, expect, it } from '@jest/globals'
import type { EchopointApi } from '../src/core/api/api.js'
import type { ApiKeySelf } from '../src/core/api/types.js'
import { EchopointError, ConfigError } from '../src/core/errors.js'
import {
  checkKey,
  describeExpiry,
  evaluateKey,
  expiryDate,
  failedCheckResult,
  invalidKeyResult,
  type KeyCheckRules
} from '../src/core/key/check.js'
import {
  KEY_CHECK_ACTION_INPUT_NAMES,
  parseExpiresAt,
  resolveKeyCheckConfig,
  type RawKeyCheckInputs
} from '../src/core/key/check-config.js'
import { DAY_MS } from '../src/core/key/expiry.js'
import { keyReport } from '../src/core/key/whoami.js'
import { silentLogger } from '../src/core/logger.js'
import type { KeyInfo } from '../src/core/run/preflight.js'
import { CHECK_KEY_CLI_INPUT_NAMES } from '../src/cli/commands/check-key.js'
import {
  closingComment,
  reminderBody,
  reminderMarker,
  reminderTitle
} from '../src/github/check-key/reminder-text.js'
import { renderKeyCheckSummary } from '../src/github/check-key/summary.js'
import { describeGithubError } from '../src/github/check-key/reminder-issue.js'

const NOW = Date.parse('2026-03-01T12:00:00.000Z')
const at = (ms: number): string => new Date(NOW + ms).toISOString()

const RULES: KeyCheckRules = {
  organizationId: 'org_abc',
  warnDays: 14,
  failDays: 3,
  requiredScopes: ['flows:execute'],
  names: KEY_CHECK_ACTION_INPUT_NAMES
}

function key(overrides: Partial<ApiKeySelf> = {}): ApiKeySelf {
  return {
    api_key_id: 'key_1',
    organization_id: 'org_abc',
    permissions: ['flows:read', 'flows:execute', 'runner:complete'],
    name: 'CI',
    ...overrides
  }
}

function fromBody(expiresAt: string | null, overrides: Partial<ApiKeySelf> = {}): KeyInfo {
  return {
    key: key({ ...overrides, expires_at: expiresAt }),
    expiresAt,
    expiresAtSource: 'api-keys/self'
  }
}

const UNKNOWN: KeyInfo = { key: key(), expiresAt: undefined }

function configError(raw: RawKeyCheckInputs, names = KEY_CHECK_ACTION_INPUT_NAMES): ConfigError {
  try {
    resolveKeyCheckConfig({ apiKey: 'epk_live_x', organizationId: 'org_abc', ...raw }, names)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return err as ConfigError
  }
  throw new Error('expected a ConfigError')
}

describe('resolveKeyCheckConfig', () => {
  it('applies the defaults of check-key/action.yml', () => {
    const config = resolveKeyCheckConfig({ apiKey: 'epk_live_x', organizationId: 'org_abc' })
    expect(config).toMatchObject({
      apiUrl: 'https://api.echopoint.dev',
      warnDays: 14,
      failDays: 3,
      requiredScopes: ['flows:execute']
    })
    expect(config.expiresAtInput).toBeUndefined()
  })

  it('reads thresholds, scopes and the expiry date', () => {
    const config = resolveKeyCheckConfig({
      apiKey: 'epk_live_x',
      organizationId: 'org_abc',
      warnDays: ' 30 ',
      failDays: '0',
      requiredScopes: 'flows:execute,\nflows:read, flows:execute',
      expiresAt: '2026-04-01'
    })
    expect(config).toMatchObject({
      warnDays: 30,
      failDays: 0,
      requiredScopes: ['flows:execute', 'flows:read'],
      expiresAtInput: '2026-04-01T00:00:00.000Z'
    })
    expect(
      resolveKeyCheckConfig({ apiKey: 'k', organizationId: 'o', warnDays: '3', failDays: '3' })
        .failDays
    ).toBe(3)
  })

  it('names the bad input and says what to use', () => {
    for (const warnDays of ['abc', '-1', '1.5', '2 weeks']) {
      const err = configError({ warnDays })
      expect(err.input).toBe('warn-days')
      expect(err.userMessage).toContain('Use a whole number of days, 0 or more')
    }
    const order = configError({ warnDays: '5', failDays: '7' })
    expect(order.message).toBe('Invalid fail-days: 7 is greater than warn-days (5)')
    expect(configError({ failDays: 'x' }).input).toBe('fail-days')
    expect(configError({ expiresAt: 'tomorrow' }).input).toBe('expires-at')
    expect(configError({ requiredScopes: 'flows' }).input).toBe('required-scopes')
    expect(configError({ apiKey: '' }).input).toBe('api-key')
    expect(configError({ organizationId: ' ' }).input).toBe('organization-id')
    expect(configError({ apiUrl: 'http://example.com' }).input).toBe('api-url')
    expect(configError({ warnDays: 'x' }, CHECK_KEY_CLI_INPUT_NAMES).message).toContain(
      'Invalid --warn-days'
    )
  })

  it('never echoes the key in an error', () => {
    const err = configError({ apiKey: 'epk_live_secret\nvalue' })
    expect(err.userMessage).not.toContain('epk_live_secret')
  })
})

describe('parseExpiresAt', () => {
  it('accepts a date (midnight UTC) or an RFC 3339 date-time, and returns UTC', () => {
    expect(parseExpiresAt('expires-at', '2026-03-31')).toBe('2026-03-31T00:00:00.000Z')
    expect(parseExpiresAt('expires-at', '2026-03-31T12:30:00Z')).toBe('2026-03-31T12:30:00.000Z')
    expect(parseExpiresAt('expires-at', '2026-03-31T12:30:00.5+02:00')).toBe(
      '2026-03-31T10:30:00.500Z'
    )
    expect(parseExpiresAt('expires-at', '2028-02-29')).toBe('2028-02-29T00:00:00.000Z')
  })

  it('refuses what is not a calendar date with a time zone', () => {
    for (const text of [
      '2026-02-30',
      '2026-13-01',
      '31/03/2026',
      '2026-03-31T12:00:00',
      '2026-03-31T25:00:00Z',
      '1711843200'
    ]) {
      expect(() => parseExpiresAt('expires-at', text)).toThrow(
        /Invalid expires-at: .* is not a date/
      )
    }
  })
})

describe('evaluateKey at a fixed time', () => {
  it('ok: more than warn-days left; the reminder issue is closed', () => {
    const result = evaluateKey(fromBody(at(90 * DAY_MS)), RULES, NOW)
    expect(result).toMatchObject({
      status: 'ok',
      passed: true,
      daysLeft: 90,
      expiresAtSource: 'api-keys/self',
      keyId: 'key_1',
      keyName: 'CI',
      missingScopes: [],
      reminder: 'close'
    })
    expect(result.headline).toBe(
      'The API key is valid and expires on 30 May 2026, 12:00 UTC (in 90 days)'
    )
    expect(result.messages).toEqual([
      { level: 'info', text: 'Expiry from the expires_at field of GET /api-keys/self.' }
    ])
  })

  it('rounds days left down and warns once fewer than warn-days are left', () => {
    const exactly14 = evaluateKey(fromBody(at(14 * DAY_MS)), RULES, NOW)
    expect(exactly14).toMatchObject({ status: 'ok', daysLeft: 14 })
    const under14 = evaluateKey(fromBody(at(14 * DAY_MS - 1)), RULES, NOW)
    expect(under14).toMatchObject({
      status: 'expiring',
      daysLeft: 13,
      passed: true,
      reminder: 'open'
    })
    expect(under14.messages[0]).toEqual({
      level: 'warning',
      text: 'The API key expires on 15 Mar 2026, 11:59 UTC (in 13 days), fewer days than warn-days (14). Rotate it before then: the check fails once fewer than 3 days are left.'
    })
  })

  it('fails once fewer than fail-days are left', () => {
    expect(evaluateKey(fromBody(at(3 * DAY_MS)), RULES, NOW)).toMatchObject({
      status: 'expiring',
      daysLeft: 3,
      passed: true
    })
    const under3 = evaluateKey(fromBody(at(3 * DAY_MS - 1)), RULES, NOW)
    expect(under3).toMatchObject({ status: 'expiring', daysLeft: 2, passed: false })
    expect(under3.messages[0]).toEqual({
      level: 'error',
      text: 'The API key expires on 4 Mar 2026, 11:59 UTC (in 2 days), fewer days than fail-days (3). Rotate it now.'
    })
  })

  it('with fail-days 0 fails only once the key has expired', () => {
    const rules = { ...RULES, failDays: 0 }
    expect(evaluateKey(fromBody(at(1)), rules, NOW)).toMatchObject({
      status: 'expiring',
      daysLeft: 0,
      passed: true
    })
    expect(evaluateKey(fromBody(at(0)), rules, NOW)).toMatchObject({
      status: 'expired',
      daysLeft: 0,
      passed: false
    })
  })

  it('expired: negative days left, fails, keeps the issue open', () => {
    const result = evaluateKey(fromBody(at(-1.5 * DAY_MS)), RULES, NOW)
    expect(result).toMatchObject({
      status: 'expired',
      daysLeft: -2,
      passed: false,
      reminder: 'open'
    })
    expect(result.messages[0].text).toBe(
      'The API key expired on 28 Feb 2026, 00:00 UTC (1 day ago). Rotate it now.'
    )
    const justNow = evaluateKey(fromBody(at(-60_000)), RULES, NOW)
    expect(justNow.headline).toContain('(less than a day ago)')
  })

  it('never expires: passes with a warning recommending an expiration date', () => {
    const result = evaluateKey(fromBody(null), RULES, NOW)
    expect(result).toMatchObject({ status: 'ok', passed: true, expiresAt: null, reminder: 'close' })
    expect(result.daysLeft).toBeUndefined()
    expect(result.messages).toEqual([
      expect.objectContaining({
        level: 'warning',
        text: expect.stringMatching(/^The API key never expires\. .*an expiration date/)
      })
    ])
  })

  it('unknown: passes with a notice on how to supply expires-at; the issue is left alone', () => {
    const result = evaluateKey(UNKNOWN, RULES, NOW)
    expect(result).toMatchObject({ status: 'unknown', passed: true, reminder: 'leave' })
    expect(result.messages).toEqual([
      expect.objectContaining({
        level: 'notice',
        text: expect.stringContaining('Set expires-at to the date shown in Echopoint')
      })
    ])
    expect(result.messages[0].text).toContain(
      'expires-at: ${{ vars.ECHOPOINT_API_KEY_EXPIRES_AT }}'
    )
    // The CLI's words: its flag, no workflow syntax.
    const cli = evaluateKey(
      UNKNOWN,
      { ...RULES, names: CHECK_KEY_CLI_INPUT_NAMES, surface: 'cli' },
      NOW
    )
    expect(cli.messages[0].text).toBe(
      'The API does not report when this key expires. Pass --expires-at with the date shown in Echopoint (Settings → API keys), for example --expires-at 2026-03-31.'
    )
  })

  it('takes the expiry from the body, then the header, then the input, and says which', () => {
    const input = at(20 * DAY_MS)
    const rules = { ...RULES, expiresAtInput: input }
    const body = evaluateKey(fromBody(at(30 * DAY_MS)), rules, NOW, at(40 * DAY_MS))
    expect(body).toMatchObject({ expiresAtSource: 'api-keys/self', daysLeft: 30 })
    expect(body.messages.map((m) => m.text)).toContain(
      `The expires-at value (${input}) is not used: the API reports the expiry itself.`
    )
    const headerInfo: KeyInfo = {
      key: key(),
      expiresAt: at(40 * DAY_MS),
      expiresAtSource: 'header'
    }
    expect(evaluateKey(headerInfo, rules, NOW)).toMatchObject({
      expiresAtSource: 'header',
      daysLeft: 40
    })
    const fromInput = evaluateKey(UNKNOWN, rules, NOW)
    expect(fromInput).toMatchObject({ expiresAtSource: 'input', daysLeft: 20, status: 'ok' })
    expect(fromInput.messages.map((m) => m.text)).toContain('Expiry from the expires-at input.')
    // A never-expiring key stays never-expiring even if someone set expires-at.
    expect(evaluateKey(fromBody(null), rules, NOW)).toMatchObject({ expiresAt: null })
  })

  it('ignores an unreadable expires_at in the body and falls back to the header', () => {
    const result = evaluateKey(fromBody('soon'), RULES, NOW, at(10 * DAY_MS))
    expect(result).toMatchObject({ expiresAtSource: 'header', daysLeft: 10, status: 'expiring' })
    expect(result.messages.map((m) => m.level)).toContain('warning')
  })

  it('fails when required scopes are missing, listing each with what it allows', () => {
    const info = fromBody(at(90 * DAY_MS), { permissions: ['flows:read'] })
    const rules = { ...RULES, requiredScopes: ['flows:execute', 'runner:complete'] }
    const result = evaluateKey(info, rules, NOW)
    expect(result).toMatchObject({
      status: 'ok',
      passed: false,
      missingScopes: ['flows:execute', 'runner:complete'],
      reminder: 'leave'
    })
    expect(result.messages[0]).toEqual({
      level: 'error',
      text: 'The API key lacks 2 required scopes: flows:execute (launch flow executions (and cancel them)); runner:complete (report results through the older ephemeral completion endpoint). Create a key with the ci preset (it has every scope CI needs) and update the ECHOPOINT_API_KEY secret.'
    })
    // Expiring and missing a scope: both reported, the issue still opened.
    const both = evaluateKey(fromBody(at(5 * DAY_MS), { permissions: [] }), RULES, NOW)
    expect(both).toMatchObject({ status: 'expiring', passed: false, reminder: 'open' })
  })

  it('fails for a key of another organization', () => {
    const result = evaluateKey(
      fromBody(at(90 * DAY_MS), { organization_id: 'org_zzz' }),
      RULES,
      NOW
    )
    expect(result.passed).toBe(false)
    expect(result.messages[0].text).toBe(
      'The API key belongs to organization org_zzz, but organization-id is org_abc. Use the organization the key was created in.'
    )
  })
})

describe('checkKey against an API', () => {
  const config = resolveKeyCheckConfig({ apiKey: 'epk_live_x', organizationId: 'org_abc' })
  const clock = { now: () => NOW, sleep: async () => undefined }
  function api(getKeySelf: () => Promise<ApiKeySelf>, header?: string): EchopointApi {
    return { getKeySelf, keyExpiresAtHeader: header } as unknown as EchopointApi
  }

  it('a 401 is invalid, fails, and keeps the reminder issue open', async () => {
    const result = await checkKey(config, {
      clock,
      logger: silentLogger,
      api: api(async () => {
        throw new EchopointError('auth', 'Invalid API key', { status: 401 })
      })
    })
    expect(result).toEqual(invalidKeyResult())
    expect(result).toMatchObject({ status: 'invalid', passed: false, reminder: 'open' })
    expect(result.messages[0].text).toMatch(
      /^The API key is invalid, revoked or expired \(HTTP 401\)\. Create a new key with the ci preset/
    )
  })

  it('any other failure fails the check without touching the issue', async () => {
    const result = await checkKey(config, {
      clock,
      logger: silentLogger,
      api: api(async () => {
        throw new EchopointError('server', 'The API answered 503', { status: 503 })
      })
    })
    expect(result).toMatchObject({ status: 'unknown', passed: false, reminder: 'leave' })
    expect(result.error?.kind).toBe('server')
  })

  it('reads the header the client saw when the body has no expires_at', async () => {
    const result = await checkKey(config, {
      clock,
      logger: silentLogger,
      api: api(async () => key(), at(6 * DAY_MS))
    })
    expect(result).toMatchObject({ status: 'expiring', daysLeft: 6, expiresAtSource: 'header' })
  })
})

describe('the reminder issue text', () => {
  const expiring = evaluateKey(fromBody(at(4.5 * DAY_MS)), RULES, NOW)
  const ctx = {
    organizationId: 'org_abc',
    result: expiring,
    now: NOW,
    failDays: 3,
    runUrl: 'https://github.com/acme/shop/actions/runs/42'
  }

  it('carries a hidden marker per organization that cannot end the comment', () => {
    expect(reminderMarker('org_abc')).toBe('<!-- echopoint-ci:key-expiry organization=org_abc -->')
    expect(reminderMarker('a --> b')).toBe(
      '<!-- echopoint-ci:key-expiry organization=a%20--%3E%20b -->'
    )
    expect(reminderMarker('org_abc')).not.toBe(reminderMarker('org_abd'))
  })

  it('says what is wrong in the title', () => {
    expect(reminderTitle(ctx)).toBe('Echopoint API key for org_abc expires in 4 days: rotate it')
    expect(reminderTitle({ ...ctx, result: invalidKeyResult() })).toBe(
      'Echopoint API key for org_abc is invalid, revoked or expired'
    )
    const expired = evaluateKey(fromBody(at(-DAY_MS)), RULES, NOW)
    expect(reminderTitle({ ...ctx, result: expired })).toBe(
      'Echopoint API key for org_abc has expired'
    )
  })

  it('has the marker first, when the key expires (a readable date), the rotation steps and the run', () => {
    const body = reminderBody(ctx)
    expect(body.split('\n')[0]).toBe(reminderMarker('org_abc'))
    expect(body).toContain('expires on 6 Mar 2026, 00:00 UTC (in 4 days)')
    // Said once: no separate days-left line, no raw timestamp.
    expect(body).not.toContain('Days left')
    expect(body).not.toContain(at(4.5 * DAY_MS))
    expect(body).toMatch(/^1\. In Echopoint/m)
    expect(body).toMatch(/^4\. Delete the old key in Echopoint\.$/m)
    expect(body).toContain(
      '<sub>Last checked 1 Mar 2026, 12:00 UTC by [this workflow run](https://github.com/acme/shop/actions/runs/42).</sub>'
    )
  })

  it('escapes a key name so it cannot inject markup', () => {
    const named = evaluateKey(
      fromBody(at(4.5 * DAY_MS), { name: '<img src=x> [link](http://evil) `code`' }),
      RULES,
      NOW
    )
    const body = reminderBody({ ...ctx, result: named })
    expect(body).toContain('&lt;img src=x&gt; \\[link\\](http://evil) \\`code\\`')
    expect(renderKeyCheckSummary(named, { now: NOW })).not.toContain('<img')
  })

  it('closes with a comment saying the key is healthy again', () => {
    const ok = evaluateKey(fromBody(at(90 * DAY_MS)), RULES, NOW)
    expect(closingComment({ ...ctx, result: ok })).toBe(
      'The Echopoint API key of organization `org_abc` is healthy again: it is valid and expires on 30 May 2026, 12:00 UTC (in 90 days). Closing this issue ([workflow run](https://github.com/acme/shop/actions/runs/42)).'
    )
  })

  it('turns GitHub errors into warnings that say what to do', () => {
    const forbidden = Object.assign(
      new Error(
        'Resource not accessible by integration - https://docs.github.com/rest/issues/issues#create-an-issue'
      ),
      { status: 403 }
    )
    expect(describeGithubError(forbidden)).toBe(
      'The github-token may not write issues in this repository (HTTP 403: Resource not accessible by integration). Add this to the workflow (or the job):\npermissions:\n  issues: write'
    )
    expect(describeGithubError(Object.assign(new Error('Gone'), { status: 410 }))).toContain(
      'Issues are disabled'
    )
    expect(describeGithubError(new Error('socket hang up'))).toBe(
      'GitHub answered with an error: socket hang up'
    )
  })
})

describe('the job summary', () => {
  it('shows the status, expiry, source, key and scopes, and the steps when rotation is due', () => {
    const result = evaluateKey(fromBody(at(4.5 * DAY_MS)), RULES, NOW)
    const summary = renderKeyCheckSummary(result, {
      now: NOW,
      reminder: { action: 'created', number: 7 }
    })
    expect(summary).toContain('## ⚠️ Echopoint key check: The API key expires on')
    expect(summary).toContain('| Status | `expiring` |')
    // A date people read, with how far off it is; the raw timestamp stays in the outputs.
    expect(summary).toContain('| Expires | 6 Mar 2026, 00:00 UTC (in 4 days) |')
    expect(summary).not.toContain(at(4.5 * DAY_MS))
    expect(summary).not.toContain('Days left')
    expect(summary).toContain('| Key | `key_1` (CI) |')
    expect(summary).toContain('| Reminder issue | Opened #7 |')
    expect(summary).toContain('### Rotate the key')
    const ok = renderKeyCheckSummary(evaluateKey(fromBody(at(90 * DAY_MS)), RULES, NOW), {
      now: NOW
    })
    expect(ok).toContain('## ✅ Echopoint key check')
    expect(ok).not.toContain('Rotate the key')
  })

  it('has no blank header row in any outcome', () => {
    const outcomes = [
      evaluateKey(fromBody(at(90 * DAY_MS)), RULES, NOW),
      evaluateKey(fromBody(at(4.5 * DAY_MS)), RULES, NOW),
      evaluateKey(fromBody(at(-DAY_MS)), RULES, NOW),
      evaluateKey(fromBody(null), RULES, NOW),
      evaluateKey(UNKNOWN, RULES, NOW),
      invalidKeyResult(),
      failedCheckResult(new EchopointError('network', 'GET /api-keys/self failed'))
    ]
    for (const result of outcomes) {
      const lines = renderKeyCheckSummary(result, { now: NOW }).split('\n')
      // Every table's first row (the line before its | --- | row) names its columns.
      lines.forEach((line, i) => {
        if (!/^\|( --- \|)+$/.test(line)) return
        const cells = lines[i - 1].split('|').slice(1, -1)
        expect(cells.map((c) => c.trim()).every((c) => c !== '')).toBe(true)
      })
      expect(lines).toContain('| Field | Value |')
      expect(lines.filter((l) => /^\|\s*\|/.test(l))).toEqual([])
    }
  })
})

describe('expiry dates people read', () => {
  it('gives the day, month, year and UTC time, and how far off it is in whole days', () => {
    expect(expiryDate('2026-12-31T00:00:00Z', Date.parse('2026-12-02T00:00:00Z'))).toBe(
      '31 Dec 2026, 00:00 UTC (in 29 days)'
    )
    expect(expiryDate('2026-12-31T00:00:00Z', Date.parse('2026-12-29T23:00:00Z'))).toBe(
      '31 Dec 2026, 00:00 UTC (in 1 day)'
    )
    expect(expiryDate('2027-01-01T09:05:00+02:00', Date.parse('2027-01-01T00:00:00Z'))).toBe(
      '1 Jan 2027, 07:05 UTC (in less than a day)'
    )
    expect(expiryDate('2026-03-01T00:00:00Z', Date.parse('2026-03-01T06:00:00Z'))).toBe(
      '1 Mar 2026, 00:00 UTC (less than a day ago)'
    )
    expect(expiryDate('2026-02-27T00:00:00Z', Date.parse('2026-03-01T06:00:00Z'))).toBe(
      '27 Feb 2026, 00:00 UTC (2 days ago)'
    )
    expect(describeExpiry('2026-12-31T00:00:00Z', Date.parse('2026-12-02T00:00:00Z'))).toBe(
      'on 31 Dec 2026, 00:00 UTC (in 29 days)'
    )
  })
})

describe('keyReport (whoami)', () => {
  it('lists every CI mode with what the key lacks for it', () => {
    const report = keyReport(fromBody(at(10 * DAY_MS), { permissions: ['flows:read'] }), NOW)
    expect(report).toMatchObject({
      key_id: 'key_1',
      key_name: 'CI',
      expires_at_source: 'api-keys/self',
      days_left: 10,
      never_expires: false
    })
    expect(report.modes.map((m) => [m.mode, m.can_run, m.missing_scopes])).toEqual([
      ['ids-ephemeral', false, ['flows:execute']],
      ['tags-ephemeral', false, ['flows:execute']],
      ['polling', false, ['flows:execute']],
      ['inventory', true, []]
    ])
    expect(keyReport(fromBody(null), NOW)).toMatchObject({
      expires_at: null,
      never_expires: true,
      days_left: null
    })
  })
})
