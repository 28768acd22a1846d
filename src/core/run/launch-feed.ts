/**
 * The executions of a run as their launches answer, for following them while
 * the other launches are still being sent (a pipelined run): launch.ts adds
 * each one, follow.ts reads them and waits here when none is in flight yet.
 */
import type { FollowItem } from './follow-item.js'

export class LaunchFeed {
  /** Every item launched so far, in the order their launches answered. */
  readonly items: FollowItem[] = []
  private ended = false
  private waiters: (() => void)[] = []

  /** True once no launch is left to answer. */
  get done(): boolean {
    return this.ended
  }

  add(item: FollowItem): void {
    this.items.push(item)
    this.wake()
  }

  /** No more items will come. */
  end(): void {
    this.ended = true
    this.wake()
  }

  /** Resolves at the next item or the end (at once when ended); rejects when `signal` aborts. */
  next(signal?: AbortSignal): Promise<void> {
    if (this.ended) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== done)
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
      }
      const done = (): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(done)
    })
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}
