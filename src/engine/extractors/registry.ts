/**
 * The extractor registry, keyed by every wire name (`json_path` and
 * `jsonPath` are the same extractor). A new extractor is one file in this
 * folder and one line below.
 */
import { body } from './body.js'
import { header } from './header.js'
import { jsonPath } from './json-path.js'
import { queryParam } from './query-param.js'
import { statusCode } from './status-code.js'
import {
  ExtractorConfigError,
  type Extractor,
  type ExtractorData,
  type ExtractorDefinition
} from './types.js'
import { xmlPath } from './xml-path.js'
import { isPlainObject } from '../values.js'

export { ExtractionError, ExtractorConfigError } from './types.js'
export type { Extractor, ExtractorData, ExtractorDefinition, Subject } from './types.js'

/** Every built-in extractor. */
export const extractors: readonly ExtractorDefinition[] = [
  statusCode,
  header,
  body,
  jsonPath,
  queryParam,
  xmlPath
]

const byWireName = new Map<string, ExtractorDefinition>(
  extractors.flatMap((extractor) => extractor.names.map((name) => [name, extractor] as const))
)

/** The canonical snake_case names, for messages that list what is accepted. */
export const extractorNames: readonly string[] = extractors.map((extractor) => extractor.names[0])

/** True when the wire name (either spelling) is a known extractor type. */
export function isKnownExtractor(wireType: string): boolean {
  return byWireName.has(wireType)
}

/**
 * Builds an extractor from its wire type (either spelling) and its fields
 * (`{path}`, `{header_name}`, …). Throws ExtractorConfigError for an unknown
 * type or unusable fields.
 */
export function createExtractor(wireType: string, data: ExtractorData = {}): Extractor {
  const definition = byWireName.get(wireType)
  if (!definition) {
    throw new ExtractorConfigError(
      `unknown extractor type: ${wireType || '(none)'} (known: ${extractorNames.join(', ')})`
    )
  }
  return definition.create(data)
}

/**
 * Builds an extractor from the nested form used by outputs and by older
 * assertions: `{"type": "json_path", "path": "$.id"}`.
 */
export function parseExtractor(value: unknown): Extractor {
  if (!isPlainObject(value))
    throw new ExtractorConfigError('an extractor must be an object with a type')
  const { type, ...data } = value
  if (typeof type !== 'string') throw new ExtractorConfigError('an extractor needs a type')
  return createExtractor(type, data)
}
