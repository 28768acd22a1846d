import type { ExtractorDefinition } from './types.js'

/** The whole body: parsed JSON when it was JSON, else the text; for value nodes, the value. */
export const body: ExtractorDefinition = {
  names: ['body'],
  create: () => ({
    type: 'body',
    label: 'body',
    extract: (subject) => subject.body ?? null
  })
}
