import { createHash } from 'node:crypto'

/**
 * A small deterministic PRNG (xoshiro128**, Blackman & Vigna, public domain
 * algorithm) seeded from SHA-256 of a seed string, so an execution id always
 * yields the same stream. Not for secrets: generated values are test data.
 */
export class Random {
  readonly #state: Uint32Array

  private constructor(state: Uint32Array) {
    this.#state = state
  }

  /** A stream determined by `seed` (any text; the execution id). */
  static fromSeed(seed: string): Random {
    const digest = createHash('sha256').update(seed, 'utf8').digest()
    const state = new Uint32Array(4)
    for (let i = 0; i < 4; i++) state[i] = digest.readUInt32BE(i * 4)
    // The all-zero state is the one state xoshiro cannot leave.
    if (state.every((word) => word === 0)) state[0] = 1
    return new Random(state)
  }

  /** The next 32 random bits as an unsigned integer. */
  uint32(): number {
    const s = this.#state
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0
    const t = s[1] << 9
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 11)
    return result
  }

  /** A float in [0, 1) with 53 random bits. */
  float(): number {
    const high = this.uint32() >>> 5 // 27 bits
    const low = this.uint32() >>> 6 // 26 bits
    return (high * 67108864 + low) / 9007199254740992
  }

  /** An integer in [min, max], both inclusive and safe integers; min ≤ max. */
  int(min: number, max: number): number {
    const span = max - min + 1
    if (span <= 0x1_0000_0000) {
      // Rejection sampling: no modulo bias.
      const limit = 0x1_0000_0000 - (0x1_0000_0000 % span)
      let draw = this.uint32()
      while (draw >= limit) draw = this.uint32()
      return min + (draw % span)
    }
    return min + Math.floor(this.float() * span)
  }

  /** True or false, evenly. */
  bool(): boolean {
    return (this.uint32() & 1) === 1
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]
  }

  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)]
    return out
  }

  /** `length` random bytes. */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length)
    for (let i = 0; i < length; i++) out[i] = this.uint32() & 0xff
    return out
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

export const DIGITS = '0123456789'
export const LOWER = 'abcdefghijklmnopqrstuvwxyz'
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const HEX = '0123456789abcdef'
