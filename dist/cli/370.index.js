export const id = 370;
export const ids = [370];
export const modules = {

/***/ 82370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ hasOwn),
/* harmony export */   Im: () => (/* binding */ isEmpty),
/* harmony export */   KN: () => (/* binding */ displayValue),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   Ro: () => (/* binding */ toNumber),
/* harmony export */   fE: () => (/* binding */ toText)
/* harmony export */ });
/* unused harmony export formatNumber */
/**
 * The value model shared by operators, extractors and templates.
 *
 * Flow data is JSON: `null`, booleans, numbers, strings, arrays and plain
 * objects. Two conversions matter everywhere in the engine and must agree:
 *
 * - the **string form** (`toText`), used by the text operators (`equals`,
 *   `contains`, `regex`, …) and by `{{ref}}` interpolation inside text;
 * - the **number form** (`toNumber`), used by the numeric operators.
 *
 * Echopoint's Go runner stringifies with `strconv.FormatFloat(v, 'f', -1, 64)`
 * for numbers and `fmt.Sprintf("%v")` for the rest. We keep its number rule
 * (shortest decimal that round-trips, never an exponent: `1e21` is
 * `"1000000000000000000000"`) and write arrays and objects as JSON instead of
 * Go's `map[a:1]`, which no user could predict or match (docs/engine.md).
 */
/** True for a non-null, non-array object (a JSON object). */
function isPlainObject(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
/** Own-property lookup that never reaches `Object.prototype` (`constructor`, `__proto__`). */
function hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
}
/**
 * A number in the shortest decimal form that reads back to the same double,
 * without an exponent: `200` → `"200"`, `0.1` → `"0.1"`, `1e21` →
 * `"1000000000000000000000"`, `1.5e-7` → `"0.00000015"`. Non-finite values
 * use Go's spelling (`+Inf`, `-Inf`, `NaN`); they cannot come from JSON.
 */
function formatNumber(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Infinity)
        return '+Inf';
    if (value === -Infinity)
        return '-Inf';
    if (value === 0)
        return '0';
    // String() already gives the shortest round-trip digits; only its exponent
    // form (|x| >= 1e21 or < 1e-6) needs rewriting as plain decimal.
    const shortest = String(value);
    const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
    if (!match)
        return shortest;
    const [, sign, lead, fraction = '', exponentText] = match;
    const digits = lead + fraction;
    const exponent = Number(exponentText);
    // The decimal point sits after `lead`, i.e. after 1 digit; move it by `exponent`.
    const point = 1 + exponent;
    if (point <= 0)
        return `${sign}0.${'0'.repeat(-point)}${digits}`;
    if (point >= digits.length)
        return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
/**
 * The string form of a value: `null`/absent → `""`, strings as they are,
 * numbers by `formatNumber`, booleans `true`/`false`, arrays and objects as
 * compact JSON.
 */
function toText(value) {
    if (value === null || value === undefined)
        return '';
    switch (typeof value) {
        case 'string':
            return value;
        case 'number':
            return formatNumber(value);
        case 'boolean':
            return value ? 'true' : 'false';
        case 'bigint':
            return value.toString();
        default:
            return toJson(value);
    }
}
function toJson(value) {
    try {
        const text = JSON.stringify(value);
        return text ?? '';
    }
    catch {
        // A cycle or a BigInt deep inside: not JSON data; say so rather than throw.
        return String(value);
    }
}
/**
 * How a value is shown in a message (`expected=… actual=…`): like `toText`,
 * except that a missing value reads `null` and an empty string `""`, so a
 * message never ends in a blank.
 */
function displayValue(value) {
    if (value === null || value === undefined)
        return 'null';
    if (value === '')
        return '""';
    return toText(value);
}
// Go's strconv.ParseFloat grammar for decimal input: optional sign, digits with
// an optional fraction, optional exponent; or inf/infinity/nan in any case.
// No surrounding spaces, no hexadecimal floats, no underscores (Go accepts the
// last two only with a 0x prefix), no empty string.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
/**
 * The number form of a value for the numeric operators: a number as is, a
 * string that spells a number (`"200"`, `"-1.5e3"`, `"Inf"`), else
 * `undefined` (booleans, null, arrays, objects and other text are not numbers).
 */
function toNumber(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'bigint')
        return Number(value);
    if (typeof value !== 'string')
        return undefined;
    if (DECIMAL.test(value))
        return Number(value);
    const special = SPECIAL.exec(value);
    if (special) {
        if (special[2].toLowerCase() === 'nan')
            return NaN;
        return special[1] === '-' ? -Infinity : Infinity;
    }
    return undefined;
}
/**
 * `empty` in the operator sense: null or absent, `""`, `[]` or `{}`. Numbers
 * and booleans are never empty (their string form never is).
 */
function isEmpty(value) {
    if (value === null || value === undefined)
        return true;
    if (typeof value === 'string')
        return value === '';
    if (Array.isArray(value))
        return value.length === 0;
    if (isPlainObject(value))
        return Object.keys(value).length === 0;
    return toText(value) === '';
}


/***/ })

};
