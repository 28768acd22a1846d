/**
 * Live progress of a run: one entry per selected flow, told to the listener (the
 * CLI's live view) on every change. A listener that throws never stops the run.
 */
import { toEchopointError } from '../errors.js'
import type { Logger } from '../logger.js'
import type { FlowStatus } from './results.js'
import type { SelectedFlow } from './selection.js'

export interface FlowProgress {
  flow: SelectedFlow
  state: 'launching' | 'pending' | 'running' | FlowStatus
  executionId?: string
  /** When the execution was created (epoch ms), for elapsed time. */
  startedAt?: number
}

/** Live progress: one entry per flow, told to `onProgress` on every change. A failing listener never stops the run. */
export class ProgressBoard {
  private readonly flows = new Map<string, FlowProgress>()
  constructor(
    private readonly listener: ((flows: readonly FlowProgress[]) => void) | undefined,
    private readonly logger: Logger
  ) {}

  set(flow: SelectedFlow, update: Omit<FlowProgress, 'flow'>): void {
    this.flows.set(flow.id, { flow, ...this.flows.get(flow.id), ...update })
    this.tell()
  }

  start(flows: readonly SelectedFlow[]): void {
    for (const flow of flows) this.flows.set(flow.id, { flow, state: 'launching' })
    this.tell()
  }

  private tell(): void {
    if (!this.listener) return
    try {
      this.listener([...this.flows.values()])
    } catch (err) {
      this.logger.debug(`Live progress failed: ${toEchopointError(err).message}`)
    }
  }
}
