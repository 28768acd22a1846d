import { username } from './identity.js'
import { DIGITS, type Random } from './random.js'
import type { GeneratorDefinition } from './types.js'

/** A North American number: area and exchange codes start with 2–9. */
function nanp(random: Random): [string, string, string] {
  return [
    `${random.int(2, 9)}${random.chars(2, DIGITS)}`,
    `${random.int(2, 9)}${random.chars(2, DIGITS)}`,
    random.chars(4, DIGITS)
  ]
}

export const contactGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'email',
    category: 'contact',
    description: 'An email address at the reserved example.test domain (never delivered).',
    example: '{{$email}}',
    generate: ({ random }) =>
      `${username(random).toLowerCase()}-${random.chars(4, DIGITS)}@example.test`
  },
  {
    name: 'phone',
    category: 'contact',
    description: 'An E.164 phone number, e.g. +14155550123.',
    example: '{{$phone}}',
    generate: ({ random }) => `+1${nanp(random).join('')}`
  },
  {
    name: 'phoneFormatted',
    category: 'contact',
    description: 'A phone number in a local format, e.g. (415) 555-0123.',
    example: '{{$phoneFormatted}}',
    generate({ random }) {
      const [area, exchange, line] = nanp(random)
      return random.pick([
        `(${area}) ${exchange}-${line}`,
        `${area}-${exchange}-${line}`,
        `${area}.${exchange}.${line}`,
        `1-${area}-${exchange}-${line}`
      ])
    }
  }
]
