import { ExtractionError, type ExtractorDefinition } from './types.js'

/**
 * Echopoint's wire format names an XPath extractor, but its runner never
 * implemented it (every use fails at run time). We accept the definition, so a
 * flow that carries one unused still runs, and fail clearly when it is used.
 */
export const xmlPath: ExtractorDefinition = {
  names: ['xml_path', 'xmlPath'],
  create: () => ({
    type: 'xml_path',
    label: 'xml_path',
    extract() {
      throw new ExtractionError(
        'the xml_path extractor is not supported (Echopoint’s runner does not implement it either); ' +
          'assert on the text with body and contains or regex instead'
      )
    }
  })
}
