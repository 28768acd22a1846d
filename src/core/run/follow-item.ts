/**
 * One launched execution as the run follows it: its own module, because
 * following (follow.ts), batch tracking (track.ts), cancelling (cancel.ts) and
 * the report (flow-reports.ts) all read it.
 */
import type { Execution, NodeResult } from '../api/model.js'
import type { EchopointError } from '../errors.js'
import type { SelectedFlow } from './selection.js'

export interface FollowItem {
  flow: SelectedFlow
  execution: Execution
  nodes?: NodeResult[]
  /** Set when the execution could not be followed (a final error, or too many failed polls). */
  error?: EchopointError
  /** Consecutive polls that failed with a temporary error. */
  failedPolls?: number
  /** Why the node results could not be read, when they could not (the report says so). */
  nodesError?: string
  /** The last status word the server sent that this kit does not know (logged once per word). */
  unknownStatus?: string
}
