/**
 * The npm package as users get it. `npm pack` builds the tarball `npm publish`
 * would upload; the test checks what is in it, installs it into an empty
 * directory with no network (everything the CLI needs is bundled in dist/, so
 * the package has no dependencies to fetch), runs the installed bin, and runs
 * the form the examples use, `npx --yes echopoint-ci@<major>` (a range npm
 * resolves), against a minimal npm registry served on 127.0.0.1 by this test,
 * then once more with that registry gone (`npx --offline`, from npm's cache).
 *
 * Nothing here uses the network beyond 127.0.0.1: every npm command gets a fresh
 * cache, empty user and global configuration files, and a registry address that
 * is either the test's own server or a closed local port.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, delimiter, dirname, join, relative } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { cleanEnv, ROOT } from '../__fixtures__/run-dist.js'

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
}
const [MAJOR, MINOR, PATCH] = PKG.version.split(/[.+-]/).map(Number)
const IS_PRERELEASE = PKG.version.includes('-')
/**
 * What users run: the major version, a range npm resolves against the registry's
 * versions (a pre-release is outside it: users get one with `@next`).
 */
const USER_SPEC = `${PKG.name}@${IS_PRERELEASE ? 'next' : MAJOR}`
/** Versions the test registry lists besides this one: the next major (npm's latest) and a pre-release. */
const NEXT_MAJOR = `${MAJOR + 1}.0.0`
const PRERELEASE = `${MAJOR}.${MINOR}.${PATCH + 1}-rc.1`
/** A local port nothing listens on: any registry request npm makes there fails at once. */
const NO_REGISTRY = 'http://127.0.0.1:9/'
/** What the demo prints when the bundled action passed (as .ci/run checks it). */
const DEMO_PASSED = /status {11}passed/
/**
 * A child still running after this long is killed (with everything it started), well
 * before Jest's own timeout, so the failure shows what it printed rather than a bare
 * Jest timeout, and no child outlives its test.
 */
const CHILD_TIMEOUT_MS = 75_000
/** Jest's timeout for a test that runs one child. */
const TEST_TIMEOUT_MS = 120_000

// ---------------------------------------------------------------------------
// Running npm and the installed bin

/** The npm (or npx) that comes with this node: `<prefix>/lib/node_modules/npm/bin/<name>`, or the one on PATH. */
function npmScript(name: 'npm-cli.js' | 'npx-cli.js'): string {
  const bin = dirname(process.execPath)
  const candidates = [
    join(bin, '..', 'lib', 'node_modules', 'npm', 'bin', name),
    join(bin, 'node_modules', 'npm', 'bin', name)
  ]
  // `npm` on PATH is usually a link to …/npm/bin/npm-cli.js.
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const onPath = join(dir, 'npm')
    if (dir !== '' && existsSync(onPath)) candidates.push(join(dirname(realpathSync(onPath)), name))
  }
  const found = candidates.find((c) => existsSync(c))
  if (!found) throw new Error(`cannot find npm's ${name} next to ${process.execPath} or on PATH`)
  return found
}
const NPM = npmScript('npm-cli.js')
const NPX = npmScript('npx-cli.js')

interface Run {
  /** What ran, for the failure message. */
  command: string
  code: number | null
  signal: NodeJS.Signals | null
  /** Killed after CHILD_TIMEOUT_MS. */
  timedOut: boolean
  stdout: string
  stderr: string
}

/** The children still running, each the leader of its process group. */
const running = new Set<number>()

/** Kills a child and whatever it started (npx runs the bin in a child of its own). */
function killGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

let work: string

/**
 * The environment of every child: none of this process's CI inputs (INPUT_*,
 * GITHUB_*, ECHOPOINT_*, RUNNER_*), none of the npm_* settings `npm test` passes
 * down (npm_config_local_prefix would point npm at this repository), no
 * NODE_OPTIONS (Jest's), this node first on PATH (for `#!/usr/bin/env node`),
 * and npm isolated: the test's cache, empty configuration files, no audit, fund
 * or update check.
 */
function childEnv(registry: string, cache: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(cleanEnv()).filter(([key]) => !/^npm_/i.test(key)))
  return {
    ...env,
    PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    npm_config_cache: cache,
    npm_config_userconfig: join(work, 'user-npmrc'),
    npm_config_globalconfig: join(work, 'global-npmrc'),
    npm_config_prefix: join(work, 'global'),
    npm_config_registry: registry,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false'
  }
}

/** Where npm looks for packages, and the cache it uses (each group of tests has a fresh one). */
interface Npm {
  registry: string
  cache: string
}

function run(command: string, args: string[], cwd: string, npmSetup: Npm): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: childEnv(npmSetup.registry, npmSetup.cache),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout kills what it started too.
      detached: process.platform !== 'win32'
    })
    const pid = child.pid
    if (pid !== undefined) running.add(pid)
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const killer = setTimeout(() => {
      timedOut = true
      if (pid !== undefined) killGroup(pid)
    }, CHILD_TIMEOUT_MS)
    const done = () => {
      clearTimeout(killer)
      if (pid !== undefined) running.delete(pid)
    }
    child.on('error', (err) => {
      done()
      reject(err)
    })
    child.on('close', (code, signal) => {
      done()
      const shown = [command === process.execPath ? 'node' : command, ...args].join(' ')
      resolvePromise({ command: shown, code, signal, timedOut, stdout, stderr })
    })
  })
}

const npm = (args: string[], cwd: string, setup: Npm) =>
  run(process.execPath, [NPM, ...args], cwd, setup)
const npx = (args: string[], cwd: string, setup: Npm) =>
  run(process.execPath, [NPX, ...args], cwd, setup)

/** Exit code 0, or a failure that says what ran, how it ended and what it printed. */
function expectOk(r: Run): void {
  const ended = r.timedOut
    ? `killed after ${CHILD_TIMEOUT_MS / 1000} s, still running`
    : r.signal
      ? `killed by ${r.signal}`
      : `exit code ${r.code}`
  const failure =
    r.code === 0
      ? ''
      : [
          `${r.command}: ${ended}`,
          '--- stdout (the last 4000 characters)',
          r.stdout.slice(-4000),
          '--- stderr (the last 4000 characters)',
          r.stderr.slice(-4000)
        ].join('\n')
  expect({ code: r.code, failure }).toEqual({ code: 0, failure: '' })
}

// ---------------------------------------------------------------------------
// Reading the tarball

/** The files of a .tgz (ustar, with pax or GNU long names), by path. */
function untar(tgz: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(tgz)
  const files = new Map<string, Buffer>()
  let nextName: string | undefined
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every((b) => b === 0)) break
    const text = (from: number, to: number) =>
      header
        .subarray(from, to)
        .toString('utf8')
        .replace(/\0[\s\S]*$/, '')
    const size = parseInt(text(124, 136).trim() || '0', 8)
    const type = text(156, 157) || '0'
    const body = tar.subarray(offset + 512, offset + 512 + size)
    offset += 512 + Math.ceil(size / 512) * 512
    if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))
      if (path) nextName = path[1]
      continue
    }
    if (type === 'L') {
      nextName = body.toString('utf8').replace(/\0[\s\S]*$/, '')
      continue
    }
    const prefix = text(345, 500)
    const name = nextName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100))
    nextName = undefined
    if (type === '0') files.set(name, Buffer.from(body))
  }
  return files
}

/** Every file under a directory of the repository, as package paths. */
function filesUnder(dir: string): string[] {
  const abs = join(ROOT, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
}

// ---------------------------------------------------------------------------

interface PackResult {
  filename: string
  files: { path: string }[]
  size: number
  entryCount: number
}

let tarball: string
let packed: PackResult
let contents: Map<string, Buffer>
let manifest: Record<string, unknown>

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'echopoint-package-'))
  await writeFile(join(work, 'user-npmrc'), '')
  await writeFile(join(work, 'global-npmrc'), '')
  // --ignore-scripts: packing must not build or change the repository.
  const pack = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT, {
    registry: NO_REGISTRY,
    cache: join(work, 'pack-cache')
  })
  expectOk(pack)
  packed = (JSON.parse(pack.stdout) as PackResult[])[0]
  tarball = join(work, packed.filename)
  contents = untar(readFileSync(tarball))
  manifest = JSON.parse(contents.get('package/package.json')!.toString('utf8'))
}, TEST_TIMEOUT_MS)

afterAll(async () => {
  // A child a failed test left behind (none, unless Jest gave up on the test first).
  for (const pid of running) killGroup(pid)
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the packed tarball', () => {
  const paths = () => packed.files.map((f) => f.path).sort()

  it('is what npm reports (the archive holds exactly the listed files)', () => {
    expect([...contents.keys()].map((p) => p.replace(/^package\//, '')).sort()).toEqual(paths())
  })

  it('has the bundles, the action metadata and the documents', () => {
    const required = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'SECURITY.md',
      'action.yml',
      'check-key/action.yml',
      'dist/index.js',
      'dist/check-key/index.js',
      'dist/cli/index.js',
      // Every file of the committed bundles (their chunks and licences), every doc page,
      // the example flows the demo runs, and the sandbox fixture and its schema.
      ...filesUnder('dist'),
      ...filesUnder('docs'),
      ...filesUnder('examples/flows'),
      'sandbox/default.json',
      'sandbox/fixtures.schema.json',
      ...(existsSync(join(ROOT, 'check-key/README.md')) ? ['check-key/README.md'] : [])
    ]
    expect(paths()).toEqual(expect.arrayContaining([...new Set(required)]))
    expect(paths().filter((p) => p.startsWith('docs/')).length).toBeGreaterThan(0)
  })

  it('has no tests, sources, bench, fixtures, scripts, CI files, node_modules or .env files', () => {
    const forbidden = paths().filter(
      (p) =>
        /^(__tests__|__fixtures__|src|bench|scripts|node_modules|\.github|\.ci|openapi)\//.test(
          p
        ) ||
        /(^|\/)node_modules\//.test(p) ||
        /(^|\/)\.env/.test(basename(p)) ||
        /^(tsconfig.*\.json|jest\.config\.js|eslint\.config\.js|package-lock\.json|\.prettier.*|\.gitignore)$/.test(
          p
        ) ||
        (p.endsWith('.ts') && !p.endsWith('.d.ts'))
    )
    expect(forbidden).toEqual([])
    // And nothing outside what package.json "files" means to ship.
    const unexpected = paths().filter(
      (p) =>
        !/^(dist\/|docs\/|examples\/flows\/[^/]+\.json$|sandbox\/(default|fixtures\.schema)\.json$|check-key\/(action\.yml|README\.md)$|(package\.json|README\.md|LICENSE|CHANGELOG\.md|SECURITY\.md|action\.yml)$)/.test(
          p
        )
    )
    expect(unexpected).toEqual([])
  })

  it('has a package.json with no dependencies to install and the bin users run', () => {
    for (const field of [
      'dependencies',
      'optionalDependencies',
      'peerDependencies',
      'bundleDependencies',
      'bundledDependencies'
    ])
      expect({ field, value: manifest[field] ?? {} }).toEqual({ field, value: {} })
    const scripts = (manifest.scripts ?? {}) as Record<string, string>
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect({ hook, script: scripts[hook] }).toEqual({ hook, script: undefined })
    expect(manifest).toMatchObject({
      name: 'echopoint-ci',
      version: PKG.version,
      bin: { 'echopoint-ci': 'dist/cli/index.js' },
      publishConfig: { access: 'public', provenance: true }
    })
    expect(manifest.private).toBeUndefined()
    expect(manifest.repository).toMatchObject({
      url: expect.stringMatching(/github\.com\/echopoint\/echopoint-ci/)
    })
    // The bin runs as an executable and as an ES module.
    expect(contents.get('package/dist/cli/index.js')!.toString('utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/
    )
    expect(manifest.type).toBe('module')
  })
})

describe('installed from the tarball, with no network', () => {
  let app: string
  let offline: Npm

  beforeAll(async () => {
    app = join(work, 'app')
    offline = { registry: NO_REGISTRY, cache: join(work, 'install-cache') }
    await mkdir(app)
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', version: '1.0.0', private: true })
    )
  })

  it(
    'installs the package and nothing else',
    async () => {
      const install = await npm(
        ['install', '--offline', '--no-audit', '--no-fund', tarball],
        app,
        offline
      )
      expectOk(install)
      const installed = (await readdir(join(app, 'node_modules'))).filter(
        (e) => !['.bin', '.package-lock.json'].includes(e)
      )
      expect(installed).toEqual(['echopoint-ci'])
      const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, unknown>
      }
      expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/echopoint-ci'])
    },
    TEST_TIMEOUT_MS
  )

  it(
    'runs `echopoint-ci --version` (the package version)',
    async () => {
      const version = await run(
        join(app, 'node_modules', '.bin', 'echopoint-ci'),
        ['--version'],
        app,
        offline
      )
      expectOk(version)
      expect(version.stdout.trim()).toBe(PKG.version)
    },
    TEST_TIMEOUT_MS
  )

  it(
    'runs `echopoint-ci demo --tags smoke` to a pass, the example flows included',
    async () => {
      const demo = await run(
        join(app, 'node_modules', '.bin', 'echopoint-ci'),
        ['demo', '--tags', 'smoke'],
        app,
        offline
      )
      expectOk(demo)
      expect(demo.stdout).toMatch(DEMO_PASSED)
      expect(demo.stdout).toContain('The run ended with status passed.')
      // The demo's last steps run only when the packaged examples/flows are there.
      expect(demo.stdout).toContain('widgets-crud.json')
    },
    TEST_TIMEOUT_MS
  )
})

describe('npx, as the examples run it', () => {
  let server: Server | undefined
  let registry: string
  /** A fresh cache: the package can only come from the registry. */
  let cache: string
  const requests: string[] = []
  let dir: string

  beforeAll(async () => {
    dir = join(work, 'npx-cwd')
    cache = join(work, 'npx-cache')
    await mkdir(dir)
    const tgz = readFileSync(tarball)
    const tarballPath = `/${PKG.name}/-/${packed.filename}`
    /** A version's entry in the packument; only the real one's tarball is served. */
    const entry = (version: string, file: string, body: Buffer) => ({
      ...manifest,
      version,
      _id: `${PKG.name}@${version}`,
      dist: {
        tarball: `${registry}${PKG.name}/-/${file}`,
        integrity: `sha512-${createHash('sha512').update(body).digest('base64')}`,
        shasum: createHash('sha1').update(body).digest('hex')
      }
    })
    const missing = Buffer.from('never served')
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`)
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
      if (req.method === 'GET' && path === `/${PKG.name}`) {
        // The packument, as the registry serves it, the day the next major and a
        // pre-release of this line are out: `latest` is outside the range `@<major>`
        // and the pre-release is above this version, so npm must resolve the range
        // to this version by itself (the tarballs of the others are not served).
        // This version is `latest-<major>`, as the release workflow tags a
        // maintenance release of an older major.
        const body = JSON.stringify({
          _id: PKG.name,
          name: PKG.name,
          'dist-tags': {
            latest: NEXT_MAJOR,
            next: IS_PRERELEASE ? PKG.version : PRERELEASE,
            [`latest-${MAJOR}`]: PKG.version
          },
          versions: {
            [PKG.version]: entry(PKG.version, packed.filename, tgz),
            [PRERELEASE]: entry(PRERELEASE, `${PKG.name}-${PRERELEASE}.tgz`, missing),
            [NEXT_MAJOR]: entry(NEXT_MAJOR, `${PKG.name}-${NEXT_MAJOR}.tgz`, missing)
          },
          time: Object.fromEntries(
            [PKG.version, PRERELEASE, NEXT_MAJOR].map((v) => [v, new Date().toISOString()])
          )
        })
        res.writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'public, max-age=300',
          etag: `"${createHash('sha1').update(body).digest('hex')}"`
        })
        res.end(body)
      } else if (req.method === 'GET' && path === tarballPath) {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': tgz.length
        })
        res.end(tgz)
      } else {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end('{"error":"Not found"}')
      }
    })
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready))
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })

  afterAll(async () => {
    await closeRegistry()
  })

  async function closeRegistry(): Promise<void> {
    const s = server
    server = undefined
    if (!s) return
    s.closeAllConnections()
    await new Promise<void>((closed) => s.close(() => closed()))
  }

  it(
    `npx --yes ${USER_SPEC} --version resolves the range to ${PKG.version} from the registry and runs it`,
    async () => {
      const version = await npx(['--yes', USER_SPEC, '--version'], dir, { registry, cache })
      expectOk(version)
      // Only the package itself was asked for: no dependency, nothing else.
      expect([...new Set(requests)].sort()).toEqual(
        [`GET /${PKG.name}`, `GET /${PKG.name}/-/${packed.filename}`].sort()
      )
      // npx installed into its cache, not into the directory it ran in.
      expect(await readdir(dir)).toEqual([])
      expect(version.stdout.trim()).toBe(PKG.version)
    },
    TEST_TIMEOUT_MS
  )

  it(
    `npx --offline ${USER_SPEC} demo --tags smoke runs from npm's cache with the registry gone`,
    async () => {
      await closeRegistry()
      const asked = requests.length
      // The same registry address (now closed) and cache: any request npm tried would fail.
      const demo = await npx(['--offline', USER_SPEC, 'demo', '--tags', 'smoke'], dir, {
        registry,
        cache
      })
      expectOk(demo)
      expect(demo.stdout).toMatch(DEMO_PASSED)
      expect(demo.stdout).toContain('The run ended with status passed.')
      expect(requests.length).toBe(asked)
    },
    TEST_TIMEOUT_MS
  )
})
