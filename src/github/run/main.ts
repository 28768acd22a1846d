/**
 * The run action: read inputs, run the flows, report (outputs, job summary,
 * annotations, JUnit). The only place that calls setFailed. Strict: the step
 * fails unless every selected flow passed.
 */
import * as core from '@actions/core'
import { detectCiContext, newInvocationId } from '../../core/ci-context.js'
import { systemClock, type Clock } from '../../core/clock.js'
import type { RunConfig } from '../../core/run/config.js'
import { toEchopointError } from '../../core/errors.js'
import { expiresSoon, expiryWarning } from '../../core/key/expiry.js'
import { outcomeOfError, runFlows, verdictMessage, type RunOutcome } from '../../core/run/run.js'
import { Annotator } from './annotations.js'
import { readRunConfig } from './inputs.js'
import { junitTarget, writeJunit } from '../../core/report/write-reports.js'
import { setRunOutputs } from './outputs.js'
import { renderSummary } from '../../core/report/summary.js'
import { VERSION } from '../../core/version.js'
import { redactDeep } from '../../core/redact.js'
import { actionLogger, log, redact } from '../shared/workflow-log.js'

/** Aborts on the runner's cancel signals (SIGINT, then SIGTERM 7.5 s later). */
function cancelSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (name: string) => () => {
    if (!controller.signal.aborted) log.info(`Received ${name}: stopping`)
    controller.abort()
  }
  const handlers: [NodeJS.Signals, () => void][] = [
    ['SIGINT', onSignal('SIGINT')],
    ['SIGTERM', onSignal('SIGTERM')]
  ]
  for (const [name, handler] of handlers) process.on(name, handler)
  return {
    signal: controller.signal,
    dispose: () => handlers.forEach(([name, handler]) => process.off(name, handler))
  }
}

/**
 * Where the reports go. When the inputs did not validate there is no config, but
 * the reports are still written (with the error), so read those two inputs as given.
 */
function reportTargets(config: RunConfig | undefined): { junitPath?: string; jobSummary: boolean } {
  return {
    junitPath: junitTarget(config, core.getInput('junit-path')),
    jobSummary: config
      ? config.jobSummary
      : core.getInput('job-summary').trim().toLowerCase() !== 'false'
  }
}

async function report(
  unsafe: RunOutcome,
  config: RunConfig | undefined,
  clock: Clock,
  annotator: Annotator
): Promise<void> {
  // Everything below reads the redacted outcome: the key is nowhere in what others read.
  const outcome: RunOutcome = { ...unsafe, results: redactDeep(unsafe.results, redact) }
  const targets = reportTargets(config)
  const junitPath = await writeJunit(targets.junitPath, outcome, actionLogger)
  setRunOutputs(outcome, junitPath)
  annotator.finish(outcome.results)

  const expiresAt = outcome.key?.expiresAt
  if (expiresAt && expiresSoon(expiresAt, clock.now())) {
    log.warning(expiryWarning(expiresAt, clock.now()), {
      title: 'Echopoint: API key expires soon'
    })
  }

  if (targets.jobSummary) {
    try {
      const markdown = renderSummary(outcome, {
        now: clock.now(),
        runUrl: detectCiContext().runUrl
      })
      await core.summary.addRaw(redact(markdown), true).write()
    } catch (err) {
      // Outside a runner there is no summary file; that must not fail the step.
      log.debug(`No job summary written: ${toEchopointError(err).message}`)
    }
  }
}

/** The action. Never throws. */
export async function run(clock: Clock = systemClock): Promise<void> {
  const cancel = cancelSignal()
  // A failed flow is annotated as soon as the run sees it, not only at the end.
  const annotator = new Annotator()
  let config: RunConfig | undefined
  let outcome: RunOutcome
  try {
    config = readRunConfig()
    const ci = detectCiContext()
    outcome = await runFlows(config, {
      clock,
      logger: actionLogger,
      ci,
      invocationId: newInvocationId(),
      signal: cancel.signal,
      userAgent: `echopoint-ci-action/${VERSION}`,
      onFlowEnd: (flow) => annotator.early(redactDeep(flow, redact))
    })
  } catch (err) {
    outcome = outcomeOfError(toEchopointError(err))
  }
  try {
    await report(outcome, config, clock, annotator)
  } catch (err) {
    log.warning(`Could not write every report: ${toEchopointError(err).message}`)
  }
  cancel.dispose()
  const message = verdictMessage(outcome)
  if (outcome.results.success) log.info(message)
  else log.fail(message)
}
