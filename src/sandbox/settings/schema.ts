/**
 * The one validator of the sandbox's settings: sandbox/fixtures.schema.json (the
 * file users point `$schema` at for editor completion), compiled with Ajv in strict
 * mode. Its first error becomes a SettingsIssue worded like the rest of the kit:
 * the path of the field and what it must be (`flows[2].simulation.duration_ms:
 * must be >= 0`), using the schema's `x-message` wording where it gives one.
 *
 * The schema is imported, not read from disk, so the bundled CLI carries it; the
 * validator is compiled on first use. Rules a schema cannot state (unique ids,
 * references between sections) are in rules.ts.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import schemaJson from '../../../sandbox/fixtures.schema.json' with { type: 'json' }
import { isRfc3339 } from '../validate.js'
import { issueAt, type PathSegment, type SettingsIssue } from './issues.js'

/** A node of the schema, read as plain JSON. */
type SchemaNode = Record<string, unknown>

/** The parsed schema file (for tests, and to look up definitions). */
export const FIXTURES_SCHEMA = schemaJson as SchemaNode

/** A whole fixtures document, or its `server:` section alone. */
export type SchemaPart = 'fixtures' | 'server'

export interface SchemaCheckOptions {
  /** Path of the checked value inside the document, e.g. `['server']`. */
  at?: readonly PathSegment[]
  /** How object keys are named in paths and messages (e.g. camelCase for options). */
  name?: (key: string) => string
}

const SCHEMA_KEY = 'fixtures'
const SCHEMA_IDS: Record<SchemaPart, string> = {
  fixtures: SCHEMA_KEY,
  server: `${SCHEMA_KEY}#/definitions/server`
}

let ajv: Ajv | undefined
const compiled = new Map<SchemaPart, ValidateFunction>()

function validatorOf(part: SchemaPart): ValidateFunction {
  let validate = compiled.get(part)
  if (!validate) {
    ajv ??= new Ajv({
      strict: true,
      // Union types (`number | boolean`) are deliberate in this schema.
      allowUnionTypes: true,
      // The first error only, with its schema and data, to word it.
      allErrors: false,
      verbose: true,
      // The same RFC 3339 check the API routes apply to timestamps.
      formats: { 'date-time': isRfc3339 },
      // Wording for errors; an annotation, no validation of its own.
      keywords: [{ keyword: 'x-message', schemaType: ['string', 'object'] }],
      schemas: { [SCHEMA_KEY]: FIXTURES_SCHEMA }
    })
    validate = ajv.getSchema(SCHEMA_IDS[part])
    if (!validate) throw new Error(`the fixtures schema has no ${SCHEMA_IDS[part]}`)
    compiled.set(part, validate)
  }
  return validate
}

/** Compiles every part now (for tests: the schema must compile under strict mode). */
export function compileSchema(): void {
  for (const part of Object.keys(SCHEMA_IDS) as SchemaPart[]) validatorOf(part)
}

/** The first way `value` breaks the schema, or undefined when it conforms. */
export function schemaIssue(
  part: SchemaPart,
  value: unknown,
  options: SchemaCheckOptions = {}
): SettingsIssue | undefined {
  const validate = validatorOf(part)
  if (validate(value)) return undefined
  // An `if` error only says which branch failed; the branch's own error comes first.
  const error = (validate.errors ?? []).find((e) => e.keyword !== 'if')
  if (!error) return issueAt(options.at ?? [], 'does not match the fixtures schema')
  return toIssue(error, value, options)
}

function toIssue(error: ErrorObject, root: unknown, options: SchemaCheckOptions): SettingsIssue {
  const name = options.name ?? ((key: string) => key)
  const segments = [...(options.at ?? []), ...pointerSegments(root, error.instancePath, name)]
  const parent = (error.parentSchema ?? {}) as SchemaNode
  const params = error.params as Record<string, unknown>

  if (error.keyword === 'required') {
    const missing = String(params.missingProperty)
    const property = resolveRef((parent.properties as SchemaNode | undefined)?.[missing])
    const message = customMessage(parent, 'required') ?? expectation(property)
    return issueAt([...segments, name(missing)], message)
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(params.additionalProperty)
    const allowed = Object.keys((parent.properties as SchemaNode | undefined) ?? {}).map(name)
    return issueAt([...segments, name(extra)], `unknown field (allowed: ${allowed.join(', ')})`)
  }
  const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : undefined
  const custom = customMessage(parent, error.keyword)
  const message = custom ? fill(custom, error.data, allowed) : standardMessage(error, parent)
  const title = typeof parent.title === 'string' ? parent.title : undefined
  return issueAt(segments, message, { value: error.data, allowed, title })
}

/** `/flows/2/inputs/token` → `['flows', 2, 'inputs', 'token']` (an index only inside an array). */
function pointerSegments(
  root: unknown,
  pointer: string,
  name: (key: string) => string
): PathSegment[] {
  if (pointer === '') return []
  let node = root
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
      const inArray = Array.isArray(node)
      node = (node as Record<string, unknown> | undefined)?.[key]
      return inArray ? Number(key) : name(key)
    })
}

function resolveRef(schema: unknown): SchemaNode {
  const node = (schema ?? {}) as SchemaNode
  const ref = node.$ref
  if (typeof ref !== 'string') return node
  const definitions = FIXTURES_SCHEMA.definitions as Record<string, SchemaNode>
  return definitions[ref.replace('#/definitions/', '')] ?? {}
}

/**
 * The schema's own wording for a failed keyword: `x-message` as a string covers
 * every keyword about the value itself; as an object, the keywords it names.
 */
function customMessage(schema: SchemaNode, keyword: string): string | undefined {
  const custom = schema['x-message']
  if (typeof custom === 'string') {
    return keyword === 'required' || keyword === 'additionalProperties' ? undefined : custom
  }
  const own = (custom as Record<string, unknown> | undefined)?.[keyword]
  return typeof own === 'string' ? own : undefined
}

function fill(template: string, value: unknown, allowed: readonly unknown[] | undefined): string {
  return template
    .replace('${value}', value === undefined ? 'nothing' : JSON.stringify(value))
    .replace('${allowed}', (allowed ?? []).join(', '))
}

/** What a missing property must be, worded as its type check would word it. */
function expectation(schema: SchemaNode): string {
  const custom = customMessage(schema, 'type')
  if (custom) return fill(custom, undefined, schema.enum as unknown[] | undefined)
  if (schema.type !== undefined) return `must be ${typeNames(schema.type, undefined)}`
  if (Array.isArray(schema.enum)) return `must be one of ${schema.enum.join(', ')}`
  return 'is required'
}

const TYPE_NAMES: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'null'
}

function typeNames(type: unknown, value: unknown): string {
  const types = Array.isArray(type) ? (type as string[]) : [String(type)]
  return types
    .map((t) =>
      // "must be an integer" for 1.5, "must be a number" for "abc".
      t === 'integer' && typeof value !== 'number' ? TYPE_NAMES.number : (TYPE_NAMES[t] ?? t)
    )
    .join(' or ')
}

const COMPARISONS: Record<string, string> = { '>=': '>=', '>': '>', '<=': 'at most', '<': '<' }

function standardMessage(error: ErrorObject, parent: SchemaNode): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'type':
      return `must be ${typeNames(params.type, error.data)}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${COMPARISONS[String(params.comparison)]} ${String(params.limit)}`
    case 'minItems':
      return `must have at least ${String(params.limit)} item(s)`
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`
    case 'pattern':
      return `must match /${String(parent.pattern)}/`
    case 'format':
      return `must be a ${String(params.format)}`
    case 'not':
      return 'is not allowed here'
    default:
      return error.message ?? 'is not valid'
  }
}
