import {
  COMPANY_SUFFIXES,
  LAST_NAMES,
  PRODUCT_ADJECTIVES,
  PRODUCT_CATEGORIES,
  PRODUCT_MATERIALS,
  PRODUCT_NOUNS
} from './data.js'
import { DIGITS, UPPER } from './random.js'
import type { GeneratorDefinition } from './types.js'

export const commerceGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'company',
    category: 'commerce',
    description: 'A company name.',
    example: '{{$company}}',
    generate: ({ random }) =>
      random.bool()
        ? `${random.pick(LAST_NAMES)} ${random.pick(COMPANY_SUFFIXES)}`
        : `${random.pick(LAST_NAMES)} & ${random.pick(LAST_NAMES)}`
  },
  {
    name: 'productName',
    category: 'commerce',
    description: 'A product name.',
    example: '{{$productName}}',
    generate: ({ random }) =>
      `${random.pick(PRODUCT_ADJECTIVES)} ${random.pick(PRODUCT_MATERIALS)} ${random.pick(PRODUCT_NOUNS)}`
  },
  {
    name: 'productCategory',
    category: 'commerce',
    description: 'A product category.',
    example: '{{$productCategory}}',
    generate: ({ random }) => random.pick(PRODUCT_CATEGORIES)
  },
  {
    name: 'sku',
    category: 'commerce',
    description: 'An eight-character SKU: four capital letters and four digits.',
    example: '{{$sku}}',
    generate: ({ random }) => random.chars(4, UPPER) + random.chars(4, DIGITS)
  }
]
