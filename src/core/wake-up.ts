/**
 * A place to wait until something changes: `wait` resolves at the next
 * `wakeAll` and rejects when its signal aborts (at once when it already has).
 * Used where one party waits for another's news: the launch feed (the next
 * launch's answer) and launch pacing (the next release of a slot).
 */
export class WakeUp {
  private waiters: (() => void)[] = []

  wait(signal?: AbortSignal): Promise<void> {
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

  /** Resolves every wait pending now. */
  wakeAll(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}
