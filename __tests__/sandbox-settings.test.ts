/**
 * The sandbox's settings have one validator: sandbox/fixtures.schema.json (plus the
 * rules it cannot state) checks fixtures files, their `server:` section,
 * `startSandbox` options and the CLI's flags. These tests keep the schema in step
 * with the names the code knows, and check that each source's errors name the
 * field as that source writes it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { sandboxOptionsFromFlags, type SandboxFlags } from '../src/cli/commands/sandbox.js'
import { ConfigError } from '../src/core/errors.js'
import { API_KEY_PATTERN } from '../src/sandbox/auth.js'
import { allRoutes } from '../src/sandbox/routes/index.js'
import { compileSchema, FIXTURES_SCHEMA } from '../src/sandbox/settings/schema.js'
import {
  defaultFixtures,
  defaultFixturesPath,
  FixtureError,
  HEADER_STYLES,
  loadFixtures,
  MAX_SLOW_MS,
  mergeServerConfig,
  ROUTE_BUCKETS,
  ROUTE_IDS,
  ROUTE_METHODS,
  serverSectionIssue,
  startSandbox,
  type SandboxFixtures
} from '../src/sandbox/index.js'

// The schema is read as plain JSON here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const definitions = FIXTURES_SCHEMA.definitions as Record<string, any>

/** The FixtureError `loadFixtures` throws for `fixtures`. */
function fixtureError(fixtures: unknown): FixtureError {
  try {
    loadFixtures(fixtures as SandboxFixtures)
  } catch (err) {
    expect(err).toBeInstanceOf(FixtureError)
    return err as FixtureError
  }
  throw new Error('expected loadFixtures to throw')
}

describe('sandbox settings: one schema, in step with the code', () => {
  it('ROUTE_IDS is exactly the ids of the route table, every extension on', () => {
    const table = allRoutes({
      permissionsForAnyKey: true,
      cancel: true,
      executionsList: true,
      keyIntrospection: true
    })
    expect(table.map((r) => r.id)).toEqual([...ROUTE_IDS])
  })

  it('the schema compiles in strict mode and lists the names the code knows', () => {
    expect(() => compileSchema()).not.toThrow()
    expect(definitions.headerStyle.enum).toEqual([...HEADER_STYLES])
    expect(definitions.faultSelector.enum).toEqual([
      ...ROUTE_IDS,
      ...ROUTE_METHODS,
      ...ROUTE_BUCKETS
    ])
    expect(definitions.apiKey.properties.key.pattern).toBe(API_KEY_PATTERN.source)
    expect(definitions.faults.properties.slow_ms.maximum).toBe(MAX_SLOW_MS)
  })

  it('the shipped fixture points at the schema beside it; `$schema` is accepted and ignored', () => {
    const shipped = JSON.parse(readFileSync(defaultFixturesPath(), 'utf8')) as SandboxFixtures
    expect(shipped.$schema).toBe('./fixtures.schema.json')
    const schemaPath = join(dirname(defaultFixturesPath()), 'fixtures.schema.json')
    expect(JSON.parse(readFileSync(schemaPath, 'utf8'))).toEqual(FIXTURES_SCHEMA)
    expect(existsSync(schemaPath)).toBe(true)
    expect('$schema' in defaultFixtures()).toBe(false)
    expect(loadFixtures({ ...defaultFixtures(), $schema: 'anything' })).toEqual(defaultFixtures())
  })
})

describe('sandbox settings: errors name the field', () => {
  it('a missing field says what it must be; an unknown one lists the allowed fields', () => {
    const missing = structuredClone(defaultFixtures()) as unknown as {
      flows: { simulation: Record<string, unknown> }[]
    }
    delete missing.flows[2]?.simulation.duration_ms
    const err = fixtureError(missing)
    expect(err.path).toBe('flows[2].simulation.duration_ms')
    expect(err.message).toContain('flows[2].simulation.duration_ms: must be a number')

    expect(fixtureError([]).message).toContain(': $: must be an object')
    expect(fixtureError({ ...defaultFixtures(), extra: 1 }).message).toMatch(
      /extra: unknown field \(allowed: \$schema, description, default, organizations, api_keys, flows, server\)/
    )
  })

  it('a server section read alone is named as in a file', () => {
    expect(serverSectionIssue({ faults: { rate_html: 2 } })).toMatchObject({
      path: 'server.faults.rate_html',
      message: 'must be a probability from 0 to 1 (e.g. 0.05 for 5%)'
    })
    expect(serverSectionIssue({ rate_limits: true })?.message).toBe(
      'must be false (no rate limits) or an object'
    )
    expect(serverSectionIssue({ rate_limits: false, quota: { daily: 0 } })).toBeUndefined()
  })

  it('startSandbox options are checked by the same schema and named as options', async () => {
    await expect(startSandbox({ timeScale: 0 })).rejects.toThrow(
      /^timeScale must be a positive number$/
    )
    await expect(startSandbox({ faults: { clockSkewMs: 1e9 } })).rejects.toThrow(
      /faults\.clockSkewMs must be within ±24 h/
    )
    await expect(
      startSandbox({ rateLimits: { read: { limit: 1, window: 5 } } } as never)
    ).rejects.toThrow(/rateLimits\.read\.window: unknown field \(allowed: limit, windowMs\)/)
    await expect(startSandbox({ faults: { rate5xx: 0.5, rateHtml: 0.6 } })).rejects.toThrow(
      /rate5xx \+ rate503 \+ rateReset \+ rateSlow \+ rateMalformed \+ rateHtml/
    )
  })

  it('a storm started at run time is checked by the same schema', async () => {
    const box = await startSandbox({ rateLimits: {} })
    try {
      expect(() => box.rateLimit?.storm({ fraction: 2 })).toThrow(
        /rateLimits\.storm\.fraction must be a probability/
      )
      expect(() => box.rateLimit?.storm({ count: 1 })).not.toThrow()
    } finally {
      await box.close()
    }
  })

  it('a file may set rate_limits.time_scale, as options set rateLimits.timeScale', async () => {
    const fixtures = { ...defaultFixtures(), server: { rate_limits: { time_scale: 1 } } }
    const box = await startSandbox({ fixtures, timeScale: 0.5 })
    try {
      expect(box.rateLimit?.config.timeScale).toBe(1)
      expect(box.rateLimit?.config.buckets.read.effectiveWindowMs).toBe(60_000)
      expect(box.state.timeScale).toBe(0.5)
    } finally {
      await box.close()
    }
  })

  it('options override the file field by field, as before', () => {
    expect(
      mergeServerConfig({ rateLimits: { style: 'ietf', read: 3 } }, { rateLimits: { read: 5 } })
    ).toEqual({ rateLimits: { style: 'ietf', read: 5 } })
    expect(mergeServerConfig({ rateLimits: false }, {})).toEqual({ rateLimits: false })
    expect(mergeServerConfig({ rateLimits: { read: 3 } }, { rateLimits: false })).toEqual({
      rateLimits: false
    })
  })
})

describe('sandbox settings: CLI flags', () => {
  const configError = (flags: SandboxFlags, fixtures = defaultFixtures()): ConfigError => {
    try {
      sandboxOptionsFromFlags(flags, fixtures)
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      return err as ConfigError
    }
    throw new Error('expected a ConfigError')
  }

  it('a bad element of a list flag is quoted on its own', () => {
    const err = configError({ faultExclude: 'keys.self, nope' })
    expect(err.input).toBe('--fault-exclude')
    expect(err.message).toBe('Invalid --fault-exclude: "nope" is not a fault selector')
    expect(err.userMessage).toContain('Use one of keys.self, permissions.list,')
  })

  it('a flag that breaks a rule together with the file names the group and the flag given', () => {
    const fixtures = { ...defaultFixtures(), server: { faults: { rate_5xx: 0.6 } } }
    const err = configError({ faultReset: '0.6' }, fixtures)
    expect(err.input).toBe('--fault-*')
    expect(err.message).toContain('the fault probabilities add up to 1.2')
    expect(err.userMessage).toContain('Given: --fault-reset 0.6.')
  })

  it('seconds flags are checked as the milliseconds they become, and worded in the flag units', () => {
    expect(configError({ clockSkew: '-100000' }).message).toBe(
      'Invalid --clock-skew: "-100000" is not within ±24 h'
    )
    expect(sandboxOptionsFromFlags({ rateLimitWindow: '0.5' }, defaultFixtures())).toMatchObject({
      rateLimits: { windowMs: 500 }
    })
  })
})
