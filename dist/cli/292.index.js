export const id = 292;
export const ids = [292,257];
export const modules = {

/***/ 12280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ createCliLogger)
/* harmony export */ });
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12258);
/* harmony import */ var _core_report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8547);


function createCliLogger(options) {
    const write = options.write ?? ((line) => void process.stderr.write(`${line}\n`));
    const secrets = (options.secrets ?? []).filter((s) => typeof s === 'string');
    let redact = (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .createRedactor */ .lY)(secrets);
    const line = (prefix, message, title) => write((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inertLine */ .Fq)(redact(`${prefix}${title ? `${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(title, 200)}: ` : ''}${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(message, 4000)}`)));
    return {
        debug: (message) => {
            if (options.verbose)
                line('debug: ', message);
        },
        info: (message) => line('', message),
        warning: (message, props) => line('warning: ', message, props?.title),
        error: (message, props) => line('error: ', message, props?.title),
        protect: (secret) => {
            if (secret.trim() === '' || secrets.includes(secret))
                return;
            secrets.push(secret);
            redact = (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .createRedactor */ .lY)(secrets);
            options.onProtect?.(secret);
        }
    };
}


/***/ }),

/***/ 97276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ACTION_API_INPUT_NAMES)
/* harmony export */ });
const ACTION_API_INPUT_NAMES = {
    apiKey: 'api-key',
    organizationId: 'organization-id',
    apiUrl: 'api-url',
    idempotencyKey: 'idempotency-key'
};


/***/ }),

/***/ 57825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ createClient)
/* harmony export */ });
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97276);
/* harmony import */ var _run_idempotency_key_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56258);
/* harmony import */ var _decode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2544);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52241);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33352);
/* harmony import */ var _jobs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71878);
/**
 * The Echopoint API over HTTP: one method per endpoint of docs/api-contract.md, each a thin
 * description of a request handed to the transport (which does auth, retries,
 * redirects and error mapping) and of how to read the answer (decode.ts). An
 * answer must be about what was asked: a flow, a launch, an execution or a cancel
 * that names another id is a `contract` error, never taken as the one asked for.
 */







function flowPath(flowId) {
    return `/flows/${(0,_http_url_js__WEBPACK_IMPORTED_MODULE_5__/* .pathSegment */ .pn)(flowId, 'flow ID')}`;
}
function executionPath(flowId, executionId) {
    return `${flowPath(flowId)}/executions/${(0,_http_url_js__WEBPACK_IMPORTED_MODULE_5__/* .pathSegment */ .pn)(executionId, 'execution ID')}`;
}
/** A `contract` error for an answer about something other than what was asked. */
function mismatch(apiUrlName, request, what, asked, got) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EchopointError */ .aw('contract', `${request}: asked for ${what} ${asked}, the API answered with ${what} ${got}`, {
        request,
        hint: `The answer is not used. Check that ${apiUrlName} points at the Echopoint API and not at a proxy or cache that mixes up answers`
    });
}
/** Throws unless the execution is `executionId` (when given) of flow `flowId`. */
function checkExecution(apiUrlName, request, execution, flowId, executionId) {
    if (executionId !== undefined && !_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s(execution.id, executionId)) {
        throw mismatch(apiUrlName, request, 'execution', executionId, execution.id);
    }
    if (!_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s(execution.flow_id, flowId)) {
        throw mismatch(apiUrlName, request, 'an execution of flow', flowId, execution.flow_id);
    }
    return execution;
}
/**
 * Creates the HTTP client. Throws ConfigError when the URL, key or organization ID
 * cannot be used; every later failure is a typed EchopointError.
 */
function createClient(options) {
    const transport = new _http_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .Transport */ .oK(options);
    const call = (req, opts) => transport.request({ ...req, signal: opts?.signal, onSent: opts?.onSent });
    const label = (req) => `${req.method} ${req.path}`;
    const urlName = options.names?.apiUrl ?? _api_js__WEBPACK_IMPORTED_MODULE_0__/* .ACTION_API_INPUT_NAMES */ .G.apiUrl;
    /** An execution read or changed by `req`, checked to be the one asked for. */
    const execution = async (req, flowId, executionId, opts) => checkExecution(urlName, label(req), await call(req, opts), flowId, executionId);
    // Every method is async so that bad arguments reject rather than throw.
    return {
        get keyExpiresAtHeader() {
            return transport.keyExpiresAtHeader;
        },
        get stats() {
            return { ...transport.stats };
        },
        budget: (bucket) => transport.rateBudget(bucket),
        getKeySelf: async (opts) => call({
            method: 'GET',
            path: '/api-keys/self',
            withoutOrganization: true,
            decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .keySelf */ .q$
        }, opts),
        listPermissions: async (type, opts) => call({ method: 'GET', path: '/permissions', query: { type }, decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .permissionsPage */ .i4 }, opts),
        // A search only reads, so it may be repeated after a 5xx like a GET.
        searchFlows: async (request, opts) => call({
            method: 'POST',
            path: '/flows/search',
            body: request,
            safe: true,
            decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .flowSearchPage */ .Gn
        }, opts),
        getFlow: async (flowId, opts) => {
            const req = { method: 'GET', path: flowPath(flowId), decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .flow */ .L3 };
            const flow = await call(req, opts);
            if (!_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s(flow.id, flowId))
                throw mismatch(urlName, label(req), 'flow', flowId, flow.id);
            return flow;
        },
        getFlowDefinition: async (flowId, opts) => {
            const req = { method: 'GET', path: flowPath(flowId), decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .flowDefinition */ .OK };
            const flow = await call(req, opts);
            if (!_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s(flow.id, flowId))
                throw mismatch(urlName, label(req), 'flow', flowId, flow.id);
            return flow;
        },
        launchFlow: async (flowId, body, idempotencyKey, opts) => {
            const req = {
                method: 'POST',
                path: `${flowPath(flowId)}/launch`,
                // The endpoint requires a body; `{}` means all defaults.
                body: body ?? {},
                headers: {
                    'Idempotency-Key': (0,_run_idempotency_key_js__WEBPACK_IMPORTED_MODULE_1__/* .checkIdempotencyKey */ .R)(idempotencyKey, options.names?.idempotencyKey)
                },
                // Launches come in bursts: one at a time until the server states its write budget.
                cautious: true,
                decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .executionEnvelope */ .$N
            };
            return checkExecution(urlName, label(req), await call(req, opts), flowId);
        },
        claimExecution: async (flowId, executionId, body, opts) => {
            const req = {
                method: 'POST',
                path: `/runner/ephemeral/executions/${(0,_http_url_js__WEBPACK_IMPORTED_MODULE_5__/* .pathSegment */ .pn)(executionId, 'execution ID')}/claim`,
                body,
                decode: _jobs_js__WEBPACK_IMPORTED_MODULE_6__/* .claimedJob */ .t
            };
            const job = await call(req, opts);
            if (!_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s(job.executionId, executionId)) {
                throw mismatch(urlName, label(req), 'execution', executionId, job.executionId);
            }
            if (!_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s(job.flowId, flowId)) {
                throw mismatch(urlName, label(req), 'a job of flow', flowId, job.flowId);
            }
            return job;
        },
        getExecution: async (flowId, executionId, opts) => execution({ method: 'GET', path: executionPath(flowId, executionId), decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .execution */ .n7 }, flowId, executionId, opts),
        getExecutionNodes: async (flowId, executionId, opts) => call({
            method: 'GET',
            path: `${executionPath(flowId, executionId)}/nodes`,
            decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .nodes */ .a9({ executionId, flowId })
        }, opts),
        // Part B extension. Not retried: it carries no Idempotency-Key.
        cancelExecution: async (flowId, executionId, opts) => execution({
            method: 'POST',
            path: `${executionPath(flowId, executionId)}/cancel`,
            body: {},
            decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .executionEnvelope */ .$N
        }, flowId, executionId, opts),
        listExecutions: async (query, opts) => call({
            method: 'GET',
            path: '/executions',
            query: {
                limit: query.limit,
                offset: query.offset,
                status: query.status,
                trigger_type: query.trigger_type,
                flow_id: query.flow_id,
                since: query.since
            },
            decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .executionsPage */ .J8
        }, opts),
        listFlowExecutions: async (flowId, query, opts) => call({
            method: 'GET',
            path: `${flowPath(flowId)}/executions`,
            query: { limit: query.limit, offset: query.offset },
            decode: _decode_js__WEBPACK_IMPORTED_MODULE_2__/* .executionsPage */ .J8
        }, opts)
    };
}


/***/ }),

/***/ 2544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ executionEnvelope),
/* harmony export */   Gn: () => (/* binding */ flowSearchPage),
/* harmony export */   J8: () => (/* binding */ executionsPage),
/* harmony export */   L3: () => (/* binding */ flow),
/* harmony export */   OK: () => (/* binding */ flowDefinition),
/* harmony export */   a9: () => (/* binding */ nodes),
/* harmony export */   g1: () => (/* binding */ record),
/* harmony export */   i4: () => (/* binding */ permissionsPage),
/* harmony export */   id: () => (/* binding */ id),
/* harmony export */   n7: () => (/* binding */ execution),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   q$: () => (/* binding */ keySelf),
/* harmony export */   s: () => (/* binding */ sameId),
/* harmony export */   vE: () => (/* binding */ timestamp),
/* harmony export */   ym: () => (/* binding */ ShapeError)
/* harmony export */ });
/* unused harmony exports LIMITS, ID_PATTERN, optionalCount, boundedValue */
/* harmony import */ var _http_error_body_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37432);
/**
 * The boundary where server data becomes the core's data. Every 2xx body the
 * core reads passes one of these decoders, which either returns the read model
 * (model.ts) or throws a ShapeError naming the field and what is wrong with it
 * (the transport turns that into a `contract` error). Server text is untrusted:
 *
 * - every string is flattened to one line (no CR, LF, NEL, LS, PS, control or
 *   bidi-override characters: nothing a log line, a workflow command or a
 *   terminal would act on), redacted (the API key and its encoded forms), then
 *   cut to a length that fits a report (LIMITS);
 * - every identifier must look like one (ID_PATTERN), so an id can never carry
 *   text into a URL, a log line or a report;
 * - every list is bounded, every value (an assertion's expected or actual) is
 *   capped as JSON;
 * - only the fields the core reads are kept.
 *
 * Whether an answer is about what was asked (the flow id of a launch, the id of
 * an execution) is checked by the client, which knows what it asked (client.ts).
 *
 * One file on purpose (over 300 lines): the whole boundary, one decoder per
 * endpoint, is reviewed as one.
 */

/** Longest text kept of each kind of server field; longer text is cut with `…`. */
const LIMITS = {
    /** Flow, node, key and permission names, node types, extractors, operators, tags. */
    name: 256,
    /** Error messages and descriptions. */
    message: 2000,
    /** Error codes and statuses. */
    code: 100,
    /** An assertion's expected or actual value, as JSON. */
    value: 2000,
    /** Node results of one execution. */
    nodes: 1000,
    /** Assertions of one node. */
    assertions: 200,
    /** Tags of one flow, scopes of one key. */
    list: 500,
    /** Items of one page (the API's pages hold at most 100). */
    pageItems: 1000
};
/**
 * An identifier from the server (flow, execution, key, node): the API's are UUIDs;
 * anything made of letters, digits and `._:-`, up to 128 characters, is accepted.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** What a decoder found wrong: where (`execution.status`) and what. */
class ShapeError extends Error {
    path;
    problem;
    constructor(path, problem) {
        super(`${path} ${problem}`);
        this.path = path;
        this.problem = problem;
        this.name = 'ShapeError';
    }
}
const KNOWN_STATUSES = new Set([
    'pending',
    'running',
    'completed',
    'failed',
    'cancelled'
]);
function describe(value) {
    if (value === undefined)
        return 'missing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
/** `is missing`, or `is a number, not a string`. */
function notA(value, wanted) {
    return value === undefined ? 'is missing' : `is ${describe(value)}, not ${wanted}`;
}
function record(value, path) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return value;
    }
    throw new ShapeError(path, notA(value, 'an object'));
}
function list(value, path, max) {
    if (!Array.isArray(value))
        throw new ShapeError(path, notA(value, 'an array'));
    if (value.length > max)
        throw new ShapeError(path, `has ${value.length} items, more than ${max}`);
    return value;
}
/** A required string field, made safe to print. */
function text(value, path, ctx, max) {
    if (typeof value !== 'string')
        throw new ShapeError(path, notA(value, 'a string'));
    return (0,_http_error_body_js__WEBPACK_IMPORTED_MODULE_0__/* .cleanText */ .X5)(value, ctx.redact, max);
}
/** An optional string field: absent or null is null; another type is an error. */
function optionalText(value, path, ctx, max) {
    if (value === undefined || value === null)
        return null;
    return text(value, path, ctx, max);
}
/** An identifier: redacted first, so an echoed key can never pass as an id. */
function id(value, path, ctx) {
    if (typeof value !== 'string')
        throw new ShapeError(path, notA(value, 'a string'));
    if (value.length > 128 || !ID_PATTERN.test(ctx.redact(value))) {
        throw new ShapeError(path, 'is not an identifier (letters, digits and ._:- only, at most 128)');
    }
    return value;
}
const TIMESTAMP = /^[0-9A-Za-z:.+ -]{1,64}$/;
/** A required RFC 3339 timestamp, kept as the server wrote it (it goes back in `since`). */
function timestamp(value, path) {
    if (typeof value === 'string' && TIMESTAMP.test(value) && Number.isFinite(Date.parse(value))) {
        return value;
    }
    throw new ShapeError(path, 'is not a timestamp');
}
/** An optional timestamp: anything unreadable counts as absent (it only loses a duration). */
function optionalTimestamp(value) {
    return typeof value === 'string' && TIMESTAMP.test(value) && Number.isFinite(Date.parse(value))
        ? value
        : null;
}
function optionalCount(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}
/**
 * A JSON value the server reports (an assertion's expected or actual), redacted
 * at any depth and at most LIMITS.value characters as JSON; a longer one becomes
 * its JSON text, cut.
 */
function boundedValue(value, ctx) {
    if (value === undefined)
        return undefined;
    let json;
    try {
        json = JSON.stringify(value) ?? 'null';
    }
    catch {
        return '[unreadable value]';
    }
    const clean = ctx.redact(json);
    if (clean.length > LIMITS.value)
        return (0,_http_error_body_js__WEBPACK_IMPORTED_MODULE_0__/* .cleanText */ .X5)(clean, ctx.redact, LIMITS.value);
    if (clean === json)
        return value;
    try {
        return JSON.parse(clean);
    }
    catch {
        return clean;
    }
}
function paged(body, ctx, item) {
    const page = record(body, 'body');
    const items = list(page.items, 'items', LIMITS.pageItems).map((v, i) => item(v, `items[${i}]`, ctx));
    const total = page.total;
    if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) {
        throw new ShapeError('total', notA(total, 'a count'));
    }
    const count = optionalCount(page.count) ?? items.length;
    return { total, count, items };
}
/** `GET /api-keys/self`. */
const keySelf = (body, ctx) => {
    const key = record(body, 'body');
    const out = {
        api_key_id: id(key.api_key_id, 'api_key_id', ctx),
        organization_id: text(key.organization_id, 'organization_id', ctx, LIMITS.name),
        permissions: list(key.permissions, 'permissions', LIMITS.list).map((p, i) => text(p, `permissions[${i}]`, ctx, LIMITS.name))
    };
    if ('name' in key)
        out.name = optionalText(key.name, 'name', ctx, LIMITS.name);
    if ('expires_at' in key) {
        // null means "never expires"; anything else must be a real date, or it is unknown.
        out.expires_at = key.expires_at === null ? null : optionalTimestamp(key.expires_at);
        if (out.expires_at === null && key.expires_at !== null)
            delete out.expires_at;
    }
    return out;
};
function permission(value, path, ctx) {
    const p = record(value, path);
    return {
        name: text(p.name, `${path}.name`, ctx, LIMITS.name),
        description: optionalText(p.description, `${path}.description`, ctx, LIMITS.message)
    };
}
/** `GET /permissions?type=…` (items need only `name`). */
const permissionsPage = (body, ctx) => paged(body, ctx, permission);
function flowRef(value, path, ctx) {
    const flow = record(value, path);
    const tags = flow.tags === undefined || flow.tags === null
        ? []
        : list(flow.tags, `${path}.tags`, LIMITS.list).map((t, i) => text(t, `${path}.tags[${i}]`, ctx, LIMITS.name));
    return {
        id: id(flow.id, `${path}.id`, ctx),
        name: text(flow.name, `${path}.name`, ctx, LIMITS.name),
        tags
    };
}
/** `GET /flows/{id}`. */
const flow = (body, ctx) => flowRef(body, 'flow', ctx);
/**
 * `GET /flows/{id}` with its `flow_definition`. The definition is the user's own
 * flow, so its text is kept whole (the response's size is bounded by the
 * transport); only the API key is hidden from it.
 */
const flowDefinition = (body, ctx) => {
    const flow = record(body, 'flow');
    const definition = record(flow.flow_definition, 'flow.flow_definition');
    return {
        ...flowRef(body, 'flow', ctx),
        definition: JSON.parse(ctx.redact(JSON.stringify(definition)))
    };
};
/** `POST /flows/search`. */
const flowSearchPage = (body, ctx) => paged(body, ctx, flowRef);
function status(value, path, ctx) {
    const word = text(value, path, ctx, LIMITS.code);
    if (KNOWN_STATUSES.has(word))
        return { status: word };
    return { status: 'running', reported_status: word };
}
/** `target` with the fields of `optional` that are not null (absent stays absent). */
function withPresent(target, optional) {
    for (const [k, v] of Object.entries(optional)) {
        if (v !== null && v !== undefined)
            target[k] = v;
    }
    return target;
}
function executionOf(value, path, ctx) {
    const e = record(value, path);
    return withPresent({
        id: id(e.id, `${path}.id`, ctx),
        flow_id: id(e.flow_id, `${path}.flow_id`, ctx),
        ...status(e.status, `${path}.status`, ctx),
        started_at: timestamp(e.started_at, `${path}.started_at`)
    }, {
        execution_started_at: optionalTimestamp(e.execution_started_at),
        completed_at: optionalTimestamp(e.completed_at),
        error_code: optionalText(e.error_code, `${path}.error_code`, ctx, LIMITS.code),
        error_message: optionalText(e.error_message, `${path}.error_message`, ctx, LIMITS.message)
    });
}
/** A FlowExecution (`GET /flows/{id}/executions/{id}`). */
const execution = (body, ctx) => executionOf(body, 'execution', ctx);
/** `{execution: FlowExecution}` (launch, cancel). */
const executionEnvelope = (body, ctx) => executionOf(record(body, 'body').execution, 'execution', ctx);
/** `GET /executions` (slim rows) and `GET /flows/{id}/executions`. */
const executionsPage = (body, ctx) => paged(body, ctx, executionOf);
function assertion(value, path, ctx) {
    const a = record(value, path);
    if (typeof a.passed !== 'boolean') {
        throw new ShapeError(`${path}.passed`, notA(a.passed, 'a boolean'));
    }
    const out = {
        index: typeof a.index === 'number' && Number.isInteger(a.index)
            ? a.index
            : Number(path.match(/\[(\d+)\]$/)?.[1] ?? 0),
        extractor: text(a.extractor, `${path}.extractor`, ctx, LIMITS.name),
        operator: text(a.operator, `${path}.operator`, ctx, LIMITS.name),
        passed: a.passed
    };
    // Absent (not null) when unknown (docs/api-contract.md): keep them absent.
    if (a.expected !== undefined)
        out.expected = boundedValue(a.expected, ctx);
    if (a.actual !== undefined)
        out.actual = boundedValue(a.actual, ctx);
    const error = optionalText(a.error, `${path}.error`, ctx, LIMITS.message);
    if (error !== null)
        out.error = error;
    return out;
}
function nodeOf(value, path, ctx) {
    const n = record(value, path);
    const result = n.result === undefined || n.result === null ? null : record(n.result, `${path}.result`);
    const raw = result?.assertion_results;
    const assertions = raw === undefined || raw === null
        ? undefined
        : list(raw, `${path}.result.assertion_results`, LIMITS.assertions).map((a, i) => assertion(a, `${path}.result.assertion_results[${i}]`, ctx));
    return withPresent({
        node_id: id(n.node_id, `${path}.node_id`, ctx),
        display_name: text(n.display_name, `${path}.display_name`, ctx, LIMITS.name),
        node_type: text(n.node_type, `${path}.node_type`, ctx, LIMITS.name),
        status: text(n.status, `${path}.status`, ctx, LIMITS.code)
    }, {
        started_at: optionalTimestamp(n.started_at),
        completed_at: optionalTimestamp(n.completed_at),
        duration_ms: optionalCount(n.duration_ms),
        error_message: optionalText(n.error_message, `${path}.error_message`, ctx, LIMITS.message),
        result: assertions === undefined ? null : { assertion_results: assertions }
    });
}
/**
 * `GET …/executions/{id}/nodes`: a bare array. Each node that names its execution
 * or flow must name the one asked; the client passes them in.
 */
function nodes(expect) {
    return (body, ctx) => list(body, 'body', LIMITS.nodes).map((value, i) => {
        const path = `[${i}]`;
        const raw = record(value, path);
        for (const [field, want] of [
            ['execution_id', expect.executionId],
            ['flow_id', expect.flowId]
        ]) {
            if (raw[field] !== undefined && !sameId(raw[field], want)) {
                throw new ShapeError(`${path}.${field}`, `is not the ${field.replace('_id', '')} asked for`);
            }
        }
        return nodeOf(value, path, ctx);
    });
}
/** Whether a server-sent id is the one asked for (UUIDs compare case-insensitively). */
function sameId(value, asked) {
    return typeof value === 'string' && value.toLowerCase() === asked.toLowerCase();
}


/***/ }),

/***/ 37432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X5: () => (/* binding */ cleanText),
/* harmony export */   kW: () => (/* binding */ parseErrorBody),
/* harmony export */   qS: () => (/* binding */ statusText)
/* harmony export */ });
/* unused harmony export MAX_MESSAGE_LENGTH */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12258);
/**
 * Normalises every error body shape of docs/api-contract.md part C into one value. Bodies come
 * from the API, a gateway or a proxy, so nothing here may throw on malformed input.
 */


/** Longest server-provided message kept; longer ones are cut with an ellipsis. */
const MAX_MESSAGE_LENGTH = 300;
/** `404 Not Found`-style text for a status, for bodies that say nothing useful. */
function statusText(status) {
    const text = node_http__WEBPACK_IMPORTED_MODULE_0__.STATUS_CODES[status];
    return text ? `${status} ${text}` : `HTTP ${status}`;
}
/** C0/C1 controls and bidi overrides/marks (Trojan Source, CVE-2021-42574). */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/**
 * Makes server text safe to print: control and bidi-override characters removed
 * (they could forge log lines or workflow commands), whitespace collapsed, redacted,
 * then truncated. Redaction comes before truncation so a cut never leaves a key prefix.
 */
function cleanText(text, redact, max = MAX_MESSAGE_LENGTH) {
    const flat = text.replace(UNPRINTABLE, ' ');
    const clean = redact(flat.replace(/\s+/g, ' ').trim());
    if (clean.length <= max)
        return clean;
    // Never cut between the two halves of a surrogate pair (an emoji in a name).
    const end = /[\ud800-\udbff]/.test(clean[max - 2] ?? '') ? max - 2 : max - 1;
    return `${clean.slice(0, end)}…`;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value, redact) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const clean = cleanText(String(value), redact);
    return clean === '' ? undefined : clean;
}
function seconds(value) {
    const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}
/** `{"errors":[{code,message,field,metadata}, …]}`: the Echopoint envelope. */
function fromEnvelope(errors, redact) {
    const items = errors.filter(isRecord);
    const first = items[0] ?? {};
    // Several validation errors: keep them all in the message (the first gives the code).
    const messages = items
        .slice(0, 3)
        .map((e) => str(e.message, redact))
        .filter((m) => m !== undefined);
    return {
        code: str(first.code, redact),
        message: messages.length > 0 ? cleanText(messages.join('; '), redact) : undefined,
        field: str(first.field, redact),
        metadata: isRecord(first.metadata) ? first.metadata : undefined
    };
}
function fromObject(body, redact) {
    if (Array.isArray(body.errors))
        return fromEnvelope(body.errors, redact);
    const error = body.error;
    if (isRecord(error)) {
        // {"error":{"code":"unauthorized","message":"…"}}
        return {
            code: str(error.code, redact),
            message: str(error.message, redact),
            field: str(error.field, redact),
            metadata: isRecord(error.metadata) ? error.metadata : undefined
        };
    }
    // {"error":"Invalid API key"}, {"error":"Not Found","message":"Route … not found"},
    // {"code":"…","message":"…"}
    return {
        code: str(body.code, redact),
        message: str(body.message, redact) ?? str(error, redact),
        field: str(body.field, redact),
        metadata: isRecord(body.metadata) ? body.metadata : undefined
    };
}
/** Largest error metadata kept, as JSON; a larger one keeps only its short string fields. */
const MAX_METADATA_JSON = 2000;
/** Error metadata, redacted and bounded (it may end up in a report). */
function boundedMetadata(metadata, redact) {
    const clean = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactDeep */ .KL)(metadata, redact);
    if ((JSON.stringify(clean) ?? '').length <= MAX_METADATA_JSON)
        return clean;
    const short = {};
    for (const [key, value] of Object.entries(clean).slice(0, 20)) {
        if (key.length <= 64 && typeof value === 'string' && value.length <= 200)
            short[key] = value;
    }
    return short;
}
/**
 * Parses an error response body of any shape in docs/api-contract.md part C. Anything that is
 * not JSON (an HTML page from a proxy, an empty body) falls back to the status text.
 */
function parseErrorBody(text, status, redact) {
    let json;
    try {
        json = text.trim() === '' ? undefined : JSON.parse(text);
    }
    catch {
        json = undefined;
    }
    const fallback = statusText(status);
    if (!isRecord(json))
        return { message: fallback };
    const parts = fromObject(json, redact);
    const body = { message: parts.message ?? fallback };
    if (parts.code !== undefined)
        body.code = parts.code;
    if (parts.field !== undefined)
        body.field = parts.field;
    if (parts.metadata !== undefined)
        body.metadata = boundedMetadata(parts.metadata, redact);
    // Rate-limit hints sit at the top level or inside `error`, spelt retryAfter,
    // retry_after, RetryAfter, …: docs/api-contract.md part C asks for them case-insensitively.
    const nested = isRecord(json.error) ? json.error : {};
    const retryAfter = seconds(hint(json, 'retryafter') ?? hint(nested, 'retryafter'));
    if (retryAfter !== undefined)
        body.retryAfter = retryAfter;
    const resetAt = str(hint(json, 'resetat') ?? hint(nested, 'resetat'), redact);
    if (resetAt !== undefined)
        body.resetAt = resetAt;
    return body;
}
/** The value of the first key that reads `name` ignoring case, `_` and `-`. */
function hint(object, name) {
    const key = Object.keys(object).find((k) => k.replace(/[-_]/g, '').toLowerCase() === name);
    return key === undefined ? undefined : object[key];
}


/***/ }),

/***/ 52241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport)
});

// UNUSED EXPORTS: DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT, MAX_TOLD_WAITS, requestLabel

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(44942);
// EXTERNAL MODULE: ./src/core/api/api.ts
var api = __webpack_require__(97276);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(32257);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/logger.ts
/** A logger that drops everything (for library use and tests that do not care). */
const silentLogger = {
    debug: () => undefined,
    info: () => undefined,
    warning: () => undefined,
    error: () => undefined
};

// EXTERNAL MODULE: ./src/core/api/http/error-body.ts
var error_body = __webpack_require__(37432);
;// CONCATENATED MODULE: ./src/core/api/http/headers.ts
/** The value of a response header, the first one when it was repeated. */
function headerValue(headers, name) {
    const value = headers[name.toLowerCase()];
    if (Array.isArray(value))
        return value[0];
    return value;
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/http-date.ts
/**
 * HTTP-date parsing (RFC 9110 §5.6.7), for `Retry-After` and `Date`.
 *
 * A sender must use IMF-fixdate, but a recipient must also accept the two obsolete
 * forms, RFC 850 and ANSI C asctime(), because old servers and proxies still send
 * them. `Date.parse` is not used: its handling of these forms is
 * implementation-defined and it accepts many strings that are not HTTP-dates.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const DAY_LONG = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The grammar is case-sensitive with single spaces, but being lenient about case and
// runs of whitespace costs nothing and some gateways are sloppy about both.
/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = new RegExp(`^${DAY},\\s+(\\d{2})\\s+${MONTH}\\s+(\\d{4})\\s+${TIME}\\s+GMT$`, 'i');
/** `Sunday, 06-Nov-94 08:49:37 GMT` */
const RFC850 = new RegExp(`^${DAY_LONG},\\s+(\\d{2})-${MONTH}-(\\d{2})\\s+${TIME}\\s+GMT$`, 'i');
/** `Sun Nov  6 08:49:37 1994` (day of month padded with a space) */
const ASCTIME = new RegExp(`^${DAY}\\s+${MONTH}\\s+(\\d{1,2})\\s+${TIME}\\s+(\\d{4})$`, 'i');
/** Epoch ms for the fields, or undefined when they do not name a real instant (e.g. 31 Feb). */
function utc(year, month, day, hour, minute, second) {
    const m = MONTHS.indexOf(month.toLowerCase());
    // RFC 9110 allows second 60 (a leap second); treat it as 59 rather than rolling over.
    if (hour > 23 || minute > 59 || second > 60)
        return undefined;
    const ms = Date.UTC(year, m, day, hour, minute, Math.min(second, 59));
    const check = new Date(ms);
    if (check.getUTCFullYear() !== year || check.getUTCDate() !== day)
        return undefined;
    return ms;
}
/**
 * RFC 9110 §5.6.7: a two-digit year that "appears to be more than 50 years in the
 * future" is the most recent past year with the same last two digits.
 */
function fullYear(twoDigits, referenceMs) {
    const ref = new Date(referenceMs).getUTCFullYear();
    let year = Math.floor(ref / 100) * 100 + twoDigits;
    if (year > ref + 50)
        year -= 100;
    return year;
}
/**
 * Parses an HTTP-date in any of the three forms of RFC 9110 §5.6.7 and returns epoch
 * ms, or undefined for anything else (never throws). `referenceMs` (usually now)
 * resolves the century of an RFC 850 two-digit year.
 */
function parseHttpDate(value, referenceMs) {
    const text = value.trim();
    let m = IMF_FIXDATE.exec(text);
    if (m)
        return utc(+m[3], m[2], +m[1], +m[4], +m[5], +m[6]);
    m = RFC850.exec(text);
    if (m)
        return utc(fullYear(+m[3], referenceMs), m[2], +m[1], +m[4], +m[5], +m[6]);
    m = ASCTIME.exec(text);
    if (m)
        return utc(+m[6], m[1], +m[2], +m[3], +m[4], +m[5]);
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/reset-time.ts
/**
 * Reads "when does the limit reset" values whose format is not standardised:
 * `X-RateLimit-Reset`, a body `resetAt`, and numbers where a delay was expected.
 *
 * Real APIs send the same field as an ISO-8601 timestamp, Unix epoch seconds
 * (GitHub), epoch milliseconds, or seconds to wait (docs/api-contract.md part C). Nothing in
 * the value says which, so a number is read by plausibility against the server's
 * clock (see {@link classifyResetNumber}), not by a fixed cut-off.
 */

const SECOND = 1000;
const DAY_S = 86_400;
/** Half-width of the window in which a number is taken for an absolute time: 1 year. */
const EPOCH_WINDOW_S = 366 * DAY_S;
/**
 * Longest seconds-to-wait read from a field whose form is unknown: one day, the
 * longest rate-limit window docs/api-contract.md lists (per-day quotas).
 */
const MAX_RESET_DELTA_S = DAY_S;
/** `1*DIGIT [ "." 1*DIGIT ]`: non-negative, no sign, no exponent, no hex. */
const NUMBER = /^\d+(\.\d+)?$/;
/** Parses a non-negative decimal number, or undefined. */
function parseNonNegative(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? value : undefined;
    const text = value.trim();
    return NUMBER.test(text) ? Number(text) : undefined;
}
/**
 * Classifies a number as an absolute epoch time when it is one plausibly, relative to
 * the server's "now" `nowS` (epoch seconds):
 *
 * 1. `|v − nowS| ≤ 1 year` → epoch seconds (e.g. `1705314645`);
 * 2. `|v/1000 − nowS| ≤ 1 year` → epoch milliseconds (e.g. `1705314645000`).
 *
 * Otherwise undefined. Why a window and not a cut-off such as "> 1e9 is an epoch":
 * a reset is always near "now" (windows are at most a day long; a year leaves room
 * for any clock skew), so a value far from now under every reading is garbage to be
 * ignored, not a wait of decades. The two windows, and the delay range below
 * (≤ {@link MAX_RESET_DELTA_S}), are disjoint for any date after 1971, so at most one
 * reading fits and the order of the checks does not matter.
 */
function classifyEpoch(value, nowS) {
    if (Math.abs(value - nowS) <= EPOCH_WINDOW_S) {
        return { atMs: Math.round(value * SECOND), form: 'epoch seconds' };
    }
    if (Math.abs(value / SECOND - nowS) <= EPOCH_WINDOW_S) {
        return { atMs: Math.round(value), form: 'epoch milliseconds' };
    }
    return undefined;
}
/**
 * A number of seconds from a field defined as a delay (`Retry-After`, the IETF `t`
 * parameter, a body `retryAfter`), read at the server's `nowMs`: the delay it says,
 * unless it is plausibly an epoch time ({@link classifyEpoch}). Servers do put their
 * `X-RateLimit-Reset` epoch into such fields, and `1705314645` seconds (54 years) is
 * never the delay they mean.
 */
function delayOrEpoch(seconds, nowMs) {
    return (classifyEpoch(seconds, nowMs / SECOND) ?? {
        atMs: nowMs + Math.round(seconds * SECOND),
        form: 'delay seconds'
    });
}
/**
 * The plausibility rule for a reset number of unknown form (`X-RateLimit-Reset`, a
 * numeric body `resetAt`), with `nowMs` the server's clock:
 *
 * - epoch seconds or epoch ms when within a year of now ({@link classifyEpoch});
 * - else seconds to wait when ≤ 86,400 (one day);
 * - else implausible: undefined, and the signal is ignored.
 */
function classifyResetNumber(value, nowMs) {
    const epoch = classifyEpoch(value, nowMs / SECOND);
    if (epoch)
        return epoch;
    if (value <= MAX_RESET_DELTA_S) {
        return { atMs: nowMs + Math.round(value * SECOND), form: 'delay seconds' };
    }
    return undefined;
}
/**
 * ISO 8601 / RFC 3339 date-time, e.g. `2024-01-15T10:30:00.000Z`. A value without a
 * zone is taken as UTC (an API means UTC; the runner's time zone is irrelevant).
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Parses an ISO 8601 date-time to epoch ms, or undefined (also for 31 Feb and the like). */
function parseIsoTimestamp(value) {
    const m = ISO.exec(value.trim());
    if (!m)
        return undefined;
    const [year, month, day, hour, minute] = [+m[1], +m[2], +m[3], +m[4], +m[5]];
    const second = m[6] === undefined ? 0 : +m[6];
    const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * SECOND);
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60)
        return undefined;
    let at = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
    const check = new Date(at);
    if (check.getUTCFullYear() !== year || check.getUTCDate() !== day)
        return undefined;
    const zone = m[8]?.toUpperCase();
    if (zone && zone !== 'Z') {
        const digits = zone.replace(':', '');
        const hours = Number(digits.slice(1, 3));
        const minutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
        if (hours > 23 || minutes > 59)
            return undefined;
        const offset = (hours * 60 + minutes) * 60 * SECOND;
        at += zone.startsWith('+') ? -offset : offset;
    }
    return at;
}
/**
 * Reads a reset value of unknown form: ISO 8601, an HTTP-date, or a number classified
 * by {@link classifyResetNumber}. `nowMs` is the server's clock. Undefined when the
 * value is malformed or implausible (never throws).
 */
function parseResetTime(value, nowMs) {
    const n = parseNonNegative(value);
    if (n !== undefined)
        return classifyResetNumber(n, nowMs);
    if (typeof value !== 'string')
        return undefined;
    const iso = parseIsoTimestamp(value);
    if (iso !== undefined)
        return { atMs: iso, form: 'ISO 8601' };
    const date = parseHttpDate(value, nowMs);
    if (date !== undefined)
        return { atMs: date, form: 'HTTP-date' };
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/structured-fields.ts
/**
 * A small, lenient reader for HTTP Structured Field lists and dictionaries (RFC 9651),
 * enough for the IETF rate-limit fields:
 *
 *     RateLimit-Policy: "default";q=100;w=60          (list of items with parameters)
 *     RateLimit: limit=100, remaining=0, reset=45     (older draft: a dictionary)
 *
 * Strict RFC 9651 parsing drops the whole field on any error; here one malformed
 * member is skipped and the rest kept, because a rate-limit hint that is partly
 * readable is still worth honouring, and nothing here may throw on server input.
 * (The project has no structured-field dependency; this covers what it needs.)
 */
/** Splits on `separator` outside double-quoted strings (which may contain `\"`). */
function splitOutsideQuotes(text, separator) {
    const parts = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted && c === '\\' && i + 1 < text.length) {
            current += c + text[++i];
            continue;
        }
        if (c === '"')
            quoted = !quoted;
        if (c === separator && !quoted) {
            parts.push(current);
            current = '';
        }
        else {
            current += c;
        }
    }
    parts.push(current);
    return parts;
}
const KEY = /^[a-z*][a-z0-9_\-.*]*$/i;
const structured_fields_NUMBER = /^-?\d{1,15}(\.\d{1,3})?$/;
const TOKEN = /^[a-z*][\w!#$%&'*+\-.^`|~:/]*$/i;
/** A bare item, or undefined when malformed. */
function bareItem(text) {
    const t = text.trim();
    if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
        return t.slice(1, -1).replace(/\\(["\\])/g, '$1');
    }
    if (structured_fields_NUMBER.test(t))
        return Number(t);
    if (t === '?1')
        return true;
    if (t === '?0')
        return false;
    if (TOKEN.test(t))
        return t;
    return undefined;
}
/** `key` or `key=value`; undefined when malformed. */
function keyValue(text) {
    const eq = text.indexOf('=');
    const key = (eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase();
    if (!KEY.test(key))
        return undefined;
    if (eq < 0)
        return [key, true];
    const value = bareItem(text.slice(eq + 1));
    return value === undefined ? undefined : [key, value];
}
/**
 * Parses a list or dictionary field into its members, skipping malformed ones.
 * Several header lines of one field arrive joined with commas, which is how RFC 9651
 * combines them too.
 */
function parseStructuredMembers(text) {
    const members = [];
    for (const raw of splitOutsideQuotes(text, ',')) {
        if (raw.trim() === '')
            continue;
        const [head, ...paramTexts] = splitOutsideQuotes(raw, ';');
        const params = {};
        let ok = true;
        for (const p of paramTexts) {
            const kv = keyValue(p);
            if (kv)
                params[kv[0]] = kv[1];
            else
                ok = false;
        }
        if (!ok)
            continue;
        const headText = head.trim();
        // `key=value` (dictionary member) unless the `=` sits inside a quoted string.
        const isDictMember = /^[a-z*][a-z0-9_\-.*]*\s*=/i.test(headText);
        if (isDictMember) {
            const kv = keyValue(headText);
            if (kv)
                members.push({ key: kv[0], value: kv[1], params });
            continue;
        }
        if (headText === '')
            continue;
        const value = bareItem(headText);
        if (value !== undefined)
            members.push({ value, params });
    }
    return members;
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/headers.ts



function num(value) {
    return typeof value === 'number' || typeof value === 'string'
        ? parseNonNegative(value)
        : undefined;
}
/** Policies from a `RateLimit` value, in the list form or the draft-07 dictionary form. */
function policiesFrom(members) {
    const dict = members.filter((m) => m.key !== undefined);
    const list = members.filter((m) => m.key === undefined);
    const policies = list.map((m) => ({
        name: typeof m.value === 'string' ? m.value : undefined,
        remaining: num(m.params.r),
        resetSeconds: num(m.params.t)
    }));
    if (dict.length > 0) {
        const get = (...keys) => num(dict.find((m) => keys.includes(m.key))?.value);
        policies.push({ remaining: get('remaining', 'r'), resetSeconds: get('reset', 't') });
    }
    return policies.filter((p) => p.remaining !== undefined || p.resetSeconds !== undefined);
}
/** Windows (`w`) from `RateLimit-Policy`, by policy name ('' for an unnamed one). */
function windowsFrom(value) {
    const windows = new Map();
    if (value === undefined)
        return windows;
    for (const m of parseStructuredMembers(value)) {
        const w = num(m.params.w);
        if (w === undefined)
            continue;
        windows.set(typeof m.value === 'string' && m.key === undefined ? m.value : '', w);
    }
    return windows;
}
/**
 * Reads the IETF fields. The most constrained policy wins: fewest requests
 * remaining, and among those the latest reset. A policy with `r=0` but no `t`
 * falls back to its window `w` from `RateLimit-Policy` (the longest it can take to
 * reset). Undefined when the response carries none of these fields.
 */
function readIetfRateLimit(headers) {
    const policies = [];
    const field = headerValue(headers, 'ratelimit');
    if (field !== undefined)
        policies.push(...policiesFrom(parseStructuredMembers(field)));
    // Drafts 00–06: one header per value.
    const remaining = parseNonNegative(headerValue(headers, 'ratelimit-remaining') ?? '');
    const reset = parseNonNegative(headerValue(headers, 'ratelimit-reset') ?? '');
    if (remaining !== undefined || reset !== undefined) {
        policies.push({ remaining, resetSeconds: reset });
    }
    if (policies.length === 0)
        return undefined;
    const windows = windowsFrom(headerValue(headers, 'ratelimit-policy'));
    for (const p of policies) {
        if (p.resetSeconds === undefined && p.remaining === 0) {
            p.resetSeconds =
                windows.get(p.name ?? '') ?? (windows.size === 1 ? [...windows.values()][0] : undefined);
        }
    }
    const known = policies.filter((p) => p.remaining !== undefined);
    const pool = known.length > 0 ? known : policies;
    const fewest = Math.min(...pool.map((p) => p.remaining ?? Infinity));
    const candidates = pool.filter((p) => (p.remaining ?? Infinity) === fewest);
    const chosen = candidates.reduce((a, b) => (b.resetSeconds ?? -1) > (a.resetSeconds ?? -1) ? b : a);
    return {
        remaining: chosen.remaining,
        resetSeconds: chosen.resetSeconds,
        policy: chosen.name
    };
}
/**
 * Reads `X-RateLimit-Remaining` and `X-RateLimit-Reset`. A remaining value listing
 * several numbers (`0, 100`: one per policy, as some gateways send) counts as its
 * smallest. Undefined when neither field is present and readable.
 */
function readXRateLimit(headers) {
    const rawRemaining = headerValue(headers, 'x-ratelimit-remaining');
    const counts = (rawRemaining ?? '')
        .split(',')
        .map((v) => parseNonNegative(v))
        .filter((v) => v !== undefined);
    const remaining = counts.length > 0 ? Math.min(...counts) : undefined;
    const reset = headerValue(headers, 'x-ratelimit-reset')?.trim() || undefined;
    if (remaining === undefined && reset === undefined)
        return undefined;
    return { remaining, reset };
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/signals.ts




/** True for a `Retry-After` value of either RFC 9110 §10.2.3 form (garbage does not count). */
function isRetryAfter(value) {
    if (value === undefined)
        return false;
    // The reference time only picks the century of an RFC 850 year; any will do here.
    return parseNonNegative(value) !== undefined || parseHttpDate(value, 0) !== undefined;
}
/**
 * True when a response carries a readable rate-limit signal: a valid `Retry-After`,
 * no requests remaining per the IETF `RateLimit` fields or `X-RateLimit-Remaining`,
 * or a body `retryAfter`/`resetAt`. Used to tell a rate-limiting 403 (some gateways
 * answer so) from a real permission error; a malformed signal does not count.
 */
function hasRateLimitSignals(headers, body) {
    if (isRetryAfter(headerValue(headers, 'retry-after')))
        return true;
    if (readIetfRateLimit(headers)?.remaining === 0)
        return true;
    if (readXRateLimit(headers)?.remaining === 0)
        return true;
    return body?.retryAfter !== undefined || body?.resetAt !== undefined;
}

// EXTERNAL MODULE: ./src/core/redact.ts
var core_redact = __webpack_require__(12258);
;// CONCATENATED MODULE: ./src/core/api/ratelimit/wait-format.ts
/** How waits and instants read in logs and error messages. */
/**
 * A wait for a log line: `0.4s`, `45s`, `1m 30s`, `1h 5m`. Sub-minute waits keep one
 * decimal only below 10 s, where a backoff's tenths matter.
 */
function formatWait(ms) {
    const s = Math.max(0, ms) / 1000;
    if (s < 10)
        return `${Number(s.toFixed(1))}s`;
    if (s < 60)
        return `${Math.round(s)}s`;
    const total = Math.round(s);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const rest = total % 60;
    if (h > 0)
        return m > 0 ? `${h}h ${m}m` : `${h}h`;
    return rest > 0 ? `${m}m ${rest}s` : `${m}m`;
}
/** An instant as ISO 8601 UTC, without `.000` when it falls on a whole second. */
function isoTime(ms) {
    return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

;// CONCATENATED MODULE: ./src/core/api/http/http-error.ts





/** The server's code for a spent daily execution budget (docs/api-contract.md, launch semantics). */
const DAILY_QUOTA_CODE = 'DAILY_EXECUTION_LIMIT_EXCEEDED';
/**
 * The sandbox's code for an Idempotency-Key reused with different launch parameters
 * (docs/api-contract.md, launch semantics: the same key with different parameters gets 409).
 */
const IDEMPOTENCY_KEY_REUSED_CODE = 'IDEMPOTENCY_KEY_REUSED';
/** Which kind a status (and its signals) is. */
function kindForResponse(failure) {
    const { status, headers, body } = failure;
    if (body.code?.toUpperCase() === DAILY_QUOTA_CODE)
        return 'quota';
    if (status === 401)
        return 'auth';
    // A 403 that carries rate-limit signals is a rate limit, not a missing scope (part C).
    if (status === 403)
        return hasRateLimitSignals(headers, body) ? 'rate_limited' : 'permission';
    if (status === 404)
        return 'not_found';
    if (status === 408)
        return 'network';
    // 407 comes from a proxy between the kit and the API, not from the API.
    if (status === 407)
        return 'network';
    if (status === 409)
        return 'conflict';
    if (status === 429)
        return 'rate_limited';
    if (status >= 500 && status <= 599)
        return 'server';
    // 400, 422 and anything else: the API refused what the kit sent, or answered outside the contract.
    return 'contract';
}
const SUMMARY = {
    auth: 'the API key is invalid, revoked or expired',
    permission: 'the API key is not allowed to do this',
    not_found: 'not found',
    network: 'the server timed out waiting for the request',
    conflict: 'conflicts with the current state',
    quota: "the organization's daily execution quota is used up",
    rate_limited: 'rate limited by the API',
    server: 'server error',
    contract: 'the API refused the request',
    config: 'invalid configuration',
    timeout: 'timed out',
    cancelled: 'cancelled'
};
const HINT = {
    auth: 'Check the API key: it must be current and not revoked. Create a new one with the `ci` preset if needed',
    permission: 'The key needs the scopes for this mode (e.g. flows:execute, flows:read, runner:complete) and must belong to the given organization. Keys created with the `ci` preset have them',
    not_found: 'Check the ID and the organization ID: a resource in another organization answers 404',
    quota: 'This is a rolling 24-hour budget, not a short rate limit, so retrying in this job will not help. Run fewer flows, wait for the window to roll over, or raise the plan limit'
};
const KEY_REUSED_SUMMARY = 'the Idempotency-Key was already used for a launch with different parameters';
function keyReusedHint(idempotencyKeyName) {
    return `The server keeps the first launch for a key and refuses the same key with another environment, version, runner or trigger type. If you set ${idempotencyKeyName}, give each distinct launch its own value, or leave it unset so one is derived from the CI run and the flow`;
}
const PROXY_AUTH_SUMMARY = 'the HTTP proxy between this machine and the API asks for credentials (407 Proxy Authentication Required)';
const PROXY_AUTH_HINT = 'Put the proxy credentials in HTTPS_PROXY (http://user:password@proxy:port), or list the API host in NO_PROXY if it needs no proxy';
/** Builds the typed error for a non-2xx response. */
function errorFromResponse(failure, redact, idempotencyKeyName = 'idempotency-key') {
    const { status, body, request } = failure;
    const kind = kindForResponse(failure);
    const scope = typeof body.metadata?.scope === 'string' ? body.metadata.scope : undefined;
    const keyReused = status === 409 && body.code?.toUpperCase() === IDEMPOTENCY_KEY_REUSED_CODE;
    let summary = keyReused ? KEY_REUSED_SUMMARY : status === 407 ? PROXY_AUTH_SUMMARY : SUMMARY[kind];
    if (kind === 'quota' && scope)
        summary += ` (scope: ${(0,error_body/* cleanText */.X5)(scope, redact, 60)})`;
    const tag = body.code ? `HTTP ${status}, ${body.code}` : `HTTP ${status}`;
    const fallback = (0,error_body/* statusText */.qS)(status);
    const said = body.message === fallback ? fallback.replace(/^\d+ /, '') : body.message;
    const field = body.field ? ` (field ${body.field})` : '';
    const message = redact(`${request} failed: ${summary} (${tag}): ${said}${field}`);
    return new errors/* EchopointError */.aw(kind, message, {
        status,
        code: body.code,
        request,
        field: body.field,
        metadata: body.metadata ? (0,core_redact/* redactDeep */.KL)(body.metadata, redact) : undefined,
        hint: keyReused
            ? keyReusedHint(idempotencyKeyName)
            : status === 407
                ? PROXY_AUTH_HINT
                : HINT[kind]
    });
}
/**
 * The error for a rate-limit wait that would end past the step's deadline (or last
 * longer than any wait the client takes): fail now and say until when, rather than
 * sleep into a timeout. E.g. `GET /flows/f failed: rate limited until
 * 2024-01-15T10:31:00Z (HTTP 429, Retry-After); the step's deadline is 2024-01-15T10:30:00Z`.
 */
function waitRefusedError(wait) {
    const status = wait.error?.status ?? wait.status;
    const what = [status === undefined ? undefined : `HTTP ${status}`, wait.signal]
        .filter(Boolean)
        .join(', ');
    const origin = wait.learnedFrom ? ` on ${wait.learnedFrom}` : '';
    const verb = wait.error ? 'failed' : 'not sent';
    return new errors/* EchopointError */.aw('rate_limited', `${wait.request} ${verb}: rate limited until ${isoTime(wait.untilMs)} (${what}${origin}); ${wait.why}`, {
        status,
        code: wait.error?.code,
        request: wait.request,
        metadata: wait.error?.metadata,
        hint: 'The API asked for a longer wait than this step allows. Run fewer flows at once, spread runs out over time, or give the step a longer timeout',
        cause: wait.error
    });
}
/** A 2xx whose body is not what the endpoint promises. */
function contractViolation(request, status, problem, apiUrlName = 'api-url') {
    return new errors/* EchopointError */.aw('contract', `${request}: the API answered HTTP ${status} with a body that does not match the Echopoint API (${problem})`, {
        status,
        request,
        hint: `Check that ${apiUrlName} points at the Echopoint API and not at a proxy or web page`
    });
}
/** The same error with another message (fields kept), e.g. to add the attempt count. */
function withMessage(error, message) {
    return new errors/* EchopointError */.aw(error.kind, message, {
        status: error.status,
        code: error.code,
        request: error.request,
        field: error.field,
        metadata: error.metadata,
        hint: error.hint,
        cause: error.cause
    });
}
/** The error for an aborted request or wait; a reason that is already typed wins (e.g. a deadline). */
function cancelledError(signal, request) {
    const reason = signal?.reason;
    if (reason instanceof errors/* EchopointError */.aw)
        return reason;
    return new errors/* EchopointError */.aw('cancelled', `${request} was cancelled`, { request, cause: reason });
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/core/api/http/network-error.ts
/**
 * Maps Node socket, DNS and TLS failures to `network` EchopointErrors. The Node error
 * code (ECONNRESET, ENOTFOUND, …) is kept as the error's code so the retry policy can
 * tell transient failures from permanent ones such as a bad certificate.
 */



/** Code given to a request that got no answer within the per-request timeout. */
const REQUEST_TIMEOUT_CODE = 'REQUEST_TIMEOUT';
/** Failures that say nothing about the next attempt: worth retrying an idempotent request. */
const TRANSIENT = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'ENETDOWN',
    'ERR_STREAM_PREMATURE_CLOSE',
    'HPE_INVALID_CONSTANT',
    REQUEST_TIMEOUT_CODE
]);
/** True for a network error a retry may cure (not, e.g., a certificate problem). */
function isTransientNetworkError(error) {
    return error.kind === 'network' && (error.status === 408 || TRANSIENT.has(error.code ?? ''));
}
function describe(code, host, raw, apiUrlName) {
    switch (code) {
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return `could not resolve the host ${host} (DNS ${code}); check ${apiUrlName}`;
        case 'ECONNREFUSED':
            return `the connection to ${host} was refused (ECONNREFUSED)`;
        case 'ECONNRESET':
        case 'EPIPE':
        case 'ECONNABORTED':
            return `the connection to ${host} was reset (${code})`;
        case 'ETIMEDOUT':
            return `the connection to ${host} timed out (ETIMEDOUT)`;
        default:
            if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
                return `TLS problem with ${host} (${code}); check ${apiUrlName} and any proxy in between`;
            }
            return `network error talking to ${host}: ${raw}${code ? ` (${code})` : ''}`;
    }
}
/** A `network` error for a failed exchange (the host is shown, the key never). */
function networkError(err, request, host, redact, apiUrlName = 'api-url') {
    const e = err;
    const raw = (0,error_body/* cleanText */.X5)(typeof e?.message === 'string' ? e.message : String(err), redact, 200);
    let code = typeof e?.code === 'string' ? e.code : undefined;
    // An HTTPS request through a proxy opens a tunnel (CONNECT); when the proxy refuses,
    // the tunnel agent reports "tunneling socket could not be established, statusCode=407"
    // with code ECONNRESET. Say what the proxy said instead of "connection reset".
    const tunnel = /tunneling socket could not be established,\s*statusCode=(\d{3})/i.exec(raw);
    if (tunnel) {
        const status = Number(tunnel[1]);
        return new errors/* EchopointError */.aw('network', redact(`${request} failed: ${status === 407 ? PROXY_AUTH_SUMMARY : `the HTTP proxy refused to open a tunnel to ${host} (HTTP ${status})`}`), {
            code: `PROXY_${status}`,
            status: status === 407 ? 407 : undefined,
            request,
            hint: status === 407 ? PROXY_AUTH_HINT : 'Check HTTPS_PROXY and NO_PROXY',
            cause: err
        });
    }
    // http-client and Node report a dropped connection as "socket hang up" with ECONNRESET,
    // but some paths leave the code off.
    if (!code && /socket hang up/i.test(raw))
        code = 'ECONNRESET';
    return new errors/* EchopointError */.aw('network', redact(`${request} failed: ${describe(code, host, raw, apiUrlName)}`), {
        code,
        request,
        cause: err
    });
}
/** The error for an exchange that got no answer within `timeoutMs`. */
function requestTimeoutError(request, host, timeoutMs) {
    const seconds = timeoutMs < 1000 ? `${timeoutMs} ms` : `${(timeoutMs / 1000).toFixed(1)}s`;
    return new errors/* EchopointError */.aw('network', `${request} failed: no response from ${host} within ${seconds} (request timeout)`, { code: REQUEST_TIMEOUT_CODE, request });
}

;// CONCATENATED MODULE: ./src/core/api/http/send.ts
/**
 * One HTTP exchange over @actions/http-client: no redirects, no retries, a per-request
 * timeout and an AbortSignal. http-client's own helpers cannot take a signal, so the
 * request is built here and sent with `requestRaw`, which still gives us its proxy
 * agent (HTTPS_PROXY / NO_PROXY) and socket handling; Node's `http.request` accepts
 * the signal and destroys the socket when it fires.
 */





/** Bodies above this are refused rather than buffered (no API answer comes close). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
async function readBody(message, request, apiUrlName) {
    const chunks = [];
    let size = 0;
    // Async iteration rejects if the socket is destroyed mid-body (abort, timeout, reset);
    // http-client's readBody() would wait forever in that case.
    for await (const chunk of message) {
        const buf = chunk;
        size += buf.length;
        if (size > MAX_BODY_BYTES) {
            message.destroy();
            throw contractViolation(request, message.statusCode ?? 0, `body larger than ${MAX_BODY_BYTES} bytes`, apiUrlName);
        }
        chunks.push(buf);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * Sends one request and reads the whole response. Rejects with a `network` error for
 * socket/DNS/TLS failures and timeouts, `cancelled` (or the signal's typed reason)
 * when `signal` aborts.
 */
async function sendOnce(client, exchange) {
    const { url, signal, request } = exchange;
    if (signal?.aborted)
        throw cancelledError(signal, request);
    // One controller for both stops: the caller's signal and our timeout. Real timers on
    // purpose: this bounds real I/O, the injected clock only governs waits.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, exchange.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const secure = url.protocol === 'https:';
    const info = {
        parsedUrl: url,
        httpModule: secure ? (external_node_https_default()) : (external_node_http_default()),
        options: {
            host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: url.port ? Number(url.port) : secure ? 443 : 80,
            path: url.pathname + url.search,
            method: exchange.method,
            headers: exchange.headers,
            agent: client.getAgent(url.href),
            signal: controller.signal
        }
    };
    try {
        const response = await client.requestRaw(info, exchange.body ?? null);
        const text = await readBody(response.message, request, exchange.apiUrlName);
        return { status: response.message.statusCode ?? 0, headers: response.message.headers, text };
    }
    catch (err) {
        if (signal?.aborted)
            throw cancelledError(signal, request);
        if (timedOut)
            throw requestTimeoutError(request, url.host, exchange.timeoutMs);
        if (err instanceof errors/* EchopointError */.aw)
            throw err;
        throw networkError(err, request, url.host, exchange.redact, exchange.apiUrlName);
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
    }
}

// EXTERNAL MODULE: ./src/core/api/decode.ts
var decode = __webpack_require__(2544);
;// CONCATENATED MODULE: ./src/core/api/http/redirect.ts
/**
 * Redirects are followed here, not by http-client: it would follow them to any host
 * and strip only `Authorization`, so `X-Api-Key` would go along. We follow only within
 * the configured origin (scheme, host and port), which also rules out https → http.
 */

/** Statuses that redirect (RFC 9110 §15.4). 300 and 304 are not automatic redirects. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Most redirects followed for one request. */
const MAX_REDIRECTS = 5;
function refuse(message, request, status) {
    return new errors/* EchopointError */.aw('contract', message, { status, request });
}
/**
 * Where a redirect may be followed to, or a `contract` error saying why not.
 * Messages name origins only: never a path, a query or the key.
 */
function redirectTarget(current, status, location, method, allowedOrigin, request, apiUrlName = 'api-url') {
    const HINT = `Set ${apiUrlName} to the final address`;
    if (!location) {
        throw refuse(`${request}: the API answered ${status} without a Location header. ${HINT}.`, request, status);
    }
    let target;
    try {
        // A relative Location resolves against the request URL (RFC 9110 §10.2.2).
        target = new URL(location, current);
    }
    catch {
        throw refuse(`${request}: the API redirected (${status}) to an invalid address. ${HINT}.`, request, status);
    }
    if (current.protocol === 'https:' && target.protocol !== 'https:') {
        throw refuse(`The API at ${current.origin} redirected from https to ${target.protocol}//${target.host}; the API key is never sent over plain http. ${HINT}.`, request, status);
    }
    if (target.origin !== allowedOrigin) {
        throw refuse(`The API at ${allowedOrigin} redirected to ${target.origin}; the API key is only sent to the configured ${apiUrlName} host. ${HINT}.`, request, status);
    }
    // 301/302 turn a POST into a GET in practice and 303 does so by definition
    // (RFC 9110 §15.4.2-4); a launch must never silently become a GET, so only 307/308
    // (which keep the method and body) are followed for POST.
    if (method !== 'GET' && status !== 307 && status !== 308) {
        throw refuse(`${request}: the API answered ${status}, which would turn the ${method} into a GET. ${HINT}.`, request, status);
    }
    target.username = '';
    target.password = '';
    target.hash = '';
    return target;
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/retry-after.ts
/**
 * The `Retry-After` header (RFC 9110 §10.2.3):
 *
 *     Retry-After = HTTP-date / delay-seconds
 *
 * With 503 it says how long the service will be unavailable; with 429 (RFC 6585 §4)
 * how long to wait before the next request. Both forms are read here; anything else
 * is ignored, never an error.
 */


/**
 * Reads `Retry-After` as an instant on the server's clock (`nowMs`, from `Date`).
 *
 * - delay-seconds (`45`, `0`) → `nowMs + 45 s`. A number that is plausibly an epoch
 *   time (seconds or ms within a year of now) is read as one (see `delayOrEpoch`).
 *   Fractions are accepted, being harmless.
 * - HTTP-date in any of the three forms of RFC 9110 §5.6.7 → that instant.
 *
 * Returns undefined for a missing or malformed value.
 */
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const seconds = parseNonNegative(value);
    if (seconds !== undefined)
        return delayOrEpoch(seconds, nowMs);
    const date = parseHttpDate(value, nowMs);
    return date === undefined ? undefined : { atMs: date, form: 'HTTP-date' };
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/server-clock.ts


/**
 * Reads the server's clock from `Date`. A missing or malformed `Date` means "no
 * correction": the local clock is used as is. `Date` has one-second resolution and
 * is set before the body is sent, so the correction can overstate a wait by up to a
 * second, never shorten it.
 */
function serverClock(headers, localNowMs) {
    const date = headerValue(headers, 'date');
    const serverNow = date === undefined ? undefined : parseHttpDate(date, localNowMs);
    const skewMs = serverNow === undefined ? 0 : serverNow - localNowMs;
    return {
        nowMs: localNowMs + skewMs,
        skewMs,
        toLocal: (serverMs) => serverMs - skewMs
    };
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/wait-plan.ts





/**
 * The shortest wait a server-given signal leads to. Every signal has one-second
 * resolution, so `Retry-After: 0` or a reset that has just passed means "within the
 * next second"; retrying at once would hit the same limit again, and a stale reset
 * (already past) must never make the client loop without pause.
 */
const MIN_WAIT_MS = 1000;
function toWait(reset, signal, clock, localNowMs) {
    const untilMs = Math.max(Math.ceil(clock.toLocal(reset.atMs)), localNowMs + MIN_WAIT_MS);
    return { untilMs, delayMs: untilMs - localNowMs, signal, form: reset.form };
}
/** The IETF reset, when the most constrained policy is spent (or does not say). */
function ietfReset(headers, nowMs, requireExhausted) {
    const reading = readIetfRateLimit(headers);
    if (reading?.resetSeconds === undefined)
        return undefined;
    if (reading.remaining !== undefined ? reading.remaining > 0 : requireExhausted)
        return undefined;
    return delayOrEpoch(reading.resetSeconds, nowMs);
}
/** The X-RateLimit-Reset instant, when remaining is 0 (or not said). */
function xReset(headers, nowMs, requireExhausted) {
    const reading = readXRateLimit(headers);
    if (reading?.reset === undefined)
        return undefined;
    if (reading.remaining !== undefined ? reading.remaining > 0 : requireExhausted)
        return undefined;
    return parseResetTime(reading.reset, nowMs);
}
/**
 * The wait a rate-limit response (429, 503, or a 403 carrying rate-limit signals)
 * asks for, or undefined when it carries no usable signal (the caller backs off).
 *
 * Precedence (docs/api-contract.md part C): `Retry-After`, then the IETF `RateLimit` fields,
 * then `X-RateLimit-Reset`, then the body's `retryAfter` and `resetAt`. A malformed
 * or implausible signal is skipped and the next one used. A quota reset is only
 * used when that quota is spent (remaining 0) or the response does not say: the
 * reset of a quota with room left does not explain the refusal.
 *
 * Absolute times are corrected for clock skew with `Date` (server-clock.ts); every
 * wait is at least {@link MIN_WAIT_MS}. Bounding long waits is the caller's job
 * (see `checkWait`): a long wait must fail clearly, not be shortened.
 */
function rateLimitWait(headers, body, localNowMs) {
    const clock = serverClock(headers, localNowMs);
    const now = clock.nowMs;
    const candidates = [
        ['Retry-After', () => parseRetryAfter(headerValue(headers, 'retry-after'), now)],
        ['RateLimit', () => ietfReset(headers, now, false)],
        ['X-RateLimit-Reset', () => xReset(headers, now, false)],
        [
            'retryAfter in body',
            () => (body?.retryAfter === undefined ? undefined : delayOrEpoch(body.retryAfter, now))
        ],
        [
            'resetAt in body',
            () => (body?.resetAt === undefined ? undefined : parseResetTime(body.resetAt, now))
        ]
    ];
    for (const [signal, read] of candidates) {
        const reset = read();
        if (reset)
            return toWait(reset, signal, clock, localNowMs);
    }
    return undefined;
}
/**
 * For a response that is not itself a rate limit (typically a 2xx): when it says no
 * requests remain (`RateLimit` r=0, `X-RateLimit-Remaining: 0`) and when the quota
 * resets, the wait before the next request may be sent. Undefined otherwise,
 * including "remaining 0" without a readable reset (the next request will find out).
 */
function exhaustedWait(headers, localNowMs) {
    const clock = serverClock(headers, localNowMs);
    const ietf = ietfReset(headers, clock.nowMs, true);
    if (ietf)
        return toWait(ietf, 'RateLimit', clock, localNowMs);
    const x = xReset(headers, clock.nowMs, true);
    if (x)
        return toWait(x, 'X-RateLimit-Reset', clock, localNowMs);
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/api/http/retry.ts




/**
 * Full-jitter exponential backoff: uniform in [0, min(cap, base·2^(attempt-1))].
 * Spreads retries from many CI jobs hitting the same API after a blip
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
function backoffDelayMs(attempt, random, baseDelayMs = 500, maxDelayMs = 10_000) {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(Math.min(Math.max(random(), 0), 1) * ceiling);
}
/**
 * Longest single wait taken when no deadline bounds it: a CI step should not hang for
 * hours on one `Retry-After`. With a deadline, the deadline is the bound.
 */
const DEFAULT_MAX_WAIT_MS = 60 * 60_000;
/**
 * Whether a wait ending at `until` may be taken. Returns undefined when it may, or
 * why not: it ends past the step's deadline, or (without a deadline) it is longer
 * than `maxWaitMs`. A wait is refused whole rather than shortened: retrying before
 * the server's reset would only be refused again.
 */
function checkWait(until, now, deadline, maxWaitMs = DEFAULT_MAX_WAIT_MS) {
    if (deadline !== undefined) {
        return until > deadline ? `the step's deadline is ${isoTime(deadline)}` : undefined;
    }
    if (until - now > maxWaitMs) {
        return `that is longer than the longest wait taken without a deadline (${formatWait(maxWaitMs)})`;
    }
    return undefined;
}
/** 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry. */
const PERMANENT_5XX = new Set([501, 505]);
function retry_describe(context) {
    if (context.response)
        return `HTTP ${context.response.status}`;
    return `network error ${context.error.code ?? ''}`.trim();
}
/**
 * The default policy:
 * - never retried: the daily quota (a 24 h budget, docs/api-contract.md), 400/401/404/409/422,
 *   a 403 without rate-limit signals, 501/505, and any write without an
 *   Idempotency-Key (repeating it could launch twice);
 * - 429, 503 and rate-limiting 403s: after the wait the server asks for
 *   (wait-plan.ts), else backoff;
 * - other 5xx, 408 and transient network errors: full-jitter backoff;
 * - at most `maxRetries` retries, and no wait that ends past the deadline.
 */
function createRetryPolicy(options = {}) {
    const maxRetries = options.maxRetries ?? 4;
    const base = options.baseDelayMs ?? 500;
    const cap = options.maxDelayMs ?? 10_000;
    const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    const random = options.random ?? Math.random;
    return {
        decide(context) {
            const { error, response, attempt, now } = context;
            const status = response?.status;
            if (error.kind === 'quota') {
                return { retry: false, reason: 'the daily execution quota is spent; retrying cannot help' };
            }
            const rateLimited = error.kind === 'rate_limited' || status === 503;
            const retryable = rateLimited ||
                (error.kind === 'server' && !PERMANENT_5XX.has(status ?? 0)) ||
                isTransientNetworkError(error);
            if (!retryable)
                return { retry: false, reason: `${retry_describe(context)} is not retryable` };
            if (!context.idempotent) {
                return {
                    retry: false,
                    reason: `${context.method} without an Idempotency-Key is not repeated`
                };
            }
            if (attempt > maxRetries) {
                return { retry: false, reason: `retry budget of ${maxRetries} spent` };
            }
            // RFC 9110 §10.2.3: with 503 (and 429, RFC 6585 §4) Retry-After says how long to wait.
            const hint = rateLimited && response ? rateLimitWait(response.headers, response.body, now) : undefined;
            const delayMs = hint?.delayMs ?? backoffDelayMs(attempt, random, base, cap);
            const untilMs = now + delayMs;
            const source = hint?.signal ?? 'backoff';
            const refusal = checkWait(untilMs, now, context.deadline, maxWaitMs);
            if (refusal) {
                // A rate limit fails as one, saying until when; a 5xx whose backoff does not
                // fit keeps its own error (the server's failure is the news).
                const asRateLimit = hint !== undefined || error.kind === 'rate_limited';
                return {
                    retry: false,
                    reason: `a wait until ${isoTime(untilMs)} is refused: ${refusal}`,
                    error: asRateLimit
                        ? waitRefusedError({
                            request: error.request ?? context.method,
                            untilMs,
                            signal: source,
                            why: refusal,
                            error
                        })
                        : undefined
                };
            }
            return {
                retry: true,
                delayMs,
                untilMs,
                source,
                rateLimited,
                cause: retry_describe(context),
                retryNumber: attempt,
                maxRetries
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/pause-gate.ts




/** The pause shared by every request of one client; see the file comment. */
class PauseGate {
    options;
    current;
    constructor(options) {
        this.options = options;
    }
    /** When the pause in force ends (local epoch ms), or undefined when there is none. */
    get pausedUntil() {
        const p = this.current;
        return p && p.untilMs > this.options.clock.now() ? p.untilMs : undefined;
    }
    /**
     * Holds every later request until `pause.untilMs`. A pause that ends no later than
     * the one in force changes nothing (concurrent 429s usually report the same reset);
     * one that ends later extends it. Returns whether the end moved.
     */
    hold(pause) {
        const current = this.current;
        if (current && current.untilMs > this.options.clock.now()) {
            if (pause.untilMs <= current.untilMs)
                return false;
            // A few hundred ms later is the same reset seen from a later response (signals
            // have one-second resolution): extend silently rather than log a second wait.
            if (current.announced && pause.untilMs - current.untilMs < MIN_WAIT_MS) {
                current.untilMs = pause.untilMs;
                return true;
            }
        }
        this.current = { ...pause, announced: false };
        return true;
    }
    /**
     * Resolves when `request` may be sent: at once without a pause, else when the pause
     * ends. Rejects with a `rate_limited` error, without waiting, when the pause would
     * end past the deadline; rejects as soon as `signal` aborts.
     */
    async pass(request, signal) {
        const { clock, recorder, deadline, maxWaitMs } = this.options;
        for (;;) {
            const pause = this.current;
            const now = clock.now();
            if (!pause || pause.untilMs <= now)
                return;
            const refusal = checkWait(pause.untilMs, now, deadline, maxWaitMs);
            if (refusal) {
                throw waitRefusedError({
                    request,
                    untilMs: pause.untilMs,
                    signal: pause.signal,
                    why: refusal,
                    status: pause.status,
                    learnedFrom: pause.request === request ? undefined : pause.request
                });
            }
            if (!pause.announced) {
                pause.announced = true;
                recorder.announce(pause_gate_describe(pause, pause.untilMs - now, this.options.holds));
            }
            await recorder.sleep(pause.untilMs - now, signal);
        }
    }
}
/** The log line for a pause, e.g. `Rate limited on GET /flows/search: waiting 45s (Retry-After)`. */
function pause_gate_describe(pause, ms, holds) {
    const next = holds === undefined ? 'the next request' : `the next ${holds}`;
    const others = holds === undefined ? '' : `; other requests go on`;
    return pause.exhausted
        ? `Rate limit reached on ${pause.request} (no requests left): waiting ${formatWait(ms)} before ${next} (${pause.signal}${others})`
        : `Rate limited on ${pause.request}: waiting ${formatWait(ms)} (${pause.signal}${others})`;
}

// EXTERNAL MODULE: ./src/core/wake-up.ts
var wake_up = __webpack_require__(45197);
;// CONCATENATED MODULE: ./src/core/api/ratelimit/pacing.ts

class Pacer {
    budget;
    clock;
    inFlight = new Map();
    /** Woken at each release, for the requests waiting for a slot. */
    slotFreed = new wake_up/* WakeUp */.W();
    constructor(budget, clock) {
        this.budget = budget;
        this.clock = clock;
    }
    /** Requests of `bucket` in flight now. */
    inFlightOf(bucket) {
        return this.inFlight.get(bucket) ?? 0;
    }
    /** Resolves with a release function once a request of `bucket` may be sent. */
    async acquire(bucket, signal, cautious = false) {
        for (;;) {
            signal?.throwIfAborted();
            const now = this.clock.now();
            const reading = this.budget.get(bucket, now);
            const busy = this.inFlightOf(bucket);
            const unknown = !reading && !(cautious && !this.budget.stated(bucket));
            // With nothing in flight, the request goes ahead: when the window is spent, the
            // pause gate (pause-gate.ts) holds it until the reset, and logs and counts that wait.
            if (unknown || busy === 0 || (reading !== undefined && reading.remaining - busy > 0)) {
                this.inFlight.set(bucket, busy + 1);
                let released = false;
                return () => {
                    if (released)
                        return;
                    released = true;
                    this.inFlight.set(bucket, this.inFlightOf(bucket) - 1);
                    this.slotFreed.wakeAll();
                };
            }
            await this.slotFreed.wait(signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/api/ratelimit/budget.ts





/** The pause key of a server that names no buckets: one pause for every request. */
const SHARED_PAUSE = 'shared';
/**
 * A count that goes up by more than this within one window, from one bucket's
 * answer to another's, cannot come from one shared counter: answers of one
 * counter only arrive out of order by the requests in flight together.
 */
const SEPARATE_BUCKETS_SLACK = 16;
/** The bucket a request counts against. */
function bucketOf(method, safe) {
    if (method === 'GET')
        return 'read';
    return safe ? 'search' : 'write';
}
/** Limit and window from `RateLimit-Policy` (the most constrained policy: smallest quota). */
function policyOf(headers) {
    const value = headerValue(headers, 'ratelimit-policy');
    if (value === undefined)
        return {};
    let best = {};
    for (const m of parseStructuredMembers(value)) {
        const q = typeof m.params.q === 'number' ? m.params.q : undefined;
        const w = typeof m.params.w === 'number' ? m.params.w : undefined;
        if (q !== undefined && (best.limit === undefined || q < best.limit))
            best = { limit: q, windowS: w };
    }
    return best;
}
/**
 * Reads the budget an answer states, or undefined when it states no remaining
 * count. Absolute reset times are corrected for clock skew like the wait engine's.
 */
function readBudget(headers, localNowMs) {
    const clock = serverClock(headers, localNowMs);
    const ietf = readIetfRateLimit(headers);
    const x = readXRateLimit(headers);
    const remaining = ietf?.remaining ?? x?.remaining;
    if (remaining === undefined)
        return undefined;
    const policy = policyOf(headers);
    const limit = parseNonNegative(headerValue(headers, 'x-ratelimit-limit') ?? '') ?? policy.limit;
    let resetAtMs;
    if (ietf?.resetSeconds !== undefined) {
        resetAtMs = clock.toLocal(delayOrEpoch(ietf.resetSeconds, clock.nowMs).atMs);
    }
    else if (x?.reset !== undefined) {
        const reset = parseResetTime(x.reset, clock.nowMs);
        if (reset)
            resetAtMs = clock.toLocal(reset.atMs);
    }
    return {
        remaining,
        limit,
        windowMs: policy.windowS === undefined ? undefined : policy.windowS * 1000,
        resetAtMs: resetAtMs === undefined ? undefined : Math.ceil(resetAtMs),
        policy: ietf?.policy
    };
}
/** Whether two readings speak of the same window (their resets agree). */
function sameWindow(a, b) {
    return (a.resetAtMs !== undefined &&
        b.resetAtMs !== undefined &&
        Math.abs(a.resetAtMs - b.resetAtMs) < 1500);
}
/** The latest reading of each bucket. */
class RateBudget {
    readings = new Map();
    /** The policy name each bucket's answers carry, when they name one. */
    names = new Map();
    /** Set once answers prove the server counts the buckets apart (see the file comment). */
    apart = false;
    /** Records what an answer said. Ignores an out-of-order answer from the same window that says more remain. */
    record(bucket, reading, at) {
        if (reading.policy !== undefined && reading.policy !== '')
            this.names.set(bucket, reading.policy);
        for (const [other, seen] of this.readings) {
            if (other === bucket || this.apart)
                continue;
            const limits = reading.limit !== undefined && seen.limit !== undefined;
            if (limits && reading.limit !== seen.limit)
                this.apart = true;
            else if (sameWindow(seen, reading) &&
                reading.remaining > seen.remaining + SEPARATE_BUCKETS_SLACK)
                this.apart = true;
        }
        const old = this.readings.get(bucket);
        const stale = old !== undefined &&
            sameWindow(old, reading) &&
            (old.resetAtMs ?? 0) > at &&
            reading.remaining > old.remaining;
        if (stale)
            return;
        this.readings.set(bucket, { ...reading, at });
    }
    /** Whether any answer of `bucket` ever stated its budget. */
    stated(bucket) {
        return this.readings.has(bucket);
    }
    /**
     * Which pause a refusal or an exhausted answer of `bucket` sets, and which ones
     * a request of it waits for: the server's policy name, the bucket once the
     * buckets are known to be counted apart, or one pause shared by every request.
     */
    pauseKey(bucket) {
        const name = this.names.get(bucket);
        if (name !== undefined)
            return `policy ${name}`;
        return this.apart ? `bucket ${bucket}` : SHARED_PAUSE;
    }
    /**
     * The budget now: once a known reset has passed, the window starts afresh with
     * `limit` remaining (or nothing is known, without a limit).
     */
    get(bucket, now) {
        const r = this.readings.get(bucket);
        if (!r)
            return undefined;
        if (r.resetAtMs !== undefined && r.resetAtMs <= now) {
            if (r.limit === undefined)
                return undefined;
            // A window of unknown length: the next answer will tell when it resets.
            const w = r.windowMs;
            return {
                remaining: r.limit,
                limit: r.limit,
                windowMs: w,
                resetAtMs: w === undefined || w <= 0
                    ? undefined
                    : r.resetAtMs + (Math.floor((now - r.resetAtMs) / w) + 1) * w,
                at: now
            };
        }
        return r;
    }
}

// EXTERNAL MODULE: ./src/core/api/http/url.ts
var http_url = __webpack_require__(33352);
;// CONCATENATED MODULE: ./src/core/api/ratelimit/wait-recorder.ts
/** Logs, counts and performs the waits of one client. */
class WaitRecorder {
    stats;
    clock;
    logger;
    /** End of the time already added to `waitedMs` (local clock). */
    coveredUntil = -Infinity;
    constructor(stats, clock, logger) {
        this.stats = stats;
        this.clock = clock;
        this.logger = logger;
    }
    /** Logs one wait at info level and counts it. Call once per wait, not per waiter. */
    announce(message) {
        this.logger.info(message);
        this.stats.waits++;
    }
    /**
     * Sleeps on the injected clock (abortable: rejects as soon as `signal` aborts, and
     * the clock releases its timer). The time slept is added to `waitedMs` as wall time:
     * when several requests wait through the same pause it is counted once, so the
     * total never exceeds the time the run actually spent held back.
     */
    async sleep(ms, signal) {
        const start = this.clock.now();
        try {
            await this.clock.sleep(ms, signal);
        }
        finally {
            const end = this.clock.now();
            const from = Math.max(start, this.coveredUntil);
            if (end > from)
                this.stats.waitedMs += end - from;
            this.coveredUntil = Math.max(this.coveredUntil, end);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/api/http/transport.ts




















const DEFAULT_TIMEOUT_MS = 30_000;
/** Waits named by the server that one request may take without spending its retry budget. */
const MAX_TOLD_WAITS = 8;
const DEFAULT_USER_AGENT = 'echopoint-ci';
/** `METHOD /path` as errors and logs show it: the API path, without the query. */
function requestLabel(method, path) {
    return `${method} ${path.split('?')[0]}`;
}
function hasControlChars(value) {
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f]/.test(value);
}
/** The log line for a backoff wait, e.g. `HTTP 503 on GET /flows/f: retrying in 0.4s (backoff, retry 1 of 4)`. */
function backoffMessage(label, error, d) {
    const budget = `retry ${d.retryNumber} of ${d.maxRetries}`;
    return error.kind === 'rate_limited'
        ? `Rate limited on ${label} (${d.cause}): waiting ${formatWait(d.delayMs)} (backoff, no wait signal; ${budget})`
        : `${d.cause} on ${label}: retrying in ${formatWait(d.delayMs)} (backoff, ${budget})`;
}
class Transport {
    options;
    stats = { requests: 0, retries: 0, waits: 0, waitedMs: 0 };
    /** The last X-Api-Key-Expires-At seen (docs/api-contract.md part B.1). */
    keyExpiresAtHeader;
    base;
    http;
    redact;
    clock;
    logger;
    policy;
    timeoutMs;
    recorder;
    /** The pauses, by key (budget.ts pauseKey): one shared, or one per bucket the server counts apart. */
    gates = new Map();
    budget = new RateBudget();
    pacer;
    /** How the user called the settings, for the messages that name one. */
    names;
    constructor(options) {
        this.options = options;
        this.names = { ...api/* ACTION_API_INPUT_NAMES */.G, ...options.names };
        // Defence in depth: the config validated the API URL already, but the key must never
        // go to a URL that would not pass.
        this.base = (0,http_url/* validateApiUrl */.G1)(options.apiUrl, this.names.apiUrl);
        if (options.jobToken !== undefined) {
            // A job's calls carry its token and nothing else that authenticates.
            if (options.jobToken.trim() === '' || hasControlChars(options.jobToken)) {
                throw new errors/* EchopointError */.aw('contract', 'The job token from the claim cannot be used');
            }
        }
        else {
            if (options.apiKey.trim() === '')
                throw new errors/* ConfigError */.xL(this.names.apiKey, 'it is empty');
            if (hasControlChars(options.apiKey)) {
                throw new errors/* ConfigError */.xL(this.names.apiKey, 'it contains a line break or control character');
            }
        }
        if (hasControlChars(options.organizationId)) {
            throw new errors/* ConfigError */.xL(this.names.organizationId, 'it contains a line break or control character');
        }
        this.redact = (0,core_redact/* createRedactor */.lY)([options.apiKey, options.jobToken ?? ''].filter((secret) => secret.trim() !== ''));
        this.clock = options.clock ?? clock/* systemClock */.ml;
        this.logger = options.logger ?? silentLogger;
        this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.policy =
            options.retryPolicy ??
                createRetryPolicy({ random: options.random, maxWaitMs: options.maxWaitMs });
        this.recorder = new WaitRecorder(this.stats, this.clock, this.logger);
        this.pacer = new Pacer(this.budget, this.clock);
        // allowRedirects false: see redirect.ts. Retries are ours. The socket timeout is a
        // backstop behind our own per-request timer.
        this.http = new lib/* HttpClient */.Qq(options.userAgent ?? DEFAULT_USER_AGENT, [], {
            allowRedirects: false,
            allowRetries: false,
            socketTimeout: this.timeoutMs + 1000
        });
    }
    /** Sends a request with retries; resolves with the parsed JSON body of the 2xx answer. */
    async request(req) {
        const label = requestLabel(req.method, req.path);
        const hasIdempotencyKey = Object.keys(req.headers ?? {}).some((h) => h.toLowerCase() === 'idempotency-key');
        const idempotent = req.method === 'GET' || hasIdempotencyKey || req.safe === true || req.repeatable === true;
        const url = (0,http_url/* joinUrl */.we)(this.base, req.path, req.query);
        const headers = this.headersFor(req, label);
        const body = req.body === undefined ? undefined : JSON.stringify(req.body);
        const bucket = bucketOf(req.method, req.safe);
        // Waits the server named (a 429 or 503 saying when to come back) are the server
        // pacing us, not failed attempts: up to MAX_TOLD_WAITS of them do not spend the
        // retry budget (a launch refused at a window's end, then hit by a 5xx, still lands).
        let told = 0;
        for (let attempt = 1;; attempt++) {
            // No more requests of a bucket in flight than its window has left (pacing.ts).
            let release = () => undefined;
            await this.guard(label, req.signal, async () => {
                release = await this.pacer.acquire(bucket, req.signal, req.cautious === true);
            });
            let failure;
            try {
                // Every attempt, the first included, waits out a pause learned from any response
                // that holds its bucket (or every request, when the server counts them together).
                await this.guard(label, req.signal, () => this.passGates(bucket, label, req.signal));
                if (attempt > 1)
                    this.stats.retries++;
                failure = await this.attempt(req, url, headers, body, label).then((result) => result, (error) => ({ error: this.typed(error, label) }));
            }
            finally {
                release();
            }
            if (!('error' in failure))
                return failure.value;
            const { error, response } = failure;
            if (error.kind === 'cancelled' || req.signal?.aborted)
                throw error;
            const decision = this.policy.decide({
                attempt: attempt - told,
                method: req.method,
                idempotent,
                hasIdempotencyKey,
                error,
                response,
                now: this.clock.now(),
                deadline: this.options.deadline
            });
            if (!decision.retry) {
                this.logger.debug(`${label}: not retried: ${decision.reason}`);
                const final = decision.error ?? error;
                throw attempt > 1
                    ? withMessage(final, `${final.message} (after ${attempt} attempts)`)
                    : final;
            }
            if (decision.source === 'backoff') {
                this.recorder.announce(backoffMessage(label, error, decision));
                await this.guard(label, req.signal, () => this.recorder.sleep(decision.delayMs, req.signal));
            }
            else {
                if (told < MAX_TOLD_WAITS)
                    told++;
                // The server named the wait: it holds every request of the bucket (of this API,
                // when the server counts them together), so the gate at the top of the loop
                // does the waiting (and logs it once).
                this.gateFor(bucket).hold({
                    untilMs: decision.untilMs,
                    signal: decision.source,
                    request: label,
                    status: response?.status ?? 0,
                    exhausted: false
                });
            }
        }
    }
    /** The gate a pause learned from an answer of `bucket` goes to. */
    gateFor(bucket) {
        const key = this.budget.pauseKey(bucket);
        let gate = this.gates.get(key);
        if (!gate) {
            gate = new PauseGate({
                holds: key === SHARED_PAUSE ? undefined : `${bucket} request`,
                clock: this.clock,
                recorder: this.recorder,
                deadline: this.options.deadline,
                maxWaitMs: this.options.maxWaitMs
            });
            this.gates.set(key, gate);
        }
        return gate;
    }
    /**
     * Waits out the pauses that hold a request of `bucket`: the shared one (set
     * while the server was not known to count buckets apart) and its own.
     */
    async passGates(bucket, label, signal) {
        for (;;) {
            const shared = this.gates.get(SHARED_PAUSE);
            const own = this.gates.get(this.budget.pauseKey(bucket));
            const held = [shared, own].find((gate) => gate?.pausedUntil !== undefined);
            if (!held)
                return;
            await held.pass(label, signal);
        }
    }
    /** What the last answer of `bucket` said about its rate-limit budget, as of now. */
    rateBudget(bucket) {
        return this.budget.get(bucket, this.clock.now());
    }
    /** Runs a wait; an abort becomes the typed `cancelled` error (or the signal's typed reason). */
    async guard(label, signal, wait) {
        try {
            await wait();
        }
        catch (err) {
            throw signal?.aborted ? cancelledError(signal, label) : this.typed(err, label);
        }
    }
    /**
     * Learns a pause from any response (docs/api-contract.md part C): a refused request's wait
     * signals, or "no requests remaining" on any other answer. The daily quota is not a
     * pause: it stops launches, not the reads that follow running executions.
     */
    learn(label, bucket, status, headers, error, body) {
        if (error?.kind === 'quota')
            return;
        const now = this.clock.now();
        const refused = error !== undefined && (error.kind === 'rate_limited' || status === 503);
        const wait = refused ? rateLimitWait(headers, body, now) : exhaustedWait(headers, now);
        if (!wait)
            return;
        const held = this.gateFor(bucket).hold({
            untilMs: wait.untilMs,
            signal: wait.signal,
            request: label,
            status,
            exhausted: !refused
        });
        if (held) {
            this.logger.debug(`${label}: HTTP ${status} holds ${this.budget.pauseKey(bucket) === SHARED_PAUSE ? 'every request to this API' : `the ${bucket} requests`} until ${isoTime(wait.untilMs)} (${wait.signal}, ${wait.form})`);
        }
    }
    /** One attempt, following same-origin redirects. */
    async attempt(req, firstUrl, headers, body, label) {
        let url = firstUrl;
        for (let hop = 0;; hop++) {
            const response = await this.send(req.method, url, headers, body, req.signal, label, req.onSent);
            if (!REDIRECT_STATUSES.has(response.status))
                return this.interpret(response, req, label);
            if (hop >= MAX_REDIRECTS) {
                throw new errors/* EchopointError */.aw('contract', `${label}: more than ${MAX_REDIRECTS} redirects. Set ${this.names.apiUrl} to the final address.`, { status: response.status, request: label });
            }
            const location = headerValue(response.headers, 'location');
            url = redirectTarget(url, response.status, location, req.method, this.base.origin, label, this.names.apiUrl);
            this.logger.debug(`${label}: following ${response.status} to ${url.pathname}`);
        }
    }
    async send(method, url, headers, body, signal, label, onSent) {
        // Re-checked on every hop: the key only ever goes to the configured origin.
        if (url.origin !== this.base.origin) {
            throw new errors/* EchopointError */.aw('contract', `${label}: refusing to send ${this.options.jobToken !== undefined ? 'the job token' : 'the API key'} to ${url.origin}`);
        }
        if (signal?.aborted)
            throw cancelledError(signal, label);
        this.stats.requests++;
        onSent?.();
        const started = this.clock.now();
        const response = await sendOnce(this.http, {
            method,
            url,
            headers,
            body,
            timeoutMs: this.timeoutMs,
            signal,
            request: label,
            redact: this.redact,
            apiUrlName: this.names.apiUrl
        });
        this.logger.debug(`${method} ${url.pathname} → ${response.status} (${this.clock.now() - started} ms)`);
        const expires = headerValue(response.headers, 'x-api-key-expires-at');
        if (expires !== undefined && expires.trim() !== '') {
            this.keyExpiresAtHeader = (0,error_body/* cleanText */.X5)(expires, this.redact, 64);
        }
        return response;
    }
    interpret(response, req, label) {
        const { status, headers, text } = response;
        const now = this.clock.now();
        const bucket = bucketOf(req.method, req.safe);
        const reading = readBudget(headers, now);
        if (reading)
            this.budget.record(bucket, reading, now);
        if (status >= 200 && status < 300) {
            this.learn(label, bucket, status, headers);
            // An answer that needs no body (204) is a success whatever it carries.
            if (req.noContent)
                return { value: null };
            if (text.trim() === '') {
                throw contractViolation(label, status, 'empty body', this.names.apiUrl);
            }
            let value;
            try {
                value = JSON.parse(text);
            }
            catch {
                throw contractViolation(label, status, 'not JSON', this.names.apiUrl);
            }
            if (!req.decode)
                return { value };
            try {
                return { value: req.decode(value, { redact: this.redact }) };
            }
            catch (err) {
                if (err instanceof decode/* ShapeError */.ym) {
                    throw contractViolation(label, status, err.message, this.names.apiUrl);
                }
                throw err;
            }
        }
        const body = (0,error_body/* parseErrorBody */.kW)(text, status, this.redact);
        const error = errorFromResponse({ status, headers, body, request: label }, this.redact, this.names.idempotencyKey);
        this.learn(label, bucket, status, headers, error, body);
        return { error, response: { status, headers, body } };
    }
    headersFor(req, label) {
        const headers = {
            Accept: 'application/json',
            'User-Agent': this.options.userAgent ?? DEFAULT_USER_AGENT
        };
        if (this.options.jobToken !== undefined) {
            headers['X-Job-Token'] = this.options.jobToken.trim();
            if (req.body !== undefined)
                headers['Content-Type'] = 'application/json';
            return { ...headers, ...req.headers };
        }
        headers['X-Api-Key'] = this.options.apiKey.trim();
        if (!req.withoutOrganization) {
            const org = this.options.organizationId.trim();
            if (org === '') {
                throw new errors/* ConfigError */.xL(this.names.organizationId, `it is empty, and ${label} needs it`);
            }
            headers['X-Organization-ID'] = org;
        }
        if (req.body !== undefined)
            headers['Content-Type'] = 'application/json';
        return { ...headers, ...req.headers };
    }
    typed(err, label) {
        if (err instanceof errors/* EchopointError */.aw)
            return err;
        const message = err instanceof Error ? err.message : String(err);
        return new errors/* EchopointError */.aw('contract', this.redact(`${label}: unexpected error: ${message}`), {
            request: label,
            cause: err
        });
    }
}


/***/ }),

/***/ 71878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ createJobClient),
/* harmony export */   t: () => (/* binding */ claimedJob)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _decode_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2544);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52241);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33352);




/** The most referenced flows a claim may carry. */
const MAX_REFERENCED_FLOWS = 500;
/** The most captured requests read at once. */
const MAX_CAPTURED = 1000;
function stringList(value, path) {
    if (value === undefined || value === null)
        return [];
    return (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(value, path, 10_000).map((item, i) => {
        if (typeof item !== 'string')
            throw new _decode_js__WEBPACK_IMPORTED_MODULE_1__/* .ShapeError */ .ym(`${path}[${i}]`, 'is not a string');
        return item;
    });
}
const claimedJob = (body, ctx) => {
    const root = (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(body, 'claim');
    const token = root.job_token;
    // A token goes into a header: printable ASCII only.
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,4096}$/.test(token)) {
        throw new _decode_js__WEBPACK_IMPORTED_MODULE_1__/* .ShapeError */ .ym('claim.job_token', 'is not a token (printable ASCII, at most 4096)');
    }
    const job = (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(root.job, 'claim.job');
    const referenced = {};
    const refs = job.referenced_flows;
    if (refs !== undefined && refs !== null) {
        // Older servers sent an empty list for "none".
        if (!(Array.isArray(refs) && refs.length === 0)) {
            const entries = Object.entries((0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(refs, 'claim.job.referenced_flows'));
            if (entries.length > MAX_REFERENCED_FLOWS) {
                throw new _decode_js__WEBPACK_IMPORTED_MODULE_1__/* .ShapeError */ .ym('claim.job.referenced_flows', `has more than ${MAX_REFERENCED_FLOWS}`);
            }
            for (const [flowId, raw] of entries) {
                const path = `claim.job.referenced_flows.${flowId.slice(0, 64)}`;
                const entry = (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(raw, path);
                const overrides = entry.input_overrides;
                referenced[flowId] = {
                    flow_definition: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(entry.flow_definition, `${path}.flow_definition`),
                    ...(overrides !== undefined && overrides !== null
                        ? { input_overrides: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(overrides, `${path}.input_overrides`) }
                        : {}),
                    secret_input_keys: stringList(entry.secret_input_keys, `${path}.secret_input_keys`)
                };
            }
        }
    }
    const maxCalls = job.max_http_calls_per_execution;
    return {
        jobToken: token,
        jobId: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__.id)(job.job_id, 'claim.job.job_id', ctx),
        executionId: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__.id)(job.execution_id, 'claim.job.execution_id', ctx),
        flowId: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__.id)(job.flow_id, 'claim.job.flow_id', ctx),
        leaseExpiresAt: Date.parse((0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .timestamp */ .vE)(job.lease_expires_at, 'claim.job.lease_expires_at')),
        flowDefinition: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(job.flow_definition, 'claim.job.flow_definition'),
        inputs: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(job.inputs ?? {}, 'claim.job.inputs'),
        secretInputKeys: stringList(job.secret_input_keys, 'claim.job.secret_input_keys'),
        referencedFlows: referenced,
        maxHttpCalls: typeof maxCalls === 'number' && Number.isFinite(maxCalls) && maxCalls > 0
            ? Math.floor(maxCalls)
            : 0
    };
};
const heartbeat = (body, ctx) => (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(body, 'heartbeat', 100).map((raw, i) => {
    const entry = (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(raw, `heartbeat[${i}]`);
    const status = entry.status;
    if (status !== 'renewed' && status !== 'rejected') {
        throw new _decode_js__WEBPACK_IMPORTED_MODULE_1__/* .ShapeError */ .ym(`heartbeat[${i}].status`, 'is not renewed or rejected');
    }
    const lease = entry.lease_expires_at === undefined || entry.lease_expires_at === null
        ? undefined
        : Date.parse((0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .timestamp */ .vE)(entry.lease_expires_at, `heartbeat[${i}].lease_expires_at`));
    return {
        jobId: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__.id)(entry.job_id, `heartbeat[${i}].job_id`, ctx),
        status,
        ...(lease !== undefined ? { leaseExpiresAt: lease } : {})
    };
});
const accepted = (body) => {
    const value = (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(body, 'events').last_accepted_sequence;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new _decode_js__WEBPACK_IMPORTED_MODULE_1__/* .ShapeError */ .ym('events.last_accepted_sequence', 'is not a whole number ≥ 0');
    }
    return value;
};
const captured = (body, ctx) => (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)((0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(body, 'webhook requests').items, 'webhook requests.items', MAX_CAPTURED).map((raw, i) => {
    const item = (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(raw, `webhook requests.items[${i}]`);
    const path = `webhook requests.items[${i}]`;
    return {
        ...item,
        id: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__.id)(item.id, `${path}.id`, ctx),
        method: typeof item.method === 'string' ? item.method : 'POST',
        headers: (item.headers ?? {}),
        body: typeof item.body === 'string' ? item.body : null,
        received_at: (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .timestamp */ .vE)(item.received_at, `${path}.received_at`)
    };
});
/** A client for one job's calls (its own token, its own rate-limit state). */
function createJobClient(options) {
    const transport = new _http_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .Transport */ .oK({
        apiUrl: options.apiUrl,
        apiKey: '',
        organizationId: '',
        jobToken: options.jobToken,
        clock: options.clock,
        logger: options.logger,
        deadline: options.deadline,
        userAgent: options.userAgent,
        random: options.random,
        names: options.names
    });
    const jobPath = `/runner/jobs/${(0,_http_url_js__WEBPACK_IMPORTED_MODULE_3__/* .pathSegment */ .pn)(options.jobId, 'job ID')}`;
    return {
        jobId: options.jobId,
        get stats() {
            return { ...transport.stats };
        },
        heartbeat: async (body, opts) => {
            const entries = (await transport.request({
                method: 'POST',
                path: '/runner/jobs/heartbeat',
                body: { ...body, job_ids: [options.jobId] },
                // Not repeated here: a failed heartbeat is tried again at the lease's next tick.
                decode: heartbeat,
                signal: opts?.signal
            }));
            const mine = entries.find((e) => (0,_decode_js__WEBPACK_IMPORTED_MODULE_1__/* .sameId */ .s)(e.jobId, options.jobId));
            if (!mine) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw('contract', `POST /runner/jobs/heartbeat: the answer does not mention job ${options.jobId}`);
            }
            return mine;
        },
        sendEvents: async (body, opts) => (await transport.request({
            method: 'POST',
            path: `${jobPath}/events`,
            body,
            repeatable: true,
            decode: accepted,
            signal: opts?.signal
        })),
        complete: async (body, opts) => {
            await transport.request({
                method: 'POST',
                path: `${jobPath}/complete`,
                body,
                repeatable: true,
                noContent: true,
                signal: opts?.signal
            });
        },
        webhookRequests: async (opts) => (await transport.request({
            method: 'GET',
            path: `${jobPath}/webhook-requests`,
            decode: captured,
            signal: opts?.signal
        }))
    };
}


/***/ }),

/***/ 32257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _o: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
/* unused harmony export abortError */
function abortError(signal) {
    const reason = signal.reason;
    if (reason instanceof Error)
        return reason;
    const err = new Error('The operation was aborted');
    err.name = 'AbortError';
    return err;
}
/**
 * setTimeout holds at most 2^31 - 1 ms (about 24.8 days); a longer delay fires at
 * once. Long waits are scheduled in slices of at most this.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError(signal));
            return;
        }
        const end = Date.now() + Math.max(0, ms);
        let timer;
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortError(signal));
        };
        const arm = () => {
            const left = end - Date.now();
            timer = setTimeout(() => {
                if (end - Date.now() > 0 && left > MAX_TIMER_MS) {
                    arm();
                    return;
                }
                signal?.removeEventListener('abort', onAbort);
                resolve();
            }, Math.min(Math.max(0, left), MAX_TIMER_MS));
        };
        arm();
        signal?.addEventListener('abort', onAbort, { once: true });
    })
};



/***/ }),

/***/ 56258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ checkIdempotencyKey)
/* harmony export */ });
/* unused harmony export MAX_IDEMPOTENCY_KEY_LENGTH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/**
 * The one rule for an Idempotency-Key, applied to the user's input before
 * anything is sent and again by the client: 1 to 255 printable ASCII characters,
 * no spaces. It is a header value (RFC 9110 §5.5) and the API's limit is 255
 * characters (docs/api-contract.md, launch).
 */

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const PRINTABLE_NO_SPACE = /^[\x21-\x7e]+$/;
/** Throws ConfigError naming `input` unless `key` follows the rule; returns it. */
function checkIdempotencyKey(key, input = 'idempotency key') {
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `it is ${key.length} characters long; the API accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`, 'Use a shorter key.');
    }
    if (!PRINTABLE_NO_SPACE.test(key)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, 'it must be printable ASCII without spaces or control characters (it is sent as an HTTP header)', 'Use letters, digits and punctuation only, for example release-42.');
    }
    return key;
}


/***/ }),

/***/ 45197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ WakeUp)
/* harmony export */ });
/**
 * A place to wait until something changes: `wait` resolves at the next
 * `wakeAll` and rejects when its signal aborts (at once when it already has).
 * Used where one party waits for another's news: the launch feed (the next
 * launch's answer) and launch pacing (the next release of a slot).
 */
class WakeUp {
    waiters = [];
    wait(signal) {
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                this.waiters = this.waiters.filter((w) => w !== done);
                reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
            };
            const done = () => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            };
            if (signal?.aborted)
                return onAbort();
            signal?.addEventListener('abort', onAbort, { once: true });
            this.waiters.push(done);
        });
    }
    /** Resolves every wait pending now. */
    wakeAll() {
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters)
            w();
    }
}


/***/ })

};
