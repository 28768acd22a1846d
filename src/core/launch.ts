/**
 * Launches each selected flow (`POST /flows/{id}/launch`) with at most
 * `max-parallel` requests at once, each with an Idempotency-Key derived from the
 * CI run and the flow, so a retried request or step never starts a flow twice.
 */
import type { EchopointApi } from './api/api.js'
import type { FlowExecution, LaunchRequest } from './api/types.js'
import { idempotencyKeyFor, type CiContext } from './ci-context.js'
import type { RunConfig } from './config.js'
import { EchopointError, toEchopointError } from './errors.js'
import type { Logger } from './logger.js'
import { mapWithConcurrency } from './pool.js'
import type { SelectedFlow } from './selection.js'

export interface LaunchOutcome {
  flow: SelectedFlow
  execution?: FlowExecution
  error?: EchopointError
  /** True when the flow was never attempted (an earlier error stopped the launches). */
  skipped?: boolean
}

/** Errors after which launching the other flows cannot succeed either. */
const STOP_LAUNCHING: ReadonlySet<string> = new Set([
  'auth',
  'permission',
  'quota',
  'cancelled',
  'timeout'
])

/** The launch body for this run (contract.md, POST /flows/{id}/launch). */
export function launchBody(config: RunConfig, ci: CiContext): LaunchRequest {
  const body: LaunchRequest = { runner_type: config.runner, trigger_type: ci.triggerType }
  if (config.environment !== undefined) body.environment_key = config.environment
  if (config.versionId !== undefined) body.version_id = config.versionId
  if (Object.keys(ci.metadata).length > 0) body.trigger_metadata = ci.metadata
  return body
}

export interface LaunchOptions {
  config: RunConfig
  ci: CiContext
  invocationId: string
  logger: Logger
  /** Stops starting new launches once aborted. */
  signal?: AbortSignal
  /**
   * Aborts launch requests already sent (default: `signal`). A run passes one that
   * aborts a little after `signal`: a launch the server may already have accepted
   * then still answers with its execution, which the run can cancel, instead of
   * being abandoned unseen while it runs on.
   */
  requestSignal?: AbortSignal
  onLaunched?: (outcome: LaunchOutcome) => void
}

/** Launches every flow; never throws: each flow's outcome says what happened. */
export async function launchFlows(
  api: EchopointApi,
  flows: readonly SelectedFlow[],
  options: LaunchOptions
): Promise<LaunchOutcome[]> {
  const { config, ci, logger, signal } = options
  const requestSignal = options.requestSignal ?? signal
  const body = launchBody(config, ci)
  let stopError: EchopointError | undefined
  const outcomes = await mapWithConcurrency(
    flows,
    config.maxParallel,
    async (flow): Promise<LaunchOutcome> => {
      const key = idempotencyKeyFor(flow.id, ci, config.idempotencyKey, options.invocationId)
      let outcome: LaunchOutcome
      try {
        const execution = await api.launchFlow(flow.id, body, key, { signal: requestSignal })
        logger.info(`Launched "${flow.name}" (${flow.id}): execution ${execution.id}`)
        outcome = { flow, execution }
      } catch (err) {
        const error = toEchopointError(err)
        if (signal?.aborted && error.kind !== 'timeout') {
          outcome = {
            flow,
            error: new EchopointError('cancelled', 'cancelled before it was launched')
          }
        } else {
          logger.error(`Could not launch "${flow.name}" (${flow.id}): ${error.userMessage}`, {
            title: `Echopoint: ${flow.name}`
          })
          outcome = { flow, error }
        }
        if (STOP_LAUNCHING.has(outcome.error?.kind ?? '')) stopError ??= outcome.error
      }
      options.onLaunched?.(outcome)
      return outcome
    },
    () => stopError !== undefined || signal?.aborted === true
  )
  return outcomes.map(
    (outcome, i) =>
      outcome ?? {
        flow: flows[i],
        skipped: true,
        error:
          stopError?.kind === 'cancelled' || (signal?.aborted && stopError === undefined)
            ? new EchopointError('cancelled', 'cancelled before it was launched')
            : new EchopointError(
                stopError?.kind ?? 'cancelled',
                `not launched: an earlier launch failed (${stopError?.message ?? 'stopped'})`
              )
      }
  )
}
