/**
 * The server's clock as seen through a response's `Date` header.
 *
 * Absolute reset times (`X-RateLimit-Reset: 1705314645`, an HTTP-date in
 * `Retry-After`, a body `resetAt`) are instants on the server's clock (docs/api-contract.md
 * part C). A CI runner's clock may be off by seconds or minutes, so waiting until
 * such an instant on the local clock would wait too long or not at all. RFC 9110
 * §6.6.1 makes `Date` the origin server's idea of "now" when it generated the
 * response, so `reset − Date` is the wait the server means, whatever our clock says.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { headerValue } from '../http/headers.js'
import { parseHttpDate } from './http-date.js'

/** The server's clock relative to ours, read from one response. */
export interface ServerClock {
  /** The server's "now" (epoch ms): the `Date` header, or the local clock without one. */
  readonly nowMs: number
  /** Server clock minus local clock, in ms (0 without a usable `Date`). */
  readonly skewMs: number
  /** Converts an instant on the server's clock to the local clock. */
  toLocal(serverMs: number): number
}

/**
 * Reads the server's clock from `Date`. A missing or malformed `Date` means "no
 * correction": the local clock is used as is. `Date` has one-second resolution and
 * is set before the body is sent, so the correction can overstate a wait by up to a
 * second, never shorten it.
 */
export function serverClock(headers: IncomingHttpHeaders, localNowMs: number): ServerClock {
  const date = headerValue(headers, 'date')
  const serverNow = date === undefined ? undefined : parseHttpDate(date, localNowMs)
  const skewMs = serverNow === undefined ? 0 : serverNow - localNowMs
  return {
    nowMs: localNowMs + skewMs,
    skewMs,
    toLocal: (serverMs) => serverMs - skewMs
  }
}
