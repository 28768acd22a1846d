/**
 * What a settings check reports: the first problem found, with the path of the
 * field in the terms of whoever wrote it (`flows[2].simulation.outcome` in a
 * fixtures file, `faults.rateHtml` in `startSandbox` options, a flag name for the
 * CLI). A leaf module: the loader, the store and the CLI all raise or read these.
 */

/** One path step: an object key, or an array index. */
export type PathSegment = string | number

/** A problem with a settings value, found by the schema or by a cross-field rule. */
export interface SettingsIssue {
  /** Where, e.g. `['flows', 2, 'simulation', 'outcome']`; empty for the whole document. */
  segments: readonly PathSegment[]
  /** The same as text: `flows[2].simulation.outcome` (`$` for the whole document). */
  path: string
  /** What is wrong, e.g. `must be one of passed, failed, error`. */
  message: string
  /** The offending value (undefined when it is missing). */
  value?: unknown
  /** For a value outside a closed list: the values allowed. */
  allowed?: readonly unknown[]
  /** For a value outside a closed list: what the values are, e.g. `header style`. */
  title?: string
}

/** `flows[2].simulation` from `['flows', 2, 'simulation']`; `$` for the root. */
export function formatPath(segments: readonly PathSegment[]): string {
  if (segments.length === 0) return '$'
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
}

export function issueAt(
  segments: readonly PathSegment[],
  message: string,
  extra: Pick<SettingsIssue, 'value' | 'allowed' | 'title'> = {}
): SettingsIssue {
  return { segments, path: formatPath(segments), message, ...extra }
}

/** A fixture that does not validate; `path` names the bad field, e.g. `flows[2].simulation.outcome`. */
export class FixtureError extends Error {
  readonly path: string
  constructor(path: string, message: string, source?: string) {
    super(`Invalid sandbox fixtures${source ? ` in ${source}` : ''}: ${path}: ${message}`)
    this.name = 'FixtureError'
    this.path = path
  }

  static of(issue: SettingsIssue, source?: string): FixtureError {
    return new FixtureError(issue.path, issue.message, source)
  }
}
