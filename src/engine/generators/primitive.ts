import { countArg, floatArg, intArg, rangeArgs } from './args.js'
import { DIGITS, HEX, LOWER, UPPER } from './random.js'
import { GeneratorError, type GeneratorDefinition } from './types.js'

const LETTERS = LOWER + UPPER
const ALPHANUMERIC = LETTERS + DIGITS

export const primitiveGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'int',
    category: 'primitive',
    description: 'An integer between min and max inclusive. Args: min, max (defaults 0 and 1000).',
    example: '{{$int:1:100}}',
    generate({ random }, args) {
      const [min, max] = rangeArgs(args, intArg, 0, 1000)
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) {
        throw new GeneratorError(`int: bounds must be within ±${Number.MAX_SAFE_INTEGER}`)
      }
      return String(random.int(min, max))
    }
  },
  {
    name: 'float',
    category: 'primitive',
    description:
      'A number between min and max with four decimals. Args: min, max (defaults 0 and 1000).',
    example: '{{$float:0:1}}',
    generate({ random }, args) {
      const [min, max] = rangeArgs(args, floatArg, 0, 1000)
      return (min + random.float() * (max - min)).toFixed(4)
    }
  },
  {
    name: 'bool',
    category: 'primitive',
    description: 'true or false.',
    example: '{{$bool}}',
    generate: ({ random }) => String(random.bool())
  },
  {
    name: 'digits',
    category: 'primitive',
    description: 'N random digits (default 6).',
    example: '{{$digits:4}}',
    generate: ({ random }, args) => random.chars(countArg(args, 0, 6, 'digits'), DIGITS)
  },
  {
    name: 'letters',
    category: 'primitive',
    description: 'N random letters, upper and lower case (default 8).',
    example: '{{$letters:10}}',
    generate: ({ random }, args) => random.chars(countArg(args, 0, 8, 'letters'), LETTERS)
  },
  {
    name: 'string',
    category: 'primitive',
    description: 'N random alphanumeric characters (default 16).',
    example: '{{$string:12}}',
    generate: ({ random }, args) => random.chars(countArg(args, 0, 16, 'string'), ALPHANUMERIC)
  },
  {
    name: 'uuid',
    category: 'primitive',
    description: 'A random (version 4) UUID.',
    example: '{{$uuid}}',
    generate({ random }) {
      const bytes = random.bytes(16)
      bytes[6] = (bytes[6] & 0x0f) | 0x40 // version 4
      bytes[8] = (bytes[8] & 0x3f) | 0x80 // RFC 9562 variant
      const hex = Array.from(bytes, (byte) => HEX[byte >> 4] + HEX[byte & 15]).join('')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    }
  }
]
