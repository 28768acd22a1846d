/**
 * A claimed job's lease (docs/runner.md §1.4): renewed by heartbeats with the job's
 * own token, at the earlier of every 10 s and half the time left, so a lease
 * shorter than the interval cannot lapse. A failed heartbeat is tried again at
 * the next tick; a `rejected` lease stops the job's run at once (the execution
 * was cancelled, completed or taken over) and nothing more is sent for it.
 */
import type { Clock } from '../../clock.js'
import type { JobApi } from '../../api/jobs.js'
import { toEchopointError } from '../../errors.js'
import type { Logger } from '../../logger.js'

export const HEARTBEAT_EVERY_MS = 10_000
/** Never beat more often than this, whatever the lease says. */
export const HEARTBEAT_FLOOR_MS = 200
/** After a failed heartbeat, the next try comes no sooner than this. */
export const HEARTBEAT_RETRY_FLOOR_MS = 1000
/** The lease assumed when the server names none that is still ahead (a skewed clock). */
export const FALLBACK_LEASE_MS = 30_000

export interface LeaseOptions {
  job: JobApi
  runnerId: string
  bootId: string
  maxParallelFlows: number
  runnerVersion: string
  /** Epoch ms, from the claim. */
  expiresAt: number
  clock: Clock
  logger: Logger
  /** Called once when the server rejects the lease. */
  onRejected: () => void
}

/** When the next heartbeat is due, from now: the earlier of 10 s and half the time left. */
export function nextBeatInMs(expiresAt: number, now: number): number {
  const half = (expiresAt - now) / 2
  return Math.max(HEARTBEAT_FLOOR_MS, Math.min(HEARTBEAT_EVERY_MS, half))
}

export class Lease {
  private readonly stopper = new AbortController()
  /**
   * When the lease ends on this machine's clock: the length the server gave,
   * counted from when its answer arrived here, so a skewed server clock does not
   * move the beats.
   */
  private expiresAt: number
  /** The lease's length, as last granted. */
  private leaseMs: number
  private loop: Promise<void> = Promise.resolve()
  /** Heartbeats sent (for the closing figures). */
  beats = 0

  constructor(private readonly options: LeaseOptions) {
    const now = options.clock.now()
    this.leaseMs = options.expiresAt > now ? options.expiresAt - now : FALLBACK_LEASE_MS
    this.expiresAt = now + this.leaseMs
  }

  start(): void {
    this.loop = this.run()
  }

  /** Stops the heartbeats (the run ended); resolves when the loop has. */
  async stop(): Promise<void> {
    this.stopper.abort()
    await this.loop
  }

  private async run(): Promise<void> {
    const { clock, job, logger } = this.options
    const signal = this.stopper.signal
    let failed = false
    while (!signal.aborted) {
      const wait = nextBeatInMs(this.expiresAt, clock.now())
      try {
        await clock.sleep(failed ? Math.max(HEARTBEAT_RETRY_FLOOR_MS, wait) : wait, signal)
      } catch {
        return
      }
      try {
        this.beats += 1
        const answer = await job.heartbeat(
          {
            runner_id: this.options.runnerId,
            boot_id: this.options.bootId,
            max_parallel_flows: this.options.maxParallelFlows,
            runner_version: this.options.runnerVersion
          },
          { signal }
        )
        if (answer.status === 'rejected') {
          logger.warning(
            `Echopoint rejected the lease of job ${job.jobId}: the execution was cancelled, completed or taken over; its run stops here`
          )
          this.options.onRejected()
          return
        }
        // Renewed: the length the server gave (or the same as before), from now.
        const now = clock.now()
        if (answer.leaseExpiresAt !== undefined && answer.leaseExpiresAt > now) {
          this.leaseMs = answer.leaseExpiresAt - now
        }
        this.expiresAt = now + this.leaseMs
        failed = false
      } catch (err) {
        if (signal.aborted) return
        failed = true
        logger.debug(
          `Heartbeat of job ${job.jobId} failed (tried again at the next tick): ${toEchopointError(err).message}`
        )
      }
    }
  }
}
