/**
 * Every command's --help shows defaults one way: `(default: value)` at the end
 * of the option's text, once, unquoted (commander's own rendering, and the same
 * words for a default the command applies itself, such as an environment
 * variable). Flags that take no value show none: leaving the flag out is the
 * default. In-process, from the sources: the help needs no bundle.
 */
import { describe, expect, it } from '@jest/globals'
import type { Command } from 'commander'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CLI_ENTRY } from '../__fixtures__/run-dist.js'
import { buildProgram, main } from '../src/cli/main.js'
// Loaded here first: jest's ESM loader trips over the lazy imports main.ts makes
// when several arrive at once ("not in cache"); loaded, they are plain lookups.
import '../src/cli/commands/run.js'
import '../src/cli/commands/check-key.js'
import '../src/cli/commands/whoami.js'
import '../src/cli/commands/sandbox.js'
import '../src/cli/commands/demo.js'
import '../src/cli/commands/demo-service.js'
import '../src/cli/commands/flow.js'
import '../src/cli/commands/flow-run.js'
import '../src/cli/commands/flow-pull.js'

interface Captured {
  code: number
  stdout: string
  stderr: string
}

async function cli(args: string[]): Promise<Captured> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, {
    env: {},
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text)
  })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** Every command path of the tree: `run`, `flow`, `flow run`, ... */
function paths(command: Command, prefix: string[] = []): string[][] {
  return command.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => [[...prefix, c.name()], ...paths(c, [...prefix, c.name()])])
}

/** The entries of the Options: and Arguments: sections, each as one line of text. */
function entries(help: string): { term: string; text: string }[] {
  const found: { term: string; text: string }[] = []
  let inList = false
  for (const line of help.split('\n')) {
    if (/^(Options|Arguments):$/.test(line)) {
      inList = true
      continue
    }
    if (!line.startsWith('  ')) {
      inList = false
      continue
    }
    if (!inList) continue
    const start = /^ {2}(\S.*?)(?: {2,}(.*))?$/.exec(line)
    if (start && !/^ {3,}/.test(line)) found.push({ term: start[1], text: start[2] ?? '' })
    else if (found.length > 0) found[found.length - 1].text += ` ${line.trim()}`
  }
  return found
}

describe('--help of every command', () => {
  it('reaches every command, subcommands included', async () => {
    const all = paths(await buildProgram({ env: {}, stdout: () => {}, stderr: () => {} }, () => {}))
    expect(all).toEqual(
      expect.arrayContaining([
        ['run'],
        ['check-key'],
        ['whoami'],
        ['sandbox'],
        ['demo'],
        ['demo-service'],
        ['flow'],
        ['flow', 'run'],
        ['flow', 'validate'],
        ['flow', 'pull']
      ])
    )
  })

  it('shows each default once, as (default: value) at the end, and no other way', async () => {
    const program = await buildProgram({ env: {}, stdout: () => {}, stderr: () => {} }, () => {})
    const problems: string[] = []
    let defaults = 0
    for (const path of [[], ...paths(program)]) {
      const help = await cli([...path, '--help'])
      expect(help.code).toBe(0)
      const name = ['echopoint-ci', ...path].join(' ')
      // Not "defaults to", "default 15m", "default: x" outside parentheses, or a quoted default.
      const text = help.stdout.replace(/\s+/g, ' ')
      for (const other of text.match(/.{0,30}\bdefaults?\b(?!: [^()"[\]]+\)).{0,30}/g) ?? []) {
        if (!/\(default: [^()"[\]]+\)/.test(other) || /defaults to/.test(other)) {
          problems.push(`${name}: "${other}"`)
        }
      }
      for (const { term, text: description } of entries(help.stdout)) {
        const count = (description.match(/\(default/g) ?? []).length
        if (count === 0) continue
        defaults++
        if (count > 1) problems.push(`${name} ${term}: ${count} defaults in "${description}"`)
        if (!/ \(default: [^()"[\]]+\)$/.test(description))
          problems.push(`${name} ${term}: not "(default: value)" at the end: "${description}"`)
        // A flag without a value (--fail-fast, --no-cancel-on-abort) has no default to show.
        if (!/[<[]/.test(term)) problems.push(`${name} ${term}: a flag with a default shown`)
      }
    }
    expect(problems).toEqual([])
    // The walk saw them: run, check-key, the credentials, the sandbox's settings ...
    expect(defaults).toBeGreaterThan(25)
  })

  it('gives the defaults the commands apply, from the same constants', async () => {
    const run = (await cli(['run', '--help'])).stdout.replace(/\s+/g, ' ')
    for (const shown of [
      '(default: any)',
      '(default: cloud)',
      '(default: 15m)',
      '(default: auto)',
      '(default: 4)',
      '(default: table)',
      '(default: $ECHOPOINT_API_KEY)',
      '(default: $ECHOPOINT_ORGANIZATION_ID)',
      '(default: $ECHOPOINT_API_URL, else https://api.echopoint.dev)'
    ]) {
      expect(run).toContain(shown)
    }
    expect(run).not.toContain('(default: [])')
    expect(run).not.toContain('(default: false)')
    const key = (await cli(['check-key', '--help'])).stdout.replace(/\s+/g, ' ')
    for (const shown of [
      '(default: 14)',
      '(default: 3)',
      '(default: flows:execute)',
      '(default: text)'
    ]) {
      expect(key).toContain(shown)
    }
    const sandbox = (await cli(['sandbox', '--help'])).stdout.replace(/\s+/g, ' ')
    for (const shown of [
      '(default: 4010)',
      '(default: 127.0.0.1)',
      '(default: 100)',
      '(default: retry-after)'
    ]) {
      expect(sandbox).toContain(shown)
    }
  })
})

describe('a usage error', () => {
  it('is one line and the --help hint, exit 3, for every command', async () => {
    const cases: [string[], string][] = [
      [['run', '--bogus'], "error: unknown option '--bogus'"],
      [['run', '--tags', 'smoke'], "error: unknown option '--tags' (did you mean --tag?)"],
      [['check-key', '--bogus'], "error: unknown option '--bogus'"],
      [['check-key', '--warn-days'], "error: option '--warn-days <n>' argument missing"],
      [
        ['whoami', 'extra'],
        "error: too many arguments for 'whoami'. Expected 0 arguments but got 1."
      ],
      [['sandbox', '--bogus'], "error: unknown option '--bogus'"],
      [['demo', '--bogus'], "error: unknown option '--bogus'"],
      [['demo-service', '--bogus'], "error: unknown option '--bogus'"],
      [['flow', 'bogus'], "error: unknown command 'bogus'"],
      [['flow', 'run'], "error: missing required argument 'FILE'"],
      [['flow', 'validate'], "error: missing required argument 'FILE'"],
      [['flow', 'pull', '--bogus', 'x'], "error: unknown option '--bogus'"],
      [['bogus'], "error: unknown command 'bogus'"]
    ]
    for (const [args, error] of cases) {
      const run = await cli(args)
      expect({ args, ...run }).toEqual({
        args,
        code: 3,
        stdout: '',
        stderr: `${error}\n(add --help for usage)`
      })
    }
  })
})

describe('a reader that goes away', () => {
  it('does not crash the bundled CLI: `echopoint-ci sandbox --help | head -1` exits 0, quietly', async () => {
    if (!existsSync(CLI_ENTRY)) throw new Error('dist/cli/index.js is missing: run npm run build')
    const child = spawn(process.execPath, [CLI_ENTRY, 'sandbox', '--help'], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // The reader closes before the help is written: every write meets EPIPE.
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

describe('a key typed on the command line', () => {
  const KEY = 'abcd-secret-key-1234'

  it.each([
    [['run', '--api-keyy=epk_live_supersecret123', '--tag', 'x'], "unknown option '--api-keyy=…'"],
    [['run', `--api-keyy=${KEY}`, '--tag', 'x'], "unknown option '--api-keyy=…'"],
    [['flow', 'run', `--inputt=${KEY}`, 'x.json'], "unknown option '--inputt=…'"],
    [
      ['run', '--api-key', KEY, '--organization-id', 'org_x', '--max-parallel', KEY, '--tag', 'x'],
      'Invalid --max-parallel: "***"'
    ],
    [
      ['run', `--api-key=${KEY}`, '--organization-id', 'org_x', '--output', KEY, '--tag', 'x'],
      'Invalid --output: "***"'
    ],
    [
      ['check-key', '--organization-id', 'org_x', `--warn-days=${KEY}`, `--api-key=${KEY}`],
      'Invalid --warn-days: "***"'
    ]
  ])('never shows in a usage error: %j', async (args, expected) => {
    const { code, stdout, stderr } = await cli(args)
    expect(code).toBe(3)
    expect(stdout).toBe('')
    expect(stderr).toContain(expected)
    expect(stderr).not.toContain(KEY)
    expect(stderr).not.toContain('supersecret')
  })

  it('nor does ECHOPOINT_API_KEY, whatever flag it was given to', async () => {
    const err: string[] = []
    const code = await main(['whoami', '--output', KEY], {
      env: { ECHOPOINT_API_KEY: KEY },
      stdout: () => undefined,
      stderr: (text) => err.push(text)
    })
    expect(code).toBe(3)
    expect(err.join('\n')).toContain('Invalid --output: "***"')
    expect(err.join('\n')).not.toContain(KEY)
  })
})
