export const id = 696;
export const ids = [696];
export const modules = {

/***/ 22696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderWhoami: () => (/* binding */ renderWhoami),
  whoamiCommand: () => (/* binding */ whoamiCommand),
  whoamiCommandDefinition: () => (/* binding */ whoamiCommandDefinition)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(48179);
// EXTERNAL MODULE: ./src/core/api/client.ts
var client = __webpack_require__(57825);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(32257);
// EXTERNAL MODULE: ./src/core/credentials.ts
var core_credentials = __webpack_require__(72633);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/key/check.ts
var check = __webpack_require__(95111);
// EXTERNAL MODULE: ./src/core/key/expiry.ts
var key_expiry = __webpack_require__(82588);
// EXTERNAL MODULE: ./src/core/run/preflight.ts
var preflight = __webpack_require__(16150);
// EXTERNAL MODULE: ./src/core/key/scopes.ts
var scopes = __webpack_require__(83186);
;// CONCATENATED MODULE: ./src/core/key/whoami.ts




/** Builds the report from what `GET /api-keys/self` answered. Pure. */
function keyReport(info, now, headerValue) {
    const { key } = info;
    const expiry = (0,check/* resolveExpiry */.YP)(info, headerValue);
    return {
        key_id: key.api_key_id,
        key_name: typeof key.name === 'string' && key.name !== '' ? key.name : null,
        organization_id: key.organization_id,
        permissions: [...key.permissions],
        expires_at: expiry.expiresAt ?? null,
        expires_at_source: expiry.source ?? null,
        never_expires: expiry.expiresAt === null,
        days_left: typeof expiry.expiresAt === 'string' ? (0,key_expiry/* daysLeft */.H_)(expiry.expiresAt, now) : null,
        modes: scopes/* CI_MODES */.sW.map((mode) => {
            const missing = (0,scopes/* missingScopes */["if"])(mode.scopes, key.permissions);
            return {
                mode: mode.mode,
                label: mode.label,
                scopes: [...mode.scopes],
                can_run: missing.length === 0,
                missing_scopes: missing
            };
        })
    };
}
/** Asks the API who the key is (`GET /api-keys/self`) and builds the report. */
async function whoami(api, now, signal, surface = 'action') {
    const info = await (0,preflight/* fetchKeyInfo */.q5)(api, signal, surface);
    return keyReport(info, now(), api.keyExpiresAtHeader);
}

// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(83323);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/logger.ts
var cli_logger = __webpack_require__(12280);
;// CONCATENATED MODULE: ./src/cli/commands/whoami.ts
/**
 * `echopoint-ci whoami`: the key's id, name, organization, scopes and expiry, and
 * for each CI mode (docs/api-contract.md part B) whether this key can run it. Only
 * `GET /api-keys/self` is called, so the organization ID is optional; when it
 * is given and differs from the key's, a warning says so.
 */











function expiryText(report, now) {
    if (report.never_expires)
        return 'never (create keys with an expiration date)';
    if (report.expires_at === null) {
        return 'unknown (the API does not report it; check-key accepts --expires-at)';
    }
    const source = report.expires_at_source
        ? `; from ${(0,check/* expirySourceLabel */.DE)(report.expires_at_source, 'cli')}`
        : '';
    return `${(0,check/* expiryDate */.Sd)(report.expires_at, now)}${source}`;
}
/** The text rendering: the key, then one line per CI mode. */
function renderWhoami(report, now) {
    const rows = [
        ['Key', `${report.key_id}${report.key_name ? ` (${(0,report_escape/* oneLine */.TN)(report.key_name, 100)})` : ''}`],
        ['Organization', report.organization_id],
        ['Scopes', report.permissions.join(', ') || 'none'],
        ['Expires', expiryText(report, now)]
    ];
    const lines = rows.map(([k, v]) => `${k.padEnd(13)} ${v}`);
    const width = Math.max(...report.modes.map((m) => m.label.length));
    lines.push('', `${'CI mode'.padEnd(width)}  can run`);
    for (const mode of report.modes) {
        const answer = mode.can_run ? 'yes' : `no (lacks ${mode.missing_scopes.join(', ')})`;
        lines.push(`${mode.label.padEnd(width)}  ${answer}`);
    }
    return lines.join('\n');
}
/** Runs the command; returns the exit code (0, or 3 for an invalid key, usage or API error). */
async function whoamiCommand(flags, io) {
    const logger = (0,cli_logger/* createCliLogger */.x)({
        verbose: flags.verbose === true,
        write: io.stderr,
        secrets: [(0,cli_io/* readCredentials */.L1)(flags, io.env).apiKey]
    });
    if (flags.output !== 'text' && flags.output !== 'json') {
        io.stderr(`error: Invalid --output: "${flags.output}" is not one of text, json.`);
        return 3;
    }
    let report;
    let organizationId;
    try {
        const credentials = (0,core_credentials/* resolveCredentials */.z8)((0,cli_io/* readCredentials */.L1)(flags, io.env), cli_io/* CLI_CREDENTIAL_NAMES */.wF, {
            organizationRequired: false,
            surface: 'cli'
        });
        organizationId = credentials.organizationId;
        const api = (0,client/* createClient */.U)({
            ...credentials,
            clock: clock/* systemClock */.ml,
            logger,
            userAgent: `echopoint-ci-cli/${version/* VERSION */.x}`,
            names: cli_io/* CLI_CREDENTIAL_NAMES */.wF
        });
        report = await whoami(api, clock/* systemClock */.ml.now, io.signal, 'cli');
    }
    catch (err) {
        io.stderr(`error: ${(0,errors/* toEchopointError */.HT)(err).userMessage}`);
        return 3;
    }
    if (organizationId !== '' && organizationId !== report.organization_id) {
        logger.warning(`The API key belongs to organization ${report.organization_id}, but the organization ID given is ${organizationId}: runs with both would fail.`);
    }
    if (flags.output === 'json')
        io.stdout(JSON.stringify(report, null, 2));
    else
        io.stdout(renderWhoami(report, clock/* systemClock */.ml.now()));
    return 0;
}
function whoamiCommandDefinition(io, setExit) {
    const command = new esm/* Command */.uB('whoami')
        .description("Show the API key's id, name, organization, scopes and expiry, and which CI modes it can run")
        .addOption((0,cli_io/* optionWithDefault */.h6)('--output <format>', 'text or json on stdout', 'text'))
        .option('-v, --verbose', 'debug logging (never shows the key)');
    (0,cli_io/* credentialOptions */.Kn)(command);
    command
        .addHelpText('after', `
Examples:
  $ export ECHOPOINT_API_KEY=...
  $ echopoint-ci whoami
  $ echopoint-ci whoami --output json | jq '.modes[] | select(.can_run | not) | .label'

Exit codes: 0 the key answered, 3 invalid key (HTTP 401), usage or API error.`)
        .action(async (flags) => {
        setExit(await whoamiCommand(flags, io));
    });
    return command;
}


/***/ })

};
