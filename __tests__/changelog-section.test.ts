/**
 * scripts/changelog-section.mjs: the release notes the release workflow puts on a
 * GitHub release are the version's CHANGELOG.md section, found by the same
 * script that checks, before publishing, that the section exists.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../__fixtures__/run-dist.js'

const SCRIPT = join(ROOT, 'scripts', 'changelog-section.mjs')
const { changelogSection } = (await import(pathToFileURL(SCRIPT).href)) as {
  changelogSection: (text: string, version: string) => string | undefined
}

const CHANGELOG = [
  '# Changelog',
  '',
  'Intro text.',
  '',
  '## [Unreleased]',
  '',
  '### Added',
  '',
  '- Something not released yet.',
  '',
  '## [1.2.0] - 2027-01-10',
  '',
  '### Added',
  '',
  '- A new input.',
  '',
  '### Fixed',
  '',
  '- A bug ([#12](https://github.com/echopoint/echopoint-ci/pull/12)).',
  '',
  '## [1.10.0-rc.1] - 2027-01-05',
  '',
  '- A pre-release.',
  '',
  '## [1.0.0] - 2026-12-02',
  '',
  '### Added',
  '',
  '- The first release.',
  '',
  '[Unreleased]: https://github.com/echopoint/echopoint-ci/compare/v1.2.0...HEAD',
  '[1.2.0]: https://github.com/echopoint/echopoint-ci/compare/v1.0.0...v1.2.0',
  '[1.0.0]: https://github.com/echopoint/echopoint-ci/releases/tag/v1.0.0',
  ''
].join('\n')

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('changelogSection', () => {
  it('returns the body of a section, up to the next version heading', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBe(
      [
        '### Added',
        '',
        '- A new input.',
        '',
        '### Fixed',
        '',
        '- A bug ([#12](https://github.com/echopoint/echopoint-ci/pull/12)).'
      ].join('\n')
    )
  })

  it('leaves the link definitions at the bottom out of the last section', () => {
    expect(changelogSection(CHANGELOG, '1.0.0')).toBe('### Added\n\n- The first release.')
  })

  it('takes the tag as well as the version (v1.2.0)', () => {
    expect(changelogSection(CHANGELOG, 'v1.2.0')).toBe(changelogSection(CHANGELOG, '1.2.0'))
  })

  it('matches the version exactly: 1.0.0 is not 1.0.0-rc.1, 1.1 is not 1.10.0-rc.1', () => {
    expect(changelogSection(CHANGELOG, '1.10.0-rc.1')).toBe('- A pre-release.')
    expect(changelogSection(CHANGELOG, '1.0.0-rc.1')).toBeUndefined()
    expect(changelogSection(CHANGELOG, '1.1')).toBeUndefined()
    expect(changelogSection(CHANGELOG, '1.2.1')).toBeUndefined()
  })

  it('reads the Unreleased section too, and headings without brackets or date', () => {
    expect(changelogSection(CHANGELOG, 'Unreleased')).toBe(
      '### Added\n\n- Something not released yet.'
    )
    expect(changelogSection('## 2.0.0\n- Breaking.\n## 1.0.0\n- First.\n', '2.0.0')).toBe(
      '- Breaking.'
    )
  })

  it('reads a file with CRLF line endings', () => {
    expect(changelogSection(CHANGELOG.replace(/\n/g, '\r\n'), '1.0.0')).toBe(
      '### Added\n\n- The first release.'
    )
  })

  it('gives an empty body for a heading with nothing under it', () => {
    expect(changelogSection('## [1.0.0] - 2026-12-02\n\n## [0.9.0]\n- x\n', '1.0.0')).toBe('')
  })
})

describe('node scripts/changelog-section.mjs VERSION [FILE]', () => {
  let dir: string

  function withFile(text: string): string {
    dir = mkdtempSync(join(tmpdir(), 'echopoint-changelog-'))
    const file = join(dir, 'CHANGELOG.md')
    writeFileSync(file, text)
    return file
  }

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('prints the section and exits 0', () => {
    const r = cli(['v1.2.0', withFile(CHANGELOG)])
    expect(r).toEqual({
      status: 0,
      stdout: `${changelogSection(CHANGELOG, '1.2.0')}\n`,
      stderr: ''
    })
  })

  it('exits 1 naming the version when the file has no section for it', () => {
    const r = cli(['1.3.0', withFile(CHANGELOG)])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/has no section for 1\.3\.0/)
  })

  it('exits 1 when the section is empty', () => {
    const r = cli(['1.0.0', withFile('## [1.0.0] - 2026-12-02\n\n[1.0.0]: https://x\n')])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/section for 1\.0\.0 is empty/)
  })

  it('exits 2 with the usage without a version', () => {
    const r = cli([])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^usage: /)
  })

  it("finds the current version's section in the repository's CHANGELOG.md", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const r = cli([version])
    expect(r.status).toBe(0)
    expect(r.stdout.trim().length).toBeGreaterThan(0)
    expect(r.stdout).not.toMatch(/^## /m)
  })
})
