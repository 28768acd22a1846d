import { ExtractionError, type ExtractorDefinition } from './types.js'

/** The HTTP status code, as an integer. */
export const statusCode: ExtractorDefinition = {
  names: ['status_code', 'statusCode'],
  create: () => ({
    type: 'status_code',
    label: 'status_code',
    extract(subject) {
      // The reference answers 0 for a value with no response; an assertion on
      // it is a flow mistake, so we say so instead.
      if (subject.statusCode === undefined) {
        throw new ExtractionError('there is no HTTP status here: this node made no request')
      }
      return subject.statusCode
    }
  })
}
