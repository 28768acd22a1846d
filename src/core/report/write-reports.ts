/**
 * The report files both front doors write after a run, in one place: the JUnit
 * report (written even when the inputs did not validate, so a test-report step
 * still shows the error), with a warning instead of a failure when it cannot be
 * written. The XML builder is loaded only when a report is asked for.
 */
import { usablePath } from '../input-values.js'
import type { RunConfig } from '../run/config.js'
import { toEchopointError } from '../errors.js'
import type { Logger } from '../logger.js'
import type { RunOutcome } from '../run/run.js'

/**
 * Where the JUnit report goes: the validated config's path, or, when the inputs
 * did not validate, the path as the user gave it if it is usable at all.
 */
export function junitTarget(
  config: RunConfig | undefined,
  raw: string | undefined
): string | undefined {
  return config ? config.junitPath : usablePath(raw)
}

/** Writes the JUnit report to `path` when there is one; returns where it was written. */
export async function writeJunit(
  path: string | undefined,
  outcome: RunOutcome,
  logger: Logger
): Promise<string | undefined> {
  if (!path) return undefined
  try {
    const { writeJunitReport } = await import('./junit.js')
    const written = await writeJunitReport(path, outcome.results, { error: outcome.error })
    logger.info(`JUnit report written to ${written}`)
    return written
  } catch (err) {
    logger.warning(`Could not write the JUnit report to ${path}: ${toEchopointError(err).message}`)
    return undefined
  }
}
