/**
 * The JSONPath engine: json-p3, which passes the whole JSONPath Compliance Test
 * Suite (RFC 9535), with its regular-expression functions `match()` and
 * `search()` run by RE2 instead of JavaScript's backtracking RegExp, so a filter
 * such as `$[?match(@.name, '(a+)+$')]` stays linear on any response.
 */
import { jsonpath } from 'json-p3'
import { RE2JS } from 're2js'

const { JSONPathEnvironment, FunctionExpressionType, functions } = jsonpath
type FilterFunction = jsonpath.FilterFunction

/**
 * RFC 9535 §2.4.6–2.4.7: `match()` tests the whole string, `search()` any
 * substring, with an I-Regexp (RFC 9485) pattern. A pattern that is not a valid
 * I-Regexp, or a non-string argument, gives false rather than an error.
 */
class Re2RegexFunction implements FilterFunction {
  readonly argTypes = [FunctionExpressionType.ValueType, FunctionExpressionType.ValueType]
  readonly returnType = FunctionExpressionType.LogicalType
  // json-p3's own function, used only for its I-Regexp check: it throws on a
  // pattern outside RFC 9485 (and is given "" to match, which cannot backtrack).
  readonly #checker = new functions.Match({ throwErrors: true, cacheSize: 0, iRegexpCheck: true })
  readonly #compiled = new Map<string, RE2JS | null>()

  constructor(private readonly wholeString: boolean) {}

  call(value: unknown, pattern: unknown): boolean {
    if (typeof value !== 'string' || typeof pattern !== 'string') return false
    const re = this.#compile(pattern)
    if (!re) return false
    return this.wholeString ? re.matches(value) : re.matcher(value).find()
  }

  #compile(pattern: string): RE2JS | null {
    const cached = this.#compiled.get(pattern)
    if (cached !== undefined) return cached
    let re: RE2JS | null
    try {
      this.#checker.call('', pattern)
      re = RE2JS.compile(iRegexpToRe2(pattern))
    } catch {
      re = null
    }
    if (this.#compiled.size >= 64) this.#compiled.clear()
    this.#compiled.set(pattern, re)
    return re
  }
}

/**
 * I-Regexp's `.` matches any character but CR and LF; RE2's (without `s`)
 * excludes only LF. Everything else an I-Regexp may contain means the same in
 * RE2 (RFC 9485 §5.3 gives the same one-rule mapping for ECMAScript).
 */
export function iRegexpToRe2(pattern: string): string {
  let out = ''
  let escaped = false
  let inClass = false
  for (const ch of pattern) {
    if (escaped) {
      out += ch
      escaped = false
    } else if (ch === '\\') {
      out += ch
      escaped = true
    } else if (ch === '[') {
      inClass = true
      out += ch
    } else if (ch === ']') {
      inClass = false
      out += ch
    } else if (ch === '.' && !inClass) {
      out += '[^\\n\\r]'
    } else {
      out += ch
    }
  }
  return out
}

class EngineJsonPathEnvironment extends JSONPathEnvironment {
  protected override setupFilterFunctions(): void {
    super.setupFilterFunctions()
    this.functionRegister.set('match', new Re2RegexFunction(true))
    this.functionRegister.set('search', new Re2RegexFunction(false))
  }
}

/** The shared environment (it caches nothing per document, so one is enough). */
export const jsonPathEnvironment = new EngineJsonPathEnvironment()
