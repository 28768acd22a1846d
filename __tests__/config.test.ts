import { describe, expect, it } from '@jest/globals'
import { ACTION_INPUT_NAMES, resolveRunConfig, type RawRunInputs } from '../src/core/run/config.js'
import { splitList } from '../src/core/input-values.js'
import { ConfigError } from '../src/core/errors.js'
import { CLI_INPUT_NAMES } from '../src/cli/commands/run.js'
import { parseDuration, formatDuration } from '../src/core/duration.js'

const good: RawRunInputs = {
  apiKey: 'epk_live_abc',
  organizationId: 'org_abc123',
  tags: 'smoke'
}

function errorOf(raw: RawRunInputs): ConfigError {
  try {
    resolveRunConfig(raw, ACTION_INPUT_NAMES)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return err as ConfigError
  }
  throw new Error('expected a ConfigError')
}

describe('resolveRunConfig', () => {
  it('applies the documented defaults', () => {
    const config = resolveRunConfig(good)
    expect(config).toMatchObject({
      apiUrl: 'https://api.echopoint.dev',
      selection: { kind: 'tags', tags: ['smoke'], matchMode: 'any' },
      runner: 'cloud',
      timeoutMs: 15 * 60_000,
      pollInterval: 'auto',
      maxParallel: 4,
      failOnEmpty: true,
      cancelOnAbort: true,
      failFast: false,
      jobSummary: true
    })
    expect(config.shard).toBeUndefined()
    expect(config.idempotencyKey).toBeUndefined()
  })

  it('reads lists separated by commas and newlines, dropping blanks and duplicates', () => {
    expect(splitList('a, b\nc,,\n a ')).toEqual(['a', 'b', 'c'])
    const f1 = '12274271-06b2-43b7-b64a-de134439c37f'
    const f2 = '38397a93-100d-4a5c-a538-1e000c3127da'
    const config = resolveRunConfig({ ...good, tags: undefined, flowIds: `${f1}\n${f2}, ${f1}` })
    expect(config.selection).toEqual({ kind: 'ids', flowIds: [f1, f2] })
  })

  it('accepts every valid form', () => {
    const config = resolveRunConfig({
      ...good,
      apiUrl: 'http://127.0.0.1:4010/',
      matchMode: 'all',
      runner: 'self_hosted',
      timeout: '1h30m',
      pollInterval: '10',
      maxParallel: '8',
      shard: '2/3',
      failOnEmpty: 'false',
      jobSummary: 'FALSE',
      idempotencyKey: 'release-42'
    })
    expect(config).toMatchObject({
      apiUrl: 'http://127.0.0.1:4010',
      runner: 'self_hosted',
      timeoutMs: 5_400_000,
      pollInterval: 10_000,
      maxParallel: 8,
      shard: { index: 2, total: 3 },
      failOnEmpty: false,
      jobSummary: false,
      idempotencyKey: 'release-42'
    })
  })

  it('reads fail-fast as a boolean, off unless set', () => {
    expect(resolveRunConfig({ ...good, failFast: '' }).failFast).toBe(false)
    expect(resolveRunConfig({ ...good, failFast: 'true' }).failFast).toBe(true)
    expect(resolveRunConfig({ ...good, failFast: 'False' }).failFast).toBe(false)
    expect(resolveRunConfig({ ...good, failFast: true }).failFast).toBe(true)
  })

  // Each bad input names the input (as the user wrote it) and says what to do.
  const cases: [string, RawRunInputs, string, RegExp][] = [
    ['missing api-key', { ...good, apiKey: undefined }, 'api-key', /missing/],
    ['whitespace api-key', { ...good, apiKey: '   ' }, 'api-key', /missing or empty/],
    ['api-key with LF', { ...good, apiKey: 'epk_live_a\nb' }, 'api-key', /control character/],
    ['api-key with CR', { ...good, apiKey: 'epk_live_a\rb' }, 'api-key', /control character/],
    ['api-key with NUL', { ...good, apiKey: 'epk\u0000x' }, 'api-key', /control character/],
    ['api-key with a space', { ...good, apiKey: 'epk live' }, 'api-key', /space/],
    ['missing organization-id', { ...good, organizationId: '' }, 'organization-id', /missing/],
    ['both flow-ids and tags', { ...good, flowIds: 'f1' }, 'flow-ids/tags', /both/],
    ['neither flow-ids nor tags', { ...good, tags: ' , ' }, 'flow-ids/tags', /neither/],
    [
      'malformed flow id',
      { ...good, tags: undefined, flowIds: 'f1, ../etc' },
      'flow-ids',
      /is not a flow ID \(flow IDs are UUIDs/
    ],
    [
      'flow id with a query',
      { ...good, tags: undefined, flowIds: 'abc?x=1' },
      'flow-ids',
      /is not a flow ID \(flow IDs are UUIDs/
    ],
    ['bad match-mode', { ...good, matchMode: 'some' }, 'match-mode', /not one of any, all/],
    ['bad runner', { ...good, runner: 'lambda' }, 'runner', /not one of/],
    ['timeout 0', { ...good, timeout: '0' }, 'timeout', /greater than zero/],
    ['timeout 0s', { ...good, timeout: '0s' }, 'timeout', /greater than zero/],
    ['negative timeout', { ...good, timeout: '-5' }, 'timeout', /not a duration/],
    ['timeout not a duration', { ...good, timeout: 'soon' }, 'timeout', /not a duration/],
    ['timeout with unknown unit', { ...good, timeout: '3d' }, 'timeout', /not a duration/],
    ['timeout past the 24h bound', { ...good, timeout: '597h' }, 'timeout', /at most 24h/],
    [
      'flow id that is not a UUID',
      { ...good, tags: undefined, flowIds: 'flow_abc123' },
      'flow-ids',
      /"flow_abc123" is not a flow ID/
    ],
    [
      'version-id that is not a UUID',
      { ...good, versionId: 'v2' },
      'version-id',
      /not a version ID/
    ],
    [
      'idempotency-key with a space',
      { ...good, idempotencyKey: 'my key' },
      'idempotency-key',
      /printable ASCII without spaces/
    ],
    [
      'junit-path with a line break',
      { ...good, junitPath: 'a.xml\n::error::x' },
      'junit-path',
      /line break or control character/
    ],
    ['api-key outside ASCII', { ...good, apiKey: 'epk_live_clé' }, 'api-key', /printable ASCII/],
    [
      'organization-id outside ASCII',
      { ...good, organizationId: 'org_ü' },
      'organization-id',
      /outside printable ASCII/
    ],
    ['max-parallel 0', { ...good, maxParallel: '0' }, 'max-parallel', /at least 1/],
    ['max-parallel negative', { ...good, maxParallel: '-1' }, 'max-parallel', /not a whole number/],
    ['max-parallel text', { ...good, maxParallel: 'four' }, 'max-parallel', /not a whole number/],
    [
      'max-parallel fraction',
      { ...good, maxParallel: '2.5' },
      'max-parallel',
      /not a whole number/
    ],
    ['max-parallel huge', { ...good, maxParallel: '1000' }, 'max-parallel', /at most 100/],
    ['poll-interval text', { ...good, pollInterval: 'often' }, 'poll-interval', /auto or a number/],
    ['poll-interval 0', { ...good, pollInterval: '0' }, 'poll-interval', /between 1 and 300/],
    ['api-url not a URL', { ...good, apiUrl: 'not a url' }, 'api-url', /./],
    [
      'api-url http to a remote host',
      { ...good, apiUrl: 'http://api.echopoint.dev' },
      'api-url',
      /only allowed to a local server/
    ],
    [
      'api-url with credentials',
      { ...good, apiUrl: 'https://user:pw@api.echopoint.dev' },
      'api-url',
      /./
    ],
    [
      'api-url with a query string',
      { ...good, apiUrl: 'https://api.echopoint.dev/?key=1' },
      'api-url',
      /./
    ],
    [
      'fail-on-empty not boolean',
      { ...good, failOnEmpty: 'yes' },
      'fail-on-empty',
      /not a boolean/
    ],
    [
      'cancel-on-abort not boolean',
      { ...good, cancelOnAbort: 'maybe' },
      'cancel-on-abort',
      /not a boolean/
    ],
    ['fail-fast not boolean', { ...good, failFast: 'maybe' }, 'fail-fast', /not a boolean/],
    ['job-summary not boolean', { ...good, jobSummary: '1' }, 'job-summary', /not a boolean/],
    ['shard malformed', { ...good, shard: '1-3' }, 'shard', /i\/n/],
    ['shard out of range', { ...good, shard: '4/3' }, 'shard', /out of range/],
    ['shard zero', { ...good, shard: '0/3' }, 'shard', /out of range/],
    [
      'idempotency-key too long',
      { ...good, idempotencyKey: 'k'.repeat(256) },
      'idempotency-key',
      /at most 255/
    ],
    [
      'idempotency-key non-ASCII',
      { ...good, idempotencyKey: 'clé' },
      'idempotency-key',
      /HTTP header/
    ]
  ]

  it.each(cases)('rejects %s', (_label, raw, input, pattern) => {
    const error = errorOf(raw)
    expect(error.input).toBe(input)
    expect(error.kind).toBe('config')
    expect(error.message).toContain(input)
    expect(error.message).toMatch(pattern)
    expect(error.userMessage.length).toBeGreaterThan(error.message.length) // says what to do
  })

  // The same rules at the CLI, in its words: its flags and variables, never the
  // action's inputs or workflow syntax; and the action never names a CLI flag.
  const ACTION_FORM =
    /\$\{\{|secrets\.|vars\.|\b[a-z-]+: (true|false)\b|\(see shard\)|comma- or newline|(^|[^-\w])(api-key|organization-id|api-url|flow-ids|fail-on-empty|cancel-on-abort|junit-path|max-parallel|poll-interval|match-mode|version-id|idempotency-key)\b/m
  // Booleans are flags at the CLI: they cannot be given a word to reject.
  const cliCases = cases.filter(([label]) => !label.endsWith('not boolean'))

  it.each(cliCases)('rejects %s at the CLI in its own words', (_label, raw) => {
    let error: ConfigError | undefined
    try {
      resolveRunConfig(raw, CLI_INPUT_NAMES, 'cli')
    } catch (err) {
      error = err as ConfigError
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect(error?.input).toMatch(/^(--|FLOW_ID)/)
    expect(error?.userMessage).not.toMatch(ACTION_FORM)
  })

  it.each(cases)('rejects %s in the action with its inputs, no CLI flag', (_label, raw) => {
    const error = errorOf(raw)
    expect(error.userMessage).not.toMatch(/(^|\s)--[a-z]|ECHOPOINT_API_KEY environment|FLOW_ID/)
  })

  it('tells each front door how to give what is missing', () => {
    const cli = (raw: RawRunInputs): string => {
      try {
        resolveRunConfig(raw, CLI_INPUT_NAMES, 'cli')
      } catch (err) {
        return (err as ConfigError).userMessage
      }
      throw new Error('expected a ConfigError')
    }
    expect(errorOf({ ...good, apiKey: '' }).userMessage).toContain(
      'for example api-key: ${{ secrets.ECHOPOINT_API_KEY }}'
    )
    expect(cli({ ...good, apiKey: '' })).toContain('Set the ECHOPOINT_API_KEY environment variable')
    expect(errorOf({ ...good, organizationId: '' }).userMessage).toContain(
      'organization-id: ${{ vars.ECHOPOINT_ORGANIZATION_ID }}'
    )
    expect(cli({ ...good, organizationId: '' })).toContain(
      'Set the ECHOPOINT_ORGANIZATION_ID environment variable or pass --organization-id'
    )
    expect(errorOf({ ...good, tags: '' }).userMessage).toContain(
      'Set flow-ids to flow IDs, or tags to tags, comma- or newline-separated.'
    )
    expect(cli({ ...good, tags: [] })).toBe(
      'Invalid FLOW_ID/--tag: neither is set. Give flow IDs as arguments (echopoint-ci run FLOW_ID...), or select flows with --tag TAG (repeatable).'
    )
    expect(cli({ ...good, timeout: '25h' })).toContain('(see --shard)')
    expect(errorOf({ ...good, timeout: '25h' }).userMessage).toContain('(see shard)')
    // A flag is left out at a terminal; an input is left empty in a workflow.
    const badVersion = { ...good, versionId: 'nope' }
    expect(cli(badVersion)).toBe(
      'Invalid --version-id: "nope" is not a version ID (version IDs are UUIDs). Copy the ID of the published version from Echopoint, or leave it out to run the latest.'
    )
    expect(errorOf(badVersion).userMessage).toContain(
      'Copy the ID of the published version from Echopoint, or leave it empty to run the latest.'
    )
    expect(errorOf(badVersion).userMessage).not.toContain('leave it out')
  })

  it('keeps the names and the front door in the config, for the messages of the run', () => {
    expect(resolveRunConfig(good)).toMatchObject({ names: ACTION_INPUT_NAMES, surface: 'action' })
    expect(resolveRunConfig(good, CLI_INPUT_NAMES, 'cli')).toMatchObject({
      names: CLI_INPUT_NAMES,
      surface: 'cli'
    })
  })

  it('never echoes the key in its errors', () => {
    const error = errorOf({ ...good, apiKey: 'epk_live_SECRET\nmore' })
    expect(error.userMessage).not.toContain('SECRET')
  })
})

describe('durations', () => {
  it.each([
    ['900', 900_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    [' 2M ', 120_000]
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', 'abc', '-1', '1d', '1 h', 'h1'])('rejects %p', (text) =>
    expect(parseDuration(text)).toBeUndefined()
  )

  it('formats for people', () => {
    expect(formatDuration(812)).toBe('812ms')
    expect(formatDuration(2_500)).toBe('2.5s')
    expect(formatDuration(90_500)).toBe('1m 31s')
    expect(formatDuration(3_600_000)).toBe('1h')
  })
})
