/**
 * Live progress for a person at a terminal: one line per flow with its state
 * and elapsed time, redrawn in place (ANSI cursor movement) on every change and
 * a few times a second while flows run, erased at the end so the result table
 * follows a clean screen. Only when stderr is a terminal and not a CI log
 * (`CI=true`): CI logs get the logger's plain lines, with no control characters.
 *
 * Elapsed times are measured on this machine from when the launch answered, not
 * from the server's `started_at`, so a skewed server clock cannot distort them.
 */
import type { Env } from '../core/ci-context.js'
import { formatDuration } from '../core/duration.js'
import { oneLine } from '../core/report/escape.js'
import type { FlowProgress } from '../core/run/run.js'

/** The part of a tty.WriteStream the renderer uses (injectable for tests). */
export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  rows?: number
  write(text: string): unknown
}

export interface ProgressTimers {
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface LiveProgressOptions {
  stream: ProgressStream
  /** Default Date.now. */
  now?: () => number
  /** Least time between two frames, and the redraw period while flows run. Default 200 ms. */
  intervalMs?: number
  timers?: ProgressTimers
  /** ANSI colours (default true; off with NO_COLOR). */
  color?: boolean
}

/** ANSI escape sequences (ECMA-48): cursor up, erase to end of screen, cursor visibility. */
const ESC = '\u001b['
export const ANSI = {
  up: (n: number): string => `${ESC}${n}A`,
  eraseDown: `${ESC}J`,
  hideCursor: `${ESC}?25l`,
  showCursor: `${ESC}?25h`
} as const

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

type State = FlowProgress['state']

const STYLE: Record<State, { symbol: string; label: string; color: number }> = {
  launching: { symbol: '…', label: 'launching', color: 2 },
  pending: { symbol: '○', label: 'pending', color: 2 },
  running: { symbol: '', label: 'running', color: 36 },
  passed: { symbol: '✔', label: 'passed', color: 32 },
  failed: { symbol: '✖', label: 'failed', color: 31 },
  error: { symbol: '✖', label: 'error', color: 31 },
  timed_out: { symbol: '◔', label: 'timed out', color: 33 },
  cancelled: { symbol: '⊘', label: 'cancelled', color: 33 }
}

const IN_FLIGHT: ReadonlySet<State> = new Set(['launching', 'pending', 'running'])

/** True when live progress should be drawn: stderr is a terminal and this is not a CI log. */
export function wantsLiveProgress(stream: Pick<ProgressStream, 'isTTY'>, env: Env): boolean {
  const ci = (env.CI ?? '').trim().toLowerCase()
  const inCi = ci !== '' && ci !== 'false' && ci !== '0'
  return stream.isTTY === true && !inCi && env.TERM !== 'dumb'
}

/** Cuts `text` to `width` characters (code points), marking the cut with `…`. */
function fit(text: string, width: number): string {
  const chars = [...text]
  if (chars.length <= width) return text
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`
}

export class LiveProgress {
  private readonly stream: ProgressStream
  private readonly now: () => number
  private readonly intervalMs: number
  private readonly timers: ProgressTimers
  private readonly color: boolean
  private readonly startedAt: number
  private flows: readonly FlowProgress[] = []
  private readonly launchedAt = new Map<string, number>()
  private readonly endedAt = new Map<string, number>()
  /** Lines of the block on screen now (0: nothing drawn). */
  private drawn = 0
  private lastDrawAt = -Infinity
  private dirty = false
  private tick = 0
  private timer: unknown
  private stopped = false

  constructor(options: LiveProgressOptions) {
    this.stream = options.stream
    this.now = options.now ?? Date.now
    this.intervalMs = options.intervalMs ?? 200
    this.timers = options.timers ?? {
      setInterval: (callback, ms) => {
        const handle = setInterval(callback, ms)
        // Never keep the process alive for a redraw.
        handle.unref()
        return handle
      },
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout)
    }
    this.color = options.color ?? true
    this.startedAt = this.now()
  }

  /** The run's onProgress: new states of the flows. Draws now, or at the next tick if one was just drawn. */
  update(flows: readonly FlowProgress[]): void {
    if (this.stopped) return
    const now = this.now()
    for (const f of flows) {
      // Elapsed runs from the launch's answer to the end; a flow first seen already
      // finished (a replayed launch) has no elapsed time we could honestly show.
      if ((f.state === 'pending' || f.state === 'running') && !this.launchedAt.has(f.flow.id))
        this.launchedAt.set(f.flow.id, now)
      if (!IN_FLIGHT.has(f.state) && !this.endedAt.has(f.flow.id)) this.endedAt.set(f.flow.id, now)
    }
    this.flows = flows
    this.dirty = true
    this.timer ??= this.timers.setInterval(() => this.onTick(), this.intervalMs)
    if (now - this.lastDrawAt >= this.intervalMs) this.draw()
  }

  /** Prints a log line above the live block (the block is redrawn below it). */
  log(line: string): void {
    if (this.stopped || this.drawn === 0) {
      this.stream.write(`${line}\n`)
      return
    }
    this.stream.write(`${this.erase()}${line}\n${this.frame()}`)
    this.lastDrawAt = this.now()
    this.dirty = false
  }

  /** Erases the block, shows the cursor again and stops redrawing. Safe to call twice. */
  stop(): void {
    if (this.stopped) return
    this.stopped = true
    if (this.timer !== undefined) this.timers.clearInterval(this.timer)
    if (this.drawn > 0) this.stream.write(`${this.erase()}${ANSI.showCursor}`)
    this.drawn = 0
  }

  private onTick(): void {
    this.tick++
    // Elapsed times and the spinner move while anything is in flight.
    if (this.dirty || this.flows.some((f) => IN_FLIGHT.has(f.state))) this.draw()
  }

  private draw(): void {
    if (this.stopped || this.flows.length === 0) return
    const hide = this.drawn === 0 ? ANSI.hideCursor : ''
    this.stream.write(`${hide}${this.erase()}${this.frame()}`)
    this.lastDrawAt = this.now()
    this.dirty = false
  }

  /** Moves back to the first line of the block and erases it (nothing when none is drawn). */
  private erase(): string {
    return this.drawn > 0 ? `${ANSI.up(this.drawn)}\r${ANSI.eraseDown}` : ''
  }

  /** The block's text; records its height. */
  private frame(): string {
    const lines = this.lines()
    this.drawn = lines.length
    return lines.map((l) => `${l}\n`).join('')
  }

  private paint(text: string, code: number): string {
    return this.color ? `${ESC}${code}m${text}${ESC}0m` : text
  }

  /** The block's lines, each cut to the terminal's width so none wraps (wrapping would break the redraw). */
  lines(): string[] {
    const now = this.now()
    // A terminal of unknown size reports 0 (or nothing): assume the classic 80×24.
    const width = Math.max(20, (this.stream.columns || 80) - 1)
    const maxRows = Math.max(3, Math.min(30, (this.stream.rows || 24) - 3))
    const done = this.flows.filter((f) => !IN_FLIGHT.has(f.state)).length
    const running = this.flows.filter((f) => f.state === 'running').length
    const waiting = this.flows.filter(
      (f) => f.state === 'pending' || f.state === 'launching'
    ).length
    const head = [`${done}/${this.flows.length} done`]
    if (running) head.push(`${running} running`)
    if (waiting) head.push(`${waiting} waiting`)
    const lines = [
      fit(`Echopoint  ${head.join(' · ')}  ${formatDuration(now - this.startedAt)}`, width)
    ]

    // With more flows than fit, the ones in flight are kept (in their order), then a count.
    const order = [
      ...this.flows.filter((f) => IN_FLIGHT.has(f.state)),
      ...this.flows.filter((f) => !IN_FLIGHT.has(f.state))
    ]
    const shown = order.length > maxRows ? order.slice(0, maxRows - 1) : order
    for (const f of this.flows.filter((x) => shown.includes(x))) {
      const style = STYLE[f.state]
      const symbol = f.state === 'running' ? SPINNER[this.tick % SPINNER.length] : style.symbol
      const since = this.launchedAt.get(f.flow.id)
      const elapsed =
        since === undefined ? '' : formatDuration((this.endedAt.get(f.flow.id) ?? now) - since)
      const plain = `${symbol} ${style.label.padEnd(9)} ${elapsed.padStart(7)}  `
      const name = fit(oneLine(f.flow.name, 200), Math.max(1, width - [...plain].length))
      lines.push(
        `${this.paint(`${symbol} ${style.label.padEnd(9)}`, style.color)} ${elapsed.padStart(7)}  ${name}`
      )
    }
    if (shown.length < order.length) lines.push(`… and ${order.length - shown.length} more`)
    return lines
  }
}
