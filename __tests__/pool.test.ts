/** mapWithConcurrency (src/core/pool.ts): the max-parallel bound and stopping early. */
import { describe, expect, it } from '@jest/globals'
import { mapWithConcurrency } from '../src/core/pool.js'

describe('max-parallel pool', () => {
  it('never runs more than the limit at once and keeps input order', async () => {
    let running = 0
    let peak = 0
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 1, 2], 3, async (ms, i) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, ms))
      running--
      return i
    })
    expect(peak).toBe(3)
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('stops starting tasks once told to', async () => {
    let started = 0
    const results = await mapWithConcurrency(
      [1, 2, 3, 4],
      1,
      async (x) => {
        started++
        return x
      },
      () => started >= 2
    )
    expect(results).toEqual([1, 2, undefined, undefined])
  })
})
