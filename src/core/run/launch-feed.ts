/**
 * The executions of a run as their launches answer, for following them while
 * the other launches are still being sent (a pipelined run): launch.ts adds
 * each one, follow.ts reads them and waits here when none is in flight yet.
 */
import { WakeUp } from '../wake-up.js'
import type { FollowItem } from './follow-item.js'

export class LaunchFeed {
  /** Every item launched so far, in the order their launches answered. */
  readonly items: FollowItem[] = []
  private ended = false
  private readonly news = new WakeUp()

  /** True once no launch is left to answer. */
  get done(): boolean {
    return this.ended
  }

  add(item: FollowItem): void {
    this.items.push(item)
    this.news.wakeAll()
  }

  /** No more items will come. */
  end(): void {
    this.ended = true
    this.news.wakeAll()
  }

  /** Resolves at the next item or the end (at once when ended); rejects when `signal` aborts. */
  next(signal?: AbortSignal): Promise<void> {
    return this.ended ? Promise.resolve() : this.news.wait(signal)
  }
}
