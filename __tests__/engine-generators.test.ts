/**
 * Generators (`{{$name:args}}`): the full registry of Echopoint's runner
 * (pkg/dynamicvars), determinism per execution id, the injected clock, and the
 * validity of the values that have a checksum (IBAN, cards, routing numbers,
 * bitcoin addresses, UUIDs).
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import {
  createGeneratorContext,
  GeneratorError,
  generatorCatalog,
  generators,
  isKnownGenerator,
  snakeCase,
  type GeneratorContext
} from '../src/engine/generators/registry.js'
import { parseGoDuration } from '../src/engine/generators/go-duration.js'

const NOW = Date.parse('2024-02-29T23:59:30.500Z')
const context = (seed = 'exec-1', now = NOW): GeneratorContext =>
  createGeneratorContext({ seed, now: () => now })

/** Every generator of the reference (pkg/dynamicvars, the union of its versions). */
const REFERENCE_NAMES = [
  // time
  'runId',
  'timestamp',
  'isoTimestamp',
  'today',
  'futureDate',
  'pastDate',
  'weekday',
  // identity
  'firstName',
  'lastName',
  'fullName',
  'username',
  'gender',
  'jobTitle',
  'ssn',
  // contact
  'email',
  'phone',
  'phoneFormatted',
  // address
  'street',
  'city',
  'state',
  'stateAbbr',
  'zip',
  'country',
  'countryAbbr',
  'latitude',
  'longitude',
  'timezone',
  // finance
  'iban',
  'bic',
  'creditCard',
  'creditCardCvv',
  'currency',
  'price',
  'achRouting',
  'achAccount',
  'bitcoinAddress',
  // internet
  'url',
  'domain',
  'ipv4',
  'ipv6',
  'mac',
  'userAgent',
  'httpMethod',
  'emoji',
  // commerce
  'company',
  'productName',
  'productCategory',
  'sku',
  // text
  'word',
  'words',
  'sentence',
  'slug',
  'color',
  'hexColor',
  // primitive
  'int',
  'float',
  'bool',
  'digits',
  'letters',
  'string',
  'uuid'
]

describe('the registry', () => {
  it('has every generator of the reference, and no other', () => {
    expect(generators.map((g) => g.name).sort()).toEqual([...REFERENCE_NAMES].sort())
    expect(REFERENCE_NAMES).toHaveLength(61)
  })

  it.each(REFERENCE_NAMES)('%s is known in both spellings and generates text', (name) => {
    expect(isKnownGenerator(name)).toBe(true)
    expect(isKnownGenerator(snakeCase(name))).toBe(true)
    const a = context().generate(name)
    const b = context().generate(snakeCase(name))
    expect(typeof a).toBe('string')
    expect(a).not.toBe('')
    expect(b).toBe(a) // same seed, same first draw, whichever spelling
  })

  it('derives snake_case names', () => {
    expect(snakeCase('isoTimestamp')).toBe('iso_timestamp')
    expect(snakeCase('creditCardCvv')).toBe('credit_card_cvv')
    expect(snakeCase('ipv4')).toBe('ipv4')
    expect(isKnownGenerator('hex_color')).toBe(true)
  })

  it('rejects an unknown generator clearly, suggesting near names', () => {
    expect(isKnownGenerator('guid')).toBe(false)
    expect(() => context().generate('UUID')).toThrow(GeneratorError)
    expect(() => context().generate('UUID')).toThrow(
      /unknown generator \{\{\$UUID\}\}; did you mean \{\{\$uuid\}\}\?/
    )
    expect(() => context().generate('emial')).toThrow(/did you mean \{\{\$email\}\}/)
    expect(() => context().generate('zzzzzzzz')).toThrow(
      /^unknown generator \{\{\$zzzzzzzz\}\} \(docs\/engine.md lists them\)$/
    )
  })

  it('has a catalogue sorted by category then name, with a usable example for each', () => {
    const catalog = generatorCatalog()
    expect(catalog).toHaveLength(61)
    const keys = catalog.map((e) => `${e.category}/${e.name}`)
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)))
    for (const entry of catalog) {
      expect(entry.description).not.toBe('')
      const match = /^\{\{\$([A-Za-z0-9_]+)((?::[^:}]*)*)\}\}$/.exec(entry.example)
      expect(match?.[1]).toBe(entry.name)
      const args = match?.[2] ? match[2].slice(1).split(':') : []
      expect(typeof context().generate(entry.name, args)).toBe('string')
    }
  })
})

describe('determinism', () => {
  const draw = (ctx: GeneratorContext): string[] =>
    REFERENCE_NAMES.map((name) => ctx.generate(name))

  it('gives the same values for the same execution id', () => {
    expect(draw(context('exec-42'))).toEqual(draw(context('exec-42')))
  })

  it('gives different values for another execution id', () => {
    const a = context('exec-42')
    const b = context('exec-43')
    const uuids = (ctx: GeneratorContext): string[] =>
      Array.from({ length: 5 }, () => ctx.generate('uuid'))
    expect(uuids(a)).not.toEqual(uuids(b))
  })

  it('draws fresh values on each use within a run', () => {
    const ctx = context()
    const values = new Set(Array.from({ length: 50 }, () => ctx.generate('uuid')))
    expect(values.size).toBe(50)
  })

  it('forks streams per label, independent of the order they are used in', () => {
    const first = context('exec-9')
    const a1 = first.fork('node-a').generate('uuid')
    const b1 = first.fork('node-b').generate('uuid')
    const second = context('exec-9')
    const b2 = second.fork('node-b').generate('uuid')
    second.generate('uuid') // the parent stream moving does not affect forks
    const a2 = second.fork('node-a').generate('uuid')
    expect([a2, b2]).toEqual([a1, b1])
    expect(a1).not.toBe(b1)
    expect(first.fork('x').runId).toBe(first.runId)
    expect(first.fork('x').fork('y').generate('timestamp')).toBe(first.generate('timestamp'))
  })
})

describe('time generators read the injected clock once, at the start', () => {
  it('runId is the first 6 bytes of SHA-256(execution id), as the reference', () => {
    const expected = createHash('sha256').update('exec-1').digest('hex').slice(0, 12)
    expect(context('exec-1').generate('runId')).toBe(expected)
    expect(context('exec-1').runId).toBe(expected)
    expect(expected).toMatch(/^[0-9a-f]{12}$/)
  })

  it('gives stable timestamps, with Go-duration offsets', () => {
    let reads = 0
    const ctx = createGeneratorContext({
      seed: 's',
      now: () => {
        reads++
        return NOW + reads * 60_000 // a clock that moves: only the first read counts
      }
    })
    const start = NOW + 60_000
    expect(ctx.startedAt).toBe(start)
    expect(ctx.generate('timestamp')).toBe(String(Math.floor(start / 1000)))
    expect(ctx.generate('isoTimestamp')).toBe('2024-03-01T00:00:30Z')
    expect(ctx.generate('today')).toBe('2024-03-01')
    expect(ctx.generate('timestamp', ['+15s'])).toBe(String(Math.floor(start / 1000) + 15))
    expect(ctx.generate('isoTimestamp', ['-1h30m'])).toBe('2024-02-29T22:30:30Z')
    expect(ctx.generate('iso_timestamp', ['90m'])).toBe('2024-03-01T01:30:30Z')
    expect(ctx.generate('timestamp', [''])).toBe(String(Math.floor(start / 1000)))
    expect(reads).toBe(1)
  })

  it('prints RFC 3339 in UTC at second precision and the UTC date', () => {
    const ctx = context('s', NOW)
    expect(ctx.generate('isoTimestamp')).toBe('2024-02-29T23:59:30Z')
    expect(ctx.generate('today')).toBe('2024-02-29')
    expect(ctx.generate('timestamp')).toBe('1709251170')
  })

  it('rejects an offset that is not a duration', () => {
    expect(() => context().generate('timestamp', ['soon'])).toThrow(
      '{{$timestamp}}: offset "soon" is not a duration such as +15s, -1h or 90m'
    )
    expect(() => context().generate('isoTimestamp', ['15'])).toThrow(GeneratorError)
  })

  it('keeps future and past dates within a year of the start', () => {
    const ctx = context()
    for (let i = 0; i < 50; i++) {
      const future = Date.parse(ctx.generate('futureDate'))
      const past = Date.parse(ctx.generate('pastDate'))
      expect(future).toBeGreaterThan(NOW)
      expect(future).toBeLessThanOrEqual(NOW + 366 * 86_400_000)
      expect(past).toBeLessThan(NOW)
      expect(past).toBeGreaterThanOrEqual(NOW - 366 * 86_400_000)
    }
  })

  it.each([
    ['15s', 15_000],
    ['+15s', 15_000],
    ['-1h', -3_600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['90m', 5_400_000],
    ['250ms', 250],
    ['1us', 0.001],
    ['0', 0],
    ['', undefined],
    ['15', undefined],
    ['1d', undefined],
    ['h', undefined],
    ['1h 30m', undefined]
  ])('parses the Go duration %p', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms)
  })
})

describe('formats', () => {
  const formats: Array<[string, string[], RegExp]> = [
    ['uuid', [], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    ['email', [], /^[a-z]+\d{4}-\d{4}@example\.test$/],
    ['phone', [], /^\+1[2-9]\d{2}[2-9]\d{6}$/],
    ['phoneFormatted', [], /^(\([2-9]\d\d\) |[2-9]\d\d[-.]|1-[2-9]\d\d-)[2-9]\d\d[-.]\d{4}$/],
    ['ssn', [], /^(?!000|666|9)\d{3}(?!00)\d{2}(?!0000)\d{4}$/],
    ['zip', [], /^\d{5}$/],
    ['countryAbbr', [], /^[A-Z]{2}$/],
    ['stateAbbr', [], /^[A-Z]{2}$/],
    ['latitude', [], /^-?\d{1,2}\.\d{6}$/],
    ['longitude', [], /^-?\d{1,3}\.\d{6}$/],
    ['bic', [], /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/],
    ['creditCardCvv', [], /^\d{3}$/],
    ['currency', [], /^[A-Z]{3}$/],
    ['price', [], /^\d+\.\d{2}$/],
    ['achAccount', [], /^\d{12}$/],
    ['url', [], /^https:\/\/www\.[a-z]+\.[a-z]+\/[a-z]+$/],
    ['domain', [], /^[a-z]+\.[a-z]+$/],
    ['ipv4', [], /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/],
    ['ipv6', [], /^[23][0-9a-f]{3}(:[0-9a-f]{1,4}){7}$/],
    ['mac', [], /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/],
    ['userAgent', [], /^Mozilla\/5\.0 \(.+\) .+\/\d+/],
    ['httpMethod', [], /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/],
    ['sku', [], /^[A-Z]{4}\d{4}$/],
    ['word', [], /^[a-z]+$/],
    ['words', [], /^[a-z]+ [a-z]+ [a-z]+$/],
    ['words', ['5'], /^([a-z]+ ){4}[a-z]+$/],
    ['sentence', [], /^[A-Z][a-z]*( [a-z]+){7}\.$/],
    ['slug', ['2'], /^[a-z]+-[a-z]+$/],
    ['hexColor', [], /^#[0-9a-f]{6}$/],
    ['bool', [], /^(true|false)$/],
    ['digits', [], /^\d{6}$/],
    ['digits', ['4'], /^\d{4}$/],
    ['letters', [], /^[A-Za-z]{8}$/],
    ['string', [], /^[A-Za-z0-9]{16}$/],
    ['string', ['12'], /^[A-Za-z0-9]{12}$/],
    ['username', [], /^[A-Z][a-z]+\d{4}$/],
    ['gender', [], /^(male|female)$/],
    ['weekday', [], /^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$/],
    ['timezone', [], /^(UTC|[A-Z][a-z]+\/[A-Za-z_]+)$/]
  ]
  it.each(formats)('%s %p has its format over many draws', (name, args, format) => {
    const ctx = context()
    for (let i = 0; i < 100; i++) expect(ctx.generate(name, args)).toMatch(format)
  })

  it('keeps ipv4 octets in range and mac addresses locally administered unicast', () => {
    const ctx = context()
    for (let i = 0; i < 100; i++) {
      const octets = ctx.generate('ipv4').split('.').map(Number)
      expect(octets.every((o) => o >= 0 && o <= 255)).toBe(true)
      expect(octets[0]).toBeGreaterThanOrEqual(1)
      const firstByte = parseInt(ctx.generate('mac').slice(0, 2), 16)
      expect(firstByte & 0b11).toBe(0b10)
    }
  })
})

describe('numbers and counts', () => {
  it('int is inclusive of both bounds and defaults to 0..1000', () => {
    const ctx = context()
    const seen = new Set<number>()
    for (let i = 0; i < 400; i++) seen.add(Number(ctx.generate('int', ['1', '3'])))
    expect([...seen].sort()).toEqual([1, 2, 3])
    for (let i = 0; i < 100; i++) {
      const n = Number(ctx.generate('int'))
      expect(Number.isInteger(n) && n >= 0 && n <= 1000).toBe(true)
    }
  })

  it('int accepts reversed, negative and equal bounds; a non-number falls back to the default', () => {
    const ctx = context()
    for (let i = 0; i < 50; i++) {
      const n = Number(ctx.generate('int', ['10', '-10']))
      expect(n >= -10 && n <= 10).toBe(true)
    }
    expect(ctx.generate('int', ['7', '7'])).toBe('7')
    const fallback = Number(ctx.generate('int', ['x', 'y']))
    expect(fallback >= 0 && fallback <= 1000).toBe(true)
    expect(() => ctx.generate('int', ['0', '1e30'])).not.toThrow() // not an integer: default max
    expect(() => ctx.generate('int', ['0', '99999999999999999999'])).toThrow(
      /bounds must be within/
    )
  })

  it('float has four decimals within its range; price two', () => {
    const ctx = context()
    for (let i = 0; i < 100; i++) {
      const f = ctx.generate('float', ['0', '1'])
      expect(f).toMatch(/^[01]\.\d{4}$/)
      const p = Number(ctx.generate('price', ['9.99', '199.99']))
      expect(p).toBeGreaterThanOrEqual(9.99)
      expect(p).toBeLessThanOrEqual(199.99)
    }
  })

  it('bounds counts', () => {
    const ctx = context()
    expect(ctx.generate('digits', ['0'])).toBe('')
    expect(ctx.generate('string', ['10000'])).toHaveLength(10_000)
    expect(() => ctx.generate('string', ['10001'])).toThrow(
      '{{$string}}: string must be between 0 and 10000, got 10001'
    )
    expect(() => ctx.generate('letters', ['-1'])).toThrow(/between 0 and 10000/)
    expect(ctx.generate('sentence', ['0'])).toBe('')
  })
})

describe('values with a checksum are valid', () => {
  function ibanValid(iban: string): boolean {
    const rearranged = iban.slice(4) + iban.slice(0, 4)
    const digits = rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55))
    return BigInt(digits) % 97n === 1n
  }
  const lengths: Record<string, number> = {
    FR: 27,
    DE: 22,
    GB: 22,
    ES: 24,
    IT: 27,
    NL: 18,
    BE: 16,
    CH: 21,
    PT: 25,
    IE: 22
  }

  it.each(Object.entries(lengths))(
    'iban %s passes mod-97 with its length and shape',
    (country, length) => {
      const ctx = context()
      for (let i = 0; i < 30; i++) {
        const iban = ctx.generate('iban', [country.toLowerCase()])
        expect(iban).toHaveLength(length)
        expect(iban.startsWith(country)).toBe(true)
        expect(ibanValid(iban)).toBe(true)
      }
      if (['GB', 'NL', 'IE'].includes(country))
        expect(context().generate('iban', [country])).toMatch(/^[A-Z]{2}\d{2}[A-Z]{4}\d+$/)
      if (country === 'IT')
        expect(context().generate('iban', [country])).toMatch(/^IT\d{2}[A-Z]\d{22}$/)
    }
  )

  it('iban defaults to FR and names the supported countries otherwise', () => {
    expect(context().generate('iban')).toMatch(/^FR\d{25}$/)
    expect(() => context().generate('iban', ['US'])).toThrow(
      '{{$iban}}: iban: unsupported country "US" (supported: FR, DE, GB, ES, IT, NL, BE, CH, PT, IE)'
    )
  })

  function luhnValid(number: string): boolean {
    let sum = 0
    for (let i = 0; i < number.length; i++) {
      let digit = Number(number[number.length - 1 - i])
      if (i % 2 === 1) {
        digit *= 2
        if (digit > 9) digit -= 9
      }
      sum += digit
    }
    return sum % 10 === 0
  }

  it.each([
    ['visa', /^4\d{15}$/],
    ['mastercard', /^(5[1-5]|2221|2720)\d+$/],
    ['american-express', /^3[47]\d{13}$/],
    ['amex', /^3[47]\d{13}$/],
    ['American Express', /^3[47]\d{13}$/],
    ['discover', /^(6011|64[459]|65)\d+$/],
    ['diners-club', /^(30[05]|3[68])\d{11,12}$/],
    ['jcb', /^35(28|89)\d{12}$/],
    ['unionpay', /^62\d{14}$/],
    ['maestro', /^(5018|5020|5038|6304|6759)\d{12}$/],
    ['', /^\d{15,16}$/]
  ])('creditCard %p is Luhn-valid with its brand prefix', (brand, format) => {
    const ctx = context()
    for (let i = 0; i < 30; i++) {
      const number = ctx.generate('creditCard', brand === '' ? [] : [brand])
      expect(number).toMatch(format)
      expect(number.length === 16 || number.length === 15 || number.length === 14).toBe(true)
      expect(luhnValid(number)).toBe(true)
    }
  })

  it('creditCard names the known types for an unknown one', () => {
    expect(() => context().generate('creditCard', ['bankcard'])).toThrow(
      /unknown card type "bankcard" \(known: visa, mastercard/
    )
  })

  it('achRouting passes the ABA 3-7-1 checksum', () => {
    const ctx = context()
    for (let i = 0; i < 100; i++) {
      const digits = ctx.generate('achRouting').split('').map(Number)
      expect(digits).toHaveLength(9)
      const sum = digits.reduce((total, d, j) => total + d * [3, 7, 1][j % 3], 0)
      expect(sum % 10).toBe(0)
    }
  })

  it('bitcoinAddress is Base58Check with version 0', () => {
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
    const ctx = context()
    for (let i = 0; i < 30; i++) {
      const address = ctx.generate('bitcoinAddress')
      expect(address).toMatch(/^1[1-9A-HJ-NP-Za-km-z]{25,33}$/)
      let n = 0n
      for (const ch of address) n = n * 58n + BigInt(alphabet.indexOf(ch))
      const hex = n.toString(16).padStart(50, '0') // 25 bytes; the leading '1' is the zero version byte
      const bytes = Buffer.from(hex, 'hex')
      expect(bytes).toHaveLength(25)
      expect(bytes[0]).toBe(0)
      const check = createHash('sha256')
        .update(createHash('sha256').update(bytes.subarray(0, 21)).digest())
        .digest()
      expect(bytes.subarray(21).equals(check.subarray(0, 4))).toBe(true)
    }
  })
})
