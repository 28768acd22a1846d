/**
 * Secret values never leave the engine (src/engine/secrets.ts): in any output
 * shape, as written or JSON-escaped, URL-encoded, or inside a base64 body.
 */
import { describe, expect, it } from '@jest/globals'
import { MASK, Secrets } from '../src/engine/secrets.js'
import { Random } from '../src/engine/generators/random.js'

describe('Secrets', () => {
  it('hides each secret as written, JSON-escaped and URL-encoded, longest first', () => {
    const secrets = new Secrets(['p@ss "word"\\1', 'token-1', 'token-12', 4242, '', null])
    expect(secrets.redactText('a p@ss "word"\\1 b')).toBe(`a ${MASK} b`)
    expect(secrets.redactText(JSON.stringify({ pw: 'p@ss "word"\\1' }))).toBe(`{"pw":"${MASK}"}`)
    expect(secrets.redactText(`?pw=${encodeURIComponent('p@ss "word"\\1')}`)).toBe(`?pw=${MASK}`)
    expect(secrets.redactText('token-12 token-1 4242')).toBe(`${MASK} ${MASK} ${MASK}`)
    expect(secrets.foundIn('x token-1 y')).toBe(true)
    expect(secrets.foundIn('nothing here')).toBe(false)
  })

  it('redacts raw bytes before a body is kept as base64', () => {
    const secrets = new Secrets(['s3cr3t-ü'])
    const body = Buffer.concat([Buffer.from([0xff, 0x00]), Buffer.from('{"k":"s3cr3t-ü"}', 'utf8')])
    const kept = secrets.redactBytes(body).toString('base64')
    const decoded = Buffer.from(kept, 'base64')
    expect(decoded.includes(Buffer.from('s3cr3t-ü', 'utf8'))).toBe(false)
    expect(decoded.subarray(0, 2)).toEqual(Buffer.from([0xff, 0x00]))
    expect(decoded.subarray(2).toString('utf8')).toBe(`{"k":"${MASK}"}`)
  })

  it('a child flow adds its secrets to the set', () => {
    const parent = new Secrets(['alpha-1'])
    const child = parent.with(['beta-2'])
    expect(child.redactText('alpha-1 beta-2')).toBe(`${MASK} ${MASK}`)
    expect(parent.redactText('beta-2')).toBe('beta-2')
  })

  it('property: no secret survives in any output shape', () => {
    const random = Random.fromSeed('secrets-property')
    const alphabet = 'abcXYZ019 "\\/&?=+%ü€\u2028'
    const word = (min: number, max: number): string => {
      const length = min + Math.floor(random.float() * (max - min + 1))
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(random.float() * alphabet.length)]
      return out
    }
    for (let round = 0; round < 200; round++) {
      const secret = `${word(1, 3)}S${word(3, 10)}`
      const secrets = new Secrets([secret])
      const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]
      const form = forms[round % forms.length]
      const value = {
        [`key-${form}`]: [`before ${form} after`, { nested: { deeper: [form, 7, null] } }],
        message: `${word(0, 5)}${form}${word(0, 5)}`,
        body: Buffer.from(`prefix ${secret} suffix`, 'utf8')
      }
      const out = secrets.redact(value)
      const text = JSON.stringify({ ...out, body: undefined })
      for (const f of forms) expect(text.includes(f)).toBe(false)
      expect((out.body as Buffer).includes(Buffer.from(secret, 'utf8'))).toBe(false)
    }
  })
})
