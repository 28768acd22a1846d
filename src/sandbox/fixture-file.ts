/**
 * Loading the sandbox's starting state (organizations, API keys, flows and the
 * `server:` section) from an object or a JSON/YAML file. The format is
 * sandbox/fixtures.schema.json, checked strictly (settings/): a typo in a fixture
 * (`expires_in_day`) is an error naming the path of the field, not a silently
 * ignored key. `$schema` (for editors) is accepted and ignored.
 *
 * The default fixture (sandbox/default.json) is imported, not read from disk, so
 * the bundled CLI (dist/cli/index.js, built by ncc) carries it inside the bundle.
 * This file stays directly in src/sandbox/: defaultFixturesPath() counts on it.
 */
import { readFileSync } from 'node:fs'
import { dirname, extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import defaultFixturesJson from '../../sandbox/default.json' with { type: 'json' }
import { FixtureError } from './settings/issues.js'
import { fixtureRulesIssue } from './settings/rules.js'
import { schemaIssue } from './settings/schema.js'
import type { SandboxFixtures } from './types/fixtures.js'

/** Validates a parsed fixtures document and returns it normalized (string versions, no `$schema`). */
export function validateFixtures(value: unknown, source?: string): SandboxFixtures {
  const issue = schemaIssue('fixtures', value) ?? fixtureRulesIssue(value as SandboxFixtures)
  if (issue) throw FixtureError.of(issue, source)
  const { $schema: _schema, ...fixtures } = value as SandboxFixtures
  return {
    ...fixtures,
    // `3` (the older format) reads as "3", the published spec's type.
    flows: fixtures.flows.map((flow) =>
      typeof flow.version === 'number' ? { ...flow, version: String(flow.version) } : flow
    )
  }
}

function readFixturesFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new FixtureError('$', `cannot read the file (${(err as Error).message})`, path)
  }
  const ext = extname(path).toLowerCase()
  try {
    // YAML is a superset of JSON, but JSON.parse gives the clearer error for a .json file.
    return ext === '.json' ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown)
  } catch (err) {
    throw new FixtureError(
      '$',
      `not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${(err as Error).message})`,
      path
    )
  }
}

/**
 * Loads and validates fixtures from an object, or from a `.json`, `.yaml` or
 * `.yml` file. Throws a FixtureError naming the path of the first bad field.
 */
export function loadFixtures(pathOrObject: SandboxFixtures | string): SandboxFixtures {
  if (typeof pathOrObject === 'string') {
    return validateFixtures(readFixturesFile(pathOrObject), pathOrObject)
  }
  // A deep copy: the sandbox mutates nothing, but callers may reuse their object.
  return validateFixtures(structuredClone(pathOrObject))
}

/** The default fixture shipped with the kit (embedded in the bundle). */
export function defaultFixtures(): SandboxFixtures {
  return loadFixtures(defaultFixturesJson as unknown as SandboxFixtures)
}

/**
 * Where sandbox/default.json lives on disk, for users who want to copy and edit
 * it (its schema, fixtures.schema.json, is beside it). src/sandbox/ (ts-jest) and
 * dist/cli/ (the bundle) are both two levels below the package root, so one
 * relative path serves both. The sandbox itself never reads this path: it uses
 * the embedded copy. (Built with path.resolve rather than
 * `new URL(…, import.meta.url)` on purpose: ncc would copy the file into dist/
 * under a hashed name and return that path instead.)
 */
export function defaultFixturesPath(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  return resolve(here, '..', '..', 'sandbox', 'default.json')
}
