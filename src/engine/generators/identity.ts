import { FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './data.js'
import { DIGITS } from './random.js'
import type { GeneratorDefinition } from './types.js'
import type { Random } from './random.js'

export function username(random: Random): string {
  return `${random.pick(LAST_NAMES)}${random.chars(4, DIGITS)}`
}

export const identityGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'firstName',
    category: 'identity',
    description: 'A first name.',
    example: '{{$firstName}}',
    generate: ({ random }) => random.pick(FIRST_NAMES)
  },
  {
    name: 'lastName',
    category: 'identity',
    description: 'A last name.',
    example: '{{$lastName}}',
    generate: ({ random }) => random.pick(LAST_NAMES)
  },
  {
    name: 'fullName',
    category: 'identity',
    description: 'A first and last name.',
    example: '{{$fullName}}',
    generate: ({ random }) => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
  },
  {
    name: 'username',
    category: 'identity',
    description: 'A username: a last name and four digits.',
    example: '{{$username}}',
    generate: ({ random }) => username(random)
  },
  {
    name: 'gender',
    category: 'identity',
    description: 'A gender: male or female.',
    example: '{{$gender}}',
    generate: ({ random }) => random.pick(['male', 'female'])
  },
  {
    name: 'jobTitle',
    category: 'identity',
    description: 'A job title.',
    example: '{{$jobTitle}}',
    generate: ({ random }) => random.pick(JOB_TITLES)
  },
  {
    name: 'ssn',
    category: 'identity',
    description:
      'A fake US Social Security number: nine digits of a valid shape (no 000, 666 or 9xx area).',
    example: '{{$ssn}}',
    generate({ random }) {
      let area = random.int(1, 899)
      if (area === 666) area = 665
      const group = random.int(1, 99)
      const serial = random.int(1, 9999)
      return `${pad(area, 3)}${pad(group, 2)}${pad(serial, 4)}`
    }
  }
]

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
