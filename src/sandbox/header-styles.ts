/**
 * The ways a rate limit can be announced to the client (layers/rate-limit-headers.ts
 * implements them). A leaf module, so settings types and the fixtures schema test
 * can name them without loading the rate limiter.
 */
export const HEADER_STYLES = [
  'retry-after',
  'retry-after-only',
  'x-ratelimit-iso',
  'x-ratelimit-epoch',
  'ietf',
  'body-only'
] as const

/** How the limit is told to the client. */
export type HeaderStyle = (typeof HEADER_STYLES)[number]
