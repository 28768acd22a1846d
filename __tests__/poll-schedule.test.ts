/**
 * `poll-interval: auto` (src/core/run/poll-schedule.ts): soon after launch, then
 * following the expected remaining time, never faster than the read budget.
 */
import { describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import { pollDelay } from '../src/core/run/follow.js'
import {
  AUTO_MAX_MS,
  AUTO_FEW_MS,
  AUTO_MIN_MS,
  AUTO_TAIL_MS,
  budgetFloor,
  median,
  nextPollDelay
} from '../src/core/run/poll-schedule.js'

const clock = new FakeClock()
// Two requests a round: the schedule without the few-in-flight floor (tested on its own).
const base = { round: 0, now: clock.now(), expectedEnds: [], requestsPerRound: 2 }

describe('nextPollDelay', () => {
  it('polls soon after launch, then backs off while nothing is known', () => {
    const delays = [0, 1, 2, 3, 10].map((round) => nextPollDelay('auto', { ...base, round }))
    expect(delays).toEqual([1000, 1500, 2250, 3375, AUTO_MAX_MS])
  })

  it('follows the expected remaining time', () => {
    const now = clock.now()
    expect(
      nextPollDelay('auto', { ...base, round: 5, expectedEnds: [now + 1800, now + 9000] })
    ).toBe(1800)
    expect(nextPollDelay('auto', { ...base, expectedEnds: [now + 60_000] })).toBe(AUTO_MAX_MS)
    expect(nextPollDelay('auto', { ...base, expectedEnds: [now + 10] })).toBe(AUTO_MIN_MS)
    // Past the expected end: the tail is polled often, to report soon after the last end.
    expect(nextPollDelay('auto', { ...base, round: 9, expectedEnds: [now - 2000] })).toBe(
      AUTO_TAIL_MS
    )
  })

  it('reads about once a second while one read covers every execution in flight', () => {
    const now = clock.now()
    const few = { ...base, requestsPerRound: 1 }
    const delays = [0, 1, 5, 10].map((round) => nextPollDelay('auto', { ...few, round }))
    expect(delays).toEqual([AUTO_FEW_MS, AUTO_FEW_MS, AUTO_FEW_MS, AUTO_FEW_MS])
    expect(nextPollDelay('auto', { ...few, expectedEnds: [now + 60_000] })).toBe(AUTO_FEW_MS)
    expect(nextPollDelay('auto', { ...few, expectedEnds: [now + 600] })).toBe(600)
    // The read budget still wins: 3 reads left for 30 s.
    const budget = { remaining: 3, limit: 100, resetAtMs: now + 30_000, at: now }
    expect(nextPollDelay('auto', { ...few, budget })).toBe(10_000)
  })

  it('never exceeds the read budget the server advertises', () => {
    const now = clock.now()
    // 10 reads left for 30 s, rounds of 2 requests: one round per 6 s.
    const budget = { remaining: 10, limit: 100, resetAtMs: now + 30_000, at: now }
    const delay = nextPollDelay('auto', {
      ...base,
      expectedEnds: [now - 1],
      requestsPerRound: 2,
      budget
    })
    expect(delay).toBe(6000)
    // Spent: wait for the reset.
    expect(nextPollDelay('auto', { ...base, budget: { ...budget, remaining: 0 } })).toBe(30_000)
    // A generous budget does not slow the tail down.
    expect(
      nextPollDelay('auto', {
        ...base,
        requestsPerRound: 1,
        expectedEnds: [now - 1],
        budget: { ...budget, remaining: 100 }
      })
    ).toBe(AUTO_TAIL_MS)
  })

  it('uses the limit over the window when no reset time is told', () => {
    expect(budgetFloor({ remaining: 50, limit: 100, windowMs: 60_000, at: 0 }, 0, 1)).toBe(600)
    expect(budgetFloor({ remaining: 50, at: 0 }, 0, 1)).toBe(0)
  })

  it('lets a fixed poll-interval override everything', () => {
    const now = clock.now()
    const budget = { remaining: 0, resetAtMs: now + 30_000, at: now }
    expect(nextPollDelay(7000, { ...base, expectedEnds: [now + 100], budget })).toBe(7000)
  })

  it('takes the median of the durations seen', () => {
    expect(median([])).toBeUndefined()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('the delay when nothing else is known', () => {
  it('polls soon after launch, then backs off to a cap; a fixed interval is used as is', () => {
    expect([0, 1, 2, 3, 10].map((r) => pollDelay('auto', r))).toEqual([
      1000, 1500, 2250, 3375, 5000
    ])
    expect(pollDelay(10_000, 7)).toBe(10_000)
  })
})
