export const id = 241;
export const ids = [241];
export const modules = {

/***/ 62241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHECK_KEY_CLI_INPUT_NAMES: () => (/* binding */ CHECK_KEY_CLI_INPUT_NAMES),
  CHECK_KEY_EXIT: () => (/* binding */ CHECK_KEY_EXIT),
  checkKeyCommand: () => (/* binding */ checkKeyCommand),
  checkKeyCommandDefinition: () => (/* binding */ checkKeyCommandDefinition),
  checkKeyDocument: () => (/* binding */ checkKeyDocument)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(48179);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(32257);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
// EXTERNAL MODULE: ./src/core/key/check.ts
var check = __webpack_require__(95111);
// EXTERNAL MODULE: ./src/core/credentials.ts
var core_credentials = __webpack_require__(72633);
// EXTERNAL MODULE: ./src/core/input-values.ts
var input_values = __webpack_require__(92154);
;// CONCATENATED MODULE: ./src/core/key/check-config.ts
/**
 * The key-expiry check's inputs (docs/interface.md section 2) turned into a validated
 * config. The action and `echopoint-ci check-key` both call resolveKeyCheckConfig,
 * so the rules and the messages naming the bad input are the same in both.
 */



const DEFAULT_WARN_DAYS = 14;
const DEFAULT_FAIL_DAYS = 3;
const DEFAULT_REQUIRED_SCOPES = ['flows:execute'];
/** Scopes are `resource:action` (docs/api-contract.md part A, Authentication). */
const SCOPE_PATTERN = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/;
const KEY_CHECK_ACTION_INPUT_NAMES = {
    apiKey: 'api-key',
    organizationId: 'organization-id',
    apiUrl: 'api-url',
    warnDays: 'warn-days',
    failDays: 'fail-days',
    expiresAt: 'expires-at',
    requiredScopes: 'required-scopes'
};
function parseDays(name, text, fallback) {
    const value = (0,input_values/* present */.Eb)(text);
    if (value === undefined)
        return fallback;
    if (!/^\d{1,5}$/.test(value)) {
        throw new errors/* ConfigError */.xL(name, `"${value.slice(0, 40)}" is not a whole number of days`, 'Use a whole number of days, 0 or more, for example 14.');
    }
    return Number(value);
}
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;
/**
 * Parses an expiry date as a user writes it: an RFC 3339 date-time with a time
 * zone (`2026-03-31T12:00:00Z`) or a plain date (`2026-03-31`, read as midnight
 * UTC, the start of that day, so the check never reports more time than there
 * is). Returns it as RFC 3339 UTC. Throws ConfigError naming the input.
 */
function parseExpiresAt(name, text) {
    const value = text.trim();
    const match = DATE_ONLY.exec(value) ?? DATE_TIME.exec(value);
    if (match) {
        const [year, month, day] = match.slice(1, 4).map(Number);
        // Date.parse rolls 2026-02-30 over to March 2: refuse a day the calendar does not have.
        const calendar = new Date(Date.UTC(year, month - 1, day));
        const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
        if (calendar.getUTCMonth() === month - 1 &&
            calendar.getUTCDate() === day &&
            Number.isFinite(ms)) {
            return new Date(ms).toISOString();
        }
    }
    throw new errors/* ConfigError */.xL(name, `"${value.slice(0, 40)}" is not a date`, 'Use the date the key expires, as shown in Echopoint: 2026-03-31 or 2026-03-31T12:00:00Z.');
}
/**
 * Validates every input of the key-expiry check. Throws ConfigError naming the
 * first bad input (by the name the user wrote) and what to do about it.
 */
function resolveKeyCheckConfig(raw, names = KEY_CHECK_ACTION_INPUT_NAMES, surface = 'action') {
    const credentials = (0,core_credentials/* resolveCredentials */.z8)(raw, names, { surface });
    const warnDays = parseDays(names.warnDays, raw.warnDays, DEFAULT_WARN_DAYS);
    const failDays = parseDays(names.failDays, raw.failDays, DEFAULT_FAIL_DAYS);
    if (failDays > warnDays) {
        throw new errors/* ConfigError */.xL(names.failDays, `${failDays} is greater than ${names.warnDays} (${warnDays})`, surface === 'cli'
            ? `The check warns first and fails later: give ${names.failDays} at most ${names.warnDays}, for example ${names.warnDays} 14 ${names.failDays} 3.`
            : `The check warns first and fails later: set ${names.failDays} to at most ${names.warnDays}, for example ${names.warnDays}: 14 and ${names.failDays}: 3.`);
    }
    const expiresAtText = (0,input_values/* present */.Eb)(raw.expiresAt);
    const expiresAtInput = expiresAtText === undefined ? undefined : parseExpiresAt(names.expiresAt, expiresAtText);
    const scopes = (0,input_values/* splitList */.ry)(raw.requiredScopes);
    for (const scope of scopes) {
        if (input_values/* CONTROL_CHARS */.UV.test(scope) || !SCOPE_PATTERN.test(scope)) {
            throw new errors/* ConfigError */.xL(names.requiredScopes, `"${scope.slice(0, 40)}" is not a scope`, 'Scopes look like resource:action, comma-separated, for example flows:execute, flows:read.');
        }
    }
    return {
        ...credentials,
        warnDays,
        failDays,
        expiresAtInput,
        requiredScopes: scopes.length > 0 ? scopes : [...DEFAULT_REQUIRED_SCOPES],
        names,
        surface
    };
}

;// CONCATENATED MODULE: ./src/core/key/rotation.ts
/**
 * How to rotate the CI key, in one place: the job summary, the reminder issue
 * and the CLI all show these steps (docs/key-expiry.md, "Rotating the key", says the same;
 * the CLI's say where its key lives instead of GitHub's secrets).
 * Plain text with `code` spans, readable in a terminal and as Markdown.
 */
/** The scopes of the `ci` preset (docs/api-contract.md part A, `GET /permissions?type=ci`). */
const CI_PRESET_SCOPES = [
    'flows:read',
    'flows:execute',
    'runner:complete'
];
const CREATE = 'In Echopoint (Settings → API keys), create a replacement key with the same scopes (the `ci` preset: ' +
    CI_PRESET_SCOPES.map((s) => `\`${s}\``).join(', ') +
    ') and an expiration date, for example 90 days.';
const DELETE = 'Delete the old key in Echopoint.';
/** The rotation steps, in order, for a key used by the GitHub Action (a repository secret). */
const ROTATION_STEPS = [
    CREATE,
    'Update the secret everywhere the key is used: `gh secret set ECHOPOINT_API_KEY` in each repository (add `--org <org>` for an organization secret, `--env <environment>` for an environment secret).',
    'Confirm a run passes with the new key: re-run the key-expiry workflow (or any workflow that runs the flows).',
    DELETE
];
/** The rotation steps for a key the CLI reads (`ECHOPOINT_API_KEY`, set by any CI system or a shell). */
const CLI_ROTATION_STEPS = [
    CREATE,
    'Update `ECHOPOINT_API_KEY` everywhere the key is used: the secret or masked variable of each CI system that sets it, and your shell.',
    'Confirm the new key works: `echopoint-ci check-key`, then re-run a pipeline that runs the flows.',
    DELETE
];

// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(83323);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/logger.ts
var cli_logger = __webpack_require__(12280);
;// CONCATENATED MODULE: ./src/cli/commands/check-key.ts
/**
 * `echopoint-ci check-key`: the key-expiry check of the check-key action, for any
 * CI system's scheduled job and for people at a terminal. The same core
 * (src/core/key/check.ts); no reminder issue (that is the GitHub action's job).
 *
 * Exit codes: 0 ok, expiring (fewer than --warn-days left), never expiring, or
 * unknown expiry; 3 invalid (401), expired, fewer than --fail-days left, missing
 * --required-scopes, a key of another organization, a usage error, or an API
 * error that stopped the check.
 */










const CHECK_KEY_CLI_INPUT_NAMES = {
    ...cli_io/* CLI_CREDENTIAL_NAMES */.wF,
    warnDays: '--warn-days',
    failDays: '--fail-days',
    expiresAt: '--expires-at',
    requiredScopes: '--required-scopes'
};
/** Exit codes of check-key (docs/interface.md section 3: 3 is auth, usage or API error). */
const CHECK_KEY_EXIT = { passed: 0, failed: 3 };
/** The `--output json` document: the action's outputs, plus whether the check passed. */
function checkKeyDocument(result) {
    return {
        status: result.status,
        passed: result.passed,
        expires_at: result.expiresAt ?? null,
        expires_at_source: result.expiresAtSource ?? null,
        days_left: result.daysLeft ?? null,
        key_id: result.keyId ?? null,
        key_name: result.keyName ?? null,
        organization_id: result.keyOrganizationId ?? null,
        permissions: result.permissions,
        missing_scopes: result.missingScopes,
        messages: result.messages
    };
}
function renderText(result, now) {
    const rows = [['status', result.status]];
    if (result.expiresAt === null)
        rows.push(['expires', 'never']);
    else if (result.expiresAt)
        rows.push(['expires', (0,check/* expiryDate */.Sd)(result.expiresAt, now)]);
    else
        rows.push(['expires', 'unknown']);
    if (result.expiresAtSource)
        rows.push(['expiry from', (0,check/* expirySourceLabel */.DE)(result.expiresAtSource, 'cli')]);
    if (result.keyId) {
        rows.push([
            'key',
            `${result.keyId}${result.keyName ? ` (${(0,report_escape/* oneLine */.TN)(result.keyName, 100)})` : ''}`
        ]);
    }
    if (result.keyOrganizationId)
        rows.push(['organization', result.keyOrganizationId]);
    if (result.status !== 'invalid' && !result.error) {
        rows.push(['scopes', result.permissions.join(', ') || 'none']);
        rows.push(['missing scopes', result.missingScopes.join(', ') || 'none']);
    }
    const lines = rows.map(([k, v]) => `${k.padEnd(15)} ${v}`);
    if (result.reminder === 'open') {
        lines.push('', 'Rotate the key:');
        CLI_ROTATION_STEPS.forEach((step, i) => lines.push(`  ${i + 1}. ${step.replace(/`/g, '')}`));
    }
    lines.push('', `${result.passed ? 'PASS' : 'FAIL'}  ${result.headline}`);
    return lines.join('\n');
}
/** Runs the command; returns the exit code. */
async function checkKeyCommand(flags, io) {
    const logger = (0,cli_logger/* createCliLogger */.x)({
        verbose: flags.verbose === true,
        write: io.stderr,
        secrets: [(0,cli_io/* readCredentials */.L1)(flags, io.env).apiKey]
    });
    if (flags.output !== 'text' && flags.output !== 'json') {
        io.stderr(`error: Invalid --output: "${flags.output}" is not one of text, json.`);
        return CHECK_KEY_EXIT.failed;
    }
    let config;
    try {
        config = resolveKeyCheckConfig({
            ...(0,cli_io/* readCredentials */.L1)(flags, io.env),
            warnDays: flags.warnDays,
            failDays: flags.failDays,
            expiresAt: flags.expiresAt,
            requiredScopes: flags.requiredScopes
        }, CHECK_KEY_CLI_INPUT_NAMES, 'cli');
    }
    catch (err) {
        // A usage error: the one line that says what to fix, no report (nothing was checked).
        logger.error((0,errors/* toEchopointError */.HT)(err).userMessage);
        return CHECK_KEY_EXIT.failed;
    }
    let result;
    try {
        result = await (0,check/* checkKey */.yR)(config, {
            clock: clock/* systemClock */.ml,
            logger,
            signal: io.signal,
            userAgent: `echopoint-ci-cli/${version/* VERSION */.x}`
        });
    }
    catch (err) {
        result = (0,check/* failedCheckResult */.pq)((0,errors/* toEchopointError */.HT)(err));
    }
    for (const message of result.messages) {
        if (message.level === 'info')
            logger.debug(message.text);
        else if (message.level === 'notice')
            io.stderr(`notice: ${(0,report_escape/* oneLine */.TN)(message.text, 4000)}`);
        else
            logger[message.level](message.text);
    }
    if (flags.output === 'json')
        io.stdout(JSON.stringify(checkKeyDocument(result), null, 2));
    else
        io.stdout(renderText(result, clock/* systemClock */.ml.now()));
    return result.passed ? CHECK_KEY_EXIT.passed : CHECK_KEY_EXIT.failed;
}
function checkKeyCommandDefinition(io, setExit) {
    const command = new esm/* Command */.uB('check-key')
        .description('Check the API key: is it valid, when does it expire, does it have the scopes CI needs (for a scheduled job)')
        .option('--warn-days <n>', (0,cli_io/* describeDefault */.ZA)('warn (exit 0) when fewer than this many whole days are left', DEFAULT_WARN_DAYS))
        .option('--fail-days <n>', (0,cli_io/* describeDefault */.ZA)('fail (exit 3) when fewer than this many whole days are left, or expired; at most --warn-days', DEFAULT_FAIL_DAYS))
        .option('--expires-at <date>', 'the expiry (2026-03-31 or RFC 3339), used only when the API does not report it')
        .option('--required-scopes <scopes>', (0,cli_io/* describeDefault */.ZA)('comma-separated scopes the key must have', DEFAULT_REQUIRED_SCOPES.join(',')))
        .addOption((0,cli_io/* optionWithDefault */.h6)('--output <format>', 'text or json on stdout', 'text'))
        .option('-v, --verbose', 'debug logging, including where the expiry came from (never shows the key)');
    (0,cli_io/* credentialOptions */.Kn)(command);
    command
        .addHelpText('after', `
Examples:
  $ export ECHOPOINT_API_KEY=... ECHOPOINT_ORGANIZATION_ID=org_abc123
  $ echopoint-ci check-key
  $ echopoint-ci check-key --warn-days 30 --fail-days 7 --required-scopes flows:execute,flows:read
  $ echopoint-ci check-key --expires-at 2026-03-31 --output json

The expiry comes from, in order: expires_at of GET /api-keys/self, the
X-Api-Key-Expires-At response header, --expires-at.

Exit codes:
  0  ok, expiring (fewer than --warn-days left: a warning), never expires (a warning), or expiry unknown (a notice)
  3  invalid (HTTP 401: wrong, revoked or expired), expired, fewer than --fail-days left,
     a missing --required-scopes scope, a key of another organization, a usage or API error`)
        .action(async (flags) => {
        setExit(await checkKeyCommand(flags, io));
    });
    return command;
}


/***/ })

};
