export const id = 432;
export const ids = [432];
export const modules = {

/***/ 6432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadFlow: () => (/* reexport */ loadFlow),
  runFlow: () => (/* binding */ runFlow)
});

// EXTERNAL MODULE: ./src/engine/values.ts
var values = __webpack_require__(2370);
;// CONCATENATED MODULE: ./src/engine/nodes/assert.ts
/**
 * assert (docs/runner.md §3): no HTTP; the node's assertions and outputs run over
 * `data.target` (templated) or, without one, the flow's inputs.
 */

const runAssert = async (context) => {
    const data = context.node.data;
    const target = (0,values/* hasOwn */.$3)(data, 'target')
        ? context.resolve(data.target, { wholeReferenceKeepsType: true })
        : { ...context.scope.inputs };
    return { subject: { body: target }, fields: { target } };
};

;// CONCATENATED MODULE: ./src/engine/extractors/body.ts
/** The whole body: parsed JSON when it was JSON, else the text; for value nodes, the value. */
const body = {
    names: ['body'],
    create: () => ({
        type: 'body',
        label: 'body',
        extract: (subject) => subject.body ?? null
    })
};

;// CONCATENATED MODULE: ./src/engine/extractors/types.ts
/** Nothing to extract at run time (no match, header absent, …). */
class ExtractionError extends Error {
    name = 'ExtractionError';
}
/** An extractor definition that cannot work (unknown type, missing or invalid field). */
class ExtractorConfigError extends Error {
    name = 'ExtractorConfigError';
}
/**
 * A required string field read under either spelling (`header_name` or
 * `headerName`); snake_case wins when both are present.
 */
function requiredText(data, type, names) {
    for (const name of names) {
        const value = data[name];
        if (value === undefined || value === null)
            continue;
        if (typeof value !== 'string') {
            throw new ExtractorConfigError(`${type} extractor: ${name} must be a string`);
        }
        if (value.trim() === '')
            continue;
        return value;
    }
    const others = names.length > 1 ? ` (or ${names.slice(1).join(', ')})` : '';
    throw new ExtractorConfigError(`${type} extractor needs ${names[0]}${others}`);
}

;// CONCATENATED MODULE: ./src/engine/extractors/header.ts

/**
 * The first value of a header, matched case-insensitively. A header that is
 * absent is an error (a header sent empty gives `""`).
 */
const header = {
    names: ['header'],
    create(data) {
        const headerName = requiredText(data, 'header', ['header_name', 'headerName']);
        const wanted = headerName.toLowerCase();
        return {
            type: 'header',
            label: `header ${headerName}`,
            extract(subject) {
                for (const [name, values] of Object.entries(subject.headers ?? {})) {
                    if (name.toLowerCase() === wanted && values.length > 0)
                        return values[0];
                }
                throw new ExtractionError(`header ${headerName} not found`);
            }
        };
    }
};

// EXTERNAL MODULE: ./node_modules/json-p3/dist/json-p3.cjs.js
var json_p3_cjs = __webpack_require__(393);
// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
;// CONCATENATED MODULE: ./src/engine/extractors/jsonpath-environment.ts
/**
 * The JSONPath engine: json-p3, which passes the whole JSONPath Compliance Test
 * Suite (RFC 9535), with its regular-expression functions `match()` and
 * `search()` run by RE2 instead of JavaScript's backtracking RegExp, so a filter
 * such as `$[?match(@.name, '(a+)+$')]` stays linear on any response.
 */


const { JSONPathEnvironment, FunctionExpressionType, functions } = json_p3_cjs/* jsonpath */.YF;
/**
 * RFC 9535 §2.4.6–2.4.7: `match()` tests the whole string, `search()` any
 * substring, with an I-Regexp (RFC 9485) pattern. A pattern that is not a valid
 * I-Regexp, or a non-string argument, gives false rather than an error.
 */
class Re2RegexFunction {
    wholeString;
    argTypes = [FunctionExpressionType.ValueType, FunctionExpressionType.ValueType];
    returnType = FunctionExpressionType.LogicalType;
    // json-p3's own function, used only for its I-Regexp check: it throws on a
    // pattern outside RFC 9485 (and is given "" to match, which cannot backtrack).
    #checker = new functions.Match({ throwErrors: true, cacheSize: 0, iRegexpCheck: true });
    #compiled = new Map();
    constructor(wholeString) {
        this.wholeString = wholeString;
    }
    call(value, pattern) {
        if (typeof value !== 'string' || typeof pattern !== 'string')
            return false;
        const re = this.#compile(pattern);
        if (!re)
            return false;
        return this.wholeString ? re.matches(value) : re.matcher(value).find();
    }
    #compile(pattern) {
        const cached = this.#compiled.get(pattern);
        if (cached !== undefined)
            return cached;
        let re;
        try {
            this.#checker.call('', pattern);
            re = build/* RE2JS */.L3.compile(iRegexpToRe2(pattern));
        }
        catch {
            re = null;
        }
        if (this.#compiled.size >= 64)
            this.#compiled.clear();
        this.#compiled.set(pattern, re);
        return re;
    }
}
/**
 * I-Regexp's `.` matches any character but CR and LF; RE2's (without `s`)
 * excludes only LF. Everything else an I-Regexp may contain means the same in
 * RE2 (RFC 9485 §5.3 gives the same one-rule mapping for ECMAScript).
 */
function iRegexpToRe2(pattern) {
    let out = '';
    let escaped = false;
    let inClass = false;
    for (const ch of pattern) {
        if (escaped) {
            out += ch;
            escaped = false;
        }
        else if (ch === '\\') {
            out += ch;
            escaped = true;
        }
        else if (ch === '[') {
            inClass = true;
            out += ch;
        }
        else if (ch === ']') {
            inClass = false;
            out += ch;
        }
        else if (ch === '.' && !inClass) {
            out += '[^\\n\\r]';
        }
        else {
            out += ch;
        }
    }
    return out;
}
class EngineJsonPathEnvironment extends JSONPathEnvironment {
    setupFilterFunctions() {
        super.setupFilterFunctions();
        this.functionRegister.set('match', new Re2RegexFunction(true));
        this.functionRegister.set('search', new Re2RegexFunction(false));
    }
}
/** The shared environment (it caches nothing per document, so one is enough). */
const jsonPathEnvironment = new EngineJsonPathEnvironment();

;// CONCATENATED MODULE: ./src/engine/extractors/json-path.ts


/**
 * An RFC 9535 JSONPath query over the body: no match is an error, one match
 * gives that value, several give the array of matches in document order.
 * The path is checked when the flow is read, so a typo fails before any request.
 */
const jsonPath = {
    names: ['json_path', 'jsonPath'],
    create(data) {
        const path = requiredText(data, 'json_path', ['path']);
        let query;
        try {
            query = jsonPathEnvironment.compile(path);
        }
        catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            throw new ExtractorConfigError(`invalid JSONPath expression '${path}': ${detail}`);
        }
        return {
            type: 'json_path',
            label: `json_path ${path}`,
            extract(subject) {
                let values;
                try {
                    values = query.query((subject.body ?? null)).values();
                }
                catch (error) {
                    // Only the recursion limit of `..` on a pathologically deep body lands here.
                    const detail = error instanceof Error ? error.message : String(error);
                    throw new ExtractionError(`JSONPath '${path}' failed: ${detail}`);
                }
                if (values.length === 0) {
                    throw new ExtractionError(`JSONPath '${path}' did not match any nodes`);
                }
                return values.length === 1 ? values[0] : values;
            }
        };
    }
};

;// CONCATENATED MODULE: ./src/engine/extractors/query-param.ts

/**
 * The first value of a query parameter of a received request (webhook_wait).
 * Names are case-sensitive, as in URLs. A response has no query parameters.
 */
const queryParam = {
    names: ['query_param', 'queryParam'],
    create(data) {
        const paramName = requiredText(data, 'query_param', ['param_name', 'paramName']);
        return {
            type: 'query_param',
            label: `query_param ${paramName}`,
            extract(subject) {
                if (subject.query === undefined) {
                    throw new ExtractionError('query_param reads a received request (webhook_wait); this value has no query parameters');
                }
                const values = Object.prototype.hasOwnProperty.call(subject.query, paramName)
                    ? subject.query[paramName]
                    : undefined;
                if (!values || values.length === 0) {
                    throw new ExtractionError(`query param ${paramName} not found`);
                }
                return values[0];
            }
        };
    }
};

;// CONCATENATED MODULE: ./src/engine/extractors/status-code.ts

/** The HTTP status code, as an integer. */
const statusCode = {
    names: ['status_code', 'statusCode'],
    create: () => ({
        type: 'status_code',
        label: 'status_code',
        extract(subject) {
            // The reference answers 0 for a value with no response; an assertion on
            // it is a flow mistake, so we say so instead.
            if (subject.statusCode === undefined) {
                throw new ExtractionError('there is no HTTP status here: this node made no request');
            }
            return subject.statusCode;
        }
    })
};

;// CONCATENATED MODULE: ./src/engine/extractors/xml-path.ts

/**
 * Echopoint's wire format names an XPath extractor, but its runner never
 * implemented it (every use fails at run time). We accept the definition, so a
 * flow that carries one unused still runs, and fail clearly when it is used.
 */
const xmlPath = {
    names: ['xml_path', 'xmlPath'],
    create: () => ({
        type: 'xml_path',
        label: 'xml_path',
        extract() {
            throw new ExtractionError('the xml_path extractor is not supported (Echopoint’s runner does not implement it either); ' +
                'assert on the text with body and contains or regex instead');
        }
    })
};

;// CONCATENATED MODULE: ./src/engine/extractors/registry.ts
/**
 * The extractor registry, keyed by every wire name (`json_path` and
 * `jsonPath` are the same extractor). A new extractor is one file in this
 * folder and one line below.
 */









/** Every built-in extractor. */
const extractors = [
    statusCode,
    header,
    body,
    jsonPath,
    queryParam,
    xmlPath
];
const byWireName = new Map(extractors.flatMap((extractor) => extractor.names.map((name) => [name, extractor])));
/** The canonical snake_case names, for messages that list what is accepted. */
const extractorNames = extractors.map((extractor) => extractor.names[0]);
/** True when the wire name (either spelling) is a known extractor type. */
function isKnownExtractor(wireType) {
    return byWireName.has(wireType);
}
/**
 * Builds an extractor from its wire type (either spelling) and its fields
 * (`{path}`, `{header_name}`, …). Throws ExtractorConfigError for an unknown
 * type or unusable fields.
 */
function createExtractor(wireType, data = {}) {
    const definition = byWireName.get(wireType);
    if (!definition) {
        throw new ExtractorConfigError(`unknown extractor type: ${wireType || '(none)'} (known: ${extractorNames.join(', ')})`);
    }
    return definition.create(data);
}
/**
 * Builds an extractor from the nested form used by outputs and by older
 * assertions: `{"type": "json_path", "path": "$.id"}`.
 */
function parseExtractor(value) {
    if (!(0,values/* isPlainObject */.Qd)(value))
        throw new ExtractorConfigError('an extractor must be an object with a type');
    const { type, ...data } = value;
    if (typeof type !== 'string')
        throw new ExtractorConfigError('an extractor needs a type');
    return createExtractor(type, data);
}

;// CONCATENATED MODULE: ./src/engine/operators/types.ts
/** An assertion that cannot be evaluated (a non-numeric side, a bad pattern). */
class types_OperatorError extends Error {
    name = 'OperatorError';
}

;// CONCATENATED MODULE: ./src/engine/operators/numeric.ts


/** Both sides as numbers (Go's ParseFloat grammar for text), or an OperatorError naming the side. */
function numericSides(actual, expected) {
    return [numberOf(actual, 'actual value'), numberOf(expected, 'expected value')];
}
function numberOf(value, what) {
    const number = (0,values/* toNumber */.Ro)(value);
    if (number === undefined)
        throw new types_OperatorError(`${what} ${(0,values/* displayValue */.KN)(value)} is not numeric`);
    return number;
}

;// CONCATENATED MODULE: ./src/engine/operators/between.ts



/**
 * min ≤ actual ≤ max, with `operator_data.value` a `[min, max]` pair. A string
 * holding that pair as JSON (`"[200, 299]"`, what a templated value gives) is
 * read too; the reference accepts only the array.
 */
const between = {
    names: ['between'],
    takesValue: true,
    compare(actual, expected) {
        const [low, high] = bounds(expected);
        const value = numberOf(actual, 'actual value');
        return {
            passed: value >= numberOf(low, 'lower bound') && value <= numberOf(high, 'upper bound')
        };
    }
};
function bounds(expected) {
    let pair = expected;
    if (typeof expected === 'string' && expected.trim().startsWith('[')) {
        try {
            pair = JSON.parse(expected);
        }
        catch {
            // not JSON: reported below as not a pair
        }
    }
    if (!Array.isArray(pair) || pair.length !== 2) {
        throw new types_OperatorError(`between requires a [min, max] pair, got ${(0,values/* displayValue */.KN)(expected)}`);
    }
    return [pair[0], pair[1]];
}

;// CONCATENATED MODULE: ./src/engine/operators/text-contains.ts

/**
 * `contains` as Echopoint's runner defines it: the expected string form is a
 * substring of the actual string form. An array is written as JSON, so
 * `["admin","user"]` contains `admin` (and `adm`, as in the reference, which
 * searches Go's `[admin user]`). An element whose string form equals the
 * expected one also counts, so `["say \"hi\""]` contains `say "hi"` although
 * its JSON escapes the quotes.
 */
function textContains(actual, expected) {
    const needle = (0,values/* toText */.fE)(expected);
    if ((0,values/* toText */.fE)(actual).includes(needle))
        return true;
    return Array.isArray(actual) && actual.some((element) => (0,values/* toText */.fE)(element) === needle);
}

;// CONCATENATED MODULE: ./src/engine/operators/contains.ts

/** The expected string form occurs in the actual one (see text-contains.ts for arrays). */
const contains = {
    names: ['contains'],
    takesValue: true,
    compare: (actual, expected) => ({ passed: textContains(actual, expected) })
};

;// CONCATENATED MODULE: ./src/engine/operators/empty.ts

/** Null or absent, `""`, `[]` or `{}`. The expected value is ignored. */
const empty = {
    names: ['empty'],
    takesValue: false,
    compare: (actual) => ({ passed: (0,values/* isEmpty */.Im)(actual) })
};

;// CONCATENATED MODULE: ./src/engine/operators/ends-with.ts

/** The actual string form ends with the expected one. */
const endsWith = {
    names: ['ends_with', 'endsWith'],
    takesValue: true,
    compare: (actual, expected) => ({ passed: (0,values/* toText */.fE)(actual).endsWith((0,values/* toText */.fE)(expected)) })
};

;// CONCATENATED MODULE: ./src/engine/operators/equals.ts

/** String forms are equal: `200` equals `"200"`, `true` equals `"true"`, `null` equals `""`. */
const equals = {
    names: ['equals'],
    takesValue: true,
    compare: (actual, expected) => ({ passed: (0,values/* toText */.fE)(actual) === (0,values/* toText */.fE)(expected) })
};

;// CONCATENATED MODULE: ./src/engine/operators/greater-than-or-equal.ts

/** actual ≥ expected, both read as numbers. */
const greaterThanOrEqual = {
    names: ['greater_than_or_equal', 'greaterThanOrEqual'],
    takesValue: true,
    compare(actual, expected) {
        const [a, e] = numericSides(actual, expected);
        return { passed: a >= e };
    }
};

;// CONCATENATED MODULE: ./src/engine/operators/greater-than.ts

/** actual > expected, both read as numbers. */
const greaterThan = {
    names: ['greater_than', 'greaterThan'],
    takesValue: true,
    compare(actual, expected) {
        const [a, e] = numericSides(actual, expected);
        return { passed: a > e };
    }
};

;// CONCATENATED MODULE: ./src/engine/operators/less-than-or-equal.ts

/** actual ≤ expected, both read as numbers. */
const lessThanOrEqual = {
    names: ['less_than_or_equal', 'lessThanOrEqual'],
    takesValue: true,
    compare(actual, expected) {
        const [a, e] = numericSides(actual, expected);
        return { passed: a <= e };
    }
};

;// CONCATENATED MODULE: ./src/engine/operators/less-than.ts

/** actual < expected, both read as numbers. */
const lessThan = {
    names: ['less_than', 'lessThan'],
    takesValue: true,
    compare(actual, expected) {
        const [a, e] = numericSides(actual, expected);
        return { passed: a < e };
    }
};

;// CONCATENATED MODULE: ./src/engine/operators/not-contains.ts

/** The negation of `contains`. */
const notContains = {
    names: ['not_contains', 'notContains'],
    takesValue: true,
    compare: (actual, expected) => ({ passed: !textContains(actual, expected) })
};

;// CONCATENATED MODULE: ./src/engine/operators/not-empty.ts

/** Anything `empty` rejects: a number, a boolean, non-blank text, a non-empty array or object. */
const notEmpty = {
    names: ['not_empty', 'notEmpty'],
    takesValue: false,
    compare: (actual) => ({ passed: !(0,values/* isEmpty */.Im)(actual) })
};

;// CONCATENATED MODULE: ./src/engine/operators/not-equals.ts

/** The negation of `equals` on string forms. */
const notEquals = {
    names: ['not_equals', 'notEquals'],
    takesValue: true,
    compare: (actual, expected) => ({ passed: (0,values/* toText */.fE)(actual) !== (0,values/* toText */.fE)(expected) })
};

;// CONCATENATED MODULE: ./src/engine/operators/regex.ts



/**
 * The expected value is an RE2 pattern (Go's `regexp` syntax, as Echopoint's
 * runner uses), searched unanchored in the actual string form: add `^…$` to
 * match the whole value. RE2 runs in linear time, so no pattern can stall a job
 * on a large body, and rejects backreferences and lookarounds.
 */
const regex = {
    names: ['regex'],
    takesValue: true,
    compare(actual, expected) {
        const pattern = (0,values/* toText */.fE)(expected);
        return { passed: compilePattern(pattern).matcher((0,values/* toText */.fE)(actual)).find() };
    }
};
// Flows repeat the same few patterns (per SSE event, per poll attempt): keep them compiled.
const compiled = new Map();
const MAX_CACHED = 256;
function compilePattern(pattern) {
    const cached = compiled.get(pattern);
    if (cached)
        return cached;
    let re;
    try {
        re = build/* RE2JS */.L3.compile(pattern);
    }
    catch (error) {
        // re2js reports Go's own wording: "error parsing regexp: missing closing ]: `[a`".
        const detail = error instanceof build/* RE2JSException */.o_ ? error.message : String(error);
        throw new types_OperatorError(`invalid regex pattern ${JSON.stringify(pattern)}: ${detail}`);
    }
    if (compiled.size >= MAX_CACHED)
        compiled.clear();
    compiled.set(pattern, re);
    return re;
}

;// CONCATENATED MODULE: ./src/engine/operators/starts-with.ts

/** The actual string form begins with the expected one. */
const startsWith = {
    names: ['starts_with', 'startsWith'],
    takesValue: true,
    compare: (actual, expected) => ({ passed: (0,values/* toText */.fE)(actual).startsWith((0,values/* toText */.fE)(expected)) })
};

;// CONCATENATED MODULE: ./src/engine/operators/registry.ts
/**
 * The operator registry, keyed by every wire name: Echopoint moved its wire
 * names from camelCase to snake_case, and flows in both spellings are live
 * (`not_equals` and `notEquals` are the same operator). A new operator is one
 * file in this folder and one line below.
 */
















/** Every built-in operator, in the order the docs list them. */
const operators = [
    equals,
    notEquals,
    contains,
    notContains,
    startsWith,
    endsWith,
    regex,
    empty,
    notEmpty,
    greaterThan,
    lessThan,
    greaterThanOrEqual,
    lessThanOrEqual,
    between
];
const registry_byWireName = new Map(operators.flatMap((operator) => operator.names.map((name) => [name, operator])));
/** The operator a wire name denotes (either spelling), or undefined. */
function findOperator(wireName) {
    return registry_byWireName.get(wireName);
}
/** True when the wire name (either spelling) is a known operator. */
function isKnownOperator(wireName) {
    return registry_byWireName.has(wireName);
}
/** The canonical snake_case names, for messages that list what is accepted. */
const operatorNames = operators.map((operator) => operator.names[0]);
/**
 * Applies the operator named `wireName`. Throws OperatorError for an unknown
 * operator or a comparison that cannot be made.
 */
function compare(wireName, actual, expected) {
    const operator = findOperator(wireName);
    if (!operator) {
        throw new OperatorError(`unknown assertion operator ${JSON.stringify(wireName)} (known: ${operatorNames.join(', ')})`);
    }
    return operator.compare(actual, expected);
}

;// CONCATENATED MODULE: ./src/engine/assertions.ts
/**
 * Node assertions: an extractor reads a value from the subject (a response, a
 * value, a received request) and an operator compares it with the expected
 * value. Parsed once from the flow (every wire shape Echopoint has used), then
 * run in order, stopping at the first failure or error, as Echopoint's runner
 * does. docs/engine.md describes both for users.
 */



/** An assertion definition that cannot be used (missing or unknown extractor or operator). */
class AssertionParseError extends Error {
    name = 'AssertionParseError';
}
/**
 * Parses one assertion from any of its wire shapes:
 * - `{extractor_type, extractor_data, operator_type, operator_data: {value}}` (current);
 * - the same in camelCase (`extractorType`, `extractorData`, `operatorType`, `operatorData`);
 * - a nested extractor, `{extractor: {type, path?, header_name?}, operator_type, …}`;
 * - a nested operator, `{…, operator: {type, value}}` (older flows, Echopoint's parse fixture).
 * A nested object wins over the flat fields, snake_case over camelCase, as in
 * the reference. Throws AssertionParseError.
 */
function parseAssertion(raw) {
    if (!(0,values/* isPlainObject */.Qd)(raw))
        throw new AssertionParseError('an assertion must be an object');
    const nestedOperator = (0,values/* isPlainObject */.Qd)(raw.operator) ? raw.operator : undefined;
    const operatorName = firstText(nestedOperator?.type, raw.operator_type, raw.operatorType);
    if (operatorName === undefined) {
        throw new AssertionParseError('the assertion has no operator_type');
    }
    const operator = findOperator(operatorName);
    if (!operator) {
        throw new AssertionParseError(`unknown assertion operator ${JSON.stringify(operatorName)} (known: ${operatorNames.join(', ')})`);
    }
    const { extractor, extractorName } = parseAssertionExtractor(raw);
    return {
        extractor,
        extractorName,
        operator,
        operatorName,
        expected: expectedOf(raw, nestedOperator)
    };
}
/** Parses a node's `assertions` array (absent or null → none); errors name the index. */
function parseAssertions(raw) {
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw))
        throw new AssertionParseError('assertions must be an array');
    return raw.map((item, index) => {
        try {
            return parseAssertion(item);
        }
        catch (error) {
            throw new AssertionParseError(`assertion ${index}: ${messageOf(error)}`);
        }
    });
}
function parseAssertionExtractor(raw) {
    try {
        if ((0,values/* isPlainObject */.Qd)(raw.extractor)) {
            const type = raw.extractor.type;
            return {
                extractor: parseExtractor(raw.extractor),
                extractorName: typeof type === 'string' ? type : ''
            };
        }
        const type = firstText(raw.extractor_type, raw.extractorType);
        if (type === undefined)
            throw new AssertionParseError('the assertion has no extractor_type');
        const data = [raw.extractor_data, raw.extractorData].find(values/* isPlainObject */.Qd) ?? {};
        return { extractor: createExtractor(type, data), extractorName: type };
    }
    catch (error) {
        if (error instanceof ExtractorConfigError)
            throw new AssertionParseError(error.message);
        throw error;
    }
}
function expectedOf(raw, nestedOperator) {
    if (nestedOperator && (0,values/* hasOwn */.$3)(nestedOperator, 'value'))
        return nestedOperator.value;
    const data = [raw.operator_data, raw.operatorData].find(values/* isPlainObject */.Qd);
    return data?.value;
}
function firstText(...candidates) {
    for (const candidate of candidates) {
        if (typeof candidate === 'string' && candidate !== '')
            return candidate;
    }
    return undefined;
}
/**
 * Evaluates one assertion over a subject. Never throws: an expected value that
 * does not resolve, an extraction that finds nothing or a comparison that
 * cannot be made is recorded in `error` (with `passed: false`).
 */
function evaluateAssertion(assertion, subject, index = 0, options = {}) {
    const result = {
        index,
        extractor: assertion.extractorName,
        operator: assertion.operatorName,
        expected: assertion.expected ?? null,
        actual: null,
        passed: false
    };
    try {
        if (options.resolve && assertion.expected !== undefined) {
            result.expected = options.resolve(assertion.expected) ?? null;
        }
    }
    catch (error) {
        result.error = `expected value: ${messageOf(error)}`;
        return result;
    }
    let actual;
    try {
        actual = assertion.extractor.extract(subject);
    }
    catch (error) {
        const detail = error instanceof ExtractionError ? error.message : messageOf(error);
        result.error = `extractor ${JSON.stringify(assertion.extractorName)} failed: ${detail}`;
        return result;
    }
    result.actual = actual ?? null;
    try {
        result.passed = assertion.operator.compare(actual, result.expected).passed;
    }
    catch (error) {
        result.error = messageOf(error);
    }
    return result;
}
/**
 * Runs assertions in order and stops at the first one that fails or errors
 * (it is recorded). The run's message is Echopoint's:
 * `assertion 0 failed: status_code equals expected=200 actual=404`, or
 * `assertion 1 (json_path equals) evaluation error: extractor "json_path" failed: …`.
 */
function runAssertions(assertions, subject, options = {}) {
    const results = [];
    for (const [index, assertion] of assertions.entries()) {
        const result = evaluateAssertion(assertion, subject, index, options);
        results.push(result);
        if (!result.passed)
            return { passed: false, results, message: failureMessage(result) };
    }
    return { passed: true, results };
}
/** The message for a result that did not pass (see runAssertions). */
function failureMessage(result) {
    const what = `${result.extractor} ${result.operator}`;
    if (result.error !== undefined) {
        return `assertion ${result.index} (${what}) evaluation error: ${result.error}`;
    }
    return (`assertion ${result.index} failed: ${what} ` +
        `expected=${(0,values/* displayValue */.KN)(result.expected)} actual=${(0,values/* displayValue */.KN)(result.actual)}`);
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/engine/nodes/branch.ts
/**
 * branch (docs/runner.md §3): the first case whose `when` assertion passes over the
 * target chooses its successor (a case that errors counts as no match), else
 * `default`, else none. Never fails for no match; the engine routes away from
 * the successors not chosen.
 */


const runBranch = async (context) => {
    const data = context.node.data;
    const target = (0,values/* hasOwn */.$3)(data, 'target')
        ? context.resolve(data.target, { wholeReferenceKeepsType: true })
        : { ...context.scope.inputs };
    const cases = Array.isArray(data.cases) ? data.cases : [];
    let chosen = '';
    let matchedIndex = -1;
    for (const [index, item] of cases.entries()) {
        if (!(0,values/* isPlainObject */.Qd)(item) || typeof item.target !== 'string')
            continue;
        let passed;
        try {
            const result = evaluateAssertion(parseAssertion(item.when), { body: target }, index, {
                resolve: (value) => context.resolve(value)
            });
            passed = result.passed && result.error === undefined;
        }
        catch {
            passed = false;
        }
        if (passed) {
            chosen = item.target;
            matchedIndex = index;
            break;
        }
    }
    if (chosen === '' && typeof data.default === 'string')
        chosen = data.default;
    const routed = chosen === '' ? [] : [chosen];
    return {
        intrinsic: { matched: chosen, matchedIndex },
        routedTargets: routed,
        fields: { matched_target: chosen, routed_targets: routed }
    };
};

;// CONCATENATED MODULE: ./src/engine/run/cancel.ts
/** The error of a node that the run's signal stopped. */
function cancelledError() {
    return { code: 'CANCELLED', message: 'the run was stopped before this node finished' };
}

;// CONCATENATED MODULE: ./src/engine/nodes/delay.ts
/** delay (docs/runner.md §3): waits `data.duration` ms on the run's clock; the signal ends it at once. */


const runDelay = async (context) => {
    const duration = (0,values/* toNumber */.Ro)(context.resolve(context.node.data.duration));
    if (duration === undefined || duration < 0) {
        return {
            error: { code: 'DELAY_FAILED', message: 'data.duration must be a number of milliseconds' }
        };
    }
    const ms = Math.round(duration);
    const until = new Date(context.clock.now() + ms).toISOString();
    try {
        await context.clock.sleep(ms, context.signal);
    }
    catch {
        return { error: cancelledError(), fields: { delay_ms: ms, delay_until: until } };
    }
    return { fields: { delay_ms: ms, delay_until: until } };
};

;// CONCATENATED MODULE: ./src/engine/flow/model.ts
/**
 * A flow definition as the engine runs it: parsed once from Echopoint's JSON
 * (parse.ts, both wire spellings), checked as a whole (validate.ts), then run.
 * Node data stays as the wire gave it here; each node type reads its own.
 */
/** The node types of docs/runner.md §3, by their canonical (snake_case) name. */
const NODE_TYPES = [
    'request',
    'delay',
    'set_variable',
    'assert',
    'branch',
    'loop',
    'poll',
    'module',
    'sse',
    'webhook_wait'
];

;// CONCATENATED MODULE: ./src/engine/wire-names.ts
/**
 * Echopoint's wire names moved from camelCase to snake_case (docs/runner.md §2); the
 * engine reads both and keys its registries by the snake_case form.
 */
/** `setVariable` → `set_variable`, `isoTimestamp` → `iso_timestamp`, `ipv4` → `ipv4`. */
function snakeCase(name) {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

;// CONCATENATED MODULE: ./src/engine/flow/parse.ts
/**
 * Reads an Echopoint flow definition (docs/runner.md §2) into the engine's model.
 * Wire names moved from camelCase to snake_case over time, so both are read
 * everywhere (`display_name`/`displayName`, `initial_inputs`/`initialInputs`,
 * `run_when`/`runWhen`, node types `set_variable`/`setVariable`). Unknown fields
 * are ignored. Every problem found is reported, each naming the node and the
 * field; a flow with any problem is not run.
 */


function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The first of `names` present on `object` (a wire field under either spelling). */
function field(object, ...names) {
    for (const name of names)
        if (object[name] !== undefined)
            return object[name];
    return undefined;
}
const TYPES = new Set(NODE_TYPES);
function parse_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function parseNode(raw, index, problems) {
    const at = `nodes[${index}]`;
    if (!isObject(raw)) {
        problems.push({ field: at, message: 'must be an object' });
        return undefined;
    }
    const id = parse_text(raw.id);
    if (id === undefined) {
        problems.push({ field: `${at}.id`, message: 'is missing (every node needs an id)' });
        return undefined;
    }
    const node = { node: id };
    const typeText = parse_text(raw.type);
    const type = typeText === undefined ? undefined : snakeCase(typeText);
    if (type === undefined) {
        problems.push({ ...node, field: 'type', message: 'is missing' });
    }
    else if (!TYPES.has(type)) {
        problems.push({
            ...node,
            field: 'type',
            message: `"${typeText}" is not a node type (one of ${NODE_TYPES.join(', ')})`
        });
    }
    const runWhenText = field(raw, 'run_when', 'runWhen');
    let runWhen = 'on_success';
    if (runWhenText !== undefined) {
        const word = typeof runWhenText === 'string' ? snakeCase(runWhenText) : '';
        if (word === 'always' || word === 'on_success')
            runWhen = word;
        else
            problems.push({ ...node, field: 'run_when', message: 'must be on_success or always' });
    }
    const assertions = raw.assertions ?? [];
    if (!Array.isArray(assertions)) {
        problems.push({ ...node, field: 'assertions', message: 'must be an array' });
    }
    const outputs = [];
    const rawOutputs = raw.outputs ?? [];
    if (!Array.isArray(rawOutputs)) {
        problems.push({ ...node, field: 'outputs', message: 'must be an array' });
    }
    else {
        rawOutputs.forEach((output, i) => {
            const name = isObject(output) ? parse_text(output.name) : undefined;
            if (!isObject(output) || name === undefined) {
                problems.push({ ...node, field: `outputs[${i}].name`, message: 'is missing' });
                return;
            }
            if (outputs.some((o) => o.name === name)) {
                problems.push({
                    ...node,
                    field: `outputs[${i}].name`,
                    message: `"${name}" is declared twice`
                });
            }
            outputs.push({ name, extractor: output.extractor });
        });
    }
    const data = raw.data ?? {};
    if (!isObject(data))
        problems.push({ ...node, field: 'data', message: 'must be an object' });
    const displayName = parse_text(field(raw, 'display_name', 'displayName', 'name')) ?? id;
    return {
        id,
        displayName,
        type: (type ?? 'request'),
        runWhen,
        assertions: Array.isArray(assertions) ? assertions : [],
        outputs,
        data: isObject(data) ? data : {}
    };
}
function parseEdge(raw, index, problems) {
    const at = `edges[${index}]`;
    if (!isObject(raw)) {
        problems.push({ field: at, message: 'must be an object' });
        return undefined;
    }
    const source = parse_text(raw.source);
    const target = parse_text(raw.target);
    if (source === undefined)
        problems.push({ field: `${at}.source`, message: 'is missing' });
    if (target === undefined)
        problems.push({ field: `${at}.target`, message: 'is missing' });
    if (source === undefined || target === undefined)
        return undefined;
    return {
        id: parse_text(raw.id) ?? `${source}->${target}`,
        source,
        target,
        type: parse_text(raw.type) ?? 'success'
    };
}
/**
 * Parses a flow definition (a JSON value). Returns the flow and every problem
 * of its shape; graph and reference checks are validate.ts's.
 */
function parseFlow(raw) {
    const problems = [];
    const flow = { name: 'flow', nodes: [], edges: [], initialInputs: {} };
    if (!isObject(raw)) {
        problems.push({ field: '$', message: 'a flow definition must be a JSON object' });
        return { flow, problems };
    }
    flow.name = parse_text(raw.name) ?? 'flow';
    if (typeof raw.description === 'string')
        flow.description = raw.description;
    if (raw.version !== undefined && raw.version !== null)
        flow.version = String(raw.version);
    const inputs = field(raw, 'initial_inputs', 'initialInputs') ?? {};
    if (isObject(inputs))
        flow.initialInputs = inputs;
    else
        problems.push({ field: 'initial_inputs', message: 'must be an object of input values' });
    if (!Array.isArray(raw.nodes)) {
        problems.push({ field: 'nodes', message: 'must be an array of nodes' });
    }
    else {
        const seen = new Set();
        raw.nodes.forEach((value, i) => {
            const node = parseNode(value, i, problems);
            if (!node)
                return;
            if (seen.has(node.id)) {
                problems.push({
                    node: node.id,
                    field: `nodes[${i}].id`,
                    message: 'is used by another node too'
                });
                return;
            }
            seen.add(node.id);
            flow.nodes.push(node);
        });
    }
    const edges = raw.edges ?? [];
    if (!Array.isArray(edges))
        problems.push({ field: 'edges', message: 'must be an array' });
    else {
        edges.forEach((value, i) => {
            const edge = parseEdge(value, i, problems);
            if (edge)
                flow.edges.push(edge);
        });
    }
    return { flow, problems };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/engine/generators/data.ts
/**
 * Word lists for the generators: our own small lists. Values look real enough
 * for forms and APIs that validate their shape, and are plainly test data.
 * Kept as text blocks (one word per space, or one entry per line) so they stay
 * compact and readable.
 */
/** Whitespace-separated words. */
function words(text) {
    return text.split(/\s+/).filter((word) => word !== '');
}
/** One entry per line; `|` separates the fields of a pair. */
function lines(text) {
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
function pairs(text) {
    return lines(text).map((line) => {
        const [name, code] = line.split('|');
        return [name, code];
    });
}
const FIRST_NAMES = words(`
  Ada Alan Alice Amara Andre Anna Aiko Ben Carla Chen Chloe Daniel David Elena Emma Ethan Fatima
  Felix Grace Hana Hugo Ines Isaac Jack Jamal Julia Kai Lara Leo Lina Lucas Maya Mateo Mei Nadia
  Noah Olivia Omar Priya Rafael Rosa Sam Sara Sofia Tariq Tom Uma Victor Yuki Zoe
`);
const LAST_NAMES = words(`
  Adams Alvarez Baker Bianchi Brown Carter Chen Costa Dubois Evans Fischer Garcia Gonzalez Hall
  Hughes Ito Jensen Johnson Kim Kowalski Lee Lopez Martin Meyer Miller Moreau Nakamura Nguyen Novak
  Okafor Olsen Patel Perez Rossi Santos Schmidt Silva Smith Tanaka Taylor Walker Wang Weber White
  Wilson Young
`);
const JOB_TITLES = lines(`
  Accountant
  Analyst
  Architect
  Consultant
  Coordinator
  Data Scientist
  Designer
  Developer
  Director
  Engineer
  Product Manager
  Project Manager
  Recruiter
  Sales Representative
  Support Agent
  Technician
  Writer
`);
const WORDS = words(`
  amber anchor apple arrow atlas autumn badge banner basket beacon birch bloom bridge brook cabin
  candle canyon cedar circle cloud comet copper coral crystal delta desert dream echo ember falcon
  feather field forest garden glacier harbor harvest horizon island jasmine journey lantern lemon
  meadow meteor mirror morning mountain nectar ocean orbit orchard pebble pepper pine planet prairie
  quartz river rocket saddle signal silver spark spring summit sunset thunder timber tulip valley
  velvet willow winter zephyr
`);
const STREET_NAMES = words(`
  Oak Maple Cedar Pine Elm Lake Hill Park River Sunset Washington Lincoln Church Mill Spring
  Highland Meadow Forest
`);
const STREET_SUFFIXES = words('Street Avenue Road Lane Drive Boulevard Way Court');
const CITIES = words(`
  Amsterdam Austin Barcelona Berlin Boston Chicago Denver Dublin Lisbon London Lyon Madrid Melbourne
  Milan Montreal Munich Nairobi Osaka Paris Portland Seattle Seoul Singapore Stockholm Sydney Tokyo
  Toronto Vancouver Vienna Zurich
`);
/** US states: name and postal abbreviation. */
const STATES = pairs(`
  Alabama|AL
  Alaska|AK
  Arizona|AZ
  California|CA
  Colorado|CO
  Florida|FL
  Georgia|GA
  Illinois|IL
  Maryland|MD
  Massachusetts|MA
  Michigan|MI
  Minnesota|MN
  New Jersey|NJ
  New York|NY
  North Carolina|NC
  Ohio|OH
  Oregon|OR
  Pennsylvania|PA
  Texas|TX
  Utah|UT
  Virginia|VA
  Washington|WA
  Wisconsin|WI
`);
/** Countries: name and ISO 3166-1 alpha-2 code. */
const COUNTRIES = pairs(`
  Argentina|AR
  Australia|AU
  Austria|AT
  Belgium|BE
  Brazil|BR
  Canada|CA
  Chile|CL
  Denmark|DK
  Finland|FI
  France|FR
  Germany|DE
  India|IN
  Ireland|IE
  Italy|IT
  Japan|JP
  Kenya|KE
  Mexico|MX
  Netherlands|NL
  New Zealand|NZ
  Nigeria|NG
  Norway|NO
  Poland|PL
  Portugal|PT
  Singapore|SG
  South Africa|ZA
  South Korea|KR
  Spain|ES
  Sweden|SE
  Switzerland|CH
  United Kingdom|GB
  United States|US
`);
const TIMEZONES = words(`
  UTC Europe/London Europe/Paris Europe/Berlin Europe/Madrid Europe/Stockholm America/New_York
  America/Chicago America/Denver America/Los_Angeles America/Sao_Paulo America/Toronto Asia/Tokyo
  Asia/Singapore Asia/Kolkata Asia/Dubai Australia/Sydney Africa/Nairobi Pacific/Auckland
`);
const CURRENCIES = words(`
  AUD BRL CAD CHF CNY DKK EUR GBP HKD INR JPY KRW MXN NOK NZD PLN SEK SGD USD ZAR
`);
const TLDS = words('com net org io dev app co info');
const HTTP_METHODS = words('GET POST PUT PATCH DELETE HEAD OPTIONS');
const EMOJIS = words('😀 🎉 🚀 🌟 🔥 🍀 🐙 🍕 🎯 💡 ✅ 🌈 🦊 ☕ 📦');
const COLORS = words(`
  Aqua Azure Beige Black Blue Brown Coral Crimson Cyan Gold Gray Green Indigo Ivory Lavender Lime
  Magenta Maroon Navy Olive Orange Pink Purple Red Salmon Silver Teal Turquoise Violet White Yellow
`);
const COMPANY_SUFFIXES = words('Inc LLC Group Labs Systems Partners Holdings Co');
const PRODUCT_ADJECTIVES = words(`
  Compact Deluxe Durable Ergonomic Lightweight Modern Portable Premium Rustic Sleek Smart Wireless
`);
const PRODUCT_MATERIALS = words('Aluminum Bamboo Ceramic Cotton Glass Leather Linen Oak Steel Wool');
const PRODUCT_NOUNS = words(`
  Backpack Blender Bottle Chair Desk Headphones Jacket Keyboard Lamp Mug Notebook Speaker Table Watch
`);
const PRODUCT_CATEGORIES = lines(`
  Automotive
  Beauty
  Books
  Clothing
  Electronics
  Garden
  Grocery
  Health
  Home
  Kitchen
  Music
  Office
  Outdoors
  Pet Supplies
  Sports
  Toys
`);
const WEEKDAYS = words('Sunday Monday Tuesday Wednesday Thursday Friday Saturday');
/** Browser user agents; `{v}` becomes a major version. */
const USER_AGENTS = lines(`
  Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36
  Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36
  Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0
  Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0
  Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v}.0 Safari/605.1.15
`);

;// CONCATENATED MODULE: ./src/engine/generators/random.ts

/**
 * A small deterministic PRNG (xoshiro128**, Blackman & Vigna, public domain
 * algorithm) seeded from SHA-256 of a seed string, so an execution id always
 * yields the same stream. Not for secrets: generated values are test data.
 */
class Random {
    #state;
    constructor(state) {
        this.#state = state;
    }
    /** A stream determined by `seed` (any text; the execution id). */
    static fromSeed(seed) {
        const digest = (0,external_node_crypto_.createHash)('sha256').update(seed, 'utf8').digest();
        const state = new Uint32Array(4);
        for (let i = 0; i < 4; i++)
            state[i] = digest.readUInt32BE(i * 4);
        // The all-zero state is the one state xoshiro cannot leave.
        if (state.every((word) => word === 0))
            state[0] = 1;
        return new Random(state);
    }
    /** The next 32 random bits as an unsigned integer. */
    uint32() {
        const s = this.#state;
        const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
        const t = s[1] << 9;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 11);
        return result;
    }
    /** A float in [0, 1) with 53 random bits. */
    float() {
        const high = this.uint32() >>> 5; // 27 bits
        const low = this.uint32() >>> 6; // 26 bits
        return (high * 67108864 + low) / 9007199254740992;
    }
    /** An integer in [min, max], both inclusive and safe integers; min ≤ max. */
    int(min, max) {
        const span = max - min + 1;
        if (span <= 0x1_0000_0000) {
            // Rejection sampling: no modulo bias.
            const limit = 0x1_0000_0000 - (0x1_0000_0000 % span);
            let draw = this.uint32();
            while (draw >= limit)
                draw = this.uint32();
            return min + (draw % span);
        }
        return min + Math.floor(this.float() * span);
    }
    /** True or false, evenly. */
    bool() {
        return (this.uint32() & 1) === 1;
    }
    /** One element of a non-empty list. */
    pick(items) {
        return items[this.int(0, items.length - 1)];
    }
    /** `length` characters drawn from `alphabet`. */
    chars(length, alphabet) {
        let out = '';
        for (let i = 0; i < length; i++)
            out += alphabet[this.int(0, alphabet.length - 1)];
        return out;
    }
    /** `length` random bytes. */
    bytes(length) {
        const out = new Uint8Array(length);
        for (let i = 0; i < length; i++)
            out[i] = this.uint32() & 0xff;
        return out;
    }
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}
const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789abcdef';

;// CONCATENATED MODULE: ./src/engine/generators/address.ts


const addressGenerators = [
    {
        name: 'street',
        category: 'address',
        description: 'A street address.',
        example: '{{$street}}',
        generate: ({ random }) => `${random.int(1, 9999)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`
    },
    {
        name: 'city',
        category: 'address',
        description: 'A city.',
        example: '{{$city}}',
        generate: ({ random }) => random.pick(CITIES)
    },
    {
        name: 'state',
        category: 'address',
        description: 'A US state.',
        example: '{{$state}}',
        generate: ({ random }) => random.pick(STATES)[0]
    },
    {
        name: 'stateAbbr',
        category: 'address',
        description: 'A US state postal abbreviation.',
        example: '{{$stateAbbr}}',
        generate: ({ random }) => random.pick(STATES)[1]
    },
    {
        name: 'zip',
        category: 'address',
        description: 'A five-digit postal code.',
        example: '{{$zip}}',
        generate: ({ random }) => random.chars(5, DIGITS)
    },
    {
        name: 'country',
        category: 'address',
        description: 'A country name.',
        example: '{{$country}}',
        generate: ({ random }) => random.pick(COUNTRIES)[0]
    },
    {
        name: 'countryAbbr',
        category: 'address',
        description: 'A two-letter ISO 3166-1 country code.',
        example: '{{$countryAbbr}}',
        generate: ({ random }) => random.pick(COUNTRIES)[1]
    },
    {
        name: 'latitude',
        category: 'address',
        description: 'A latitude in degrees, six decimals.',
        example: '{{$latitude}}',
        generate: ({ random }) => (random.float() * 180 - 90).toFixed(6)
    },
    {
        name: 'longitude',
        category: 'address',
        description: 'A longitude in degrees, six decimals.',
        example: '{{$longitude}}',
        generate: ({ random }) => (random.float() * 360 - 180).toFixed(6)
    },
    {
        name: 'timezone',
        category: 'address',
        description: 'An IANA time zone name.',
        example: '{{$timezone}}',
        generate: ({ random }) => random.pick(TIMEZONES)
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/commerce.ts


const commerceGenerators = [
    {
        name: 'company',
        category: 'commerce',
        description: 'A company name.',
        example: '{{$company}}',
        generate: ({ random }) => random.bool()
            ? `${random.pick(LAST_NAMES)} ${random.pick(COMPANY_SUFFIXES)}`
            : `${random.pick(LAST_NAMES)} & ${random.pick(LAST_NAMES)}`
    },
    {
        name: 'productName',
        category: 'commerce',
        description: 'A product name.',
        example: '{{$productName}}',
        generate: ({ random }) => `${random.pick(PRODUCT_ADJECTIVES)} ${random.pick(PRODUCT_MATERIALS)} ${random.pick(PRODUCT_NOUNS)}`
    },
    {
        name: 'productCategory',
        category: 'commerce',
        description: 'A product category.',
        example: '{{$productCategory}}',
        generate: ({ random }) => random.pick(PRODUCT_CATEGORIES)
    },
    {
        name: 'sku',
        category: 'commerce',
        description: 'An eight-character SKU: four capital letters and four digits.',
        example: '{{$sku}}',
        generate: ({ random }) => random.chars(4, UPPER) + random.chars(4, DIGITS)
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/identity.ts


function username(random) {
    return `${random.pick(LAST_NAMES)}${random.chars(4, DIGITS)}`;
}
const identityGenerators = [
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
        description: 'A fake US Social Security number: nine digits of a valid shape (no 000, 666 or 9xx area).',
        example: '{{$ssn}}',
        generate({ random }) {
            let area = random.int(1, 899);
            if (area === 666)
                area = 665;
            const group = random.int(1, 99);
            const serial = random.int(1, 9999);
            return `${pad(area, 3)}${pad(group, 2)}${pad(serial, 4)}`;
        }
    }
];
function pad(value, width) {
    return String(value).padStart(width, '0');
}

;// CONCATENATED MODULE: ./src/engine/generators/contact.ts


/** A North American number: area and exchange codes start with 2–9. */
function nanp(random) {
    return [
        `${random.int(2, 9)}${random.chars(2, DIGITS)}`,
        `${random.int(2, 9)}${random.chars(2, DIGITS)}`,
        random.chars(4, DIGITS)
    ];
}
const contactGenerators = [
    {
        name: 'email',
        category: 'contact',
        description: 'An email address at the reserved example.test domain (never delivered).',
        example: '{{$email}}',
        generate: ({ random }) => `${username(random).toLowerCase()}-${random.chars(4, DIGITS)}@example.test`
    },
    {
        name: 'phone',
        category: 'contact',
        description: 'An E.164 phone number, e.g. +14155550123.',
        example: '{{$phone}}',
        generate: ({ random }) => `+1${nanp(random).join('')}`
    },
    {
        name: 'phoneFormatted',
        category: 'contact',
        description: 'A phone number in a local format, e.g. (415) 555-0123.',
        example: '{{$phoneFormatted}}',
        generate({ random }) {
            const [area, exchange, line] = nanp(random);
            return random.pick([
                `(${area}) ${exchange}-${line}`,
                `${area}-${exchange}-${line}`,
                `${area}.${exchange}.${line}`,
                `1-${area}-${exchange}-${line}`
            ]);
        }
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/types.ts
/** A generator that is unknown or was given unusable arguments. */
class GeneratorError extends Error {
    name = 'GeneratorError';
}

;// CONCATENATED MODULE: ./src/engine/generators/args.ts

// As in the reference, an argument that is not a number falls back to the
// default (so `{{$int:x}}` is `{{$int}}`); values that cannot work are errors.
/** args[index] as an integer, or `fallback` when absent or not an integer. */
function intArg(args, index, fallback) {
    const text = args[index];
    if (text === undefined || !/^[+-]?\d+$/.test(text.trim()))
        return fallback;
    return Number(text.trim());
}
/** args[index] as a number, or `fallback` when absent or not a number. */
function floatArg(args, index, fallback) {
    const text = args[index]?.trim();
    if (text === undefined || text === '' || !Number.isFinite(Number(text)))
        return fallback;
    return Number(text);
}
/** The largest count a generator accepts (characters, digits, words). */
const MAX_COUNT = 10_000;
/** args[index] as a count in [0, MAX_COUNT]. */
function countArg(args, index, fallback, what) {
    const count = intArg(args, index, fallback);
    if (count < 0 || count > MAX_COUNT) {
        throw new GeneratorError(`${what} must be between 0 and ${MAX_COUNT}, got ${count}`);
    }
    return count;
}
/** [min, max] from args 0 and 1 with defaults, swapped if given in reverse. */
function rangeArgs(args, read, min, max) {
    const low = read(args, 0, min);
    const high = read(args, 1, max);
    return low <= high ? [low, high] : [high, low];
}

;// CONCATENATED MODULE: ./src/engine/generators/finance.ts





/**
 * IBAN layouts (ISO 13616 registry): BBAN letters first (bank code), then
 * digits, so each value has its country's length and character classes and a
 * valid mod-97 check. Internal national check digits are not computed.
 */
const IBAN_LAYOUTS = {
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
};
/** ISO 13616 check digits: move country + "00" to the end, letters as 10–35, 98 − (n mod 97). */
function ibanCheckDigits(country, bban) {
    let remainder = 0;
    for (const ch of bban + country + '00') {
        const value = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch);
        remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
    }
    return String(98 - remainder).padStart(2, '0');
}
function iban(random, country) {
    const layout = IBAN_LAYOUTS[country];
    if (!layout) {
        throw new GeneratorError(`iban: unsupported country ${JSON.stringify(country)} (supported: ${Object.keys(IBAN_LAYOUTS).join(', ')})`);
    }
    const bban = random.chars(layout.letters, UPPER) + random.chars(layout.digits, DIGITS);
    return `${country}${ibanCheckDigits(country, bban)}${bban}`;
}
/** Card brands: issuer prefixes and number length. */
const CARD_BRANDS = {
    visa: { prefixes: ['4'], length: 16 },
    mastercard: { prefixes: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16 },
    'american-express': { prefixes: ['34', '37'], length: 15 },
    discover: { prefixes: ['6011', '644', '645', '649', '65'], length: 16 },
    'diners-club': { prefixes: ['300', '305', '36', '38'], length: 14 },
    jcb: { prefixes: ['3528', '3589'], length: 16 },
    unionpay: { prefixes: ['62'], length: 16 },
    maestro: { prefixes: ['5018', '5020', '5038', '6304', '6759'], length: 16 }
};
const BRAND_ALIASES = {
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
};
/** The digit that makes `payload` + digit pass the Luhn check. */
function luhnCheckDigit(payload) {
    let sum = 0;
    for (let i = 0; i < payload.length; i++) {
        // Counting from the right of the final number, the payload's last digit is second: doubled.
        let digit = Number(payload[payload.length - 1 - i]);
        if (i % 2 === 0) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return String((10 - (sum % 10)) % 10);
}
function cardNumber(random, brandArg) {
    let brand;
    if (brandArg === undefined || brandArg === '') {
        brand = random.pick(['visa', 'mastercard', 'american-express', 'discover']);
    }
    else {
        const found = BRAND_ALIASES[brandArg.toLowerCase().replace(/[^a-z]/g, '')];
        if (!found) {
            throw new GeneratorError(`creditCard: unknown card type ${JSON.stringify(brandArg)} (known: ${Object.keys(CARD_BRANDS).join(', ')})`);
        }
        brand = found;
    }
    const { prefixes, length } = CARD_BRANDS[brand];
    const prefix = random.pick(prefixes);
    const payload = prefix + random.chars(length - 1 - prefix.length, DIGITS);
    return payload + luhnCheckDigit(payload);
}
/** An ABA routing number: a Federal Reserve prefix (01–12, 21–32) and the 3-7-1 checksum. */
function routingNumber(random) {
    const district = random.bool() ? random.int(1, 12) : random.int(21, 32);
    const digits = (String(district).padStart(2, '0') + random.chars(6, DIGITS)).split('').map(Number);
    const weights = [3, 7, 1, 3, 7, 1, 3, 7];
    const sum = digits.reduce((total, digit, i) => total + digit * weights[i], 0);
    return digits.join('') + String((10 - (sum % 10)) % 10);
}
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** A Base58Check P2PKH address: version 0, a random 20-byte hash, a double-SHA-256 checksum. */
function bitcoinAddress(random) {
    const payload = Buffer.concat([Buffer.from([0]), Buffer.from(random.bytes(20))]);
    const first = (0,external_node_crypto_.createHash)('sha256').update(payload).digest();
    const checksum = (0,external_node_crypto_.createHash)('sha256').update(first).digest().subarray(0, 4);
    const bytes = Buffer.concat([payload, checksum]);
    let number = BigInt(`0x${bytes.toString('hex')}`);
    let out = '';
    while (number > 0n) {
        out = BASE58[Number(number % 58n)] + out;
        number /= 58n;
    }
    for (const byte of bytes) {
        if (byte !== 0)
            break;
        out = `1${out}`;
    }
    return out;
}
const financeGenerators = [
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
            const base = random.chars(4, UPPER) + random.pick(COUNTRIES)[1] + random.chars(2, UPPER + DIGITS);
            return random.bool() ? base + random.chars(3, UPPER + DIGITS) : base;
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
            const [min, max] = rangeArgs(args, floatArg, 1, 1000);
            return (min + random.float() * (max - min)).toFixed(2);
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
];

;// CONCATENATED MODULE: ./src/engine/generators/internet.ts

function domain(random) {
    return `${random.pick(WORDS)}${random.pick(WORDS)}.${random.pick(TLDS)}`;
}
function hexByte(byte) {
    return byte.toString(16).padStart(2, '0');
}
const internetGenerators = [
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
        generate: ({ random }) => [random.int(1, 223), random.int(0, 255), random.int(0, 255), random.int(1, 254)].join('.')
    },
    {
        name: 'ipv6',
        category: 'internet',
        description: 'An IPv6 global unicast address (eight groups).',
        example: '{{$ipv6}}',
        generate: ({ random }) => [random.int(0x2000, 0x3fff), ...Array.from({ length: 7 }, () => random.int(0, 0xffff))]
            .map((group) => group.toString(16))
            .join(':')
    },
    {
        name: 'mac',
        category: 'internet',
        description: 'A locally administered unicast MAC address.',
        example: '{{$mac}}',
        generate({ random }) {
            const bytes = Array.from(random.bytes(6));
            bytes[0] = (bytes[0] & 0xfc) | 0x02;
            return bytes.map(hexByte).join(':');
        }
    },
    {
        name: 'userAgent',
        category: 'internet',
        description: 'A browser user-agent string.',
        example: '{{$userAgent}}',
        generate({ random }) {
            const template = random.pick(USER_AGENTS);
            const version = template.includes('Version/{v}') ? random.int(15, 18) : random.int(110, 130);
            return template.replaceAll('{v}', String(version));
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
];

;// CONCATENATED MODULE: ./src/engine/generators/primitive.ts



const LETTERS = LOWER + UPPER;
const ALPHANUMERIC = LETTERS + DIGITS;
const primitiveGenerators = [
    {
        name: 'int',
        category: 'primitive',
        description: 'An integer between min and max inclusive. Args: min, max (defaults 0 and 1000).',
        example: '{{$int:1:100}}',
        generate({ random }, args) {
            const [min, max] = rangeArgs(args, intArg, 0, 1000);
            if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) {
                throw new GeneratorError(`int: bounds must be within ±${Number.MAX_SAFE_INTEGER}`);
            }
            return String(random.int(min, max));
        }
    },
    {
        name: 'float',
        category: 'primitive',
        description: 'A number between min and max with four decimals. Args: min, max (defaults 0 and 1000).',
        example: '{{$float:0:1}}',
        generate({ random }, args) {
            const [min, max] = rangeArgs(args, floatArg, 0, 1000);
            return (min + random.float() * (max - min)).toFixed(4);
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
            const bytes = random.bytes(16);
            bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
            bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
            const hex = Array.from(bytes, (byte) => HEX[byte >> 4] + HEX[byte & 15]).join('');
            return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        }
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/text.ts



function wordList(random, count) {
    return Array.from({ length: count }, () => random.pick(WORDS));
}
const textGenerators = [
    {
        name: 'word',
        category: 'text',
        description: 'A single lowercase word.',
        example: '{{$word}}',
        generate: ({ random }) => random.pick(WORDS)
    },
    {
        name: 'words',
        category: 'text',
        description: 'N words separated by spaces (default 3).',
        example: '{{$words:5}}',
        generate: ({ random }, args) => wordList(random, countArg(args, 0, 3, 'words')).join(' ')
    },
    {
        name: 'sentence',
        category: 'text',
        description: 'A capitalised sentence of N words ending with a period (default 8).',
        example: '{{$sentence:10}}',
        generate({ random }, args) {
            const text = wordList(random, countArg(args, 0, 8, 'sentence')).join(' ');
            return text === '' ? '' : `${text[0].toUpperCase()}${text.slice(1)}.`;
        }
    },
    {
        name: 'slug',
        category: 'text',
        description: 'A kebab-case slug of N words (default 3).',
        example: '{{$slug:2}}',
        generate: ({ random }, args) => wordList(random, countArg(args, 0, 3, 'slug')).join('-')
    },
    {
        name: 'color',
        category: 'text',
        description: 'A colour name.',
        example: '{{$color}}',
        generate: ({ random }) => random.pick(COLORS)
    },
    {
        name: 'hexColor',
        category: 'text',
        description: 'A hex colour such as #3fa2c4.',
        example: '{{$hexColor}}',
        generate: ({ random }) => `#${random.chars(6, HEX)}`
    }
];

;// CONCATENATED MODULE: ./src/engine/generators/go-duration.ts
/**
 * Go's time.ParseDuration syntax, which the reference uses for time offsets
 * (`{{$timestamp:+15s}}`): an optional sign, then one or more decimal numbers
 * each with a unit (`ns`, `us`/`µs`, `ms`, `s`, `m`, `h`), e.g. `1h30m`, `-90s`,
 * `1.5h`; `0` alone. Returns milliseconds, or undefined when malformed.
 */
const UNIT_MS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
function parseGoDuration(text) {
    let rest = text;
    let sign = 1;
    if (rest.startsWith('-') || rest.startsWith('+')) {
        sign = rest.startsWith('-') ? -1 : 1;
        rest = rest.slice(1);
    }
    if (rest === '0')
        return 0;
    if (rest === '')
        return undefined;
    let total = 0;
    PART.lastIndex = 0;
    while (PART.lastIndex < rest.length) {
        const match = PART.exec(rest);
        if (!match)
            return undefined;
        total += Number(match[1]) * UNIT_MS[match[2]];
    }
    return sign * total;
}

;// CONCATENATED MODULE: ./src/engine/generators/time.ts



// Time values are taken at the execution's start (the injected clock), so they
// are the same everywhere in one run, as in the reference.
const DAY_MS = 86_400_000;
/** RFC 3339 in UTC at second precision, as Go's time.RFC3339 prints it. */
function rfc3339(ms) {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
function startPlus(state, args) {
    const offset = args[0];
    if (offset === undefined || offset === '')
        return state.startedAt;
    const ms = parseGoDuration(offset);
    if (ms === undefined) {
        throw new GeneratorError(`offset ${JSON.stringify(offset)} is not a duration such as +15s, -1h or 90m`);
    }
    return state.startedAt + ms;
}
const timeGenerators = [
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
        description: 'RFC 3339 UTC timestamp at execution start (stable). Arg: an offset such as +15s or -1h.',
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
];

;// CONCATENATED MODULE: ./src/engine/generators/registry.ts
/**
 * The generator registry behind `{{$name}}` and `{{$name:arg:arg}}`: every
 * generator of Echopoint's runner (pkg/dynamicvars, 61 across its versions),
 * under its camelCase name and a snake_case twin (`isoTimestamp`,
 * `iso_timestamp`). A new generator is one entry in its category's file.
 *
 * Values come from a deterministic stream seeded with the execution id, so the
 * same execution id gives the same values; time values come from the execution
 * start on an injectable clock.
 */














/** Every generator, by category. */
const generators = [
    ...timeGenerators,
    ...identityGenerators,
    ...contactGenerators,
    ...addressGenerators,
    ...financeGenerators,
    ...internetGenerators,
    ...commerceGenerators,
    ...textGenerators,
    ...primitiveGenerators
];

const byName = new Map();
for (const generator of generators) {
    byName.set(generator.name, generator);
    byName.set(snakeCase(generator.name), generator);
}
/** True when `name` (without the `$`, either spelling) is a generator. */
function isKnownGenerator(name) {
    return byName.has(name);
}
/** A generator context for one execution. */
function createGeneratorContext(options) {
    const startedAt = (options.now ?? Date.now)();
    const runId = (0,external_node_crypto_.createHash)('sha256').update(options.seed, 'utf8').digest('hex').slice(0, 12);
    return contextFor(options.seed, { random: Random.fromSeed(options.seed), startedAt, runId });
}
function contextFor(seed, state) {
    return {
        runId: state.runId,
        startedAt: state.startedAt,
        generate(name, args = []) {
            const generator = byName.get(name);
            if (!generator)
                throw new GeneratorError(unknownMessage(name));
            try {
                return generator.generate(state, args);
            }
            catch (error) {
                if (error instanceof GeneratorError && !error.message.startsWith(`{{$`)) {
                    throw new GeneratorError(`{{$${name}}}: ${error.message}`);
                }
                throw error;
            }
        },
        fork(label) {
            const childSeed = `${seed}\u0000${label}`;
            return contextFor(childSeed, { ...state, random: Random.fromSeed(childSeed) });
        }
    };
}
function unknownMessage(name) {
    // Suggest the nearest names (a wrong case, a typo); none when nothing is close.
    let best = 3;
    let near = [];
    for (const known of byName.keys()) {
        const distance = known.toLowerCase() === name.toLowerCase() ? 0 : editDistance(known, name);
        if (distance < best)
            [best, near] = [distance, [known]];
        else if (distance === best)
            near.push(known);
    }
    const hint = near.length > 0 && near.length <= 3
        ? `; did you mean ${near.map((n) => `{{$${n}}}`).join(' or ')}?`
        : '';
    return `unknown generator {{$${name}}}${hint} (docs/engine.md lists them)`;
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 2)
        return 3;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The catalogue, sorted by category then name, for docs and `--help` listings. */
function generatorCatalog() {
    return [...generators]
        .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name))
        .map(({ name, category, description, example }) => ({ name, category, description, example }));
}

;// CONCATENATED MODULE: ./src/engine/templates.ts

/** Thrown by resolveValue when some templates do not resolve. */
class TemplateError extends Error {
    unresolved;
    name = 'TemplateError';
    constructor(unresolved) {
        super(unresolved.map(describeUnresolved).join('; '));
        this.unresolved = unresolved;
    }
}
// A template's inside excludes braces, as in the reference; surrounding spaces are ignored.
const WHOLE_TRIPLE = /^\{\{\{\s*([^{}]+?)\s*\}\}\}$/;
const WHOLE_DOUBLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
// In text, `{{{ref}}}` is read as `{{ref}}` (the reference left it as literal text).
const IN_TEXT = /\{\{\{\s*([^{}]+?)\s*\}\}\}|\{\{\s*([^{}]+?)\s*\}\}/g;
/**
 * Lists every template in a value (strings inside objects and arrays; keys are
 * not templated), for validation: the caller checks value references with
 * findReferenceRoot against inputs and upstream outputs, and generator names
 * with isKnownGenerator.
 */
function listReferences(value, options = {}) {
    const found = [];
    walkStrings(value, [], (text, location) => {
        const whole = wholeMatch(text, options);
        if (whole) {
            found.push(classify(whole.text, whole.ref, true, location));
            return;
        }
        for (const match of text.matchAll(IN_TEXT)) {
            const ref = (match[1] ?? match[2]).trim();
            if (ref !== '')
                found.push(classify(match[0], ref, false, location));
        }
    });
    return found;
}
function classify(text, ref, whole, location) {
    if (ref.startsWith('$')) {
        const [name, ...args] = ref.slice(1).split(':');
        return { kind: 'generator', text, ref, whole, location, name, args };
    }
    return { kind: 'value', text, ref, whole, location };
}
/**
 * Resolves every template in a value (recursively in objects and arrays) and
 * reports those that do not resolve; it never throws for a reference.
 */
function resolveTemplates(value, scope, options = {}) {
    const unresolved = [];
    const resolved = resolveNode(value, [], scope, options, unresolved);
    return { value: resolved, unresolved };
}
/** Like resolveTemplates, but throws TemplateError when anything is unresolved. */
function resolveValue(value, scope, options = {}) {
    const { value: resolved, unresolved } = resolveTemplates(value, scope, options);
    if (unresolved.length > 0)
        throw new TemplateError(unresolved);
    return resolved;
}
function resolveNode(value, location, scope, options, unresolved) {
    if (typeof value === 'string')
        return resolveString(value, location, scope, options, unresolved);
    if (Array.isArray(value)) {
        return value.map((item, index) => resolveNode(item, [...location, index], scope, options, unresolved));
    }
    if ((0,values/* isPlainObject */.Qd)(value)) {
        const out = {};
        for (const [key, item] of Object.entries(value)) {
            out[key] = resolveNode(item, [...location, key], scope, options, unresolved);
        }
        return out;
    }
    return value;
}
function resolveString(text, location, scope, options, unresolved) {
    const whole = wholeMatch(text, options);
    if (whole) {
        const outcome = resolveRef(whole.ref, scope);
        if (outcome.ok)
            return outcome.value;
        unresolved.push({ text: whole.text, ref: whole.ref, location, reason: outcome.reason });
        return text;
    }
    return text.replace(IN_TEXT, (match, triple, double) => {
        const ref = (triple ?? double ?? '').trim();
        if (ref === '')
            return match;
        const outcome = resolveRef(ref, scope);
        if (outcome.ok)
            return (0,values/* toText */.fE)(outcome.value);
        unresolved.push({ text: match, ref, location, reason: outcome.reason });
        return match;
    });
}
function wholeMatch(text, options) {
    const trimmed = text.trim();
    const match = WHOLE_TRIPLE.exec(trimmed) ??
        (options.wholeReferenceKeepsType ? WHOLE_DOUBLE.exec(trimmed) : null);
    if (!match)
        return undefined;
    const ref = match[1].trim();
    return ref === '' ? undefined : { text: trimmed, ref };
}
function resolveRef(ref, scope) {
    if (ref.startsWith('$')) {
        const [name, ...args] = ref.slice(1).split(':');
        try {
            return { ok: true, value: scope.generators.generate(name, args) };
        }
        catch (error) {
            return { ok: false, reason: error instanceof Error ? error.message : String(error) };
        }
    }
    return lookupReference(ref, scope);
}
/**
 * Finds the key a reference reads: the whole reference if it is a key, else the
 * longest dotted prefix that is one. A candidate `a.b…` is first a node output
 * (node `a`, output `b…`), then a flow input of that exact name. Shared by the
 * resolver and by validation, so both apply the same rules.
 */
function findReferenceRoot(ref, roots) {
    for (let end = ref.length; end > 0; end = ref.lastIndexOf('.', end - 1)) {
        const key = ref.slice(0, end);
        const path = end < ref.length ? ref.slice(end + 1).split('.') : [];
        const dot = key.indexOf('.');
        if (dot > 0 && roots.output(key.slice(0, dot), key.slice(dot + 1))) {
            return { source: 'output', nodeId: key.slice(0, dot), key: key.slice(dot + 1), path };
        }
        if (roots.input(key))
            return { source: 'input', name: key, path };
    }
    return undefined;
}
/**
 * Reads a (non-generator) reference from the scope's inputs and outputs,
 * walking into the value; on failure says why.
 */
function lookupReference(ref, scope) {
    const root = findReferenceRoot(ref, {
        input: (name) => (0,values/* hasOwn */.$3)(scope.inputs, name),
        output: (nodeId, key) => {
            const outputs = scope.outputs(nodeId);
            return outputs !== undefined && (0,values/* hasOwn */.$3)(outputs, key);
        }
    });
    if (!root)
        return { ok: false, reason: unknownReason(ref, scope) };
    const [label, start] = root.source === 'input'
        ? [root.name, scope.inputs[root.name]]
        : [`${root.nodeId}.${root.key}`, scope.outputs(root.nodeId)?.[root.key]];
    return walkPath(start, root.path, label);
}
function unknownReason(ref, scope) {
    const dot = ref.indexOf('.');
    if (dot > 0) {
        const nodeId = ref.slice(0, dot);
        if (scope.outputs(nodeId) !== undefined) {
            return `node ${nodeId} has no output ${JSON.stringify(ref.slice(dot + 1).split('.')[0])}`;
        }
        return `no flow input ${JSON.stringify(ref.split('.')[0])} or ${JSON.stringify(ref)}, and no finished node ${nodeId}`;
    }
    return `no flow input ${JSON.stringify(ref)}`;
}
function walkPath(start, path, label) {
    let value = start;
    let at = label;
    for (const segment of path) {
        if (Array.isArray(value)) {
            const index = /^\d+$/.test(segment) ? Number(segment) : -1;
            if (index < 0 || index >= value.length) {
                return {
                    ok: false,
                    reason: `${at} has no element ${JSON.stringify(segment)} (a list of ${value.length})`
                };
            }
            value = value[index];
        }
        else if ((0,values/* isPlainObject */.Qd)(value)) {
            if (!(0,values/* hasOwn */.$3)(value, segment))
                return { ok: false, reason: `${at} has no field ${JSON.stringify(segment)}` };
            value = value[segment];
        }
        else {
            return {
                ok: false,
                reason: `${at} is ${kindOf(value)}, so it has no ${JSON.stringify(segment)}`
            };
        }
        at = `${at}.${segment}`;
    }
    return { ok: true, value: value ?? null };
}
function kindOf(value) {
    if (value === null || value === undefined)
        return 'null';
    return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
function walkStrings(value, location, visit) {
    if (typeof value === 'string')
        visit(value, location);
    else if (Array.isArray(value))
        value.forEach((item, index) => walkStrings(item, [...location, index], visit));
    else if ((0,values/* isPlainObject */.Qd)(value)) {
        for (const [key, item] of Object.entries(value))
            walkStrings(item, [...location, key], visit);
    }
}
/** A location as users read it: `body.items[0].name` (empty for the root). */
function formatLocation(location) {
    let out = '';
    for (const part of location) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else
            out += /^[A-Za-z_$][\w$-]*$/.test(part)
                ? `${out ? '.' : ''}${part}`
                : `[${JSON.stringify(part)}]`;
    }
    return out;
}
function describeUnresolved(item) {
    const where = item.location.length > 0 ? ` in ${formatLocation(item.location)}` : '';
    return `${item.text}${where}: ${item.reason}`;
}

;// CONCATENATED MODULE: ./src/engine/nodes/spec.ts


/** The webhook_wait outputs without `expect` (one matching request). */
const WEBHOOK_REQUEST_OUTPUTS = ['id', 'method', 'headers', 'query', 'body', 'received_at'];
/** Outputs a node produces whatever it declares. */
function intrinsicOutputs(node) {
    switch (node.type) {
        case 'set_variable': {
            const variables = node.data.variables;
            return (0,values/* isPlainObject */.Qd)(variables) ? Object.keys(variables) : [];
        }
        case 'branch':
            return ['matched', 'matchedIndex'];
        case 'loop':
            return ['results', 'count'];
        case 'poll':
            return ['attempts', 'result'];
        case 'module': {
            const bindings = field(node.data, 'output_bindings', 'outputBindings');
            return (0,values/* isPlainObject */.Qd)(bindings) ? Object.keys(bindings) : [];
        }
        case 'sse':
            return ['events', 'count', 'last'];
        case 'webhook_wait':
            return Array.isArray(node.data.expect) && node.data.expect.length > 0
                ? ['expectations', 'received']
                : WEBHOOK_REQUEST_OUTPUTS;
        default:
            return [];
    }
}
function isTemplateOrNumber(value) {
    return (value === undefined ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && /\{\{/.test(value)) ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))));
}
function nonNegative(node, problems, ...names) {
    const value = field(node.data, ...names);
    if (!isTemplateOrNumber(value)) {
        problems.push({ node: node.id, field: `data.${names[0]}`, message: 'must be a number' });
    }
    else if (typeof value === 'number' && value < 0) {
        problems.push({ node: node.id, field: `data.${names[0]}`, message: 'must not be negative' });
    }
}
function needsBody(node, problems) {
    const body = node.data.body;
    if (!(0,values/* isPlainObject */.Qd)(body) || !Array.isArray(body.nodes) || body.nodes.length === 0) {
        problems.push({
            node: node.id,
            field: 'data.body',
            message: 'must be a nested flow with at least one node ({"nodes": [...], "edges": [...]})'
        });
    }
}
function needsAssertions(node, problems, why) {
    if (node.assertions.length === 0) {
        problems.push({ node: node.id, field: 'assertions', message: `needs at least one (${why})` });
    }
}
/** Problems in a node's `data` that would fail it for sure; empty when none. */
function checkNodeData(node) {
    const problems = [];
    const at = (f, message) => {
        problems.push({ node: node.id, field: f, message });
    };
    const d = node.data;
    switch (node.type) {
        case 'request':
        case 'sse':
            if (typeof d.url !== 'string' || d.url.trim() === '')
                at('data.url', 'is missing');
            if (d.method !== undefined && typeof d.method !== 'string')
                at('data.method', 'must be text');
            if (d.headers !== undefined && !(0,values/* isPlainObject */.Qd)(d.headers))
                at('data.headers', 'must be an object of header names to values');
            if (node.type === 'request')
                nonNegative(node, problems, 'timeout');
            else
                nonNegative(node, problems, 'timeout_ms', 'timeoutMs');
            break;
        case 'delay':
            if (d.duration === undefined)
                at('data.duration', 'is missing (milliseconds)');
            else
                nonNegative(node, problems, 'duration');
            break;
        case 'set_variable':
            if (!(0,values/* isPlainObject */.Qd)(d.variables))
                at('data.variables', 'must be an object of names to values');
            break;
        case 'branch':
            if (!Array.isArray(d.cases))
                at('data.cases', 'must be a list of {when, target}');
            else
                d.cases.forEach((c, i) => {
                    if (!(0,values/* isPlainObject */.Qd)(c) || !(0,values/* isPlainObject */.Qd)(c.when))
                        at(`data.cases[${i}].when`, 'must be an assertion');
                    if (!(0,values/* isPlainObject */.Qd)(c) || typeof c.target !== 'string' || c.target === '')
                        at(`data.cases[${i}].target`, 'must name a successor of the branch');
                });
            break;
        case 'loop':
            needsBody(node, problems);
            if (d.items === undefined)
                at('data.items', 'is missing (a list, or a template giving one)');
            else if (typeof d.items !== 'string' && !Array.isArray(d.items))
                at('data.items', 'must be a list or a template giving one');
            nonNegative(node, problems, 'max_iterations', 'maxIterations');
            break;
        case 'poll':
            needsBody(node, problems);
            needsAssertions(node, problems, 'they are the exit condition of the poll');
            nonNegative(node, problems, 'max_attempts', 'maxAttempts');
            nonNegative(node, problems, 'interval_ms', 'intervalMs');
            nonNegative(node, problems, 'timeout_ms', 'timeoutMs');
            break;
        case 'module': {
            const flowId = field(d, 'flow_id', 'flowId');
            if (typeof flowId !== 'string' || flowId === '')
                at('data.flow_id', 'is missing');
            const bindings = field(d, 'output_bindings', 'outputBindings');
            if ((0,values/* isPlainObject */.Qd)(bindings)) {
                for (const [name, target] of Object.entries(bindings)) {
                    if (typeof target !== 'string' || !/^[^.]+\..+$/.test(target)) {
                        at(`data.output_bindings.${name}`, 'must be "childNodeId.outputKey"');
                    }
                }
            }
            break;
        }
        case 'webhook_wait':
            if (!Array.isArray(d.expect) || d.expect.length === 0) {
                needsAssertions(node, problems, 'a request passing them all ends the wait');
            }
            else {
                d.expect.forEach((group, i) => {
                    if (!(0,values/* isPlainObject */.Qd)(group) || typeof group.name !== 'string' || group.name === '')
                        at(`data.expect[${i}].name`, 'is missing');
                    if (!(0,values/* isPlainObject */.Qd)(group) ||
                        !Array.isArray(group.assertions) ||
                        group.assertions.length === 0)
                        at(`data.expect[${i}].assertions`, 'needs at least one assertion');
                });
            }
            nonNegative(node, problems, 'timeout_ms', 'timeoutMs');
            nonNegative(node, problems, 'settle_ms', 'settleMs');
            break;
        default:
            break;
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/engine/flow/graph.ts
class FlowGraph {
    ids;
    preds = new Map();
    succs = new Map();
    /** Edges naming an unknown node are left out (validation reports them). */
    constructor(flow) {
        this.ids = flow.nodes.map((n) => n.id);
        for (const id of this.ids) {
            this.preds.set(id, []);
            this.succs.set(id, []);
        }
        for (const edge of flow.edges) {
            const to = this.preds.get(edge.target);
            const from = this.succs.get(edge.source);
            if (!to || !from)
                continue;
            if (!to.includes(edge.source))
                to.push(edge.source);
            if (!from.includes(edge.target))
                from.push(edge.target);
        }
    }
    predecessors(id) {
        return this.preds.get(id) ?? [];
    }
    successors(id) {
        return this.succs.get(id) ?? [];
    }
    roots() {
        return this.ids.filter((id) => this.predecessors(id).length === 0);
    }
    ancestorCache = new Map();
    /**
     * Whether `candidate` is upstream of `id` (a path of edges leads from it to
     * `id`). A direct predecessor is answered at once; otherwise the ancestors of
     * `id` are computed once and kept, so checking every reference of a large flow
     * stays fast.
     */
    isUpstream(candidate, id) {
        if (this.predecessors(id).includes(candidate))
            return true;
        let found = this.ancestorCache.get(id);
        if (!found) {
            found = this.ancestors(id);
            this.ancestorCache.set(id, found);
        }
        return found.has(candidate);
    }
    /** Every node `id` depends on, directly or not. */
    ancestors(id) {
        const found = new Set();
        const stack = [...this.predecessors(id)];
        while (stack.length > 0) {
            const next = stack.pop();
            if (found.has(next))
                continue;
            found.add(next);
            stack.push(...this.predecessors(next));
        }
        return found;
    }
    /** Every node that depends on `id`, directly or not. */
    descendants(id) {
        const found = new Set();
        const stack = [...this.successors(id)];
        while (stack.length > 0) {
            const next = stack.pop();
            if (found.has(next))
                continue;
            found.add(next);
            stack.push(...this.successors(next));
        }
        return found;
    }
    /** One cycle as a path of node ids (first repeated at the end), or undefined when there is none. */
    findCycle() {
        const state = new Map();
        const path = [];
        const visit = (id) => {
            state.set(id, 'open');
            path.push(id);
            for (const next of this.successors(id)) {
                if (state.get(next) === 'open')
                    return [...path.slice(path.indexOf(next)), next];
                if (!state.has(next)) {
                    const cycle = visit(next);
                    if (cycle)
                        return cycle;
                }
            }
            path.pop();
            state.set(id, 'done');
            return undefined;
        };
        for (const id of this.ids) {
            if (!state.has(id)) {
                const cycle = visit(id);
                if (cycle)
                    return cycle;
            }
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine/flow/validate.ts
/**
 * Checks a parsed flow as a whole before anything runs (docs/runner.md §2), and
 * reports every problem at once, each naming the node and the field:
 *
 * - an edge that names an unknown node; a cycle;
 * - a branch case or default whose target is not a successor of the branch;
 * - a reference `{{x}}` to an input the flow does not have, `{{node.key}}` to a
 *   node that is not upstream of the one using it (ours: an ancestor in the
 *   graph, where the reference only asked for an earlier place in the array), or
 *   to an output that node does not declare; an unknown `{{$generator}}`.
 *
 * `always` nodes may name any node of the flow (they run after the main phase),
 * but still only outputs it declares. Loop and poll bodies are nested flows,
 * checked with the inputs they get (the parent's, plus item and index, or attempt).
 */





/** Whether `node` yields output `key`: one its type always produces, or one it declares. */
function producesOutput(node, key) {
    return node.outputs.some((o) => o.name === key) || intrinsicOutputs(node).includes(key);
}
/** Walks a node's templated values: its data (without nested bodies) and its assertions. */
function referencesOf(node) {
    const found = [];
    const find = (value) => listReferences(value).map((r) => ({ ref: r.ref, generator: r.kind === 'generator' }));
    const nested = node.type === 'loop' || node.type === 'poll';
    for (const [key, value] of Object.entries(node.data)) {
        if (nested && key === 'body')
            continue;
        for (const r of find(value))
            found.push({ ...r, field: `data.${key}` });
    }
    node.assertions.forEach((assertion, i) => {
        for (const r of find(assertion))
            found.push({ ...r, field: `assertions[${i}]` });
    });
    return found;
}
function checkReference(node, r, byId, graph, inputs, problems) {
    const where = { node: node.id, field: r.field };
    if (r.generator) {
        const name = r.ref.replace(/^\$/, '').split(':')[0];
        if (!isKnownGenerator(name)) {
            problems.push({ ...where, message: `{{${r.ref}}}: "$${name}" is not a generator` });
        }
        return;
    }
    const upstream = (id) => node.runWhen === 'always' || graph.isUpstream(id, node.id);
    const notUpstream = (id) => ({
        ...where,
        message: `{{${r.ref}}}: node "${id}" is not upstream of "${node.id}" (no path of edges leads from it here), so its outputs are not there when this node runs`
    });
    // The resolver's own rule (templates.ts): the longest dotted prefix that is a declared
    // output, then an input of that name. Validation and the run then agree.
    const root = findReferenceRoot(r.ref, {
        input: (name) => inputs.has(name),
        output: (id, key) => {
            const source = byId.get(id);
            return source !== undefined && producesOutput(source, key);
        }
    });
    if (root?.source === 'input')
        return;
    if (root?.source === 'output') {
        if (!upstream(root.nodeId))
            problems.push(notUpstream(root.nodeId));
        return;
    }
    // Nothing it could read: say why, most specific first.
    const [head, key] = r.ref.split('.');
    const source = byId.get(head);
    if (source && key !== undefined) {
        if (!upstream(source.id)) {
            problems.push(notUpstream(source.id));
            return;
        }
        const declared = [
            ...new Set([...intrinsicOutputs(source), ...source.outputs.map((o) => o.name)])
        ];
        problems.push({
            ...where,
            message: `{{${r.ref}}}: node "${source.id}" declares no output "${key}" (${declared.length > 0 ? `it declares ${declared.join(', ')}` : 'it declares none'})`
        });
        return;
    }
    problems.push({
        ...where,
        message: `{{${r.ref}}}: "${head}" is neither an input of the flow nor a node${inputs.size > 0 ? ` (inputs: ${[...inputs].sort().join(', ')})` : ''}`
    });
}
/** The nested flow of a loop or poll node, as a flow definition (or undefined when absent). */
function nestedFlow(node) {
    const body = node.data.body;
    return typeof body === 'object' && body !== null
        ? body
        : undefined;
}
/** Every problem of `flow` beyond its shape. */
function validateFlow(flow, options = {}) {
    const problems = [];
    const ids = new Set(flow.nodes.map((n) => n.id));
    flow.edges.forEach((edge, i) => {
        if (!ids.has(edge.source)) {
            problems.push({
                field: `edges[${i}].source`,
                message: `"${edge.source}" names no node of the flow`
            });
        }
        if (!ids.has(edge.target)) {
            problems.push({
                field: `edges[${i}].target`,
                message: `"${edge.target}" names no node of the flow`
            });
        }
    });
    const graph = new FlowGraph(flow);
    const cycle = graph.findCycle();
    if (cycle) {
        problems.push({
            node: cycle[0],
            field: 'edges',
            message: `the edges form a cycle: ${cycle.join(' → ')}`
        });
    }
    const inputs = new Set([...Object.keys(flow.initialInputs), ...(options.inputs ?? [])]);
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    for (const node of flow.nodes) {
        problems.push(...checkNodeData(node));
        if (node.type === 'branch') {
            const successors = new Set(graph.successors(node.id));
            const cases = Array.isArray(node.data.cases) ? node.data.cases : [];
            cases.forEach((c, i) => {
                const target = typeof c === 'object' && c !== null ? c.target : undefined;
                if (typeof target === 'string' && target !== '' && !successors.has(target)) {
                    problems.push({
                        node: node.id,
                        field: `data.cases[${i}].target`,
                        message: `"${target}" is not a successor of the branch (no edge ${node.id} → ${target})`
                    });
                }
            });
            const fallback = node.data.default;
            if (typeof fallback === 'string' && fallback !== '' && !successors.has(fallback)) {
                problems.push({
                    node: node.id,
                    field: 'data.default',
                    message: `"${fallback}" is not a successor of the branch (no edge ${node.id} → ${fallback})`
                });
            }
        }
        for (const r of referencesOf(node))
            checkReference(node, r, byId, graph, inputs, problems);
        const body = nestedFlow(node);
        if (body && (node.type === 'loop' || node.type === 'poll')) {
            const parsed = parseFlow({ name: `${node.id} body`, ...body });
            const extra = node.type === 'loop'
                ? [
                    String(field(node.data, 'item_var', 'itemVar') ?? 'item'),
                    String(field(node.data, 'index_var', 'indexVar') ?? 'index')
                ]
                : ['attempt'];
            const nested = validateFlow(parsed.flow, { inputs: [...inputs, ...extra] });
            for (const p of [...parsed.problems, ...nested]) {
                problems.push({
                    node: node.id,
                    field: `data.body.${p.node ? `${p.node}.` : ''}${p.field}`,
                    message: p.message
                });
            }
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/engine/modules.ts


/** The flow ids a flow's module nodes name, loop and poll bodies included, with the node naming each. */
function moduleTargets(flow) {
    const found = [];
    for (const node of flow.nodes) {
        if (node.type === 'module') {
            const flowId = field(node.data, 'flow_id', 'flowId');
            if (typeof flowId === 'string' && flowId.trim() !== '') {
                found.push({ nodeId: node.id, flowId: flowId.trim() });
            }
        }
        if ((node.type === 'loop' || node.type === 'poll') && (0,values/* isPlainObject */.Qd)(node.data.body)) {
            const body = parseFlow({ name: node.id, ...node.data.body }).flow;
            for (const inner of moduleTargets(body))
                found.push({ ...inner, nodeId: `${node.id}/${inner.nodeId}` });
        }
    }
    return found;
}
/** Missing referenced flows and module cycles, starting from `flow` (`rootId`: its own id, when known). */
function checkModules(flow, referenced = {}, rootId = '(this flow)') {
    const problems = [];
    const reported = new Set();
    const visit = (current, stack) => {
        for (const { nodeId, flowId } of moduleTargets(current)) {
            const where = { node: nodeId, field: 'data.flow_id' };
            if (stack.includes(flowId)) {
                const cycle = [...stack.slice(stack.indexOf(flowId)), flowId].join(' → ');
                if (!reported.has(cycle)) {
                    reported.add(cycle);
                    problems.push({
                        ...where,
                        message: `MODULE_CYCLE_DETECTED: the flows include each other: ${cycle}`
                    });
                }
                continue;
            }
            const child = referenced[flowId];
            if (!child) {
                if (!reported.has(`missing:${flowId}`)) {
                    reported.add(`missing:${flowId}`);
                    problems.push({
                        ...where,
                        message: `MODULE_FLOW_NOT_FOUND: flow ${flowId} is not among the referenced flows of this run`
                    });
                }
                continue;
            }
            const definition = (0,values/* isPlainObject */.Qd)(child.flow_definition) ? child.flow_definition : {};
            visit(parseFlow({ name: flowId, ...definition }).flow, [...stack, flowId]);
        }
    };
    visit(flow, [rootId]);
    return problems;
}

;// CONCATENATED MODULE: ./src/engine/load.ts



/** Parses and validates a flow definition. */
function loadFlow(raw, options = {}) {
    const parsed = parseFlow(raw);
    const problems = [...parsed.problems, ...validateFlow(parsed.flow, { inputs: options.inputs })];
    if (options.referencedFlows !== undefined) {
        problems.push(...checkModules(parsed.flow, options.referencedFlows, options.flowId));
    }
    return { flow: parsed.flow, problems };
}

;// CONCATENATED MODULE: ./src/engine/nodes/nested.ts
/** Shared by loop, poll and module: reading a nested flow (a body, a child flow). */

/** A nested flow ready to run, or why it cannot be. */
function loadNested(raw, name, inputNames) {
    const body = typeof raw === 'object' && raw !== null ? raw : {};
    const { flow, problems } = loadFlow({ name, ...body }, { inputs: inputNames });
    if (problems.length > 0) {
        const first = problems
            .slice(0, 3)
            .map((p) => `${p.node ? `${p.node}.` : ''}${p.field}: ${p.message}`);
        return {
            problem: `${first.join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`
        };
    }
    return { flow };
}
/** What a failed nested run says: its error, or the first failed node's. */
function nestedFailure(result) {
    return result.error_message ?? result.error_code ?? 'the nested flow failed';
}

;// CONCATENATED MODULE: ./src/engine/nodes/loop.ts
/**
 * loop (docs/runner.md §3): the body runs once per item, sequentially, as a nested
 * flow whose inputs are the flow's inputs plus the item and its index. Outputs
 * `results` (each iteration's final outputs; with continue_on_error a failed
 * iteration gives `{index, error}`) and `count`; both are also the subject of
 * the node's assertions and declared outputs.
 */




const runLoop = async (context) => {
    const { node } = context;
    const data = node.data;
    const itemVar = String(field(data, 'item_var', 'itemVar') ?? 'item') || 'item';
    const indexVar = String(field(data, 'index_var', 'indexVar') ?? 'index') || 'index';
    const max = (0,values/* toNumber */.Ro)(field(data, 'max_iterations', 'maxIterations')) ?? 0;
    const continueOnError = field(data, 'continue_on_error', 'continueOnError') === true;
    const fail = (message, iterations = 0) => ({
        error: { code: 'LOOP_FAILED', message },
        fields: { iterations }
    });
    const items = context.resolve(data.items, { wholeReferenceKeepsType: true });
    if (!Array.isArray(items)) {
        return fail(`loop items must resolve to a list, got ${items === null ? 'null' : typeof items}`);
    }
    const selected = max > 0 && items.length > max ? items.slice(0, max) : items;
    const inputNames = [...Object.keys(context.scope.inputs), itemVar, indexVar];
    const body = loadNested(data.body, `${node.id} body`, inputNames);
    if ('problem' in body)
        return fail(`the loop body is invalid: ${body.problem}`);
    const results = [];
    for (const [index, item] of selected.entries()) {
        if (context.signal.aborted)
            return { error: cancelledError(), fields: { iterations: index } };
        const inputs = { ...context.scope.inputs, [itemVar]: item, [indexVar]: index };
        const run = await context.runChild(body.flow, inputs, `#iter${index}`);
        if (context.signal.aborted)
            return { error: cancelledError(), fields: { iterations: index + 1 } };
        if (!run.success) {
            if (continueOnError) {
                results.push({ index, error: nestedFailure(run) });
                continue;
            }
            return fail(`loop iteration ${index} failed: ${nestedFailure(run)}`, selected.length);
        }
        results.push({ ...run.final_outputs });
    }
    const value = { results, count: results.length };
    return { intrinsic: value, subject: { body: value }, fields: { iterations: selected.length } };
};

;// CONCATENATED MODULE: ./src/engine/nodes/module.ts
/**
 * module (docs/runner.md §3): runs another flow (from the run's referenced flows)
 * as a child. Child inputs: the parent's inputs, then the referenced flow's
 * `input_overrides`, then the node's `input_bindings` (templated). Outputs: each
 * `output_bindings` name reads `childNodeId.outputKey` from the child's final
 * outputs. The child's secret inputs join the run's redaction set.
 */




const runModule = async (context) => {
    const data = context.node.data;
    // Trimmed, as in Echopoint's runner.
    const flowId = String(field(data, 'flow_id', 'flowId') ?? '').trim();
    const fail = (code, message, extra = {}) => ({
        error: { code, message },
        fields: { flow_id: flowId, ...extra }
    });
    if (context.moduleStack.includes(flowId)) {
        return fail('MODULE_CYCLE_DETECTED', `module cycle: ${[...context.moduleStack, flowId].join(' → ')}`);
    }
    const referenced = context.options.referencedFlows?.[flowId];
    if (!referenced) {
        return fail('MODULE_FLOW_NOT_FOUND', `flow ${flowId} is not among the referenced flows of this run`);
    }
    const overrides = (0,values/* isPlainObject */.Qd)(referenced.input_overrides) ? referenced.input_overrides : {};
    const rawBindings = field(data, 'input_bindings', 'inputBindings');
    const bindings = (0,values/* isPlainObject */.Qd)(rawBindings)
        ? context.resolve(rawBindings, { wholeReferenceKeepsType: true })
        : {};
    const definition = (0,values/* isPlainObject */.Qd)(referenced.flow_definition) ? referenced.flow_definition : {};
    const defaults = field(definition, 'initial_inputs', 'initialInputs');
    const inputs = {
        ...((0,values/* isPlainObject */.Qd)(defaults) ? defaults : {}),
        ...context.scope.inputs,
        ...overrides,
        ...bindings
    };
    const child = loadNested(definition, flowId, Object.keys(inputs));
    if ('problem' in child) {
        return fail('MODULE_FLOW_PARSE_FAILED', `flow ${flowId} cannot run: ${child.problem}`);
    }
    const secretValues = (referenced.secret_input_keys ?? [])
        .filter((key) => (0,values/* hasOwn */.$3)(inputs, key))
        .map((key) => inputs[key]);
    const run = await context.runChild(child.flow, inputs, `module:${flowId}`, {
        secretValues,
        moduleId: flowId
    });
    if (context.signal.aborted)
        return { error: cancelledError(), fields: { flow_id: flowId } };
    const childOutputs = { ...run.final_outputs };
    if (!run.success) {
        return fail('MODULE_FAILED', `flow ${flowId} failed: ${nestedFailure(run)}`, {
            child_final_outputs: childOutputs
        });
    }
    const produced = {};
    const outputBindings = field(data, 'output_bindings', 'outputBindings');
    for (const [name, from] of Object.entries((0,values/* isPlainObject */.Qd)(outputBindings) ? outputBindings : {})) {
        if (typeof from !== 'string' || !(0,values/* hasOwn */.$3)(childOutputs, from)) {
            return fail('MODULE_FAILED', `output ${JSON.stringify(name)}: the child flow produced no ${JSON.stringify(from)}`, { child_final_outputs: childOutputs });
        }
        produced[name] = childOutputs[from];
    }
    return {
        intrinsic: produced,
        subject: { body: produced },
        fields: { flow_id: flowId, child_final_outputs: childOutputs }
    };
};

;// CONCATENATED MODULE: ./src/engine/nodes/poll.ts
/**
 * poll (docs/runner.md §3): runs the body (a nested flow with `attempt`, 1-based)
 * until the node's assertions, the exit condition, pass over the body's final
 * outputs (flat keys: `$["probe.status"]`), at most `max_attempts` times,
 * `interval_ms` apart, within `timeout_ms` (0: none). A body that fails stops
 * the poll at once.
 */




const runPoll = async (context) => {
    const { node, clock, signal } = context;
    const data = node.data;
    const maxAttempts = Math.max(1, Math.floor((0,values/* toNumber */.Ro)(field(data, 'max_attempts', 'maxAttempts')) ?? 10));
    const intervalMs = Math.max(0, (0,values/* toNumber */.Ro)(field(data, 'interval_ms', 'intervalMs')) ?? 1000);
    const timeoutMs = Math.max(0, (0,values/* toNumber */.Ro)(field(data, 'timeout_ms', 'timeoutMs')) ?? 0);
    const began = clock.now();
    let attempts = 0;
    let last = {};
    let lastResults;
    const done = (extra) => ({
        intrinsic: { attempts, result: last },
        fields: { attempts },
        ...(lastResults ? { assertionResults: lastResults } : {}),
        ...extra
    });
    let assertions;
    try {
        assertions = parseAssertions(node.assertions);
    }
    catch (error) {
        return done({ error: { code: 'POLL_FAILED', message: error.message } });
    }
    if (assertions.length === 0) {
        return done({
            error: {
                code: 'POLL_FAILED',
                message: 'a poll needs at least one assertion (its exit condition)'
            }
        });
    }
    const inputNames = [...Object.keys(context.scope.inputs), 'attempt'];
    const body = loadNested(data.body, `${node.id} body`, inputNames);
    if ('problem' in body) {
        return done({
            error: { code: 'POLL_FAILED', message: `the poll body is invalid: ${body.problem}` }
        });
    }
    const cancelled = () => done({ error: { code: 'POLL_CANCELLED', message: 'the run was stopped during the poll' } });
    for (;;) {
        if (signal.aborted)
            return cancelled();
        attempts += 1;
        const run = await context.runChild(body.flow, { ...context.scope.inputs, attempt: attempts }, `#attempt${attempts}`);
        if (signal.aborted)
            return cancelled();
        last = { ...run.final_outputs };
        if (!run.success) {
            return done({
                error: {
                    code: 'POLL_BODY_FAILED',
                    message: `attempt ${attempts}: ${nestedFailure(run)}`
                }
            });
        }
        const check = runAssertions(assertions, { body: last }, { resolve: (v) => context.resolve(v) });
        lastResults = check.results;
        if (check.passed)
            return done({ subject: { body: last } });
        const elapsed = clock.now() - began;
        const timedOut = timeoutMs > 0 && elapsed + intervalMs >= timeoutMs;
        if (attempts >= maxAttempts || timedOut) {
            return done({
                error: {
                    code: 'POLL_CONDITION_NOT_MET',
                    message: `the condition was not met after ${attempts} attempt(s)${timedOut ? ` within ${timeoutMs} ms` : ''}: ${check.message ?? ''}`
                }
            });
        }
        try {
            await clock.sleep(intervalMs, signal);
        }
        catch {
            return cancelled();
        }
    }
};

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/engine/http/body.ts
function isJsonText(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * `undefined` and `null` send no body. A string is sent as it is, and is
 * labelled `application/json` when it is valid JSON (a template that produced
 * a JSON document); any other value is sent as JSON.
 *
 * Throws a TypeError when a value cannot be written as JSON (a BigInt, a cycle).
 */
function encodeRequestBody(body) {
    if (body === undefined || body === null)
        return undefined;
    if (typeof body === 'string') {
        return isJsonText(body) ? { text: body, contentType: 'application/json' } : { text: body };
    }
    const text = JSON.stringify(body);
    if (text === undefined)
        throw new TypeError(`a ${typeof body} body cannot be sent as JSON`);
    return { text, contentType: 'application/json' };
}
/** The media type of a Content-Type value, lowercased, without parameters. */
function mediaType(contentType) {
    if (contentType === undefined)
        return '';
    return contentType.split(';', 1)[0].trim().toLowerCase();
}
/**
 * Whether a response with this Content-Type holds JSON: `application/json`
 * and any `application/…+json` (`problem+json`, `vnd.api+json`, …). A value
 * merely containing `application/json` counts too, as in Echopoint's runner.
 */
function isJsonContentType(contentType) {
    if (contentType === undefined)
        return false;
    const type = mediaType(contentType);
    if (type === 'application/json')
        return true;
    if (type.startsWith('application/') && type.endsWith('+json'))
        return true;
    return contentType.toLowerCase().includes('application/json');
}
/**
 * The body as flows see it: parsed JSON for a JSON Content-Type when it
 * parses, otherwise the text (UTF-8; an empty body is `""`).
 */
function parseResponseBody(bytes, contentType) {
    const text = bytes.toString('utf8');
    if (!isJsonContentType(contentType) || text === '')
        return text;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/**
 * A header name as Go writes it (`content-type` → `Content-Type`), so
 * response headers read the same as in Echopoint's runner. A name with a
 * character outside a token is left as it is, as Go does.
 */
function canonicalHeaderName(name) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name))
        return name;
    let upper = true;
    let out = '';
    for (const char of name) {
        out += upper ? char.toUpperCase() : char.toLowerCase();
        upper = char === '-';
    }
    return out;
}
/** A response's headers under Go's canonical names, each with every value received, in order. */
function responseHeaders(res) {
    const headers = {};
    for (const [name, values] of Object.entries(res.headersDistinct)) {
        if (values === undefined)
            continue;
        const key = canonicalHeaderName(name);
        headers[key] = [...(headers[key] ?? []), ...values];
    }
    return headers;
}

;// CONCATENATED MODULE: ./src/engine/http/calls.ts
class HttpCallLog {
    #limit;
    #records = [];
    #sent = 0;
    /** `limit`: `max_http_calls_per_execution`; 0, negative or absent means none. */
    constructor(limit) {
        this.#limit = limit !== undefined && Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 0;
    }
    get limit() {
        return this.#limit;
    }
    /** Calls sent so far (or being sent). */
    get sent() {
        return this.#sent;
    }
    /**
     * Takes the next sequence number (1, 2, …) for a call about to be sent, or
     * `undefined` when the limit is reached and the call must not be sent.
     */
    reserve() {
        if (this.#limit > 0 && this.#sent >= this.#limit)
            return undefined;
        this.#sent += 1;
        return this.#sent;
    }
    /** Adds a finished call; records are kept in `seq` order. */
    add(record) {
        const at = this.#records.findIndex((other) => other.seq > record.seq);
        if (at === -1)
            this.#records.push(record);
        else
            this.#records.splice(at, 0, record);
    }
    /** The records so far, in `seq` order (a copy). */
    records() {
        return this.#records.map((record) => ({ ...record }));
    }
}
/** `http_4xx` / `http_5xx` for a status, else nothing. */
function statusErrorClass(status) {
    if (status >= 400 && status < 500)
        return 'http_4xx';
    if (status >= 500 && status < 600)
        return 'http_5xx';
    return undefined;
}

;// CONCATENATED MODULE: ./src/engine/http/errors.ts
/**
 * Why an HTTP exchange of a request node failed, as a stable code and a short
 * message a user can act on. Transport codes are those of Echopoint's runner;
 * the others are ours (see docs/engine.md, "HTTP requests").
 */
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const CONNECT_CODES = new Set([
    'ECONNRESET',
    'ECONNABORTED',
    'EPIPE',
    'EHOSTUNREACH',
    'EHOSTDOWN',
    'ENETUNREACH',
    'ENETDOWN',
    'EADDRNOTAVAIL',
    'EADDRINUSE',
    'ENOTCONN'
]);
// OpenSSL verification codes Node reports as `err.code` on a TLS socket.
const TLS_CODES = new Set([
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_REVOKED',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'CERT_SIGNATURE_FAILURE',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'INVALID_PURPOSE',
    'HOSTNAME_MISMATCH'
]);
function errorCode(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
function isTlsError(code, message) {
    if (code === undefined)
        return false;
    if (TLS_CODES.has(code))
        return true;
    if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'))
        return true;
    // A plain-HTTP server answering a TLS client gives EPROTO "wrong version number".
    return code === 'EPROTO' && /ssl|tls/i.test(message);
}
/**
 * A socket-level failure turned into its code, in the order Echopoint's runner
 * checks them: DNS, timeout, refused, TLS, other network errors, then anything
 * else as REQUEST_FAILED with the original message. `host` is `host:port` as
 * the URL spells it.
 */
function classifyTransportError(error, host) {
    const code = errorCode(error);
    const message = errorMessage(error);
    if (code !== undefined && DNS_CODES.has(code)) {
        const name = error.hostname;
        const hostname = typeof name === 'string' && name !== '' ? name : host;
        return {
            code: 'DNS_RESOLUTION_FAILED',
            message: `Could not resolve host ${JSON.stringify(hostname)}`,
            errorClass: 'dns'
        };
    }
    if (code === 'ETIMEDOUT') {
        return {
            code: 'REQUEST_TIMEOUT',
            message: `Request to ${host} timed out`,
            errorClass: 'timeout'
        };
    }
    if (code === 'ECONNREFUSED') {
        return {
            code: 'CONNECTION_REFUSED',
            message: `Connection refused by ${host}`,
            errorClass: 'connect'
        };
    }
    if (isTlsError(code, message)) {
        return {
            code: 'TLS_ERROR',
            message: `TLS handshake with ${host} failed: ${message}`,
            errorClass: 'tls'
        };
    }
    if (code !== undefined && CONNECT_CODES.has(code)) {
        return {
            code: 'CONNECTION_FAILED',
            message: `Could not connect to ${host} (${code})`,
            errorClass: 'connect'
        };
    }
    if (code !== undefined && code.startsWith('HPE_')) {
        return { code: 'REQUEST_FAILED', message: `Invalid HTTP response from ${host}: ${message}` };
    }
    return { code: 'REQUEST_FAILED', message };
}

;// CONCATENATED MODULE: ./src/engine/http/url.ts
/**
 * URL work of a request node: query parameters, the path shown in call
 * records, and the refusal of secret values in URLs.
 */

/** A query component, percent-encoded (a space is `%20`; `&`, `=`, `#`, `+` are escaped). */
function encodeComponent(value) {
    // encodeURIComponent leaves !'()* as they are; they are legal in a query.
    return encodeURIComponent(value);
}
/**
 * The URL with `query` appended to its existing query, each name and value
 * URL-encoded, in the object's order; values take their string form (`null`
 * is empty, arrays and objects compact JSON). A fragment stays at the end.
 */
function appendQuery(url, query) {
    if (query === undefined)
        return url;
    const pairs = Object.entries(query).map(([name, value]) => `${encodeComponent(name)}=${encodeComponent((0,values/* toText */.fE)(value))}`);
    if (pairs.length === 0)
        return url;
    const hashAt = url.indexOf('#');
    const base = hashAt === -1 ? url : url.slice(0, hashAt);
    const fragment = hashAt === -1 ? '' : url.slice(hashAt);
    let separator = '&';
    if (!base.includes('?'))
        separator = '?';
    else if (base.endsWith('?') || base.endsWith('&'))
        separator = '';
    return `${base}${separator}${pairs.join('&')}${fragment}`;
}
/**
 * Index of the first character of `text` at or after `from` that is one of
 * `stops`, outside `{{…}}`; `text.length` when there is none.
 */
function indexOutsideTemplates(text, stops, from = 0) {
    let i = from;
    while (i < text.length) {
        if (text.startsWith('{{', i)) {
            const end = text.indexOf('}}', i + 2);
            if (end === -1)
                return text.length;
            i = end + 2;
            continue;
        }
        if (stops.includes(text[i]))
            return i;
        i += 1;
    }
    return text.length;
}
/**
 * The path of a URL template, with its `{{…}}` parts as written
 * (`https://api.test/users/{{create.userId}}?x=1` → `/users/{{create.userId}}`),
 * so a call record never shows a resolved value. A template whose host comes
 * from a template (`{{base_url}}/users`) gives the path after it (`/users`).
 * Without a template, or when the template has no path, the resolved URL's
 * path is used.
 */
function pathTemplate(template, resolved) {
    if (template !== undefined) {
        const trimmed = template.trim();
        const end = indexOutsideTemplates(trimmed, '?#');
        let rest = trimmed.slice(0, end);
        const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(rest);
        if (scheme !== null)
            rest = rest.slice(scheme[0].length);
        const slash = indexOutsideTemplates(rest, '/');
        if (slash < rest.length)
            return rest.slice(slash);
        if (rest.startsWith('/'))
            return rest;
    }
    return resolved.pathname;
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * Whether any non-empty secret value appears in the URL: as written, or
 * percent-encoded (in either hex case), or as a form-encoded query value
 * (`+` for a space).
 */
function urlContainsSecret(url, secrets) {
    if (secrets === undefined || secrets.length === 0)
        return false;
    let href = url;
    try {
        href = new URL(url).href;
    }
    catch {
        // Checked as written; an unparsable URL is refused later anyway.
    }
    const haystacks = [
        url,
        href,
        safeDecode(url),
        safeDecode(href),
        safeDecode(href.replace(/\+/g, ' '))
    ];
    const lowered = haystacks.map((text) => text.toLowerCase());
    for (const secret of secrets) {
        if (typeof secret !== 'string' || secret === '')
            continue;
        if (haystacks.some((text) => text.includes(secret)))
            return true;
        const encoded = [encodeURIComponent(secret), encodeURI(secret)]
            .filter((form) => form !== secret)
            .map((form) => form.toLowerCase());
        if (encoded.some((form) => lowered.some((text) => text.includes(form))))
            return true;
    }
    return false;
}
/** An HTTP method token (RFC 9110). */
const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * Checks a request's target before anything is sent, for every node that
 * sends (request, sse): no secret value in it, a URL that parses, http or https.
 */
function checkTarget(urlText, secrets, what) {
    if (urlContainsSecret(urlText, secrets)) {
        return {
            kind: 'secret',
            message: `the ${what} URL contains a secret value; send secrets in a header or the body, never in a URL`
        };
    }
    let url;
    try {
        url = new URL(urlText);
    }
    catch {
        return { kind: 'invalid', message: `invalid URL ${JSON.stringify(urlText)}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return {
            kind: 'invalid',
            message: `unsupported URL scheme ${JSON.stringify(url.protocol.slice(0, -1))}`
        };
    }
    return { url };
}
/** A node's `headers` (resolved) as header values: text as is, anything else in its string form. */
function headerValues(value) {
    const out = {};
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return out;
    for (const [name, v] of Object.entries(value)) {
        if (v === undefined || v === null)
            continue;
        out[name] = (0,values/* toText */.fE)(v);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/engine/http/request.ts
/**
 * The HTTP layer of a request node: sends one already-resolved request and
 * reads the whole response, within one timeout, under a body cap, with
 * cancellation, the call budget and the call record. Templates are resolved
 * by the caller; nothing here redacts (the caller's redactor does).
 *
 * Any HTTP status is a successful exchange (`kind: 'response'`); only
 * transport failures and our own refusals are errors. See docs/engine.md,
 * "HTTP requests".
 *
 * Over 300 lines on purpose: one exchange (refusals, the redirect loop, the
 * timeout, the body cap, cancellation and the call record) is one sequence.
 */







/** Used when a node has no timeout, or one ≤ 0, as in Echopoint's runner. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** Default response body cap: 10 MiB. */
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Redirects followed before failing, as Go's HTTP client. */
const MAX_REDIRECTS = 10;
/** Response header block limit, Go's default (Node's own is 16 KiB). */
const MAX_HEADER_BYTES = 1024 * 1024;
const DEFAULT_USER_AGENT = 'echopoint-ci';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Dropped on a redirect to another domain, as Go does.
const SENSITIVE_HEADERS = new Set([
    'authorization',
    'www-authenticate',
    'cookie',
    'cookie2',
    'proxy-authorization',
    'proxy-authenticate'
]);
// Computed for each hop from the body actually sent.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding']);
class BodyTooLarge extends Error {
    received;
    limit;
    declared;
    constructor(received, limit, declared) {
        super('response body too large');
        this.received = received;
        this.limit = limit;
        this.declared = declared;
    }
}
class IncompleteBody extends Error {
    constructor() {
        super('the connection closed before the response body was complete');
    }
}
/** A failure after the status line: the status is kept for the record. */
class AfterStatus extends Error {
    status;
    received;
    failure;
    constructor(status, received, failure) {
        super('failed after status');
        this.status = status;
        this.received = received;
        this.failure = failure;
    }
}
function findHeader(headers, name) {
    const lower = name.toLowerCase();
    for (const [key, value] of Object.entries(headers))
        if (key.toLowerCase() === lower)
            return value;
    return undefined;
}
function isSameOrSubdomain(child, parent) {
    const a = child.toLowerCase();
    const b = parent.toLowerCase();
    return a === b || a.endsWith(`.${b}`);
}
/**
 * One request on a fresh connection. Resolves with the status and, for a
 * redirect, its Location (the body is not read), else the whole body; rejects
 * with the transport error, BodyTooLarge, IncompleteBody, or AfterStatus
 * wrapping one of them once a status has arrived.
 */
function sendHop(target, method, headers, body, maxBodyBytes, stop) {
    return new Promise((resolve, reject) => {
        let settled = false;
        let status;
        let received = 0;
        const transport = target.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const req = transport.request(target, {
            method,
            headers,
            agent: false,
            maxHeaderSize: MAX_HEADER_BYTES
        });
        const finish = (error, hop) => {
            if (settled)
                return;
            settled = true;
            stop.removeEventListener('abort', onStop);
            if (hop !== undefined)
                resolve(hop);
            else
                reject(status === undefined ? error : new AfterStatus(status, received, error));
            if (error !== undefined)
                req.destroy();
        };
        const onStop = () => finish(new Error('stopped'));
        stop.addEventListener('abort', onStop, { once: true });
        req.on('error', (error) => finish(error));
        req.on('response', (res) => {
            status = res.statusCode ?? 0;
            const answered = responseHeaders(res);
            const location = res.headers.location;
            if (REDIRECT_STATUSES.has(status) && location !== undefined && location !== '') {
                finish(undefined, { status, headers: answered, location });
                res.destroy();
                req.destroy();
                return;
            }
            const declared = Number(res.headers['content-length']);
            if (Number.isFinite(declared) && declared > maxBodyBytes) {
                finish(new BodyTooLarge(0, maxBodyBytes, true));
                return;
            }
            const chunks = [];
            res.on('data', (chunk) => {
                if (settled)
                    return;
                received += chunk.length;
                if (received > maxBodyBytes) {
                    finish(new BodyTooLarge(received, maxBodyBytes, false));
                    return;
                }
                chunks.push(chunk);
            });
            res.on('end', () => {
                finish(undefined, {
                    status: status,
                    headers: answered,
                    bytes: Buffer.concat(chunks)
                });
            });
            res.on('error', (error) => {
                // Node reports a connection closed mid-body as ECONNRESET "aborted".
                finish(error.code === 'ECONNRESET' && error.message === 'aborted' ? new IncompleteBody() : error);
            });
            res.on('close', () => {
                if (!res.complete)
                    finish(new IncompleteBody());
            });
        });
        if (stop.aborted) {
            onStop();
            return;
        }
        req.end(body);
    });
}
/**
 * Sends one request node's HTTP request and reads its response.
 *
 * Never throws: every outcome is a value. Refusals (`INVALID_REQUEST`,
 * `SECRET_IN_URL`, `HTTP_CALL_LIMIT_EXCEEDED`) and a signal aborted before the
 * start send nothing and add no record; anything sent adds one record to
 * `options.calls`, redirects included in the same call.
 */
async function sendRequest(spec, options) {
    const now = options.now ?? Date.now;
    const begin = now();
    const since = (from) => Math.max(0, Math.round(now() - from));
    const refuse = (code, message) => ({
        kind: 'error',
        code,
        message,
        durationMs: since(begin)
    });
    // Build the request; nothing is sent until it is complete and allowed.
    const method = (typeof spec.method === 'string' ? spec.method.trim() : '').toUpperCase() || 'GET';
    if (!METHOD_TOKEN.test(method))
        return refuse('INVALID_REQUEST', `invalid HTTP method ${JSON.stringify(spec.method)}`);
    if (typeof spec.url !== 'string' || spec.url.trim() === '') {
        return refuse('INVALID_REQUEST', 'the request has no URL');
    }
    const urlText = appendQuery(spec.url.trim(), spec.query);
    const target = checkTarget(urlText, options.secrets, 'request');
    if (!('url' in target)) {
        return refuse(target.kind === 'secret' ? 'SECRET_IN_URL' : 'INVALID_REQUEST', target.message);
    }
    const url = target.url;
    const requestHeaders = {};
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
        const text = typeof value === 'string' ? value : String(value);
        try {
            external_node_http_default().validateHeaderName(name);
            external_node_http_default().validateHeaderValue(name, text);
        }
        catch {
            return refuse('INVALID_REQUEST', `invalid header ${JSON.stringify(name)}`);
        }
        requestHeaders[name] = text;
    }
    let encoded;
    try {
        encoded = encodeRequestBody(spec.body);
    }
    catch (error) {
        return refuse('INVALID_REQUEST', `the body cannot be sent: ${error.message}`);
    }
    if (encoded?.contentType !== undefined &&
        findHeader(requestHeaders, 'content-type') === undefined) {
        requestHeaders['Content-Type'] = encoded.contentType;
    }
    const timeoutMs = typeof spec.timeoutMs === 'number' && Number.isFinite(spec.timeoutMs) && spec.timeoutMs > 0
        ? spec.timeoutMs
        : DEFAULT_TIMEOUT_MS;
    const maxBodyBytes = options.maxBodyBytes !== undefined && options.maxBodyBytes >= 0
        ? options.maxBodyBytes
        : DEFAULT_MAX_BODY_BYTES;
    if (options.signal?.aborted === true)
        return { kind: 'cancelled', durationMs: since(begin) };
    const seq = options.calls.reserve();
    if (seq === undefined) {
        return refuse('HTTP_CALL_LIMIT_EXCEEDED', `the execution reached its limit of ${options.calls.limit} HTTP calls; this request was not sent`);
    }
    // Send, following redirects, under one deadline and one cancellation.
    const start = now();
    const record = {
        seq,
        node_id: options.nodeId,
        method,
        host: url.host,
        path_template: pathTemplate(options.urlTemplate, url),
        started_at: new Date(start).toISOString(),
        duration_ms: 0
    };
    const done = (fields) => {
        if (fields.status !== undefined)
            record.status_code = fields.status;
        const errorClass = fields.errorClass ??
            (fields.status !== undefined ? statusErrorClass(fields.status) : undefined);
        if (errorClass !== undefined)
            record.error_class = errorClass;
        if (fields.bytes !== undefined)
            record.response_bytes = fields.bytes;
        record.duration_ms = since(start);
        options.calls.add(record);
        return { ...record };
    };
    const controller = new AbortController();
    let stopped;
    const halt = (reason) => {
        if (stopped !== undefined)
            return;
        stopped = { reason };
        controller.abort();
    };
    const timer = setTimeout(() => halt('timeout'), timeoutMs);
    const onCancel = () => halt('cancelled');
    options.signal?.addEventListener('abort', onCancel, { once: true });
    let hopUrl = url;
    let hopMethod = method;
    let hopHeadersSent = { ...requestHeaders };
    let hopBody = encoded?.text;
    let redirects = 0;
    try {
        for (;;) {
            const headers = {};
            for (const [name, value] of Object.entries(hopHeadersSent)) {
                if (!FRAMING_HEADERS.has(name.toLowerCase()))
                    headers[name] = value;
            }
            if (findHeader(headers, 'user-agent') === undefined)
                headers['User-Agent'] = options.userAgent ?? DEFAULT_USER_AGENT;
            if (hopBody !== undefined)
                headers['Content-Length'] = String(Buffer.byteLength(hopBody));
            const hop = await sendHop(hopUrl, hopMethod, headers, hopBody, maxBodyBytes, controller.signal);
            if (hop.location === undefined) {
                const bytes = hop.bytes ?? Buffer.alloc(0);
                const contentType = hop.headers['Content-Type']?.[0];
                return {
                    kind: 'response',
                    status: hop.status,
                    headers: hop.headers,
                    bodyBytes: bytes,
                    body: parseResponseBody(bytes, contentType),
                    url: urlText,
                    finalUrl: hopUrl.href,
                    redirects,
                    method,
                    requestHeaders,
                    ...(encoded !== undefined ? { requestBody: encoded.text } : {}),
                    durationMs: since(start),
                    call: done({ status: hop.status, bytes: bytes.length })
                };
            }
            // A redirect: Go's rules (see docs/engine.md).
            const fail = (code, message) => ({
                kind: 'error',
                code,
                message,
                status: hop.status,
                durationMs: since(start),
                call: done({ status: hop.status })
            });
            if (redirects >= MAX_REDIRECTS) {
                return fail('REQUEST_FAILED', `stopped after ${MAX_REDIRECTS} redirects`);
            }
            let next;
            try {
                next = new URL(hop.location, hopUrl);
            }
            catch {
                return fail('REQUEST_FAILED', `failed to parse the Location header of a ${hop.status} redirect`);
            }
            if (next.protocol !== 'http:' && next.protocol !== 'https:') {
                return fail('REQUEST_FAILED', `a ${hop.status} redirect points to an unsupported scheme ${next.protocol}`);
            }
            if (urlContainsSecret(next.href, options.secrets)) {
                return fail('SECRET_IN_URL', `a ${hop.status} redirect would put a secret value in the URL; not followed`);
            }
            const keepBody = hop.status === 307 || hop.status === 308;
            if (!keepBody) {
                if (hopMethod !== 'GET' && hopMethod !== 'HEAD')
                    hopMethod = 'GET';
                hopBody = undefined;
            }
            const sameDomain = isSameOrSubdomain(next.hostname, hopUrl.hostname);
            const nextHeaders = {};
            for (const [name, value] of Object.entries(hopHeadersSent)) {
                const lower = name.toLowerCase();
                if (!sameDomain && SENSITIVE_HEADERS.has(lower))
                    continue;
                if (hopBody === undefined && lower === 'content-type')
                    continue;
                nextHeaders[name] = value;
            }
            if (next.hostname.toLowerCase() !== hopUrl.hostname.toLowerCase()) {
                const carried = [...Object.values(nextHeaders), hopBody ?? ''];
                const leaks = (options.secrets ?? []).some((secret) => secret !== '' && carried.some((text) => text.includes(secret)));
                if (leaks) {
                    return fail('SECRET_HOST_NOT_ALLOWED', `a ${hop.status} redirect to ${next.host} would send a secret value to another host; not followed`);
                }
            }
            hopUrl = next;
            hopHeadersSent = nextHeaders;
            redirects += 1;
        }
    }
    catch (error) {
        const status = error instanceof AfterStatus ? error.status : undefined;
        const received = error instanceof AfterStatus ? error.received : undefined;
        const cause = error instanceof AfterStatus ? error.failure : error;
        const withStatus = status !== undefined ? { status } : {};
        if (stopped?.reason === 'cancelled') {
            return {
                kind: 'cancelled',
                durationMs: since(start),
                call: done({ ...withStatus, bytes: received })
            };
        }
        if (stopped?.reason === 'timeout') {
            return {
                kind: 'error',
                code: 'REQUEST_TIMEOUT',
                message: `Request to ${hopUrl.host} timed out after ${timeoutMs} ms`,
                ...withStatus,
                durationMs: since(start),
                call: done({ ...withStatus, errorClass: 'timeout', bytes: received })
            };
        }
        if (cause instanceof BodyTooLarge) {
            const what = cause.declared
                ? `declares a body larger than the ${cause.limit}-byte limit`
                : `body passed the ${cause.limit}-byte limit; reading stopped`;
            return {
                kind: 'error',
                code: 'RESPONSE_TOO_LARGE',
                message: `the response from ${hopUrl.host} ${what}`,
                ...withStatus,
                durationMs: since(start),
                call: done({ ...withStatus, bytes: cause.received })
            };
        }
        if (cause instanceof IncompleteBody) {
            return {
                kind: 'error',
                code: 'REQUEST_FAILED',
                message: `Response from ${hopUrl.host} incomplete: ${cause.message}`,
                ...withStatus,
                durationMs: since(start),
                call: done({ ...withStatus, bytes: received })
            };
        }
        const classified = classifyTransportError(cause, hopUrl.host);
        return {
            kind: 'error',
            code: classified.code,
            message: classified.message,
            ...withStatus,
            durationMs: since(start),
            call: done({
                ...withStatus,
                ...(classified.errorClass ? { errorClass: classified.errorClass } : {}),
                bytes: received
            })
        };
    }
    finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onCancel);
    }
}

;// CONCATENATED MODULE: ./src/engine/nodes/request.ts
/**
 * request (docs/runner.md §3): one HTTP exchange. Any status is a successful node;
 * only transport errors (and failed assertions, in the engine's pass) fail it.
 * The response is the subject of the node's assertions and outputs.
 */





function toNumber(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
    return undefined;
}
const runRequest = async (context) => {
    const { node, resolve } = context;
    const data = node.data;
    const method = resolve(data.method ?? 'GET');
    const urlTemplate = typeof data.url === 'string' ? data.url : '';
    const url = resolve(data.url);
    const headers = headerValues(resolve(data.headers ?? {}));
    const rawQuery = field(data, 'query_params', 'queryParams');
    const query = rawQuery === undefined ? undefined : resolve(rawQuery);
    const body = data.body === undefined || data.body === null ? undefined : resolve(data.body);
    const outcome = await sendRequest({
        method: typeof method === 'string' ? method : String(method),
        url: typeof url === 'string' ? url : String(url),
        headers,
        query: (0,values/* isPlainObject */.Qd)(query) ? query : undefined,
        body,
        timeoutMs: toNumber(resolve(data.timeout))
    }, {
        nodeId: node.id,
        urlTemplate,
        signal: context.signal,
        maxBodyBytes: context.options.maxBodyBytes,
        secrets: context.secretValues(),
        calls: context.calls,
        now: () => context.clock.now(),
        userAgent: context.options.userAgent
    });
    if (outcome.kind === 'cancelled') {
        return { error: cancelledError(), fields: { duration_ms: outcome.durationMs } };
    }
    if (outcome.kind === 'error') {
        return {
            error: { code: outcome.code, message: outcome.message },
            fields: {
                request_method: typeof method === 'string' ? method.toUpperCase() || 'GET' : 'GET',
                request_url: typeof url === 'string' ? url : '',
                ...(outcome.status !== undefined ? { response_status_code: outcome.status } : {}),
                duration_ms: outcome.durationMs
            }
        };
    }
    return {
        fields: {
            request_method: outcome.method,
            request_url: outcome.url,
            request_headers: outcome.requestHeaders,
            ...(outcome.requestBody !== undefined ? { request_body: outcome.requestBody } : {}),
            response_status_code: outcome.status,
            response_headers: outcome.headers,
            response_body: outcome.bodyBytes,
            ...(outcome.body !== undefined ? { response_body_parsed: outcome.body } : {}),
            duration_ms: outcome.durationMs
        },
        subject: { statusCode: outcome.status, headers: outcome.headers, body: outcome.body }
    };
};

;// CONCATENATED MODULE: ./src/engine/nodes/set-variable.ts

const runSetVariable = async (context) => {
    const variables = context.node.data.variables;
    const resolved = context.resolve((0,values/* isPlainObject */.Qd)(variables) ? variables : {});
    return {
        intrinsic: { ...resolved },
        subject: { body: resolved },
        fields: { variables: resolved }
    };
};

// EXTERNAL MODULE: ./node_modules/eventsource-parser/dist/index.js
var dist = __webpack_require__(2309);
// EXTERNAL MODULE: ./src/core/clock.ts
var core_clock = __webpack_require__(2257);
;// CONCATENATED MODULE: ./src/engine/nodes/sse.ts
/**
 * sse (docs/runner.md §3): opens a `text/event-stream` and reads its events as they
 * arrive, running the node's assertions on each one, until a stop condition:
 * `max_events` (default 100), `completion_event` (an event whose type or raw
 * data equals it), an assertion failure (when `stop_on_assertion_failure`,
 * default true), the end of the stream (`eof`), or the `timeout_ms` deadline
 * (default 30000), which is a clean stop, not a failure.
 *
 * Each event's value is its `data`, parsed as JSON when it parses, else the
 * text (multi-line data joined with "\n"), as in Echopoint's runner: the
 * runner keeps the data only, so `$.status` reads the event's payload. The
 * events are the outputs `events`, `count` and `last`.
 *
 * Memory is bounded: a line longer than 1 MiB fails the node (Echopoint's
 * scanner limit), and so does a stream passing `maxBodyBytes` (default 10 MiB).
 * Differs from Echopoint's runner: it has no cap on the whole stream.
 *
 * Events are parsed by eventsource-parser, per the SSE spec.
 * Differs from Echopoint's runner: an event with an `event:` line but no
 * `data:` line is not an event (the spec; the reference dispatches it with
 * data ""), and a lone CR ends a line (the spec; the reference splits on LF).
 *
 * The stream is one HTTP call of the execution (budget, `http_calls` record).
 * It goes over node:http/https on a fresh connection, and redirects are NOT
 * followed: a 3xx is a non-2xx answer and fails the node.
 * Differs from Echopoint's runner: Go's client follows redirects; ours refuses
 * them, as a redirect would re-send the headers (often a token) elsewhere.
 */












const SSE_DEFAULT_MAX_EVENTS = 100;
const SSE_DEFAULT_TIMEOUT_MS = 30_000;
/** The longest line accepted, bytes (Echopoint's scanner buffer). */
const SSE_MAX_LINE_BYTES = 1024 * 1024;
const DEFAULT_MAX_STREAM_BYTES = 10 * 1024 * 1024;
const sse_MAX_HEADER_BYTES = 1024 * 1024;
const sse_DEFAULT_USER_AGENT = 'echopoint-ci';
function positiveInteger(value, fallback) {
    const n = (0,values/* toNumber */.Ro)(value);
    return n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}
function flag(value, fallback) {
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string') {
        const text = value.trim().toLowerCase();
        if (text === 'true')
            return true;
        if (text === 'false')
            return false;
    }
    return fallback;
}
/** An event's data: JSON when it parses, else the text (`""` stays `""`). */
function eventValue(data) {
    if (data === '')
        return '';
    try {
        return JSON.parse(data);
    }
    catch {
        return data;
    }
}
/**
 * Counts the bytes of the current line across chunks (CR, LF and CRLF end a
 * line) and says when one passes the cap, before the parser buffers it.
 */
class LineGuard {
    limit;
    #length = 0;
    constructor(limit) {
        this.limit = limit;
    }
    /** False when a line in `chunk` (or continued by it) is longer than the limit. */
    accept(chunk) {
        let start = 0;
        let nextCr = chunk.indexOf(13);
        let nextLf = chunk.indexOf(10);
        for (;;) {
            if (nextCr !== -1 && nextCr < start)
                nextCr = chunk.indexOf(13, start);
            if (nextLf !== -1 && nextLf < start)
                nextLf = chunk.indexOf(10, start);
            const end = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextCr, nextLf);
            if (end === -1) {
                this.#length += chunk.length - start;
                return this.#length <= this.limit;
            }
            this.#length += end - start;
            if (this.#length > this.limit)
                return false;
            this.#length = 0;
            start = end + 1;
        }
    }
}
function resolveExpected(assertions, resolve) {
    return assertions.map((a) => a.expected === undefined ? a : { ...a, expected: resolve(a.expected) });
}
const runSse = async (context) => {
    const { node, resolve, clock, signal, options } = context;
    const data = node.data;
    const began = clock.now();
    const since = (from) => Math.max(0, Math.round(clock.now() - from));
    // Configuration: templates resolved; a TemplateError fails the node before anything is sent.
    const methodValue = resolve(data.method ?? 'GET');
    const method = (typeof methodValue === 'string' ? methodValue.trim() : '').toUpperCase() || 'GET';
    const urlTemplate = typeof data.url === 'string' ? data.url : undefined;
    const urlValue = resolve(data.url);
    const urlText = typeof urlValue === 'string' ? urlValue.trim() : '';
    const givenHeaders = headerValues(resolve(data.headers ?? {}));
    const maxEvents = positiveInteger(resolve(field(data, 'max_events', 'maxEvents')), SSE_DEFAULT_MAX_EVENTS);
    const timeoutMs = positiveInteger(resolve(field(data, 'timeout_ms', 'timeoutMs')), SSE_DEFAULT_TIMEOUT_MS);
    const completionValue = resolve(field(data, 'completion_event', 'completionEvent'));
    const completionEvent = completionValue === undefined || completionValue === null || completionValue === ''
        ? undefined
        : (0,values/* toText */.fE)(completionValue);
    const stopOnFailure = flag(resolve(field(data, 'stop_on_assertion_failure', 'stopOnAssertionFailure')), true);
    const maxBytes = options.maxBodyBytes !== undefined && options.maxBodyBytes >= 0
        ? options.maxBodyBytes
        : DEFAULT_MAX_STREAM_BYTES;
    const events = [];
    const assertionResults = [];
    let stopReason;
    const fields = () => ({
        request_method: method,
        request_url: urlText,
        events,
        event_count: events.length,
        ...(stopReason !== undefined ? { stop_reason: stopReason } : {}),
        duration_ms: since(began)
    });
    const refuse = (code, message) => ({
        error: { code, message },
        fields: fields()
    });
    let assertions;
    try {
        assertions = parseAssertions(node.assertions);
    }
    catch (error) {
        return refuse('ASSERTION_FAILED', error.message);
    }
    // Expected values are resolved once for the whole stream.
    assertions = resolveExpected(assertions, (v) => resolve(v));
    if (!METHOD_TOKEN.test(method)) {
        return refuse('SSE_FAILED', `invalid HTTP method ${JSON.stringify(method)}`);
    }
    if (urlText === '')
        return refuse('SSE_FAILED', 'the SSE node has no URL');
    const target = checkTarget(urlText, context.secretValues(), 'SSE');
    if (!('url' in target)) {
        return refuse(target.kind === 'secret' ? 'SECRET_IN_URL' : 'SSE_FAILED', target.message);
    }
    const url = target.url;
    // Echopoint's runner sets these two, then the node's headers over them.
    const headers = {
        Accept: 'text/event-stream',
        'Cache-Control': 'no-cache'
    };
    for (const [name, value] of Object.entries(givenHeaders)) {
        try {
            external_node_http_default().validateHeaderName(name);
            external_node_http_default().validateHeaderValue(name, value);
        }
        catch {
            return refuse('SSE_FAILED', `invalid header ${JSON.stringify(name)}`);
        }
        for (const existing of Object.keys(headers)) {
            if (existing.toLowerCase() === name.toLowerCase())
                delete headers[existing];
        }
        headers[name] = value;
    }
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')) {
        headers['User-Agent'] = options.userAgent ?? sse_DEFAULT_USER_AGENT;
    }
    if (method !== 'GET' && method !== 'HEAD')
        headers['Content-Length'] = '0';
    if (signal.aborted)
        return { error: cancelledError(), fields: fields() };
    const seq = context.calls.reserve();
    if (seq === undefined) {
        return refuse('HTTP_CALL_LIMIT_EXCEEDED', `the execution reached its limit of ${context.calls.limit} HTTP calls; this stream was not opened`);
    }
    // The exchange.
    const start = clock.now();
    let status;
    let streamHeaders = {};
    let received = 0;
    const end = await new Promise((settle) => {
        let settled = false;
        let stop;
        const transport = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const req = transport.request(url, {
            method,
            headers,
            agent: false,
            maxHeaderSize: sse_MAX_HEADER_BYTES
        });
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
            req.destroy();
            settle(outcome);
        };
        const timer = setTimeout(() => finish({ kind: 'stop', reason: 'timeout' }), Math.min(timeoutMs, core_clock/* MAX_TIMER_MS */._o));
        const onAbort = () => finish({ kind: 'cancelled' });
        signal.addEventListener('abort', onAbort, { once: true });
        const onEvent = (message) => {
            if (stop !== undefined)
                return;
            const value = eventValue(message.data);
            events.push(value);
            const index = events.length - 1;
            if (assertions.length > 0) {
                // Differs from Echopoint's runner: the subject also carries the stream's
                // status and headers (the reference gives the event value alone).
                const subject = { statusCode: status, headers: streamHeaders, body: value };
                const run = runAssertions(assertions, subject);
                // As in Echopoint's runner, `index` carries the event's index.
                for (const result of run.results)
                    assertionResults.push({ ...result, index });
                if (!run.passed && stopOnFailure) {
                    stop = {
                        kind: 'stop',
                        reason: 'assertion_failure',
                        failure: `event ${index} ${run.message ?? 'an assertion failed'}`
                    };
                    return;
                }
            }
            if (completionEvent !== undefined &&
                (message.event === completionEvent || message.data === completionEvent)) {
                stop = { kind: 'stop', reason: 'completion_event' };
                return;
            }
            if (events.length >= maxEvents)
                stop = { kind: 'stop', reason: 'max_events' };
        };
        const parser = (0,dist/* createParser */.C)({ onEvent });
        const decoder = new TextDecoder('utf-8');
        const lines = new LineGuard(SSE_MAX_LINE_BYTES);
        req.on('error', (error) => {
            if (status === undefined)
                finish({ kind: 'transport', error });
            else
                finish({ kind: 'broken', message: `SSE stream read error: ${error.message}` });
        });
        req.on('response', (res) => {
            status = res.statusCode ?? 0;
            streamHeaders = responseHeaders(res);
            if (status < 200 || status >= 300) {
                finish({ kind: 'status' });
                return;
            }
            res.on('data', (chunk) => {
                if (settled)
                    return;
                received += chunk.length;
                if (received > maxBytes) {
                    finish({
                        kind: 'broken',
                        message: `the event stream from ${url.host} passed the ${maxBytes}-byte limit; reading stopped`
                    });
                    return;
                }
                if (!lines.accept(chunk)) {
                    finish({
                        kind: 'broken',
                        message: `the event stream from ${url.host} sent a line longer than ${SSE_MAX_LINE_BYTES} bytes; reading stopped`
                    });
                    return;
                }
                parser.feed(decoder.decode(chunk, { stream: true }));
                if (stop !== undefined)
                    finish(stop);
            });
            res.on('end', () => finish({ kind: 'stop', reason: 'eof' }));
            res.on('error', (error) => finish({ kind: 'broken', message: `SSE stream read error: ${error.message}` }));
            res.on('close', () => {
                if (!res.complete) {
                    finish({
                        kind: 'broken',
                        message: 'SSE stream read error: the connection closed mid-stream'
                    });
                }
            });
        });
        if (signal.aborted) {
            onAbort();
            return;
        }
        req.end();
    });
    // The call record.
    let errorClass;
    let error;
    switch (end.kind) {
        case 'stop':
            stopReason = end.reason;
            if (status === undefined)
                errorClass = 'timeout'; // the deadline passed before the answer
            if (end.failure !== undefined)
                error = { code: 'SSE_FAILED', message: end.failure };
            break;
        case 'status': {
            const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
            error = {
                code: 'SSE_FAILED',
                message: `SSE endpoint returned non-2xx status: ${status}${redirect}`
            };
            break;
        }
        case 'broken':
            stopReason = 'eof';
            error = { code: 'SSE_FAILED', message: end.message };
            break;
        case 'transport': {
            // Differs from Echopoint's runner: a transport failure has its own code
            // (CONNECTION_REFUSED, DNS_RESOLUTION_FAILED, …), as in the request node;
            // the reference reports every SSE failure as SSE_FAILED.
            const classified = classifyTransportError(end.error, url.host);
            errorClass = classified.errorClass;
            error = { code: classified.code, message: `SSE connection failed: ${classified.message}` };
            break;
        }
        case 'cancelled':
            error = cancelledError();
            break;
    }
    if (status !== undefined)
        errorClass ??= statusErrorClass(status);
    const record = {
        seq,
        node_id: node.id,
        method,
        host: url.host,
        path_template: pathTemplate(urlTemplate, url),
        ...(status !== undefined ? { status_code: status } : {}),
        ...(errorClass !== undefined ? { error_class: errorClass } : {}),
        started_at: new Date(start).toISOString(),
        duration_ms: since(start),
        ...(status !== undefined ? { response_bytes: received } : {})
    };
    context.calls.add(record);
    const opened = status !== undefined && status >= 200 && status < 300;
    const last = events.length > 0 ? events[events.length - 1] : null;
    // Differs from Echopoint's runner: a failed stream keeps the events it read
    // as outputs (an `always` step can look at them); the reference gives a
    // failed sse node no outputs.
    const intrinsic = opened || events.length > 0 ? { events, count: events.length, last } : undefined;
    const ranAssertions = assertions.length > 0 ? { assertionResults } : {};
    if (error !== undefined) {
        return {
            error,
            fields: fields(),
            ...(intrinsic ? { intrinsic } : {}),
            ...ranAssertions
        };
    }
    return {
        fields: fields(),
        intrinsic: { events, count: events.length, last },
        ...ranAssertions,
        // The assertions ran per event above. Declared outputs read the last event
        // (null when none came), with the stream's status and headers.
        subject: { statusCode: status, headers: streamHeaders, body: last }
    };
};

;// CONCATENATED MODULE: ./src/engine/nodes/webhook-wait.ts
/**
 * webhook_wait (docs/runner.md §3): waits for requests captured by Echopoint's
 * webhook ingest, read through `options.webhookRequests` (oldest first) every
 * `options.webhookPollMs` (default 250) ms on the run's clock, for at most
 * `timeout_ms` (default 30000). Reading captured requests is not an HTTP call
 * of the execution (no budget, no `http_calls` record).
 *
 * Each captured request is a subject: `body` is the body parsed as JSON, the
 * text when it is not JSON, `{}` when empty or null; `headers` (canonical
 * names, every value) for the `header` extractor; `query` (the request's
 * `query_params`) for `query_param`. A request is evaluated once, when first
 * seen (tracked by id).
 *
 * Two modes:
 * - without `expect`: the node's assertions (at least one) pick the first
 *   request passing them all; its `id, method, headers, query, body,
 *   received_at` are the outputs, and it is the subject of declared outputs.
 *   No match in time: WEBHOOK_WAIT_TIMEOUT.
 * - with `expect: [{name, min (1), max?, assertions}]`: each request, oldest
 *   first, goes to the first group whose assertions it passes that still needs
 *   events (fewer than `min`), else to the first group it passes, as an extra.
 *   The node's own assertions are a check every claimed request must pass.
 *   A group passes when min ≤ received ≤ max. The wait ends when every group
 *   passed and `settle_ms` more went by without breaking one, as soon as a
 *   group can no longer pass (too many events, a claimed request failing the
 *   node's checks), or at the deadline. Any group not passed:
 *   WEBHOOK_WAIT_EXPECTATIONS_FAILED. The result field and the output
 *   `expectations` say, per group, what arrived and what went wrong.
 *
 * Configuration errors (and no source of captured requests) fail the node with
 * WEBHOOK_WAIT_FAILED before anything is read.
 *
 * Differs from Echopoint's runner:
 * - with `expect`, the outputs are `expectations` and `received` (the reference
 *   gives `received` only), and `assertion_results` holds the node's checks on
 *   each claimed request;
 * - a failed read is retried until the deadline (the timeout message names
 *   the last failure); a source error with `fatal: true` ends the wait at once;
 * - the outputs `headers`, `query` and `received_at` are as the capture gave
 *   them (the reference rewrites `received_at` in UTC);
 * - a request is evaluated once, when first seen (the reference re-evaluates
 *   every request at each read; the verdicts are the same);
 * - the `body` extractor gives the parsed body; the newest reference matches
 *   `contains` on a request body against the received text.
 */






const WEBHOOK_WAIT_DEFAULT_TIMEOUT_MS = 30_000;
const WEBHOOK_WAIT_DEFAULT_POLL_MS = 250;
/** How many of the newest requests a timed-out wait shows (as Echopoint's runner). */
const RECENT_REQUESTS = 5;
const failed = (code, message, extra = {}) => ({
    error: { code, message },
    ...extra
});
function webhook_wait_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function valueList(value) {
    if (Array.isArray(value))
        return value.map((v) => (0,values/* toText */.fE)(v));
    if (value === undefined || value === null)
        return [];
    return [(0,values/* toText */.fE)(value)];
}
/** The body as assertions see it: JSON when it parses, else the text; `{}` when empty or null. */
function capturedBody(body) {
    if (body === undefined || body === null || body === '')
        return {};
    if (typeof body !== 'string')
        return body;
    try {
        return JSON.parse(body);
    }
    catch {
        return body;
    }
}
/** A captured request as the subject of assertions and outputs. */
function capturedSubject(request) {
    const headers = {};
    if ((0,values/* isPlainObject */.Qd)(request.headers)) {
        for (const [name, value] of Object.entries(request.headers)) {
            const key = canonicalHeaderName(name);
            headers[key] = [...(headers[key] ?? []), ...valueList(value)];
        }
    }
    const query = {};
    if ((0,values/* isPlainObject */.Qd)(request.query_params)) {
        for (const [name, value] of Object.entries(request.query_params)) {
            query[name] = [...(query[name] ?? []), ...valueList(value)];
        }
    }
    return { headers, query, body: capturedBody(request.body) };
}
/** The outputs of a matched request (and the items of `recent_requests`). */
function requestOutputs(seen) {
    const { request } = seen;
    return {
        id: seen.id,
        method: typeof request.method === 'string' ? request.method : '',
        headers: (0,values/* isPlainObject */.Qd)(request.headers) ? request.headers : {},
        query: (0,values/* isPlainObject */.Qd)(request.query_params) ? request.query_params : {},
        body: seen.subject.body,
        received_at: typeof request.received_at === 'string' ? request.received_at : ''
    };
}
function requestId(request) {
    if (typeof request.id === 'string' && request.id !== '')
        return request.id;
    if (typeof request.id === 'number')
        return String(request.id);
    // Without an id a request is known by its content.
    return `#${JSON.stringify(request)}`;
}
/** Resolves the expected values; the references without a value are collected, not thrown. */
function webhook_wait_resolveExpected(assertions, resolve, unresolved) {
    return assertions.map((assertion) => {
        if (assertion.expected === undefined)
            return assertion;
        try {
            return { ...assertion, expected: resolve(assertion.expected) };
        }
        catch (error) {
            if (!(error instanceof TemplateError))
                throw error;
            for (const u of error.unresolved)
                if (!unresolved.includes(u.ref))
                    unresolved.push(u.ref);
            return assertion;
        }
    });
}
/** How a check is named in `problem` and `closest`: what it reads, the operator, the value. */
function describeAssertion(assertion) {
    const { extractor } = assertion;
    const arg = extractor.label.startsWith(`${extractor.type} `)
        ? extractor.label.slice(extractor.type.length + 1)
        : '';
    let target = assertion.extractorName;
    if ((extractor.type === 'json_path' || extractor.type === 'header') && arg !== '')
        target = arg;
    else if (extractor.type === 'query_param' && arg !== '')
        target = `?${arg}`;
    const parts = [target, assertion.operatorName];
    if (assertion.expected !== undefined && assertion.expected !== null) {
        parts.push((0,values/* toText */.fE)(assertion.expected));
    }
    return parts.join(' ');
}
function passesAll(assertions, subject) {
    return runAssertions(assertions, subject).passed;
}
function firstFailing(assertions, subject) {
    for (const [index, assertion] of assertions.entries()) {
        if (!evaluateAssertion(assertion, subject, index).passed)
            return assertion;
    }
    return undefined;
}
/** The `expect` groups, checked; a string is the configuration error. */
function parseGroups(raw) {
    const groups = [];
    for (const [i, item] of raw.entries()) {
        if (!(0,values/* isPlainObject */.Qd)(item))
            return `expected event ${i + 1} must be an object`;
        const name = typeof item.name === 'string' ? item.name : '';
        if (name.trim() === '')
            return `expected event ${i + 1} has no name`;
        if (!Array.isArray(item.assertions) || item.assertions.length === 0) {
            return `expected event ${JSON.stringify(name)} has no assertion`;
        }
        const min = item.min === undefined || item.min === null ? 1 : (0,values/* toNumber */.Ro)(item.min);
        if (min === undefined || !Number.isInteger(min)) {
            return `expected event ${JSON.stringify(name)} has a min that is not a whole number`;
        }
        if (min < 0)
            return `expected event ${JSON.stringify(name)} has a negative min`;
        let max;
        if (item.max !== undefined && item.max !== null) {
            max = (0,values/* toNumber */.Ro)(item.max);
            if (max === undefined || !Number.isInteger(max)) {
                return `expected event ${JSON.stringify(name)} has a max that is not a whole number`;
            }
            if (max < min)
                return `expected event ${JSON.stringify(name)} has max below min`;
        }
        let assertions;
        try {
            assertions = parseAssertions(item.assertions);
        }
        catch (error) {
            return `expected event ${JSON.stringify(name)}: ${webhook_wait_messageOf(error)}`;
        }
        groups.push({ name, min, ...(max !== undefined ? { max } : {}), assertions, unresolved: [] });
    }
    return groups;
}
/** The run was stopped while reading. */
class CancelledRead extends Error {
    constructor() {
        super('the run was stopped');
    }
}
/** Reads captured requests, polling on the run's clock until `onRead` says the wait is over. */
class Poller {
    context;
    seen = [];
    #known = new Set();
    #reads = 0;
    lastFailure;
    began;
    deadline;
    pollMs;
    constructor(context, timeoutMs) {
        this.context = context;
        this.began = context.clock.now();
        this.deadline = this.began + timeoutMs;
        const poll = context.options.webhookPollMs;
        this.pollMs =
            poll !== undefined && Number.isFinite(poll) && poll > 0 ? poll : WEBHOOK_WAIT_DEFAULT_POLL_MS;
    }
    elapsed() {
        return Math.max(0, Math.round(this.context.clock.now() - this.began));
    }
    /**
     * Calls the source; the run's signal ends the call at once even when the
     * source does not heed it (a CancelledRead is thrown). The source bounds its
     * own reads (the in-job runner's HTTP timeout).
     */
    async #call() {
        const { signal } = this.context;
        const source = this.context.options.webhookRequests;
        if (signal.aborted)
            throw new CancelledRead();
        let onAbort;
        const aborted = new Promise((_, reject) => {
            onAbort = () => reject(new CancelledRead());
            signal.addEventListener('abort', onAbort, { once: true });
        });
        aborted.catch(() => undefined);
        try {
            return await Promise.race([source(signal), aborted]);
        }
        finally {
            signal.removeEventListener('abort', onAbort);
        }
    }
    /** One read: the new requests, in the source's order, or why the read failed. */
    async read() {
        let result;
        try {
            const requests = await this.#call();
            result = Array.isArray(requests)
                ? { ok: true, requests: requests }
                : { ok: false, message: 'the source of captured requests gave no list' };
        }
        catch (error) {
            if (error instanceof CancelledRead || this.context.signal.aborted)
                throw new CancelledRead();
            // A source may mark an error that waiting cannot fix (`fatal: true`).
            if (typeof error === 'object' &&
                error !== null &&
                error.fatal === true) {
                this.lastFailure = webhook_wait_messageOf(error);
                return 'fatal';
            }
            result = { ok: false, message: webhook_wait_messageOf(error) };
        }
        if (this.context.signal.aborted)
            throw new CancelledRead();
        if (!result.ok) {
            this.lastFailure = result.message;
            return { failure: result.message };
        }
        this.lastFailure = undefined;
        const arrivedAfterMs = this.#reads === 0 ? 0 : this.elapsed();
        this.#reads += 1;
        const fresh = [];
        for (const request of result.requests) {
            if (!(0,values/* isPlainObject */.Qd)(request))
                continue;
            const id = requestId(request);
            if (this.#known.has(id))
                continue;
            this.#known.add(id);
            const seen = { id, request, subject: capturedSubject(request), arrivedAfterMs };
            this.seen.push(seen);
            fresh.push(seen);
        }
        return { fresh };
    }
    /** Sleeps until the next read; false when the deadline has passed. Throws when cancelled. */
    async next() {
        const left = this.deadline - this.context.clock.now();
        if (left <= 0)
            return false;
        await this.context.clock.sleep(Math.min(this.pollMs, left), this.context.signal);
        return true;
    }
    /** The newest requests, for a wait that found nothing. */
    recent() {
        return this.seen.slice(-RECENT_REQUESTS).map(requestOutputs);
    }
}
function readFailureNote(poller) {
    return poller.lastFailure !== undefined
        ? `; the last read of captured requests failed: ${poller.lastFailure}`
        : '';
}
async function waitForMatch(context, poller, assertions, timeoutMs) {
    let lastResults;
    for (;;) {
        const read = await poller.read();
        if (read === 'fatal') {
            return failed('WEBHOOK_WAIT_FAILED', `reading captured requests failed: ${poller.lastFailure}`);
        }
        if ('fresh' in read) {
            for (const seen of read.fresh) {
                const run = runAssertions(assertions, seen.subject);
                lastResults = run.results;
                if (run.passed) {
                    const outputs = requestOutputs(seen);
                    return {
                        fields: { duration_ms: poller.elapsed() },
                        intrinsic: outputs,
                        assertionResults: run.results,
                        // The node's assertions ran here; declared outputs read the matched request.
                        subject: seen.subject
                    };
                }
            }
        }
        if (!(await poller.next())) {
            const count = poller.seen.length;
            return failed('WEBHOOK_WAIT_TIMEOUT', `webhook wait timed out without a matching request after ${timeoutMs} ms ` +
                `(${count} request${count === 1 ? '' : 's'} received, none passed the assertions)` +
                readFailureNote(poller), {
                fields: { duration_ms: poller.elapsed(), recent_requests: poller.recent() },
                ...(lastResults ? { assertionResults: lastResults } : {})
            });
        }
    }
}
/** Judges every group over the requests seen so far (see the file's header). */
class Expectations {
    groups;
    nodeAssertions;
    /** Per request id: which groups' assertions it passes (group index → boolean). */
    #passes = new Map();
    /** Per request id: the first node assertion it fails (null: none). */
    #nodeCheck = new Map();
    /** Per request id and group: the closest-event checks, computed when first needed. */
    #checks = new Map();
    constructor(groups, nodeAssertions) {
        this.groups = groups;
        this.nodeAssertions = nodeAssertions;
    }
    /** Evaluates a request once, when first seen. */
    observe(seen) {
        this.#passes.set(seen.id, this.groups.map((g) => g.unresolved.length === 0 && passesAll(g.assertions, seen.subject)));
    }
    #nodeFailure(seen) {
        let known = this.#nodeCheck.get(seen.id);
        if (known === undefined) {
            known = firstFailing(this.nodeAssertions, seen.subject) ?? null;
            this.#nodeCheck.set(seen.id, known);
        }
        return known ?? undefined;
    }
    #checkEach(seen, groupIndex) {
        const key = `${groupIndex}\u0000${seen.id}`;
        let known = this.#checks.get(key);
        if (known === undefined) {
            let passed = 0;
            const checks = this.groups[groupIndex].assertions.map((assertion, i) => {
                const result = evaluateAssertion(assertion, seen.subject, i);
                const check = {
                    label: describeAssertion(assertion),
                    passed: result.passed
                };
                if (result.passed)
                    passed += 1;
                else {
                    if (result.expected !== null && result.expected !== undefined)
                        check.expected = result.expected;
                    if (result.actual !== null && result.actual !== undefined)
                        check.actual = result.actual;
                }
                return check;
            });
            known = { checks, passed };
            this.#checks.set(key, known);
        }
        return known;
    }
    /** The outcomes, and whether all passed (`met`), one can no longer pass (`broken`), or neither. */
    judge(seen) {
        const claims = this.groups.map(() => []);
        const claimedBy = new Map();
        for (const request of seen) {
            const passes = this.#passes.get(request.id) ?? [];
            let chosen = -1;
            for (const [g, group] of this.groups.entries()) {
                if (!passes[g])
                    continue;
                if (claims[g].length < group.min) {
                    chosen = g;
                    break;
                }
                if (chosen < 0)
                    chosen = g;
            }
            if (chosen >= 0) {
                claims[chosen].push(request);
                claimedBy.set(request.id, chosen);
            }
        }
        let verdict = 'met';
        const outcomes = this.groups.map((group, g) => {
            const claimed = claims[g];
            const outcome = {
                name: group.name,
                received: claimed.length,
                passed: false,
                request_ids: claimed.map((s) => s.id)
            };
            if (claimed.length > 0 && claimed[0].arrivedAfterMs > 0) {
                outcome.arrived_after_ms = claimed[0].arrivedAfterMs;
            }
            let broken = false;
            if (group.unresolved.length > 0) {
                outcome.problem = `not evaluated: no value for {{${group.unresolved[0]}}}`;
            }
            else if (group.max !== undefined && claimed.length > group.max) {
                outcome.problem = `${claimed.length} arrived`;
                broken = true;
            }
            else {
                for (const request of claimed) {
                    const failing = this.#nodeFailure(request);
                    if (failing !== undefined) {
                        outcome.problem = `${describeAssertion(failing)} failed on ${request.id}`;
                        broken = true;
                        break;
                    }
                }
                if (!broken) {
                    if (claimed.length === 0 && group.min > 0)
                        outcome.problem = 'missing';
                    else if (claimed.length < group.min)
                        outcome.problem = `${claimed.length} of ${group.min}`;
                    else
                        outcome.passed = true;
                }
            }
            const evaluated = group.unresolved.length === 0;
            if (evaluated && !outcome.passed && claimed.length < group.min) {
                const closest = this.#closest(g, seen, claimedBy);
                if (closest)
                    outcome.closest = closest;
            }
            if (broken)
                verdict = 'broken';
            else if (evaluated && !outcome.passed && verdict === 'met')
                verdict = 'pending';
            return outcome;
        });
        return { outcomes, verdict };
    }
    #closest(groupIndex, seen, claimedBy) {
        let best;
        let bestPassed = 0;
        for (const request of seen) {
            const { checks, passed } = this.#checkEach(request, groupIndex);
            if (passed > bestPassed) {
                best = { seen: request, checks };
                bestPassed = passed;
            }
        }
        if (best === undefined)
            return undefined;
        const owner = claimedBy.get(best.seen.id);
        return {
            request_id: best.seen.id,
            ...(owner !== undefined ? { claimed_by: this.groups[owner].name } : {}),
            checks: best.checks
        };
    }
    /** The node assertions over each claimed request, for `assertion_results`. */
    nodeResults(outcomes, seen) {
        const byId = new Map(seen.map((s) => [s.id, s]));
        const results = [];
        for (const outcome of outcomes) {
            for (const id of outcome.request_ids) {
                const request = byId.get(id);
                if (request)
                    results.push(...runAssertions(this.nodeAssertions, request.subject).results);
            }
        }
        return results;
    }
}
async function waitForExpectations(context, poller, groups, nodeAssertions, settleMs) {
    const judge = new Expectations(groups, nodeAssertions);
    let outcomes;
    let settleUntil;
    for (;;) {
        const read = await poller.read();
        if (read === 'fatal') {
            outcomes ??= judge.judge(poller.seen).outcomes;
            return failed('WEBHOOK_WAIT_FAILED', `reading captured requests failed: ${poller.lastFailure}`, {
                fields: { duration_ms: poller.elapsed(), expectations: outcomes }
            });
        }
        let over = false;
        if ('fresh' in read) {
            for (const seen of read.fresh)
                judge.observe(seen);
            const judged = judge.judge(poller.seen);
            outcomes = judged.outcomes;
            if (judged.verdict === 'broken')
                over = true;
            else if (judged.verdict === 'met') {
                settleUntil ??= context.clock.now() + settleMs;
                over = context.clock.now() >= settleUntil;
            }
        }
        if (over || !(await poller.next()))
            break;
    }
    outcomes ??= judge.judge(poller.seen).outcomes;
    const received = outcomes.reduce((sum, o) => sum + o.received, 0);
    const summary = { expectations: outcomes, received };
    const ranAssertions = nodeAssertions.length > 0 ? { assertionResults: judge.nodeResults(outcomes, poller.seen) } : {};
    const notPassed = outcomes.filter((o) => !o.passed).length;
    const fields = { duration_ms: poller.elapsed(), expectations: outcomes };
    if (notPassed > 0) {
        return failed('WEBHOOK_WAIT_EXPECTATIONS_FAILED', `${notPassed} of ${outcomes.length} expected events failed` + readFailureNote(poller), { fields, intrinsic: summary, ...ranAssertions });
    }
    return {
        fields,
        intrinsic: summary,
        ...ranAssertions,
        // The node's assertions were judged per request above. Declared outputs
        // read `{expectations, received}` (`$.expectations[0].request_ids[0]`).
        subject: { body: summary }
    };
}
const runWebhookWait = async (context) => {
    const { node, resolve, signal } = context;
    const data = node.data;
    const timeoutValue = (0,values/* toNumber */.Ro)(resolve(field(data, 'timeout_ms', 'timeoutMs')));
    const timeoutMs = timeoutValue !== undefined && Number.isFinite(timeoutValue) && timeoutValue > 0
        ? timeoutValue
        : WEBHOOK_WAIT_DEFAULT_TIMEOUT_MS;
    const settleValue = (0,values/* toNumber */.Ro)(resolve(field(data, 'settle_ms', 'settleMs')));
    const settleMs = settleValue !== undefined && Number.isFinite(settleValue) && settleValue > 0 ? settleValue : 0;
    const expect = data.expect;
    if (expect !== undefined && expect !== null && !Array.isArray(expect)) {
        return failed('WEBHOOK_WAIT_FAILED', 'data.expect must be a list of expected events');
    }
    // As in Echopoint's runner, an empty `expect` is no `expect`.
    const expectMode = Array.isArray(expect) && expect.length > 0;
    let nodeAssertions;
    try {
        nodeAssertions = parseAssertions(node.assertions);
    }
    catch (error) {
        return failed('WEBHOOK_WAIT_FAILED', webhook_wait_messageOf(error));
    }
    let groups = [];
    if (expectMode) {
        const parsed = parseGroups(expect);
        if (typeof parsed === 'string')
            return failed('WEBHOOK_WAIT_FAILED', parsed);
        groups = parsed;
    }
    else if (nodeAssertions.length === 0) {
        return failed('WEBHOOK_WAIT_FAILED', 'webhook wait requires at least one assertion (a request passing them all ends the wait)');
    }
    if (context.options.webhookRequests === undefined) {
        return failed('WEBHOOK_WAIT_FAILED', 'no source of captured webhook requests: webhook_wait runs only in the in-job runner, ' +
            'which reads the requests Echopoint captured for this run');
    }
    // Expected values are resolved once, before the wait.
    const nodeUnresolved = [];
    nodeAssertions = webhook_wait_resolveExpected(nodeAssertions, (v) => resolve(v), nodeUnresolved);
    if (!expectMode && nodeUnresolved.length > 0) {
        return failed('ASSERTION_FAILED', `webhook wait assertion references {{${nodeUnresolved[0]}}}, which has no value`);
    }
    for (const group of groups) {
        group.assertions = webhook_wait_resolveExpected(group.assertions, (v) => resolve(v), group.unresolved);
        for (const ref of nodeUnresolved)
            if (!group.unresolved.includes(ref))
                group.unresolved.push(ref);
    }
    if (signal.aborted)
        return { error: cancelledError() };
    const poller = new Poller(context, timeoutMs);
    try {
        return expectMode
            ? await waitForExpectations(context, poller, groups, nodeAssertions, settleMs)
            : await waitForMatch(context, poller, nodeAssertions, timeoutMs);
    }
    catch (error) {
        if (signal.aborted)
            return { error: cancelledError(), fields: { duration_ms: poller.elapsed() } };
        throw error;
    }
};

;// CONCATENATED MODULE: ./src/engine/nodes/registry.ts










const NODE_RUNNERS = {
    request: runRequest,
    delay: runDelay,
    set_variable: runSetVariable,
    assert: runAssert,
    branch: runBranch,
    loop: runLoop,
    poll: runPoll,
    module: runModule,
    sse: runSse,
    webhook_wait: runWebhookWait
};

;// CONCATENATED MODULE: ./src/engine/secrets.ts
/**
 * The secret values of a run (the inputs named in `secret_input_keys`, and a
 * module's child flow's): nodes get the real values, everything that leaves the
 * engine gets `***` in their place (docs/runner.md §5): node results, events, the
 * completion result, error messages, logs, reports. A secret is found as written,
 * and also where a writer has transformed it: JSON-escaped (inside a JSON string),
 * URL-encoded (in a query), or inside a response body that is kept as base64
 * (redacted in the bytes, before the encoding).
 *
 * Values are stringified (numbers and booleans as JSON writes them); the longest
 * is replaced first, so a secret that contains another is hidden whole. Empty
 * values hide nothing.
 */
const MASK = '***';
/** The forms in which `secret` may appear in text. */
function formsOf(secret) {
    const forms = new Set([secret]);
    const json = JSON.stringify(secret).slice(1, -1);
    forms.add(json);
    // Go's encoding/json (and other HTML-safe encoders) also escape <, > and &,
    // and U+2028/U+2029: a service written in Go echoes a secret in that form.
    forms.add(json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    forms.add(encodeURIComponent(secret));
    forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
    return [...forms].filter((f) => f !== '');
}
function stringify(value) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value);
}
class Secrets {
    values;
    /** Every form of every secret, longest first. */
    forms;
    /** The same, as latin1 strings of their UTF-8 bytes (for redacting raw bodies). */
    byteForms;
    constructor(values = []) {
        this.values = values;
        const all = new Set();
        for (const value of values) {
            const text = stringify(value);
            if (text === undefined || text === '')
                continue;
            for (const form of formsOf(text))
                all.add(form);
        }
        this.forms = [...all].sort((a, b) => b.length - a.length);
        this.byteForms = this.forms.map((f) => Buffer.from(f, 'utf8').toString('latin1'));
    }
    /** True when there is nothing to hide. */
    get empty() {
        return this.forms.length === 0;
    }
    /** A set with these secrets and `more` (a module's child flow adds its own). */
    with(more) {
        return new Secrets([...this.values, ...more]);
    }
    /** Whether `text` holds any secret, in any form. */
    foundIn(text) {
        return this.forms.some((form) => text.includes(form));
    }
    /** `text` with every secret replaced by `***`. */
    redactText(text) {
        let out = text;
        for (const form of this.forms)
            if (out.includes(form))
                out = out.split(form).join(MASK);
        return out;
    }
    /** Raw bytes (a response body kept as base64) with every secret replaced by `***`. */
    redactBytes(bytes) {
        if (this.empty || bytes.length === 0)
            return bytes;
        let text = bytes.toString('latin1');
        let changed = false;
        for (const form of this.byteForms) {
            if (text.includes(form)) {
                text = text.split(form).join(MASK);
                changed = true;
            }
        }
        return changed ? Buffer.from(text, 'latin1') : bytes;
    }
    /** A copy of a JSON-like value with every string (object keys too) redacted. */
    redact(value) {
        if (this.empty)
            return value;
        return this.walk(value);
    }
    walk(value) {
        if (typeof value === 'string')
            return this.redactText(value);
        if (Buffer.isBuffer(value))
            return this.redactBytes(value);
        if (value === null || typeof value !== 'object')
            return value;
        if (Array.isArray(value))
            return value.map((v) => this.walk(v));
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[this.redactText(k)] = this.walk(v);
        return out;
    }
}

;// CONCATENATED MODULE: ./src/engine/run/node-pass.ts
/**
 * The part of running a node that is the same for every type (docs/runner.md §4):
 * the node's assertions over what the type produced, stopping at the first
 * failure; then its declared outputs; and on an assertion failure, the outputs
 * that can still be extracted, so an `always` cleanup can use them (a failed
 * create can still be deleted).
 */


function node_pass_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Extracts each declared output; `strict` stops at the first that cannot be. */
function extractOutputs(node, subject, strict) {
    const outputs = {};
    for (const output of node.outputs) {
        try {
            outputs[output.name] = parseExtractor(output.extractor).extract(subject) ?? null;
        }
        catch (error) {
            if (strict) {
                return {
                    outputs,
                    error: {
                        code: 'OUTPUT_EXTRACTION_FAILED',
                        message: `output ${JSON.stringify(output.name)}: ${node_pass_messageOf(error)}`
                    }
                };
            }
        }
    }
    return { outputs };
}
/**
 * Runs the node's assertions (unless the type ran them itself) and extracts its
 * outputs over the outcome's subject. `resolve` templates the expected values.
 */
function assertAndExtract(node, outcome, resolve) {
    const intrinsic = { ...(outcome.intrinsic ?? {}) };
    if (outcome.error) {
        return { outputs: intrinsic, assertionResults: outcome.assertionResults, error: outcome.error };
    }
    const subject = outcome.subject;
    if (subject === undefined)
        return { outputs: intrinsic, assertionResults: outcome.assertionResults };
    let assertionResults = outcome.assertionResults;
    if (assertionResults === undefined && node.assertions.length > 0) {
        let assertions;
        try {
            assertions = parseAssertions(node.assertions);
        }
        catch (error) {
            return { outputs: intrinsic, error: { code: 'ASSERTION_FAILED', message: node_pass_messageOf(error) } };
        }
        const run = runAssertions(assertions, subject, { resolve });
        assertionResults = run.results;
        if (!run.passed) {
            const available = extractOutputs(node, subject, false).outputs;
            return {
                outputs: { ...intrinsic, ...available },
                assertionResults,
                error: { code: 'ASSERTION_FAILED', message: run.message ?? 'an assertion failed' }
            };
        }
    }
    const extracted = extractOutputs(node, subject, true);
    return {
        outputs: { ...intrinsic, ...extracted.outputs },
        assertionResults,
        ...(extracted.error ? { error: extracted.error } : {})
    };
}

;// CONCATENATED MODULE: ./src/engine/run/wire.ts
/**
 * The last step before a value leaves the engine: raw bytes (a response body
 * kept as received) become base64, as Echopoint's runner sends them
 * (`response_body`). Redaction happens before, on the bytes themselves.
 */
function toWire(value) {
    if (Buffer.isBuffer(value))
        return value.toString('base64');
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value))
        return value.map(toWire);
    const out = {};
    for (const [key, item] of Object.entries(value))
        out[key] = toWire(item);
    return out;
}

;// CONCATENATED MODULE: ./src/engine/run/execute.ts
/**
 * Runs a flow (docs/runner.md §5), with the newest semantics of Echopoint's runner:
 *
 * - a node starts as soon as all its predecessors have finished (no batches),
 *   in `nodes` order when several become ready together, and sees the outputs
 *   finished at its start; independent branches run concurrently;
 * - a failed node skips what is downstream of it (`dependency_failed`, the
 *   cause named), every other branch goes on;
 * - a branch routes away from the successors it did not choose
 *   (`routed_away_by_branch`); what is reachable only through them is skipped
 *   too (`not_reachable_after_main_phase`, or `dependency_skipped` when it reads
 *   a skipped node's output);
 * - then the `always` nodes run, even after a failure; one whose inputs are
 *   missing is skipped (`missing_inputs`, or the failed or skipped step that
 *   should have produced them); an `on_success` node placed after an `always`
 *   node runs after it when its own predecessors succeeded;
 * - any node error, in an `always` node too, makes the flow fail.
 *
 * Cancellation (the signal) stops the run promptly: nothing new starts, the
 * running nodes end as cancelled, and the result holds what finished.
 */











const SKIP_REASONS = {
    dependencyFailed: 'dependency_failed',
    dependencySkipped: 'dependency_skipped',
    missingInputs: 'missing_inputs',
    notReachable: 'not_reachable_after_main_phase',
    routedAway: 'routed_away_by_branch'
};
function iso(ms) {
    return new Date(ms).toISOString();
}
function execute_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** The result of a node that did not run (skipped, or failed before it started); the caller adds why. */
function notRunResult(node, at) {
    return {
        node_id: node.id,
        display_name: node.displayName,
        node_type: node.type,
        run_when: node.runWhen,
        inputs: {},
        outputs: {},
        executed_at: iso(at),
        duration_ms: 0
    };
}
/** Calls an observer; what it throws is not the run's business. */
function tell(call) {
    try {
        call();
    }
    catch {
        // An observer's failure must not stop or hang the run.
    }
}
/** The value references of a node (its data without nested bodies, and its assertions). */
function valueReferences(node) {
    const refs = new Set();
    const nested = node.type === 'loop' || node.type === 'poll';
    for (const [key, value] of Object.entries(node.data)) {
        if (nested && key === 'body')
            continue;
        for (const r of listReferences(value))
            if (r.kind === 'value')
                refs.add(r.ref);
    }
    for (const r of listReferences(node.assertions))
        if (r.kind === 'value')
            refs.add(r.ref);
    return [...refs];
}
/**
 * Runs one flow with the given (effective) inputs. The result is raw: values
 * unredacted, response bodies as bytes. runFlow finishes it for the outside.
 */
async function execute(flow, inputs, run, frame) {
    const began = run.clock.now();
    const graph = new FlowGraph(flow);
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    const remaining = new Map(flow.nodes.map((n) => [n.id, graph.predecessors(n.id).length]));
    const failed = new Set();
    const skipped = new Set();
    /** A failed node, and each node skipped because of it → the failed step's name. */
    const failureCause = new Map();
    /** Branch → the successors it routed away from. */
    const deadEdges = new Map();
    const outputs = new Map();
    const results = {};
    const finalOutputs = {};
    let firstError;
    const inFlight = new Set();
    const done = [];
    let wake;
    const nameOf = (id) => byId.get(id)?.displayName || id;
    // The data references of each node (`node.output`), read as validation reads them.
    const dataRefsCache = new Map();
    const dataRefs = (node) => {
        let refs = dataRefsCache.get(node.id);
        if (refs)
            return refs;
        refs = [];
        for (const ref of valueReferences(node)) {
            const root = findReferenceRoot(ref, {
                input: (name) => (0,values/* hasOwn */.$3)(inputs, name),
                output: (id, key) => {
                    const source = byId.get(id);
                    return (source !== undefined &&
                        (source.outputs.some((o) => o.name === key) || intrinsicOutputs(source).includes(key)));
                }
            });
            if (root?.source === 'output') {
                refs.push({ ref: `${root.nodeId}.${root.key}`, nodeId: root.nodeId, key: root.key });
            }
        }
        dataRefsCache.set(node.id, refs);
        return refs;
    };
    const missingInputs = (node) => [
        ...new Set(dataRefs(node)
            .filter((r) => {
            const produced = outputs.get(r.nodeId);
            return produced === undefined || !(0,values/* hasOwn */.$3)(produced, r.key);
        })
            .map((r) => r.ref))
    ].sort();
    const markComplete = (id) => {
        for (const successor of graph.successors(id)) {
            remaining.set(successor, (remaining.get(successor) ?? 1) - 1);
        }
        remaining.delete(id);
    };
    const propagate = (id, produced) => {
        outputs.set(id, produced);
        for (const [key, value] of Object.entries(produced))
            finalOutputs[`${id}.${key}`] = value;
    };
    const markFailed = (node, error) => {
        firstError ??= { node, error };
        failed.add(node.id);
        failureCause.set(node.id, nameOf(node.id));
    };
    const tellFinished = (finished, startedAt) => {
        if (!frame.observe || !run.options.observer?.nodeFinished)
            return;
        const observer = run.options.observer;
        tell(() => observer.nodeFinished?.({
            nodeId: finished.node.id,
            displayName: finished.node.displayName,
            nodeType: finished.node.type,
            startedAt,
            finishedAt: Date.parse(finished.result.executed_at),
            result: finish(finished.result, run)
        }));
    };
    // Why a node is skipped, named as Echopoint's runner names it.
    const routedAwayBy = (node) => {
        let by;
        for (const p of graph.predecessors(node.id)) {
            if (failed.has(p))
                return undefined;
            if (deadEdges.get(p)?.has(node.id))
                by ??= nameOf(p);
            else if (!skipped.has(p))
                return undefined;
        }
        return by;
    };
    const describeSkip = (node) => {
        const missing = missingInputs(node);
        const branch = routedAwayBy(node);
        if (branch !== undefined) {
            return {
                reason: SKIP_REASONS.routedAway,
                message: `Skipped because branch ${JSON.stringify(branch)} routed execution down a different path`,
                missing
            };
        }
        let failedDep;
        let skippedDep;
        for (const ref of missing) {
            const source = ref.slice(0, ref.indexOf('.'));
            const cause = failureCause.get(source);
            if (cause !== undefined)
                failedDep ??= cause;
            else if (skipped.has(source))
                skippedDep ??= nameOf(source);
        }
        const own = failureCause.get(node.id);
        if (failedDep !== undefined || (missing.length === 0 && own !== undefined)) {
            return {
                reason: SKIP_REASONS.dependencyFailed,
                message: `Skipped because step ${JSON.stringify(failedDep ?? own)} failed`,
                missing
            };
        }
        if (skippedDep !== undefined) {
            return {
                reason: SKIP_REASONS.dependencySkipped,
                message: `Skipped because step ${JSON.stringify(skippedDep)} was skipped`,
                missing
            };
        }
        if (missing.length > 0) {
            return {
                reason: SKIP_REASONS.missingInputs,
                message: `Skipped because required inputs were unavailable: [${missing.join(' ')}]`,
                missing
            };
        }
        return {
            reason: SKIP_REASONS.notReachable,
            message: 'Skipped because the node could not be reached after the main phase finished',
            missing
        };
    };
    const recordSkipped = (node) => {
        const at = run.clock.now();
        const why = describeSkip(node);
        const result = {
            ...notRunResult(node, at),
            error_code: 'NODE_SKIPPED',
            error_message: why.message,
            skip_reason: why.reason,
            ...(why.missing.length > 0 ? { missing_inputs: why.missing } : {})
        };
        results[node.id] = result;
        skipped.add(node.id);
        tellFinished({ node, result }, at);
        markComplete(node.id);
    };
    const recordFinished = (finished) => {
        const { node, result, error } = finished;
        results[node.id] = result;
        if (error)
            markFailed(node, error);
        propagate(node.id, result.outputs);
        if (!error && finished.routedTargets && node.runWhen === 'on_success') {
            const taken = new Set(finished.routedTargets);
            for (const successor of graph.successors(node.id)) {
                if (taken.has(successor))
                    continue;
                if (!deadEdges.has(node.id))
                    deadEdges.set(node.id, new Set());
                deadEdges.get(node.id).add(successor);
            }
        }
        markComplete(node.id);
    };
    // Running one node: never rejects.
    const runNode = async (node) => {
        const startedAt = run.clock.now();
        const scope = {
            inputs,
            outputs: ((snapshot) => (id) => snapshot.get(id))(new Map(outputs)),
            generators: frame.generators.fork(node.id)
        };
        const resolve = (value, options) => resolveValue(value, scope, options);
        if (frame.observe) {
            tell(() => run.options.observer?.nodeStarted?.({
                nodeId: node.id,
                displayName: node.displayName,
                nodeType: node.type,
                at: startedAt
            }));
        }
        const context = {
            node,
            scope,
            resolve,
            signal: run.signal,
            clock: run.clock,
            calls: run.calls,
            secretValues: () => run.secretValues.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
            options: run.options,
            moduleStack: frame.moduleStack,
            generators: scope.generators,
            runChild: (child, childInputs, label, extra) => {
                if (extra?.secretValues && extra.secretValues.length > 0) {
                    run.secretValues.push(...extra.secretValues);
                    run.secrets = new Secrets(run.secretValues);
                }
                return execute(child, childInputs, run, {
                    generators: scope.generators.fork(label),
                    moduleStack: extra?.moduleId ? [...frame.moduleStack, extra.moduleId] : frame.moduleStack,
                    observe: false
                });
            }
        };
        let outcome;
        try {
            const runner = run.runners[node.type];
            outcome = runner
                ? await runner(context)
                : { error: { code: 'UNSUPPORTED_NODE_TYPE', message: `no runner for ${node.type}` } };
        }
        catch (error) {
            outcome = {
                error: error instanceof TemplateError
                    ? { code: 'TEMPLATE_RESOLUTION_FAILED', message: error.message }
                    : { code: 'NODE_EXECUTION_FAILED', message: execute_messageOf(error) }
            };
        }
        if (run.signal.aborted && !outcome.error) {
            outcome = { ...outcome, error: cancelledError() };
        }
        let pass;
        try {
            pass = assertAndExtract(node, outcome, (value) => resolve(value));
        }
        catch (error) {
            pass = { outputs: {}, error: { code: 'NODE_EXECUTION_FAILED', message: execute_messageOf(error) } };
        }
        const finishedAt = run.clock.now();
        const used = {};
        for (const ref of valueReferences(node)) {
            const found = lookupReference(ref, scope);
            if (found.ok)
                used[ref] = found.value;
        }
        const result = {
            node_id: node.id,
            display_name: node.displayName,
            node_type: node.type,
            run_when: node.runWhen,
            inputs: used,
            outputs: pass.outputs,
            ...(pass.error ? { error_code: pass.error.code, error_message: pass.error.message } : {}),
            executed_at: iso(finishedAt),
            ...(pass.assertionResults ? { assertion_results: pass.assertionResults } : {}),
            duration_ms: Math.max(0, Math.round(finishedAt - startedAt)),
            ...(outcome.fields ?? {})
        };
        const finished = {
            node,
            result,
            ...(pass.error ? { error: pass.error } : {}),
            ...(outcome.routedTargets ? { routedTargets: outcome.routedTargets } : {})
        };
        tellFinished(finished, startedAt);
        return finished;
    };
    const start = (node) => {
        inFlight.add(node.id);
        void runNode(node)
            .catch((error) => {
            // A defect outside the node's own run (its inputs record, say): the node fails, the run goes on.
            const at = run.clock.now();
            const failure = { code: 'NODE_EXECUTION_FAILED', message: execute_messageOf(error) };
            return {
                node,
                error: failure,
                result: {
                    ...notRunResult(node, at),
                    error_code: failure.code,
                    error_message: failure.message
                }
            };
        })
            .then((finished) => {
            done.push(finished);
            wake?.();
        });
    };
    const next = async () => {
        while (done.length === 0)
            await new Promise((resolve) => (wake = resolve));
        wake = undefined;
        const finished = done.shift();
        inFlight.delete(finished.node.id);
        return finished;
    };
    const ready = (phase) => flow.nodes.filter((n) => n.runWhen === phase && remaining.get(n.id) === 0 && !inFlight.has(n.id));
    // An on_success node is skipped, failed for missing inputs, or started.
    const startReadyOnSuccess = () => {
        for (let changed = true; changed && !run.signal.aborted;) {
            changed = false;
            for (const node of ready('on_success')) {
                const preds = graph.predecessors(node.id);
                const cause = preds.map((p) => failureCause.get(p)).find((c) => c !== undefined);
                if (cause !== undefined) {
                    failureCause.set(node.id, cause);
                    recordSkipped(node);
                    changed = true;
                    continue;
                }
                const fullyDead = preds.length > 0 &&
                    preds.every((p) => deadEdges.get(p)?.has(node.id) || skipped.has(p) || failed.has(p));
                if (fullyDead || dataRefs(node).some((r) => skipped.has(r.nodeId))) {
                    recordSkipped(node);
                    changed = true;
                    continue;
                }
                const missing = missingInputs(node);
                if (missing.length > 0) {
                    const at = run.clock.now();
                    const error = {
                        code: 'NODE_INPUT_VALIDATION_FAILED',
                        message: `inputs not available: ${missing.join(', ')}`
                    };
                    const finished = {
                        node,
                        error,
                        result: {
                            ...notRunResult(node, at),
                            error_code: error.code,
                            error_message: error.message,
                            missing_inputs: missing
                        }
                    };
                    tellFinished(finished, at);
                    recordFinished(finished);
                    changed = true;
                    continue;
                }
                start(node);
            }
        }
    };
    // Always nodes stuck behind nodes that will never complete.
    const resolveBlockedAlways = () => {
        let any = false;
        for (const node of flow.nodes) {
            if (node.runWhen !== 'always' || !remaining.has(node.id) || inFlight.has(node.id))
                continue;
            const waitsOnAlways = graph
                .predecessors(node.id)
                .some((p) => remaining.has(p) && byId.get(p)?.runWhen === 'always');
            if (waitsOnAlways)
                continue;
            any = true;
            if (missingInputs(node).length > 0)
                recordSkipped(node);
            else
                start(node);
        }
        return any;
    };
    // The main phase.
    for (;;) {
        startReadyOnSuccess();
        if (inFlight.size === 0)
            break;
        recordFinished(await next());
    }
    // The always phase (with on_success nodes placed after always nodes).
    for (;;) {
        if (run.signal.aborted) {
            while (inFlight.size > 0)
                recordFinished(await next());
            break;
        }
        startReadyOnSuccess();
        for (const node of ready('always')) {
            if (missingInputs(node).length > 0)
                recordSkipped(node);
            else
                start(node);
        }
        if (inFlight.size === 0) {
            if (ready('always').length > 0 || ready('on_success').length > 0)
                continue;
            if (!resolveBlockedAlways())
                break;
            continue;
        }
        recordFinished(await next());
    }
    const result = {
        execution_results: results,
        final_outputs: finalOutputs,
        success: false,
        duration_ms: Math.max(0, Math.round(run.clock.now() - began))
    };
    if (flow.nodes.length === 0) {
        // As Echopoint's runner: an empty flow loads, but a run of nothing is not a pass.
        result.error_code = 'FLOW_HAS_NO_NODES';
        result.error_message = 'no nodes to execute';
    }
    else if (run.signal.aborted) {
        result.error_code = 'EXECUTION_CANCELLED';
        result.error_message = 'the run was stopped before it finished';
    }
    else if (firstError) {
        result.error_code = firstError.error.code;
        result.error_message = `${nameOf(firstError.node.id)}: ${firstError.error.message}`;
    }
    else if (remaining.size > 0) {
        result.error_code = 'NODES_NOT_RUN';
        result.error_message = `${remaining.size} node(s) could not run: ${[...remaining.keys()].join(', ')}`;
    }
    else {
        result.success = true;
    }
    return result;
}
/** Redacted and in wire form (bytes as base64): how anything leaves the engine. */
function finish(value, run) {
    return toWire(run.secrets.redact(value));
}
/**
 * Runs a flow that loadFlow accepted. Never throws for anything the flow or the
 * services it calls do: every failure is in the result.
 */
async function runFlowWith(flow, runners, options = {}) {
    const clock = options.clock ?? core_clock/* systemClock */.ml;
    const inputs = { ...flow.initialInputs, ...(options.inputs ?? {}) };
    const secretKeys = [...(options.secretInputKeys ?? [])];
    const secretValues = secretKeys
        .filter((key) => (0,values/* hasOwn */.$3)(inputs, key))
        .map((key) => inputs[key]);
    // A referenced flow's secrets, known now when they come from its overrides or the root
    // inputs (those bound by a module node join when it runs): hidden from the first event on.
    for (const ref of Object.values(options.referencedFlows ?? {})) {
        for (const key of ref.secret_input_keys ?? []) {
            secretValues.push(ref.input_overrides?.[key] ?? inputs[key]);
        }
    }
    const nonEmpty = secretValues.filter((v) => v !== undefined && v !== null && v !== '');
    const run = {
        options,
        clock,
        signal: options.signal ?? new AbortController().signal,
        calls: new HttpCallLog(options.maxHttpCalls),
        secretValues: nonEmpty,
        secrets: new Secrets(nonEmpty),
        runners
    };
    const generators = createGeneratorContext({
        seed: options.executionId ?? crypto.randomUUID(),
        now: () => clock.now()
    });
    const result = await execute(flow, inputs, run, { generators, moduleStack: [], observe: true });
    result.http_calls = run.calls.records();
    const failureEdges = flow.edges.filter((e) => e.type === 'failure');
    if (failureEdges.length > 0) {
        result.warnings = [
            `${failureEdges.length} edge(s) of type "failure" (${failureEdges.map((e) => `${e.source} → ${e.target}`).join(', ')}) are plain dependencies, as in Echopoint's runner: the target runs only when the source succeeds. Use run_when "always" for a step that must run after a failure.`
        ];
    }
    return finish(result, run);
}

;// CONCATENATED MODULE: ./src/engine/engine.ts



/** Runs a flow that loadFlow accepted (with no problems). Never throws for what the flow does. */
function runFlow(flow, options = {}) {
    return runFlowWith(flow, NODE_RUNNERS, options);
}


/***/ })

};
