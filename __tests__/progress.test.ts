/**
 * The CLI's live progress (src/cli/progress.ts) as a unit: a fake terminal
 * (isTTY, columns) records every write, a fake clock and a fake interval timer
 * drive the redraws, and the frames are read back.
 */
import { describe, expect, it } from '@jest/globals'
import { ANSI, LiveProgress, wantsLiveProgress, type ProgressStream } from '../src/cli/progress.js'
import type { FlowProgress } from '../src/core/run/run.js'

class FakeTerminal implements ProgressStream {
  readonly isTTY = true
  writes: string[] = []
  constructor(
    public columns = 60,
    public rows = 24
  ) {}
  write(text: string): boolean {
    this.writes.push(text)
    return true
  }
  get text(): string {
    return this.writes.join('')
  }
  /** What the screen shows: applies line feeds, cursor-up and erase-down to a line buffer. */
  screen(): string[] {
    const lines: string[] = ['']
    let row = 0
    const tokens =
      // eslint-disable-next-line no-control-regex
      this.text.match(/\u001b\[(\d*)([A-Za-z])|\u001b\[\?25[lh]|\r|\n|[^\u001b\r\n]+/g) ?? []
    for (const token of tokens) {
      if (token === '\n') {
        row++
        lines[row] ??= ''
      } else if (token === '\r' || token.startsWith('\u001b[?')) {
        continue
      } else if (token.startsWith('\u001b[')) {
        // eslint-disable-next-line no-control-regex
        const [, n, command] = /\u001b\[(\d*)([A-Za-z])/.exec(token)!
        if (command === 'A') row = Math.max(0, row - Number(n || 1))
        if (command === 'J') lines.splice(row, lines.length - row, '')
        if (command === 'm') continue
      } else {
        lines[row] = (lines[row] ?? '') + token
      }
    }
    return lines.filter((l, i) => l !== '' || i < lines.length - 1)
  }
}

class FakeTimers {
  callbacks = new Map<number, () => void>()
  private next = 1
  setInterval(callback: () => void): number {
    const id = this.next++
    this.callbacks.set(id, callback)
    return id
  }
  clearInterval(handle: unknown): void {
    this.callbacks.delete(handle as number)
  }
  tick(): void {
    for (const callback of this.callbacks.values()) callback()
  }
}

const flow = (id: string, name = `Flow ${id}`): FlowProgress['flow'] => ({ id, name })

function setup(columns = 60) {
  let now = 1_000_000
  const terminal = new FakeTerminal(columns)
  const timers = new FakeTimers()
  const progress = new LiveProgress({
    stream: terminal,
    now: () => now,
    intervalMs: 200,
    timers,
    color: false
  })
  return {
    terminal,
    timers,
    progress,
    advance: (ms: number) => {
      now += ms
    }
  }
}

describe('live progress at a terminal', () => {
  it('draws one line per flow with its state and elapsed time, then redraws in place', () => {
    const { terminal, timers, progress, advance } = setup()
    const a = flow('a', 'Login and fetch profile')
    const b = flow('b', 'Checkout happy path')
    progress.update([
      { flow: a, state: 'launching' },
      { flow: b, state: 'launching' }
    ])
    expect(terminal.writes).toHaveLength(1)
    expect(terminal.writes[0].startsWith(ANSI.hideCursor)).toBe(true)
    expect(terminal.screen()).toEqual([
      'Echopoint  0/2 done · 2 waiting  0ms',
      '… launching          Login and fetch profile',
      '… launching          Checkout happy path'
    ])

    // A change within 200 ms of the last frame waits for the next tick.
    progress.update([
      { flow: a, state: 'running', executionId: 'e1' },
      { flow: b, state: 'pending', executionId: 'e2' }
    ])
    expect(terminal.writes).toHaveLength(1)
    advance(1500)
    timers.tick()
    expect(terminal.writes).toHaveLength(2)
    // Redrawn in place: back up over the 3 lines of the block, erase, draw.
    expect(terminal.writes[1].startsWith(`${ANSI.up(3)}\r${ANSI.eraseDown}`)).toBe(true)
    expect(terminal.screen()).toEqual([
      'Echopoint  0/2 done · 1 running · 1 waiting  1.5s',
      '⠙ running      1.5s  Login and fetch profile',
      '○ pending      1.5s  Checkout happy path'
    ])

    // Ticks keep elapsed times moving while flows run; a finished flow's time stops.
    advance(1000)
    progress.update([
      { flow: a, state: 'passed', executionId: 'e1' },
      { flow: b, state: 'running', executionId: 'e2' }
    ])
    advance(2000)
    timers.tick()
    expect(terminal.screen()).toEqual([
      'Echopoint  1/2 done · 1 running  4.5s',
      '✔ passed       2.5s  Login and fetch profile',
      '⠹ running      4.5s  Checkout happy path'
    ])

    // Cleaned up at the end: the block is erased and the cursor shown again.
    progress.stop()
    expect(terminal.writes.at(-1)).toBe(`${ANSI.up(3)}\r${ANSI.eraseDown}${ANSI.showCursor}`)
    expect(terminal.screen()).toEqual([])
    expect(timers.callbacks.size).toBe(0)
    progress.update([{ flow: a, state: 'failed' }])
    progress.stop()
    expect(terminal.writes.at(-1)).toContain(ANSI.showCursor)
  })

  it('prints log lines above the block and keeps the block at the bottom', () => {
    const { terminal, progress, advance } = setup()
    progress.update([{ flow: flow('a'), state: 'running' }])
    advance(10)
    progress.log('Launched "Flow a" (a): execution e1')
    expect(terminal.screen()).toEqual([
      'Launched "Flow a" (a): execution e1',
      'Echopoint  0/1 done · 1 running  10ms',
      '⠋ running      10ms  Flow a'
    ])
    progress.stop()
    expect(terminal.screen()).toEqual(['Launched "Flow a" (a): execution e1'])
    progress.log('after the end')
    expect(terminal.writes.at(-1)).toBe('after the end\n')
  })

  it('cuts lines to the terminal width so none wraps, and names to one line', () => {
    const { terminal, progress } = setup(40)
    progress.update([
      {
        flow: flow('a', `A very long flow name\nwith a line break ${'x'.repeat(80)}`),
        state: 'failed'
      },
      { flow: flow('b', 'Short'), state: 'timed_out' },
      { flow: flow('c', 'Gone'), state: 'cancelled' },
      { flow: flow('d', 'Broken'), state: 'error' }
    ])
    const screen = terminal.screen()
    for (const line of screen) expect([...line].length).toBeLessThanOrEqual(39)
    expect(screen[1]).toMatch(/^✖ failed {13}A very long flow .*…$/)
    expect(screen.slice(2)).toEqual([
      '◔ timed out          Short',
      '⊘ cancelled          Gone',
      '✖ error              Broken'
    ])
    progress.stop()
  })

  it('shows the flows in flight first when there are more than fit, with a count of the rest', () => {
    const terminal = new FakeTerminal(80, 8)
    const progress = new LiveProgress({
      stream: terminal,
      now: () => 0,
      timers: new FakeTimers(),
      color: false
    })
    const flows: FlowProgress[] = Array.from({ length: 12 }, (_, i) => ({
      flow: flow(`f${i}`),
      state: i === 9 ? 'running' : 'passed'
    }))
    progress.update(flows)
    const screen = terminal.screen()
    // 8 rows: the header, 4 flows (the running one among them, in order), the count.
    expect(screen).toHaveLength(1 + 5)
    expect(screen.slice(1, 5).map((l) => l.replace(/^.* {2}/, ''))).toEqual([
      'Flow f0',
      'Flow f1',
      'Flow f2',
      'Flow f9'
    ])
    expect(screen.at(-1)).toBe('… and 8 more')
    progress.stop()
  })

  it('colours states with ANSI SGR codes unless told not to', () => {
    const terminal = new FakeTerminal()
    const progress = new LiveProgress({ stream: terminal, timers: new FakeTimers() })
    progress.update([{ flow: flow('a'), state: 'failed' }])
    expect(terminal.text).toContain('\u001b[31m✖ failed   \u001b[0m')
    progress.stop()
  })
})

describe('when live progress is drawn', () => {
  it('only at a terminal that is not a CI log', () => {
    expect(wantsLiveProgress({ isTTY: true }, {})).toBe(true)
    expect(wantsLiveProgress({ isTTY: true }, { CI: 'false' })).toBe(true)
    expect(wantsLiveProgress({ isTTY: true }, { CI: 'true' })).toBe(false)
    expect(wantsLiveProgress({ isTTY: true }, { CI: '1' })).toBe(false)
    expect(wantsLiveProgress({ isTTY: true }, { TERM: 'dumb' })).toBe(false)
    expect(wantsLiveProgress({ isTTY: false }, {})).toBe(false)
    expect(wantsLiveProgress({}, {})).toBe(false)
  })
})
