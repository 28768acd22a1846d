import type { jsonpath } from 'json-p3'
import { jsonPathEnvironment } from './jsonpath-environment.js'
import {
  ExtractionError,
  ExtractorConfigError,
  requiredText,
  type ExtractorDefinition
} from './types.js'

type JSONValue = Parameters<jsonpath.JSONPathQuery['query']>[0]

/**
 * An RFC 9535 JSONPath query over the body: no match is an error, one match
 * gives that value, several give the array of matches in document order.
 * The path is checked when the flow is read, so a typo fails before any request.
 */
export const jsonPath: ExtractorDefinition = {
  names: ['json_path', 'jsonPath'],
  create(data) {
    const path = requiredText(data, 'json_path', ['path'])
    let query: jsonpath.JSONPathQuery
    try {
      query = jsonPathEnvironment.compile(path)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      throw new ExtractorConfigError(`invalid JSONPath expression '${path}': ${detail}`)
    }
    return {
      type: 'json_path',
      label: `json_path ${path}`,
      extract(subject) {
        let values: unknown[]
        try {
          values = query.query((subject.body ?? null) as JSONValue).values()
        } catch (error) {
          // Only the recursion limit of `..` on a pathologically deep body lands here.
          const detail = error instanceof Error ? error.message : String(error)
          throw new ExtractionError(`JSONPath '${path}' failed: ${detail}`)
        }
        if (values.length === 0) {
          throw new ExtractionError(`JSONPath '${path}' did not match any nodes`)
        }
        return values.length === 1 ? values[0] : values
      }
    }
  }
}
