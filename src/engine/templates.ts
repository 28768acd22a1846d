/**
 * Templates in node data: `{{ref}}` inside text, `{{{ref}}}` as a whole value,
 * `{{$generator:arg}}` for generated test data. The rules follow Echopoint's
 * runner (docs/technical/template-references.md in echopoint-runner), with one
 * deliberate difference: a reference that does not resolve is reported, never
 * left silently as literal text. docs/engine.md explains them to users.
 *
 * References:
 * - `name` reads a flow input (loop bodies add item/index, poll bodies attempt);
 * - `nodeId.outputKey` reads an output of a finished node (split at the first dot);
 * - a path continues into the value: `{{item.id}}`, `{{list.accounts.0.id}}`. A
 *   key equal to the whole reference wins, else the longest dotted prefix that is
 *   a key; the remaining segments select object fields and zero-based indices.
 *   So a dotted input such as `webhook.url` is read as an input unless a node
 *   `webhook` ran and has an output `url`.
 */
import type { GeneratorContext } from './generators/registry.js'
import { hasOwn, isPlainObject, toText } from './values.js'

/** What references resolve against while a node runs. */
export interface TemplateScope {
  /** Flow inputs: job inputs over defaults, plus item/index (loop) or attempt (poll). */
  inputs: Readonly<Record<string, unknown>>
  /** The outputs of a node that finished, or undefined when it did not run (yet). */
  outputs: (nodeId: string) => Readonly<Record<string, unknown>> | undefined
  /** Generators for `{{$name}}`, seeded for this execution. */
  generators: GeneratorContext
}

/** Where a template sits inside the value being resolved: keys and indices from its root. */
export type TemplateLocation = ReadonlyArray<string | number>

interface ReferenceBase {
  /** The whole template as written, braces included: `{{ user.id }}`. */
  text: string
  /** The reference inside the braces, trimmed: `user.id`, `$int:1:9`. */
  ref: string
  /** True for `{{{ref}}}` (or a lone `{{ref}}` resolved with `wholeReferenceKeepsType`). */
  whole: boolean
  location: TemplateLocation
}

/** A template found in a value (see listReferences). */
export type TemplateReference =
  | (ReferenceBase & { kind: 'value' })
  | (ReferenceBase & { kind: 'generator'; name: string; args: string[] })

/** A template that could not be resolved, and why. */
export interface UnresolvedReference {
  text: string
  ref: string
  location: TemplateLocation
  reason: string
}

export interface Resolution {
  /** The resolved value; unresolved templates are left as written. */
  value: unknown
  /** Every template that did not resolve, in document order. Empty on success. */
  unresolved: UnresolvedReference[]
}

export interface ResolveOptions {
  /**
   * Give a string that is exactly one `{{ref}}` the referenced value with its
   * type, as `{{{ref}}}` does. The loop node's `items` works this way.
   */
  wholeReferenceKeepsType?: boolean
}

/** Thrown by resolveValue when some templates do not resolve. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError'
  constructor(readonly unresolved: UnresolvedReference[]) {
    super(unresolved.map(describeUnresolved).join('; '))
  }
}

// A template's inside excludes braces, as in the reference; surrounding spaces are ignored.
const WHOLE_TRIPLE = /^\{\{\{\s*([^{}]+?)\s*\}\}\}$/
const WHOLE_DOUBLE = /^\{\{\s*([^{}]+?)\s*\}\}$/
// In text, `{{{ref}}}` is read as `{{ref}}` (the reference left it as literal text).
const IN_TEXT = /\{\{\{\s*([^{}]+?)\s*\}\}\}|\{\{\s*([^{}]+?)\s*\}\}/g

/**
 * Lists every template in a value (strings inside objects and arrays; keys are
 * not templated), for validation: the caller checks value references with
 * findReferenceRoot against inputs and upstream outputs, and generator names
 * with isKnownGenerator.
 */
export function listReferences(value: unknown, options: ResolveOptions = {}): TemplateReference[] {
  const found: TemplateReference[] = []
  walkStrings(value, [], (text, location) => {
    const whole = wholeMatch(text, options)
    if (whole) {
      found.push(classify(whole.text, whole.ref, true, location))
      return
    }
    for (const match of text.matchAll(IN_TEXT)) {
      const ref = (match[1] ?? match[2]).trim()
      if (ref !== '') found.push(classify(match[0], ref, false, location))
    }
  })
  return found
}

function classify(
  text: string,
  ref: string,
  whole: boolean,
  location: TemplateLocation
): TemplateReference {
  if (ref.startsWith('$')) {
    const [name, ...args] = ref.slice(1).split(':')
    return { kind: 'generator', text, ref, whole, location, name, args }
  }
  return { kind: 'value', text, ref, whole, location }
}

/**
 * Resolves every template in a value (recursively in objects and arrays) and
 * reports those that do not resolve; it never throws for a reference.
 */
export function resolveTemplates(
  value: unknown,
  scope: TemplateScope,
  options: ResolveOptions = {}
): Resolution {
  const unresolved: UnresolvedReference[] = []
  const resolved = resolveNode(value, [], scope, options, unresolved)
  return { value: resolved, unresolved }
}

/** Like resolveTemplates, but throws TemplateError when anything is unresolved. */
export function resolveValue(
  value: unknown,
  scope: TemplateScope,
  options: ResolveOptions = {}
): unknown {
  const { value: resolved, unresolved } = resolveTemplates(value, scope, options)
  if (unresolved.length > 0) throw new TemplateError(unresolved)
  return resolved
}

function resolveNode(
  value: unknown,
  location: Array<string | number>,
  scope: TemplateScope,
  options: ResolveOptions,
  unresolved: UnresolvedReference[]
): unknown {
  if (typeof value === 'string') return resolveString(value, location, scope, options, unresolved)
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      resolveNode(item, [...location, index], scope, options, unresolved)
    )
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = resolveNode(item, [...location, key], scope, options, unresolved)
    }
    return out
  }
  return value
}

function resolveString(
  text: string,
  location: TemplateLocation,
  scope: TemplateScope,
  options: ResolveOptions,
  unresolved: UnresolvedReference[]
): unknown {
  const whole = wholeMatch(text, options)
  if (whole) {
    const outcome = resolveRef(whole.ref, scope)
    if (outcome.ok) return outcome.value
    unresolved.push({ text: whole.text, ref: whole.ref, location, reason: outcome.reason })
    return text
  }
  return text.replace(IN_TEXT, (match: string, triple?: string, double?: string) => {
    const ref = (triple ?? double ?? '').trim()
    if (ref === '') return match
    const outcome = resolveRef(ref, scope)
    if (outcome.ok) return toText(outcome.value)
    unresolved.push({ text: match, ref, location, reason: outcome.reason })
    return match
  })
}

function wholeMatch(
  text: string,
  options: ResolveOptions
): { text: string; ref: string } | undefined {
  const trimmed = text.trim()
  const match =
    WHOLE_TRIPLE.exec(trimmed) ??
    (options.wholeReferenceKeepsType ? WHOLE_DOUBLE.exec(trimmed) : null)
  if (!match) return undefined
  const ref = match[1].trim()
  return ref === '' ? undefined : { text: trimmed, ref }
}

/** The result of looking a reference up: its value, or why there is none. */
export type LookupOutcome = { ok: true; value: unknown } | { ok: false; reason: string }

function resolveRef(ref: string, scope: TemplateScope): LookupOutcome {
  if (ref.startsWith('$')) {
    const [name, ...args] = ref.slice(1).split(':')
    try {
      return { ok: true, value: scope.generators.generate(name, args) }
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) }
    }
  }
  return lookupReference(ref, scope)
}

/** Which keys exist, for findReferenceRoot: at run time the scope's, at validation the declared ones. */
export interface ReferenceRoots {
  /** A flow input with exactly this name exists. */
  input(name: string): boolean
  /** Node `nodeId` has (or, for validation, declares) output `key`. */
  output(nodeId: string, key: string): boolean
}

/** The key a reference starts from, and the path segments that walk into its value. */
export type ReferenceRoot =
  | { source: 'input'; name: string; path: string[] }
  | { source: 'output'; nodeId: string; key: string; path: string[] }

/**
 * Finds the key a reference reads: the whole reference if it is a key, else the
 * longest dotted prefix that is one. A candidate `a.b…` is first a node output
 * (node `a`, output `b…`), then a flow input of that exact name. Shared by the
 * resolver and by validation, so both apply the same rules.
 */
export function findReferenceRoot(ref: string, roots: ReferenceRoots): ReferenceRoot | undefined {
  for (let end = ref.length; end > 0; end = ref.lastIndexOf('.', end - 1)) {
    const key = ref.slice(0, end)
    const path = end < ref.length ? ref.slice(end + 1).split('.') : []
    const dot = key.indexOf('.')
    if (dot > 0 && roots.output(key.slice(0, dot), key.slice(dot + 1))) {
      return { source: 'output', nodeId: key.slice(0, dot), key: key.slice(dot + 1), path }
    }
    if (roots.input(key)) return { source: 'input', name: key, path }
  }
  return undefined
}

/**
 * Reads a (non-generator) reference from the scope's inputs and outputs,
 * walking into the value; on failure says why.
 */
export function lookupReference(
  ref: string,
  scope: Pick<TemplateScope, 'inputs' | 'outputs'>
): LookupOutcome {
  const root = findReferenceRoot(ref, {
    input: (name) => hasOwn(scope.inputs, name),
    output: (nodeId, key) => {
      const outputs = scope.outputs(nodeId)
      return outputs !== undefined && hasOwn(outputs, key)
    }
  })
  if (!root) return { ok: false, reason: unknownReason(ref, scope) }
  const [label, start] =
    root.source === 'input'
      ? [root.name, scope.inputs[root.name]]
      : [`${root.nodeId}.${root.key}`, scope.outputs(root.nodeId)?.[root.key]]
  return walkPath(start, root.path, label)
}

function unknownReason(ref: string, scope: Pick<TemplateScope, 'outputs'>): string {
  const dot = ref.indexOf('.')
  if (dot > 0) {
    const nodeId = ref.slice(0, dot)
    if (scope.outputs(nodeId) !== undefined) {
      return `node ${nodeId} has no output ${JSON.stringify(ref.slice(dot + 1).split('.')[0])}`
    }
    return `no flow input ${JSON.stringify(ref.split('.')[0])} or ${JSON.stringify(ref)}, and no finished node ${nodeId}`
  }
  return `no flow input ${JSON.stringify(ref)}`
}

function walkPath(start: unknown, path: readonly string[], label: string): LookupOutcome {
  let value = start
  let at = label
  for (const segment of path) {
    if (Array.isArray(value)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : -1
      if (index < 0 || index >= value.length) {
        return {
          ok: false,
          reason: `${at} has no element ${JSON.stringify(segment)} (a list of ${value.length})`
        }
      }
      value = value[index]
    } else if (isPlainObject(value)) {
      if (!hasOwn(value, segment))
        return { ok: false, reason: `${at} has no field ${JSON.stringify(segment)}` }
      value = value[segment]
    } else {
      return {
        ok: false,
        reason: `${at} is ${kindOf(value)}, so it has no ${JSON.stringify(segment)}`
      }
    }
    at = `${at}.${segment}`
  }
  return { ok: true, value: value ?? null }
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`
}

function walkStrings(
  value: unknown,
  location: Array<string | number>,
  visit: (text: string, location: TemplateLocation) => void
): void {
  if (typeof value === 'string') visit(value, location)
  else if (Array.isArray(value))
    value.forEach((item, index) => walkStrings(item, [...location, index], visit))
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...location, key], visit)
  }
}

/** A location as users read it: `body.items[0].name` (empty for the root). */
export function formatLocation(location: TemplateLocation): string {
  let out = ''
  for (const part of location) {
    if (typeof part === 'number') out += `[${part}]`
    else
      out += /^[A-Za-z_$][\w$-]*$/.test(part)
        ? `${out ? '.' : ''}${part}`
        : `[${JSON.stringify(part)}]`
  }
  return out
}

function describeUnresolved(item: UnresolvedReference): string {
  const where = item.location.length > 0 ? ` in ${formatLocation(item.location)}` : ''
  return `${item.text}${where}: ${item.reason}`
}
