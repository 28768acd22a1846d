import { EMOJIS, HTTP_METHODS, TLDS, USER_AGENTS, WORDS } from './data.js'
import type { Random } from './random.js'
import type { GeneratorDefinition } from './types.js'

function domain(random: Random): string {
  return `${random.pick(WORDS)}${random.pick(WORDS)}.${random.pick(TLDS)}`
}

function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}

export const internetGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'url',
    category: 'internet',
    description: 'An https URL.',
    example: '{{$url}}',
    generate: ({ random }) => `https://www.${domain(random)}/${random.pick(WORDS)}`
  },
  {
    name: 'domain',
    category: 'internet',
    description: 'A domain name.',
    example: '{{$domain}}',
    generate: ({ random }) => domain(random)
  },
  {
    name: 'ipv4',
    category: 'internet',
    description: 'An IPv4 address.',
    example: '{{$ipv4}}',
    generate: ({ random }) =>
      [random.int(1, 223), random.int(0, 255), random.int(0, 255), random.int(1, 254)].join('.')
  },
  {
    name: 'ipv6',
    category: 'internet',
    description: 'An IPv6 global unicast address (eight groups).',
    example: '{{$ipv6}}',
    generate: ({ random }) =>
      [random.int(0x2000, 0x3fff), ...Array.from({ length: 7 }, () => random.int(0, 0xffff))]
        .map((group) => group.toString(16))
        .join(':')
  },
  {
    name: 'mac',
    category: 'internet',
    description: 'A locally administered unicast MAC address.',
    example: '{{$mac}}',
    generate({ random }) {
      const bytes = Array.from(random.bytes(6))
      bytes[0] = (bytes[0] & 0xfc) | 0x02
      return bytes.map(hexByte).join(':')
    }
  },
  {
    name: 'userAgent',
    category: 'internet',
    description: 'A browser user-agent string.',
    example: '{{$userAgent}}',
    generate({ random }) {
      const template = random.pick(USER_AGENTS)
      const version = template.includes('Version/{v}') ? random.int(15, 18) : random.int(110, 130)
      return template.replaceAll('{v}', String(version))
    }
  },
  {
    name: 'httpMethod',
    category: 'internet',
    description: 'An HTTP method.',
    example: '{{$httpMethod}}',
    generate: ({ random }) => random.pick(HTTP_METHODS)
  },
  {
    name: 'emoji',
    category: 'internet',
    description: 'An emoji.',
    example: '{{$emoji}}',
    generate: ({ random }) => random.pick(EMOJIS)
  }
]
