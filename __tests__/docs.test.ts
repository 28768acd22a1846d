/**
 * The documentation holds together:
 *
 * - README.md stays at most 20 KiB, keeps the sections a user needs first, and links
 *   every page under docs/ (its "Documentation" list);
 * - the README's and check-key/README.md's inputs and outputs tables list exactly what
 *   action.yml and check-key/action.yml declare, with the same defaults;
 * - every relative link in README.md, check-key/README.md, CHANGELOG.md, SECURITY.md and
 *   docs/**\/*.md resolves to a file or folder of the repository, and a `#anchor` into a
 *   Markdown file names one of its headings (GitHub's slugs);
 * - every `npx echopoint-ci` or `npm exec echopoint-ci` command in those files pins the
 *   major version (the rules are above `unpinnedCommands`);
 * - every Markdown file the code, the workflows or the documentation's prose cites exists,
 *   and so does the section named after it: `docs/cli.md, "Flow files"`, `(README,
 *   "Quickstart")` (the rules are above `citationsOf`).
 *
 * A file another change has still to create (CHANGELOG.md, SECURITY.md, a docs page)
 * fails these tests by name until it exists.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..')
const SELF = '__tests__/docs.test.ts'
const README_MAX_BYTES = 20 * 1024

/** A path relative to the repository, with forward slashes. */
const rel = (abs: string): string => relative(ROOT, abs).split(sep).join('/')
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const isFile = (abs: string): boolean => existsSync(abs) && statSync(abs).isFile()

/** Files under `dir` (recursive, dot-files included), relative to the repository. */
function filesUnder(dir: string, name: RegExp = /./): string[] {
  const abs = join(ROOT, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && name.test(e.name))
    .map((e) => rel(join(e.parentPath, e.name)))
    .filter((p) => !p.split('/').includes('node_modules'))
    .sort()
}

/** The line (1-based) of character `index` in `text`. */
const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length

// ---------------------------------------------------------------------------------------
// Markdown: code, headings, links
// ---------------------------------------------------------------------------------------

/** Blanks fenced code blocks (``` or ~~~, any indentation), keeping every line break. */
function withoutFences(markdown: string): string {
  let fence: string | undefined
  return markdown
    .split('\n')
    .map((line) => {
      const open = /^\s*(`{3,}|~{3,})/.exec(line)
      if (fence === undefined) {
        if (open) {
          fence = open[1]
          return ''
        }
        return line
      }
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined
      return ''
    })
    .join('\n')
}

/** Blanks code (fenced blocks, inline spans) and HTML comments, keeping every offset and line. */
function maskCode(markdown: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ')
  return withoutFences(markdown)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank)
}

/** A heading's text as GitHub renders it: links as their text, no code ticks, tags or emphasis. */
function headingText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/(\*{1,3}|~~)/g, '')
    .replace(/(^|\s)_{1,3}(?=\S)|(?<=\S)_{1,3}(?=\s|$)/g, '$1')
    .trim()
}

/** The headings of a Markdown file, in order (ATX and setext; not in code). */
function headings(markdown: string): string[] {
  const lines = withoutFences(markdown).split('\n')
  const found: string[] = []
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
    if (atx) found.push(headingText(atx[1]))
    else if (i > 0 && /^ {0,3}(=+|-+)[ \t]*$/.test(line) && /\S/.test(lines[i - 1])) {
      // Setext: the line above is the heading (a `---` under a blank line is a rule).
      if (!/^ {0,3}(\||[-*+] |\d+\. )/.test(lines[i - 1])) found.push(headingText(lines[i - 1]))
    }
  })
  return found
}

/**
 * GitHub's anchor for a heading: lower case; every character that is not a letter,
 * mark, digit, `_`, `-` or space removed (punctuation, emoji); spaces become `-`.
 */
function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** Every anchor a Markdown file has: heading slugs (repeats get -1, -2, …) and HTML ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const text of headings(markdown)) {
    const base = githubSlug(text)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  for (const m of maskCode(markdown).matchAll(/<a\s[^>]*\b(?:name|id)="([^"]+)"/g))
    anchors.add(m[1])
  return anchors
}

interface Link {
  line: number
  target: string
}

/** The link targets of a Markdown file outside code: inline, reference definitions, <a href>. */
function linksOf(markdown: string): { links: Link[]; undefinedReferences: Link[] } {
  const text = maskCode(markdown)
  const links: Link[] = []
  const inline =
    /!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g
  for (const m of text.matchAll(inline)) {
    links.push({ line: lineAt(text, m.index), target: m[1].replace(/^<|>$/g, '') })
  }
  const definitions = new Set<string>()
  for (const m of text.matchAll(/^ {0,3}\[([^\]]+)\]:[ \t]*(<[^>\n]*>|\S+)/gm)) {
    definitions.add(m[1].trim().toLowerCase())
    links.push({ line: lineAt(text, m.index), target: m[2].replace(/^<|>$/g, '') })
  }
  for (const m of text.matchAll(/<a\s[^>]*\bhref="([^"]*)"/g)) {
    links.push({ line: lineAt(text, m.index), target: m[1] })
  }
  // Full references, [text][label]: the label must be defined.
  const undefinedReferences: Link[] = []
  for (const m of text.matchAll(/\[(?:[^[\]]|\[[^[\]]*\])*\]\[([^\]]+)\]/g)) {
    if (!definitions.has(m[1].trim().toLowerCase())) {
      undefinedReferences.push({ line: lineAt(text, m.index), target: `[${m[1]}]` })
    }
  }
  return { links, undefinedReferences }
}

/** Links to another scheme (https:, mailto:, …) are not checked here. */
const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i

/**
 * Why a relative link of `from` is broken, or undefined when it resolves: the file or
 * folder exists inside the repository and, for `#anchor` into a Markdown file, the
 * anchor is one of its headings.
 */
function brokenLink(from: string, target: string): string | undefined {
  const [rawPath, ...rest] = target.split('#')
  const anchor = rest.join('#')
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    return 'is not a valid URL'
  }
  const abs =
    path === ''
      ? join(ROOT, from)
      : path.startsWith('/')
        ? join(ROOT, path)
        : resolve(dirname(join(ROOT, from)), path)
  if (rel(abs).startsWith('..')) return 'points outside the repository'
  if (!existsSync(abs)) return `points at ${rel(abs)}, which does not exist`
  if (anchor !== '' && abs.endsWith('.md') && isFile(abs)) {
    if (!anchorsOf(readFileSync(abs, 'utf8')).has(decodeURIComponent(anchor))) {
      return `has #${anchor}, which is no heading of ${rel(abs)}`
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------
// The files checked
// ---------------------------------------------------------------------------------------

/** The documentation: the README, the check-key action's README, CHANGELOG, SECURITY, docs/. */
const DOCS = [
  'README.md',
  'check-key/README.md',
  'CHANGELOG.md',
  'SECURITY.md',
  ...filesUnder('docs', /\.md$/)
]

describe('README.md', () => {
  const readme = read('README.md')

  it(`is at most ${README_MAX_BYTES} bytes, so the first things stay first`, () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(README_MAX_BYTES)
  })

  it('gives a newcomer the two commands: set up and run the demo, and run the tests', () => {
    // CI runs these (.ci/run); a clone must need nothing else.
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toMatch(/^npm test\b/m)
  })

  it('has the sections a user needs first, in order', () => {
    const top = headings(readme)
    const wanted = [
      'Quickstart (GitHub Actions)',
      'Try it locally',
      'Inputs',
      'Outputs',
      'Exit codes (CLI)',
      'Troubleshooting',
      "Coming from Echopoint's own action",
      'Documentation'
    ]
    const positions = wanted.map((h) => top.indexOf(h))
    expect(wanted.filter((_, i) => positions[i] < 0)).toEqual([])
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })

  it('links every page under docs/ and the key-expiry action', () => {
    const linked = new Set(
      linksOf(readme)
        .links.filter((l) => !EXTERNAL.test(l.target))
        .map((l) => l.target.split('#')[0])
    )
    const pages = [...filesUnder('docs', /\.md$/), 'check-key/README.md']
    expect(pages.filter((page) => !linked.has(page))).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------
// Inputs and outputs tables against the action metadata
// ---------------------------------------------------------------------------------------

interface ActionInput {
  required?: boolean
  default?: string
}

/** The rows of the first table under the heading `title`, as cells (unescaped `|` split). */
function tableUnder(markdown: string, title: string): string[][] {
  const lines = withoutFences(markdown).split('\n')
  const start = lines.findIndex(
    (l) => /^#{1,6}\s/.test(l) && headingText(l.replace(/^#+\s*/, '')) === title
  )
  if (start < 0) return []
  const rows: string[][] = []
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break
    if (!line.startsWith('|')) {
      if (rows.length > 0) break
      continue
    }
    const cells = line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim())
    rows.push(cells)
  }
  // Drop the header and the delimiter row.
  return rows.slice(2)
}

/** `` `name` `` → name. */
const codeName = (cell: string): string => /^`([^`]+)`$/.exec(cell)?.[1] ?? cell

/**
 * What the default column must say for an input: `required`; `empty` (or `derived`,
 * for a value the action computes when none is given) for an empty default; else the
 * default itself in backticks.
 */
function defaultCellMatches(cell: string, input: ActionInput): boolean {
  if (input.required) return cell === 'required'
  if ((input.default ?? '') === '') return cell === 'empty' || cell === 'derived'
  return cell === `\`${input.default}\``
}

describe.each([
  ['README.md', 'action.yml'],
  ['check-key/README.md', 'check-key/action.yml']
])('%s documents %s exactly', (doc, metadataPath) => {
  const markdown = existsSync(join(ROOT, doc)) ? read(doc) : ''
  const metadata = parse(read(metadataPath)) as {
    inputs: Record<string, ActionInput>
    outputs: Record<string, unknown>
  }

  it("lists every input, once, in the metadata's order, with its default", () => {
    const rows = tableUnder(markdown, 'Inputs')
    expect(rows.map((r) => codeName(r[0]))).toEqual(Object.keys(metadata.inputs))
    const wrong = rows
      .filter((r) => !defaultCellMatches(r[1], metadata.inputs[codeName(r[0])] ?? {}))
      .map((r) => `${codeName(r[0])}: "${r[1]}"`)
    expect(wrong).toEqual([])
  })

  it("lists every output, once, in the metadata's order", () => {
    const rows = tableUnder(markdown, 'Outputs')
    expect(rows.map((r) => codeName(r[0]))).toEqual(Object.keys(metadata.outputs))
  })
})

// ---------------------------------------------------------------------------------------
// Links and commands in the documentation
// ---------------------------------------------------------------------------------------

describe.each(DOCS)('%s', (doc) => {
  it('exists', () => {
    expect({ doc, exists: existsSync(join(ROOT, doc)) }).toEqual({ doc, exists: true })
  })

  it('has only relative links that resolve, anchors included', () => {
    if (!existsSync(join(ROOT, doc))) return
    const { links, undefinedReferences } = linksOf(read(doc))
    const broken = links
      .filter((l) => !EXTERNAL.test(l.target))
      .flatMap((l) => {
        const why = brokenLink(doc, l.target)
        return why ? [`${doc}:${l.line}: (${l.target}) ${why}`] : []
      })
    const references = undefinedReferences.map(
      (r) => `${doc}:${r.line}: reference ${r.target} is not defined`
    )
    expect([...broken, ...references]).toEqual([])
  })

  it('pins a version (the major, X.Y.Z or next) in every npx / npm exec echopoint-ci command', () => {
    if (!existsSync(join(ROOT, doc))) return
    const text = read(doc)
    const unpinned = unpinnedCommands(text).map(
      (c) => `${doc}:${lineAt(text, c.index)}: ${c.command} (use echopoint-ci@1)`
    )
    expect(unpinned).toEqual([])
  })
})

/** A package spec that names this package: `echopoint-ci` or `echopoint-ci@…`. */
const OUR_PACKAGE = /^echopoint-ci(?:@|$)/
/** A pinned spec: the major (`@1`), a full version (`@1.2.3`, `@X.Y.Z`) or the `next` tag. */
const PINNED = /^echopoint-ci@(?:\d|X\.Y\.Z\b|next\b)/
/** Options of npx and npm exec whose value is the next word (`--registry URL`). */
const VALUE_OPTIONS = new Set([
  '--cache',
  '--loglevel',
  '--node-options',
  '--prefix',
  '--registry',
  '--userconfig',
  '--workspace',
  '-w'
])

/**
 * The commands of `text` that run this package without pinning its version. The rule:
 *
 * - a command is `npx`, `npm exec` or `npm x`, then its words up to the end of the line
 *   (`\` line continuations joined), code spans, fences and prose alike;
 * - the package is the value of `-p`/`--package` (`npx -p echopoint-ci@1 echopoint-ci
 *   demo`: the word after the options is then the bin's name, not a package), or else the
 *   first word that is no option: after any flags (`--yes`, `--offline`, `-q`, …), after
 *   the value of an option that takes one (`--registry URL`), after `--`;
 * - `-c`/`--call` ends the scan (its value is a shell command);
 * - when that package is `echopoint-ci` it must carry `@<major>`, `@X.Y.Z` or `@next`.
 *
 * Quotes, backticks and closing punctuation around a word are not part of it.
 */
function unpinnedCommands(text: string): { index: number; command: string }[] {
  const found: { index: number; command: string }[] = []
  for (const m of text.matchAll(/(?<![\w-])(?:npx|npm[ \t]+(?:exec|x))(?![\w-])/g)) {
    const line = text
      .slice(m.index, m.index + 2000)
      .replace(/\\\r?\n/g, ' ')
      .split('\n')[0]
    const words = line
      .slice(m[0].length)
      .trim()
      .split(/[ \t]+/)
      .map((w) => w.replace(/^["'`(]+|["'`),.;:]+$/g, ''))
    const specs: string[] = []
    let byOption = false
    for (let i = 0; i < words.length; i++) {
      const word = words[i]
      if (word === '') break
      if (word === '--') {
        if (!byOption && words[i + 1]) specs.push(words[i + 1])
        break
      }
      if (!word.startsWith('-')) {
        if (!byOption) specs.push(word)
        break
      }
      const [name, value] = word.split(/=(.*)/s)
      if (name === '-c' || name === '--call') break
      if (name === '-p' || name === '--package') {
        byOption = true
        const spec = value ?? words[++i]
        if (spec) specs.push(spec)
      } else if (value === undefined && VALUE_OPTIONS.has(name)) {
        i++
      }
    }
    if (specs.some((spec) => OUR_PACKAGE.test(spec) && !PINNED.test(spec))) {
      found.push({ index: m.index, command: line.trim() })
    }
  }
  return found
}

describe('the npx pin rule itself', () => {
  const flagged = (sample: string): string[] => unpinnedCommands(sample).map((c) => c.command)

  it('catches an unpinned package after any options, through npx and npm exec', () => {
    for (const command of [
      'npx echopoint-ci demo',
      'npx --yes echopoint-ci run --tag smoke',
      'npx -y echopoint-ci@latest run',
      'npx --offline echopoint-ci demo',
      'npx --prefer-offline -q echopoint-ci',
      'npx --registry http://127.0.0.1:4873 echopoint-ci demo',
      'npx --registry=http://127.0.0.1:4873 --yes echopoint-ci demo',
      'npx -p echopoint-ci echopoint-ci demo',
      'npx --package=echopoint-ci@latest echopoint-ci demo',
      'npm exec echopoint-ci demo',
      'npm exec -- echopoint-ci demo',
      'npm exec --yes -- echopoint-ci demo',
      'npm x echopoint-ci demo',
      'npm   exec  --package echopoint-ci -- echopoint-ci demo'
    ])
      expect({ command, flagged: flagged(command) }).toEqual({ command, flagged: [command] })
  })

  it('accepts a pinned package, other packages and prose', () => {
    const fine = [
      'npx --yes echopoint-ci@1 demo',
      'npx --offline echopoint-ci@1.2.3 demo',
      'npx echopoint-ci@X.Y.Z --version',
      'npx --yes echopoint-ci@next run',
      'npx -p echopoint-ci@1 echopoint-ci demo',
      'npx --package=echopoint-ci@1 -- echopoint-ci demo',
      'npm exec --yes -- echopoint-ci@1 demo',
      'npm exec -c "echopoint-ci demo"',
      'npx prettier --write echopoint-ci',
      'npx --yes some-tool echopoint-ci',
      'run it with npx. The package echopoint-ci is on npm',
      'npm execution of echopoint-ci',
      'node npx-cli.js echopoint-ci'
    ]
    expect(fine.flatMap(flagged)).toEqual([])
  })

  it('reads commands in code spans, across line continuations, and reports their line', () => {
    const text = [
      'Run `npx echopoint-ci` to start,',
      '```sh',
      'npx --yes \\',
      '  echopoint-ci demo',
      'npx --yes echopoint-ci@1 \\',
      '  demo',
      '```'
    ].join('\n')
    expect(unpinnedCommands(text).map((c) => [lineAt(text, c.index), c.command])).toEqual([
      [1, 'npx echopoint-ci` to start,'],
      [3, 'npx --yes    echopoint-ci demo']
    ])
  })
})

describe('the link checker itself', () => {
  it('makes GitHub slugs', () => {
    expect(githubSlug(headingText('The in-job runner (`runner: ephemeral`)'))).toBe(
      'the-in-job-runner-runner-ephemeral'
    )
    expect(githubSlug(headingText("Coming from Echopoint's own action"))).toBe(
      'coming-from-echopoints-own-action'
    )
    expect(githubSlug(headingText('🚀 Fast **and** `run_when`: 2.0'))).toBe('-fast-and-run_when-20')
    expect([...anchorsOf('# A\n\n## A\n\nB\n---\n\n### A\n')]).toEqual(['a', 'a-1', 'b', 'a-2'])
  })

  it('finds links outside code only, and reports broken ones', () => {
    const { links, undefinedReferences } = linksOf(
      [
        '[ok](README.md#quickstart-github-actions) and `[not](in-code.md)`',
        '```md',
        '[not](in-a-fence.md)',
        '```',
        '[ref]: docs/nowhere.md',
        'see [text][missing] and <a href="SECURITY.md">x</a>'
      ].join('\n')
    )
    expect(links).toEqual([
      { line: 1, target: 'README.md#quickstart-github-actions' },
      { line: 5, target: 'docs/nowhere.md' },
      { line: 6, target: 'SECURITY.md' }
    ])
    expect(undefinedReferences).toEqual([{ line: 6, target: '[missing]' }])
    expect(brokenLink('README.md', '#quickstart-github-actions')).toBeUndefined()
    expect(brokenLink('README.md', '#no-such-heading')).toMatch(/no heading of README\.md/)
    expect(brokenLink('docs/x.md', 'nowhere.md')).toMatch(/docs\/nowhere\.md, which does not exist/)
    expect(brokenLink('README.md', '../outside.md')).toMatch(/outside the repository/)
  })
})

// ---------------------------------------------------------------------------------------
// Markdown files the code and the documentation cite
// ---------------------------------------------------------------------------------------

/** Where the code lives: every file under these folders (the workflows too), and these files. */
const CODE = [
  ...[
    'src',
    '__fixtures__',
    '__tests__',
    'bench',
    'scripts',
    'sandbox',
    'examples',
    '.github'
  ].flatMap((dir) => filesUnder(dir)),
  'action.yml',
  'check-key/action.yml'
].filter((p) => p !== SELF && !p.startsWith('bench/results/'))

/** The files whose citations are checked: the code, and the documentation (prose and code). */
const CITING = [...CODE, ...DOCS.filter((doc) => existsSync(join(ROOT, doc)))]

interface Citation {
  file: string
  line: number
  path: string
  /** The section named after it: `README, "Quickstart"` or `docs/cli.md, "Flow files"`. */
  section?: string
}

/** Comment continuations (`//`, `#`, ` * `) joined, so a section name may wrap. */
const joinContinuations = (text: string): string =>
  text.replace(/\s*\n\s*(?:\/\/|#|\*(?!\/))?\s*/g, ' ')

/**
 * The Markdown files a file of code or documentation cites. The rule:
 *
 * - a citation is a path ending in `.md` (`docs/engine.md`, `README.md`, a bare
 *   `contract.md`), in a comment, a string, a workflow file, a Markdown link or the prose
 *   of a doc alike, and the words `README, "Section"` (the README's section of that name);
 * - not a citation: a path inside a URL (`https://…/x.md`); a bare file name directly
 *   in quotes (`'step_summary.md'`: a file the code writes or reads at run time); a path
 *   under a shell variable (`"$RUNNER_TEMP/notes.md"`: a file a workflow writes); a file
 *   of another repository, written as `docs/x.md of the reference`, `docs/x.md in
 *   echopoint-runner` or `Echopoint's docs/x.md`.
 *
 * A citation must name a file of this repository, relative to its root or to the citing
 * file's folder; a section named after it must be a heading of that file (the heading
 * itself, or its first words followed by a space).
 */
function citationsOf(file: string, text: string): Citation[] {
  const found: Citation[] = []
  const pathPattern = /(?<![\w/.@%-])((?:\.{1,2}\/)*(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.md)(?![\w/-])/g
  for (const m of text.matchAll(pathPattern)) {
    const path = m[1]
    const before = text.slice(Math.max(0, m.index - 40), m.index)
    const after = text.slice(m.index + path.length, m.index + path.length + 200)
    const token = /\S*$/.exec(before)?.[0] ?? ''
    if (token.includes('://')) continue
    if (before.endsWith('$')) continue
    const quote = before.slice(-1)
    if (!path.includes('/') && (quote === "'" || quote === '"') && after.startsWith(quote)) continue
    if (/^\)?\s+(?:of|in|from)\s+(?:the reference|echopoint-[\w-]+|Echopoint's)/i.test(after))
      continue
    if (/(?:Echopoint's|the reference's)\s+$/i.test(before)) continue
    const section = /^,\s+"([^"]+)"/.exec(joinContinuations(after))?.[1]
    found.push({ file, line: lineAt(text, m.index), path, section })
  }
  for (const m of text.matchAll(/\bREADME,(?=\s)/g)) {
    const after = text.slice(m.index + 'README'.length, m.index + 200)
    const section = /^,\s+"([^"]+)"/.exec(joinContinuations(after))?.[1]
    if (section) found.push({ file, line: lineAt(text, m.index), path: 'README.md', section })
  }
  return found
}

/** The file a citation names, or undefined: from the repository's root, then the citing file's folder. */
function citedFile(citation: Citation): string | undefined {
  const candidates = [
    join(ROOT, citation.path),
    resolve(dirname(join(ROOT, citation.file)), citation.path)
  ]
  return candidates.find((abs) => isFile(abs) && !rel(abs).startsWith('..'))
}

function hasSection(markdown: string, section: string): boolean {
  const wanted = section.replace(/\s+/g, ' ').trim().toLowerCase()
  return headings(markdown).some((h) => {
    const heading = h.toLowerCase()
    return heading === wanted || heading.startsWith(`${wanted} `)
  })
}

/** The citations of files that are not in this repository. */
const missingFiles = (citations: Citation[]): string[] =>
  citations
    .filter((c) => citedFile(c) === undefined)
    .map((c) => `${c.file}:${c.line}: cites ${c.path}, which is not a file of this repository`)

/** The citations of sections their file does not have. */
const missingSections = (citations: Citation[]): string[] =>
  citations
    .filter((c) => c.section !== undefined)
    .flatMap((c) => {
      const abs = citedFile(c)
      if (abs === undefined) return [] // reported by missingFiles
      return hasSection(readFileSync(abs, 'utf8'), c.section ?? '')
        ? []
        : [
            `${c.file}:${c.line}: cites ${c.path}, "${c.section}", which is no heading of ${rel(abs)}`
          ]
    })

describe('Markdown files cited by the code and the documentation', () => {
  const citations = CITING.flatMap((file) => citationsOf(file, read(file)))

  it('finds the citations (the scan really runs, over code, workflows and docs)', () => {
    expect(citations.length).toBeGreaterThan(10)
    expect(citations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'docs/engine.md' }),
        expect.objectContaining({ file: 'README.md' }),
        expect.objectContaining({ file: 'SECURITY.md' }),
        expect.objectContaining({ file: '.github/workflows/release.yml' })
      ])
    )
  })

  it('exist in this repository', () => {
    expect(missingFiles(citations)).toEqual([])
  })

  it('name sections that exist', () => {
    expect(missingSections(citations)).toEqual([])
  })

  it('follows its own rule', () => {
    const sample = [
      '// See docs/engine.md and contract.md part A (README, "Quickstart").',
      "const file = join(work, 'step_summary.md')",
      ' * (docs/technical/template-references.md of the reference)',
      ' * runner (docs/technical/template-references.md in echopoint-runner), with one',
      '# see https://example.com/docs/x.md and (README, "Setting repository',
      '# secrets")'
    ].join('\n')
    expect(citationsOf('src/x.ts', sample)).toEqual([
      { file: 'src/x.ts', line: 1, path: 'docs/engine.md', section: undefined },
      { file: 'src/x.ts', line: 1, path: 'contract.md', section: undefined },
      { file: 'src/x.ts', line: 1, path: 'README.md', section: 'Quickstart' },
      { file: 'src/x.ts', line: 5, path: 'README.md', section: 'Setting repository secrets' }
    ])
    expect(hasSection('## Quickstart (GitHub Actions)\n', 'Quickstart')).toBe(true)
    expect(hasSection('## Quickstarts\n', 'Quickstart')).toBe(false)
  })

  it('follows its own rule in prose and workflows, and reports what is missing', () => {
    // A doc citing a section the README no longer has (it moved to docs/key-expiry.md).
    const prose = [
      'If a key was exposed, revoke it first (README, "Rotating the',
      'key"). See [the checks](docs/key-expiry.md#rotating-the-key), `docs/gone.md` and',
      "Echopoint's docs/x.md; the runner (docs/y.md of the reference).",
      'run: node scripts/changelog-section.mjs > "$RUNNER_TEMP/notes.md"'
    ].join('\n')
    const found = citationsOf('SECURITY.md', prose)
    expect(found).toEqual([
      { file: 'SECURITY.md', line: 2, path: 'docs/key-expiry.md', section: undefined },
      { file: 'SECURITY.md', line: 2, path: 'docs/gone.md', section: undefined },
      { file: 'SECURITY.md', line: 1, path: 'README.md', section: 'Rotating the key' }
    ])
    expect(missingFiles(found)).toEqual([
      'SECURITY.md:2: cites docs/gone.md, which is not a file of this repository'
    ])
    expect(missingSections(found)).toEqual([
      'SECURITY.md:1: cites README.md, "Rotating the key", which is no heading of README.md'
    ])
    // A link from a page under docs/ resolves from its own folder.
    expect(
      missingFiles(citationsOf('docs/cli.md', '[the README](../README.md), [x](engine.md)'))
    ).toEqual([])
  })
})
