import { countArg } from './args.js'
import { COLORS, WORDS } from './data.js'
import { HEX, type Random } from './random.js'
import type { GeneratorDefinition } from './types.js'

function wordList(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => random.pick(WORDS))
}

export const textGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'word',
    category: 'text',
    description: 'A single lowercase word.',
    example: '{{$word}}',
    generate: ({ random }) => random.pick(WORDS)
  },
  {
    name: 'words',
    category: 'text',
    description: 'N words separated by spaces (default 3).',
    example: '{{$words:5}}',
    generate: ({ random }, args) => wordList(random, countArg(args, 0, 3, 'words')).join(' ')
  },
  {
    name: 'sentence',
    category: 'text',
    description: 'A capitalised sentence of N words ending with a period (default 8).',
    example: '{{$sentence:10}}',
    generate({ random }, args) {
      const text = wordList(random, countArg(args, 0, 8, 'sentence')).join(' ')
      return text === '' ? '' : `${text[0].toUpperCase()}${text.slice(1)}.`
    }
  },
  {
    name: 'slug',
    category: 'text',
    description: 'A kebab-case slug of N words (default 3).',
    example: '{{$slug:2}}',
    generate: ({ random }, args) => wordList(random, countArg(args, 0, 3, 'slug')).join('-')
  },
  {
    name: 'color',
    category: 'text',
    description: 'A colour name.',
    example: '{{$color}}',
    generate: ({ random }) => random.pick(COLORS)
  },
  {
    name: 'hexColor',
    category: 'text',
    description: 'A hex colour such as #3fa2c4.',
    example: '{{$hexColor}}',
    generate: ({ random }) => `#${random.chars(6, HEX)}`
  }
]
