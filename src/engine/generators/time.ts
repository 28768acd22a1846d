import { parseGoDuration } from './go-duration.js'
import { WEEKDAYS } from './data.js'
import { GeneratorError, type GeneratorDefinition, type GeneratorState } from './types.js'

// Time values are taken at the execution's start (the injected clock), so they
// are the same everywhere in one run, as in the reference.

const DAY_MS = 86_400_000

/** RFC 3339 in UTC at second precision, as Go's time.RFC3339 prints it. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

function startPlus(state: GeneratorState, args: readonly string[]): number {
  const offset = args[0]
  if (offset === undefined || offset === '') return state.startedAt
  const ms = parseGoDuration(offset)
  if (ms === undefined) {
    throw new GeneratorError(
      `offset ${JSON.stringify(offset)} is not a duration such as +15s, -1h or 90m`
    )
  }
  return state.startedAt + ms
}

export const timeGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'runId',
    category: 'time',
    description: 'Stable short id for this execution (same everywhere in one run).',
    example: '{{$runId}}',
    generate: (state) => state.runId
  },
  {
    name: 'timestamp',
    category: 'time',
    description: 'Unix seconds at execution start (stable). Arg: an offset such as +15s or -1h.',
    example: '{{$timestamp:+15s}}',
    generate: (state, args) => String(Math.floor(startPlus(state, args) / 1000))
  },
  {
    name: 'isoTimestamp',
    category: 'time',
    description:
      'RFC 3339 UTC timestamp at execution start (stable). Arg: an offset such as +15s or -1h.',
    example: '{{$isoTimestamp:-1h}}',
    generate: (state, args) => rfc3339(startPlus(state, args))
  },
  {
    name: 'today',
    category: 'time',
    description: 'Execution date as YYYY-MM-DD, UTC (stable).',
    example: '{{$today}}',
    generate: (state) => rfc3339(state.startedAt).slice(0, 10)
  },
  {
    name: 'futureDate',
    category: 'time',
    description: 'A random RFC 3339 date between one day and a year after the execution start.',
    example: '{{$futureDate}}',
    generate: ({ random, startedAt }) => rfc3339(startedAt + random.int(DAY_MS, 365 * DAY_MS))
  },
  {
    name: 'pastDate',
    category: 'time',
    description: 'A random RFC 3339 date between one day and a year before the execution start.',
    example: '{{$pastDate}}',
    generate: ({ random, startedAt }) => rfc3339(startedAt - random.int(DAY_MS, 365 * DAY_MS))
  },
  {
    name: 'weekday',
    category: 'time',
    description: 'A weekday name.',
    example: '{{$weekday}}',
    generate: ({ random }) => random.pick(WEEKDAYS)
  }
]
