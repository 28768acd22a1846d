#!/usr/bin/env node
// Decides what a release moves, so a maintenance release of an older line
// never moves anything backwards. The release workflow runs it with the
// repository's version tags and npm's current `latest`:
//
//   git ls-remote --tags --refs origin 'refs/tags/v*' | sed 's|.*refs/tags/||' > tags.txt
//   node scripts/release-plan.mjs 1.2.4 --tags-file tags.txt [--npm-latest 1.3.0]
//
// and appends what it prints (key=value lines) to $GITHUB_OUTPUT:
//
//   version=1.2.4
//   major_tag=v1
//   prerelease=false
//   move_major=true|false     the major tag (v1) moves to this release
//   github_latest=true|false  the GitHub release is marked "Latest"
//   dist_tag=latest-1.2       npm dist-tag to publish under (only with --npm-latest)
//
// The reasons go to stderr, for the log. "Newest" is decided among the
// version tags (vX.Y.Z, pre-releases left out), which must include the
// version's own tag. --npm-latest '' means the package has no `latest` yet
// (the first release).
//
// - A pre-release (1.3.0-rc.1) is published under `next`, moves nothing and is
//   never "Latest".
// - The major tag vN moves when the version is the newest vN.*.* release.
// - GitHub's "Latest" goes to the newest release overall.
// - npm's `latest` goes to the newest release overall, and only when it is at
//   least npm's current `latest`. Any other release is published under
//   `latest-` followed by the shortest version prefix whose line it is the
//   newest of: `latest-1` (1.9.1 after 2.0.0), `latest-1.2` (1.2.4 after
//   1.3.0), or `latest-1.2.4` (1.2.4 after 1.2.5). npm needs a dist-tag for
//   every publish; none of these moves backwards.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A Semantic Versioning 2.0.0 version, with an optional leading v. */
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

/**
 * The parts of a version (`1.2.3`, `v1.2.3-rc.1`, `1.2.3+build`), or undefined
 * when `text` is not a Semantic Versioning version.
 */
export function parseVersion(text) {
  const m = SEMVER.exec(String(text).trim())
  if (!m) return undefined
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
    text: `${m[1]}.${m[2]}.${m[3]}${m[4] === undefined ? '' : `-${m[4]}`}`
  }
}

const NUMERIC = /^\d+$/

function compareIdentifiers(a, b) {
  const an = NUMERIC.test(a)
  const bn = NUMERIC.test(b)
  if (an && bn) return Math.sign(Number(a) - Number(b))
  if (an) return -1 // numeric identifiers sort before alphanumeric ones
  if (bn) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Semantic Versioning precedence of two versions (strings or parsed): -1, 0 or 1.
 * Build metadata is ignored; a pre-release sorts before its release
 * (1.3.0-rc.1 < 1.3.0), and its identifiers compare numerically when numeric
 * (rc.2 < rc.10).
 */
export function compareVersions(a, b) {
  const x = typeof a === 'string' ? parseVersion(a) : a
  const y = typeof b === 'string' ? parseVersion(b) : b
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`)
  for (const key of ['major', 'minor', 'patch']) {
    if (x[key] !== y[key]) return x[key] < y[key] ? -1 : 1
  }
  if (x.prerelease.length === 0 || y.prerelease.length === 0) {
    return Math.sign(y.prerelease.length - x.prerelease.length)
  }
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    if (x.prerelease[i] === undefined) return -1
    if (y.prerelease[i] === undefined) return 1
    const c = compareIdentifiers(x.prerelease[i], y.prerelease[i])
    if (c !== 0) return c
  }
  return 0
}

/**
 * What releasing `version` moves.
 *
 * @param {object} input
 * @param {string} input.version the version released (`1.2.4` or `v1.2.4`)
 * @param {string[]} input.tags the repository's tags (`v1.2.3`, `v1`, …; others are ignored)
 * @param {string} [input.npmLatest] npm's current `latest` ('' when there is none);
 *   leave it out when no dist-tag is wanted
 * @returns {{version: string, majorTag: string, prerelease: boolean, moveMajor: boolean,
 *   githubLatest: boolean, distTag?: string, reasons: string[]}}
 */
export function releasePlan({ version, tags, npmLatest }) {
  const v = parseVersion(version)
  if (!v) {
    throw new Error(`"${version}" is not a version X.Y.Z or X.Y.Z-pre`)
  }
  const releases = []
  let ownTag = false
  for (const raw of tags) {
    const tag = raw.trim()
    if (!tag.startsWith('v')) continue
    const parsed = parseVersion(tag)
    if (!parsed) continue
    if (compareVersions(parsed, v) === 0) ownTag = true
    if (parsed.prerelease.length === 0) releases.push(parsed)
  }
  if (!ownTag) {
    throw new Error(
      `the tags listed do not include v${v.text}: push the tag first, and list the tags with git ls-remote --tags`
    )
  }
  const majorTag = `v${v.major}`
  const plan = {
    version: v.text,
    majorTag,
    prerelease: v.prerelease.length > 0,
    moveMajor: false,
    githubLatest: false,
    distTag: undefined,
    reasons: []
  }
  const say = (line) => plan.reasons.push(line)

  if (plan.prerelease) {
    plan.moveMajor = false
    plan.githubLatest = false
    say(`${v.text} is a pre-release: ${majorTag} stays, the GitHub release is a pre-release`)
    if (npmLatest !== undefined) {
      plan.distTag = 'next'
      say(`npm: published under the dist-tag next (npx echopoint-ci@next), latest stays`)
    }
    return plan
  }

  /** The newest release among those `same` keeps, or undefined. */
  const newest = (same) =>
    releases.filter(same).reduce((a, b) => (a && compareVersions(a, b) >= 0 ? a : b), undefined)
  const newestOverall = newest(() => true)
  const newestOfMajor = newest((r) => r.major === v.major)
  const newestOfMinor = newest((r) => r.major === v.major && r.minor === v.minor)
  const isNewest = (of) => of === undefined || compareVersions(v, of) >= 0

  plan.moveMajor = isNewest(newestOfMajor)
  say(
    plan.moveMajor
      ? `${v.text} is the newest ${majorTag}.*.* release: ${majorTag} moves to it`
      : `${majorTag} stays: v${newestOfMajor.text} is a newer ${majorTag}.*.* release`
  )
  plan.githubLatest = isNewest(newestOverall)
  say(
    plan.githubLatest
      ? `${v.text} is the newest release: the GitHub release is marked Latest`
      : `GitHub's Latest stays: v${newestOverall.text} is a newer release`
  )

  if (npmLatest !== undefined) {
    const current = String(npmLatest).trim()
    if (current !== '' && !parseVersion(current)) {
      throw new Error(`npm's latest "${current}" is not a version`)
    }
    const atLeastNpm = current === '' || compareVersions(v, current) >= 0
    if (plan.githubLatest && atLeastNpm) {
      plan.distTag = 'latest'
      say(
        current === ''
          ? `npm: the package has no latest yet: ${v.text} becomes latest`
          : compareVersions(v, current) === 0
            ? `npm: latest is ${v.text} already`
            : `npm: latest moves from ${current} to ${v.text}`
      )
    } else {
      const line = isNewest(newestOfMajor)
        ? `${v.major}`
        : isNewest(newestOfMinor)
          ? `${v.major}.${v.minor}`
          : v.text
      plan.distTag = `latest-${line}`
      const why = atLeastNpm
        ? `v${newestOverall.text} is a newer release`
        : `npm's latest is ${current}, newer than ${v.text}`
      say(
        `npm: latest stays (${why}); ${v.text} is published under the dist-tag ${plan.distTag}` +
          ` (npx echopoint-ci@${plan.distTag} runs it)`
      )
    }
  }
  return plan
}

/** The plan as `key=value` lines for $GITHUB_OUTPUT. */
export function formatPlan(plan) {
  const lines = [
    `version=${plan.version}`,
    `major_tag=${plan.majorTag}`,
    `prerelease=${plan.prerelease}`,
    `move_major=${plan.moveMajor}`,
    `github_latest=${plan.githubLatest}`
  ]
  if (plan.distTag !== undefined) lines.push(`dist_tag=${plan.distTag}`)
  return `${lines.join('\n')}\n`
}

const USAGE =
  'usage: node scripts/release-plan.mjs VERSION --tags-file FILE [--npm-latest VERSION|""]\n'

/** Reads the command line; returns an exit code. */
export function main(argv, out = process.stdout, err = process.stderr) {
  let version
  let tagsFile
  let npmLatest
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const option = /^(--tags-file|--npm-latest)(?:=(.*))?$/s.exec(arg)
    if (option) {
      let value = option[2]
      if (value === undefined) {
        if (i + 1 >= argv.length) {
          err.write(`${option[1]} needs a value\n${USAGE}`)
          return 2
        }
        value = argv[++i]
      }
      if (option[1] === '--tags-file') tagsFile = value
      else npmLatest = value
    } else if (arg.startsWith('-')) {
      err.write(`unknown option ${arg}\n${USAGE}`)
      return 2
    } else if (version === undefined) {
      version = arg
    } else {
      err.write(`unexpected argument ${arg}\n${USAGE}`)
      return 2
    }
  }
  if (version === undefined || tagsFile === undefined) {
    err.write(USAGE)
    return 2
  }
  let tags
  try {
    tags = readFileSync(tagsFile, 'utf8').split(/\r?\n/)
  } catch (e) {
    err.write(`cannot read ${tagsFile}: ${e.message}\n`)
    return 1
  }
  let plan
  try {
    plan = releasePlan({ version, tags, npmLatest })
  } catch (e) {
    err.write(`release plan: ${e.message}\n`)
    return 1
  }
  for (const reason of plan.reasons) err.write(`${reason}\n`)
  out.write(formatPlan(plan))
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2))
}
