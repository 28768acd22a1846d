import { ExtractionError, requiredText, type ExtractorDefinition } from './types.js'

/**
 * The first value of a query parameter of a received request (webhook_wait).
 * Names are case-sensitive, as in URLs. A response has no query parameters.
 */
export const queryParam: ExtractorDefinition = {
  names: ['query_param', 'queryParam'],
  create(data) {
    const paramName = requiredText(data, 'query_param', ['param_name', 'paramName'])
    return {
      type: 'query_param',
      label: `query_param ${paramName}`,
      extract(subject) {
        if (subject.query === undefined) {
          throw new ExtractionError(
            'query_param reads a received request (webhook_wait); this value has no query parameters'
          )
        }
        const values = Object.prototype.hasOwnProperty.call(subject.query, paramName)
          ? subject.query[paramName]
          : undefined
        if (!values || values.length === 0) {
          throw new ExtractionError(`query param ${paramName} not found`)
        }
        return values[0]
      }
    }
  }
}
