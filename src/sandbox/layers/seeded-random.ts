/**
 * A small seeded pseudo-random generator, so fault injection and 429 storms are
 * reproducible: the same seed and the same order of requests give the same faults.
 *
 * mulberry32 (Tommy Ettinger's public-domain 32-bit generator): one 32-bit state
 * word, a full 2^32 period, and good enough statistics for picking faults. It is
 * not for anything secret.
 */

/** Returns a function that yields numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  // Any finite number is a seed; fold it to an unsigned 32-bit state.
  let state = Math.trunc(seed) >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
