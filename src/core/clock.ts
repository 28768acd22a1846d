/**
 * Time is injected everywhere it matters (waits, deadlines, polling) so tests can
 * run a 15-minute deadline or a 45 s Retry-After in milliseconds with a fake clock.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /**
   * Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts.
   * Implementations must release their timer when aborted.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason
  if (reason instanceof Error) return reason
  const err = new Error('The operation was aborted')
  err.name = 'AbortError'
  return err
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal))
        return
      }
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(abortError(signal as AbortSignal))
      }
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        Math.max(0, ms)
      )
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

export { abortError }
