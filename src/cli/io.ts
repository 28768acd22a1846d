/** What a CLI command reads and writes, injectable for tests. */
import type { Command } from 'commander'
import type { Env } from '../core/ci-context.js'

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

/** Adds --api-key, --organization-id and --api-url (each falling back to its environment variable). */
export function credentialOptions(command: Command): Command {
  return command
    .option(
      '--api-key <key>',
      'API key (default: $ECHOPOINT_API_KEY; prefer the variable, flags show in process lists)'
    )
    .option('--organization-id <id>', 'organization ID (default: $ECHOPOINT_ORGANIZATION_ID)')
    .option(
      '--api-url <url>',
      'API base URL (default: $ECHOPOINT_API_URL or https://api.echopoint.dev)'
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
