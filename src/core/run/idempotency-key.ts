/**
 * The one rule for an Idempotency-Key, applied to the user's input before
 * anything is sent and again by the client: 1 to 255 printable ASCII characters,
 * no spaces. It is a header value (RFC 9110 §5.5) and the API's limit is 255
 * characters (docs/api-contract.md, launch).
 */
import { ConfigError } from '../errors.js'

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255

const PRINTABLE_NO_SPACE = /^[\x21-\x7e]+$/

/** Throws ConfigError naming `input` unless `key` follows the rule; returns it. */
export function checkIdempotencyKey(key: string, input = 'idempotency key'): string {
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ConfigError(
      input,
      `it is ${key.length} characters long; the API accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`,
      'Use a shorter key.'
    )
  }
  if (!PRINTABLE_NO_SPACE.test(key)) {
    throw new ConfigError(
      input,
      'it must be printable ASCII without spaces or control characters (it is sent as an HTTP header)',
      'Use letters, digits and punctuation only, for example release-42.'
    )
  }
  return key
}
