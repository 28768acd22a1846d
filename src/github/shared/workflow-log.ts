/**
 * The one door from the actions (run and check-key) to the runner's log. The
 * runner reads every stdout line for workflow commands: `::cmd::` at the start
 * of a line (after leading whitespace) and the legacy `##[cmd]` anywhere in it
 * (actions/runner, ActionCommand.TryParseV2 and TryParse). Text from the API, a
 * proxy or an input must never become one, so every line written here is:
 *
 * - one line: CR, LF, NEL, LS, PS, other controls and bidi overrides become spaces;
 * - redacted: every secret registered with protectSecret (and its encoded forms);
 * - bounded: at most MAX_LINE characters;
 * - inert: a line that would start with `::` gets a `» ` prefix, and `##[` reads `## [`.
 *
 * Warnings, errors and notices go through @actions/core, which escapes their
 * data and properties (`%`, CR, LF, and `:`/`,` in properties), so their line
 * breaks stay (a YAML snippet in a hint); they are redacted and bounded here, and
 * titles are flattened. ESLint keeps every other file of the
 * adapters from calling @actions/core's log functions directly.
 */
import * as core from '@actions/core'
import type { AnnotationProps, Logger } from '../../core/logger.js'
import { createRedactor, type Redactor } from '../../core/redact.js'
import { defuseLegacyCommands, inertLine, UNSAFE_EXCEPT_LF } from '../../core/report/escape.js'

/** Longest line written to the log; the rest is cut with `…`. */
export const MAX_LINE = 4000
/** Longest annotation title. */
const MAX_TITLE = 200

const secrets = new Set<string>()
let redactor: Redactor = createRedactor([])

/**
 * Masks a secret for the runner (`::add-mask::`, the whole value and each line)
 * and hides it, and its encoded forms, in everything written through this module
 * and in `redact()`.
 */
export function protectSecret(value: string): void {
  const candidates = new Set([value, value.trim(), ...value.split(/\r?\n|\r/).map((l) => l.trim())])
  for (const candidate of candidates) {
    if (candidate.length === 0) continue
    core.setSecret(candidate)
    secrets.add(candidate)
  }
  redactor = createRedactor([...secrets])
}

/** Hides every protected secret (any form) in `text`. */
export function redact(text: string): string {
  return redactor(text)
}

/** Text for an annotation's message: redacted and bounded; line breaks kept (escaped by @actions/core). */
export function safeData(text: string, max = MAX_LINE): string {
  // Line breaks stay: @actions/core escapes them (%0A) in an annotation's data.
  let data = redactor(text.replace(/\r\n?/g, '\n').replace(UNSAFE_EXCEPT_LF, ' ')).trim()
  if (data.length > max) data = `${data.slice(0, max - 1)}…`
  // The runner parses this line as its own command first, but a legacy `##[` must not be there to try.
  return defuseLegacyCommands(data)
}

/** Text as one inert, redacted, bounded log line. */
export function safeLine(text: string, max = MAX_LINE): string {
  return inertLine(redactor(text), max)
}

function props(p?: AnnotationProps): core.AnnotationProperties | undefined {
  if (!p) return undefined
  return {
    ...(p.title === undefined ? {} : { title: safeLine(p.title, MAX_TITLE) }),
    ...(p.file === undefined ? {} : { file: safeLine(p.file, MAX_TITLE) })
  }
}

/** The log, for the adapters' own messages. */
export const log = {
  info: (message: string): void => core.info(safeLine(message)),
  debug: (message: string): void => core.debug(safeLine(message)),
  notice: (message: string, p?: AnnotationProps): void => core.notice(safeData(message), props(p)),
  warning: (message: string, p?: AnnotationProps): void =>
    core.warning(safeData(message), props(p)),
  error: (message: string, p?: AnnotationProps): void => core.error(safeData(message), props(p)),
  /** Fails the step with this message (an error annotation and exit code 1). */
  fail: (message: string): void => core.setFailed(safeData(message))
}

/** The core's Logger on the runner's log: debug only with RUNNER_DEBUG, warnings and errors as annotations. */
export const actionLogger: Logger = {
  debug: log.debug,
  info: log.info,
  warning: log.warning,
  error: log.error,
  protect: protectSecret
}
