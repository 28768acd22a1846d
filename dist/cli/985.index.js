export const id = 985;
export const ids = [985];
export const modules = {

/***/ 49985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   flowPullCommand: () => (/* binding */ flowPullCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_api_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57825);
/* harmony import */ var _core_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32257);
/* harmony import */ var _core_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72633);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74296);
/* harmony import */ var _core_input_values_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(92154);
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(12258);
/* harmony import */ var _core_report_escape_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8547);
/* harmony import */ var _core_run_config_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(86351);
/* harmony import */ var _core_version_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(83323);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(71604);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(12280);
/**
 * `echopoint-ci flow pull FLOW_ID [--out FILE]`: saves a flow's definition from
 * the API (identity-checked, the key redacted), to run or edit it locally.
 */













/** Saves one flow's definition to `--out` (or prints it); returns the exit code (0, or 3). */
async function flowPullCommand(flowId, flags, io) {
    const given = (0,_io_js__WEBPACK_IMPORTED_MODULE_8__/* .readCredentials */ .L1)(flags, io.env);
    const key = given.apiKey;
    const logger = (0,_logger_js__WEBPACK_IMPORTED_MODULE_9__/* .createCliLogger */ .x)({
        verbose: flags.verbose === true,
        write: io.stderr,
        secrets: [key]
    });
    const redact = (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .createRedactor */ .lY)(key ? [key] : []);
    try {
        if (!_core_run_config_js__WEBPACK_IMPORTED_MODULE_7__/* .UUID_PATTERN */ .JJ.test(flowId)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL('FLOW_ID', `"${(0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_6__/* .printable */ .g$)(flowId, 80)}" is not a flow ID (flow IDs are UUIDs)`, "Copy the ID from the flow's page in Echopoint.");
        }
        const out = flags.out === undefined ? undefined : (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_6__/* .usablePath */ .ou)(flags.out);
        if (flags.out !== undefined && out === undefined) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL('--out', 'it is empty or contains a control character', 'Use a plain file path.');
        }
        const credentials = (0,_core_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveCredentials */ .z8)(given, _io_js__WEBPACK_IMPORTED_MODULE_8__/* .CLI_CREDENTIAL_NAMES */ .wF, { surface: 'cli' });
        const api = (0,_core_api_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createClient */ .U)({
            ...credentials,
            clock: _core_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .ml,
            logger,
            userAgent: `echopoint-ci-cli/${_core_version_js__WEBPACK_IMPORTED_MODULE_11__/* .VERSION */ .x}`,
            names: _io_js__WEBPACK_IMPORTED_MODULE_8__/* .CLI_CREDENTIAL_NAMES */ .wF
        });
        const flow = await api.getFlowDefinition(flowId, { signal: io.signal });
        // A file that runs as is: the flow's name goes in when the definition lacks one.
        const definition = { name: flow.name, ...flow.definition };
        const json = `${JSON.stringify(definition, null, 2)}\n`;
        if (out === undefined) {
            io.stdout(json.trimEnd());
            return 0;
        }
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(out);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(path, json);
        logger.info(`Saved "${flow.name}" (${flow.id}) to ${path}`);
        return 0;
    }
    catch (err) {
        io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_12__/* .inertLine */ .Fq)(redact(`error: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .toEchopointError */ .HT)(err).userMessage}`)));
        return 3;
    }
}


/***/ }),

/***/ 98571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/**
 * Parses the `timeout` input: plain seconds (`900`) or a sequence of
 * number+unit parts (`90s`, `15m`, `1h`, `1h30m`, `500ms`).
 * Returns milliseconds, or undefined when the text is not a duration.
 */
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(value))
        return undefined;
    let total = 0;
    for (const part of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
        total += Number(part[1]) * UNIT_MS[part[2]];
    }
    return Math.round(total);
}
/** `90500` → `1m 30.5s`; for logs and summaries. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '0s';
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const totalSeconds = ms / 1000;
    if (totalSeconds < 60)
        return `${Number(totalSeconds.toFixed(1))}s`;
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = Math.round(totalSeconds % 60);
    const parts = [];
    if (hours)
        parts.push(`${hours}h`);
    if (minutes)
        parts.push(`${minutes}m`);
    if (seconds || parts.length === 0)
        parts.push(`${seconds}s`);
    return parts.join(' ');
}


/***/ }),

/***/ 86351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ UUID_PATTERN),
/* harmony export */   cS: () => (/* binding */ DEFAULT_TIMEOUT),
/* harmony export */   dT: () => (/* binding */ DEFAULT_MAX_PARALLEL),
/* harmony export */   fA: () => (/* binding */ ACTION_INPUT_NAMES),
/* harmony export */   y9: () => (/* binding */ resolveRunConfig)
/* harmony export */ });
/* unused harmony exports MAX_TIMEOUT_MS, parseShard */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72633);
/* harmony import */ var _input_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92154);
/* harmony import */ var _idempotency_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56258);





const DEFAULT_TIMEOUT = '15m';
const DEFAULT_MAX_PARALLEL = 4;
/** Flow and version IDs are UUIDs in the published API (docs/api-contract.md, "Shapes the published spec fixes"). */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The longest `timeout` accepted: a GitHub-hosted job ends after 6 h and a
 * self-hosted one after 5 days, so a run that waits longer than a day is a
 * mistake; the bound also keeps every wait far inside what a timer can hold.
 */
const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;
const ACTION_INPUT_NAMES = {
    apiKey: 'api-key',
    organizationId: 'organization-id',
    apiUrl: 'api-url',
    flowIds: 'flow-ids',
    tags: 'tags',
    matchMode: 'match-mode',
    environment: 'environment',
    versionId: 'version-id',
    runner: 'runner',
    timeout: 'timeout',
    pollInterval: 'poll-interval',
    maxParallel: 'max-parallel',
    idempotencyKey: 'idempotency-key',
    failOnEmpty: 'fail-on-empty',
    cancelOnAbort: 'cancel-on-abort',
    failFast: 'fail-fast',
    junitPath: 'junit-path',
    jobSummary: 'job-summary',
    shard: 'shard'
};
const RUNNERS = ['cloud', 'self_hosted', 'ephemeral'];
const MATCH_MODES = ['any', 'all'];
/** How to select flows, in the words of the front door in use. */
function selectionHint(names, surface) {
    return surface === 'cli'
        ? `Give flow IDs as arguments (echopoint-ci run FLOW_ID...), or select flows with ${names.tags} TAG (repeatable).`
        : `Set ${names.flowIds} to flow IDs, or ${names.tags} to tags, comma- or newline-separated.`;
}
/** Parses `i/n` (1-based). */
function parseShard(name, text) {
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(name, `"${text}" is not of the form i/n`, 'Use for example 1/3 for the first of three shards.');
    }
    const index = Number(match[1]);
    const total = Number(match[2]);
    if (total < 1 || index < 1 || index > total) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(name, `"${text}" is out of range`, 'The shard number must be between 1 and the shard count, for example 2/3.');
    }
    return { index, total };
}
/**
 * Validates everything and returns the config. Throws ConfigError naming the
 * first bad input (by the name the user wrote) and what to do about it.
 */
function resolveRunConfig(raw, names = ACTION_INPUT_NAMES, surface = 'action') {
    const { apiKey, organizationId, apiUrl } = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveCredentials */ .z8)(raw, names, { surface });
    const flowIds = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(raw.flowIds);
    const tags = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(raw.tags);
    if (flowIds.length > 0 && tags.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${names.flowIds}/${names.tags}`, 'both are set', surface === 'cli'
            ? `Select flows either by flow IDs (arguments) or by ${names.tags}, not both.`
            : `Select flows either by ${names.flowIds} or by ${names.tags}, not both.`);
    }
    if (flowIds.length === 0 && tags.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${names.flowIds}/${names.tags}`, 'neither is set', selectionHint(names, surface));
    }
    for (const id of flowIds) {
        if (!UUID_PATTERN.test(id)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.flowIds, `"${(0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(id, 80)}" is not a flow ID (flow IDs are UUIDs, like 12274271-06b2-43b7-b64a-de134439c37f)`, `Copy the ID from the flow page in Echopoint, or select flows by ${names.tags} instead.`);
        }
    }
    for (const tag of tags) {
        if (_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .CONTROL_CHARS */ .UV.test(tag) || tag.length > 100) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.tags, `"${tag.slice(0, 40)}" is not a valid tag`, 'Tags are short names without control characters.');
        }
    }
    const matchModeText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.matchMode) ?? 'any';
    if (!MATCH_MODES.includes(matchModeText)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.matchMode, `"${matchModeText}" is not one of any, all`, 'Use any (a flow with at least one of the tags) or all (every tag).');
    }
    const matchMode = matchModeText;
    const runnerText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.runner) ?? 'cloud';
    if (!RUNNERS.includes(runnerText)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.runner, `"${runnerText}" is not one of cloud, self_hosted, ephemeral`, 'Use cloud (Echopoint runs the flows), ephemeral (this job runs them, so they can reach services it started) or self_hosted.');
    }
    const runner = runnerText;
    const timeoutText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.timeout) ?? DEFAULT_TIMEOUT;
    const timeoutMs = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(timeoutText);
    if (timeoutMs === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.timeout, `"${timeoutText}" is not a duration`, 'Use seconds (900) or a number with a unit: 90s, 15m, 1h.');
    }
    if (timeoutMs <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.timeout, `must be greater than zero (got ${timeoutText})`, 'Use for example 15m.');
    }
    if (timeoutMs > MAX_TIMEOUT_MS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.timeout, `must be at most 24h (got ${timeoutText})`, `Use for example 15m; a job that needs longer should run fewer flows per step (see ${names.shard}).`);
    }
    const pollText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.pollInterval) ?? 'auto';
    let pollInterval = 'auto';
    if (pollText !== 'auto') {
        const ms = /^\d+(\.\d+)?$/.test(pollText) ? Number(pollText) * 1000 : (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(pollText);
        if (ms === undefined || ms < 1000 || ms > 300_000) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.pollInterval, `"${pollText}" is not auto or a number of seconds between 1 and 300`, 'Use auto (recommended) or for example 10.');
        }
        pollInterval = Math.round(ms);
    }
    const maxParallelText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.maxParallel) ?? String(DEFAULT_MAX_PARALLEL);
    const maxParallel = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(names.maxParallel, maxParallelText, 'a whole number of at least 1, for example 4');
    if (maxParallel > 100) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.maxParallel, `must be at most 100 (got ${maxParallelText})`, 'Use for example 4.');
    }
    const idempotencyKeyText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.idempotencyKey);
    const idempotencyKey = idempotencyKeyText === undefined
        ? undefined
        : (0,_idempotency_key_js__WEBPACK_IMPORTED_MODULE_4__/* .checkIdempotencyKey */ .R)(idempotencyKeyText, names.idempotencyKey);
    const environment = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.environment);
    const versionId = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.versionId);
    if (environment !== undefined && (_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .CONTROL_CHARS */ .UV.test(environment) || environment.length > 255)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.environment, 'it contains a control character or is longer than 255 characters', 'Use the plain environment key shown in Echopoint.');
    }
    if (versionId !== undefined && !UUID_PATTERN.test(versionId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.versionId, `"${(0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(versionId, 80)}" is not a version ID (version IDs are UUIDs)`, `Copy the ID of the published version from Echopoint, or leave it ${surface === 'cli' ? 'out' : 'empty'} to run the latest.`);
    }
    const junitPath = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.junitPath);
    if (junitPath !== undefined && (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .usablePath */ .ou)(junitPath) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.junitPath, 'it contains a line break or control character', 'Use a plain file path, for example reports/echopoint.xml.');
    }
    const shardText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.shard);
    return {
        apiKey,
        organizationId,
        apiUrl,
        selection: flowIds.length > 0 ? { kind: 'ids', flowIds } : { kind: 'tags', tags, matchMode },
        environment,
        versionId,
        runner,
        timeoutMs,
        pollInterval,
        maxParallel,
        idempotencyKey,
        failOnEmpty: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.failOnEmpty, raw.failOnEmpty, true),
        cancelOnAbort: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.cancelOnAbort, raw.cancelOnAbort, true),
        failFast: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.failFast, raw.failFast, false),
        junitPath,
        jobSummary: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.jobSummary, raw.jobSummary, true),
        shard: shardText === undefined ? undefined : parseShard(names.shard, shardText),
        names,
        surface
    };
}


/***/ })

};
