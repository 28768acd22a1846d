import type { NodeError } from './types.js'

/** The error of a node that the run's signal stopped. */
export function cancelledError(): NodeError {
  return { code: 'CANCELLED', message: 'the run was stopped before this node finished' }
}
