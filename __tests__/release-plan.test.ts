/**
 * scripts/release-plan.mjs and the release workflow steps that use it: a
 * maintenance release of an older line (1.2.4 after 1.3.0, 1.9.1 after 2.0.0)
 * must not move the major tag, npm's `latest` or GitHub's "Latest" backwards.
 *
 * The last group runs the workflow's "Move the major tag" step, as written in
 * .github/workflows/release.yml, against a local bare repository standing in
 * for GitHub: it moves the tag only to the newest release of its major, and
 * when another release moved the tag first its compare-and-swap push fails and
 * the step decides again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'
import { ROOT } from '../__fixtures__/run-dist.js'

interface Version {
  major: number
  minor: number
  patch: number
  prerelease: string[]
  text: string
}

interface Plan {
  version: string
  majorTag: string
  prerelease: boolean
  moveMajor: boolean
  githubLatest: boolean
  distTag?: string
  reasons: string[]
}

const SCRIPT = join(ROOT, 'scripts', 'release-plan.mjs')
const { parseVersion, compareVersions, releasePlan, formatPlan } = (await import(
  pathToFileURL(SCRIPT).href
)) as {
  parseVersion: (text: string) => Version | undefined
  compareVersions: (a: string, b: string) => number
  releasePlan: (input: { version: string; tags: string[]; npmLatest?: string }) => Plan
  formatPlan: (plan: Plan) => string
}

/** The decisions of a plan, without its reasons. */
function decide(version: string, tags: string[], npmLatest?: string) {
  const { moveMajor, githubLatest, distTag } = releasePlan({ version, tags, npmLatest })
  return { moveMajor, githubLatest, distTag }
}

describe('versions', () => {
  it('parses Semantic Versioning versions, with or without the v of a tag', () => {
    expect(parseVersion('v1.2.3')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: [],
      text: '1.2.3'
    })
    expect(parseVersion('1.3.0-rc.1+build.5')).toEqual({
      major: 1,
      minor: 3,
      patch: 0,
      prerelease: ['rc', '1'],
      text: '1.3.0-rc.1'
    })
    for (const no of [
      'v1',
      '1.2',
      'v1.2.x',
      '01.2.3',
      '1.2.3-',
      '1.2.3-01',
      'latest',
      'x1.2.3',
      ''
    ])
      expect({ no, parsed: parseVersion(no) }).toEqual({ no, parsed: undefined })
  })

  it('orders versions by Semantic Versioning precedence, not as text', () => {
    // The order given in the Semantic Versioning specification, and numbers past 9.
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.2.9',
      '1.2.10',
      '1.9.0',
      '1.10.0',
      '2.0.0-rc.1',
      '2.0.0',
      '10.0.0'
    ]
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const [a, b] = [ordered[i], ordered[j]]
        expect({ a, b, order: compareVersions(a, b) }).toEqual({ a, b, order: Math.sign(i - j) })
      }
    }
    expect(compareVersions('1.2.3+build.1', 'v1.2.3')).toBe(0)
    expect(() => compareVersions('1.2', '1.2.0')).toThrow(/not a version: 1\.2/)
  })
})

describe('releasePlan', () => {
  const line = ['v1.0.0', 'v1.2.3', 'v1.3.0', 'v1']

  it('first release: everything moves, npm has no latest yet', () => {
    expect(decide('1.0.0', ['v1.0.0'], '')).toEqual({
      moveMajor: true,
      githubLatest: true,
      distTag: 'latest'
    })
  })

  it('the newest release moves the major tag, GitHub Latest and npm latest', () => {
    expect(decide('1.3.1', [...line, 'v1.3.1'], '1.3.0')).toEqual({
      moveMajor: true,
      githubLatest: true,
      distTag: 'latest'
    })
    // 1.10.0 is newer than 1.9.0 (not a text comparison).
    expect(decide('1.10.0', ['v1.9.0', 'v1.10.0'], '1.9.0').distTag).toBe('latest')
  })

  it('an older patch on a previous minor (1.2.4 after 1.3.0) moves nothing', () => {
    const plan = releasePlan({ version: '1.2.4', tags: [...line, 'v1.2.4'], npmLatest: '1.3.0' })
    expect(plan).toMatchObject({
      moveMajor: false,
      githubLatest: false,
      distTag: 'latest-1.2'
    })
    expect(plan.reasons).toEqual([
      'v1 stays: v1.3.0 is a newer v1.*.* release',
      "GitHub's Latest stays: v1.3.0 is a newer release",
      "npm: latest stays (npm's latest is 1.3.0, newer than 1.2.4); 1.2.4 is published under the dist-tag latest-1.2 (npx echopoint-ci@latest-1.2 runs it)"
    ])
  })

  it("an older major's patch (1.9.1 after 2.0.0) moves v1 only, npm under latest-1", () => {
    const tags = ['v1.9.0', 'v1', 'v2.0.0', 'v2', 'v1.9.1']
    expect(decide('1.9.1', tags, '2.0.0')).toEqual({
      moveMajor: true,
      githubLatest: false,
      distTag: 'latest-1'
    })
    expect(releasePlan({ version: '1.9.1', tags }).majorTag).toBe('v1')
  })

  it('an older patch of the same minor (1.2.4 after 1.2.5) gets a tag of its own', () => {
    expect(decide('1.2.4', ['v1.2.3', 'v1.2.5', 'v1.2.4'], '1.2.5')).toEqual({
      moveMajor: false,
      githubLatest: false,
      distTag: 'latest-1.2.4'
    })
  })

  it('a pre-release goes to next and moves nothing, even when it is the highest version', () => {
    expect(decide('1.4.0-rc.1', [...line, 'v1.4.0-rc.1'], '1.3.0')).toEqual({
      moveMajor: false,
      githubLatest: false,
      distTag: 'next'
    })
    expect(decide('2.0.0-beta.2', ['v1.0.0', 'v2.0.0-beta.2'], '')).toEqual({
      moveMajor: false,
      githubLatest: false,
      distTag: 'next'
    })
    expect(releasePlan({ version: 'v1.4.0-rc.1', tags: ['v1.4.0-rc.1'] })).toMatchObject({
      version: '1.4.0-rc.1',
      prerelease: true,
      distTag: undefined
    })
  })

  it('newer pre-release tags do not hold a release back', () => {
    expect(decide('1.3.0', [...line, 'v1.4.0-rc.1', 'v2.0.0-beta.1'], '1.2.3')).toEqual({
      moveMajor: true,
      githubLatest: true,
      distTag: 'latest'
    })
  })

  it('the same version run again keeps everything where it is (on it)', () => {
    const plan = releasePlan({ version: 'v1.3.0', tags: line, npmLatest: '1.3.0' })
    expect(plan).toMatchObject({ moveMajor: true, githubLatest: true, distTag: 'latest' })
    expect(plan.reasons).toContain('npm: latest is 1.3.0 already')
  })

  it("is never npm's latest when a newer version tag exists (two releases at once)", () => {
    // v1.3.1 and v1.4.0 pushed together: while neither is on npm, only 1.4.0 may take latest.
    const tags = [...line, 'v1.3.1', 'v1.4.0']
    expect(decide('1.3.1', tags, '1.3.0')).toEqual({
      moveMajor: false,
      githubLatest: false,
      distTag: 'latest-1.3'
    })
    expect(decide('1.4.0', tags, '1.3.0').distTag).toBe('latest')
  })

  it("never moves npm's latest back, even for the newest tag", () => {
    // npm's latest is ahead of the tags (a tag deleted after its release).
    expect(decide('1.3.1', [...line, 'v1.3.1'], '1.4.0')).toEqual({
      moveMajor: true,
      githubLatest: true,
      distTag: 'latest-1'
    })
    // A pre-release set as latest by hand still compares by precedence: 1.3.1 < 2.0.0-rc.1.
    expect(decide('1.3.1', [...line, 'v1.3.1'], '2.0.0-rc.1').distTag).toBe('latest-1')
    expect(decide('2.0.0', ['v2.0.0'], '2.0.0-rc.1').distTag).toBe('latest')
  })

  it('ignores tags that are not versions', () => {
    expect(
      decide('1.2.4', ['v1', 'v2', 'latest', 'v9.9', 'release-9.0.0', '9.0.0', ' v1.2.4 ', ''], '')
    ).toEqual({ moveMajor: true, githubLatest: true, distTag: 'latest' })
  })

  it("refuses a list without the version's own tag, a bad version or a bad npm latest", () => {
    expect(() => releasePlan({ version: '1.2.4', tags: [], npmLatest: '' })).toThrow(
      /do not include v1\.2\.4/
    )
    expect(() => releasePlan({ version: '1.2.4', tags: ['v1.2.3'] })).toThrow(/v1\.2\.4/)
    expect(() => releasePlan({ version: '1.2', tags: ['v1.2'] })).toThrow(/not a version/)
    expect(() => releasePlan({ version: '1.2.4', tags: ['v1.2.4'], npmLatest: 'soon' })).toThrow(
      /npm's latest "soon" is not a version/
    )
  })

  it('prints key=value lines for $GITHUB_OUTPUT, dist_tag only when npm was asked', () => {
    expect(
      formatPlan(releasePlan({ version: '1.2.4', tags: [...line, 'v1.2.4'], npmLatest: '1.3.0' }))
    ).toBe(
      [
        'version=1.2.4',
        'major_tag=v1',
        'prerelease=false',
        'move_major=false',
        'github_latest=false',
        'dist_tag=latest-1.2',
        ''
      ].join('\n')
    )
    expect(formatPlan(releasePlan({ version: '1.3.0', tags: line }))).not.toMatch(/dist_tag/)
  })
})

describe('node scripts/release-plan.mjs', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'echopoint-release-plan-'))
    writeFileSync(join(dir, 'tags'), 'v1\nv1.2.3\nv1.3.0\nv1.2.4\n')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  function cli(args: string[]) {
    const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' })
    return { status: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  it('prints the plan on stdout and the reasons on stderr', () => {
    const r = cli(['1.2.4', '--tags-file', 'tags', '--npm-latest', '1.3.0'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^version=1\.2\.4\n(.+\n)*dist_tag=latest-1\.2\n$/)
    expect(r.stderr).toMatch(/^v1 stays: v1\.3\.0 is a newer v1\.\*\.\* release\n/)
  })

  it('takes --npm-latest= (empty) for a package npm does not have yet', () => {
    const r = cli(['v1.3.0', '--tags-file=tags', '--npm-latest='])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('dist_tag=latest\n')
    expect(r.stderr).toContain('npm: the package has no latest yet: 1.3.0 becomes latest')
  })

  it('exits 1 when the tags do not include the version, 2 on a usage error', () => {
    expect(cli(['1.4.0', '--tags-file', 'tags'])).toMatchObject({
      status: 1,
      stdout: '',
      stderr: expect.stringMatching(/do not include v1\.4\.0/)
    })
    expect(cli(['1.3.0', '--tags-file', 'missing'])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/cannot read missing/)
    })
    expect(cli(['1.3.0'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^usage: /) })
    expect(cli(['1.3.0', '--tags-file'])).toMatchObject({ status: 2 })
    expect(cli(['1.3.0', '--tags-file', 'tags', '--latest'])).toMatchObject({ status: 2 })
    expect(cli(['1.3.0', '1.3.1', '--tags-file', 'tags'])).toMatchObject({ status: 2 })
  })
})

// ---------------------------------------------------------------------------------------
// The release workflow

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any
const WORKFLOW = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')
const workflow = parse(WORKFLOW) as Loose

function step(job: string, name: string): { run: string; env?: Record<string, string> } {
  const found = (workflow.jobs[job].steps as Loose[]).find((s) => s.name?.startsWith(name))
  if (!found) throw new Error(`release.yml: no step "${name}" in job ${job}`)
  return found
}

describe('release.yml', () => {
  it('reads only outputs the plan prints', () => {
    const printed = new Set(
      formatPlan(releasePlan({ version: '1.0.0', tags: ['v1.0.0'], npmLatest: '' }))
        .trim()
        .split('\n')
        .map((l) => l.split('=')[0])
    )
    const read = [...WORKFLOW.matchAll(/steps\.plan\.outputs\.([\w-]+)/g)].map((m) => m[1])
    expect(read.length).toBeGreaterThanOrEqual(2)
    expect(read.filter((key) => !printed.has(key))).toEqual([])
  })

  it('runs each tag in a group of its own (no release cancelled for being queued)', () => {
    expect(workflow.concurrency).toEqual({
      group: 'release-${{ github.ref_name }}',
      'cancel-in-progress': false
    })
    for (const job of Object.values<Loose>(workflow.jobs)) expect(job.concurrency).toBeUndefined()
  })

  it('publishes under the planned dist-tag and marks Latest as planned', () => {
    expect(step('publish', 'Publish').env?.DIST_TAG).toBe('${{ steps.plan.outputs.dist_tag }}')
    expect(step('publish', 'Publish').run).toMatch(/npm publish .*--tag "\$DIST_TAG"/)
    const release = step('github-release', 'Create or update the GitHub release')
    expect(release.env?.GITHUB_LATEST).toBe('${{ steps.plan.outputs.github_latest }}')
    expect(release.run).toContain('--latest=false')
  })
})

/** Runs a shell step of release.yml the way the runner does (bash -e -o pipefail). */
function runStep(script: string, cwd: string, env: Record<string, string>) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
      HOME: cwd,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      ...env
    },
    timeout: 60_000
  })
  return { status: r.status, output: `${r.stdout}${r.stderr}` }
}

describe('the "Move the major tag" step, against a local repository', () => {
  const move = step('github-release', 'Move the major tag').run
  let root: string
  let origin: string
  let work: string
  const commits: Record<string, string> = {}

  const git = (args: string[], cwd = work): string => {
    const r = runStep(`git ${args.map((a) => `'${a}'`).join(' ')}`, cwd, {})
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.output}`)
    return r.output.trim()
  }
  /** The commit a tag points at on the "GitHub" repository, or ''. */
  const remoteTag = (tag: string): string =>
    /^([0-9a-f]+)\s/.exec(
      git(['ls-remote', '--tags', '--refs', 'origin', `refs/tags/${tag}`])
    )?.[1] ?? ''

  /** Releases `version` from its commit (checked out, as actions/checkout does). */
  function release(version: string, env: Record<string, string> = {}) {
    git(['checkout', '-q', '--detach', commits[version]])
    return runStep(move, work, {
      RUNNER_TEMP: join(root, 'tmp'),
      VERSION: version,
      TAG: `v${version}`,
      ...env
    })
  }

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'echopoint-release-move-'))
    origin = join(root, 'origin.git')
    work = join(root, 'work')
    mkdirSync(join(root, 'tmp'))
    git(['init', '-q', '--bare', origin], root)
    git(['init', '-q', work], root)
    git(['remote', 'add', 'origin', origin])
    mkdirSync(join(work, 'scripts'))
    cpSync(SCRIPT, join(work, 'scripts', 'release-plan.mjs'))
    for (const version of [
      '1.2.3',
      '1.3.0',
      '1.2.4',
      '1.3.1',
      '2.0.0',
      '1.3.2',
      '1.3.3',
      '1.3.4'
    ]) {
      git(['commit', '-q', '--allow-empty', '-m', version])
      commits[version] = git(['rev-parse', 'HEAD'])
    }
    // What is on GitHub before the releases below: v1 at 1.3.0.
    for (const version of ['1.2.3', '1.3.0']) git(['tag', `v${version}`, commits[version]])
    git(['tag', 'v1', commits['1.3.0']])
    git(['push', '-q', 'origin', 'v1.2.3', 'v1.3.0', 'v1'])
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const pushTag = (version: string) => {
    git(['tag', '--force', `v${version}`, commits[version]])
    git(['push', '-q', '--force', 'origin', `refs/tags/v${version}`])
  }

  it('leaves v1 alone for an older line (1.2.4 after 1.3.0)', () => {
    pushTag('1.2.4')
    const r = release('1.2.4')
    expect(r).toEqual({ status: 0, output: expect.stringContaining('v1 stays where it is.') })
    expect(remoteTag('v1')).toBe(commits['1.3.0'])
  })

  it('moves v1 to the newest 1.x (1.3.1), and says so when run again', () => {
    pushTag('1.3.1')
    expect(release('1.3.1')).toEqual({
      status: 0,
      output: expect.stringContaining(
        `v1 now points at ${commits['1.3.1']} (v1.3.1), was ${commits['1.3.0']}.`
      )
    })
    expect(remoteTag('v1')).toBe(commits['1.3.1'])
    expect(release('1.3.1')).toEqual({
      status: 0,
      output: expect.stringContaining(`v1 already points at ${commits['1.3.1']}`)
    })
  })

  it('creates v2 for the first 2.x release and leaves v1 where it is', () => {
    pushTag('2.0.0')
    expect(release('2.0.0').status).toBe(0)
    expect(remoteTag('v2')).toBe(commits['2.0.0'])
    expect(remoteTag('v1')).toBe(commits['1.3.1'])
  })

  /**
   * A `git` first on PATH that, on the step's first push, plays another release
   * run: it pushes the tag of `other` and moves v1 to it, between the step's
   * reading of v1 and its push.
   */
  function racingGit(other: string): string {
    const bin = join(root, `bin-${other}`)
    mkdirSync(bin)
    const real = spawnSync('bash', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim()
    const script = [
      '#!/bin/bash',
      `if [ "$1" = push ] && [ ! -e '${bin}/done' ]; then`,
      `  touch '${bin}/done'`,
      `  '${real}' push -q --force origin '${commits[other]}:refs/tags/v${other}' '${commits[other]}:refs/tags/v1'`,
      'fi',
      `exec '${real}' "$@"`
    ].join('\n')
    writeFileSync(join(bin, 'git'), script)
    chmodSync(join(bin, 'git'), 0o755)
    return bin
  }

  it('decides again when another release moved v1 first: a newer one wins', () => {
    pushTag('1.3.2')
    const bin = racingGit('1.3.3')
    const r = release('1.3.2', {
      PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter)
    })
    expect(r.output).toContain('v1 changed on GitHub while this run moved it; checking again.')
    expect(r.output).toContain('v1 stays: v1.3.3 is a newer v1.*.* release')
    expect(r.status).toBe(0)
    expect(remoteTag('v1')).toBe(commits['1.3.3'])
  })

  it('decides again when another release moved v1 first: an older one does not win', () => {
    pushTag('1.3.4')
    // The other run moves v1 to 1.3.2 (as a run that read the tags before 1.3.4 was pushed could).
    const bin = racingGit('1.3.2')
    const r = release('1.3.4', {
      PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter)
    })
    expect(r.output).toContain('v1 changed on GitHub while this run moved it; checking again.')
    expect(r.status).toBe(0)
    expect(remoteTag('v1')).toBe(commits['1.3.4'])
  })
})
