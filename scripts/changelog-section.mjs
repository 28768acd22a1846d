#!/usr/bin/env node
// Prints one version's section of a Keep a Changelog file: the release notes
// the release workflow puts on the GitHub release.
//
//   node scripts/changelog-section.mjs 1.2.3 [CHANGELOG.md]
//
// The version may carry a leading v (the tag). Prints the section's body
// (without its "## [1.2.3] - date" heading) and exits 0; exits 1 with a message
// on stderr when the file has no section for the version, or the section is empty.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A level-2 heading: `## [1.2.3] - 2026-12-02`, `## 1.2.3`, `## [Unreleased]`. */
const HEADING = /^##(?!#)\s*\[?([^\]\s]+)\]?/

/** A link reference definition, as at the bottom of the file: `[1.2.3]: https://…`. */
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/

/**
 * The body of `version`'s section in `text` (a Keep a Changelog document), or
 * undefined when there is no such section. Leading and trailing blank lines are
 * dropped, and so are the link reference definitions that close the file when
 * the version's section is the last one.
 */
export function changelogSection(text, version) {
  const wanted = String(version).trim().replace(/^v/, '')
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const start = lines.findIndex((line) => HEADING.exec(line)?.[1] === wanted)
  if (start === -1) return undefined
  let end = lines.findIndex((line, i) => i > start && HEADING.test(line))
  if (end === -1) end = lines.length
  const body = lines.slice(start + 1, end)
  while (body.length > 0 && (body.at(-1).trim() === '' || LINK_DEFINITION.test(body.at(-1)))) {
    body.pop()
  }
  while (body.length > 0 && body[0].trim() === '') body.shift()
  return body.join('\n')
}

function main(argv) {
  const [version, file = 'CHANGELOG.md'] = argv
  if (!version) {
    process.stderr.write('usage: node scripts/changelog-section.mjs VERSION [CHANGELOG.md]\n')
    return 2
  }
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err.message}\n`)
    return 1
  }
  const section = changelogSection(text, version)
  if (section === undefined) {
    process.stderr.write(
      `${file} has no section for ${version} (a "## [${version.replace(/^v/, '')}] - YYYY-MM-DD" heading)\n`
    )
    return 1
  }
  if (section.trim() === '') {
    process.stderr.write(`${file}: the section for ${version} is empty\n`)
    return 1
  }
  process.stdout.write(`${section}\n`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2))
}
