import { ExtractionError, requiredText, type ExtractorDefinition } from './types.js'

/**
 * The first value of a header, matched case-insensitively. A header that is
 * absent is an error (a header sent empty gives `""`).
 */
export const header: ExtractorDefinition = {
  names: ['header'],
  create(data) {
    const headerName = requiredText(data, 'header', ['header_name', 'headerName'])
    const wanted = headerName.toLowerCase()
    return {
      type: 'header',
      label: `header ${headerName}`,
      extract(subject) {
        for (const [name, values] of Object.entries(subject.headers ?? {})) {
          if (name.toLowerCase() === wanted && values.length > 0) return values[0]
        }
        throw new ExtractionError(`header ${headerName} not found`)
      }
    }
  }
}
