/**
 * The secret-leak scan: where, in what a run left behind, a secret appears.
 * `::add-mask::<secret>` lines are the runner's masking command (consumed by
 * the runner, never shown), so they are the one place a secret may be.
 */
import type { DistRun } from './run-dist.js'

/** Names of the places (stdout, stderr, outputs, summary, JUnit, …) where any secret appears. */
export function findLeaks(run: DistRun, secrets: readonly string[]): string[] {
  const places: Record<string, string> = {
    stdout: run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    ...run.files
  }
  const leaks: string[] = []
  for (const secret of secrets.filter((s) => s.length >= 8)) {
    for (const [place, text] of Object.entries(places)) {
      if (text.includes(secret)) leaks.push(place)
    }
  }
  return leaks
}
