/**
 * The HTTP call record of an execution (`result.http_calls`) and the
 * `max_http_calls_per_execution` budget. One log serves a whole execution,
 * nested flows (loop, poll, module) included.
 */
import type { HttpErrorClass } from './errors.js'

/** One entry of `result.http_calls`, in wire spelling. */
export interface HttpCallRecord {
  seq: number
  node_id: string
  method: string
  host: string
  path_template: string
  status_code?: number
  error_class?: HttpErrorClass
  /** RFC 3339, when the call started. */
  started_at: string
  duration_ms: number
  response_bytes?: number
}

export class HttpCallLog {
  readonly #limit: number
  readonly #records: HttpCallRecord[] = []
  #sent = 0

  /** `limit`: `max_http_calls_per_execution`; 0, negative or absent means none. */
  constructor(limit?: number) {
    this.#limit = limit !== undefined && Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 0
  }

  get limit(): number {
    return this.#limit
  }

  /** Calls sent so far (or being sent). */
  get sent(): number {
    return this.#sent
  }

  /**
   * Takes the next sequence number (1, 2, …) for a call about to be sent, or
   * `undefined` when the limit is reached and the call must not be sent.
   */
  reserve(): number | undefined {
    if (this.#limit > 0 && this.#sent >= this.#limit) return undefined
    this.#sent += 1
    return this.#sent
  }

  /** Adds a finished call; records are kept in `seq` order. */
  add(record: HttpCallRecord): void {
    const at = this.#records.findIndex((other) => other.seq > record.seq)
    if (at === -1) this.#records.push(record)
    else this.#records.splice(at, 0, record)
  }

  /** The records so far, in `seq` order (a copy). */
  records(): HttpCallRecord[] {
    return this.#records.map((record) => ({ ...record }))
  }
}

/** `http_4xx` / `http_5xx` for a status, else nothing. */
export function statusErrorClass(status: number): HttpErrorClass | undefined {
  if (status >= 400 && status < 500) return 'http_4xx'
  if (status >= 500 && status < 600) return 'http_5xx'
  return undefined
}
