import { CITIES, COUNTRIES, STATES, STREET_NAMES, STREET_SUFFIXES, TIMEZONES } from './data.js'
import { DIGITS } from './random.js'
import type { GeneratorDefinition } from './types.js'

export const addressGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'street',
    category: 'address',
    description: 'A street address.',
    example: '{{$street}}',
    generate: ({ random }) =>
      `${random.int(1, 9999)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`
  },
  {
    name: 'city',
    category: 'address',
    description: 'A city.',
    example: '{{$city}}',
    generate: ({ random }) => random.pick(CITIES)
  },
  {
    name: 'state',
    category: 'address',
    description: 'A US state.',
    example: '{{$state}}',
    generate: ({ random }) => random.pick(STATES)[0]
  },
  {
    name: 'stateAbbr',
    category: 'address',
    description: 'A US state postal abbreviation.',
    example: '{{$stateAbbr}}',
    generate: ({ random }) => random.pick(STATES)[1]
  },
  {
    name: 'zip',
    category: 'address',
    description: 'A five-digit postal code.',
    example: '{{$zip}}',
    generate: ({ random }) => random.chars(5, DIGITS)
  },
  {
    name: 'country',
    category: 'address',
    description: 'A country name.',
    example: '{{$country}}',
    generate: ({ random }) => random.pick(COUNTRIES)[0]
  },
  {
    name: 'countryAbbr',
    category: 'address',
    description: 'A two-letter ISO 3166-1 country code.',
    example: '{{$countryAbbr}}',
    generate: ({ random }) => random.pick(COUNTRIES)[1]
  },
  {
    name: 'latitude',
    category: 'address',
    description: 'A latitude in degrees, six decimals.',
    example: '{{$latitude}}',
    generate: ({ random }) => (random.float() * 180 - 90).toFixed(6)
  },
  {
    name: 'longitude',
    category: 'address',
    description: 'A longitude in degrees, six decimals.',
    example: '{{$longitude}}',
    generate: ({ random }) => (random.float() * 360 - 180).toFixed(6)
  },
  {
    name: 'timezone',
    category: 'address',
    description: 'An IANA time zone name.',
    example: '{{$timezone}}',
    generate: ({ random }) => random.pick(TIMEZONES)
  }
]
