export const id = 693;
export const ids = [693];
export const modules = {

/***/ 95111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ expirySourceLabel),
/* harmony export */   Sd: () => (/* reexport safe */ _expiry_js__WEBPACK_IMPORTED_MODULE_4__.Sd),
/* harmony export */   YP: () => (/* binding */ resolveExpiry),
/* harmony export */   pq: () => (/* binding */ failedCheckResult),
/* harmony export */   yR: () => (/* binding */ checkKey)
/* harmony export */ });
/* unused harmony exports EXPIRY_SOURCE_LABEL, evaluateKey, invalidKeyResult */
/* harmony import */ var _api_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57825);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _expiry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82588);
/* harmony import */ var _run_preflight_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16150);
/* harmony import */ var _scopes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83186);
/* harmony import */ var _surface_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60068);
/**
 * The key-expiry check (docs/interface.md section 2), without GitHub: ask the API who
 * the key is, find its expiry, and decide.
 *
 * - Expiry from, in order: `expires_at` of `GET /api-keys/self`, the
 *   `X-Api-Key-Expires-At` response header (docs/api-contract.md part B.1), the
 *   `expires-at` input. The result says which one was used.
 * - `days-left` is whole days, rounded down (negative once expired). The key is
 *   `expiring` when fewer than `warn-days` whole days are left, and the check
 *   fails when fewer than `fail-days` are left or the key has expired; so
 *   `fail-days: 0` fails only once the key has expired.
 * - 401 is `invalid` (wrong, revoked or expired) and fails. A key that never
 *   expires passes with a warning; an unknown expiry passes with a notice.
 * - Missing `required-scopes`, or a key of another organization, fail.
 *
 * The adapters turn the result into outputs, annotations, a job summary, a
 * reminder issue (action) or an exit code (CLI).
 *
 * Over 300 lines on purpose: the check's whole decision (expiry source, days
 * left, scopes, messages) in one place.
 */







const EXPIRY_SOURCE_LABEL = {
    'api-keys/self': 'the expires_at field of GET /api-keys/self',
    header: 'the X-Api-Key-Expires-At response header',
    input: 'the expires-at input'
};
/** Where the expiry came from, in the words of the front door in use (`--expires-at` for the CLI). */
function expirySourceLabel(source, surface = 'action') {
    return source === 'input' && surface === 'cli'
        ? 'the --expires-at flag'
        : EXPIRY_SOURCE_LABEL[source];
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** How to give the expiry when the API does not report it, in the words of the front door in use. */
function giveExpiry(name, surface) {
    return surface === 'cli'
        ? `Pass ${name} with the date shown in Echopoint (Settings → API keys), for example ${name} 2026-03-31.`
        : `Set ${name} to the date shown in Echopoint (Settings → API keys), for example from a repository variable: gh variable set ECHOPOINT_API_KEY_EXPIRES_AT --body 2026-03-31, then ${name}: \${{ vars.ECHOPOINT_API_KEY_EXPIRES_AT }}.`;
}
/** Picks the expiry in the documented order and says which source was used. */
function resolveExpiry(info, headerValue, input) {
    const messages = [];
    const fromApi = (expiresAt, source) => {
        if (input !== undefined && input.value !== expiresAt) {
            messages.push({
                level: 'info',
                text: `The ${input.name} value (${input.value}) is not used: the API reports the expiry itself.`
            });
        }
        return { expiresAt, source, messages };
    };
    if (info.expiresAtSource === 'api-keys/self' && info.expiresAt === null) {
        return fromApi(null, 'api-keys/self');
    }
    if (info.expiresAtSource === 'api-keys/self' && typeof info.expiresAt === 'string') {
        const ms = Date.parse(info.expiresAt);
        if (Number.isFinite(ms))
            return fromApi(new Date(ms).toISOString(), 'api-keys/self');
        messages.push({
            level: 'warning',
            text: 'GET /api-keys/self returned an expires_at that is not a date; ignoring it.'
        });
    }
    // fetchKeyInfo already read the header when the body did not say; read it again for
    // the case above (an unreadable expires_at in the body).
    const header = info.expiresAtSource === 'header' ? info.expiresAt : headerValue;
    if (typeof header === 'string' && Number.isFinite(Date.parse(header))) {
        return fromApi(new Date(Date.parse(header)).toISOString(), 'header');
    }
    if (input !== undefined)
        return { expiresAt: input.value, source: 'input', messages };
    return { expiresAt: undefined, messages };
}
/**
 * Decides the status from what the API said about the key, at `now`. Pure: the
 * same inputs always give the same result (tests pass fixed times).
 */
function evaluateKey(info, rules, now, headerValue) {
    const { key } = info;
    const { names } = rules;
    const surface = rules.surface ?? 'action';
    const expiry = resolveExpiry(info, headerValue, rules.expiresAtInput === undefined
        ? undefined
        : { value: rules.expiresAtInput, name: names.expiresAt });
    const messages = [...expiry.messages];
    const errors = [];
    let status;
    let daysLeft;
    let headline;
    // Each source is named on its own line; only an expiry the user typed is worth repeating.
    const from = expiry.source === 'input' ? ` (according to ${names.expiresAt})` : '';
    if (expiry.expiresAt === null) {
        status = 'ok';
        headline = 'The API key is valid and never expires';
        messages.push({
            level: 'warning',
            text: `The API key never expires. A key without an expiration date stays valid if it leaks or is forgotten: create a replacement with the ci preset and an expiration date (for example 90 days), update ${(0,_surface_js__WEBPACK_IMPORTED_MODULE_5__/* .keyStore */ .v)(surface)}, then delete this key.`
        });
    }
    else if (expiry.expiresAt === undefined) {
        status = 'unknown';
        headline = 'The API key is valid; its expiry is unknown';
        messages.push({
            level: 'notice',
            text: `The API does not report when this key expires. ${giveExpiry(names.expiresAt, surface)}`
        });
    }
    else {
        const msLeft = Date.parse(expiry.expiresAt) - now;
        daysLeft = (0,_expiry_js__WEBPACK_IMPORTED_MODULE_4__/* .daysLeft */ .H_)(expiry.expiresAt, now);
        const when = (0,_expiry_js__WEBPACK_IMPORTED_MODULE_4__/* .describeExpiry */ .Ts)(expiry.expiresAt, now);
        if (msLeft <= 0) {
            status = 'expired';
            headline = `The API key expired ${when}`;
            errors.push(`The API key expired ${when}${from}. Rotate it now.`);
        }
        else if (daysLeft < rules.failDays) {
            status = 'expiring';
            headline = `The API key expires ${when}`;
            errors.push(`The API key expires ${when}${from}, fewer days than ${names.failDays} (${rules.failDays}). Rotate it now.`);
        }
        else if (daysLeft < rules.warnDays) {
            status = 'expiring';
            headline = `The API key expires ${when}`;
            messages.push({
                level: 'warning',
                text: `The API key expires ${when}${from}, fewer days than ${names.warnDays} (${rules.warnDays}). Rotate it before then: the check fails once fewer than ${plural(rules.failDays, 'day')} are left.`
            });
        }
        else {
            status = 'ok';
            headline = `The API key is valid and expires ${when}`;
        }
        if (expiry.source) {
            messages.push({
                level: 'info',
                text: `Expiry from ${expirySourceLabel(expiry.source, surface)}.`
            });
        }
    }
    if (key.organization_id !== rules.organizationId) {
        errors.push(`The API key belongs to organization ${key.organization_id}, but ${names.organizationId} is ${rules.organizationId}. Use the organization the key was created in.`);
    }
    const missing = (0,_scopes_js__WEBPACK_IMPORTED_MODULE_3__/* .missingScopes */ ["if"])(rules.requiredScopes, key.permissions);
    if (missing.length > 0) {
        const list = missing
            .map((scope) => {
            const description = _scopes_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILT_IN_SCOPE_DESCRIPTIONS */ .Mw[scope];
            return description ? `${scope} (${description})` : scope;
        })
            .join('; ');
        errors.push(`The API key lacks ${missing.length === 1 ? 'a required scope' : `${missing.length} required scopes`}: ${list}. Create a key with the ci preset (it has every scope CI needs) and update ${(0,_surface_js__WEBPACK_IMPORTED_MODULE_5__/* .keyStore */ .v)(surface)}.`);
    }
    const passed = errors.length === 0;
    return {
        status,
        passed,
        expiresAt: expiry.expiresAt,
        expiresAtSource: expiry.source,
        daysLeft,
        keyId: key.api_key_id,
        keyName: typeof key.name === 'string' && key.name !== '' ? key.name : undefined,
        keyOrganizationId: key.organization_id,
        permissions: [...key.permissions],
        missingScopes: missing,
        headline,
        messages: [...errors.map((text) => ({ level: 'error', text })), ...messages],
        reminder: status === 'expiring' || status === 'expired'
            ? 'open'
            : status === 'ok' && passed
                ? 'close'
                : 'leave'
    };
}
/** The result for a key the API refused (401): wrong, revoked or expired. */
function invalidKeyResult(surface = 'action') {
    return {
        status: 'invalid',
        passed: false,
        expiresAt: undefined,
        permissions: [],
        missingScopes: [],
        headline: 'The API key is invalid, revoked or expired',
        messages: [{ level: 'error', text: `${_run_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .INVALID_KEY_MESSAGE */ .uo}. ${(0,_run_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .invalidKeyHint */ .AO)(surface)}` }],
        reminder: 'open'
    };
}
/** The result when the check could not ask the API (network, 5xx, bad answer, ...). */
function failedCheckResult(error) {
    return {
        status: 'unknown',
        passed: false,
        expiresAt: undefined,
        permissions: [],
        missingScopes: [],
        headline: 'The key-expiry check could not complete',
        messages: [{ level: 'error', text: error.userMessage }],
        reminder: 'leave',
        error
    };
}
/** Runs the check against the API. Never throws: failures are in the result. */
async function checkKey(config, options) {
    let api;
    let info;
    try {
        api =
            options.api ??
                (0,_api_client_js__WEBPACK_IMPORTED_MODULE_0__/* .createClient */ .U)({
                    apiUrl: config.apiUrl,
                    apiKey: config.apiKey,
                    organizationId: config.organizationId,
                    clock: options.clock,
                    logger: options.logger,
                    userAgent: options.userAgent,
                    names: config.names
                });
        info = await (0,_run_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchKeyInfo */ .q5)(api, options.signal, config.surface);
    }
    catch (err) {
        const error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .toEchopointError */ .HT)(err);
        if (error.kind === 'auth')
            return invalidKeyResult(config.surface);
        return failedCheckResult(error);
    }
    options.logger.debug(`Key ${info.key.api_key_id} (organization ${info.key.organization_id}) has scopes: ${info.key.permissions.join(', ') || 'none'}`);
    return evaluateKey(info, config, options.clock.now(), api.keyExpiresAtHeader);
}


/***/ }),

/***/ 82588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ daysLeft),
/* harmony export */   Sd: () => (/* binding */ expiryDate),
/* harmony export */   Ts: () => (/* binding */ describeExpiry)
/* harmony export */ });
/* unused harmony exports DAY_MS, RUN_EXPIRY_WARNING_DAYS, expiresSoon, readableDate, relativeExpiry, expiryWarning */
/**
 * Key expiry arithmetic shared by the run action's warning and the key-expiry
 * check: whole days left, rounded down (negative once expired).
 */
const DAY_MS = 86_400_000;
/** The run action warns when the key expires within this many days. */
const RUN_EXPIRY_WARNING_DAYS = 14;
/** Whole days from `now` until `expiresAt`, rounded down. */
function daysLeft(expiresAt, now) {
    return Math.floor((Date.parse(expiresAt) - now) / DAY_MS);
}
/**
 * Whether the run action should warn: the key expires within
 * RUN_EXPIRY_WARNING_DAYS (fewer whole days left, as the key-expiry check counts
 * its warn-days), or has expired.
 */
function expiresSoon(expiresAt, now) {
    return daysLeft(expiresAt, now) < RUN_EXPIRY_WARNING_DAYS;
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * An expiry as people read it, in UTC (a CI log has no time zone of its own):
 * `31 Dec 2026, 00:00 UTC`. Machines get the RFC 3339 value (outputs, JSON).
 */
function readableDate(expiresAt) {
    const d = new Date(Date.parse(expiresAt));
    if (Number.isNaN(d.getTime()))
        return expiresAt;
    const hh = String(d.getUTCHours()).padStart(2, '0');
    const mm = String(d.getUTCMinutes()).padStart(2, '0');
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}
function days(n) {
    return `${n} day${n === 1 ? '' : 's'}`;
}
/**
 * How far off the expiry is, in whole days rounded down as the check counts
 * them: `in 29 days`, `in less than a day`, `2 days ago`, `less than a day ago`.
 */
function relativeExpiry(expiresAt, now) {
    const msLeft = Date.parse(expiresAt) - now;
    if (msLeft > 0) {
        const left = daysLeft(expiresAt, now);
        return left === 0 ? 'in less than a day' : `in ${days(left)}`;
    }
    const ago = Math.floor(-msLeft / DAY_MS);
    return ago === 0 ? 'less than a day ago' : `${days(ago)} ago`;
}
/** `31 Dec 2026, 00:00 UTC (in 29 days)`, or `29 Nov 2026, 00:00 UTC (2 days ago)` once expired. */
function expiryDate(expiresAt, now) {
    return `${readableDate(expiresAt)} (${relativeExpiry(expiresAt, now)})`;
}
/** The expiry in a sentence: `on 31 Dec 2026, 00:00 UTC (in 29 days)`. */
function describeExpiry(expiresAt, now) {
    return `on ${expiryDate(expiresAt, now)}`;
}
/** The run action's warning about a key that expires soon (annotation and job summary). */
function expiryWarning(expiresAt, now) {
    const verb = Date.parse(expiresAt) > now ? 'expires' : 'expired';
    return `The API key ${verb} ${describeExpiry(expiresAt, now)}. Create a replacement with the ci preset and update the ECHOPOINT_API_KEY secret.`;
}


/***/ }),

/***/ 83186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mw: () => (/* binding */ BUILT_IN_SCOPE_DESCRIPTIONS),
/* harmony export */   "if": () => (/* binding */ missingScopes),
/* harmony export */   sW: () => (/* binding */ CI_MODES),
/* harmony export */   z5: () => (/* binding */ ciModeFor)
/* harmony export */ });
const CI_MODES = [
    {
        mode: 'ids-ephemeral',
        label: 'run by flow ID, ephemeral runner',
        // The job token from the claim does the rest (heartbeats, events, completion).
        scopes: ['flows:execute']
    },
    {
        mode: 'tags-ephemeral',
        label: 'run by tag, ephemeral runner',
        scopes: ['flows:execute', 'flows:read']
    },
    {
        mode: 'polling',
        label: 'run by flow ID or tag, cloud or self-hosted runner',
        scopes: ['flows:execute', 'flows:read']
    },
    { mode: 'inventory', label: 'read-only inventory', scopes: ['flows:read'] }
];
/** What each scope the kit may ask for lets a key do. */
const BUILT_IN_SCOPE_DESCRIPTIONS = {
    'flows:read': 'read flows, search them by tag and read their executions',
    'flows:execute': 'launch flow executions (and cancel them)',
    'runner:complete': 'report results through the older ephemeral completion endpoint'
};
/** The mode a run uses, from how flows are selected and where they run. */
function ciModeFor(selection, runner) {
    const mode = runner === 'ephemeral' ? (selection === 'ids' ? 'ids-ephemeral' : 'tags-ephemeral') : 'polling';
    return CI_MODES.find((m) => m.mode === mode);
}
/** Scopes of `required` that `granted` lacks, in the order required lists them. */
function missingScopes(required, granted) {
    const have = new Set(granted);
    return required.filter((scope) => !have.has(scope));
}


/***/ }),

/***/ 8547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ inertLine),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   UJ: () => (/* binding */ inertText),
/* harmony export */   Xg: () => (/* binding */ VALUE_MAX),
/* harmony export */   YN: () => (/* binding */ UNSAFE_EXCEPT_LF),
/* harmony export */   vp: () => (/* binding */ showValue)
/* harmony export */ });
/* unused harmony exports escapeMarkdown, safeId, defuseLegacyCommands, safeUrl */
/**
 * Flow names, node names and server messages are untrusted text: they go into
 * Markdown, HTML and XML that people read, so they are escaped to stay text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Escapes text for a GitHub-flavoured Markdown table cell or paragraph (HTML is allowed there). */
function escapeMarkdown(text) {
    return (text
        .replace(CONTROL, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // Only what GFM would otherwise interpret inside a paragraph or a table cell.
        .replace(/([\\`*_[\]|~])/g, '\\$1')
        .replace(/\r?\n|\r/g, ' ')
        .trim());
}
/** An identifier for a code span: only characters that cannot end the span or break the table. */
function safeId(text) {
    return text.replace(/[^A-Za-z0-9._:-]/g, '');
}
/** Plain text for one log line: no control characters (CI logs and annotations). */
function oneLine(text, max = 500) {
    const flat = text
        .replace(CONTROL, '')
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/** C0 and C1 controls (CR, LF, NEL included), LS, PS, and bidi overrides and marks. */
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/** The same, but not LF: for text whose line breaks are escaped by whoever writes it. */
const UNSAFE_EXCEPT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/* eslint-enable no-control-regex */
/** `##[` (a legacy workflow command, found anywhere in a line) as `## [`. */
function defuseLegacyCommands(text) {
    return text.replace(/##\[/g, '## [');
}
/**
 * Text as one line a CI runner will not act on. GitHub's runner reads workflow
 * commands from every stdout line: `::cmd::` at the start (after leading
 * whitespace) and the legacy `##[cmd]` anywhere in the line (actions/runner,
 * ActionCommand.TryParseV2 and TryParse). Line breaks and control characters
 * become spaces, the text is cut to `max`, `##[` reads `## [`, and a line that
 * would start with `::` gets a `» ` prefix.
 */
function inertLine(text, max = 4000) {
    let line = text.replace(LINE_BREAKING, ' ').trim();
    if (line.length > max)
        line = `${line.slice(0, max - 1)}…`;
    line = defuseLegacyCommands(line);
    return line.startsWith('::') ? `» ${line}` : line;
}
/** Multi-line output (a table, a JSON document) with every line made inert (see inertLine). */
function inertText(text) {
    return text
        .split('\n')
        .map((line) => {
        const safe = defuseLegacyCommands(line);
        return safe.trimStart().startsWith('::') ? `» ${safe}` : safe;
    })
        .join('\n');
}
/** The longest value a report shows whole (expected and actual); longer ones are cut with `…`. */
const VALUE_MAX = 200;
/** A value as short readable text: strings quoted, objects as compact JSON. */
function showValue(value, max = VALUE_MAX) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/**
 * An http(s) URL safe inside a Markdown link target and a table cell, or
 * undefined for anything else (`javascript:`, relative, malformed): characters
 * that could end the link or the cell are percent-encoded.
 */
function safeUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    return url.href.replace(/[()[\]<>|`*_~\\ "']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}


/***/ }),

/***/ 16150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ invalidKeyHint),
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   q5: () => (/* binding */ fetchKeyInfo),
/* harmony export */   uo: () => (/* binding */ INVALID_KEY_MESSAGE)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _key_scopes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83186);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72633);
/* harmony import */ var _surface_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60068);




/** The message every adapter shows for a 401. */
const INVALID_KEY_MESSAGE = 'The API key is invalid, revoked or expired (HTTP 401)';
/** What to do about a 401, in the words of the front door in use. */
function invalidKeyHint(surface = 'action') {
    return `Create a new key with the ci preset and an expiration date, then update ${(0,_surface_js__WEBPACK_IMPORTED_MODULE_3__/* .keyStore */ .v)(surface)}.`;
}
/** `GET /api-keys/self`, with a 401 turned into the message users should see. */
async function fetchKeyInfo(api, signal, surface = 'action') {
    let key;
    try {
        key = await api.getKeySelf({ signal });
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw && err.kind === 'auth') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw('auth', INVALID_KEY_MESSAGE, {
                status: err.status,
                code: err.code,
                request: err.request,
                hint: invalidKeyHint(surface),
                cause: err
            });
        }
        throw err;
    }
    if (key.expires_at !== undefined) {
        return { key, expiresAt: key.expires_at, expiresAtSource: 'api-keys/self' };
    }
    const header = api.keyExpiresAtHeader;
    if (header !== undefined && Number.isFinite(Date.parse(header))) {
        return { key, expiresAt: new Date(Date.parse(header)).toISOString(), expiresAtSource: 'header' };
    }
    return { key, expiresAt: undefined };
}
/** Scope descriptions from the API when the key may read them, else the built-in table. */
async function scopeDescriptions(api, logger, signal) {
    const descriptions = { ..._key_scopes_js__WEBPACK_IMPORTED_MODULE_1__/* .BUILT_IN_SCOPE_DESCRIPTIONS */ .Mw };
    try {
        const page = await api.listPermissions('ci', { signal });
        for (const permission of page.items) {
            if (permission.description)
                descriptions[permission.name] = permission.description;
        }
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw && (err.kind === 'permission' || err.kind === 'not_found')) {
            logger.debug(`GET /permissions?type=ci answered ${err.status ?? err.kind}; using the built-in scope table`);
        }
        else {
            throw err;
        }
    }
    return descriptions;
}
/**
 * Runs the checks; returns the key's details, or throws an `auth`,
 * `permission` or `config` error that says what to do.
 */
async function preflight(api, options) {
    const { logger, signal } = options;
    const surface = options.surface ?? 'action';
    const organizationName = (options.names ?? _credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTION_CREDENTIAL_NAMES */ .eD).organizationId;
    const info = await fetchKeyInfo(api, signal, surface);
    const { key } = info;
    logger.debug(`Key ${key.api_key_id} (organization ${key.organization_id}) has scopes: ${key.permissions.join(', ') || 'none'}`);
    if (key.organization_id !== options.organizationId) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw('permission', `The API key belongs to organization ${key.organization_id}, but ${organizationName} is ${options.organizationId}`, {
            hint: `Set ${organizationName} to the organization the key was created in, or use a key of that organization.`
        });
    }
    const mode = (0,_key_scopes_js__WEBPACK_IMPORTED_MODULE_1__/* .ciModeFor */ .z5)(options.selection, options.runner);
    const missing = (0,_key_scopes_js__WEBPACK_IMPORTED_MODULE_1__/* .missingScopes */ ["if"])(mode.scopes, key.permissions);
    if (missing.length > 0) {
        const descriptions = await scopeDescriptions(api, logger, signal);
        const list = missing
            .map((scope) => `${scope} (${descriptions[scope] ?? 'no description'})`)
            .join('; ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw('permission', `The API key lacks ${missing.length === 1 ? 'a scope' : `${missing.length} scopes`} needed to ${mode.label}: ${list}`, {
            code: 'MISSING_SCOPES',
            metadata: { missing_scopes: missing },
            hint: `Create a key with the ci preset (it has every scope CI needs) and update ${(0,_surface_js__WEBPACK_IMPORTED_MODULE_3__/* .keyStore */ .v)(surface)}.`
        });
    }
    return info;
}


/***/ })

};
