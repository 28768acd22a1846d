/**
 * Launches each selected flow (`POST /flows/{id}/launch`) with at most
 * `max-parallel` requests at once, each with an Idempotency-Key derived from the
 * CI run and the flow, so a retried request or step never starts a flow twice.
 */
import type { EchopointApi } from '../api/api.js'
import type { Execution } from '../api/model.js'
import type { LaunchRequest } from '../api/types.js'
import { idempotencyKeyFor, type CiContext } from '../ci-context.js'
import type { RunConfig } from './config.js'
import { EchopointError, toEchopointError } from '../errors.js'
import type { Logger } from '../logger.js'
import { mapWithConcurrency } from '../pool.js'
import type { SelectedFlow } from './selection.js'

export interface LaunchOutcome {
  flow: SelectedFlow
  execution?: Execution
  error?: EchopointError
  /** True when the flow was never attempted (an earlier error stopped the launches). */
  skipped?: boolean
  /**
   * Set when the launch request went out but no answer came before the run
   * stopped: the server may have created an execution this run cannot see. The
   * Idempotency-Key it carried, so a retry of the step cannot start it twice.
   */
  unanswered?: { idempotencyKey: string }
}

/** Errors after which launching the other flows cannot succeed either. */
const STOP_LAUNCHING: ReadonlySet<string> = new Set([
  'auth',
  'permission',
  'quota',
  'cancelled',
  'timeout'
])

/** The launch body for this run (docs/api-contract.md, POST /flows/{id}/launch). */
export function launchBody(config: RunConfig, ci: CiContext): LaunchRequest {
  const body: LaunchRequest = { runner_type: config.runner, trigger_type: ci.triggerType }
  // Required for ephemeral: the job protocol version this runner speaks (docs/runner.md §1.2).
  if (config.runner === 'ephemeral') body.ephemeral_job_version = 1
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
  /**
   * Stops starting new launches (fail-fast, or following failed), without
   * cancelling the run: launches already sent get their answer. Its reason says
   * why in the report (an EchopointError also gives the flow's error kind).
   */
  stop?: AbortSignal
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
      let sent = false
      // A stop (fail-fast) withdraws a launch still waiting to be sent (for its
      // window, say); one already sent gets its answer.
      const withdraw = new AbortController()
      const onStop = (): void => {
        if (!sent) withdraw.abort(options.stop?.reason)
      }
      options.stop?.addEventListener('abort', onStop, { once: true })
      try {
        const execution = await api.launchFlow(flow.id, body, key, {
          signal: requestSignal
            ? AbortSignal.any([requestSignal, withdraw.signal])
            : withdraw.signal,
          onSent: () => (sent = true)
        })
        logger.info(`Launched "${flow.name}" (${flow.id}): execution ${execution.id}`)
        outcome = { flow, execution }
      } catch (err) {
        const error = toEchopointError(err)
        if (withdraw.signal.aborted && !sent && !signal?.aborted) {
          outcome = {
            flow,
            skipped: true,
            error: notLaunchedError(undefined, signal, options.stop)
          }
          options.onLaunched?.(outcome)
          return outcome
        }
        if (signal?.aborted && error.kind !== 'timeout' && sent) {
          outcome = {
            flow,
            unanswered: { idempotencyKey: key },
            error: new EchopointError(
              'cancelled',
              `The launch request was sent but no answer came before the run stopped: Echopoint may have started an execution this run could not cancel (Idempotency-Key ${key}; a retry of this step with the same key will not start it twice)`
            )
          }
          logger.warning(`"${flow.name}" (${flow.id}): ${outcome.error?.message ?? ''}`)
        } else if (signal?.aborted && error.kind !== 'timeout') {
          outcome = {
            flow,
            error: new EchopointError('cancelled', 'cancelled before it was launched')
          }
        } else if (error.kind === 'conflict') {
          // A 409 on launch: the key was used before with other parameters (docs/api-contract.md;
          // the spec names no error code for it, so the status is the signal).
          outcome = {
            flow,
            error: new EchopointError(
              'conflict',
              `Could not launch "${flow.name}": the Idempotency-Key ${key} was already used with other launch parameters (HTTP 409)`,
              {
                status: error.status,
                code: error.code,
                request: error.request,
                hint: `Use a new ${config.names.idempotencyKey} (or leave it ${config.surface === 'cli' ? 'out' : 'empty'} to derive one per run), or launch with the same environment, version and runner as before`
              }
            )
          }
          logger.error(outcome.error?.userMessage ?? '', { title: `Echopoint: ${flow.name}` })
        } else {
          logger.error(`Could not launch "${flow.name}" (${flow.id}): ${error.userMessage}`, {
            title: `Echopoint: ${flow.name}`
          })
          outcome = { flow, error }
        }
        if (STOP_LAUNCHING.has(outcome.error?.kind ?? '')) stopError ??= outcome.error
      } finally {
        options.stop?.removeEventListener('abort', onStop)
      }
      options.onLaunched?.(outcome)
      return outcome
    },
    () => stopError !== undefined || signal?.aborted === true || options.stop?.aborted === true
  )
  return outcomes.map(
    (outcome, i) =>
      outcome ?? {
        flow: flows[i],
        skipped: true,
        error: notLaunchedError(stopError, signal, options.stop)
      }
  )
}

/** Why a flow was never attempted: the run stopped, a launch failed, or fail-fast. */
function notLaunchedError(
  stopError: EchopointError | undefined,
  signal: AbortSignal | undefined,
  stop: AbortSignal | undefined
): EchopointError {
  if (stopError?.kind === 'cancelled' || (signal?.aborted && stopError === undefined)) {
    return new EchopointError('cancelled', 'cancelled before it was launched')
  }
  if (stopError === undefined && stop?.aborted) {
    const reason: unknown = stop.reason
    if (reason instanceof EchopointError) {
      return new EchopointError(reason.kind, `Not launched: ${reason.message}`)
    }
    return new EchopointError(
      'cancelled',
      `Not launched: ${reason instanceof Error ? reason.message : 'the run stopped launching'}`
    )
  }
  return new EchopointError(
    stopError?.kind ?? 'cancelled',
    `not launched: an earlier launch failed (${stopError?.message ?? 'stopped'})`
  )
}
