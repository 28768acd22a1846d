/**
 * Fixture loading: the shipped default, JSON and YAML files, relative expiry,
 * and validation errors that name the bad field.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { stringify } from 'yaml'
import { FakeClock, SANDBOX_EPOCH } from '../__fixtures__/fake-clock.js'
import { call } from '../__fixtures__/sandbox-http.js'
import {
  defaultFixtures,
  defaultFixturesPath,
  FixtureError,
  loadFixtures,
  startSandbox,
  type SandboxFixtures
} from '../src/sandbox/index.js'

// Fixtures are bent into invalid shapes on purpose, so they are untyped here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const FLOW_ID = '6f1d3c0e-8a47-4c1b-9f5e-2b7d9a0c4e11'

function minimal(): SandboxFixtures {
  return {
    organizations: [{ id: 'org_a' }],
    api_keys: [
      {
        id: 'k1',
        key: 'epk_test_minimal_key',
        name: 'Minimal',
        organization_id: 'org_a',
        permissions: ['flows:read', 'flows:execute'],
        expires_in_days: 10
      }
    ],
    flows: [
      {
        id: FLOW_ID,
        organization_id: 'org_a',
        name: 'Ping',
        tags: ['smoke'],
        nodes: [{ id: 'ping', display_name: 'GET /ping', type: 'request' }],
        simulation: { outcome: 'passed', duration_ms: 100 }
      }
    ]
  }
}

/** Applies `mutate` to a copy of the minimal fixture and returns the FixtureError thrown. */
function errorOf(mutate: (f: Loose) => void): FixtureError {
  const fixtures = structuredClone(minimal())
  mutate(fixtures)
  try {
    loadFixtures(fixtures)
  } catch (err) {
    expect(err).toBeInstanceOf(FixtureError)
    return err as FixtureError
  }
  throw new Error('expected loadFixtures to throw')
}

describe('sandbox fixtures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-fixtures-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('the shipped default validates and its file is where defaultFixturesPath() says', () => {
    const fixtures = defaultFixtures()
    expect(fixtures.organizations.map((o) => o.id)).toEqual(['org_demo', 'org_other'])
    expect(existsSync(defaultFixturesPath())).toBe(true)
    // The embedded copy is the file's content (JSON import, not a hand-kept duplicate).
    const onDisk = loadFixtures(
      JSON.parse(readFileSync(defaultFixturesPath(), 'utf8')) as SandboxFixtures
    )
    expect(onDisk).toEqual(fixtures)
  })

  it('the default fixture has the keys and flows the demo and tests rely on', () => {
    const fixtures = defaultFixtures()
    for (const key of fixtures.api_keys) expect(key.key).toMatch(/^epk_live_sandbox_/)
    const ci = fixtures.api_keys.find((k) => k.id === 'key_demo_ci')
    expect(ci?.permissions).toEqual(['flows:read', 'flows:execute', 'runner:complete'])
    const outcomes = fixtures.flows
      .filter((f) => f.organization_id === 'org_demo')
      .map((f) => [f.tags.join(','), f.simulation.outcome])
    // Smoke passes; regression has exactly one failure.
    expect(
      outcomes.filter(([tags]) => tags?.includes('smoke')).every(([, o]) => o === 'passed')
    ).toBe(true)
    expect(outcomes.filter(([tags, o]) => tags?.includes('regression') && o !== 'passed')).toEqual([
      ['regression', 'failed']
    ])
    for (const flow of fixtures.flows) {
      expect(flow.simulation.duration_ms).toBeGreaterThanOrEqual(1000)
      expect(flow.simulation.duration_ms).toBeLessThanOrEqual(4000)
    }
  })

  it('loads JSON and YAML files', async () => {
    const json = join(dir, 'f.json')
    const yaml = join(dir, 'f.yaml')
    writeFileSync(json, JSON.stringify(minimal()))
    writeFileSync(yaml, stringify(minimal()))
    expect(loadFixtures(json)).toEqual(loadFixtures(yaml))
    const box = await startSandbox({ fixtures: yaml })
    try {
      expect(box.organizationId).toBe('org_a')
      expect(box.apiKey).toBe('epk_test_minimal_key')
      const res = await call(box, '/flows/search', { key: box.apiKey, org: 'org_a', body: {} })
      expect(res.body.items.map((f: { id: string }) => f.id)).toEqual([FLOW_ID])
    } finally {
      await box.close()
    }
  })

  it('resolves expires_in_days against the injected clock', async () => {
    const clock = new FakeClock({ now: SANDBOX_EPOCH, auto: false })
    const box = await startSandbox({ fixtures: minimal(), clock })
    try {
      const res = await call(box, '/api-keys/self', { key: box.apiKey, org: null })
      expect(res.body.expires_at).toBe(new Date(clock.now() + 10 * 86_400_000).toISOString())
    } finally {
      await box.close()
    }
  })

  it('file errors name the file', () => {
    expect(() => loadFixtures(join(dir, 'missing.json'))).toThrow(/missing\.json.*cannot read/)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{ nope')
    expect(() => loadFixtures(bad)).toThrow(/bad\.json.*not valid JSON/)
  })

  it.each([
    ['organizations', (f: Loose) => (f.organizations = []), /at least one/],
    ['api_keys[0].key', (f: Loose) => (f.api_keys[0].key = 'sk_live_x'), /epk_live_/],
    ['api_keys[0].permissions[0]', (f: Loose) => (f.api_keys[0].permissions = ['read']), /scope/],
    [
      'api_keys[0].expires_at',
      (f: Loose) =>
        (f.api_keys[0] = {
          ...f.api_keys[0],
          expires_in_days: undefined,
          expires_at: '2030-02-30T00:00:00Z'
        }),
      /RFC 3339/
    ],
    ['api_keys[0].expires_in_days', (f: Loose) => (f.api_keys[0].expires_at = null), /not both/],
    [
      'api_keys[0].organization_id',
      (f: Loose) => (f.api_keys[0].organization_id = 'org_x'),
      /unknown organization/
    ],
    [
      'api_keys[0].expires_in_day',
      (f: Loose) => (f.api_keys[0].expires_in_day = 3),
      /unknown field/
    ],
    ['flows[0].id', (f: Loose) => (f.flows[0].id = 'flow-1'), /UUID/],
    ['flows[0].nodes', (f: Loose) => (f.flows[0].nodes = []), /at least one node/],
    [
      'flows[0].simulation.outcome',
      (f: Loose) => (f.flows[0].simulation.outcome = 'ok'),
      /passed, failed, error/
    ],
    [
      'flows[0].simulation.duration_ms',
      (f: Loose) => (f.flows[0].simulation.duration_ms = -5),
      />= 0/
    ],
    [
      'flows[0].simulation.failure',
      (f: Loose) => (f.flows[0].simulation.outcome = 'failed'),
      /must be an object/
    ],
    [
      'flows[0].simulation.failure.node_id',
      (f: Loose) =>
        (f.flows[0].simulation = {
          outcome: 'failed',
          duration_ms: 1,
          failure: {
            node_id: 'nope',
            assertion: { extractor: 'status_code', operator: 'equals', expected: 200, actual: 500 }
          }
        }),
      /not one of this flow's nodes/
    ],
    [
      'flows[0].simulation.error',
      (f: Loose) => (f.flows[0].simulation.outcome = 'error'),
      /must be an object/
    ],
    ['flows[0].tags[1]', (f: Loose) => (f.flows[0].tags = ['smoke', 'smoke']), /duplicate tag/],
    ['flows[1].id', (f: Loose) => f.flows.push(structuredClone(f.flows[0])), /duplicate flow id/],
    [
      'flows[0].inputs.token.value',
      (f: Loose) => (f.flows[0].inputs = { token: { secret: true } }),
      /value/
    ],
    ['default.api_key_id', (f: Loose) => (f.default = { api_key_id: 'nope' }), /unknown key/],
    ['flows[0].version', (f: Loose) => (f.flows[0].version = 0), />= 1/],
    ['flows[0].version', (f: Loose) => (f.flows[0].version = 1.5), /integer/],
    ['flows[0].version', (f: Loose) => (f.flows[0].version = ''), /non-empty string/],
    ['flows[0].version', (f: Loose) => (f.flows[0].version = true), /string like "3"/],
    ['flows[0].metadata', (f: Loose) => (f.flows[0].metadata = null), /must be an object/],
    ['flows[0].metadata', (f: Loose) => (f.flows[0].metadata = ['x']), /must be an object/]
  ])('%s: a clear error naming the path', (path, mutate, message) => {
    const err = errorOf(mutate)
    expect(err.path).toBe(path)
    expect(err.message).toContain(path)
    expect(err.message).toMatch(message)
  })

  it('flow versions are strings; the older numeric form is still accepted', async () => {
    const shipped = JSON.parse(readFileSync(defaultFixturesPath(), 'utf8')) as Loose
    for (const flow of shipped.flows) expect(typeof flow.version).toBe('string')
    const fixtures: Loose = minimal()
    fixtures.flows.push(
      { ...structuredClone(fixtures.flows[0]), id: randomUUID(), version: 4 },
      { ...structuredClone(fixtures.flows[0]), id: randomUUID(), version: '2.1' }
    )
    const loaded = loadFixtures(fixtures)
    expect(loaded.flows.map((f) => f.version)).toEqual([undefined, '4', '2.1'])
    const box = await startSandbox({
      fixtures,
      clock: new FakeClock({ now: SANDBOX_EPOCH, auto: false })
    })
    try {
      const res = await call(box, '/flows?limit=10', { key: box.apiKey, org: 'org_a' })
      const versions = Object.fromEntries(
        res.body.items.map((f: { id: string; version: unknown }) => [f.id, f.version])
      )
      // A flow without a version answers "1" (a string, like every version).
      expect(Object.values(versions).sort()).toEqual(['1', '2.1', '4'])
    } finally {
      await box.close()
    }
  })

  it('Flow.metadata is always answered: the fixture object, or {}', async () => {
    const fixtures: Loose = minimal()
    fixtures.flows.push({
      ...structuredClone(fixtures.flows[0]),
      id: randomUUID(),
      metadata: { owner: 'team-a', nested: { sla_ms: 500 } }
    })
    const box = await startSandbox({
      fixtures,
      clock: new FakeClock({ now: SANDBOX_EPOCH, auto: false })
    })
    try {
      const plain = await call(box, `/flows/${FLOW_ID}`, { key: box.apiKey, org: 'org_a' })
      expect(plain.body.metadata).toEqual({})
      const withMeta = await call(box, `/flows/${fixtures.flows[1].id}`, {
        key: box.apiKey,
        org: 'org_a'
      })
      expect(withMeta.body.metadata).toEqual({ owner: 'team-a', nested: { sla_ms: 500 } })
    } finally {
      await box.close()
    }
  })

  it('startSandbox rejects invalid fixtures before listening', async () => {
    await expect(
      startSandbox({ fixtures: { organizations: [] } as unknown as SandboxFixtures })
    ).rejects.toThrow(FixtureError)
  })
})
