export const id = 542;
export const ids = [542];
export const modules = {

/***/ 33542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePort: () => (/* binding */ parsePort),
/* harmony export */   sandboxCommand: () => (/* binding */ sandboxCommand),
/* harmony export */   sandboxCommandDefinition: () => (/* binding */ sandboxCommandDefinition),
/* harmony export */   sandboxOptionsFromFlags: () => (/* binding */ sandboxOptionsFromFlags),
/* harmony export */   serverSectionOfFlags: () => (/* binding */ serverSectionOfFlags)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48179);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92392);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71604);
/* harmony import */ var _sandbox_layers_rate_limit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32710);
/* harmony import */ var _sandbox_layers_quota_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(63090);
/* harmony import */ var _sandbox_layers_faults_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(79893);
/**
 * `echopoint-ci sandbox`: the local Echopoint API, for trying workflows without an
 * account, and the hard API for testing a client: rate limits (on by default, as
 * on the real API), a daily quota, seeded faults, clock skew and time scale.
 *
 * The settings flags build a fixtures file's `server:` section (FLAG_FIELDS says
 * which field each one sets), which overrides the file's own field by field and is
 * checked, together with it, by the sandbox's one settings validator. An error
 * names the flag, mapped back from the path of the field.
 */







/** Parses --port: 0 (any free port) to 65535. */
function parsePort(text) {
    if (text === undefined)
        return 4010;
    if (!/^\d+$/.test(text) || Number(text) > 65535) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('--port', `"${text}" is not a port number`, 'Use 0 to 65535 (0 picks a free port).');
    }
    return Number(text);
}
/**
 * Each settings flag: its key in SandboxFlags (as commander names it), the flag,
 * the field of the `server:` section it sets, and how its text is read.
 */
const FLAG_TABLE = [
    ['timeScale', '--time-scale', 'time_scale', 'number'],
    ['rateLimitRead', '--rate-limit-read', 'rate_limits.read', 'number'],
    ['rateLimitSearch', '--rate-limit-search', 'rate_limits.search', 'number'],
    ['rateLimitWrite', '--rate-limit-write', 'rate_limits.write', 'number'],
    ['rateLimitWindow', '--rate-limit-window', 'rate_limits.window_ms', 'seconds'],
    ['rateLimitStyle', '--rate-limit-style', 'rate_limits.style', 'text'],
    ['rateLimitStorm', '--rate-limit-storm', 'rate_limits.storm.count', 'number'],
    ['dailyQuota', '--daily-quota', 'quota.daily', 'number'],
    ['quotaScope', '--quota-scope', 'quota.scope', 'text'],
    ['faultSeed', '--fault-seed', 'faults.seed', 'number'],
    ['fault5xx', '--fault-5xx', 'faults.rate_5xx', 'number'],
    ['fault503', '--fault-503', 'faults.rate_503', 'number'],
    ['faultReset', '--fault-reset', 'faults.rate_reset', 'number'],
    ['faultSlow', '--fault-slow', 'faults.rate_slow', 'number'],
    ['faultSlowMs', '--fault-slow-ms', 'faults.slow_ms', 'number'],
    ['faultMalformed', '--fault-malformed', 'faults.rate_malformed', 'number'],
    ['faultHtml', '--fault-html', 'faults.rate_html', 'number'],
    ['faultRetryAfter', '--fault-retry-after', 'faults.retry_after_seconds', 'number'],
    ['faultAfterCommit', '--fault-after-commit', 'faults.after_commit', 'number'],
    ['faultRoutes', '--fault-routes', 'faults.routes', 'list'],
    ['faultExclude', '--fault-exclude', 'faults.exclude', 'list'],
    ['clockSkew', '--clock-skew', 'faults.clock_skew_ms', 'seconds']
];
const FLAG_FIELDS = FLAG_TABLE.map(([key, flag, field, read]) => ({
    key,
    flag,
    /** The field it sets, as a path in the fixtures file. */
    path: ['server', ...field.split('.')],
    read
}));
/** The name for a rule broken by several fields together (fault probabilities adding up). */
const GROUP_FLAGS = { 'server.faults': '--fault-*' };
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A number when the text reads as one; otherwise the text, which the schema rejects by name. */
function valueOf(text, read) {
    if (read === 'text')
        return text;
    if (read === 'list') {
        return text
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
    }
    if (!NUMBER.test(text.trim()))
        return text;
    return read === 'seconds' ? Number(text) * 1000 : Number(text);
}
/** The `server:` section the settings flags set (only their fields; not validated). */
function serverSectionOfFlags(flags) {
    const section = {};
    for (const { key, path, read } of FLAG_FIELDS) {
        const text = flags[key];
        if (text === undefined)
            continue;
        let node = section;
        for (const step of path.slice(1, -1)) {
            node[step] ??= {};
            node = node[step];
        }
        node[path[path.length - 1]] = valueOf(text, read);
    }
    return section;
}
const isPrefix = (prefix, of) => prefix.every((step, i) => of[i] === step);
/** A settings issue (paths like `server.faults.rate_reset`) as an error naming the flag. */
function flagError(issue, flags) {
    const field = FLAG_FIELDS.find((f) => isPrefix(f.path, issue.segments));
    if (!field) {
        // A rule about several fields: name the group, and the flags of it that were given.
        const given = FLAG_FIELDS.filter((f) => flags[f.key] !== undefined && isPrefix(issue.segments, f.path)).map((f) => `${f.flag} ${String(flags[f.key])}`);
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(GROUP_FLAGS[issue.path] ?? 'sandbox settings', issue.message, given.length > 0 ? `Given: ${given.join(', ')}.` : undefined);
    }
    const raw = String(flags[field.key]);
    // In a list flag, the element at fault.
    const index = issue.segments[field.path.length];
    const text = typeof index === 'number' ? valueOf(raw, 'list')[index] : raw;
    if (issue.allowed && issue.title) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(field.flag, `"${text}" is not a ${issue.title}`, `Use one of ${issue.allowed.join(', ')}.`);
    }
    const problem = issue.message.startsWith('must be ')
        ? `"${text}" is not ${issue.message.slice('must be '.length)}`
        : `"${text}": ${issue.message}`;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(field.flag, problem);
}
/**
 * The `startSandbox` options the flags ask for. Rate limits are on with the
 * defaults unless `--no-rate-limit` or the fixtures file's `rate_limits: false`
 * turns them off. Throws a ConfigError naming the first bad flag.
 */
function sandboxOptionsFromFlags(flags, fixtures) {
    const options = {
        port: parsePort(flags.port),
        host: flags.host ?? '127.0.0.1',
        fixtures
    };
    if (flags.quotaScope !== undefined && flags.dailyQuota === undefined && !fixtures.server?.quota) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('--quota-scope', 'needs a quota', 'Add --daily-quota N.');
    }
    const section = serverSectionOfFlags(flags);
    // Checked over the file's section: a flag may complete it (--quota-scope alone) or,
    // with it, break a rule (fault probabilities adding up to more than 1).
    const issue = (0,_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .serverSectionIssue */ .am)((0,_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeServerSections */ .eo)(fixtures.server, section));
    if (issue)
        throw flagError(issue, flags);
    const config = (0,_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .serverConfigOf */ .NO)(section);
    if (config.timeScale !== undefined)
        options.timeScale = config.timeScale;
    if (flags.rateLimit === false)
        options.rateLimits = false;
    else if (config.rateLimits)
        options.rateLimits = config.rateLimits;
    else if (fixtures.server?.rate_limits === undefined)
        options.rateLimits = {};
    if (config.quota)
        options.quota = config.quota;
    if (config.faults)
        options.faults = config.faults;
    return options;
}
async function sandboxCommand(flags, io) {
    let fixtures;
    try {
        fixtures = flags.fixtures === undefined ? (0,_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultFixtures */ .Om)() : (0,_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .loadFixtures */ .Xo)(flags.fixtures);
    }
    catch (err) {
        // The file's own words (path of the field, what is wrong) as an input error (exit 3).
        if (err instanceof _sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FixtureError */ .ig)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('--fixtures', err.message);
        throw err;
    }
    const options = sandboxOptionsFromFlags(flags, fixtures);
    let sandbox;
    try {
        sandbox = await (0,_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .startSandbox */ .OT)(options);
    }
    catch (err) {
        // The flags were checked with the file above; whatever startSandbox still refuses
        // is named as the sandbox settings (exit 3).
        if (err instanceof RangeError) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('sandbox settings', err.message);
        }
        throw err;
    }
    io.stdout((0,_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBanner */ .au)(sandbox));
    await new Promise((resolve) => {
        if (io.signal?.aborted)
            resolve();
        io.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    await sandbox.close();
    io.stderr('Sandbox stopped.');
    return 0;
}
function sandboxCommandDefinition(io, setExit) {
    const styles = _sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .HEADER_STYLES */ .Zt.join(', ');
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('sandbox')
        .description('Start a local server that speaks the Echopoint API (for tests, demos and dry runs)')
        .addOption((0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .optionWithDefault */ .h6)('-p, --port <port>', 'port to listen on; 0 picks a free port', '4010'))
        .option('--host <host>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('address to bind; the sandbox has fake keys, keep it local', '127.0.0.1'))
        .option('--fixtures <file>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('fixtures file (JSON or YAML: orgs, keys, flows, and a server: section for limits and faults)', 'the shipped demo fixture'))
        .option('--rate-limit-read <n>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('read requests per key per window', _sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LIMITS */ .dR.read))
        .option('--rate-limit-search <n>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('search requests per key per window', _sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LIMITS */ .dR.search))
        .option('--rate-limit-write <n>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('write requests per key per window', _sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LIMITS */ .dR.write))
        .option('--rate-limit-window <seconds>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('length of the fixed rate-limit window', _sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_WINDOW_MS */ .ID / 1000))
        .option('--rate-limit-style <style>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)(`how limits are announced: ${styles}`, _sandbox_layers_rate_limit_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_HEADER_STYLE */ .W8))
        .option('--rate-limit-storm <n>', 'answer 429 (with a valid hint) to the next n requests')
        .option('--no-rate-limit', 'no rate limits at all')
        .option('--daily-quota <n>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('executions per organization per rolling 24 h', 'none'))
        .option('--quota-scope <scope>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('metadata.scope of the quota error', _sandbox_layers_quota_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_QUOTA_SCOPE */ .og))
        .option('--fault-seed <n>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)('seed of the fault generator: same seed, same faults', 1))
        .option('--fault-5xx <p>', 'probability of a 500 or 502 (0..1)')
        .option('--fault-503 <p>', 'probability of a 503 with Retry-After')
        .option('--fault-retry-after <seconds>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)("the 503's Retry-After", _sandbox_layers_faults_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_FAULT_RETRY_AFTER_SECONDS */ .VJ))
        .option('--fault-reset <p>', 'probability of a connection reset')
        .option('--fault-slow <p>', 'probability of a slow answer')
        .option('--fault-slow-ms <ms>', (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .describeDefault */ .ZA)(`how slow, in real ms, at most ${_sandbox_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_SLOW_MS */ .cX}`, _sandbox_layers_faults_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_SLOW_MS */ .xT))
        .option('--fault-malformed <p>', 'probability of a truncated JSON body')
        .option('--fault-html <p>', "probability of a proxy's HTML error page")
        .option('--fault-after-commit <p>', 'share of faults on writes (launch, cancel, runner) that hit after the change was made')
        .option('--fault-routes <list>', 'only these requests get faults: route ids, GET/POST or read/search/write, comma-separated')
        .option('--fault-exclude <list>', 'never fault these (e.g. keys.self)')
        .option('--clock-skew <seconds>', 'server clock offset, in seconds, in Date and reset times (e.g. 30 or -30)')
        .option('--time-scale <factor>', 'multiplies flow durations and rate-limit windows (e.g. 0.1 = ten times faster)')
        .addHelpText('after', `
Examples:
  $ echopoint-ci sandbox
  $ echopoint-ci sandbox --port 0 --fixtures my-flows.json
  # then, in another shell, with the URL, key and org ID it prints:
  $ ECHOPOINT_API_URL=http://127.0.0.1:4010 ECHOPOINT_API_KEY=... ECHOPOINT_ORGANIZATION_ID=org_demo echopoint-ci run --tag smoke

  # a tight API: 10 reads a minute, IETF RateLimit headers, 5 launches a day
  $ echopoint-ci sandbox --rate-limit-read 10 --rate-limit-style ietf --daily-quota 5
  # an unreliable one, reproducibly: 5% 5xx, 2% resets, launches answered after commit
  $ echopoint-ci sandbox --fault-seed 42 --fault-5xx 0.05 --fault-reset 0.02 --fault-after-commit 1 --fault-exclude keys.self
  # a server clock 30 s behind, and time ten times faster
  $ echopoint-ci sandbox --clock-skew -30 --time-scale 0.1
  $ echopoint-ci sandbox --no-rate-limit`)
        .action(async (flags) => {
        setExit(await sandboxCommand(flags, io));
    });
}


/***/ })

};
