/** `echopoint-ci sandbox`: the local Echopoint API, for trying workflows without an account. */
import { Command } from 'commander'
import { ConfigError } from '../../core/errors.js'
import { startSandbox, formatBanner } from '../../sandbox/index.js'
import type { CliIo } from '../io.js'

interface SandboxFlags {
  port?: string
  host?: string
  fixtures?: string
}

/** Parses --port: 0 (any free port) to 65535. */
export function parsePort(text: string | undefined): number {
  if (text === undefined) return 4010
  if (!/^\d+$/.test(text) || Number(text) > 65535) {
    throw new ConfigError(
      '--port',
      `"${text}" is not a port number`,
      'Use 0 to 65535 (0 picks a free port).'
    )
  }
  return Number(text)
}

export async function sandboxCommand(flags: SandboxFlags, io: CliIo): Promise<number> {
  const port = parsePort(flags.port)
  const host = flags.host ?? '127.0.0.1'
  const sandbox = await startSandbox({ port, host, fixtures: flags.fixtures })
  io.stdout(formatBanner(sandbox))
  io.stdout('Press Ctrl+C to stop.')
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve()
    io.signal?.addEventListener('abort', () => resolve(), { once: true })
  })
  await sandbox.close()
  io.stderr('Sandbox stopped.')
  return 0
}

export function sandboxCommandDefinition(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('sandbox')
    .description(
      'Start a local server that speaks the Echopoint API (for tests, demos and dry runs)'
    )
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', '4010')
    .option(
      '--host <host>',
      'address to bind (default 127.0.0.1; the sandbox has fake keys, keep it local)'
    )
    .option(
      '--fixtures <file>',
      'fixtures file (JSON or YAML: orgs, keys, flows); default: the shipped demo fixture'
    )
    .addHelpText(
      'after',
      `
Examples:
  $ echopoint-ci sandbox
  $ echopoint-ci sandbox --port 0 --fixtures my-flows.json
  # then, in another shell, with the URL, key and org ID it prints:
  $ ECHOPOINT_API_URL=http://127.0.0.1:4010 ECHOPOINT_API_KEY=... ECHOPOINT_ORGANIZATION_ID=org_demo echopoint-ci run --tag smoke`
    )
    .action(async (flags: SandboxFlags) => {
      setExit(await sandboxCommand(flags, io))
    })
}
