/** What a CLI command reads and writes, injectable for tests. */
import { Option, type Command, type OutputConfiguration } from 'commander'
import type { Env } from '../core/ci-context.js'
import { DEFAULT_API_URL, type CredentialNames } from '../core/credentials.js'

export interface CliIo {
  env: Env
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Aborted on SIGINT/SIGTERM. */
  signal?: AbortSignal
}

export interface CredentialFlags {
  apiKey?: string
  organizationId?: string
  apiUrl?: string
}

/** The one line after a usage error (unknown flag, missing value): every command prints the same. */
export const USAGE_HINT = '(add --help for usage)'

/**
 * The keys nothing on stderr may show: ECHOPOINT_API_KEY and any --api-key on
 * the command line. Usage errors repeat what was typed (`Invalid --max-parallel:
 * "…"` when the key went to the wrong flag), and they come before any command
 * has read its credentials, so main hides these on every line it writes.
 */
export function commandLineSecrets(env: Env, argv: readonly string[]): string[] {
  const secrets = [env.ECHOPOINT_API_KEY ?? '']
  argv.forEach((arg, i) => {
    if (arg === '--api-key') secrets.push(argv[i + 1] ?? '')
    else if (arg.startsWith('--api-key=')) secrets.push(arg.slice('--api-key='.length))
  })
  return secrets.filter((s) => s.trim() !== '')
}

/**
 * Where commander writes, for every command: help on stdout, errors on stderr,
 * and a usage error as one line (its "Did you mean …?" joined to it), so a
 * usage error is that line and USAGE_HINT, nothing more. An unknown option is
 * named without the value typed after its `=`: it may be a key
 * (`--api-keyy=epk_…`).
 */
export function cliOutput(io: Pick<CliIo, 'stdout' | 'stderr'>): OutputConfiguration {
  return {
    writeOut: (text) => io.stdout(text.replace(/\n$/, '')),
    writeErr: (text) => io.stderr(text.replace(/\n$/, '')),
    outputError: (text, write) =>
      write(
        text
          .replace(/(unknown option '[^'=]*)=[^']*'/, "$1=…'")
          .replace(/\n\(Did you mean (.*)\)/, ' (did you mean $1)')
      )
  }
}

/** How messages name the credentials at the CLI: the flag, and the variable it falls back to. */
export const CLI_CREDENTIAL_NAMES: CredentialNames = {
  apiKey: '--api-key (or ECHOPOINT_API_KEY)',
  organizationId: '--organization-id (or ECHOPOINT_ORGANIZATION_ID)',
  apiUrl: '--api-url (or ECHOPOINT_API_URL)'
}

/**
 * An option's help ending in `(default: …)`, the one form every command's help
 * shows a default in, for a default the command applies itself (an environment
 * variable it reads, a value the core fills in). Commander writes the defaults
 * it applies the same way (see {@link optionWithDefault}).
 */
export function describeDefault(description: string, shown: string | number): string {
  return `${description} (default: ${shown})`
}

/** An option commander fills in when it is not given; its help ends in `(default: value)`, unquoted. */
export function optionWithDefault(flags: string, description: string, value: string): Option {
  return new Option(flags, description).default(value, value)
}

/** Adds --api-key, --organization-id and --api-url (each falling back to its environment variable). */
export function credentialOptions(command: Command): Command {
  return command
    .option(
      '--api-key <key>',
      describeDefault(
        'API key; prefer the variable, a flag shows in process lists',
        '$ECHOPOINT_API_KEY'
      )
    )
    .option(
      '--organization-id <id>',
      describeDefault('organization ID', '$ECHOPOINT_ORGANIZATION_ID')
    )
    .option(
      '--api-url <url>',
      describeDefault('API base URL', `$ECHOPOINT_API_URL, else ${DEFAULT_API_URL}`)
    )
}

/** Flags override the environment. */
export function readCredentials(flags: CredentialFlags, env: Env): CredentialFlags {
  return {
    apiKey: flags.apiKey ?? env.ECHOPOINT_API_KEY,
    organizationId: flags.organizationId ?? env.ECHOPOINT_ORGANIZATION_ID,
    apiUrl: flags.apiUrl ?? env.ECHOPOINT_API_URL
  }
}
