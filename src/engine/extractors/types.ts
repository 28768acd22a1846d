/**
 * What an extractor reads. A request node hands its response; set_variable and
 * assert nodes hand a bare value as `body`; webhook_wait hands each received
 * request, with its query parameters. Header and query names map to every
 * value received, in order (`{"set-cookie": ["a=1", "b=2"]}`).
 */
export interface Subject {
  statusCode?: number
  headers?: Record<string, string[]>
  body: unknown
  query?: Record<string, string[]>
}

/** A configured extractor, ready to read subjects. */
export interface Extractor {
  /** Canonical snake_case type (`json_path`), whatever spelling the flow used. */
  readonly type: string
  /** A short description for messages: `json_path $.user.id`, `header Content-Type`. */
  readonly label: string
  /** The extracted value; throws ExtractionError when there is nothing to extract. */
  extract(subject: Subject): unknown
}

/** The fields of an extractor on the wire, without its `type`. */
export type ExtractorData = Record<string, unknown>

export interface ExtractorDefinition {
  /** Wire names, the canonical snake_case one first, then its camelCase twin. */
  readonly names: readonly [string, ...string[]]
  /** Builds the extractor from its fields; throws ExtractorConfigError when they are unusable. */
  create(data: ExtractorData): Extractor
}

/** Nothing to extract at run time (no match, header absent, …). */
export class ExtractionError extends Error {
  override readonly name = 'ExtractionError'
}

/** An extractor definition that cannot work (unknown type, missing or invalid field). */
export class ExtractorConfigError extends Error {
  override readonly name = 'ExtractorConfigError'
}

/**
 * A required string field read under either spelling (`header_name` or
 * `headerName`); snake_case wins when both are present.
 */
export function requiredText(data: ExtractorData, type: string, names: readonly string[]): string {
  for (const name of names) {
    const value = data[name]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') {
      throw new ExtractorConfigError(`${type} extractor: ${name} must be a string`)
    }
    if (value.trim() === '') continue
    return value
  }
  const others = names.length > 1 ? ` (or ${names.slice(1).join(', ')})` : ''
  throw new ExtractorConfigError(`${type} extractor needs ${names[0]}${others}`)
}
