/**
 * Flow names, node names and server messages are untrusted text: they go into
 * Markdown, HTML and XML that people read, so they are escaped to stay text.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** Escapes text for a GitHub-flavoured Markdown table cell or paragraph (HTML is allowed there). */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(CONTROL, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Only what GFM would otherwise interpret inside a paragraph or a table cell.
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      .replace(/\r?\n|\r/g, ' ')
      .trim()
  )
}

/** An identifier for a code span: only characters that cannot end the span or break the table. */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9._:-]/g, '')
}

/** Plain text for one log line: no control characters (CI logs and annotations). */
export function oneLine(text: string, max = 500): string {
  const flat = text
    .replace(CONTROL, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/** C0 and C1 controls (CR, LF, NEL included), LS, PS, and bidi overrides and marks. */
const LINE_BREAKING =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g
/** The same, but not LF: for text whose line breaks are escaped by whoever writes it. */
export const UNSAFE_EXCEPT_LF =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g
/* eslint-enable no-control-regex */

/** `##[` (a legacy workflow command, found anywhere in a line) as `## [`. */
export function defuseLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '## [')
}

/**
 * Text as one line a CI runner will not act on. GitHub's runner reads workflow
 * commands from every stdout line: `::cmd::` at the start (after leading
 * whitespace) and the legacy `##[cmd]` anywhere in the line (actions/runner,
 * ActionCommand.TryParseV2 and TryParse). Line breaks and control characters
 * become spaces, the text is cut to `max`, `##[` reads `## [`, and a line that
 * would start with `::` gets a `» ` prefix.
 */
export function inertLine(text: string, max = 4000): string {
  let line = text.replace(LINE_BREAKING, ' ').trim()
  if (line.length > max) line = `${line.slice(0, max - 1)}…`
  line = defuseLegacyCommands(line)
  return line.startsWith('::') ? `» ${line}` : line
}

/** Multi-line output (a table, a JSON document) with every line made inert (see inertLine). */
export function inertText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const safe = defuseLegacyCommands(line)
      return safe.trimStart().startsWith('::') ? `» ${safe}` : safe
    })
    .join('\n')
}

/** The longest value a report shows whole (expected and actual); longer ones are cut with `…`. */
export const VALUE_MAX = 200

/** A value as short readable text: strings quoted, objects as compact JSON. */
export function showValue(value: unknown, max = VALUE_MAX): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * An http(s) URL safe inside a Markdown link target and a table cell, or
 * undefined for anything else (`javascript:`, relative, malformed): characters
 * that could end the link or the cell are percent-encoded.
 */
export function safeUrl(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  return url.href.replace(
    /[()[\]<>|`*_~\\ "']/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
}
