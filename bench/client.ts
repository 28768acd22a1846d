/**
 * One client run of the benchmark, in its own process (so its peak RSS is its
 * own): `ours` is the core's run (src/core/run/run.ts), `baseline` the peers' way
 * (baseline.ts). Both run on the bench's clock: real time when `factor` is 1 (the
 * system clock), else a compressed one (scaled-clock.ts). Prints one JSON line:
 * `{"status","endedAt","maxRssKb"}`, `endedAt` being when the run had its verdict.
 *
 * The arguments (ClientArgs, one JSON argument) stay backward compatible: the
 * bench runs this file as built from a previous release with the same arguments,
 * so a new field must be optional and older clients must do without it.
 */
import { systemClock, type Clock } from '../src/core/clock.js'
import { resolveRunConfig } from '../src/core/run/config.js'
import { silentLogger } from '../src/core/logger.js'
import { runFlows } from '../src/core/run/run.js'
import { runBaseline } from './baseline.js'
import { ScaledClock } from './scaled-clock.js'

export interface ClientArgs {
  mode: 'ours' | 'baseline'
  apiUrl: string
  apiKey: string
  organizationId: string
  tag: string
  maxParallel: number
  /** Time factor: 1 = real time (the system clock). */
  factor: number
  /** Origin of a compressed clock (real ms); ignored in real time. */
  origin: number
  runId: string
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]) as ClientArgs
  const clock: Clock = args.factor === 1 ? systemClock : new ScaledClock(args.factor, args.origin)
  let status = 'done'
  if (args.mode === 'ours') {
    const config = resolveRunConfig({
      apiKey: args.apiKey,
      organizationId: args.organizationId,
      apiUrl: args.apiUrl,
      tags: args.tag,
      maxParallel: String(args.maxParallel),
      timeout: '2h'
    })
    const outcome = await runFlows(config, {
      clock,
      logger: silentLogger,
      ci: {
        source: 'github_actions',
        triggerType: 'git',
        metadata: { source: 'github_actions' },
        runIdentity: `bench|${args.runId}`
      },
      invocationId: args.runId
    })
    status = outcome.results.status
  } else {
    await runBaseline({ ...args, clock })
  }
  const endedAt = clock.now()
  const line = JSON.stringify({ status, endedAt, maxRssKb: process.resourceUsage().maxRSS })
  // Exit at once: nothing is left to do, and an idle keep-alive socket must not delay it.
  process.stdout.write(line + '\n', () => process.exit(0))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
