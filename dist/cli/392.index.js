export const id = 392;
export const ids = [392,257];
export const modules = {

/***/ 83965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ TERMINAL_STATUSES),
/* harmony export */   H: () => (/* binding */ isTerminal)
/* harmony export */ });
/**
 * Shapes of the Echopoint API subset the kit uses (docs/api-contract.md part A and B).
 * The machine-readable source of truth is openapi/echopoint.yaml; the contract
 * test checks the sandbox's responses against it.
 */
const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'];
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(status);
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

/***/ 98280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ publicBaseUrl),
/* harmony export */   Nl: () => (/* binding */ paramOf),
/* harmony export */   Yf: () => (/* binding */ jsonResponse),
/* harmony export */   Zw: () => (/* binding */ jobOf),
/* harmony export */   d1: () => (/* binding */ organizationOf),
/* harmony export */   n4: () => (/* binding */ apiKeyOf),
/* harmony export */   q6: () => (/* binding */ createContext),
/* harmony export */   yj: () => (/* binding */ errorResponse)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27680);

/** A JSON answer. */
function jsonResponse(status, body, headers = {}) {
    return { status, headers: { ...headers }, body };
}
/** Turns anything thrown into the Echopoint error envelope. */
function errorResponse(err) {
    const apiError = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toApiError */ .Gv)(err);
    return { status: apiError.status, headers: { ...apiError.headers }, body: apiError.toEnvelope() };
}
function createContext(init) {
    const { req } = init;
    // The Host header is irrelevant to routing; a fixed base only makes URL parse the path.
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    let parsed;
    return {
        requestId: init.requestId,
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        receivedAt: init.receivedAt,
        rawBody: init.rawBody,
        services: init.services,
        raw: { req, res: init.res },
        annotations: {},
        bodyTooLarge: init.bodyTooLarge ?? false,
        header(name) {
            const value = req.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
        },
        json() {
            if (parsed)
                return parsed.value;
            if (init.bodyTooLarge) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
            }
            const text = init.rawBody.toString('utf8');
            if (text.trim() === '') {
                parsed = { value: undefined };
                return undefined;
            }
            try {
                parsed = { value: JSON.parse(text) };
            }
            catch {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)('body', 'The request body is not valid JSON');
            }
            return parsed.value;
        }
    };
}
/** The organization the request acts in (set by the auth layer). */
function organizationOf(ctx) {
    if (ctx.organizationId === undefined)
        throw new Error('route reached without an organization');
    return ctx.organizationId;
}
/** The authenticated key (set by the auth layer). */
function apiKeyOf(ctx) {
    if (!ctx.apiKey)
        throw new Error('route reached without an authenticated key');
    return ctx.apiKey;
}
/** A path parameter the router matched. */
function paramOf(ctx, name) {
    return ctx.route?.params[name];
}
/** The job whose `X-Job-Token` the request carried (set by the auth layer on job routes). */
function jobOf(ctx) {
    if (!ctx.job)
        throw new Error('job route reached without an authenticated job token');
    return ctx.job;
}
/**
 * The base URL a client reaches this sandbox at, for URLs the sandbox hands out:
 * its own URL, or the request's `Host` when it listens on a wildcard address.
 */
function publicBaseUrl(ctx) {
    const { baseUrl } = ctx.services;
    if (baseUrl !== null)
        return baseUrl;
    const host = ctx.header('host')?.trim();
    return host ? `http://${host}` : 'http://127.0.0.1';
}


/***/ }),

/***/ 27680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ toApiError),
/* harmony export */   cJ: () => (/* binding */ validationError),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   hj: () => (/* binding */ conflict),
/* harmony export */   kK: () => (/* binding */ insufficientScope),
/* harmony export */   mX: () => (/* binding */ notFound),
/* harmony export */   nc: () => (/* binding */ unauthorized),
/* harmony export */   o0: () => (/* binding */ forbidden)
/* harmony export */ });
/** An error the sandbox answers on purpose, with its HTTP status and Echopoint code. */
class ApiError extends Error {
    status;
    code;
    field;
    metadata;
    /** Extra response headers (for example `Allow` on a 405). */
    headers;
    constructor(status, code, message, options = {}) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.code = code;
        this.field = options.field;
        this.metadata = options.metadata;
        this.headers = options.headers ?? {};
    }
    /** The JSON body of this error. */
    toEnvelope() {
        const error = { code: this.code, message: this.message };
        if (this.field !== undefined)
            error.field = this.field;
        if (this.metadata !== undefined)
            error.metadata = this.metadata;
        return { errors: [error] };
    }
}
/** 400 VALIDATION_ERROR naming the offending field. */
function validationError(field, message) {
    return new ApiError(400, 'VALIDATION_ERROR', message, { field });
}
/** 401: scopes are never consulted for these (docs/api-contract.md part A, Authentication). */
function unauthorized(message) {
    return new ApiError(401, 'UNAUTHORIZED', message);
}
/** 403 for an organization the key does not belong to. */
function forbidden(message) {
    return new ApiError(403, 'FORBIDDEN', message);
}
/** 403 for a missing scope; the message and metadata name the scope to add. */
function insufficientScope(requiredScope) {
    return new ApiError(403, 'INSUFFICIENT_SCOPE', `The API key lacks the "${requiredScope}" scope required by this endpoint`, { metadata: { required_scope: requiredScope } });
}
/**
 * 404. Also the answer for a resource that exists in another organization:
 * the API never confirms that someone else's resource exists.
 */
function notFound(what, field) {
    return new ApiError(404, 'NOT_FOUND', `${what} not found`, { field });
}
/** 409 with a specific code (already terminal, already claimed, idempotency key reused...). */
function conflict(code, message, metadata) {
    return new ApiError(409, code, message, { metadata });
}
/** Anything thrown that is not an ApiError is a bug in the sandbox: answer 500 UNEXPECTED_ERROR. */
function toApiError(err) {
    if (err instanceof ApiError)
        return err;
    const detail = err instanceof Error ? err.message : String(err);
    return new ApiError(500, 'UNEXPECTED_ERROR', `Unexpected sandbox error: ${detail}`);
}


/***/ }),

/***/ 92392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dR: () => (/* reexport */ rate_limit/* DEFAULT_LIMITS */.dR),
  ID: () => (/* reexport */ rate_limit/* DEFAULT_WINDOW_MS */.ID),
  ig: () => (/* reexport */ issues/* FixtureError */.ig),
  Zt: () => (/* reexport */ HEADER_STYLES),
  cX: () => (/* reexport */ layers_faults/* MAX_SLOW_MS */.cX),
  Om: () => (/* reexport */ defaultFixtures),
  au: () => (/* reexport */ formatBanner),
  Xo: () => (/* reexport */ loadFixtures),
  eo: () => (/* reexport */ server_section/* mergeServerSections */.eo),
  NO: () => (/* reexport */ server_section/* serverConfigOf */.NO),
  am: () => (/* reexport */ server_section/* serverSectionIssue */.am),
  OT: () => (/* reexport */ startSandbox)
});

// UNUSED EXPORTS: ANY_METHOD, ApiError, DAY_MS, DailyQuota, EPHEMERAL_LEASE_MS, FAULT_KINDS, FaultInjector, JOB_ROUTE_IDS, LAYER_SLOTS, MAX_BODY_BYTES, Pipeline, ROUTE_BUCKETS, ROUTE_IDS, ROUTE_METHODS, RateLimiter, RequestLog, SandboxState, classifyLaunch, defaultFixturesPath, errorResponse, jsonResponse, knownRouteIds, mergeServerConfig, passThrough, seededRandom

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./src/core/clock.ts
var core_clock = __webpack_require__(32257);
// EXTERNAL MODULE: ./src/sandbox/context.ts
var context = __webpack_require__(98280);
// EXTERNAL MODULE: ./src/sandbox/errors.ts
var errors = __webpack_require__(27680);
// EXTERNAL MODULE: ./src/sandbox/validate.ts
var validate = __webpack_require__(86681);
;// CONCATENATED MODULE: ./src/sandbox/auth.ts
/**
 * Authentication and authorization (docs/api-contract.md part A, Authentication):
 *
 * - 401 for a missing, malformed, unknown, expired or revoked `X-Api-Key`;
 *   scopes are not consulted for these.
 * - 400 when `X-Organization-ID` is missing or blank (every path but
 *   `GET /api-keys/self`), 403 when it names an organization the key is not in.
 * - 403 INSUFFICIENT_SCOPE when the key lacks the route's scope.
 *
 * Once the key is known, every answer (errors included) carries
 * `X-Api-Key-Expires-At` when the key expires (part B.1), so a client can warn
 * about expiry from any response.
 *
 * Job routes (`auth: 'job'`: heartbeat, events, complete, webhook-requests; docs/runner.md
 * §1.1) take the claim's `X-Job-Token` and nothing else, as strictly as the API:
 *
 * - any `X-Api-Key` (with or without a token) → 401 API_KEY_NOT_ACCEPTED;
 * - a missing token → 401 UNAUTHORIZED; an unknown one → 401 UNAUTHORIZED;
 * - an `X-Organization-ID` header → 400 VALIDATION_ERROR (the token names the
 *   organization; a client that sends it there is not speaking the protocol);
 * - a `{jobId}` in the path that is not the token's job → 403 FORBIDDEN, whether or
 *   not that job exists (a token never learns about other jobs).
 *
 * The token stays valid after its job ends: the route answers what the state says
 * (a heartbeat `rejected`, a completion replay 204, a late event 409).
 * A job token on a key route is no credential at all: 401, missing X-Api-Key.
 * Routes with `auth: 'none'` (the webhook ingest) are open.
 */



/**
 * The format `X-Api-Key` must have; anything else is a 401 "malformed". The
 * fixtures schema requires the same of every key (a test keeps the two equal).
 */
const API_KEY_PATTERN = /^epk_(live|test)_[A-Za-z0-9_]{6,}$/;
/** The header carrying the key's expiry (part B.1). */
const EXPIRES_AT_HEADER = 'x-api-key-expires-at';
/** The header of the job routes' credential (the claim's `job_token`). */
const JOB_TOKEN_HEADER = 'x-job-token';
function authenticate(ctx) {
    const secret = ctx.header('x-api-key')?.trim();
    if (!secret) {
        if (ctx.header(JOB_TOKEN_HEADER) !== undefined) {
            throw (0,errors/* unauthorized */.nc)('Missing X-Api-Key header: a job token (X-Job-Token) is accepted only on the /runner/jobs/… routes');
        }
        throw (0,errors/* unauthorized */.nc)('Missing X-Api-Key header');
    }
    // Never echo the key back: it may be a real secret pasted into the wrong place.
    if (!API_KEY_PATTERN.test(secret))
        throw (0,errors/* unauthorized */.nc)('Malformed API key: expected a key like epk_live_…');
    const key = ctx.services.state.keyBySecret(secret);
    if (!key)
        throw (0,errors/* unauthorized */.nc)('Invalid API key');
    if (key.revoked)
        throw (0,errors/* unauthorized */.nc)('The API key has been revoked');
    if (key.expiresAt !== null && key.expiresAt <= ctx.receivedAt) {
        throw (0,errors/* unauthorized */.nc)(`The API key expired at ${(0,validate/* iso */.KH)(key.expiresAt)}`);
    }
    return key;
}
function authorize(ctx, key) {
    const route = ctx.route?.definition;
    if (!route)
        throw new Error('auth layer reached without a matched route');
    if (route.orgHeader) {
        const org = ctx.header('x-organization-id')?.trim();
        if (!org) {
            throw (0,errors/* validationError */.cJ)('X-Organization-ID', 'The X-Organization-ID header is required and must not be blank');
        }
        if (org !== key.organizationId) {
            throw (0,errors/* forbidden */.o0)(`The API key does not belong to organization "${org}"`);
        }
        ctx.organizationId = org;
    }
    else {
        ctx.organizationId = key.organizationId;
    }
    if (route.scope !== null && !key.permissions.includes(route.scope)) {
        throw (0,errors/* insufficientScope */.kK)(route.scope);
    }
}
function withExpiryHeader(ctx, key, response) {
    if (!ctx.services.extensions.keyIntrospection || key.expiresAt === null)
        return response;
    return { ...response, headers: { ...response.headers, [EXPIRES_AT_HEADER]: (0,validate/* iso */.KH)(key.expiresAt) } };
}
/** The job an `X-Job-Token` belongs to, checked against the path's `{jobId}`. */
function authenticateJob(ctx) {
    if (ctx.header('x-api-key') !== undefined) {
        // Never echo the key back; say what to send instead.
        throw new errors/* ApiError */.hD(401, 'API_KEY_NOT_ACCEPTED', 'Job routes authenticate with X-Job-Token only: send the job_token from the claim and no X-Api-Key');
    }
    const token = ctx.header(JOB_TOKEN_HEADER)?.trim();
    if (!token)
        throw (0,errors/* unauthorized */.nc)('Missing X-Job-Token header (the job_token from the claim)');
    const record = ctx.services.state.executionByJobToken(token);
    const claim = record?.claim;
    if (!record || !claim)
        throw (0,errors/* unauthorized */.nc)('Invalid job token');
    if (ctx.header('x-organization-id') !== undefined) {
        throw (0,errors/* validationError */.cJ)('X-Organization-ID', 'Job routes take no X-Organization-ID header: the job token names the organization');
    }
    const principal = { jobId: claim.jobId, record, claim };
    // Logged even when refused below: which job's token came.
    ctx.annotations.jobId = claim.jobId;
    const pathJobId = ctx.route?.params.jobId;
    if (pathJobId !== undefined && (0,validate/* uuidParam */.Fp)(pathJobId, 'jobId') !== principal.jobId) {
        throw (0,errors/* forbidden */.o0)('The job token belongs to another job: a job token speaks for its own job only');
    }
    return principal;
}
/** The pipeline's auth layer (after the router, which supplies the route's scope). */
function authLayer() {
    return {
        name: 'auth',
        handle: async (ctx, next) => {
            const mode = ctx.route?.definition.auth ?? 'key';
            if (mode === 'none')
                return next();
            if (mode === 'job') {
                const job = authenticateJob(ctx);
                ctx.job = job;
                ctx.organizationId = job.record.organizationId;
                return next();
            }
            const key = authenticate(ctx);
            ctx.apiKey = key;
            let response;
            try {
                authorize(ctx, key);
                response = await next();
            }
            catch (err) {
                response = (0,context/* errorResponse */.yj)(err);
            }
            return withExpiryHeader(ctx, key, response);
        }
    };
}

;// CONCATENATED MODULE: ./src/sandbox/node-results.ts
/** NodeExecutionResult values for the nodes of an execution, shared by both kinds of runner. */


/** A NodeExecutionResult for `node` of `record`, with the given fields. */
function nodeResult(record, node, fields) {
    return {
        id: record.nodeResultIds[node.id],
        flow_id: record.flowId,
        execution_id: record.id,
        node_id: node.id,
        display_name: node.displayName,
        node_type: node.type,
        status: 'pending',
        ...fields
    };
}
/** A node that did not run, and why. */
function skippedNode(record, node, reason) {
    return nodeResult(record, node, { status: 'skipped', skip_reason: reason, has_errors: false });
}
/** A node result's field as text, or undefined when absent, empty or not a string. */
function textField(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** Epoch ms of an RFC 3339 text, or undefined. */
function timeOf(value) {
    if (typeof value !== 'string' || !(0,validate/* isRfc3339 */.yk)(value))
        return undefined;
    return Date.parse(value.replace(' ', 'T'));
}
/**
 * The status of a node result an in-job runner reported (docs/runner.md §1.8, as the
 * official CLI reports it): `skipped` if it has a `skip_reason`, else `failed` if it
 * has an `error_message` or `error_code`, else `completed`.
 */
function reportedNodeStatus(result) {
    if (textField(result.skip_reason) !== undefined)
        return 'skipped';
    if (textField(result.error_message) !== undefined || textField(result.error_code) !== undefined)
        return 'failed';
    return 'completed';
}
/**
 * A NodeExecutionResult from a node result of the engine (docs/runner.md §5.2) that an
 * in-job runner reported, in its completion or in a `node.completed`/`node.failed`
 * event. The whole node result is kept as `result`, so `assertion_results` (expected
 * and actual) reach the reports. `executed_at` is when the node finished; it started
 * `duration_ms` earlier.
 */
function reportedNode(record, nodeId, result, overrides = {}) {
    const known = record.nodes.find((node) => node.id === nodeId);
    const status = overrides.status ?? reportedNodeStatus(result);
    const rawDuration = overrides.durationMs ?? result.duration_ms;
    const duration = typeof rawDuration === 'number' && Number.isFinite(rawDuration) && rawDuration >= 0
        ? rawDuration
        : null;
    const completedAt = overrides.completedAt ?? timeOf(result.executed_at);
    return {
        id: nodeResultId(record, nodeId),
        flow_id: record.flowId,
        execution_id: record.id,
        node_id: nodeId,
        display_name: textField(result.display_name) ?? known?.displayName ?? nodeId,
        // Node types are open: whatever the runner reports passes through.
        node_type: textField(result.node_type) ?? known?.type ?? 'unknown',
        status,
        started_at: completedAt === undefined
            ? null
            : (0,validate/* iso */.KH)(completedAt - (status === 'skipped' ? 0 : (duration ?? 0))),
        completed_at: completedAt === undefined ? null : (0,validate/* iso */.KH)(completedAt),
        duration_ms: duration,
        error_message: textField(result.error_message) ?? null,
        error_code: textField(result.error_code) ?? null,
        skip_reason: textField(result.skip_reason) ?? null,
        has_errors: status === 'failed',
        result: result
    };
}
/** The NodeExecutionResult id of a node, the same on every read (made up once for a node the fixture does not know). */
function nodeResultId(record, nodeId) {
    let id = record.nodeResultIds[nodeId];
    if (id === undefined) {
        id = (0,external_node_crypto_.randomUUID)();
        record.nodeResultIds[nodeId] = id;
    }
    return id;
}

;// CONCATENATED MODULE: ./src/sandbox/ephemeral-runs.ts


/**
 * How long an ephemeral claim holds (from the claim, and from each renewing
 * heartbeat) before the execution fails as abandoned, unless the sandbox is started
 * with another `ephemeralLeaseMs`.
 */
const EPHEMERAL_LEASE_MS = 10 * 60 * 1000;
function eventTime(value) {
    return typeof value === 'string' && (0,validate/* isRfc3339 */.yk)(value) ? Date.parse(value.replace(' ', 'T')) : null;
}
function objectOrEmpty(value) {
    return value && typeof value === 'object' && !Array.isArray(value)
        ? value
        : {};
}
/**
 * The nodes a running job's events describe: `node.started` → running,
 * `node.completed` / `node.failed` → the reported node result. The flow's nodes come
 * first, in order, then any other node the events named; nodes without events are
 * left out (nothing is known of them yet).
 */
function nodesFromEvents(record, claim) {
    const byNode = new Map();
    for (const event of claim.events) {
        if (event.type === 'flow.started')
            continue;
        const payload = event.payload;
        const nodeId = typeof payload.nodeId === 'string' ? payload.nodeId : undefined;
        if (!nodeId)
            continue;
        const at = eventTime(payload.timestamp) ?? event.receivedAt;
        if (event.type === 'node.started') {
            const known = record.nodes.find((n) => n.id === nodeId);
            byNode.set(nodeId, {
                id: nodeResultId(record, nodeId),
                flow_id: record.flowId,
                execution_id: record.id,
                node_id: nodeId,
                display_name: typeof payload.displayName === 'string' && payload.displayName !== ''
                    ? payload.displayName
                    : (known?.displayName ?? nodeId),
                node_type: typeof payload.nodeType === 'string' && payload.nodeType !== ''
                    ? payload.nodeType
                    : (known?.type ?? 'unknown'),
                status: 'running',
                started_at: (0,validate/* iso */.KH)(at),
                has_errors: false
            });
            continue;
        }
        const result = objectOrEmpty(payload.result);
        const duration = typeof payload.duration === 'number' ? payload.duration : undefined;
        const node = reportedNode(record, nodeId, result, {
            durationMs: duration,
            completedAt: at,
            ...(event.type === 'node.failed' ? { status: 'failed' } : {})
        });
        if (node.error_message === null && typeof payload.error === 'string' && payload.error !== '') {
            node.error_message = payload.error;
        }
        byNode.set(nodeId, node);
    }
    const ordered = record.nodes.flatMap((n) => {
        const found = byNode.get(n.id);
        byNode.delete(n.id);
        return found ? [found] : [];
    });
    return [...ordered, ...byNode.values()];
}
/** The state at `now` of an execution left to an ephemeral runner. */
function observeEphemeral(record, now) {
    const { claim, completion } = record;
    const allSkipped = (reason) => record.nodes.map((node) => skippedNode(record, node, reason));
    if (completion) {
        return {
            status: completion.status,
            executionStartedAt: completion.startedAt,
            completedAt: completion.completedAt,
            terminalAt: completion.receivedAt,
            updatedAt: completion.receivedAt,
            errorCode: completion.errorCode,
            errorMessage: completion.errorMessage,
            nodes: completion.nodes
        };
    }
    const leaseEnd = claim ? claim.leaseExpiresAt : null;
    if (record.cancelledAt !== null && (leaseEnd === null || record.cancelledAt < leaseEnd)) {
        return {
            status: 'cancelled',
            executionStartedAt: claim ? claim.claimedAt : null,
            completedAt: record.cancelledAt,
            terminalAt: record.cancelledAt,
            updatedAt: record.cancelledAt,
            errorCode: 'EXECUTION_CANCELLED',
            errorMessage: 'The execution was cancelled through the API',
            nodes: allSkipped('Execution was cancelled')
        };
    }
    if (claim && leaseEnd !== null && now >= leaseEnd) {
        // The runner claimed the job and never reported back: the lease runs out.
        return {
            status: 'failed',
            executionStartedAt: claim.claimedAt,
            completedAt: leaseEnd,
            terminalAt: leaseEnd,
            updatedAt: leaseEnd,
            errorCode: 'RUNNER_LEASE_EXPIRED',
            errorMessage: 'The ephemeral runner did not report a result before its lease expired',
            nodes: allSkipped('The runner lease expired')
        };
    }
    const lastEvent = claim?.events.at(-1);
    return {
        status: claim ? 'running' : 'pending',
        executionStartedAt: claim ? claim.claimedAt : null,
        completedAt: null,
        terminalAt: null,
        updatedAt: lastEvent?.receivedAt ?? claim?.claimedAt ?? record.createdAt,
        errorCode: null,
        errorMessage: null,
        nodes: claim ? nodesFromEvents(record, claim) : []
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./sandbox/default.json
const default_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"./fixtures.schema.json","description":"Default sandbox fixture: one demo organization with CI keys in every state (valid, read-only, execute-only, expired, revoked, expiring soon, never expiring) and a handful of flows. `tags: smoke` passes; `tags: regression` includes one flow that fails on purpose. Every key here is fake and only works against the sandbox.","default":{"organization_id":"org_demo","api_key_id":"key_demo_ci"},"organizations":[{"id":"org_demo","name":"Demo Shop"},{"id":"org_other","name":"Another Company"}],"api_keys":[{"id":"key_demo_ci","key":"epk_live_sandbox_demo_ci","name":"GitHub Actions CI (sandbox)","organization_id":"org_demo","permissions":["flows:read","flows:execute","runner:complete"],"expires_in_days":90,"description":"The default key: the `ci` preset, expiring in 90 days."},{"id":"key_demo_read_only","key":"epk_live_sandbox_read_only","name":"Inventory (read-only)","organization_id":"org_demo","permissions":["flows:read"],"expires_in_days":90,"description":"Can list and read flows, cannot launch (403 on launch)."},{"id":"key_demo_execute_only","key":"epk_live_sandbox_execute_only","name":"Launch only","organization_id":"org_demo","permissions":["flows:execute"],"expires_in_days":90,"description":"Can launch by flow ID, cannot search by tag or poll (403 on reads)."},{"id":"key_demo_admin","key":"epk_live_sandbox_admin","name":"Organization admin","organization_id":"org_demo","permissions":["flows:read","flows:write","flows:execute","runner:claim","runner:complete","webhooks:read","api_key:create"],"expires_in_days":90,"description":"Holds api_key:create, so GET /permissions works even with that extension off."},{"id":"key_demo_expired","key":"epk_live_sandbox_expired","name":"Expired CI key","organization_id":"org_demo","permissions":["flows:read","flows:execute","runner:complete"],"expires_in_days":-30,"description":"Expired 30 days before the sandbox started: every request gets 401."},{"id":"key_demo_revoked","key":"epk_live_sandbox_revoked","name":"Revoked CI key","organization_id":"org_demo","permissions":["flows:read","flows:execute","runner:complete"],"expires_in_days":90,"revoked":true,"description":"Revoked: every request gets 401."},{"id":"key_demo_expiring_soon","key":"epk_live_sandbox_expiring_soon","name":"CI key due for rotation","organization_id":"org_demo","permissions":["flows:read","flows:execute","runner:complete"],"expires_in_days":5,"description":"Valid, but expires in 5 days: check-key warns (or fails with fail-days >= 5)."},{"id":"key_demo_no_expiry","key":"epk_live_sandbox_no_expiry","name":"CI key without expiry","organization_id":"org_demo","permissions":["flows:read","flows:execute","runner:complete"],"expires_at":null,"description":"Never expires: check-key recommends setting an expiration date."},{"id":"key_other_ci","key":"epk_live_sandbox_other_org","name":"CI key of another organization","organization_id":"org_other","permissions":["flows:read","flows:execute","runner:complete"],"expires_in_days":90,"description":"Belongs to org_other: 403 with X-Organization-ID org_demo; org_demo\'s flows are 404 to it."}],"flows":[{"id":"12274271-06b2-43b7-b64a-de134439c37f","organization_id":"org_demo","name":"Login and fetch profile","description":"Signs in with the demo user and reads its profile.","tags":["smoke","regression"],"version":"3","metadata":{"owner":"team-identity"},"published_versions":["5d6c9db6-82f8-418e-92fc-7430deed5f90"],"inputs":{"base_url":{"value":"https://shop.example.test"},"password":{"value":"correct-horse-battery-staple","secret":true}},"nodes":[{"id":"login","display_name":"POST /auth/login","type":"request","config":{"method":"POST","url":"{{base_url}}/auth/login"}},{"id":"profile","display_name":"GET /me","type":"request","config":{"method":"GET","url":"{{base_url}}/me"}}],"simulation":{"outcome":"passed","duration_ms":1500}},{"id":"38397a93-100d-4a5c-a538-1e000c3127da","organization_id":"org_demo","name":"Checkout happy path","description":"Adds a product to the cart, checks out and waits for the order to be paid.","tags":["smoke","regression"],"version":"7","nodes":[{"id":"products","display_name":"GET /products","type":"request"},{"id":"add_to_cart","display_name":"POST /cart/items","type":"request"},{"id":"checkout","display_name":"POST /checkout","type":"request"},{"id":"wait_payment","display_name":"Wait for payment confirmation","type":"delay","weight":2},{"id":"order","display_name":"GET /orders/{id}","type":"request"}],"simulation":{"outcome":"passed","duration_ms":3500}},{"id":"127725f7-5a17-4b95-9526-f64b9cd7313e","organization_id":"org_demo","name":"API health check","description":"The public health endpoint answers 200.","tags":["smoke"],"version":"1","nodes":[{"id":"health","display_name":"GET /health","type":"request"}],"simulation":{"outcome":"passed","duration_ms":1000}},{"id":"658f25a8-7926-4ff7-b5ea-344d42c9a316","organization_id":"org_demo","name":"Refund a captured payment","description":"Authorizes, captures and refunds a card payment.","tags":["smoke","payments"],"version":"2","nodes":[{"id":"authorize","display_name":"POST /payments","type":"request"},{"id":"capture","display_name":"POST /payments/{id}/capture","type":"request"},{"id":"refund","display_name":"POST /payments/{id}/refunds","type":"request"}],"simulation":{"outcome":"passed","duration_ms":2000}},{"id":"fa2ee422-0250-4ec8-b1c6-f0d17e1e3adc","organization_id":"org_demo","name":"Product search (GraphQL)","description":"Searches the catalogue through the GraphQL gateway.","tags":["regression"],"version":"4","nodes":[{"id":"search","display_name":"query searchProducts","type":"graphql"},{"id":"product","display_name":"GET /products/{id}","type":"request"}],"simulation":{"outcome":"passed","duration_ms":2000}},{"id":"d405cce9-ee22-4b7c-a731-77924b7f964e","organization_id":"org_demo","name":"Order history","description":"Lists past orders and opens the latest one. Fails on purpose: the order endpoint answers 500.","tags":["regression"],"version":"5","nodes":[{"id":"list_orders","display_name":"GET /orders","type":"request"},{"id":"get_order","display_name":"GET /orders/{id}","type":"request"},{"id":"get_invoice","display_name":"GET /orders/{id}/invoice","type":"request"}],"simulation":{"outcome":"failed","duration_ms":2500,"failure":{"node_id":"get_order","assertion":{"extractor":"status_code","operator":"equals","expected":200,"actual":500}}}},{"id":"e90bfc84-c53a-4d44-9701-5bb5aabaced6","organization_id":"org_demo","name":"Password reset email","description":"Creates a user, asks for a password reset and finds the email. Untagged: run it by ID.","tags":[],"version":"1","nodes":[{"id":"create_user","display_name":"Create test user","type":"module"},{"id":"reset","display_name":"POST /auth/password-reset","type":"request"},{"id":"mailbox","display_name":"GET /test-mailbox/messages","type":"request"}],"simulation":{"outcome":"passed","duration_ms":1500}},{"id":"a11474f0-fa79-4de1-b36a-086899a09db0","organization_id":"org_demo","name":"Legacy billing sync","description":"Talks to a legacy billing host that is down: fails before any node runs.","tags":["legacy"],"version":"1","nodes":[{"id":"export","display_name":"POST /billing/export","type":"request"},{"id":"verify","display_name":"GET /billing/export/status","type":"request"}],"simulation":{"outcome":"error","duration_ms":1000,"error":{"code":"ENVIRONMENT_UNREACHABLE","message":"Could not connect to https://billing.legacy.example.test: connection refused"}}},{"id":"d37f7f6f-eab2-48c9-8898-f4b15a61a3d3","organization_id":"org_other","name":"Another company\'s smoke test","description":"Belongs to org_other: invisible to org_demo\'s keys.","tags":["smoke"],"version":"1","nodes":[{"id":"ping","display_name":"GET /ping","type":"request"}],"simulation":{"outcome":"passed","duration_ms":1000}}]}');
// EXTERNAL MODULE: ./src/sandbox/settings/issues.ts
var issues = __webpack_require__(66717);
// EXTERNAL MODULE: ./src/sandbox/settings/rules.ts
var rules = __webpack_require__(86370);
// EXTERNAL MODULE: ./src/sandbox/settings/schema.ts + 1 modules
var schema = __webpack_require__(35355);
;// CONCATENATED MODULE: ./src/sandbox/fixture-file.ts
/**
 * Loading the sandbox's starting state (organizations, API keys, flows and the
 * `server:` section) from an object or a JSON/YAML file. The format is
 * sandbox/fixtures.schema.json, checked strictly (settings/): a typo in a fixture
 * (`expires_in_day`) is an error naming the path of the field, not a silently
 * ignored key. `$schema` (for editors) is accepted and ignored.
 *
 * The default fixture (sandbox/default.json) is imported, not read from disk, so
 * the bundled CLI (dist/cli/index.js, built by ncc) carries it inside the bundle.
 * This file stays directly in src/sandbox/: defaultFixturesPath() counts on it.
 */








/** Validates a parsed fixtures document and returns it normalized (string versions, no `$schema`). */
function validateFixtures(value, source) {
    const issue = (0,schema/* schemaIssue */.h)('fixtures', value) ?? (0,rules/* fixtureRulesIssue */.i)(value);
    if (issue)
        throw issues/* FixtureError */.ig.of(issue, source);
    const { $schema: _schema, ...fixtures } = value;
    return {
        ...fixtures,
        // `3` (the older format) reads as "3", the published spec's type.
        flows: fixtures.flows.map((flow) => typeof flow.version === 'number' ? { ...flow, version: String(flow.version) } : flow)
    };
}
function readFixturesFile(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        throw new issues/* FixtureError */.ig('$', `cannot read the file (${err.message})`, path);
    }
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    try {
        // YAML is a superset of JSON, but JSON.parse gives the clearer error for a .json file.
        return ext === '.json' ? JSON.parse(text) : (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        throw new issues/* FixtureError */.ig('$', `not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${err.message})`, path);
    }
}
/**
 * Loads and validates fixtures from an object, or from a `.json`, `.yaml` or
 * `.yml` file. Throws a FixtureError naming the path of the first bad field.
 */
function loadFixtures(pathOrObject) {
    if (typeof pathOrObject === 'string') {
        return validateFixtures(readFixturesFile(pathOrObject), pathOrObject);
    }
    // A deep copy: the sandbox mutates nothing, but callers may reuse their object.
    return validateFixtures(structuredClone(pathOrObject));
}
/** The default fixture shipped with the kit (embedded in the bundle). */
function defaultFixtures() {
    return loadFixtures(default_namespaceObject);
}
/**
 * Where sandbox/default.json lives on disk, for users who want to copy and edit
 * it (its schema, fixtures.schema.json, is beside it). src/sandbox/ (ts-jest) and
 * dist/cli/ (the bundle) are both two levels below the package root, so one
 * relative path serves both. The sandbox itself never reads this path: it uses
 * the embedded copy. (Built with path.resolve rather than
 * `new URL(…, import.meta.url)` on purpose: ncc would copy the file into dist/
 * under a hashed name and return that path instead.)
 */
function defaultFixturesPath() {
    const here = dirname(fileURLToPath(import.meta.url));
    return resolve(here, '..', '..', 'sandbox', 'default.json');
}

// EXTERNAL MODULE: ./src/sandbox/layers/faults.ts
var layers_faults = __webpack_require__(79893);
// EXTERNAL MODULE: ./src/sandbox/layers/quota.ts
var layers_quota = __webpack_require__(63090);
// EXTERNAL MODULE: ./src/sandbox/layers/rate-limit.ts + 1 modules
var rate_limit = __webpack_require__(32710);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/sandbox/layers/request-log.ts
/**
 * The outermost pipeline layer: records each request in the request log
 * (request-log.ts) with what the inner layers learned about it (route, key,
 * organization, job, flow, execution, retry hints, faults), and which credential
 * headers it carried (presence only).
 */

function requestLogLayer(log) {
    return {
        name: 'requestLog',
        handle: async (ctx, next) => {
            const started = external_node_perf_hooks_.performance.now();
            const arrived = log.nextTick();
            const response = await next();
            const answered = log.nextTick();
            const params = ctx.route?.params ?? {};
            const body = response.body;
            const errorCode = response.status >= 400 ? body?.errors?.[0]?.code : undefined;
            const orgHeader = ctx.header('x-organization-id')?.trim();
            const entry = {
                at: ctx.receivedAt,
                method: ctx.method,
                path: ctx.path,
                query: Object.fromEntries(ctx.query.entries()),
                status: response.drop ? 0 : response.status,
                routeId: ctx.route?.definition.id ?? null,
                keyId: ctx.apiKey?.id ?? ctx.annotations.presentedKeyId ?? null,
                organizationId: ctx.organizationId ?? (orgHeader || null),
                authHeaders: {
                    apiKey: ctx.header('x-api-key') !== undefined,
                    organizationId: ctx.header('x-organization-id') !== undefined,
                    jobToken: ctx.header('x-job-token') !== undefined
                },
                durationMs: external_node_perf_hooks_.performance.now() - started
            };
            const { jobId, events } = ctx.annotations;
            if (jobId !== undefined)
                entry.jobId = jobId;
            if (events !== undefined)
                entry.events = events;
            const idempotencyKey = ctx.header('idempotency-key');
            if (idempotencyKey !== undefined)
                entry.idempotencyKey = idempotencyKey;
            const flowId = ctx.annotations.flowId ?? params.flowId;
            if (flowId !== undefined)
                entry.flowId = flowId;
            const executionId = ctx.annotations.executionId ?? params.executionId;
            if (executionId !== undefined)
                entry.executionId = executionId;
            if (ctx.annotations.replay !== undefined)
                entry.replay = ctx.annotations.replay;
            if (errorCode !== undefined)
                entry.errorCode = errorCode;
            const bucket = ctx.route?.definition.bucket;
            if (bucket !== undefined)
                entry.bucket = bucket;
            const { retryAt, fault, faultAfterCommit } = ctx.annotations;
            if (retryAt !== undefined)
                entry.retryAt = retryAt;
            if (fault !== undefined)
                entry.fault = fault;
            if (faultAfterCommit)
                entry.faultAfterCommit = true;
            log.record(entry, { arrived, answered });
            return response;
        }
    };
}

;// CONCATENATED MODULE: ./src/sandbox/pipeline.ts
/**
 * The request pipeline: every request passes through the same ordered slots,
 *
 *   requestLog → faults → router → auth → rateLimit → quota → handler
 *
 * Each slot holds one layer. A layer gets the request context and `next` (the
 * rest of the pipeline) and returns a response, so it can answer early (auth's
 * 401), wait (a slow-response fault), or alter what the inner layers answered
 * (auth adds `X-Api-Key-Expires-At`, a rate limiter adds its headers).
 *
 * `faults`, `rateLimit` and `quota` are pluggable: `startSandbox` fills them from its
 * `faults`, `rateLimits` and `quota` options (layers/faults.ts, layers/rate-limit.ts,
 * layers/quota.ts) and leaves pass-through layers otherwise; `pipeline.use(slot, layer)`
 * (or `startSandbox({ layers })`) swaps any of them. Their position is
 * deliberate: faults sit outside everything (a reset can hit any request, even
 * an unauthenticated one); rate limits count authenticated requests per key and
 * know the route's bucket (read, search, write); the quota sees the launch after
 * the key and the route are known, and `classifyLaunch(ctx)` (launch-request.ts)
 * tells it whether the launch would create an execution or replay one, which must
 * not count (docs/api-contract.md, launch semantics).
 */

/** The slots, in the order a request passes them. */
const LAYER_SLOTS = [
    'requestLog',
    'faults',
    'router',
    'auth',
    'rateLimit',
    'quota',
    'handler'
];
/** A layer that does nothing but call the next one: the placeholder of an empty slot. */
function passThrough(name) {
    return { name, handle: (_ctx, next) => next() };
}
class Pipeline {
    layers = new Map();
    constructor(layers = {}) {
        for (const slot of LAYER_SLOTS)
            this.layers.set(slot, layers[slot] ?? passThrough(slot));
    }
    /** Puts `layer` in `slot`, replacing what was there (the pass-through by default). */
    use(slot, layer) {
        this.layers.set(slot, layer);
        return this;
    }
    /** The layer currently in `slot`. */
    get(slot) {
        return this.layers.get(slot);
    }
    /** Runs a request through every slot. Never rejects. */
    run(ctx) {
        const ordered = LAYER_SLOTS.map((slot) => this.get(slot));
        const dispatch = async (index) => {
            const layer = ordered[index];
            // The handler slot answers; running past it means nothing answered.
            if (!layer)
                return (0,context/* errorResponse */.yj)(new Error('no layer answered the request'));
            try {
                return await layer.handle(ctx, () => dispatch(index + 1));
            }
            catch (err) {
                // Converting here (not only at the top) lets an outer layer see and
                // decorate the error response of an inner one.
                return (0,context/* errorResponse */.yj)(err);
            }
        };
        return dispatch(0);
    }
}

// EXTERNAL MODULE: ./src/sandbox/route-ids.ts
var route_ids = __webpack_require__(85129);
;// CONCATENATED MODULE: ./src/sandbox/request-log.ts
/**
 * A record of every request the sandbox answered, for tests: to prove that no
 * request was sent, that a flow was launched once and not twice, or which key
 * and organization a client used, or that a job call carried only its job token
 * (`authHeaders`). The key's secret is never recorded, only its id; of a header
 * only whether it was there.
 * The pipeline layer that fills it is layers/request-log.ts.
 */

/** Who a logged request counted against for rate limits: its key, or its job. */
function principalOf(entry) {
    if (entry.keyId !== null)
        return entry.keyId;
    return entry.jobId !== undefined &&
        route_ids/* JOB_ROUTE_IDS */.hZ.includes(entry.routeId ?? '')
        ? `job:${entry.jobId}`
        : null;
}
class RequestLog {
    list = [];
    seq = 0;
    /** Event order: when each entry's request arrived and when it was answered (by seq). */
    tick = 0;
    order = new Map();
    /** Every entry, oldest first (a copy). */
    entries() {
        return [...this.list];
    }
    filter(predicate) {
        return this.list.filter(predicate);
    }
    /**
     * Launches the handler accepted (202), each marked `replay: true` when no execution
     * was created. Includes launches whose answer a fault lost after the handler ran
     * (`faultAfterCommit`): their execution exists even though the client never saw it.
     */
    launches() {
        return this.list.filter((e) => e.routeId === 'flows.launch' &&
            e.executionId !== undefined &&
            e.replay !== undefined &&
            (e.status === 202 || e.faultAfterCommit === true));
    }
    /**
     * The job calls (heartbeat, events, complete, webhook-requests), oldest first;
     * with `jobId`, only that job's. Each says which credential headers it carried.
     */
    jobCalls(jobId) {
        return this.list.filter((e) => e.routeId !== null &&
            route_ids/* JOB_ROUTE_IDS */.hZ.includes(e.routeId) &&
            (jobId === undefined || e.jobId === jobId));
    }
    /** Answers that carried a retry hint (`retryAt`), oldest first. */
    hints() {
        return this.list.filter((e) => e.retryAt !== undefined);
    }
    /**
     * Requests that arrived before the `retryAt` of a hint the same key (or job) had
     * already received for the same bucket: "the client did not wait as told". Only requests
     * that arrived after the hint was answered count; one already on its way when the
     * hint was sent could not have known it.
     */
    earlyRequests() {
        const early = [];
        for (const hint of this.hints()) {
            const answered = this.order.get(hint.seq)?.answered ?? Infinity;
            const principal = principalOf(hint);
            for (const request of this.list) {
                if (request === hint || principal === null || principalOf(request) !== principal)
                    continue;
                if (request.bucket !== hint.bucket)
                    continue;
                const arrived = this.order.get(request.seq)?.arrived ?? -Infinity;
                if (arrived > answered && request.at < hint.retryAt)
                    early.push({ request, hint });
            }
        }
        return early;
    }
    /** Forgets every entry (sequence numbers keep counting). */
    clear() {
        this.list.length = 0;
        this.order.clear();
    }
    /** The next step of the event order; the request-log layer marks arrivals and answers with it. */
    nextTick() {
        return ++this.tick;
    }
    /** Adds an entry; the pipeline's request-log layer (layers/request-log.ts) calls this. */
    record(entry, order) {
        const full = { seq: ++this.seq, ...entry };
        this.list.push(full);
        this.order.set(full.seq, order ?? { arrived: ++this.tick, answered: ++this.tick });
        return full;
    }
}

;// CONCATENATED MODULE: ./src/sandbox/router.ts
/**
 * Routes: a table of `METHOD /path/{param}` entries, each with the scope it needs
 * (docs/api-contract.md part A, Endpoints) and its rate-limit bucket. The router runs before
 * auth so an unknown path is a 404 and a known path with the wrong method a 405
 * (with `Allow`), whoever asks. A route whose method is `*` takes any method.
 */


function compile(pattern) {
    const segments = pattern
        .split('/')
        .slice(1)
        .map((part) => {
        const param = /^\{(\w+)\}$/.exec(part);
        return param ? { param: param[1] } : { literal: part };
    });
    return { pattern, segments, specificity: segments.filter((s) => s.literal !== undefined).length };
}
function matchPattern(compiled, parts) {
    if (compiled.segments.length !== parts.length)
        return null;
    const params = {};
    for (const [i, segment] of compiled.segments.entries()) {
        const part = parts[i];
        if (segment.literal !== undefined) {
            if (segment.literal !== part)
                return null;
        }
        else {
            if (part === '')
                return null;
            try {
                params[segment.param] = decodeURIComponent(part);
            }
            catch {
                return null;
            }
        }
    }
    return params;
}
class Router {
    routes;
    patterns;
    constructor(routes) {
        this.routes = routes;
        const unique = [...new Set(routes.map((r) => r.pattern))];
        this.patterns = unique.map(compile).sort((a, b) => b.specificity - a.specificity);
    }
    /** Every route, for introspection (the contract test checks coverage against it). */
    list() {
        return this.routes;
    }
    /** The route for a request; throws 404 for an unknown path, 405 for a wrong method. */
    match(method, path) {
        const parts = path.split('/').slice(1);
        for (const compiled of this.patterns) {
            const params = matchPattern(compiled, parts);
            if (!params)
                continue;
            // The most specific matching path decides; other methods on it mean 405.
            const candidates = this.routes.filter((r) => r.pattern === compiled.pattern);
            // An exact method first, then a route that takes any (the webhook ingest).
            const definition = candidates.find((r) => r.method === method) ??
                candidates.find((r) => r.method === route_ids/* ANY_METHOD */.VJ);
            if (definition)
                return { definition, params };
            const allow = candidates.map((r) => r.method).join(', ');
            throw new errors/* ApiError */.hD(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${compiled.pattern}; use ${allow}`, { headers: { allow } });
        }
        throw new errors/* ApiError */.hD(404, 'NOT_FOUND', `No route for ${method} ${path}`);
    }
    /** The pipeline layer that resolves the route (before auth). */
    layer() {
        return {
            name: 'router',
            handle: (ctx, next) => {
                ctx.route = this.match(ctx.method, ctx.path);
                return next();
            }
        };
    }
    /** The last pipeline layer: calls the matched route's handler. */
    handlerLayer() {
        return {
            name: 'handler',
            handle: (ctx) => {
                if (!ctx.route)
                    throw new Error('handler layer reached without a matched route');
                return ctx.route.definition.handler(ctx);
            }
        };
    }
}

// EXTERNAL MODULE: ./src/core/api/types.ts
var types = __webpack_require__(83965);
// EXTERNAL MODULE: ./src/sandbox/launch-request.ts
var launch_request = __webpack_require__(32132);
;// CONCATENATED MODULE: ./src/sandbox/views.ts

/** The definition a flow's runner executes: its nodes and the edges chaining them in order. */
/** The flow's definition in Echopoint's format (docs/runner.md §2): input defaults, nodes with `data`, edges with ids. */
function flowDefinition(flow) {
    return {
        name: flow.name,
        version: flow.version,
        // Defaults of the flow's inputs; a secret's value is never exported.
        initial_inputs: Object.fromEntries(Object.entries(flow.inputs).map(([name, input]) => [name, input.secret ? '***' : input.value])),
        nodes: flow.nodes.map((n) => ({
            id: n.id,
            type: n.type,
            display_name: n.displayName,
            ...(n.runWhen ? { run_when: n.runWhen } : {}),
            data: n.config ?? {},
            ...(n.assertions ? { assertions: structuredClone(n.assertions) } : {}),
            ...(n.outputs ? { outputs: structuredClone(n.outputs) } : {})
        })),
        edges: flow.edges
            ? flow.edges.map((e, i) => ({ id: `e${i + 1}`, ...e }))
            : flow.nodes.slice(1).map((n, i) => ({
                id: `e${i + 1}`,
                source: flow.nodes[i]?.id,
                target: n.id,
                type: 'success'
            }))
    };
}
function flowJson(flow) {
    return {
        id: flow.id,
        organization_id: flow.organizationId,
        name: flow.name,
        description: flow.description,
        tags: [...flow.tags],
        version: flow.version,
        flow_definition: flowDefinition(flow),
        metadata: structuredClone(flow.metadata),
        created_at: (0,validate/* iso */.KH)(flow.createdAt),
        updated_at: (0,validate/* iso */.KH)(flow.updatedAt)
    };
}
function flowSearchItem(flow, lastRunStatus, includeDefinition) {
    const item = {
        id: flow.id,
        organization_id: flow.organizationId,
        name: flow.name,
        description: flow.description,
        version: flow.version,
        tags: [...flow.tags],
        node_count: flow.nodes.length,
        last_run_status: lastRunStatus,
        created_at: (0,validate/* iso */.KH)(flow.createdAt),
        updated_at: (0,validate/* iso */.KH)(flow.updatedAt)
    };
    if (includeDefinition)
        item.flow_definition = flowDefinition(flow);
    return item;
}
function executionJson(record, obs) {
    return {
        id: record.id,
        flow_id: record.flowId,
        organization_id: record.organizationId,
        status: obs.status,
        runner_inputs: { ...record.runnerInputs },
        // started_at is the creation time in the API; execution_started_at is when a runner began.
        started_at: (0,validate/* iso */.KH)(record.createdAt),
        created_at: (0,validate/* iso */.KH)(record.createdAt),
        updated_at: (0,validate/* iso */.KH)(obs.updatedAt),
        flow_snapshot: record.flowSnapshot,
        referenced_flows: [],
        runner_type: record.runnerType,
        environment_key: record.environmentKey,
        timeout_seconds: record.timeoutSeconds,
        completed_at: obs.completedAt === null ? null : (0,validate/* iso */.KH)(obs.completedAt),
        execution_started_at: obs.executionStartedAt === null ? null : (0,validate/* iso */.KH)(obs.executionStartedAt),
        error_message: obs.errorMessage,
        error_code: obs.errorCode,
        trigger_type: record.triggerType,
        trigger_metadata: record.triggerMetadata,
        executed_by: record.executedBy
    };
}
function executionRow(record, obs) {
    return {
        id: record.id,
        flow_id: record.flowId,
        flow_name: record.flowName,
        organization_id: record.organizationId,
        status: obs.status,
        runner_type: record.runnerType,
        started_at: (0,validate/* iso */.KH)(record.createdAt),
        completed_at: obs.completedAt === null ? null : (0,validate/* iso */.KH)(obs.completedAt),
        trigger_type: record.triggerType,
        environment_key: record.environmentKey,
        error_message: obs.errorMessage,
        error_code: obs.errorCode
    };
}

;// CONCATENATED MODULE: ./src/sandbox/routes/executions.ts
/**
 * Executions: launch (with Idempotency-Key; the request is read and checked in
 * launch-request.ts; an ephemeral launch also gets its job id and webhook, injected
 * as the inputs `webhook.url` and `webhook.requests_url`), read one, its nodes, list a flow's executions, list the
 * organization's executions (`GET /executions`) and cancel (part B.3). Lists are
 * newest first: `started_at` (the creation time) descending, then `id` descending,
 * so paging is stable.
 */






const EXECUTION_STATUSES = [
    'pending',
    'running',
    'completed',
    'failed',
    'cancelled'
];
function newestFirst(a, b) {
    return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
/** The execution named by the path, in the request's organization, or 404. */
function executionFromPath(ctx) {
    const flowId = (0,validate/* uuidParam */.Fp)((0,context/* paramOf */.Nl)(ctx, 'flowId'), 'flowId');
    const executionId = (0,validate/* uuidParam */.Fp)((0,context/* paramOf */.Nl)(ctx, 'executionId'), 'executionId');
    const record = ctx.services.state.executionInOrg((0,context/* organizationOf */.d1)(ctx), flowId, executionId);
    if (!record)
        throw (0,errors/* notFound */.mX)('Execution', 'executionId');
    return record;
}
function launchRoute() {
    return {
        id: 'flows.launch',
        method: 'POST',
        pattern: '/flows/{flowId}/launch',
        scope: 'flows:execute',
        orgHeader: true,
        bucket: 'write',
        handler: (ctx) => {
            const { flow, request, parameters, idempotencyKey, idempotency, now } = (0,launch_request/* resolveLaunch */.o5)(ctx);
            const { state } = ctx.services;
            ctx.annotations.flowId = flow.id;
            if (idempotency.kind === 'replay') {
                ctx.annotations.executionId = idempotency.entry.executionId;
                ctx.annotations.replay = true;
                const replayed = state.executions.get(idempotency.entry.executionId);
                // An ephemeral run is the client's to run: the replay shows where it stands now,
                // so a client that sees it terminal (a run that already finished) does not claim
                // it again (docs/runner.md §1.2). Other runners: the original answer, unchanged.
                const response = replayed && replayed.runnerType === 'ephemeral'
                    ? { execution: executionJson(replayed, state.observe(replayed, now)) }
                    : idempotency.entry.response;
                return (0,context/* jsonResponse */.Yf)(202, response, { 'idempotent-replayed': 'true' });
            }
            if (idempotency.kind === 'conflict') {
                const { entry, differences } = idempotency;
                const changes = differences
                    .map((d) => `${d}: ${String(entry.parameters[d])} → ${String(parameters[d])}`)
                    .join(', ');
                throw (0,errors/* conflict */.hj)('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key "${String(idempotencyKey)}" was already used to launch this flow with different parameters (${changes}); use a new key for a different launch`, { execution_id: entry.executionId, differences });
            }
            const record = state.createExecution({
                flow,
                runnerType: request.runner_type,
                environmentKey: request.environment_key,
                versionId: request.version_id,
                triggerType: request.trigger_type,
                triggerMetadata: request.trigger_metadata,
                executedBy: (0,context/* apiKeyOf */.n4)(ctx).id,
                baseUrl: (0,context/* publicBaseUrl */.CL)(ctx)
            });
            const response = { execution: executionJson(record, state.observe(record, now)) };
            if (idempotencyKey !== undefined) {
                state.idempotency.save({
                    organizationId: flow.organizationId,
                    flowId: flow.id,
                    key: idempotencyKey,
                    parameters,
                    executionId: record.id,
                    response: structuredClone(response),
                    createdAt: now
                });
            }
            ctx.annotations.executionId = record.id;
            ctx.annotations.replay = false;
            return (0,context/* jsonResponse */.Yf)(202, response);
        }
    };
}
function listAllRoute() {
    return {
        id: 'executions.list',
        method: 'GET',
        pattern: '/executions',
        scope: 'flows:read',
        orgHeader: true,
        bucket: 'read',
        handler: (ctx) => {
            const { limit, offset } = (0,validate/* paginationQuery */.R7)(ctx.query);
            const status = (0,validate/* optionalEnum */.OU)(ctx.query.get('status') ?? undefined, 'status', EXECUTION_STATUSES);
            const triggerType = (0,validate/* optionalEnum */.OU)(ctx.query.get('trigger_type') ?? undefined, 'trigger_type', launch_request/* TRIGGER_TYPES */.Zw);
            const flowIdRaw = ctx.query.get('flow_id');
            const flowId = flowIdRaw === null ? undefined : (0,validate/* uuidParam */.Fp)(flowIdRaw, 'flow_id');
            const sinceRaw = ctx.query.get('since');
            if (sinceRaw !== null && !(0,validate/* isRfc3339 */.yk)(sinceRaw)) {
                throw (0,errors/* validationError */.cJ)('since', 'since must be an RFC 3339 date-time, e.g. 2025-01-31T12:00:00Z');
            }
            const since = sinceRaw === null ? undefined : Date.parse(sinceRaw.replace(' ', 'T'));
            const { state, clock } = ctx.services;
            const now = clock.now();
            const rows = state
                .executionsInOrg((0,context/* organizationOf */.d1)(ctx))
                .filter((r) => flowId === undefined || r.flowId === flowId)
                .filter((r) => triggerType === undefined || r.triggerType === triggerType)
                // Inclusive lower bound on started_at (docs/api-contract.md part A).
                .filter((r) => since === undefined || r.createdAt >= since)
                .sort(newestFirst)
                .map((r) => ({ record: r, obs: state.observe(r, now) }))
                .filter(({ obs }) => status === undefined || obs.status === status)
                .map(({ record, obs }) => executionRow(record, obs));
            return (0,context/* jsonResponse */.Yf)(200, (0,validate/* page */.MY)(rows, limit, offset));
        }
    };
}
function cancelRoute() {
    return {
        id: 'executions.cancel',
        method: 'POST',
        pattern: '/flows/{flowId}/executions/{executionId}/cancel',
        scope: 'flows:execute',
        orgHeader: true,
        bucket: 'write',
        handler: (ctx) => {
            const record = executionFromPath(ctx);
            const { state, clock } = ctx.services;
            const now = clock.now();
            const before = state.observe(record, now);
            if (types/* TERMINAL_STATUSES */.C.includes(before.status)) {
                throw (0,errors/* conflict */.hj)('EXECUTION_ALREADY_TERMINAL', `The execution is already ${before.status}`, {
                    status: before.status
                });
            }
            record.cancelledAt = now;
            return (0,context/* jsonResponse */.Yf)(202, { execution: executionJson(record, state.observe(record, now)) });
        }
    };
}
function executionRoutes(extensions) {
    const routes = [
        launchRoute(),
        {
            id: 'executions.get',
            method: 'GET',
            pattern: '/flows/{flowId}/executions/{executionId}',
            scope: 'flows:read',
            orgHeader: true,
            bucket: 'read',
            handler: (ctx) => {
                const record = executionFromPath(ctx);
                return (0,context/* jsonResponse */.Yf)(200, executionJson(record, ctx.services.state.observe(record)));
            }
        },
        {
            id: 'executions.nodes',
            method: 'GET',
            pattern: '/flows/{flowId}/executions/{executionId}/nodes',
            scope: 'flows:read',
            orgHeader: true,
            bucket: 'read',
            // A bare array, not a paged object (docs/api-contract.md part A).
            handler: (ctx) => (0,context/* jsonResponse */.Yf)(200, ctx.services.state.observe(executionFromPath(ctx)).nodes)
        },
        {
            id: 'executions.listForFlow',
            method: 'GET',
            pattern: '/flows/{flowId}/executions',
            scope: 'flows:read',
            orgHeader: true,
            bucket: 'read',
            handler: (ctx) => {
                const flowId = (0,validate/* uuidParam */.Fp)((0,context/* paramOf */.Nl)(ctx, 'flowId'), 'flowId');
                const { limit, offset } = (0,validate/* paginationQuery */.R7)(ctx.query);
                const { state, clock } = ctx.services;
                const organizationId = (0,context/* organizationOf */.d1)(ctx);
                if (!state.flowInOrg(organizationId, flowId))
                    throw (0,errors/* notFound */.mX)('Flow', 'flowId');
                const now = clock.now();
                const items = state
                    .executionsInOrg(organizationId)
                    .filter((r) => r.flowId === flowId)
                    .sort(newestFirst)
                    .map((r) => executionJson(r, state.observe(r, now)));
                return (0,context/* jsonResponse */.Yf)(200, (0,validate/* page */.MY)(items, limit, offset));
            }
        }
    ];
    if (extensions.executionsList)
        routes.push(listAllRoute());
    if (extensions.cancel)
        routes.push(cancelRoute());
    return routes;
}

;// CONCATENATED MODULE: ./src/sandbox/routes/flows.ts




/** How many tags `GET /flows/tags` returns at most. */
const TAGS_LIMIT = 100;
/** The search page size when the body gives none. */
const DEFAULT_SEARCH_LIMIT = 20;
function sortFlows(flows, direction) {
    const sign = direction === 'ASC' ? 1 : -1;
    return [...flows].sort((a, b) => sign * (a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}
function bodyInteger(value, field, min, max, fallback) {
    if (value === undefined || value === null)
        return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw (0,errors/* validationError */.cJ)(field, `${field} must be an integer between ${min} and ${max}`);
    }
    return value;
}
function parseSearch(raw) {
    const body = (0,validate/* objectBody */._r)(raw, false);
    let tags = null;
    if (body.tags !== undefined && body.tags !== null) {
        if (!Array.isArray(body.tags))
            throw (0,errors/* validationError */.cJ)('tags', 'tags must be an array of strings');
        tags = body.tags.map((tag, i) => {
            if (typeof tag !== 'string' || tag.trim() === '') {
                throw (0,errors/* validationError */.cJ)(`tags[${i}]`, 'each tag must be a non-empty string');
            }
            return tag;
        });
    }
    let limit = DEFAULT_SEARCH_LIMIT;
    let offset = 0;
    if (body.pagination !== undefined && body.pagination !== null) {
        const p = body.pagination;
        if (typeof p !== 'object' || Array.isArray(p)) {
            throw (0,errors/* validationError */.cJ)('pagination', 'pagination must be an object {limit, offset}');
        }
        const { limit: l, offset: o } = p;
        limit = bodyInteger(l, 'pagination.limit', 1, validate/* MAX_LIMIT */.tq, DEFAULT_SEARCH_LIMIT);
        offset = bodyInteger(o, 'pagination.offset', 0, Number.MAX_SAFE_INTEGER, 0);
    }
    if (body.include_definition !== undefined && typeof body.include_definition !== 'boolean') {
        throw (0,errors/* validationError */.cJ)('include_definition', 'include_definition must be true or false');
    }
    return {
        tags,
        mode: (0,validate/* optionalEnum */.OU)(body.tag_match_mode, 'tag_match_mode', ['any', 'all']) ?? 'any',
        text: (0,validate/* optionalString */.sx)(body.full_text_search, 'full_text_search') ?? null,
        limit,
        offset,
        direction: (0,validate/* optionalEnum */.OU)(body.sort_direction, 'sort_direction', ['ASC', 'DESC']) ?? 'DESC',
        includeDefinition: body.include_definition === true
    };
}
function matches(flow, search) {
    // Tags match exactly (case and all): `smoke` does not select `Smoke` or `smoke-eu`.
    if (search.tags && search.tags.length > 0) {
        const has = (tag) => flow.tags.includes(tag);
        const ok = search.mode === 'all' ? search.tags.every(has) : search.tags.some(has);
        if (!ok)
            return false;
    }
    if (search.text) {
        const needle = search.text.toLowerCase();
        const haystack = [flow.name, flow.description ?? '', ...flow.tags].join('\n').toLowerCase();
        if (!haystack.includes(needle))
            return false;
    }
    return true;
}
function flowRoutes() {
    return [
        {
            id: 'flows.list',
            method: 'GET',
            pattern: '/flows',
            scope: 'flows:read',
            orgHeader: true,
            bucket: 'read',
            handler: (ctx) => {
                const { limit, offset } = (0,validate/* paginationQuery */.R7)(ctx.query);
                const flows = sortFlows(ctx.services.state.flowsInOrg((0,context/* organizationOf */.d1)(ctx)), 'DESC');
                return (0,context/* jsonResponse */.Yf)(200, (0,validate/* page */.MY)(flows.map(flowJson), limit, offset));
            }
        },
        {
            id: 'flows.search',
            method: 'POST',
            pattern: '/flows/search',
            scope: 'flows:read',
            orgHeader: true,
            bucket: 'search',
            handler: (ctx) => {
                const search = parseSearch(ctx.json());
                const { state } = ctx.services;
                const now = ctx.services.clock.now();
                const found = sortFlows(state.flowsInOrg((0,context/* organizationOf */.d1)(ctx)).filter((f) => matches(f, search)), search.direction);
                const items = found.map((f) => flowSearchItem(f, state.lastRunStatus(f, now), search.includeDefinition));
                return (0,context/* jsonResponse */.Yf)(200, (0,validate/* page */.MY)(items, search.limit, search.offset));
            }
        },
        {
            id: 'flows.tags',
            method: 'GET',
            pattern: '/flows/tags',
            scope: 'flows:read',
            orgHeader: true,
            bucket: 'read',
            handler: (ctx) => {
                const tags = [
                    ...new Set(ctx.services.state.flowsInOrg((0,context/* organizationOf */.d1)(ctx)).flatMap((f) => f.tags))
                ]
                    .sort()
                    .slice(0, TAGS_LIMIT);
                return (0,context/* jsonResponse */.Yf)(200, { items: tags, count: tags.length, limit: TAGS_LIMIT });
            }
        },
        {
            id: 'flows.get',
            method: 'GET',
            pattern: '/flows/{flowId}',
            scope: 'flows:read',
            orgHeader: true,
            bucket: 'read',
            handler: (ctx) => {
                const flowId = (0,validate/* uuidParam */.Fp)((0,context/* paramOf */.Nl)(ctx, 'flowId'), 'flowId');
                const flow = ctx.services.state.flowInOrg((0,context/* organizationOf */.d1)(ctx), flowId);
                if (!flow)
                    throw (0,errors/* notFound */.mX)('Flow', 'flowId');
                return (0,context/* jsonResponse */.Yf)(200, flowJson(flow));
            }
        }
    ];
}

;// CONCATENATED MODULE: ./src/sandbox/referenced-flows.ts

function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The flow ids the module nodes of a definition name (both wire spellings), in node order. */
function moduleFlowIds(definition) {
    const ids = [];
    const visit = (nodes) => {
        if (!Array.isArray(nodes))
            return;
        for (const node of nodes) {
            if (!isObject(node))
                continue;
            const data = isObject(node.data) ? node.data : {};
            if (node.type === 'module') {
                const id = data.flow_id ?? data.flowId;
                if (typeof id === 'string' && id.trim() !== '')
                    ids.push(id.trim());
            }
            // Loop and poll bodies are nested flows: their module nodes count too.
            if (isObject(data.body))
                visit(data.body.nodes);
        }
    };
    if (isObject(definition))
        visit(definition.nodes);
    return ids;
}
function entryOf(flow) {
    const entry = { flow_definition: flowDefinition(flow) };
    const secrets = Object.entries(flow.inputs).filter(([, input]) => input.secret);
    if (secrets.length > 0) {
        entry.input_overrides = Object.fromEntries(secrets.map(([name, input]) => [name, input.value]));
        entry.secret_input_keys = secrets.map(([name]) => name);
    }
    return entry;
}
/** The referenced flows of `definition`, recursively, taken from the organization's flows. */
function referencedFlows(state, organizationId, definition) {
    const found = new Map();
    const queue = moduleFlowIds(definition);
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (found.has(id))
            continue;
        const flow = state.flowInOrg(organizationId, id.toLowerCase());
        if (!flow)
            continue;
        const entry = entryOf(flow);
        found.set(id, entry);
        queue.push(...moduleFlowIds(entry.flow_definition));
    }
    return Object.fromEntries(found);
}

;// CONCATENATED MODULE: ./src/sandbox/routes/runner.ts
/**
 * The ephemeral runner protocol, org side (docs/runner.md §1, docs/api-contract.md part A): the
 * client launches with `runner_type: ephemeral`, claims the job (once: a repeated
 * or concurrent claim is a 409, so a flow never runs twice) and gets a job token;
 * the job calls that follow (heartbeat, events, complete, webhook-requests) are in
 * jobs.ts. The older completion endpoint (`runner:complete`, §1.7) stays here:
 * reporting the same payload again is idempotent (a retry after a lost response);
 * a different payload once terminal is a 409.
 */







const NODE_STATUSES = [
    'pending',
    'running',
    'completed',
    'failed',
    'skipped'
];
/** The ephemeral execution named by the path, in the request's organization. */
function ephemeralExecution(ctx) {
    const executionId = (0,validate/* uuidParam */.Fp)((0,context/* paramOf */.Nl)(ctx, 'executionId'), 'executionId');
    const record = ctx.services.state.executions.get(executionId);
    if (!record || record.organizationId !== (0,context/* organizationOf */.d1)(ctx))
        throw (0,errors/* notFound */.mX)('Execution', 'executionId');
    if (record.runnerType !== 'ephemeral') {
        throw (0,errors/* conflict */.hj)('EXECUTION_NOT_EPHEMERAL', `The execution runs on a ${record.runnerType} runner; only ephemeral executions are claimed and completed here`, { runner_type: record.runnerType });
    }
    return record;
}
function requiredTimestamp(value, field) {
    if (typeof value !== 'string' || !(0,validate/* isRfc3339 */.yk)(value)) {
        throw (0,errors/* validationError */.cJ)(field, `${field} is required and must be an RFC 3339 date-time`);
    }
    return Date.parse(value.replace(' ', 'T'));
}
/** JSON with sorted keys, so two equal payloads compare equal whatever their key order. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** Node results from `result.nodes` when the runner sent them, else derived from the status. */
function reportedNodes(record, result, status) {
    const raw = result?.nodes;
    if (raw === undefined || raw === null) {
        return record.nodes.map((node) => status === 'completed'
            ? nodeResult(record, node, { status: 'completed', has_errors: false })
            : nodeResult(record, node, {
                status: 'skipped',
                has_errors: false,
                skip_reason: 'The runner reported no node results'
            }));
    }
    if (!Array.isArray(raw))
        throw (0,errors/* validationError */.cJ)('result.nodes', 'result.nodes must be an array');
    return raw.map((item, i) => {
        const field = `result.nodes[${i}]`;
        const n = (0,validate/* objectBody */._r)(item, true);
        const nodeId = (0,validate/* optionalString */.sx)(n.node_id, `${field}.node_id`);
        if (nodeId === undefined)
            throw (0,errors/* validationError */.cJ)(`${field}.node_id`, `${field}.node_id is required`);
        const nodeStatus = (0,validate/* optionalEnum */.OU)(n.status, `${field}.status`, NODE_STATUSES);
        if (nodeStatus === undefined)
            throw (0,errors/* validationError */.cJ)(`${field}.status`, `${field}.status is required`);
        const known = record.nodes.find((node) => node.id === nodeId);
        const timestamp = (name) => n[name] === undefined || n[name] === null
            ? null
            : (0,validate/* iso */.KH)(requiredTimestamp(n[name], `${field}.${name}`));
        const duration = n.duration_ms;
        if (duration !== undefined &&
            duration !== null &&
            (typeof duration !== 'number' || duration < 0)) {
            throw (0,errors/* validationError */.cJ)(`${field}.duration_ms`, `${field}.duration_ms must be a non-negative number`);
        }
        if (n.result !== undefined &&
            n.result !== null &&
            (typeof n.result !== 'object' || Array.isArray(n.result))) {
            throw (0,errors/* validationError */.cJ)(`${field}.result`, `${field}.result must be an object`);
        }
        return {
            id: record.nodeResultIds[nodeId] ?? (0,external_node_crypto_.randomUUID)(),
            flow_id: record.flowId,
            execution_id: record.id,
            node_id: nodeId,
            display_name: (0,validate/* optionalString */.sx)(n.display_name, `${field}.display_name`) ?? known?.displayName ?? nodeId,
            // Node types are open: whatever the runner reports passes through.
            node_type: (0,validate/* optionalString */.sx)(n.node_type, `${field}.node_type`) ?? known?.type ?? 'unknown',
            status: nodeStatus,
            started_at: timestamp('started_at'),
            completed_at: timestamp('completed_at'),
            duration_ms: duration ?? null,
            error_message: (0,validate/* optionalString */.sx)(n.error_message, `${field}.error_message`, 10_000) ?? null,
            error_code: (0,validate/* optionalString */.sx)(n.error_code, `${field}.error_code`) ?? null,
            skip_reason: (0,validate/* optionalString */.sx)(n.skip_reason, `${field}.skip_reason`, 10_000) ?? null,
            has_errors: nodeStatus === 'failed',
            result: n.result ?? null
        };
    });
}
function claimRoute() {
    return {
        id: 'runner.claim',
        method: 'POST',
        pattern: '/runner/ephemeral/executions/{executionId}/claim',
        scope: 'flows:execute',
        orgHeader: true,
        bucket: 'write',
        handler: (ctx) => {
            const body = (0,validate/* objectBody */._r)(ctx.json(), true);
            const runnerId = (0,validate/* optionalString */.sx)(body.runner_id, 'runner_id');
            if (runnerId === undefined)
                throw (0,errors/* validationError */.cJ)('runner_id', 'runner_id is required');
            if (typeof body.boot_id !== 'string' || !(0,validate/* isUuid */.O1)(body.boot_id)) {
                throw (0,errors/* validationError */.cJ)('boot_id', 'boot_id is required and must be a UUID');
            }
            const record = ephemeralExecution(ctx);
            ctx.annotations.flowId = record.flowId;
            const { state, clock } = ctx.services;
            const now = clock.now();
            const obs = state.observe(record, now);
            if (obs.terminalAt !== null) {
                throw (0,errors/* conflict */.hj)('EXECUTION_ALREADY_TERMINAL', `The execution is already ${obs.status}`, {
                    status: obs.status
                });
            }
            if (record.claim) {
                // Whoever asks, and however often: one claim per execution, so it runs once.
                throw (0,errors/* conflict */.hj)('EXECUTION_ALREADY_CLAIMED', 'The execution has already been claimed by a runner', {
                    runner_id: record.claim.runnerId
                });
            }
            const claim = {
                // Fixed at launch: `webhook.requests_url` already names it.
                jobId: record.jobId ?? (0,external_node_crypto_.randomUUID)(),
                runnerId,
                bootId: body.boot_id.toLowerCase(),
                jobToken: `ejt_${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}`,
                claimedAt: now,
                leaseExpiresAt: now + state.ephemeralLeaseMs,
                renewals: 0,
                lastHeartbeatAt: null,
                runnerVersion: null,
                events: [],
                completeCalls: 0
            };
            state.claimJob(record, claim);
            ctx.annotations.jobId = claim.jobId;
            const flowSnapshot = record.flowSnapshot;
            return (0,context/* jsonResponse */.Yf)(200, {
                job_token: claim.jobToken,
                job: {
                    job_id: claim.jobId,
                    execution_id: record.id,
                    flow_id: record.flowId,
                    lease_expires_at: (0,validate/* iso */.KH)(claim.leaseExpiresAt),
                    flow_definition: flowSnapshot.flow_definition,
                    // The runner needs the real values; the API shows them masked elsewhere.
                    inputs: { ...record.inputs },
                    secret_input_keys: [...record.secretInputKeys],
                    // An object keyed by flow id (docs/runner.md §1.3), never an array.
                    referenced_flows: referencedFlows(state, record.organizationId, flowSnapshot.flow_definition),
                    max_http_calls_per_execution: state.flows.get(record.flowId)?.maxHttpCallsPerExecution ?? 0
                }
            });
        }
    };
}
function completeRoute() {
    return {
        id: 'runner.complete',
        method: 'POST',
        pattern: '/runner/ephemeral/executions/{executionId}/complete',
        scope: 'runner:complete',
        orgHeader: true,
        bucket: 'write',
        handler: (ctx) => {
            const body = (0,validate/* objectBody */._r)(ctx.json(), true);
            const status = (0,validate/* optionalEnum */.OU)(body.status, 'status', ['completed', 'failed']);
            if (status === undefined)
                throw (0,errors/* validationError */.cJ)('status', 'status is required (completed or failed)');
            const startedAt = requiredTimestamp(body.started_at, 'started_at');
            const completedAt = requiredTimestamp(body.completed_at, 'completed_at');
            const duration = body.duration_ms;
            if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
                throw (0,errors/* validationError */.cJ)('duration_ms', 'duration_ms is required and must be a non-negative number');
            }
            if (body.result !== undefined &&
                body.result !== null &&
                (typeof body.result !== 'object' || Array.isArray(body.result))) {
                throw (0,errors/* validationError */.cJ)('result', 'result must be an object');
            }
            const errorMessage = (0,validate/* optionalString */.sx)(body.error_message, 'error_message', 10_000) ?? null;
            const errorCode = (0,validate/* optionalString */.sx)(body.error_code, 'error_code') ?? null;
            const record = ephemeralExecution(ctx);
            ctx.annotations.flowId = record.flowId;
            const { state, clock } = ctx.services;
            const payload = canonicalJson(body);
            const answer = () => {
                const obs = state.observe(record);
                return (0,context/* jsonResponse */.Yf)(200, { execution: executionJson(record, obs), nodes: obs.nodes });
            };
            if (record.completion) {
                if (record.completion.payload === payload)
                    return answer();
                throw (0,errors/* conflict */.hj)('EXECUTION_ALREADY_TERMINAL', `The execution was already completed as ${record.completion.status} with a different payload`, { status: record.completion.status });
            }
            const now = clock.now();
            const obs = state.observe(record, now);
            if (obs.terminalAt !== null) {
                throw (0,errors/* conflict */.hj)('EXECUTION_ALREADY_TERMINAL', `The execution is already ${obs.status}`, {
                    status: obs.status
                });
            }
            if (!record.claim) {
                throw (0,errors/* conflict */.hj)('EXECUTION_NOT_CLAIMED', 'Claim the execution before completing it');
            }
            record.completion = {
                payload,
                status,
                startedAt,
                completedAt,
                durationMs: duration,
                errorMessage,
                errorCode,
                receivedAt: now,
                via: 'execution',
                nodes: reportedNodes(record, body.result ?? null, status)
            };
            return answer();
        }
    };
}
function runnerRoutes() {
    return [claimRoute(), completeRoute()];
}

;// CONCATENATED MODULE: ./src/sandbox/routes/jobs.ts





const JOB_EVENT_TYPES = [
    'flow.started',
    'node.started',
    'node.completed',
    'node.failed'
];
/** Most job ids per heartbeat and events per batch (docs/runner.md §1.4, §1.5). */
const MAX_JOB_IDS = 100;
const MAX_EVENTS_PER_BATCH = 100;
/** Longest `runner_version` accepted. */
const MAX_RUNNER_VERSION_LENGTH = 64;
function runnerFields(body) {
    const runnerId = (0,validate/* optionalString */.sx)(body.runner_id, 'runner_id');
    if (runnerId === undefined)
        throw (0,errors/* validationError */.cJ)('runner_id', 'runner_id is required');
    if (typeof body.boot_id !== 'string' || !(0,validate/* isUuid */.O1)(body.boot_id)) {
        throw (0,errors/* validationError */.cJ)('boot_id', 'boot_id is required and must be a UUID');
    }
    const runnerVersion = (0,validate/* optionalString */.sx)(body.runner_version, 'runner_version', MAX_RUNNER_VERSION_LENGTH);
    return { runnerId, bootId: body.boot_id.toLowerCase(), runnerVersion };
}
function isInteger(value, min) {
    return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
function jobs_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Whether the call comes from the runner process that claimed the job. */
function sameRunner(claim, runner) {
    return claim.runnerId === runner.runnerId && claim.bootId === runner.bootId;
}
function requireSameRunner(claim, runner) {
    if (sameRunner(claim, runner))
        return;
    throw (0,errors/* conflict */.hj)('JOB_RUNNER_MISMATCH', `The job was claimed by runner "${claim.runnerId}" (boot ${claim.bootId}); this call came from runner "${runner.runnerId}" (boot ${runner.bootId})`, { runner_id: claim.runnerId, boot_id: claim.bootId });
}
/** 409 when the job's execution is terminal (lease expired, cancelled, completed). */
function requireInFlight(ctx, job, now) {
    const obs = ctx.services.state.observe(job.record, now);
    if (obs.terminalAt === null)
        return;
    throw (0,errors/* conflict */.hj)('EXECUTION_ALREADY_TERMINAL', `The execution is already ${obs.status}${obs.errorCode ? ` (${obs.errorCode})` : ''}`, { status: obs.status });
}
function heartbeatRoute() {
    return {
        id: 'jobs.heartbeat',
        method: 'POST',
        pattern: '/runner/jobs/heartbeat',
        auth: 'job',
        scope: null,
        orgHeader: false,
        bucket: 'write',
        handler: (ctx) => {
            const body = (0,validate/* objectBody */._r)(ctx.json(), true);
            const runner = runnerFields(body);
            if (!isInteger(body.max_parallel_flows, 1)) {
                throw (0,errors/* validationError */.cJ)('max_parallel_flows', 'max_parallel_flows is required and must be an integer >= 1');
            }
            const raw = body.job_ids;
            if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_JOB_IDS) {
                throw (0,errors/* validationError */.cJ)('job_ids', `job_ids is required: an array of 1 to ${MAX_JOB_IDS} job ids`);
            }
            const jobIds = raw.map((id, i) => {
                if (typeof id !== 'string' || !(0,validate/* isUuid */.O1)(id)) {
                    throw (0,errors/* validationError */.cJ)(`job_ids[${i}]`, `job_ids[${i}] must be a job id (a UUID)`);
                }
                return id.toLowerCase();
            });
            const duplicate = jobIds.find((id, i) => jobIds.indexOf(id) !== i);
            if (duplicate !== undefined) {
                throw (0,errors/* validationError */.cJ)('job_ids', `job_ids must be unique; ${duplicate} is repeated`);
            }
            const job = (0,context/* jobOf */.Zw)(ctx);
            const { state, clock } = ctx.services;
            const now = clock.now();
            ctx.annotations.executionId = job.record.id;
            ctx.annotations.flowId = job.record.flowId;
            return (0,context/* jsonResponse */.Yf)(200, jobIds.map((jobId) => {
                // A token speaks for its own job only: any other id is rejected, never renewed.
                if (jobId !== job.jobId)
                    return { job_id: jobId, status: 'rejected' };
                const { claim, record } = job;
                if (state.observe(record, now).terminalAt !== null || !sameRunner(claim, runner)) {
                    return { job_id: jobId, status: 'rejected' };
                }
                claim.leaseExpiresAt = now + state.ephemeralLeaseMs;
                claim.renewals += 1;
                claim.lastHeartbeatAt = now;
                if (runner.runnerVersion !== undefined)
                    claim.runnerVersion = runner.runnerVersion;
                return { job_id: jobId, status: 'renewed', lease_expires_at: (0,validate/* iso */.KH)(claim.leaseExpiresAt) };
            }));
        }
    };
}
function parseEvents(raw) {
    if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_EVENTS_PER_BATCH) {
        throw (0,errors/* validationError */.cJ)('events', `events is required: an array of 1 to ${MAX_EVENTS_PER_BATCH} events`);
    }
    return raw.map((item, i) => {
        const field = `events[${i}]`;
        if (!jobs_isObject(item))
            throw (0,errors/* validationError */.cJ)(field, `${field} must be an object`);
        if (!isInteger(item.sequence, 1)) {
            throw (0,errors/* validationError */.cJ)(`${field}.sequence`, `${field}.sequence must be an integer >= 1`);
        }
        const type = (0,validate/* optionalEnum */.OU)(item.type, `${field}.type`, JOB_EVENT_TYPES);
        if (type === undefined) {
            throw (0,errors/* validationError */.cJ)(`${field}.type`, `${field}.type is required (one of ${JOB_EVENT_TYPES.join(', ')})`);
        }
        if (!jobs_isObject(item.payload)) {
            throw (0,errors/* validationError */.cJ)(`${field}.payload`, `${field}.payload must be an object`);
        }
        return { sequence: item.sequence, type, payload: item.payload };
    });
}
function eventsRoute() {
    return {
        id: 'jobs.events',
        method: 'POST',
        pattern: '/runner/jobs/{jobId}/events',
        auth: 'job',
        scope: null,
        orgHeader: false,
        bucket: 'write',
        handler: (ctx) => {
            const body = (0,validate/* objectBody */._r)(ctx.json(), true);
            const runner = runnerFields(body);
            const events = parseEvents(body.events);
            const job = (0,context/* jobOf */.Zw)(ctx);
            ctx.annotations.executionId = job.record.id;
            ctx.annotations.flowId = job.record.flowId;
            const now = ctx.services.clock.now();
            requireInFlight(ctx, job, now);
            requireSameRunner(job.claim, runner);
            const { claim } = job;
            const accepted = [];
            const duplicates = [];
            const rejected = [];
            // In sequence order, whatever the batch's order; nothing past a gap is accepted.
            for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
                const last = claim.events.length;
                if (event.sequence <= last)
                    duplicates.push(event.sequence);
                else if (event.sequence === last + 1) {
                    claim.events.push({
                        sequence: event.sequence,
                        type: event.type,
                        payload: structuredClone(event.payload),
                        receivedAt: now
                    });
                    accepted.push(event.sequence);
                }
                else
                    rejected.push(event.sequence);
            }
            const lastAcceptedSequence = claim.events.length;
            ctx.annotations.events = { accepted, duplicates, rejected, lastAcceptedSequence };
            return (0,context/* jsonResponse */.Yf)(200, { last_accepted_sequence: lastAcceptedSequence });
        }
    };
}
/** Optional text that may be empty (a Go runner sends `""` for "no error"). */
function optionalText(value, field, max) {
    if (value === undefined || value === null)
        return null;
    if (typeof value !== 'string')
        throw (0,errors/* validationError */.cJ)(field, `${field} must be a string`);
    if (value.length > max)
        throw (0,errors/* validationError */.cJ)(field, `${field} must be at most ${max} characters`);
    return value === '' ? null : value;
}
/** The flow result (docs/runner.md §5.1), checked as far as the sandbox reads it. */
function parseResult(raw) {
    if (!jobs_isObject(raw)) {
        throw (0,errors/* validationError */.cJ)('result', 'result is required: the flow result object (docs/runner.md §5.1)');
    }
    if (typeof raw.success !== 'boolean') {
        throw (0,errors/* validationError */.cJ)('result.success', 'result.success is required and must be a boolean');
    }
    if (!jobs_isObject(raw.execution_results)) {
        throw (0,errors/* validationError */.cJ)('result.execution_results', 'result.execution_results is required: an object of node results by node id ({} when none ran)');
    }
    for (const [nodeId, node] of Object.entries(raw.execution_results)) {
        if (!jobs_isObject(node)) {
            throw (0,errors/* validationError */.cJ)(`result.execution_results.${nodeId}`, `result.execution_results.${nodeId} must be a node result object`);
        }
    }
    if (raw.final_outputs !== undefined && !jobs_isObject(raw.final_outputs)) {
        throw (0,errors/* validationError */.cJ)('result.final_outputs', 'result.final_outputs must be an object');
    }
    if (raw.duration_ms !== undefined &&
        (typeof raw.duration_ms !== 'number' || !(raw.duration_ms >= 0))) {
        throw (0,errors/* validationError */.cJ)('result.duration_ms', 'result.duration_ms must be a number >= 0');
    }
    if (raw.http_calls !== undefined && raw.http_calls !== null && !Array.isArray(raw.http_calls)) {
        throw (0,errors/* validationError */.cJ)('result.http_calls', 'result.http_calls must be an array');
    }
    optionalText(raw.error_code, 'result.error_code', 255);
    optionalText(raw.error_message, 'result.error_message', 10_000);
    return raw;
}
/** The execution's nodes from the completion's `execution_results`: the flow's order first. */
function nodesOfResult(record, results) {
    const known = record.nodes.map((node) => {
        const reported = results[node.id];
        return reported !== undefined
            ? reportedNode(record, node.id, reported)
            : skippedNode(record, node, 'The runner reported no result for this node');
    });
    const others = Object.keys(results)
        .filter((id) => !record.nodes.some((node) => node.id === id))
        .map((id) => reportedNode(record, id, results[id]));
    return [...known, ...others];
}
function jobs_completeRoute() {
    return {
        id: 'jobs.complete',
        method: 'POST',
        pattern: '/runner/jobs/{jobId}/complete',
        auth: 'job',
        scope: null,
        orgHeader: false,
        bucket: 'write',
        handler: (ctx) => {
            const body = (0,validate/* objectBody */._r)(ctx.json(), true);
            const runner = runnerFields(body);
            const status = (0,validate/* optionalEnum */.OU)(body.status, 'status', ['completed', 'failed']);
            if (status === undefined) {
                throw (0,errors/* validationError */.cJ)('status', 'status is required (completed or failed)');
            }
            const startedAt = requiredTimestamp(body.started_at, 'started_at');
            const completedAt = requiredTimestamp(body.completed_at, 'completed_at');
            if (completedAt < startedAt) {
                throw (0,errors/* validationError */.cJ)('completed_at', 'completed_at must not be before started_at');
            }
            const duration = body.duration_ms;
            if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
                throw (0,errors/* validationError */.cJ)('duration_ms', 'duration_ms is required and must be a non-negative number');
            }
            const result = parseResult(body.result);
            const errorMessage = optionalText(body.error_message, 'error_message', 10_000);
            const errorCode = optionalText(body.error_code, 'error_code', 255);
            if (!isInteger(body.last_event_sequence, 0)) {
                throw (0,errors/* validationError */.cJ)('last_event_sequence', 'last_event_sequence is required and must be an integer >= 0');
            }
            const lastEventSequence = body.last_event_sequence;
            const job = (0,context/* jobOf */.Zw)(ctx);
            const { record, claim } = job;
            ctx.annotations.executionId = record.id;
            ctx.annotations.flowId = record.flowId;
            const payload = canonicalJson(body);
            const noContent = { status: 204, headers: {} };
            if (record.completion) {
                // A retry after a lost answer: the same payload is answered again, counted once.
                if (record.completion.payload === payload) {
                    claim.completeCalls += 1;
                    return noContent;
                }
                throw (0,errors/* conflict */.hj)('EXECUTION_ALREADY_TERMINAL', `The job was already completed (execution ${record.completion.status}) with a different payload`, { status: record.completion.status });
            }
            const now = ctx.services.clock.now();
            requireInFlight(ctx, job, now);
            requireSameRunner(claim, runner);
            if (lastEventSequence > claim.events.length) {
                throw (0,errors/* conflict */.hj)('EVENTS_MISSING', `last_event_sequence is ${lastEventSequence} but events were accepted up to ${claim.events.length}; send the missing events before completing`, { last_accepted_sequence: claim.events.length });
            }
            const passed = status === 'completed' && result.success === true;
            const results = result.execution_results;
            if (runner.runnerVersion !== undefined)
                claim.runnerVersion = runner.runnerVersion;
            record.completion = {
                payload,
                status: passed ? 'completed' : 'failed',
                startedAt,
                completedAt,
                durationMs: duration,
                errorMessage: errorMessage ?? optionalText(result.error_message, 'result.error_message', 10_000),
                errorCode: errorCode ?? optionalText(result.error_code, 'result.error_code', 255),
                receivedAt: now,
                nodes: nodesOfResult(record, results),
                via: 'job',
                runnerStatus: status,
                result: structuredClone(result),
                lastEventSequence
            };
            claim.completeCalls += 1;
            return noContent;
        }
    };
}
function webhookRequestsRoute() {
    return {
        id: 'jobs.webhookRequests',
        method: 'GET',
        pattern: '/runner/jobs/{jobId}/webhook-requests',
        auth: 'job',
        scope: null,
        orgHeader: false,
        bucket: 'read',
        handler: (ctx) => {
            const { record } = (0,context/* jobOf */.Zw)(ctx);
            ctx.annotations.executionId = record.id;
            ctx.annotations.flowId = record.flowId;
            const items = (record.webhook?.requests ?? []).map((r) => structuredClone(r));
            return (0,context/* jsonResponse */.Yf)(200, { items, total: items.length, count: items.length });
        }
    };
}
function jobRoutes() {
    return [heartbeatRoute(), eventsRoute(), jobs_completeRoute(), webhookRequestsRoute()];
}

;// CONCATENATED MODULE: ./src/sandbox/scopes.ts
const PERMISSION_TYPES = ['custom', 'runner', 'ci'];
const CATALOG = [
    {
        name: 'flows:read',
        description: 'List, search and read flows and their executions'
    },
    { name: 'flows:write', description: 'Create, edit and delete flows' },
    { name: 'flows:execute', description: 'Launch and cancel flow executions' },
    {
        name: 'runner:claim',
        description: 'Claim queued executions as a self-hosted runner'
    },
    {
        name: 'runner:complete',
        description: 'Report the result of an execution run by a runner (ephemeral or self-hosted)'
    },
    {
        name: 'environments:read',
        description: 'Read environments and their variables'
    },
    {
        name: 'webhooks:read',
        description: 'Read webhook configurations and deliveries'
    },
    { name: 'webhooks:write', description: 'Create and edit webhooks' },
    {
        name: 'api_key:create',
        description: 'Create API keys and list the permissions they can carry'
    }
];
const PRESETS = {
    custom: CATALOG.map((p) => p.name),
    runner: ['runner:claim', 'runner:complete'],
    ci: ['flows:read', 'flows:execute', 'runner:complete']
};
/** The permissions of one preset, in catalog order. */
function permissionsOf(type) {
    return CATALOG.filter((p) => PRESETS[type].includes(p.name)).map((p) => ({ ...p }));
}
/** The scopes of the `ci` preset, which the default fixture's CI key carries. */
const CI_PRESET_SCOPES = PRESETS.ci;

;// CONCATENATED MODULE: ./src/sandbox/routes/keys.ts



function keyRoutes(extensions) {
    return [
        {
            id: 'keys.self',
            method: 'GET',
            pattern: '/api-keys/self',
            // Any valid key may ask who it is; the organization comes from the key itself.
            scope: null,
            orgHeader: false,
            bucket: 'read',
            handler: (ctx) => {
                const key = (0,context/* apiKeyOf */.n4)(ctx);
                const body = {
                    api_key_id: key.id,
                    organization_id: key.organizationId,
                    permissions: [...key.permissions]
                };
                if (extensions.keyIntrospection) {
                    body.name = key.name;
                    body.expires_at = key.expiresAt === null ? null : (0,validate/* iso */.KH)(key.expiresAt);
                }
                return (0,context/* jsonResponse */.Yf)(200, body);
            }
        },
        {
            id: 'permissions.list',
            method: 'GET',
            pattern: '/permissions',
            // The public API needs api_key:create here, which CI keys usually lack (B.2).
            scope: extensions.permissionsForAnyKey ? null : 'api_key:create',
            orgHeader: true,
            bucket: 'read',
            handler: (ctx) => {
                const type = (0,validate/* optionalEnum */.OU)(ctx.query.get('type') ?? undefined, 'type', PERMISSION_TYPES) ?? 'custom';
                const items = permissionsOf(type);
                return (0,context/* jsonResponse */.Yf)(200, { total: items.length, count: items.length, items });
            }
        }
    ];
}

;// CONCATENATED MODULE: ./src/sandbox/routes/webhooks.ts
/**
 * The webhook ingest of ephemeral executions (docs/runner.md §1.7): launch gives each
 * ephemeral execution a URL, injected as the flow input `webhook.url`, where the
 * service under test sends its callbacks. `ANY /webhooks/ingest/{token}` takes any
 * method, without credentials (the caller is that service), and captures the
 * method, headers, query parameters, body (as text), content type, user agent, IP
 * address and arrival time; the job reads them with
 * `GET /runner/jobs/{jobId}/webhook-requests` (jobs.ts), oldest first. The token is
 * an unguessable path segment; an unknown one is 404. Requests are captured for as
 * long as the sandbox runs, after the execution ended too (they no longer matter).
 */





/** Most requests kept per execution; past it the ingest answers 429. */
const MAX_CAPTURED_REQUESTS = 1000;
/** Name → value, or → values when repeated. */
function grouped(pairs) {
    const out = {};
    for (const [name, value] of pairs) {
        const seen = Object.hasOwn(out, name) ? out[name] : undefined;
        if (seen === undefined)
            out[name] = value;
        else
            out[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    return out;
}
function headerPairs(ctx) {
    const raw = ctx.raw.req.rawHeaders;
    const pairs = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
        pairs.push([raw[i].toLowerCase(), raw[i + 1]]);
    }
    return pairs;
}
function ipOf(ctx) {
    const address = ctx.raw.req.socket.remoteAddress ?? '';
    // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d.
    return address.startsWith('::ffff:') ? address.slice(7) : address;
}
function webhookRoutes() {
    return [
        {
            id: 'webhooks.ingest',
            method: route_ids/* ANY_METHOD */.VJ,
            pattern: '/webhooks/ingest/{token}',
            auth: 'none',
            scope: null,
            orgHeader: false,
            bucket: 'write',
            handler: (ctx) => {
                const token = (0,context/* paramOf */.Nl)(ctx, 'token') ?? '';
                const record = ctx.services.state.executionByWebhookToken(token);
                const webhook = record?.webhook;
                if (!record || !webhook)
                    throw (0,errors/* notFound */.mX)('Webhook', 'token');
                ctx.annotations.executionId = record.id;
                ctx.annotations.flowId = record.flowId;
                if (ctx.bodyTooLarge) {
                    throw new errors/* ApiError */.hD(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
                }
                if (webhook.requests.length >= MAX_CAPTURED_REQUESTS) {
                    throw new errors/* ApiError */.hD(429, 'WEBHOOK_CAPTURE_LIMIT', `This webhook already captured ${MAX_CAPTURED_REQUESTS} requests`);
                }
                const contentType = ctx.header('content-type');
                const userAgent = ctx.header('user-agent');
                const captured = {
                    id: (0,external_node_crypto_.randomUUID)(),
                    webhook_id: webhook.id,
                    method: ctx.method,
                    headers: grouped(headerPairs(ctx)),
                    query_params: grouped(ctx.query.entries()),
                    body: ctx.rawBody.length === 0 ? null : ctx.rawBody.toString('utf8'),
                    ip_address: ipOf(ctx),
                    received_at: (0,validate/* iso */.KH)(ctx.services.clock.now())
                };
                if (contentType !== undefined)
                    captured.content_type = contentType;
                if (userAgent !== undefined)
                    captured.user_agent = userAgent;
                webhook.requests.push(captured);
                return (0,context/* jsonResponse */.Yf)(200, { id: captured.id, received_at: captured.received_at });
            }
        }
    ];
}

;// CONCATENATED MODULE: ./src/sandbox/routes/index.ts






function allRoutes(extensions) {
    return [
        ...keyRoutes(extensions),
        ...flowRoutes(),
        ...executionRoutes(extensions),
        ...runnerRoutes(),
        ...jobRoutes(),
        ...webhookRoutes()
    ];
}

// EXTERNAL MODULE: ./src/sandbox/settings/server-section.ts
var server_section = __webpack_require__(21000);
;// CONCATENATED MODULE: ./src/sandbox/cloud-runner.ts


/** Pending time when the fixture does not say (a cloud runner picking the job up). */
const DEFAULT_PENDING_MS = 250;
function passingResult(node, durationMs) {
    if (node.type === 'delay')
        return { waited_ms: durationMs };
    if (node.type === 'module')
        return { assertion_results: [] };
    // request, graphql and any other type: an HTTP call checked on its status code.
    const assertion = {
        index: 0,
        extractor: 'status_code',
        operator: 'equals',
        expected: 200,
        actual: 200,
        passed: true
    };
    return { status_code: 200, assertion_results: [assertion] };
}
/** `status_code equals 200, got 500`; a part the fixture leaves unknown is left out. */
function describeAssertion(a) {
    const expected = a.expected === undefined ? '' : ` ${JSON.stringify(a.expected)}`;
    const actual = a.actual === undefined ? '' : `, got ${JSON.stringify(a.actual)}`;
    return `${a.extractor} ${a.operator}${expected}${actual}`;
}
/**
 * The failing assertion's result. `expected` and `actual` are optional in the
 * spec: absent (never null) when the fixture does not give them.
 */
function failedAssertion(a) {
    const assertion = {
        index: 0,
        extractor: a.extractor,
        operator: a.operator,
        passed: false
    };
    if (a.expected !== undefined)
        assertion.expected = a.expected;
    if (a.actual !== undefined)
        assertion.actual = a.actual;
    return assertion;
}
/** Plans a cloud or self-hosted execution of `flow` launched at `createdAt`. */
function planSimulation(flow, createdAt, timeScale) {
    const sim = flow.simulation;
    const runningAt = createdAt + Math.round((sim.pending_ms ?? DEFAULT_PENDING_MS) * timeScale);
    const duration = Math.round(sim.duration_ms * timeScale);
    const terminalAt = runningAt + duration;
    if (sim.outcome === 'error' && sim.error) {
        // Failed at execution level (environment, runner...): no node ran.
        return {
            runningAt,
            terminalAt,
            status: 'failed',
            errorCode: sim.error.code,
            errorMessage: sim.error.message,
            nodes: [],
            skipReason: `Not run: ${sim.error.message}`
        };
    }
    const failingIndex = sim.outcome === 'failed' && sim.failure
        ? flow.nodes.findIndex((n) => n.id === sim.failure?.node_id)
        : -1;
    const running = failingIndex >= 0 ? flow.nodes.slice(0, failingIndex + 1) : flow.nodes;
    // The running time is split among the nodes that run, by weight.
    const weights = running.map((n) => n.weight);
    const total = weights.reduce((a, b) => a + b, 0);
    let cumulative = 0;
    const nodes = running.map((node, i) => {
        const startAt = runningAt +
            Math.round(total > 0 ? (cumulative / total) * duration : (i / running.length) * duration);
        cumulative += weights[i];
        const endAt = runningAt +
            Math.round(total > 0 ? (cumulative / total) * duration : ((i + 1) / running.length) * duration);
        if (i === failingIndex && sim.failure) {
            const a = sim.failure.assertion;
            const result = { assertion_results: [failedAssertion(a)] };
            if (a.extractor === 'status_code' && a.actual !== undefined)
                result.status_code = a.actual;
            return {
                node,
                startAt,
                endAt,
                status: 'failed',
                result,
                errorCode: 'ASSERTION_FAILED',
                errorMessage: `Assertion 0 failed: ${describeAssertion(a)}`
            };
        }
        return {
            node,
            startAt,
            endAt,
            status: 'completed',
            result: passingResult(node, endAt - startAt)
        };
    });
    const failing = failingIndex >= 0 ? nodes[failingIndex] : undefined;
    return {
        runningAt,
        terminalAt,
        status: failing ? 'failed' : 'completed',
        errorCode: failing ? 'ASSERTION_FAILED' : null,
        errorMessage: failing && sim.failure
            ? `Node "${failing.node.displayName}" failed: ${describeAssertion(sim.failure.assertion)}`
            : null,
        nodes,
        skipReason: failing ? `Skipped because "${failing.node.displayName}" failed` : null
    };
}
/** The state at `now` of an execution the simulated runner runs to `plan`. */
function observePlan(record, plan, now) {
    // A cancel only counts if it came before the planned end (cancel answers 409 otherwise).
    const cancelledAt = record.cancelledAt !== null && record.cancelledAt < plan.terminalAt ? record.cancelledAt : null;
    const at = cancelledAt ?? now;
    const terminal = cancelledAt !== null || now >= plan.terminalAt;
    const nodes = [];
    const transitions = [record.createdAt];
    if (at >= plan.runningAt)
        transitions.push(plan.runningAt);
    for (const planned of plan.nodes) {
        if (planned.startAt > at)
            continue;
        transitions.push(planned.startAt);
        if (planned.endAt <= at) {
            transitions.push(planned.endAt);
            nodes.push(nodeResult(record, planned.node, {
                status: planned.status,
                started_at: (0,validate/* iso */.KH)(planned.startAt),
                completed_at: (0,validate/* iso */.KH)(planned.endAt),
                duration_ms: planned.endAt - planned.startAt,
                has_errors: planned.status === 'failed',
                result: planned.result,
                ...(planned.errorCode
                    ? { error_code: planned.errorCode, error_message: planned.errorMessage }
                    : {})
            }));
        }
        else if (cancelledAt !== null) {
            nodes.push(nodeResult(record, planned.node, {
                status: 'skipped',
                started_at: (0,validate/* iso */.KH)(planned.startAt),
                skip_reason: 'Execution was cancelled while this node was running',
                has_errors: false
            }));
        }
        else {
            nodes.push(nodeResult(record, planned.node, { status: 'running', started_at: (0,validate/* iso */.KH)(planned.startAt) }));
        }
    }
    if (terminal) {
        const reason = cancelledAt !== null ? 'Execution was cancelled' : (plan.skipReason ?? 'Not run');
        const seen = new Set(nodes.map((n) => n.node_id));
        for (const node of record.nodes)
            if (!seen.has(node.id))
                nodes.push(skippedNode(record, node, reason));
        const terminalAt = cancelledAt ?? plan.terminalAt;
        transitions.push(terminalAt);
        return {
            status: cancelledAt !== null ? 'cancelled' : plan.status,
            executionStartedAt: terminalAt >= plan.runningAt ? plan.runningAt : null,
            completedAt: terminalAt,
            terminalAt,
            updatedAt: Math.max(...transitions),
            errorCode: cancelledAt !== null ? 'EXECUTION_CANCELLED' : plan.errorCode,
            errorMessage: cancelledAt !== null ? 'The execution was cancelled through the API' : plan.errorMessage,
            nodes
        };
    }
    return {
        status: now >= plan.runningAt ? 'running' : 'pending',
        executionStartedAt: now >= plan.runningAt ? plan.runningAt : null,
        completedAt: null,
        terminalAt: null,
        updatedAt: Math.max(...transitions),
        errorCode: null,
        errorMessage: null,
        nodes
    };
}

;// CONCATENATED MODULE: ./src/sandbox/idempotency.ts
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
class IdempotencyStore {
    entries = new Map();
    static id(organizationId, flowId, key) {
        return JSON.stringify([organizationId, flowId, key]);
    }
    /** What a launch with this key and these parameters should do at `now`. */
    lookup(organizationId, flowId, key, parameters, now) {
        const entry = this.entries.get(IdempotencyStore.id(organizationId, flowId, key));
        if (!entry || now - entry.createdAt >= IDEMPOTENCY_TTL_MS)
            return { kind: 'new' };
        const differences = Object.keys(parameters).filter((name) => entry.parameters[name] !== parameters[name]);
        return differences.length === 0
            ? { kind: 'replay', entry }
            : { kind: 'conflict', entry, differences };
    }
    save(entry) {
        this.entries.set(IdempotencyStore.id(entry.organizationId, entry.flowId, entry.key), entry);
    }
    /** Number of keys held (expired ones included until overwritten). */
    get size() {
        return this.entries.size;
    }
}

;// CONCATENATED MODULE: ./src/sandbox/state.ts
/**
 * The sandbox's store: organizations, keys and flows from the fixtures, and the
 * executions launched since start. Lookups that serve requests are scoped by
 * organization, so a resource of another organization is simply "not found"
 * (docs/api-contract.md: 404, never 403). Tests read the store directly to check what
 * the server did (`getExecution`, `terminalAt`, `lastTerminalAt`).
 */






const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
class SandboxState {
    clock;
    timeScale;
    ephemeralLeaseMs;
    organizations = new Map();
    /** By key id. */
    apiKeys = new Map();
    flows = new Map();
    /** In launch order. */
    executions = new Map();
    idempotency = new IdempotencyStore();
    defaultOrganizationId;
    defaultApiKey;
    keysBySecret = new Map();
    /** Execution id by job token (claimed ephemeral executions). */
    jobTokens = new Map();
    /** Execution id by webhook ingest token (ephemeral executions). */
    webhookTokens = new Map();
    /**
     * @param fixtures validated fixtures (see loadFixtures)
     * @param clock resolves relative expiries and drives every execution
     * @param timeScale multiplies every simulated duration
     * @param ephemeralLeaseMs an ephemeral job's lease, from the claim and from each renewal
     */
    constructor(fixtures, clock, timeScale = 1, ephemeralLeaseMs = EPHEMERAL_LEASE_MS) {
        this.clock = clock;
        this.timeScale = timeScale;
        this.ephemeralLeaseMs = ephemeralLeaseMs;
        const loadedAt = clock.now();
        for (const org of fixtures.organizations) {
            this.organizations.set(org.id, { id: org.id, name: org.name ?? org.id });
        }
        for (const key of fixtures.api_keys) {
            const expiresAt = key.expires_in_days !== undefined
                ? loadedAt + Math.round(key.expires_in_days * DAY_MS)
                : key.expires_at
                    ? Date.parse(key.expires_at)
                    : null;
            const record = {
                id: key.id,
                secret: key.key,
                name: key.name,
                organizationId: key.organization_id,
                permissions: [...key.permissions],
                expiresAt,
                revoked: key.revoked ?? false
            };
            this.apiKeys.set(record.id, record);
            this.keysBySecret.set(record.secret, record);
        }
        fixtures.flows.forEach((flow, i) => {
            // Without a date, flows are an hour apart in file order, so sorting by
            // created_at is stable and meaningful.
            const createdAt = flow.created_at
                ? Date.parse(flow.created_at)
                : loadedAt - (fixtures.flows.length - i) * HOUR_MS;
            // Lower-case, as the API writes UUIDs; path parameters are lower-cased too.
            const id = flow.id.toLowerCase();
            this.flows.set(id, {
                id,
                organizationId: flow.organization_id,
                name: flow.name,
                description: flow.description ?? null,
                tags: [...flow.tags],
                version: flow.version === undefined ? '1' : String(flow.version),
                metadata: structuredClone(flow.metadata ?? {}),
                createdAt,
                updatedAt: createdAt,
                timeoutSeconds: flow.timeout_seconds ?? null,
                inputs: Object.fromEntries(Object.entries(flow.inputs ?? {}).map(([name, input]) => [
                    name,
                    { value: input.value, secret: input.secret ?? false }
                ])),
                publishedVersions: [...(flow.published_versions ?? [])],
                nodes: flow.nodes.map((n) => ({
                    id: n.id,
                    displayName: n.display_name,
                    type: n.type,
                    weight: n.weight ?? 1,
                    config: { ...(n.config ?? {}) },
                    ...(n.run_when ? { runWhen: n.run_when } : {}),
                    ...(n.assertions ? { assertions: structuredClone(n.assertions) } : {}),
                    ...(n.outputs ? { outputs: structuredClone(n.outputs) } : {})
                })),
                ...(flow.edges
                    ? {
                        edges: flow.edges.map((e) => ({
                            source: e.source,
                            target: e.target,
                            type: e.type ?? 'success'
                        }))
                    }
                    : {}),
                simulation: structuredClone(flow.simulation),
                maxHttpCallsPerExecution: flow.max_http_calls_per_execution ?? 0
            });
        });
        this.defaultOrganizationId =
            fixtures.default?.organization_id ?? fixtures.organizations[0]?.id;
        const inDefaultOrg = [...this.apiKeys.values()].filter((k) => k.organizationId === this.defaultOrganizationId);
        const defaultKey = fixtures.default?.api_key_id
            ? this.apiKeys.get(fixtures.default.api_key_id)
            : (inDefaultOrg.find((k) => this.isUsable(k, loadedAt) && k.permissions.includes('flows:execute')) ?? inDefaultOrg[0]);
        if (!defaultKey) {
            throw new issues/* FixtureError */.ig('api_keys', `no key belongs to the default organization "${this.defaultOrganizationId}"`);
        }
        this.defaultApiKey = defaultKey;
    }
    isUsable(key, now) {
        return !key.revoked && (key.expiresAt === null || key.expiresAt > now);
    }
    /** The key with this secret, whatever its state (auth decides what to answer). */
    keyBySecret(secret) {
        return this.keysBySecret.get(secret);
    }
    /** Revokes a key (for tests: a key revoked while a run is in flight). */
    revokeKey(keyId) {
        const key = this.apiKeys.get(keyId);
        if (!key)
            throw new Error(`unknown key ${keyId}`);
        key.revoked = true;
    }
    /** The flow, if it exists in this organization. */
    flowInOrg(organizationId, flowId) {
        const flow = this.flows.get(flowId);
        return flow && flow.organizationId === organizationId ? flow : undefined;
    }
    flowsInOrg(organizationId) {
        return [...this.flows.values()].filter((f) => f.organizationId === organizationId);
    }
    /** The execution, if it exists in this organization and belongs to this flow. */
    executionInOrg(organizationId, flowId, executionId) {
        const record = this.executions.get(executionId);
        return record && record.organizationId === organizationId && record.flowId === flowId
            ? record
            : undefined;
    }
    executionsInOrg(organizationId) {
        return [...this.executions.values()].filter((e) => e.organizationId === organizationId);
    }
    /** Creates an execution; cloud and self-hosted ones start their simulated run at once. */
    createExecution(input) {
        const { flow } = input;
        const createdAt = this.clock.now();
        const inputs = Object.fromEntries(Object.entries(flow.inputs).map(([k, v]) => [k, v.value]));
        const secretInputKeys = Object.entries(flow.inputs)
            .filter(([, v]) => v.secret)
            .map(([k]) => k);
        const id = (0,external_node_crypto_.randomUUID)();
        const ephemeral = input.runnerType === 'ephemeral';
        const jobId = ephemeral ? (0,external_node_crypto_.randomUUID)() : null;
        const webhook = jobId ? this.newWebhook(jobId, input.baseUrl ?? 'http://127.0.0.1') : null;
        if (webhook) {
            // Launch injects them (docs/runner.md §1.7); not secret, so the API shows them too.
            inputs['webhook.url'] = webhook.url;
            inputs['webhook.requests_url'] = webhook.requestsUrl;
        }
        const record = {
            id,
            flowId: flow.id,
            flowName: flow.name,
            organizationId: flow.organizationId,
            runnerType: input.runnerType,
            environmentKey: input.environmentKey,
            versionId: input.versionId,
            triggerType: input.triggerType,
            triggerMetadata: input.triggerMetadata,
            executedBy: input.executedBy,
            timeoutSeconds: flow.timeoutSeconds,
            createdAt,
            flowSnapshot: {
                id: flow.id,
                name: flow.name,
                version: flow.version,
                version_id: input.versionId,
                flow_definition: flowDefinition(flow)
            },
            runnerInputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, secretInputKeys.includes(k) ? '***' : v])),
            inputs,
            secretInputKeys,
            nodes: flow.nodes.map((n) => ({ ...n, config: { ...n.config } })),
            nodeResultIds: Object.fromEntries(flow.nodes.map((n) => [n.id, (0,external_node_crypto_.randomUUID)()])),
            // The sandbox plays the self-hosted runner too; only ephemeral runs are left to the client.
            plan: ephemeral ? null : planSimulation(flow, createdAt, this.timeScale),
            jobId,
            webhook,
            claim: null,
            completion: null,
            cancelledAt: null
        };
        this.executions.set(record.id, record);
        if (webhook)
            this.webhookTokens.set(webhook.token, record.id);
        return record;
    }
    newWebhook(jobId, baseUrl) {
        const token = `ewh_${(0,external_node_crypto_.randomBytes)(18).toString('base64url')}`;
        return {
            id: (0,external_node_crypto_.randomUUID)(),
            token,
            url: `${baseUrl}/webhooks/ingest/${token}`,
            requestsUrl: `${baseUrl}/runner/jobs/${jobId}/webhook-requests`,
            requests: []
        };
    }
    /** Records the claim of an ephemeral execution, so its job token authenticates job calls. */
    claimJob(record, claim) {
        record.claim = claim;
        this.jobTokens.set(claim.jobToken, record.id);
    }
    /** The claimed execution a job token belongs to (whatever its state). */
    executionByJobToken(token) {
        const id = this.jobTokens.get(token);
        return id === undefined ? undefined : this.executions.get(id);
    }
    /** The ephemeral execution whose job has this id (claimed or not). */
    executionByJobId(jobId) {
        for (const record of this.executions.values())
            if (record.jobId === jobId)
                return record;
        return undefined;
    }
    /** The ephemeral execution a webhook ingest token belongs to. */
    executionByWebhookToken(token) {
        const id = this.webhookTokens.get(token);
        return id === undefined ? undefined : this.executions.get(id);
    }
    /**
     * The progress events the execution's job reported and the sandbox accepted, in
     * sequence order (copies; empty when unclaimed or not ephemeral). For tests.
     */
    jobEvents(executionId) {
        const claim = this.executions.get(executionId)?.claim;
        return claim ? claim.events.map((e) => structuredClone(e)) : [];
    }
    /** The requests captured by the execution's webhook ingest, oldest first (copies). For tests. */
    webhookRequests(executionId) {
        const webhook = this.executions.get(executionId)?.webhook;
        return webhook ? webhook.requests.map((r) => structuredClone(r)) : [];
    }
    /**
     * The job of an ephemeral execution as the sandbox sees it (for tests): its lease,
     * renewals, accepted events and completion calls; undefined before the claim.
     */
    job(executionId) {
        const record = this.executions.get(executionId);
        const claim = record?.claim;
        if (!record || !claim)
            return undefined;
        return {
            jobId: claim.jobId,
            executionId: record.id,
            runnerId: claim.runnerId,
            bootId: claim.bootId,
            claimedAt: claim.claimedAt,
            leaseExpiresAt: claim.leaseExpiresAt,
            renewals: claim.renewals,
            lastHeartbeatAt: claim.lastHeartbeatAt,
            runnerVersion: claim.runnerVersion,
            lastAcceptedSequence: claim.events.length,
            events: claim.events.map((e) => structuredClone(e)),
            completeCalls: claim.completeCalls,
            completion: record.completion === null
                ? null
                : {
                    via: record.completion.via,
                    status: record.completion.status,
                    runnerStatus: record.completion.runnerStatus ?? null,
                    receivedAt: record.completion.receivedAt,
                    result: record.completion.result === undefined
                        ? null
                        : structuredClone(record.completion.result)
                }
        };
    }
    /** The state of an execution now (or at `now`). */
    observe(record, now = this.clock.now()) {
        return observeExecution(record, now);
    }
    /** The execution as `GET /flows/{flowId}/executions/{id}` would answer it now. */
    getExecution(executionId) {
        const record = this.executions.get(executionId);
        return record ? executionJson(record, this.observe(record)) : undefined;
    }
    /** Every execution as the API would answer it now, in launch order. */
    listExecutions() {
        return [...this.executions.values()].map((r) => executionJson(r, this.observe(r)));
    }
    /** When the execution became terminal (sandbox clock ms), or null while in flight. */
    terminalAt(executionId) {
        const record = this.executions.get(executionId);
        return record ? this.observe(record).terminalAt : null;
    }
    /** When the sandbox marked the last execution terminal, or null if none is. */
    lastTerminalAt() {
        let last = null;
        for (const record of this.executions.values()) {
            const at = this.observe(record).terminalAt;
            if (at !== null && (last === null || at > last))
                last = at;
        }
        return last;
    }
    /** `passed`/`failed` from the flow's latest finished execution; cancelled ones do not count. */
    lastRunStatus(flow, now = this.clock.now()) {
        let latest = null;
        for (const record of this.executions.values()) {
            if (record.flowId !== flow.id)
                continue;
            const obs = observeExecution(record, now);
            if (obs.terminalAt === null || (obs.status !== 'completed' && obs.status !== 'failed'))
                continue;
            if (!latest || obs.terminalAt >= latest.at) {
                latest = { at: obs.terminalAt, status: obs.status === 'completed' ? 'passed' : 'failed' };
            }
        }
        return latest?.status ?? 'none';
    }
}
/** The state of `record` at `now`: from its simulated plan, or from what its ephemeral runner reported. */
function observeExecution(record, now) {
    return record.plan ? observePlan(record, record.plan, now) : observeEphemeral(record, now);
}

;// CONCATENATED MODULE: ./src/sandbox/server.ts
/**
 * The HTTP server: reads each request, runs it through the pipeline and writes
 * the answer. Everything the API decides lives in the layers and routes; this
 * file only deals with sockets, bodies and headers every answer carries
 * (`Date` from the sandbox's clock plus any configured skew, `Content-Type`,
 * `X-Request-Id`), and builds the rate-limit, quota and fault layers from the
 * options and the fixtures file's `server:` section (merged and validated as one,
 * settings/server-section.ts).
 */

















/** Addresses that listen on every interface: no one URL reaches them. */
const WILDCARD_HOSTS = ['0.0.0.0', '::', ''];
/** Largest request body accepted; larger ones get 413. */
const MAX_BODY_BYTES = 1024 * 1024;
const ALL_EXTENSIONS_ON = {
    permissionsForAnyKey: true,
    cancel: true,
    executionsList: true,
    keyIntrospection: true
};
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        let tooLarge = false;
        req.on('data', (chunk) => {
            size += chunk.length;
            // Keep draining a too-large body so the answer can still be sent on this socket.
            if (size > MAX_BODY_BYTES)
                tooLarge = true;
            else
                chunks.push(chunk);
        });
        req.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
        req.on('error', reject);
    });
}
function writeResponse(res, response, serverNow, requestId) {
    if (response.drop) {
        res.socket?.destroy();
        return;
    }
    const payload = response.rawBody ?? (response.body === undefined ? undefined : JSON.stringify(response.body));
    const headers = {
        // The server's clock, not the host's: clients compute absolute reset times against it.
        date: new Date(serverNow).toUTCString(),
        'x-request-id': requestId,
        'cache-control': 'no-store'
    };
    if (payload !== undefined)
        headers['content-type'] = 'application/json; charset=utf-8';
    Object.assign(headers, response.headers);
    if (payload !== undefined)
        headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(response.status, headers);
    res.end(payload);
}
function listen(server, port, host) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve(server.address().port);
        });
    });
}
/** Starts a sandbox server. Resolves once it is listening. */
async function startSandbox(options = {}) {
    const clock = options.clock ?? core_clock/* systemClock */.ml;
    const fixtures = options.fixtures === undefined ? defaultFixtures() : loadFixtures(options.fixtures);
    // Validated before anything listens, so a bad option fails startSandbox, not a request.
    const config = (0,server_section/* resolveServerConfig */.cu)(fixtures.server, {
        timeScale: options.timeScale,
        ephemeralLeaseMs: options.ephemeralLeaseMs,
        rateLimits: options.rateLimits,
        quota: options.quota,
        faults: options.faults
    });
    const timeScale = config.timeScale ?? 1;
    const extensions = { ...ALL_EXTENSIONS_ON, ...options.extensions };
    const router = new Router(allRoutes(extensions));
    const rateLimit = config.rateLimits ? new rate_limit/* RateLimiter */.v$(config.rateLimits, timeScale) : undefined;
    const quota = config.quota ? new layers_quota/* DailyQuota */.YW(config.quota) : undefined;
    const faults = config.faults ? new layers_faults/* FaultInjector */.LW(config.faults, router) : undefined;
    const clockSkewMs = faults?.config.clockSkewMs ?? 0;
    const state = new SandboxState(fixtures, clock, timeScale, config.ephemeralLeaseMs ?? EPHEMERAL_LEASE_MS);
    const requestLog = new RequestLog();
    const services = {
        state,
        clock,
        extensions,
        requestLog,
        clockSkewMs,
        // Set once listening (below).
        baseUrl: null
    };
    const pipeline = new Pipeline({
        requestLog: requestLogLayer(requestLog),
        faults,
        router: router.layer(),
        auth: authLayer(),
        rateLimit,
        quota,
        handler: router.handlerLayer(),
        ...options.layers
    });
    const server = (0,external_node_http_.createServer)((req, res) => {
        const requestId = (0,external_node_crypto_.randomUUID)();
        const receivedAt = clock.now();
        readBody(req)
            .then(async ({ body, tooLarge }) => {
            const ctx = (0,context/* createContext */.q6)({
                req,
                res,
                rawBody: body,
                bodyTooLarge: tooLarge,
                receivedAt,
                requestId,
                services
            });
            const response = await pipeline.run(ctx);
            if (!res.destroyed)
                writeResponse(res, response, clock.now() + clockSkewMs, requestId);
        })
            .catch((err) => {
            // Only reachable if writing failed or the client vanished mid-body.
            if (!res.headersSent && !res.destroyed)
                writeResponse(res, (0,context/* errorResponse */.yj)(err), clock.now() + clockSkewMs, requestId);
            else
                res.destroy();
        });
    });
    const host = options.host ?? '127.0.0.1';
    const port = await listen(server, options.port ?? 0, host);
    const urlHost = host.includes(':') ? `[${host}]` : host;
    // On a wildcard address the URLs handed out (webhook.url) follow the request's Host.
    services.baseUrl = WILDCARD_HOSTS.includes(host) ? null : `http://${urlHost}:${port}`;
    let closing;
    return {
        url: `http://${urlHost}:${port}`,
        port,
        organizationId: state.defaultOrganizationId,
        apiKey: state.defaultApiKey.secret,
        requestLog,
        state,
        pipeline,
        rateLimit,
        quota,
        faults,
        clockSkewMs,
        close() {
            // Slow answers in flight are released at once rather than holding close() open.
            faults?.dispose();
            closing ??= new Promise((resolve, reject) => {
                server.close((err) => (err ? reject(err) : resolve()));
                // Keep-alive sockets (fetch keeps them) would hold close() open for seconds.
                server.closeAllConnections();
            });
            return closing;
        }
    };
}

;// CONCATENATED MODULE: ./src/sandbox/banner.ts

/** What makes this sandbox hard to talk to: rate limits, quota, faults, time scale. */
function conditions(sandbox) {
    const lines = [
        `  Rate limits   ${sandbox.rateLimit ? sandbox.rateLimit.describe() : 'off'}`,
        `  Daily quota   ${sandbox.quota ? sandbox.quota.describe() : 'none'}`,
        `  Faults        ${sandbox.faults ? sandbox.faults.describe() : 'none'}`
    ];
    if (sandbox.state.timeScale !== 1) {
        lines.push(`  Time scale    ${sandbox.state.timeScale} (flow durations and rate-limit windows)`);
    }
    return lines;
}
/** The start-up banner of a running sandbox. */
function formatBanner(sandbox) {
    const key = sandbox.state.defaultApiKey;
    const flows = sandbox.state.flowsInOrg(sandbox.organizationId);
    const tags = [...new Set(flows.flatMap((f) => f.tags))].sort();
    const expiry = key.expiresAt === null ? 'never expires' : `expires ${(0,validate/* iso */.KH)(key.expiresAt)}`;
    return [
        `Echopoint sandbox listening on ${sandbox.url}`,
        '',
        `  Organization  ${sandbox.organizationId}`,
        `  API key       ${sandbox.apiKey}`,
        `                "${key.name}", scopes ${key.permissions.join(', ')}; ${expiry}`,
        `  Flows         ${flows.length} (tags: ${tags.length > 0 ? tags.join(', ') : 'none'})`,
        ...conditions(sandbox),
        '',
        'Point the CLI at it (these are sandbox credentials, not secrets):',
        '',
        `  export ECHOPOINT_API_URL=${sandbox.url}`,
        `  export ECHOPOINT_API_KEY=${sandbox.apiKey}`,
        `  export ECHOPOINT_ORGANIZATION_ID=${sandbox.organizationId}`,
        '  echopoint-ci whoami',
        '  echopoint-ci run --tag smoke',
        '',
        'Press Ctrl+C to stop.'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/sandbox/header-styles.ts
/**
 * The ways a rate limit can be announced to the client (layers/rate-limit-headers.ts
 * implements them). A leaf module, so settings types and the fixtures schema test
 * can name them without loading the rate limiter.
 */
const HEADER_STYLES = [
    'retry-after',
    'retry-after-only',
    'x-ratelimit-iso',
    'x-ratelimit-epoch',
    'ietf',
    'body-only'
];

;// CONCATENATED MODULE: ./src/sandbox/index.ts
/**
 * The sandbox: a local server that speaks the Echopoint API (docs/api-contract.md parts A
 * and B) for tests, the demo and `echopoint-ci sandbox`.
 *
 * Layout: types/ (shared types only), route-ids.ts and header-styles.ts (closed
 * lists of names), settings/ (the fixtures schema, its rules, and the server
 * settings: one validator for files, options and CLI flags), fixture-file.ts
 * (loading fixtures), state.ts with cloud-runner.ts and ephemeral-runs.ts (the
 * store and how executions run), the pipeline (pipeline.ts, router.ts, auth.ts,
 * layers/) and the routes (routes/), put together by server.ts.
 */




















/***/ }),

/***/ 32132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qb: () => (/* binding */ classifyLaunch),
/* harmony export */   Zw: () => (/* binding */ TRIGGER_TYPES),
/* harmony export */   o5: () => (/* binding */ resolveLaunch)
/* harmony export */ });
/* unused harmony exports RUNNER_TYPES, MAX_IDEMPOTENCY_KEY_LENGTH */
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98280);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27680);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86681);



const RUNNER_TYPES = ['cloud', 'self_hosted', 'ephemeral'];
const TRIGGER_TYPES = ['manual', 'git', 'scheduled'];
/** Longest Idempotency-Key accepted (docs/api-contract.md part A, launch). */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** The fields of git trigger metadata; all optional strings (docs/api-contract.md, launch semantics). */
const GIT_METADATA_FIELDS = [
    'source',
    'repository',
    'workflow',
    'job',
    'run_id',
    'run_attempt',
    'sha',
    'ref',
    'actor'
];
/** `actor_type` of manual trigger metadata (required there). */
const MANUAL_ACTOR_TYPES = ['user', 'api_key'];
/**
 * `trigger_metadata`, checked against the shape its `trigger_type` fixes
 * (docs/api-contract.md, shapes the published spec fixes): `git` → optional strings
 * (source, repository, …); `manual` → `{actor_type: user|api_key, actor_id?}`;
 * `scheduled` is the server's own, taken as given. Absent is always accepted.
 */
function parseTriggerMetadata(raw, triggerType) {
    if (raw === undefined || raw === null)
        return null;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .validationError */ .cJ)('trigger_metadata', 'trigger_metadata must be an object');
    }
    const metadata = { ...raw };
    const mustBeString = (field) => {
        const value = metadata[field];
        if (value !== undefined && value !== null && typeof value !== 'string') {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .validationError */ .cJ)(`trigger_metadata.${field}`, `trigger_metadata.${field} must be a string`);
        }
    };
    if (triggerType === 'git') {
        for (const field of GIT_METADATA_FIELDS)
            mustBeString(field);
    }
    else if (triggerType === 'manual') {
        const actorType = metadata.actor_type;
        if (actorType === undefined || actorType === null) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .validationError */ .cJ)('trigger_metadata.actor_type', `trigger_metadata.actor_type is required when trigger_type is manual (one of ${MANUAL_ACTOR_TYPES.join(', ')}); a launch with an API key sends {"actor_type": "api_key"}`);
        }
        (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalEnum */ .OU)(actorType, 'trigger_metadata.actor_type', MANUAL_ACTOR_TYPES);
        mustBeString('actor_id');
    }
    return metadata;
}
function parseLaunch(raw) {
    const body = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .objectBody */ ._r)(raw, true);
    const runnerType = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalEnum */ .OU)(body.runner_type, 'runner_type', RUNNER_TYPES) ?? 'cloud';
    const jobVersion = body.ephemeral_job_version;
    if (jobVersion !== undefined && jobVersion !== null && jobVersion !== 1) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .validationError */ .cJ)('ephemeral_job_version', 'ephemeral_job_version must be 1');
    }
    if (runnerType === 'ephemeral' && jobVersion !== 1) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .validationError */ .cJ)('ephemeral_job_version', 'ephemeral_job_version: 1 is required when runner_type is ephemeral');
    }
    // Left out, the launch is a manual one (and its metadata is checked as such).
    const triggerType = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalEnum */ .OU)(body.trigger_type, 'trigger_type', TRIGGER_TYPES) ?? 'manual';
    const metadata = parseTriggerMetadata(body.trigger_metadata, triggerType);
    return {
        runner_type: runnerType,
        environment_key: (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)(body.environment_key, 'environment_key') ?? null,
        version_id: (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalString */ .sx)(body.version_id, 'version_id') ?? null,
        trigger_type: triggerType,
        trigger_metadata: metadata
    };
}
function idempotencyKeyOf(ctx) {
    const key = ctx.header('idempotency-key');
    if (key === undefined)
        return undefined;
    if (key.trim() === '')
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .validationError */ .cJ)('Idempotency-Key', 'The Idempotency-Key header must not be blank');
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .validationError */ .cJ)('Idempotency-Key', `The Idempotency-Key header must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
    }
    return key;
}
/** Validates a launch and looks up its Idempotency-Key; throws the 400/404 a launch gets. */
function resolveLaunch(ctx) {
    const flowId = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .uuidParam */ .Fp)((0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .paramOf */ .Nl)(ctx, 'flowId'), 'flowId');
    const request = parseLaunch(ctx.json());
    const idempotencyKey = idempotencyKeyOf(ctx);
    const { state, clock } = ctx.services;
    const flow = state.flowInOrg((0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .organizationOf */ .d1)(ctx), flowId);
    if (!flow)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)('Flow', 'flowId');
    if (request.version_id !== null && !flow.publishedVersions.includes(request.version_id)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)('Flow version', 'version_id');
    }
    const parameters = {
        environment_key: request.environment_key,
        version_id: request.version_id,
        runner_type: request.runner_type,
        trigger_type: request.trigger_type
    };
    const now = clock.now();
    const idempotency = idempotencyKey === undefined
        ? { kind: 'new' }
        : state.idempotency.lookup(flow.organizationId, flow.id, idempotencyKey, parameters, now);
    return { flow, request, parameters, idempotencyKey, idempotency, now };
}
/**
 * What a request would do if it reached the launch handler, without doing it:
 * `new` (creates an execution), `replay` (an Idempotency-Key replay), `conflict`
 * (409), or `invalid` (not a launch, or rejected before anything is created).
 * For a quota layer, which must not count replays (docs/api-contract.md, launch semantics).
 * Call it after the auth layer (it needs the request's organization).
 */
function classifyLaunch(ctx) {
    if (ctx.route?.definition.id !== 'flows.launch' || ctx.organizationId === undefined)
        return 'invalid';
    try {
        return resolveLaunch(ctx).idempotency.kind;
    }
    catch {
        return 'invalid';
    }
}


/***/ }),

/***/ 79893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LW: () => (/* binding */ FaultInjector),
/* harmony export */   VJ: () => (/* binding */ DEFAULT_FAULT_RETRY_AFTER_SECONDS),
/* harmony export */   cX: () => (/* binding */ MAX_SLOW_MS),
/* harmony export */   xT: () => (/* binding */ DEFAULT_SLOW_MS)
/* harmony export */ });
/* unused harmony exports FAULT_KINDS, resolveFaults */
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98280);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27680);
/* harmony import */ var _seeded_random_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60318);
/**
 * Reproducible fault injection for the `faults` slot: each targeted request draws
 * from a seeded generator (mulberry32) and, with the configured probabilities,
 * gets one of
 *
 * - `500` / `502`: the Echopoint envelope (`UNEXPECTED_ERROR`, `BAD_GATEWAY`);
 * - `503`: `SERVICE_UNAVAILABLE` with `Retry-After: <seconds>` (a hint, logged as `retryAt`);
 * - `reset`: the connection is destroyed without an answer;
 * - `slow`: the answer is held back `slowMs` of REAL time (sockets need real time;
 *   keep it short), then served normally;
 * - `malformed`: a truncated JSON body;
 * - `html`: a proxy's HTML error page (502, `text/html`).
 *
 * The same seed and the same order of requests give the same faults.
 *
 * Faults never corrupt state. By default a fault hits BEFORE the handler: the
 * request had no effect. With `afterCommit` (a probability), a fault on a write
 * route (launch, cancel, runner claim and complete, the job calls' POSTs) may instead hit AFTER the
 * handler ran: the launch happened, but its answer was lost (`reset`, `500`,
 * `502`, `html`, `malformed`) or delayed (`slow`). That is what Idempotency-Key
 * exists for: the retry must replay the execution, not create another. A 503
 * always means "not processed", so it is never after commit. The request log
 * marks each fault (`fault`, `faultAfterCommit`).
 *
 * The clock skew (`clockSkewMs`) is configured here too but applied by the server:
 * it shifts the `Date` header and the rate limiter's reset times.
 */



const FAULT_KINDS = (/* unused pure expression or super */ null && (['500', '502', '503', 'reset', 'slow', 'malformed', 'html']));
const DEFAULT_SLOW_MS = 500;
/**
 * Longest slow response allowed: a fault must never hang a test or a CI job. The
 * settings schema (`faults.slow_ms` maximum) enforces it; a test keeps both equal.
 */
const MAX_SLOW_MS = 30_000;
const DEFAULT_FAULT_RETRY_AFTER_SECONDS = 1;
/** Fills the defaults of fault options (validated by startSandbox: settings/). */
function resolveFaults(options) {
    const afterCommit = options.afterCommit;
    return {
        seed: options.seed ?? 1,
        rates: {
            '5xx': options.rate5xx ?? 0,
            '503': options.rate503 ?? 0,
            reset: options.rateReset ?? 0,
            slow: options.rateSlow ?? 0,
            malformed: options.rateMalformed ?? 0,
            html: options.rateHtml ?? 0
        },
        slowMs: options.slowMs ?? DEFAULT_SLOW_MS,
        retryAfterSeconds: options.retryAfterSeconds ?? DEFAULT_FAULT_RETRY_AFTER_SECONDS,
        clockSkewMs: options.clockSkewMs ?? 0,
        routes: options.routes && options.routes.length > 0 ? [...options.routes] : null,
        exclude: [...(options.exclude ?? [])],
        afterCommit: afterCommit === true ? 1 : afterCommit === false ? 0 : (afterCommit ?? 0)
    };
}
const MALFORMED_BODY = '{"total":3,"count":3,"items":[{"id":"';
const HTML_BODY = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
/** The fault layer. `sandbox.faults` when faults are configured. */
class FaultInjector {
    router;
    name = 'faults';
    config;
    random;
    timers = new Set();
    /**
     * @param options validated options (startSandbox checks them against the settings schema)
     * @param router resolves the route before the router layer runs, so faults can
     *   target routes (this slot sits outside the router and auth).
     */
    constructor(options, router) {
        this.router = router;
        this.config = resolveFaults(options);
        this.random = (0,_seeded_random_js__WEBPACK_IMPORTED_MODULE_2__/* .seededRandom */ .I)(this.config.seed);
    }
    async handle(ctx, next) {
        const matched = this.routeOf(ctx);
        const route = matched?.definition;
        if (!this.targets(ctx.method, route))
            return next();
        const kind = this.pick(this.random());
        if (kind === null)
            return next();
        const { afterCommit } = this.config;
        const after = kind !== '503' &&
            route?.bucket === 'write' &&
            afterCommit > 0 &&
            (afterCommit >= 1 || this.random() < afterCommit);
        ctx.annotations.fault = kind;
        if (after)
            ctx.annotations.faultAfterCommit = true;
        else
            this.identify(ctx, matched);
        if (!after) {
            if (kind === 'slow') {
                await this.delay();
                return next();
            }
            return this.answer(kind, ctx, undefined);
        }
        const response = await next();
        if (kind === 'slow') {
            await this.delay();
            return response;
        }
        // The fault replaces the answer the inner layers made, and with it any rate-limit
        // hint it carried: the client never saw that hint, so it is not logged as given.
        delete ctx.annotations.retryAt;
        return this.answer(kind, ctx, response);
    }
    /** Releases pending slow answers at once (the server is closing). */
    dispose() {
        for (const pending of this.timers) {
            clearTimeout(pending.timer);
            pending.resolve();
        }
        this.timers.clear();
    }
    /** One line for the banner. */
    describe() {
        const { rates, slowMs, seed, afterCommit, clockSkewMs, routes, exclude } = this.config;
        const pct = (p) => `${Math.round(p * 1000) / 10}%`;
        const parts = Object.entries(rates)
            .filter(([, p]) => p > 0)
            .map(([kind, p]) => `${kind} ${pct(p)}${kind === 'slow' ? ` (${slowMs} ms)` : ''}`);
        const lines = [`seed ${seed}: ${parts.length > 0 ? parts.join(', ') : 'none'}`];
        if (afterCommit > 0)
            lines.push(`${pct(afterCommit)} of write faults after commit`);
        if (routes)
            lines.push(`only ${routes.join(', ')}`);
        if (exclude.length > 0)
            lines.push(`never ${exclude.join(', ')}`);
        if (clockSkewMs !== 0) {
            lines.push(`clock skew ${clockSkewMs > 0 ? '+' : ''}${clockSkewMs / 1000} s`);
        }
        return lines.join('; ');
    }
    routeOf(ctx) {
        try {
            return this.router.match(ctx.method, ctx.path);
        }
        catch {
            return undefined; // 404 and 405: only untargeted faults reach them
        }
    }
    targets(method, route) {
        const matches = (selector) => selector === method ||
            (route !== undefined && (selector === route.id || selector === route.bucket));
        if (this.config.exclude.some(matches))
            return false;
        return this.config.routes === null || this.config.routes.some(matches);
    }
    /** Maps one draw in [0, 1) to a fault by cumulative probability, or null. */
    pick(u) {
        const { rates } = this.config;
        let edge = 0;
        for (const kind of ['5xx', '503', 'reset', 'slow', 'malformed', 'html']) {
            const rate = rates[kind];
            if (u < edge + rate) {
                // The lower half of the 5xx band is a 500, the upper half a 502.
                if (kind === '5xx')
                    return u < edge + rate / 2 ? '500' : '502';
                return kind;
            }
            edge += rate;
        }
        return null;
    }
    /** A faulted request never reaches auth; the log still names the key (or job token's job) it presented. */
    identify(ctx, matched) {
        const secret = ctx.header('x-api-key')?.trim();
        const key = secret ? ctx.services.state.keyBySecret(secret) : undefined;
        if (key)
            ctx.annotations.presentedKeyId = key.id;
        const token = ctx.header('x-job-token')?.trim();
        const job = token ? ctx.services.state.executionByJobToken(token)?.claim : undefined;
        if (job)
            ctx.annotations.jobId = job.jobId;
        // The router layer sets the same again if the request goes on (a slow answer).
        if (matched)
            ctx.route = matched;
    }
    delay() {
        return new Promise((resolve) => {
            const pending = {
                resolve,
                timer: setTimeout(() => {
                    this.timers.delete(pending);
                    resolve();
                }, this.config.slowMs)
            };
            this.timers.add(pending);
        });
    }
    answer(kind, ctx, committed) {
        switch (kind) {
            case '500':
                return (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .errorResponse */ .yj)(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(500, 'UNEXPECTED_ERROR', 'Injected fault: the server failed to answer'));
            case '502':
                return (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .errorResponse */ .yj)(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(502, 'BAD_GATEWAY', 'Injected fault: the upstream server did not answer'));
            case '503': {
                const seconds = this.config.retryAfterSeconds;
                ctx.annotations.retryAt = ctx.services.clock.now() + seconds * 1000;
                return (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .errorResponse */ .yj)(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(503, 'SERVICE_UNAVAILABLE', 'Injected fault: the service is unavailable', {
                    headers: { 'retry-after': String(seconds) }
                }));
            }
            case 'reset':
                return { status: 0, headers: {}, drop: true };
            case 'malformed': {
                if (!committed)
                    return { status: 200, headers: {}, rawBody: MALFORMED_BODY };
                // A 204 has no body to cut: a proxy's mangled 200 stands for it.
                if (committed.status === 204)
                    return { status: 200, headers: {}, rawBody: '{' };
                // The handler's real answer, cut in half.
                const text = committed.body === undefined ? '{' : JSON.stringify(committed.body);
                return {
                    status: committed.status,
                    headers: { ...committed.headers },
                    rawBody: text.slice(0, Math.max(1, Math.floor(text.length / 2)))
                };
            }
            case 'html':
                return {
                    status: 502,
                    headers: { 'content-type': 'text/html' },
                    rawBody: HTML_BODY
                };
        }
    }
}


/***/ }),

/***/ 63090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YW: () => (/* binding */ DailyQuota),
/* harmony export */   og: () => (/* binding */ DEFAULT_QUOTA_SCOPE)
/* harmony export */ });
/* unused harmony exports DAY_MS, resolveQuota */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27680);
/* harmony import */ var _launch_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32132);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86681);
/**
 * The daily execution quota for the `quota` slot (docs/api-contract.md, launch semantics):
 * each organization may create `daily` executions in any rolling 24 h window. A
 * launch beyond it gets 429 `DAILY_EXECUTION_LIMIT_EXCEEDED` with metadata
 * `{scope: "cloud_fleet"}` (the scope is configurable). This is not a short rate
 * limit, so the answer carries no Retry-After: a client should fail clearly.
 *
 * Only launches that would create an execution count; an Idempotency-Key replay
 * returns the existing one and is free (`classifyLaunch`). A slot is reserved
 * before the handler runs and released if no execution was created, so two
 * launches in flight at once cannot both take the last slot.
 */



const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_QUOTA_SCOPE = 'cloud_fleet';
/** Fills the defaults of quota options (validated by startSandbox: settings/). */
function resolveQuota(options) {
    const { daily, scope = DEFAULT_QUOTA_SCOPE, windowMs = DAY_MS } = options;
    return { daily, scope, windowMs };
}
/** The quota layer. `sandbox.quota` when a quota is set. */
class DailyQuota {
    name = 'quota';
    config;
    /** Per organization: creation times (sandbox clock ms) of counted executions, oldest first. */
    launches = new Map();
    /** @param options validated options (startSandbox checks them against the settings schema) */
    constructor(options) {
        this.config = resolveQuota(options);
    }
    /** Executions counted against the organization's current window. */
    used(organizationId, now) {
        return this.live(organizationId, now).length;
    }
    /** Executions the organization may still create now. */
    remaining(organizationId, now) {
        return Math.max(0, this.config.daily - this.used(organizationId, now));
    }
    async handle(ctx, next) {
        const organizationId = ctx.organizationId;
        if (organizationId === undefined || (0,_launch_request_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyLaunch */ .Qb)(ctx) !== 'new')
            return next();
        const now = ctx.services.clock.now();
        const live = this.live(organizationId, now);
        if (live.length >= this.config.daily) {
            const freesAt = live[0] === undefined ? now : live[0] + this.config.windowMs;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(429, 'DAILY_EXECUTION_LIMIT_EXCEEDED', `The organization's execution quota is spent: ${this.config.daily} executions per rolling ${formatWindow(this.config.windowMs)}; the next one frees up at ${(0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .iso */ .KH)(freesAt)}`, { metadata: { scope: this.config.scope } });
        }
        live.push(now);
        let created = false;
        try {
            const response = await next();
            created = response.status === 202 && ctx.annotations.replay === false;
            return response;
        }
        finally {
            if (!created) {
                const index = live.lastIndexOf(now);
                if (index >= 0)
                    live.splice(index, 1);
            }
        }
    }
    /** The organization's counted launches still inside the window (pruned in place). */
    live(organizationId, now) {
        let list = this.launches.get(organizationId);
        if (!list) {
            list = [];
            this.launches.set(organizationId, list);
        }
        const horizon = now - this.config.windowMs;
        while (list.length > 0 && list[0] <= horizon)
            list.shift();
        return list;
    }
    /** One line for the banner. */
    describe() {
        return `${this.config.daily} executions per organization per rolling ${formatWindow(this.config.windowMs)} (scope ${this.config.scope})`;
    }
}
function formatWindow(ms) {
    return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${ms / 1000} s`;
}


/***/ }),

/***/ 32710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W8: () => (/* binding */ DEFAULT_HEADER_STYLE),
  dR: () => (/* binding */ DEFAULT_LIMITS),
  ID: () => (/* binding */ DEFAULT_WINDOW_MS),
  v$: () => (/* binding */ RateLimiter)
});

// UNUSED EXPORTS: DEFAULT_STORM_RETRY_AFTER_MS, HEADER_STYLES, principalOf, resolveRateLimits

// EXTERNAL MODULE: ./src/sandbox/errors.ts
var errors = __webpack_require__(27680);
// EXTERNAL MODULE: ./src/sandbox/route-ids.ts
var route_ids = __webpack_require__(85129);
// EXTERNAL MODULE: ./src/sandbox/settings/server-section.ts
var server_section = __webpack_require__(21000);
// EXTERNAL MODULE: ./src/sandbox/validate.ts
var validate = __webpack_require__(86681);
;// CONCATENATED MODULE: ./src/sandbox/layers/rate-limit-headers.ts

/** Whole seconds until the reset, rounded up, at least 1. */
function secondsUntil(s) {
    return Math.max(1, Math.ceil((s.resetAt - s.now) / 1000));
}
/** `60s`, `6s`, `0.5s`. */
function formatSeconds(ms) {
    const seconds = ms / 1000;
    return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(3).replace(/0+$/, '')}s`;
}
/** The limit headers of an answer in `style`. */
function limitHeaders(style, s, skew, rejected) {
    const seconds = secondsUntil(s);
    const serverReset = s.resetAt + skew;
    switch (style) {
        case 'retry-after': {
            const headers = {
                'x-ratelimit-limit': String(s.limit),
                'x-ratelimit-remaining': String(s.remaining)
            };
            if (rejected)
                headers['retry-after'] = String(seconds);
            return headers;
        }
        case 'retry-after-only':
            return rejected ? { 'retry-after': String(seconds) } : {};
        case 'x-ratelimit-iso':
        case 'x-ratelimit-epoch':
            return {
                'x-ratelimit-limit': String(s.limit),
                'x-ratelimit-remaining': String(s.remaining),
                'x-ratelimit-reset': style === 'x-ratelimit-iso' ? (0,validate/* iso */.KH)(serverReset) : String(Math.ceil(serverReset / 1000))
            };
        case 'ietf':
            return {
                'ratelimit-policy': `"${s.bucket}";q=${s.limit};w=${Math.max(1, Math.ceil(s.effectiveWindowMs / 1000))}`,
                ratelimit: `"${s.bucket}";r=${s.remaining};t=${seconds}`
            };
        case 'body-only':
            return {};
    }
}
/**
 * The earliest sandbox clock time the answer lets the client come back, reading
 * the hint exactly as sent (whole seconds, epoch seconds, server-time dates).
 * Undefined when the answer says nothing about it (a 2xx in the retry-after,
 * retry-after-only or body-only style).
 */
function hintedRetryAt(style, s, skew, rejected) {
    const seconds = secondsUntil(s);
    switch (style) {
        case 'retry-after':
        case 'retry-after-only':
            return rejected ? s.now + seconds * 1000 : undefined;
        case 'x-ratelimit-iso':
            return s.resetAt;
        case 'x-ratelimit-epoch':
            return Math.ceil((s.resetAt + skew) / 1000) * 1000 - skew;
        case 'ietf':
            return s.now + seconds * 1000;
        case 'body-only':
            // Both `resetAt` (exact) and `retryAfter` (rounded up) are given: the earlier one.
            return rejected ? s.resetAt : undefined;
    }
}

// EXTERNAL MODULE: ./src/sandbox/layers/seeded-random.ts
var seeded_random = __webpack_require__(60318);
;// CONCATENATED MODULE: ./src/sandbox/layers/rate-limit.ts
/**
 * Rate limits for the `rateLimit` slot: per API key (or per job, for the job calls
 * made with `X-Job-Token`; see principalOf) and per route bucket (read, search,
 * write; docs/interface.md section 5), `limit` requests per window.
 *
 * Windows are FIXED and aligned to the epoch: a 60 s window runs from one whole
 * minute of the sandbox clock to the next (`floor(now / window) * window`), so a
 * reset time is easy to state and to assert, and every key's windows reset
 * together. A rejected request does not count. `timeScale` multiplies every
 * window (and a storm's retry delay), so tests and benchmarks can compress time.
 *
 * Every counted answer (2xx included) carries the limit headers in one of the
 * styles real APIs use (rate-limit-headers.ts; `retry-after-only` and `body-only`
 * send none on a success); a 429 other than `body-only` carries the Echopoint
 * envelope, code `RATE_LIMITED`.
 *
 * Each hint is recorded as `retryAt` (sandbox clock ms) on the request log entry:
 * the earliest moment the answer allowed the next request of that bucket.
 */






// Kept here too for callers that import them from the rate limiter.

/**
 * Who a request counts against: the API key's id, or `job:<jobId>` for a job call
 * (`X-Job-Token` routes: each job has its own windows, POSTs in `write`, the
 * webhook-requests GET in `read`). Unauthenticated requests (the webhook ingest)
 * are not counted.
 */
function principalOf(ctx) {
    return ctx.apiKey?.id ?? (ctx.job ? `job:${ctx.job.jobId}` : undefined);
}
/** Requests per window when not configured (docs/api-contract.md part C, typical limits). */
const DEFAULT_LIMITS = {
    read: 100,
    search: 30,
    write: 60
};
const DEFAULT_WINDOW_MS = 60_000;
const DEFAULT_HEADER_STYLE = 'retry-after';
/** A storm's retry delay when not configured. */
const DEFAULT_STORM_RETRY_AFTER_MS = 1_000;
/** Fills the defaults of rate-limit options (validated by startSandbox: settings/). */
function resolveRateLimits(options, sandboxTimeScale = 1) {
    const style = options.style ?? DEFAULT_HEADER_STYLE;
    const timeScale = options.timeScale ?? sandboxTimeScale;
    const defaultWindow = options.windowMs ?? DEFAULT_WINDOW_MS;
    const buckets = {};
    for (const bucket of route_ids/* ROUTE_BUCKETS */.cm) {
        const given = options[bucket] ?? DEFAULT_LIMITS[bucket];
        const limit = typeof given === 'number' ? given : given.limit;
        const windowMs = typeof given === 'number' ? defaultWindow : (given.windowMs ?? defaultWindow);
        buckets[bucket] = { limit, windowMs, effectiveWindowMs: windowMs * timeScale };
    }
    return { buckets, style, timeScale };
}
/** The rate-limit layer. `sandbox.rateLimit` when rate limits are on. */
class RateLimiter {
    name = 'rateLimit';
    config;
    windows = new Map();
    stormLeft = 0;
    stormFraction = 0;
    stormRetryAfterMs = DEFAULT_STORM_RETRY_AFTER_MS;
    stormRandom = (0,seeded_random/* seededRandom */.I)(1);
    /** @param options validated options (startSandbox checks them against the settings schema) */
    constructor(options = {}, sandboxTimeScale = 1) {
        this.config = resolveRateLimits(options, sandboxTimeScale);
        if (options.storm)
            this.startStorm(options.storm);
    }
    /**
     * Starts a 429 storm (replacing any running one): the next `count` counted
     * requests, then a `fraction` of them, get 429 whatever their bucket holds.
     * Throws a RangeError naming a bad option (`rateLimits.storm.fraction …`).
     */
    storm(options) {
        (0,server_section/* resolveServerConfig */.cu)(undefined, { rateLimits: { storm: options } });
        this.startStorm(options);
    }
    startStorm(options) {
        this.stormLeft = options.count ?? 0;
        this.stormFraction = options.fraction ?? 0;
        this.stormRetryAfterMs = options.retryAfterMs ?? DEFAULT_STORM_RETRY_AFTER_MS;
        this.stormRandom = (0,seeded_random/* seededRandom */.I)(options.seed ?? 1);
    }
    /** Ends a storm. */
    calm() {
        this.stormLeft = 0;
        this.stormFraction = 0;
    }
    /** Requests of the current window left to this key (or `job:<jobId>`) in this bucket. */
    remaining(keyId, bucket, now) {
        const { limit, effectiveWindowMs } = this.config.buckets[bucket];
        const window = this.windows.get(`${keyId}\u0000${bucket}`);
        const start = Math.floor(now / effectiveWindowMs) * effectiveWindowMs;
        return window && window.start === start ? Math.max(0, limit - window.count) : limit;
    }
    /** Forgets every window (all keys start afresh). */
    reset() {
        this.windows.clear();
    }
    async handle(ctx, next) {
        const bucket = ctx.route?.definition.bucket;
        const keyId = principalOf(ctx);
        // Only authenticated requests to a known route count (the slot sits after auth).
        if (bucket === undefined || keyId === undefined)
            return next();
        const now = ctx.services.clock.now();
        const { limit, effectiveWindowMs } = this.config.buckets[bucket];
        if (this.stormHits()) {
            const resetAt = now + this.stormRetryAfterMs * this.config.timeScale;
            return this.reject(ctx, { bucket, limit, remaining: 0, resetAt, now, effectiveWindowMs });
        }
        const start = Math.floor(now / effectiveWindowMs) * effectiveWindowMs;
        const id = `${keyId}\u0000${bucket}`;
        let window = this.windows.get(id);
        if (!window || window.start !== start) {
            window = { start, count: 0 };
            this.windows.set(id, window);
        }
        const snapshot = {
            bucket,
            limit,
            remaining: 0,
            resetAt: start + effectiveWindowMs,
            now,
            effectiveWindowMs
        };
        if (window.count >= limit)
            return this.reject(ctx, snapshot);
        window.count += 1;
        snapshot.remaining = limit - window.count;
        const response = await next();
        // A 2xx (or any answer) with nothing left says: hold the next request until the reset.
        if (snapshot.remaining === 0) {
            const retryAt = hintedRetryAt(this.config.style, snapshot, ctx.services.clockSkewMs, false);
            if (retryAt !== undefined)
                ctx.annotations.retryAt = retryAt;
        }
        const headers = limitHeaders(this.config.style, snapshot, ctx.services.clockSkewMs, false);
        return { ...response, headers: { ...response.headers, ...headers } };
    }
    stormHits() {
        if (this.stormLeft > 0) {
            this.stormLeft -= 1;
            return true;
        }
        return this.stormFraction > 0 && this.stormRandom() < this.stormFraction;
    }
    reject(ctx, snapshot) {
        const skew = ctx.services.clockSkewMs;
        const seconds = secondsUntil(snapshot);
        ctx.annotations.retryAt = hintedRetryAt(this.config.style, snapshot, skew, true);
        const headers = limitHeaders(this.config.style, snapshot, skew, true);
        if (this.config.style === 'body-only') {
            return {
                status: 429,
                headers,
                body: {
                    error: 'Rate limit exceeded',
                    retryAfter: seconds,
                    resetAt: (0,validate/* iso */.KH)(snapshot.resetAt + skew)
                }
            };
        }
        const error = new errors/* ApiError */.hD(429, 'RATE_LIMITED', `Rate limit exceeded for ${snapshot.bucket} requests (${snapshot.limit} per ${formatSeconds(snapshot.effectiveWindowMs)}); retry in ${seconds} s`, { metadata: { bucket: snapshot.bucket } });
        return { status: 429, headers, body: error.toEnvelope() };
    }
    /** One line for the banner, e.g. `read 100/60s, search 30/60s, write 60/60s per key`. */
    describe() {
        const parts = route_ids/* ROUTE_BUCKETS */.cm.map((b) => {
            const { limit, effectiveWindowMs } = this.config.buckets[b];
            return `${b} ${limit}/${formatSeconds(effectiveWindowMs)}`;
        });
        return `${parts.join(', ')} per key; headers: ${this.config.style}`;
    }
}


/***/ }),

/***/ 60318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ seededRandom)
/* harmony export */ });
/**
 * A small seeded pseudo-random generator, so fault injection and 429 storms are
 * reproducible: the same seed and the same order of requests give the same faults.
 *
 * mulberry32 (Tommy Ettinger's public-domain 32-bit generator): one 32-bit state
 * word, a full 2^32 period, and good enough statistics for picking faults. It is
 * not for anything secret.
 */
/** Returns a function that yields numbers in [0, 1), the same sequence for the same seed. */
function seededRandom(seed) {
    // Any finite number is a seed; fold it to an unsigned 32-bit state.
    let state = Math.trunc(seed) >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}


/***/ }),

/***/ 85129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VJ: () => (/* binding */ ANY_METHOD),
/* harmony export */   cm: () => (/* binding */ ROUTE_BUCKETS),
/* harmony export */   hZ: () => (/* binding */ JOB_ROUTE_IDS)
/* harmony export */ });
/* unused harmony exports ROUTE_IDS, ROUTE_METHODS, ROUTE_AUTH_MODES, knownRouteIds */
/**
 * The names routes are known by, as constants: every route id, the HTTP methods
 * and the rate-limit buckets. Layers, the request log and the settings (fault
 * selectors) use these instead of the route table, so reading a fixtures file
 * does not load the routes. A test checks that ROUTE_IDS is exactly the ids of
 * the route table (routes/index.ts), and that the fixtures schema lists them.
 */
/** Every route id, whatever the extensions (docs/api-contract.md parts A and B). */
const ROUTE_IDS = (/* unused pure expression or super */ null && ([
    'keys.self',
    'permissions.list',
    'flows.list',
    'flows.search',
    'flows.tags',
    'flows.get',
    'flows.launch',
    'executions.get',
    'executions.nodes',
    'executions.listForFlow',
    'executions.list',
    'executions.cancel',
    'runner.claim',
    'runner.complete',
    'jobs.heartbeat',
    'jobs.events',
    'jobs.complete',
    'jobs.webhookRequests',
    'webhooks.ingest'
]));
const ROUTE_METHODS = (/* unused pure expression or super */ null && (['GET', 'POST']));
/**
 * The method of a route that takes any method (the webhook ingest: whatever the
 * service under test sends is captured). Not a fault selector: select such a route
 * by its id, or by the request's method.
 */
const ANY_METHOD = '*';
/**
 * How a route authenticates (types/http.ts, RouteDefinition.auth):
 * `key` = `X-Api-Key` (+ `X-Organization-ID` where the route says so), `job` =
 * `X-Job-Token` only (the job routes of the ephemeral runner), `none` = nobody (the
 * webhook ingest, called by the service under test).
 */
const ROUTE_AUTH_MODES = (/* unused pure expression or super */ null && (['key', 'job', 'none']));
/** The routes a job token calls (docs/runner.md §1.4–§1.7). */
const JOB_ROUTE_IDS = [
    'jobs.heartbeat',
    'jobs.events',
    'jobs.complete',
    'jobs.webhookRequests'
];
/** The bucket a request counts against (docs/interface.md section 5: read, search, write). */
const ROUTE_BUCKETS = ['read', 'search', 'write'];
/** Every route id, whatever the extensions (for fault selectors). */
function knownRouteIds() {
    return [...ROUTE_IDS];
}


/***/ }),

/***/ 66717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NC: () => (/* binding */ issueAt),
/* harmony export */   ig: () => (/* binding */ FixtureError)
/* harmony export */ });
/* unused harmony export formatPath */
/**
 * What a settings check reports: the first problem found, with the path of the
 * field in the terms of whoever wrote it (`flows[2].simulation.outcome` in a
 * fixtures file, `faults.rateHtml` in `startSandbox` options, a flag name for the
 * CLI). A leaf module: the loader, the store and the CLI all raise or read these.
 */
/** `flows[2].simulation` from `['flows', 2, 'simulation']`; `$` for the root. */
function formatPath(segments) {
    if (segments.length === 0)
        return '$';
    return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
function issueAt(segments, message, extra = {}) {
    return { segments, path: formatPath(segments), message, ...extra };
}
/** A fixture that does not validate; `path` names the bad field, e.g. `flows[2].simulation.outcome`. */
class FixtureError extends Error {
    path;
    constructor(path, message, source) {
        super(`Invalid sandbox fixtures${source ? ` in ${source}` : ''}: ${path}: ${message}`);
        this.name = 'FixtureError';
        this.path = path;
    }
    static of(issue, source) {
        return new FixtureError(issue.path, issue.message, source);
    }
}


/***/ }),

/***/ 86370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ fixtureRulesIssue),
/* harmony export */   o: () => (/* binding */ serverRulesIssue)
/* harmony export */ });
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66717);

/** The fault kinds whose probabilities share one draw (so they add up to at most 1). */
const FAULT_RATES = [
    'rate_5xx',
    'rate_503',
    'rate_reset',
    'rate_slow',
    'rate_malformed',
    'rate_html'
];
/** The first rule a schema-valid fixtures document breaks, or undefined. */
function fixtureRulesIssue(fixtures) {
    return first(fixtureIssues(fixtures));
}
/**
 * The first rule a schema-valid `server:` section breaks, or undefined.
 * @param at where the section is (`['server']` in a file, `[]` for options)
 * @param name how keys are named in the message (camelCase for options)
 */
function serverRulesIssue(server, at, name = (key) => key) {
    const faults = server?.faults;
    if (!faults)
        return undefined;
    const total = FAULT_RATES.reduce((sum, rate) => sum + (faults[rate] ?? 0), 0);
    // A small tolerance: 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point.
    if (total <= 1 + 1e-9)
        return undefined;
    return (0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .issueAt */ .NC)([...at, name('faults')], `the fault probabilities add up to ${total}; their sum (${FAULT_RATES.map(name).join(' + ')}) must be at most 1`);
}
function first(issues) {
    for (const issue of issues)
        return issue;
    return undefined;
}
function* duplicates(values, at, what) {
    const seen = new Set();
    for (const [i, value] of values.entries()) {
        if (seen.has(value))
            yield (0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .issueAt */ .NC)(at(i), `duplicate ${what} "${value}"`);
        seen.add(value);
    }
}
function* fixtureIssues(fixtures) {
    const { organizations, api_keys: keys, flows } = fixtures;
    for (const [i, key] of keys.entries()) {
        if (key.expires_at !== undefined && key.expires_in_days !== undefined) {
            yield (0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .issueAt */ .NC)(['api_keys', i, 'expires_in_days'], 'give either expires_at or expires_in_days, not both');
        }
    }
    for (const [i, flow] of flows.entries()) {
        const nodeIds = flow.nodes.map((n) => n.id);
        yield* duplicates(nodeIds, (j) => ['flows', i, 'nodes', j, 'id'], 'node id');
        const failing = flow.simulation.failure?.node_id;
        if (failing !== undefined && !nodeIds.includes(failing)) {
            yield (0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .issueAt */ .NC)(['flows', i, 'simulation', 'failure', 'node_id'], `"${failing}" is not one of this flow's nodes`);
        }
        yield* duplicates(flow.tags, (j) => ['flows', i, 'tags', j], 'tag');
    }
    const orgIds = organizations.map((o) => o.id);
    yield* duplicates(orgIds, (i) => ['organizations', i, 'id'], 'organization id');
    const keyIds = keys.map((k) => k.id);
    yield* duplicates(keyIds, (i) => ['api_keys', i, 'id'], 'key id');
    yield* duplicates(keys.map((k) => k.key), (i) => ['api_keys', i, 'key'], 'key secret');
    yield* duplicates(flows.map((f) => f.id), (i) => ['flows', i, 'id'], 'flow id');
    for (const [section, list] of [
        ['api_keys', keys],
        ['flows', flows]
    ]) {
        for (const [i, item] of list.entries()) {
            if (!orgIds.includes(item.organization_id)) {
                yield (0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .issueAt */ .NC)([section, i, 'organization_id'], `unknown organization "${item.organization_id}"`);
            }
        }
    }
    const server = serverRulesIssue(fixtures.server, ['server']);
    if (server)
        yield server;
    const { organization_id: org, api_key_id: keyId } = fixtures.default ?? {};
    if (org !== undefined && !orgIds.includes(org)) {
        yield (0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .issueAt */ .NC)(['default', 'organization_id'], `unknown organization "${org}"`);
    }
    if (keyId !== undefined && !keyIds.includes(keyId)) {
        yield (0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .issueAt */ .NC)(['default', 'api_key_id'], `unknown key "${keyId}"`);
    }
}


/***/ }),

/***/ 35355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ schemaIssue)
});

// UNUSED EXPORTS: FIXTURES_SCHEMA, compileSchema

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
;// CONCATENATED MODULE: ./sandbox/fixtures.schema.json
const fixtures_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"echopoint-ci sandbox fixtures","description":"The starting state of the echopoint-ci sandbox (organizations, API keys, flows and how each flow behaves when launched) and, under `server`, how hard the sandbox is to talk to. Point `$schema` at this file for completion in your editor. `x-message` is the wording the sandbox uses when a value breaks a rule; `${value}` is the value, `${allowed}` the allowed values.","type":"object","required":["organizations","api_keys","flows"],"additionalProperties":false,"properties":{"$schema":{"type":"string","description":"This schema, for editors (e.g. \\"./fixtures.schema.json\\"); ignored by the sandbox."},"description":{"$ref":"#/definitions/nonEmptyString","description":"Free text: what this fixture is for."},"default":{"type":"object","description":"What the banner prints. Default: the first organization and its first key that can launch.","additionalProperties":false,"properties":{"organization_id":{"$ref":"#/definitions/nonEmptyString"},"api_key_id":{"$ref":"#/definitions/nonEmptyString"}}},"organizations":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/organization"},"x-message":{"minItems":"at least one organization is needed"}},"api_keys":{"type":"array","items":{"$ref":"#/definitions/apiKey"}},"flows":{"type":"array","items":{"$ref":"#/definitions/flow"}},"server":{"$ref":"#/definitions/server"}},"definitions":{"nonEmptyString":{"type":"string","pattern":"\\\\S","x-message":"must be a non-empty string"},"dateTime":{"type":"string","format":"date-time","x-message":"must be an RFC 3339 date-time, e.g. 2030-01-31T00:00:00Z"},"wholeNumber":{"type":"integer","minimum":0,"x-message":"must be a whole number >= 0"},"positiveNumber":{"type":"number","exclusiveMinimum":0,"x-message":"must be a positive number"},"probability":{"type":"number","minimum":0,"maximum":1,"x-message":"must be a probability from 0 to 1 (e.g. 0.05 for 5%)"},"organization":{"type":"object","required":["id"],"additionalProperties":false,"properties":{"id":{"$ref":"#/definitions/nonEmptyString"},"name":{"$ref":"#/definitions/nonEmptyString"}}},"apiKey":{"type":"object","required":["id","key","name","organization_id","permissions"],"additionalProperties":false,"properties":{"id":{"$ref":"#/definitions/nonEmptyString"},"key":{"type":"string","description":"The secret sent in X-Api-Key, e.g. epk_live_sandbox_ci.","pattern":"^epk_(live|test)_[A-Za-z0-9_]{6,}$","x-message":"must look like epk_live_<at least 6 of A-Z a-z 0-9 _>"},"name":{"$ref":"#/definitions/nonEmptyString"},"organization_id":{"$ref":"#/definitions/nonEmptyString"},"permissions":{"type":"array","items":{"type":"string","pattern":"^[a-z_]+:[a-z_]+$","x-message":"must be a scope like flows:read"}},"expires_at":{"type":["string","null"],"format":"date-time","description":"RFC 3339, or null for a key that never expires. Exclusive with expires_in_days.","x-message":"must be an RFC 3339 date-time, e.g. 2030-01-31T00:00:00Z (or null: never expires)"},"expires_in_days":{"type":"number","minimum":-36500,"description":"Expiry relative to the sandbox\'s clock at start (negative = already expired)."},"revoked":{"type":"boolean"},"description":{"$ref":"#/definitions/nonEmptyString","description":"Free text: why this key exists."}}},"node":{"type":"object","required":["id","display_name","type"],"additionalProperties":false,"properties":{"id":{"$ref":"#/definitions/nonEmptyString"},"display_name":{"$ref":"#/definitions/nonEmptyString"},"type":{"$ref":"#/definitions/nonEmptyString","description":"request, delay, module, or any other type (unknown types pass through)."},"weight":{"type":"number","minimum":0,"description":"Relative weight of this node in the flow\'s duration (default 1)."},"config":{"type":"object","description":"Free-form node configuration, returned in flow_definition."},"run_when":{"enum":["on_success","always"],"description":"Returned in flow_definition, for a runner that runs the flow (ephemeral)."},"assertions":{"type":"array","description":"Returned in flow_definition as they are (Echopoint\'s assertion format)."},"outputs":{"type":"array","description":"Returned in flow_definition as they are (name and extractor)."}}},"failure":{"type":"object","required":["node_id","assertion"],"additionalProperties":false,"properties":{"node_id":{"$ref":"#/definitions/nonEmptyString","description":"The node whose assertion fails (one of the flow\'s nodes)."},"assertion":{"type":"object","required":["extractor","operator"],"additionalProperties":false,"properties":{"extractor":{"$ref":"#/definitions/nonEmptyString"},"operator":{"$ref":"#/definitions/nonEmptyString"},"expected":{"description":"Any JSON value; leave out when unknown (the node result then omits it too)."},"actual":{"description":"Any JSON value; leave out when unknown (the node result then omits it too)."}}}}},"simulationError":{"type":"object","required":["code","message"],"additionalProperties":false,"properties":{"code":{"$ref":"#/definitions/nonEmptyString"},"message":{"$ref":"#/definitions/nonEmptyString"}}},"simulation":{"type":"object","description":"How a launched execution of the flow behaves.","required":["outcome","duration_ms"],"additionalProperties":false,"properties":{"outcome":{"enum":["passed","failed","error"],"description":"passed → completed; failed → failed on an assertion; error → failed at execution level."},"duration_ms":{"type":"number","minimum":0,"description":"Time spent running, in ms (before time_scale)."},"pending_ms":{"type":"number","minimum":0,"description":"Time spent pending before a runner picks it up, in ms (default 250)."},"failure":{"$ref":"#/definitions/failure"},"error":{"$ref":"#/definitions/simulationError"}},"allOf":[{"if":{"required":["outcome"],"properties":{"outcome":{"const":"failed"}}},"then":{"properties":{"failure":true},"required":["failure"],"x-message":{"required":"must be an object (outcome \\"failed\\" needs the failing node and assertion)"}},"else":{"properties":{"failure":{"not":{},"x-message":"only allowed when outcome is \\"failed\\""}}}},{"if":{"required":["outcome"],"properties":{"outcome":{"const":"error"}}},"then":{"properties":{"error":true},"required":["error"],"x-message":{"required":"must be an object (outcome \\"error\\" needs a code and a message)"}},"else":{"properties":{"error":{"not":{},"x-message":"only allowed when outcome is \\"error\\""}}}}]},"input":{"type":"object","required":["value"],"additionalProperties":false,"properties":{"value":{"description":"The input\'s default: any JSON value (text, number, list, object), as a flow\'s initial inputs are."},"secret":{"type":"boolean","description":"Secret inputs read *** in runner_inputs."}}},"flow":{"type":"object","required":["id","organization_id","name","tags","nodes","simulation"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$","x-message":"must be a UUID (flow IDs are UUIDs in the Echopoint API)"},"organization_id":{"$ref":"#/definitions/nonEmptyString"},"name":{"$ref":"#/definitions/nonEmptyString"},"description":{"type":["string","null"],"pattern":"\\\\S","x-message":"must be a non-empty string (or null)"},"tags":{"type":"array","items":{"$ref":"#/definitions/nonEmptyString"}},"version":{"type":["string","integer"],"pattern":"\\\\S","minimum":1,"description":"The flow\'s version, answered as a string (\\"3\\"); a positive integer (the older format) is read as its decimal string. Default \\"1\\".","x-message":{"type":"must be a string like \\"3\\" (or a positive integer)","pattern":"must be a non-empty string"}},"metadata":{"type":"object","description":"Free-form flow metadata, answered as Flow.metadata (default {})."},"created_at":{"$ref":"#/definitions/dateTime","description":"Default: spaced one hour apart before the sandbox starts, in file order."},"timeout_seconds":{"type":"integer","minimum":1},"inputs":{"type":"object","additionalProperties":{"$ref":"#/definitions/input"}},"published_versions":{"type":"array","description":"IDs accepted as version_id at launch (any other is a 404).","items":{"$ref":"#/definitions/nonEmptyString"}},"nodes":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/node"},"x-message":{"minItems":"a flow needs at least one node"}},"simulation":{"$ref":"#/definitions/simulation"},"max_http_calls_per_execution":{"$ref":"#/definitions/wholeNumber","description":"The ephemeral job\'s max_http_calls_per_execution: how many HTTP calls the in-job runner may make in one run. 0 or absent = no limit."},"edges":{"type":"array","description":"The definition\'s edges; default: the nodes chained in order.","items":{"type":"object","required":["source","target"],"additionalProperties":false,"properties":{"source":{"$ref":"#/definitions/nonEmptyString"},"target":{"$ref":"#/definitions/nonEmptyString"},"type":{"enum":["success","failure","normal"]}}}}}},"server":{"type":"object","description":"How hard the sandbox is to talk to. startSandbox options and `echopoint-ci sandbox` flags override it field by field.","additionalProperties":false,"properties":{"time_scale":{"$ref":"#/definitions/positiveNumber","description":"Multiplies every simulated flow duration and every rate-limit window (e.g. 0.1 = ten times faster). Default 1."},"ephemeral_lease_ms":{"type":"integer","minimum":1,"description":"How long an ephemeral job\'s lease lasts, in ms: from the claim and from each renewing heartbeat. Not scaled by time_scale. Default 600000 (10 min).","x-message":"must be a whole number of ms >= 1"},"rate_limits":{"$ref":"#/definitions/rateLimits"},"quota":{"$ref":"#/definitions/quota"},"faults":{"$ref":"#/definitions/faults"}}},"bucketLimit":{"type":["integer","object"],"description":"Requests per key per window: a number (per window_ms), or { limit, window_ms }.","minimum":1,"required":["limit"],"additionalProperties":false,"properties":{"limit":{"type":"integer","minimum":1,"x-message":"must be a whole number of requests >= 1"},"window_ms":{"$ref":"#/definitions/positiveNumber"}},"x-message":{"type":"must be a whole number of requests >= 1 (or { limit, window_ms })","minimum":"must be a whole number of requests >= 1"}},"headerStyle":{"title":"header style","description":"How limits are announced. Default retry-after.","enum":["retry-after","retry-after-only","x-ratelimit-iso","x-ratelimit-epoch","ietf","body-only"]},"rateLimits":{"type":["object","boolean"],"description":"Rate limits per key and bucket, or false for none. Default (the CLI): read 100, search 30, write 60 per minute.","if":{"type":"boolean"},"then":{"const":false,"x-message":"must be false (no rate limits) or an object"},"additionalProperties":false,"properties":{"read":{"$ref":"#/definitions/bucketLimit"},"search":{"$ref":"#/definitions/bucketLimit"},"write":{"$ref":"#/definitions/bucketLimit"},"window_ms":{"$ref":"#/definitions/positiveNumber","description":"Window of the buckets given as a bare number, in ms (before time_scale). Default 60000."},"style":{"$ref":"#/definitions/headerStyle"},"storm":{"type":"object","description":"A \\"429 storm\\": answer 429 whatever the buckets hold, with a valid hint.","additionalProperties":false,"properties":{"count":{"$ref":"#/definitions/wholeNumber"},"fraction":{"$ref":"#/definitions/probability"},"retry_after_ms":{"$ref":"#/definitions/positiveNumber"},"seed":{"type":"integer"}}},"time_scale":{"$ref":"#/definitions/positiveNumber","description":"Multiplies the windows and the storm\'s delay. Default: server.time_scale."}},"x-message":{"type":"must be false (no rate limits) or an object"}},"quota":{"type":"object","description":"The daily execution quota per organization (rolling window).","required":["daily"],"additionalProperties":false,"properties":{"daily":{"$ref":"#/definitions/wholeNumber"},"scope":{"$ref":"#/definitions/nonEmptyString","description":"metadata.scope of the quota error. Default cloud_fleet."},"window_ms":{"$ref":"#/definitions/positiveNumber","description":"The rolling window, in ms. Default 24 h (not scaled by time_scale)."}}},"faultSelector":{"title":"fault selector","description":"A route id, a method (GET, POST) or a bucket (read, search, write).","enum":["keys.self","permissions.list","flows.list","flows.search","flows.tags","flows.get","flows.launch","executions.get","executions.nodes","executions.listForFlow","executions.list","executions.cancel","runner.claim","runner.complete","jobs.heartbeat","jobs.events","jobs.complete","jobs.webhookRequests","webhooks.ingest","GET","POST","read","search","write"],"x-message":"unknown selector ${value}: use a route id, GET or POST, or read, search or write (one of ${allowed})"},"faults":{"type":"object","description":"Seeded fault injection and clock skew. The rate_* probabilities add up to at most 1.","additionalProperties":false,"properties":{"seed":{"type":"integer","description":"Same seed, same faults. Default 1."},"rate_5xx":{"$ref":"#/definitions/probability"},"rate_503":{"$ref":"#/definitions/probability"},"rate_reset":{"$ref":"#/definitions/probability"},"rate_slow":{"$ref":"#/definitions/probability"},"slow_ms":{"type":"number","minimum":0,"maximum":30000,"description":"How slow, in real ms. Default 500."},"rate_malformed":{"$ref":"#/definitions/probability"},"rate_html":{"$ref":"#/definitions/probability"},"retry_after_seconds":{"$ref":"#/definitions/wholeNumber","description":"The 503\'s Retry-After. Default 1."},"clock_skew_ms":{"type":"number","minimum":-86400000,"maximum":86400000,"description":"Offset of the server\'s clock, in ms: the Date header and rate-limit reset times.","x-message":{"minimum":"must be within ±24 h","maximum":"must be within ±24 h"}},"routes":{"type":"array","description":"Only these requests get faults. Default: all.","items":{"$ref":"#/definitions/faultSelector"}},"exclude":{"type":"array","description":"Never fault these (e.g. keys.self).","items":{"$ref":"#/definitions/faultSelector"}},"after_commit":{"type":["number","boolean"],"minimum":0,"maximum":1,"description":"Share of faults on writes (launch, cancel, runner and job calls) that hit after the change was made; true = all.","x-message":"must be a probability from 0 to 1 (e.g. 0.05 for 5%), or true or false"}}}}}');
// EXTERNAL MODULE: ./src/sandbox/validate.ts
var sandbox_validate = __webpack_require__(86681);
// EXTERNAL MODULE: ./src/sandbox/settings/issues.ts
var issues = __webpack_require__(66717);
;// CONCATENATED MODULE: ./src/sandbox/settings/schema.ts
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




/** The parsed schema file (for tests, and to look up definitions). */
const FIXTURES_SCHEMA = fixtures_schema_namespaceObject;
const SCHEMA_KEY = 'fixtures';
const SCHEMA_IDS = {
    fixtures: SCHEMA_KEY,
    server: `${SCHEMA_KEY}#/definitions/server`
};
let schema_ajv;
const compiled = new Map();
function validatorOf(part) {
    let validate = compiled.get(part);
    if (!validate) {
        schema_ajv ??= new ajv.Ajv({
            strict: true,
            // Union types (`number | boolean`) are deliberate in this schema.
            allowUnionTypes: true,
            // The first error only, with its schema and data, to word it.
            allErrors: false,
            verbose: true,
            // The same RFC 3339 check the API routes apply to timestamps.
            formats: { 'date-time': sandbox_validate/* isRfc3339 */.yk },
            // Wording for errors; an annotation, no validation of its own.
            keywords: [{ keyword: 'x-message', schemaType: ['string', 'object'] }],
            schemas: { [SCHEMA_KEY]: FIXTURES_SCHEMA }
        });
        validate = schema_ajv.getSchema(SCHEMA_IDS[part]);
        if (!validate)
            throw new Error(`the fixtures schema has no ${SCHEMA_IDS[part]}`);
        compiled.set(part, validate);
    }
    return validate;
}
/** Compiles every part now (for tests: the schema must compile under strict mode). */
function compileSchema() {
    for (const part of Object.keys(SCHEMA_IDS))
        validatorOf(part);
}
/** The first way `value` breaks the schema, or undefined when it conforms. */
function schemaIssue(part, value, options = {}) {
    const validate = validatorOf(part);
    if (validate(value))
        return undefined;
    // An `if` error only says which branch failed; the branch's own error comes first.
    const error = (validate.errors ?? []).find((e) => e.keyword !== 'if');
    if (!error)
        return (0,issues/* issueAt */.NC)(options.at ?? [], 'does not match the fixtures schema');
    return toIssue(error, value, options);
}
function toIssue(error, root, options) {
    const name = options.name ?? ((key) => key);
    const segments = [...(options.at ?? []), ...pointerSegments(root, error.instancePath, name)];
    const parent = (error.parentSchema ?? {});
    const params = error.params;
    if (error.keyword === 'required') {
        const missing = String(params.missingProperty);
        const property = resolveRef(parent.properties?.[missing]);
        const message = customMessage(parent, 'required') ?? expectation(property);
        return (0,issues/* issueAt */.NC)([...segments, name(missing)], message);
    }
    if (error.keyword === 'additionalProperties') {
        const extra = String(params.additionalProperty);
        const allowed = Object.keys(parent.properties ?? {}).map(name);
        return (0,issues/* issueAt */.NC)([...segments, name(extra)], `unknown field (allowed: ${allowed.join(', ')})`);
    }
    const allowed = error.keyword === 'enum' ? params.allowedValues : undefined;
    const custom = customMessage(parent, error.keyword);
    const message = custom ? fill(custom, error.data, allowed) : standardMessage(error, parent);
    const title = typeof parent.title === 'string' ? parent.title : undefined;
    return (0,issues/* issueAt */.NC)(segments, message, { value: error.data, allowed, title });
}
/** `/flows/2/inputs/token` → `['flows', 2, 'inputs', 'token']` (an index only inside an array). */
function pointerSegments(root, pointer, name) {
    if (pointer === '')
        return [];
    let node = root;
    return pointer
        .slice(1)
        .split('/')
        .map((raw) => {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const inArray = Array.isArray(node);
        node = node?.[key];
        return inArray ? Number(key) : name(key);
    });
}
function resolveRef(schema) {
    const node = (schema ?? {});
    const ref = node.$ref;
    if (typeof ref !== 'string')
        return node;
    const definitions = FIXTURES_SCHEMA.definitions;
    return definitions[ref.replace('#/definitions/', '')] ?? {};
}
/**
 * The schema's own wording for a failed keyword: `x-message` as a string covers
 * every keyword about the value itself; as an object, the keywords it names.
 */
function customMessage(schema, keyword) {
    const custom = schema['x-message'];
    if (typeof custom === 'string') {
        return keyword === 'required' || keyword === 'additionalProperties' ? undefined : custom;
    }
    const own = custom?.[keyword];
    return typeof own === 'string' ? own : undefined;
}
function fill(template, value, allowed) {
    return template
        .replace('${value}', value === undefined ? 'nothing' : JSON.stringify(value))
        .replace('${allowed}', (allowed ?? []).join(', '));
}
/** What a missing property must be, worded as its type check would word it. */
function expectation(schema) {
    const custom = customMessage(schema, 'type');
    if (custom)
        return fill(custom, undefined, schema.enum);
    if (schema.type !== undefined)
        return `must be ${typeNames(schema.type, undefined)}`;
    if (Array.isArray(schema.enum))
        return `must be one of ${schema.enum.join(', ')}`;
    return 'is required';
}
const TYPE_NAMES = {
    object: 'an object',
    array: 'an array',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    null: 'null'
};
function typeNames(type, value) {
    const types = Array.isArray(type) ? type : [String(type)];
    return types
        .map((t) => 
    // "must be an integer" for 1.5, "must be a number" for "abc".
    t === 'integer' && typeof value !== 'number' ? TYPE_NAMES.number : (TYPE_NAMES[t] ?? t))
        .join(' or ');
}
const COMPARISONS = { '>=': '>=', '>': '>', '<=': 'at most', '<': '<' };
function standardMessage(error, parent) {
    const params = error.params;
    switch (error.keyword) {
        case 'type':
            return `must be ${typeNames(params.type, error.data)}`;
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            return `must be ${COMPARISONS[String(params.comparison)]} ${String(params.limit)}`;
        case 'minItems':
            return `must have at least ${String(params.limit)} item(s)`;
        case 'enum':
            return `must be one of ${params.allowedValues.join(', ')}`;
        case 'const':
            return `must be ${JSON.stringify(params.allowedValue)}`;
        case 'pattern':
            return `must match /${String(parent.pattern)}/`;
        case 'format':
            return `must be a ${String(params.format)}`;
        case 'not':
            return 'is not allowed here';
        default:
            return error.message ?? 'is not valid';
    }
}


/***/ }),

/***/ 21000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NO: () => (/* binding */ serverConfigOf),
/* harmony export */   am: () => (/* binding */ serverSectionIssue),
/* harmony export */   cu: () => (/* binding */ resolveServerConfig),
/* harmony export */   eo: () => (/* binding */ mergeServerSections)
/* harmony export */ });
/* unused harmony exports optionName, serverSectionOf, mergeServerConfig */
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86370);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35355);


/** A file key and its option name, where they differ (every other key is the same in both). */
const OPTION_NAMES = {
    time_scale: 'timeScale',
    ephemeral_lease_ms: 'ephemeralLeaseMs',
    rate_limits: 'rateLimits',
    window_ms: 'windowMs',
    retry_after_ms: 'retryAfterMs',
    rate_5xx: 'rate5xx',
    rate_503: 'rate503',
    rate_reset: 'rateReset',
    rate_slow: 'rateSlow',
    slow_ms: 'slowMs',
    rate_malformed: 'rateMalformed',
    rate_html: 'rateHtml',
    retry_after_seconds: 'retryAfterSeconds',
    clock_skew_ms: 'clockSkewMs',
    after_commit: 'afterCommit'
};
const SECTION_NAMES = Object.fromEntries(Object.entries(OPTION_NAMES).map(([file, option]) => [option, file]));
/** The option name of a file key (`rate_html` → `rateHtml`). */
function optionName(key) {
    return OPTION_NAMES[key] ?? key;
}
/** A deep copy with keys renamed and undefined fields left out (so they hide nothing in a merge). */
function renameKeys(value, names) {
    if (Array.isArray(value))
        return value.map((v) => renameKeys(v, names));
    if (typeof value !== 'object' || value === null)
        return value;
    return Object.fromEntries(Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [names[k] ?? k, renameKeys(v, names)]));
}
/** A `server:` section (validated) in the shape of `startSandbox` options. */
function serverConfigOf(server) {
    return server ? renameKeys(server, OPTION_NAMES) : {};
}
/** `startSandbox` options as a `server:` section (not validated). */
function serverSectionOf(config) {
    return renameKeys(config, SECTION_NAMES);
}
/** A copy without the keys whose value is undefined (so they do not hide the file's). */
function defined(value) {
    return Object.fromEntries(Object.entries((value ?? {})).filter(([, v]) => v !== undefined));
}
/**
 * The settings in effect: `override` over `file`, field by field within each group
 * (a flag for the read limit keeps the file's header style; an undefined field
 * keeps the file's value). `rate_limits: false` turns rate limits off, `override`
 * winning.
 */
function mergeServerSections(file, override) {
    const merged = {};
    const timeScale = override.time_scale ?? file?.time_scale;
    if (timeScale !== undefined)
        merged.time_scale = timeScale;
    const leaseMs = override.ephemeral_lease_ms ?? file?.ephemeral_lease_ms;
    if (leaseMs !== undefined)
        merged.ephemeral_lease_ms = leaseMs;
    const fileLimits = file?.rate_limits;
    if (override.rate_limits === false ||
        (override.rate_limits === undefined && fileLimits === false)) {
        merged.rate_limits = false;
    }
    else if (override.rate_limits !== undefined || fileLimits !== undefined) {
        merged.rate_limits = { ...defined(fileLimits || undefined), ...defined(override.rate_limits) };
    }
    for (const group of ['quota', 'faults']) {
        if (override[group] !== undefined || file?.[group] !== undefined) {
            merged[group] = { ...defined(file?.[group]), ...defined(override[group]) };
        }
    }
    return merged;
}
/** The same merge for `startSandbox` options: `options` over `file`. */
function mergeServerConfig(file, options) {
    return serverConfigOf(mergeServerSections(serverSectionOf(file ?? {}), serverSectionOf(options)));
}
/**
 * The first problem of a `server:` section, or undefined: the schema, then the
 * rules it cannot state. `options` names the fields as `startSandbox` options do
 * (`faults.rateHtml`); by default they read as in a fixtures file (`server.faults.rate_html`).
 */
function serverSectionIssue(section, naming = 'file') {
    const at = naming === 'file' ? ['server'] : [];
    const name = naming === 'file' ? undefined : optionName;
    return ((0,_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .schemaIssue */ .h)('server', section, { at, name }) ??
        (0,_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .serverRulesIssue */ .o)(section, at, name));
}
/**
 * The settings `startSandbox` runs with: the file's `server:` section (already
 * validated with the file) overlaid by the options, checked as a whole. Throws a
 * RangeError naming the option, e.g. `faults.rateHtml must be a probability …`.
 */
function resolveServerConfig(file, options) {
    const merged = mergeServerSections(file, serverSectionOf(options));
    const issue = serverSectionIssue(merged, 'options');
    if (issue) {
        const separator = issue.message.startsWith('must') ? ' ' : ': ';
        throw new RangeError(`${issue.path}${separator}${issue.message}`);
    }
    return serverConfigOf(merged);
}


/***/ }),

/***/ 86681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ uuidParam),
/* harmony export */   KH: () => (/* binding */ iso),
/* harmony export */   MY: () => (/* binding */ page),
/* harmony export */   O1: () => (/* binding */ isUuid),
/* harmony export */   OU: () => (/* binding */ optionalEnum),
/* harmony export */   R7: () => (/* binding */ paginationQuery),
/* harmony export */   _r: () => (/* binding */ objectBody),
/* harmony export */   sx: () => (/* binding */ optionalString),
/* harmony export */   tq: () => (/* binding */ MAX_LIMIT),
/* harmony export */   yk: () => (/* binding */ isRfc3339)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27680);
/**
 * Input checks shared by the routes. Each failure is a 400 VALIDATION_ERROR that
 * names the field, as the real API does, so a client bug shows up against the
 * sandbox instead of first in production.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 3339 section 5.6 date-time: full date, "T" (or "t"/space per the note), time,
// optional fraction, and a mandatory offset ("Z" or ±hh:mm).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
function isUuid(value) {
    return UUID.test(value);
}
/** True for a valid RFC 3339 date-time (the format and a real calendar date). */
function isRfc3339(value) {
    const m = RFC3339.exec(value);
    if (!m)
        return false;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60)
        return false;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return day >= 1 && day <= daysInMonth && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
}
/** RFC 3339 with millisecond precision in UTC, as the API writes timestamps. */
function iso(ms) {
    return new Date(ms).toISOString();
}
/** A path parameter that must be a UUID. */
function uuidParam(value, field) {
    if (value === undefined || !isUuid(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)(field, `${field} must be a UUID`);
    return value.toLowerCase();
}
function integerQuery(raw, field, min, max) {
    if (!/^\d+$/.test(raw))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)(field, `${field} must be an integer`);
    const value = Number(raw);
    if (value < min || value > max) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)(field, `${field} must be between ${min} and ${max}`);
    }
    return value;
}
const MAX_LIMIT = 100;
/**
 * `limit` (required, 1..100) and `offset` (default 0) of a list GET
 * (docs/api-contract.md part A, Pagination).
 */
function paginationQuery(query) {
    const limit = query.get('limit');
    if (limit === null || limit === '') {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)('limit', `limit is required (1..${MAX_LIMIT})`);
    }
    const offset = query.get('offset');
    return {
        limit: integerQuery(limit, 'limit', 1, MAX_LIMIT),
        offset: offset === null || offset === ''
            ? 0
            : integerQuery(offset, 'offset', 0, Number.MAX_SAFE_INTEGER)
    };
}
/** A value that must be one of `allowed` when present. */
function optionalEnum(value, field, allowed) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string' || !allowed.includes(value)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)(field, `${field} must be one of ${allowed.join(', ')}`);
    }
    return value;
}
/** An optional non-empty string of at most `max` characters. */
function optionalString(value, field, max = 255) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)(field, `${field} must be a non-empty string`);
    }
    if (value.length > max)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)(field, `${field} must be at most ${max} characters`);
    return value;
}
/** A JSON object body (the request's `ctx.json()`); `required` rejects an empty body. */
function objectBody(value, required) {
    if (value === undefined) {
        if (required)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)('body', 'A JSON request body is required (send at least {})');
        return {};
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationError */ .cJ)('body', 'The request body must be a JSON object');
    }
    return value;
}
/** Pages a sorted list the way the API answers: `{total, count, items}`. */
function page(items, limit, offset) {
    const slice = items.slice(offset, offset + limit);
    return { total: items.length, count: slice.length, items: slice };
}


/***/ })

};
