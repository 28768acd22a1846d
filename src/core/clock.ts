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

/**
 * setTimeout holds at most 2^31 - 1 ms (about 24.8 days); a longer delay fires at
 * once. Long waits are scheduled in slices of at most this.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal))
        return
      }
      const end = Date.now() + Math.max(0, ms)
      let timer: ReturnType<typeof setTimeout>
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(abortError(signal as AbortSignal))
      }
      const arm = (): void => {
        const left = end - Date.now()
        timer = setTimeout(
          () => {
            if (end - Date.now() > 0 && left > MAX_TIMER_MS) {
              arm()
              return
            }
            signal?.removeEventListener('abort', onAbort)
            resolve()
          },
          Math.min(Math.max(0, left), MAX_TIMER_MS)
        )
      }
      arm()
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

export { abortError }
