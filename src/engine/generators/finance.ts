import { createHash } from 'node:crypto'
import { floatArg, rangeArgs } from './args.js'
import { COUNTRIES, CURRENCIES } from './data.js'
import { DIGITS, UPPER, type Random } from './random.js'
import { GeneratorError, type GeneratorDefinition } from './types.js'

/**
 * IBAN layouts (ISO 13616 registry): BBAN letters first (bank code), then
 * digits, so each value has its country's length and character classes and a
 * valid mod-97 check. Internal national check digits are not computed.
 */
const IBAN_LAYOUTS: Record<string, { letters: number; digits: number }> = {
  FR: { letters: 0, digits: 23 },
  DE: { letters: 0, digits: 18 },
  GB: { letters: 4, digits: 14 },
  ES: { letters: 0, digits: 20 },
  IT: { letters: 1, digits: 22 },
  NL: { letters: 4, digits: 10 },
  BE: { letters: 0, digits: 12 },
  CH: { letters: 0, digits: 17 },
  PT: { letters: 0, digits: 21 },
  IE: { letters: 4, digits: 14 }
}

/** ISO 13616 check digits: move country + "00" to the end, letters as 10–35, 98 − (n mod 97). */
export function ibanCheckDigits(country: string, bban: string): string {
  let remainder = 0
  for (const ch of bban + country + '00') {
    const value = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch)
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
  }
  return String(98 - remainder).padStart(2, '0')
}

function iban(random: Random, country: string): string {
  const layout = IBAN_LAYOUTS[country]
  if (!layout) {
    throw new GeneratorError(
      `iban: unsupported country ${JSON.stringify(country)} (supported: ${Object.keys(IBAN_LAYOUTS).join(', ')})`
    )
  }
  const bban = random.chars(layout.letters, UPPER) + random.chars(layout.digits, DIGITS)
  return `${country}${ibanCheckDigits(country, bban)}${bban}`
}

/** Card brands: issuer prefixes and number length. */
const CARD_BRANDS: Record<string, { prefixes: readonly string[]; length: number }> = {
  visa: { prefixes: ['4'], length: 16 },
  mastercard: { prefixes: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16 },
  'american-express': { prefixes: ['34', '37'], length: 15 },
  discover: { prefixes: ['6011', '644', '645', '649', '65'], length: 16 },
  'diners-club': { prefixes: ['300', '305', '36', '38'], length: 14 },
  jcb: { prefixes: ['3528', '3589'], length: 16 },
  unionpay: { prefixes: ['62'], length: 16 },
  maestro: { prefixes: ['5018', '5020', '5038', '6304', '6759'], length: 16 }
}

const BRAND_ALIASES: Record<string, string> = {
  visa: 'visa',
  mastercard: 'mastercard',
  americanexpress: 'american-express',
  amex: 'american-express',
  discover: 'discover',
  dinersclub: 'diners-club',
  diners: 'diners-club',
  jcb: 'jcb',
  unionpay: 'unionpay',
  maestro: 'maestro'
}

/** The digit that makes `payload` + digit pass the Luhn check. */
export function luhnCheckDigit(payload: string): string {
  let sum = 0
  for (let i = 0; i < payload.length; i++) {
    // Counting from the right of the final number, the payload's last digit is second: doubled.
    let digit = Number(payload[payload.length - 1 - i])
    if (i % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return String((10 - (sum % 10)) % 10)
}

function cardNumber(random: Random, brandArg: string | undefined): string {
  let brand: string
  if (brandArg === undefined || brandArg === '') {
    brand = random.pick(['visa', 'mastercard', 'american-express', 'discover'])
  } else {
    const found = BRAND_ALIASES[brandArg.toLowerCase().replace(/[^a-z]/g, '')]
    if (!found) {
      throw new GeneratorError(
        `creditCard: unknown card type ${JSON.stringify(brandArg)} (known: ${Object.keys(CARD_BRANDS).join(', ')})`
      )
    }
    brand = found
  }
  const { prefixes, length } = CARD_BRANDS[brand]
  const prefix = random.pick(prefixes)
  const payload = prefix + random.chars(length - 1 - prefix.length, DIGITS)
  return payload + luhnCheckDigit(payload)
}

/** An ABA routing number: a Federal Reserve prefix (01–12, 21–32) and the 3-7-1 checksum. */
function routingNumber(random: Random): string {
  const district = random.bool() ? random.int(1, 12) : random.int(21, 32)
  const digits = (String(district).padStart(2, '0') + random.chars(6, DIGITS)).split('').map(Number)
  const weights = [3, 7, 1, 3, 7, 1, 3, 7]
  const sum = digits.reduce((total, digit, i) => total + digit * weights[i], 0)
  return digits.join('') + String((10 - (sum % 10)) % 10)
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** A Base58Check P2PKH address: version 0, a random 20-byte hash, a double-SHA-256 checksum. */
function bitcoinAddress(random: Random): string {
  const payload = Buffer.concat([Buffer.from([0]), Buffer.from(random.bytes(20))])
  const first = createHash('sha256').update(payload).digest()
  const checksum = createHash('sha256').update(first).digest().subarray(0, 4)
  const bytes = Buffer.concat([payload, checksum])
  let number = BigInt(`0x${bytes.toString('hex')}`)
  let out = ''
  while (number > 0n) {
    out = BASE58[Number(number % 58n)] + out
    number /= 58n
  }
  for (const byte of bytes) {
    if (byte !== 0) break
    out = `1${out}`
  }
  return out
}

export const financeGenerators: readonly GeneratorDefinition[] = [
  {
    name: 'iban',
    category: 'finance',
    description: `A mod-97-valid IBAN. Arg: country (${Object.keys(IBAN_LAYOUTS).join(', ')}); default FR.`,
    example: '{{$iban:DE}}',
    generate: ({ random }, args) => iban(random, (args[0] || 'FR').toUpperCase())
  },
  {
    name: 'bic',
    category: 'finance',
    description: 'A BIC/SWIFT code of valid shape (8 or 11 characters).',
    example: '{{$bic}}',
    generate({ random }) {
      const base =
        random.chars(4, UPPER) + random.pick(COUNTRIES)[1] + random.chars(2, UPPER + DIGITS)
      return random.bool() ? base + random.chars(3, UPPER + DIGITS) : base
    }
  },
  {
    name: 'creditCard',
    category: 'finance',
    description: `A Luhn-valid card number. Arg: ${Object.keys(CARD_BRANDS).join(', ')}.`,
    example: '{{$creditCard:visa}}',
    generate: ({ random }, args) => cardNumber(random, args[0])
  },
  {
    name: 'creditCardCvv',
    category: 'finance',
    description: 'A three-digit card security code.',
    example: '{{$creditCardCvv}}',
    generate: ({ random }) => random.chars(3, DIGITS)
  },
  {
    name: 'currency',
    category: 'finance',
    description: 'A three-letter ISO 4217 currency code.',
    example: '{{$currency}}',
    generate: ({ random }) => random.pick(CURRENCIES)
  },
  {
    name: 'price',
    category: 'finance',
    description: 'A price with two decimals. Args: min, max (defaults 1 and 1000).',
    example: '{{$price:9.99:199.99}}',
    generate({ random }, args) {
      const [min, max] = rangeArgs(args, floatArg, 1, 1000)
      return (min + random.float() * (max - min)).toFixed(2)
    }
  },
  {
    name: 'achRouting',
    category: 'finance',
    description: 'A nine-digit ABA routing number with a valid checksum.',
    example: '{{$achRouting}}',
    generate: ({ random }) => routingNumber(random)
  },
  {
    name: 'achAccount',
    category: 'finance',
    description: 'A twelve-digit bank account number.',
    example: '{{$achAccount}}',
    generate: ({ random }) => random.chars(12, DIGITS)
  },
  {
    name: 'bitcoinAddress',
    category: 'finance',
    description: 'A Base58Check-valid bitcoin (P2PKH) address.',
    example: '{{$bitcoinAddress}}',
    generate: ({ random }) => bitcoinAddress(random)
  }
]
