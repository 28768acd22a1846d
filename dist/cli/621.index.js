export const id = 621;
export const ids = [621,489];
export const modules = {

/***/ 17621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionPaths: () => (/* binding */ actionPaths),
  demoCommand: () => (/* binding */ demoCommand),
  demoCommandDefinition: () => (/* binding */ demoCommandDefinition),
  exampleFlowsDir: () => (/* binding */ exampleFlowsDir),
  runnerInputEnv: () => (/* binding */ runnerInputEnv)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(48179);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/demo-service/fixtures.ts
/**
 * A sandbox fixture whose flows run against the demo service: the example flow
 * files (examples/flows), as flows of an organization `org_local`, tagged
 * `local`, with the service's URL as their `baseUrl` input. The demo runs them
 * with `runner: ephemeral`: the step claims each execution and runs it here,
 * where the service is reachable on loopback.
 */


const LOCAL_ORG = 'org_local';
const LOCAL_KEY = 'epk_live_local_service_ci';
/** The example flows, with fixed ids. */
const LOCAL_FLOWS = [
    { id: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d01', file: 'widgets-crud.json', tags: ['local'] },
    { id: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d02', file: 'failing-on-purpose.json', tags: ['local'] },
    { id: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d07', file: 'batch-loop.json', tags: ['local'] }
];
/** A flow definition in Echopoint's format as a fixture flow (its nodes, edges and inputs). */
function fixtureFlowOf(id, tags, definition, inputs, organizationId = LOCAL_ORG) {
    return {
        id,
        organization_id: organizationId,
        name: definition.name,
        tags: [...tags],
        inputs,
        nodes: definition.nodes.map((n) => ({
            id: n.id,
            display_name: n.display_name ?? n.id,
            type: n.type,
            config: n.data ?? {},
            ...(n.run_when ? { run_when: n.run_when } : {}),
            ...(n.assertions ? { assertions: n.assertions } : {}),
            ...(n.outputs ? { outputs: n.outputs } : {})
        })),
        edges: (definition.edges ?? []).map((e) => ({
            source: e.source,
            target: e.target,
            type: e.type ?? 'success'
        })),
        // Used only by a cloud run (simulated); an ephemeral run runs the definition.
        simulation: { outcome: 'passed', duration_ms: 500 }
    };
}
/** The fixture: one organization, one CI key (flows:read, flows:execute), the example flows. */
function localServiceFixtures(serviceUrl, examplesDir) {
    const flows = LOCAL_FLOWS.map(({ id, file, tags }) => {
        const definition = JSON.parse((0,external_node_fs_.readFileSync)([examplesDir, file].join(external_node_path_.sep), 'utf8'));
        const defaults = (definition.initial_inputs ?? {});
        const inputs = Object.fromEntries(Object.entries(defaults).map(([name, value]) => [
            name,
            name === 'baseUrl'
                ? { value: serviceUrl }
                : { value, ...(name === 'password' ? { secret: true } : {}) }
        ]));
        return fixtureFlowOf(id, tags, definition, inputs);
    });
    return withLocalKey(flows);
}
/** A fixture with `flows` in the organization `org_local` and its CI key (flows:read, flows:execute). */
function withLocalKey(flows) {
    return {
        organizations: [{ id: LOCAL_ORG, name: 'Local service team' }],
        api_keys: [
            {
                id: 'key_local_ci',
                key: LOCAL_KEY,
                name: 'CI (ephemeral runner)',
                organization_id: LOCAL_ORG,
                permissions: ['flows:read', 'flows:execute'],
                expires_in_days: 90
            }
        ],
        default: { organization_id: LOCAL_ORG, api_key_id: 'key_local_ci' },
        flows
    };
}

// EXTERNAL MODULE: ./src/demo-service/server.ts
var server = __webpack_require__(17014);
// EXTERNAL MODULE: ./src/sandbox/index.ts + 25 modules
var src_sandbox = __webpack_require__(92392);
;// CONCATENATED MODULE: ./src/cli/github-files.ts
/**
 * Reads the files a GitHub runner gives an action (`GITHUB_OUTPUT`), and turns
 * the workflow commands an action prints (`::error title=…::message`) into the
 * lines a person sees in the Actions log. The demo uses both to show the action
 * exactly as it runs on GitHub; tests use them to read the action's outputs.
 */
/**
 * Parses a GITHUB_OUTPUT file: `name=value` lines and heredoc blocks
 * `name<<DELIMITER` … `DELIMITER`, as @actions/core writes them.
 */
function parseGithubOutput(text) {
    const outputs = {};
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
        if (heredoc) {
            const [, name, delimiter] = heredoc;
            const value = [];
            for (i++; i < lines.length && lines[i] !== delimiter; i++)
                value.push(lines[i]);
            outputs[name] = value.join('\n');
            continue;
        }
        const eq = line.indexOf('=');
        if (eq > 0)
            outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return outputs;
}
function unescapeData(text) {
    return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(text) {
    return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}
/**
 * Renders one line of an action's stdout the way the Actions log shows it:
 * `::add-mask::` lines are consumed by the runner and never shown, `::debug::`
 * only with debug on, `::error::`/`::warning::`/`::notice::` with their titles.
 * Returns undefined for lines the log would not show.
 */
function renderRunnerLine(line, showDebug = false) {
    const command = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
    if (!command)
        return line;
    const [, name, props = '', data] = command;
    const title = /title=([^,]*)/.exec(props.trim())?.[1];
    const message = unescapeData(data);
    const titled = title ? `${unescapeProperty(title)}: ${message}` : message;
    switch (name) {
        case 'add-mask':
        case 'set-output':
        case 'save-state':
        case 'stop-commands':
            return undefined;
        case 'debug':
            return showDebug ? `##[debug]${message}` : undefined;
        case 'error':
            return `Error: ${titled}`;
        case 'warning':
            return `Warning: ${titled}`;
        case 'notice':
            return `Notice: ${titled}`;
        case 'group':
            return `▸ ${message}`;
        case 'endgroup':
            return undefined;
        default:
            return line;
    }
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/commands/flow-run.ts
var flow_run = __webpack_require__(10489);
;// CONCATENATED MODULE: ./src/cli/commands/demo.ts
/**
 * `echopoint-ci demo` (and `npm run demo`): starts the sandbox with the shipped
 * fixture and runs the bundled action (dist/index.js) exactly as the GitHub
 * runner does: inputs as INPUT_* variables with action.yml's defaults, and
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Then prints the action's log,
 * its outputs and its job summary, and stops the sandbox. Last, it runs two of
 * the example flow files with the flow engine against a small local service
 * (`flow run`), as a CI job would test the service it started.
 */















/**
 * The bundled action and its action.yml, found next to the bundled CLI
 * (dist/cli/index.js → dist/index.js and action.yml). The paths are joined as
 * plain strings on purpose: ncc rewrites `new URL('…', import.meta.url)` and
 * `path.join(__dirname, …)` into copied assets, which would run a copy instead.
 */
function actionPaths() {
    const cliDir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    return {
        entry: [cliDir, '..', 'index.js'].join(external_node_path_.sep),
        actionYml: [cliDir, '..', '..', 'action.yml'].join(external_node_path_.sep)
    };
}
/** The runner passes every input as INPUT_<NAME> (upper case, spaces to _), defaults from action.yml included. */
async function runnerInputEnv(actionYml, inputs) {
    const env = {};
    const definition = (0,dist/* parse */.qg)(await (0,promises_.readFile)(actionYml, 'utf8'));
    const all = {
        ...Object.fromEntries(Object.entries(definition.inputs ?? {}).map(([k, v]) => [k, String(v.default ?? '')])),
        ...inputs
    };
    for (const [name, value] of Object.entries(all)) {
        env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    return env;
}
/** Runs dist/index.js as a GitHub runner does (INPUT_* variables, output and summary files), showing its log. */
async function runBundledAction(run, inputs) {
    const { entry, actionYml, work, outputFile, summaryFile, say } = run;
    const inputEnv = await runnerInputEnv(actionYml, inputs);
    const env = {
        ...process.env,
        ...inputEnv,
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_REPOSITORY: 'echopoint/demo-shop',
        GITHUB_WORKFLOW: 'Echopoint demo',
        GITHUB_JOB: 'api-tests',
        GITHUB_RUN_ID: String(Date.now()),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SHA: (0,external_node_crypto_.randomUUID)().replace(/-/g, '').padEnd(40, '0').slice(0, 40),
        GITHUB_REF: 'refs/heads/main',
        GITHUB_ACTOR: 'demo-user',
        RUNNER_TEMP: work
    };
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let buffered = '';
        const onData = (chunk) => {
            buffered += chunk.toString('utf8');
            const lines = buffered.split('\n');
            buffered = lines.pop() ?? '';
            for (const line of lines) {
                const shown = renderRunnerLine(line);
                if (shown !== undefined)
                    say(`   │ ${shown}`);
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('error', reject);
        child.on('close', (code) => {
            if (buffered)
                onData(Buffer.from('\n'));
            resolve(code ?? 1);
        });
    });
}
async function demoCommand(flags, io) {
    const { entry, actionYml } = actionPaths();
    if (!(0,external_node_fs_.existsSync)(entry) || !(0,external_node_fs_.existsSync)(actionYml)) {
        io.stderr(`error: the bundled action is missing (${entry}); run npm run build first`);
        return 3;
    }
    const tags = flags.tags ?? 'smoke, regression';
    const sandbox = await (0,src_sandbox/* startSandbox */.OT)({ port: 0 });
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'echopoint-demo-'));
    const say = io.stdout;
    try {
        const outputFile = (0,external_node_path_.join)(work, 'github_output');
        const summaryFile = (0,external_node_path_.join)(work, 'step_summary.md');
        await (0,promises_.writeFile)(outputFile, '');
        await (0,promises_.writeFile)(summaryFile, '');
        say('━━ echopoint-ci demo ━━');
        say('');
        say(`1. Started the Echopoint sandbox at ${sandbox.url} with the shipped demo fixture`);
        say(`   (organization ${sandbox.organizationId}; one flow fails on purpose, so you can see a failure report).`);
        say('');
        say('2. Running the bundled action (dist/index.js) the way a GitHub runner runs this step:');
        say('');
        say('     - uses: echopoint/echopoint-ci@v1');
        say('       with:');
        say('         api-key: ${{ secrets.ECHOPOINT_API_KEY }}');
        say('         organization-id: ${{ vars.ECHOPOINT_ORGANIZATION_ID }}');
        say(`         tags: ${tags}`);
        say('');
        say('   ┌─ action log');
        const exitCode = await runBundledAction({ entry, actionYml, work, outputFile, summaryFile, say }, {
            'api-key': sandbox.apiKey,
            'organization-id': sandbox.organizationId,
            'api-url': sandbox.url,
            tags
        });
        say(`   └─ the step ${exitCode === 0 ? 'passed' : 'failed'} (exit code ${exitCode})`);
        say('');
        const outputs = parseGithubOutput(await (0,promises_.readFile)(outputFile, 'utf8'));
        say('3. Step outputs (steps.<id>.outputs.*):');
        say('');
        for (const [name, value] of Object.entries(outputs)) {
            if (name === 'results-json')
                continue;
            say(`     ${name.padEnd(16)} ${value === '' ? '(empty)' : value}`);
        }
        say(`     ${'results-json'.padEnd(16)} (the results document, ${outputs['results-json']?.length ?? 0} characters of JSON; see README)`);
        say('');
        say('4. Job summary (GITHUB_STEP_SUMMARY, rendered as Markdown on the run page):');
        say('');
        for (const line of (await (0,promises_.readFile)(summaryFile, 'utf8')).trimEnd().split('\n'))
            say(`     ${line}`);
        say('');
        if (!outputs.status) {
            say('The action did not report a status: something is wrong with the build.');
            return 1;
        }
        say(outputs.status === 'failed'
            ? 'The step failed, as it should: a flow in the demo fixture fails on purpose, and the kit is strict.'
            : `The run ended with status ${outputs.status}.`);
        await demoEphemeral({ entry, actionYml, work, say });
        await demoLocalFlows(say, io);
        say('Next: add the step to a workflow (README, "Quickstart"), or try the CLI against `echopoint-ci sandbox`.');
        return 0;
    }
    finally {
        await sandbox.close();
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
/** The example flow files, beside the package (examples/flows), when they are there. */
function exampleFlowsDir() {
    const cliDir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    return [cliDir, '..', '..', 'examples', 'flows'].join(external_node_path_.sep);
}
/**
 * Step 5: the same action with `runner: ephemeral`, against a service the demo
 * starts on localhost: each execution is claimed and run in this job.
 */
async function demoEphemeral(run) {
    const dir = exampleFlowsDir();
    if (!LOCAL_FLOWS.every((f) => (0,external_node_fs_.existsSync)([dir, f.file].join(external_node_path_.sep))))
        return;
    const { say, work } = run;
    const service = await (0,server/* startDemoService */.f)();
    let sandbox;
    try {
        sandbox = await (0,src_sandbox/* startSandbox */.OT)({ port: 0, fixtures: localServiceFixtures(service.url, dir) });
        const outputFile = (0,external_node_path_.join)(work, 'github_output_ephemeral');
        const summaryFile = (0,external_node_path_.join)(work, 'step_summary_ephemeral.md');
        await (0,promises_.writeFile)(outputFile, '');
        await (0,promises_.writeFile)(summaryFile, '');
        say('');
        say('5. The ephemeral runner: flows that test a service this job started');
        say('');
        say(`   A small REST service is listening at ${service.url} (as \`npm start &\` would in a`);
        say("   workflow). Echopoint's cloud cannot reach localhost, so the step claims each");
        say("   execution and runs it here with the kit's flow engine, then reports it:");
        say('');
        say('     - uses: echopoint/echopoint-ci@v1');
        say('       with:');
        say('         api-key: ${{ secrets.ECHOPOINT_API_KEY }}');
        say('         organization-id: ${{ vars.ECHOPOINT_ORGANIZATION_ID }}');
        say('         tags: local');
        say('         runner: ephemeral');
        say('');
        say('   ┌─ action log');
        const exitCode = await runBundledAction({ ...run, outputFile, summaryFile }, {
            'api-key': LOCAL_KEY,
            'organization-id': LOCAL_ORG,
            'api-url': sandbox.url,
            tags: 'local',
            runner: 'ephemeral'
        });
        say(`   └─ the step ${exitCode === 0 ? 'passed' : 'failed'} (exit code ${exitCode})`);
        const outputs = parseGithubOutput(await (0,promises_.readFile)(outputFile, 'utf8'));
        say(`   Outputs: status ${outputs.status ?? '(none)'}, ${outputs.passed ?? '?'} of ${outputs.total ?? '?'} passed. The service saw ${service.requests.length} requests from the flows, the cleanup DELETEs included.`);
        say('');
    }
    finally {
        await sandbox?.close();
        await service.close();
    }
}
/** Step 6: flow files run on this machine by the flow engine, against a tiny local service. */
async function demoLocalFlows(say, io) {
    const dir = exampleFlowsDir();
    const files = ['widgets-crud.json', 'failing-on-purpose.json'].map((f) => [dir, f].join(external_node_path_.sep));
    if (!files.every((f) => (0,external_node_fs_.existsSync)(f)))
        return;
    const service = await (0,server/* startDemoService */.f)();
    try {
        say('6. Flow files run on this machine (echopoint-ci flow run), against a small service');
        say(`   the demo started at ${service.url}: no account, no API, the service is on localhost.`);
        for (const file of files) {
            say('');
            say(`   $ echopoint-ci flow run examples/flows/${(0,external_node_path_.basename)(file)} --input baseUrl=${service.url}`);
            const indent = (text) => {
                for (const line of text.split('\n'))
                    say(`     ${line}`);
            };
            const code = await (0,flow_run.flowRunCommand)(file, { input: [`baseUrl=${service.url}`] }, { env: { ...io.env, CI: 'true' }, stdout: indent, stderr: indent, signal: io.signal });
            say(`     (exit code ${code})`);
        }
        say('');
    }
    finally {
        await service.close();
    }
}
function demoCommandDefinition(io, setExit) {
    return new esm/* Command */.uB('demo')
        .description('Run the bundled action end to end against the built-in sandbox, and show its log, outputs and job summary')
        .addOption((0,cli_io/* optionWithDefault */.h6)('--tags <tags>', 'tags to select in the demo fixture', 'smoke, regression'))
        .addHelpText('after', '\nExamples:\n  $ npx echopoint-ci demo\n  $ npx echopoint-ci demo --tags smoke')
        .action(async (flags) => {
        setExit(await demoCommand(flags, io));
    });
}


/***/ }),

/***/ 62031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readFlowFile)
/* harmony export */ });
/* unused harmony export MAX_FLOW_FILE_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/** Reading flow definition files (and other JSON files the flow commands take), bounded. */

/** Largest flow file read (a flow of thousands of nodes is far smaller). */
const MAX_FLOW_FILE_BYTES = 16 * 1024 * 1024;
async function readFlowFile(path) {
    let text;
    try {
        const buffer = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path);
        if (buffer.length > MAX_FLOW_FILE_BYTES) {
            return { error: `it is larger than ${MAX_FLOW_FILE_BYTES / 1024 / 1024} MiB` };
        }
        text = buffer.toString('utf8');
    }
    catch (err) {
        const code = err.code;
        return {
            error: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(err)})`
        };
    }
    try {
        return { json: JSON.parse(text) };
    }
    catch (err) {
        return { error: `is not JSON (${err.message})` };
    }
}


/***/ }),

/***/ 10489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   flowRunCommand: () => (/* binding */ flowRunCommand)
/* harmony export */ });
/* unused harmony exports parseAssignment, renderFlowTable */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98571);
/* harmony import */ var _core_input_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92154);
/* harmony import */ var _core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8547);
/* harmony import */ var _core_run_local_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56874);
/* harmony import */ var _core_run_results_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92495);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9851);
/* harmony import */ var _flow_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62031);
/**
 * `echopoint-ci flow run FILE`: runs a flow definition file on this machine with
 * the flow engine, with no account and no API (docs/interface.md §3). Inputs come
 * from the flow's defaults, then `--inputs-file`, then `--input`/`--secret`
 * (secret values are hidden in everything printed). A module node's flow is
 * read from `FLOW_ID.json` next to the file. Exit 0 passed, 1 failed, 2
 * cancelled, 3 invalid flow or usage, 4 timeout.
 */








/** The longest `--timeout` (as for `run`). */
const MAX_TIMEOUT_MS = 24 * 3_600_000;
class UsageError extends Error {
}
/** `NAME=VALUE`: the value as JSON when it is JSON (`3`, `true`, `{"a":1}`), else as text. */
function parseAssignment(text, flag) {
    const eq = text.indexOf('=');
    if (eq <= 0) {
        throw new UsageError(`${flag} "${(0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(text, 80)}" is not NAME=VALUE (for example ${flag} baseUrl=http://localhost:3000)`);
    }
    const name = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1);
    if (name === '')
        throw new UsageError(`${flag} "${(0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(text, 80)}" has no name before "="`);
    try {
        return [name, JSON.parse(raw)];
    }
    catch {
        return [name, raw];
    }
}
async function readInputsFile(path) {
    const read = await (0,_flow_files_js__WEBPACK_IMPORTED_MODULE_6__/* .readFlowFile */ .j)(path);
    if (read.error !== undefined)
        throw new UsageError(`--inputs-file ${path}: ${read.error}`);
    const value = read.json;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UsageError(`--inputs-file ${path}: must hold a JSON object of input names to values`);
    }
    return value;
}
/** Every module's flow, read from `FLOW_ID.json` beside the flow file (recursively). */
async function readReferencedFlows(dir, ids, root) {
    const found = {};
    const queue = ids(root);
    while (queue.length > 0) {
        const id = queue.shift();
        if (found[id] !== undefined || !/^[\w.-]+$/.test(id))
            continue;
        const read = await (0,_flow_files_js__WEBPACK_IMPORTED_MODULE_6__/* .readFlowFile */ .j)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, `${id}.json`));
        if (read.error !== undefined)
            continue;
        found[id] = { flow_definition: read.json };
        queue.push(...ids(read.json));
    }
    return found;
}
const SYMBOL = {
    completed: { mark: '✔', color: 32, plain: 'PASS' },
    failed: { mark: '✖', color: 31, plain: 'FAIL' },
    skipped: { mark: '○', color: 2, plain: 'SKIP' }
};
function nodeLine(node, terminal) {
    const style = SYMBOL[node.status] ?? SYMBOL.failed;
    const text = `${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(node.display_name, 80)} (${node.node_type}) ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(node.duration_ms ?? 0)}`;
    if (!terminal)
        return `${style.plain.padEnd(5)}${text}`;
    return `\u001b[${style.color}m${style.mark}\u001b[0m ${text}`;
}
/** The result table: one line per node, the failed assertion's expected and actual values, the verdict. */
function renderFlowTable(flow) {
    const lines = [];
    const width = Math.max(4, ...flow.nodes.map((n) => Math.min(50, (0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(n.display_name).length)));
    for (const node of flow.nodes) {
        const label = (SYMBOL[node.status] ?? SYMBOL.failed).plain;
        lines.push(`${label.padEnd(5)} ${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(node.display_name, 50).padEnd(width)}  ${node.node_type.padEnd(12)} ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(node.duration_ms ?? 0)}`);
        if (node.status === 'completed')
            continue;
        const failedAssertions = node.assertions.filter((x) => !x.passed);
        // An assertion failure is shown as expected vs actual; any other failure by its message.
        if (node.error_message && failedAssertions.length === 0)
            lines.push(`      ${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(node.error_message)}`);
        for (const a of failedAssertions) {
            lines.push(`      ${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(a.extractor, 60)} ${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(a.operator, 30)}: expected ${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .showValue */ .vp)(a.expected))}, actual ${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .showValue */ .vp)(a.actual))}${a.error ? ` (${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(a.error)})` : ''}`);
        }
    }
    const count = (status) => flow.nodes.filter((n) => n.status === status).length;
    const tally = `${count('completed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
    const verdict = {
        passed: `Flow "${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(flow.flow_name, 80)}" passed`,
        failed: `Flow "${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(flow.flow_name, 80)}" failed`,
        timed_out: `Flow "${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(flow.flow_name, 80)}" timed out (--timeout)`,
        cancelled: `Flow "${(0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .oneLine */ .TN)(flow.flow_name, 80)}" was cancelled`
    };
    lines.push('', `${verdict[flow.status] ?? flow.status} (${tally}; ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(flow.duration_ms ?? 0)})`);
    return lines.join('\n');
}
async function flowRunCommand(file, flags, io) {
    const fail = (message) => {
        io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(`error: ${message}`));
        return _core_run_results_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT_CODES */ .ai.error;
    };
    const output = flags.output ?? 'table';
    if (output !== 'table' && output !== 'json') {
        return fail(`--output "${(0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(output, 40)}" is not one of table, json.`);
    }
    let timeoutMs;
    if (flags.timeout !== undefined) {
        timeoutMs = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E)(flags.timeout);
        if (timeoutMs === undefined || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
            return fail(`--timeout "${(0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(flags.timeout, 40)}" is not a duration between 1ms and 24h (for example 90s, 5m, 1h30m).`);
        }
    }
    const junit = flags.junit === undefined ? undefined : (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_2__/* .usablePath */ .ou)(flags.junit);
    if (flags.junit !== undefined && junit === undefined) {
        return fail('--junit is empty or contains a control character; use a plain file path.');
    }
    const inputs = {};
    const secretKeys = [];
    try {
        if (flags.inputsFile !== undefined)
            Object.assign(inputs, await readInputsFile(flags.inputsFile));
        for (const text of flags.input ?? []) {
            const [name, value] = parseAssignment(text, '--input');
            inputs[name] = value;
        }
        for (const text of flags.secret ?? []) {
            const [name, value] = parseAssignment(text, '--secret');
            inputs[name] = value;
            secretKeys.push(name);
        }
    }
    catch (err) {
        if (err instanceof UsageError)
            return fail(err.message);
        throw err;
    }
    const read = await (0,_flow_files_js__WEBPACK_IMPORTED_MODULE_6__/* .readFlowFile */ .j)(file);
    if (read.error !== undefined)
        return fail(`${file}: ${read.error}`);
    const engine = await Promise.all(/* import() */[__webpack_require__.e(20), __webpack_require__.e(695), __webpack_require__.e(981), __webpack_require__.e(257)]).then(__webpack_require__.bind(__webpack_require__, 55981));
    const { moduleTargets } = await __webpack_require__.e(/* import() */ 699).then(__webpack_require__.bind(__webpack_require__, 51699));
    const { parseFlow } = await __webpack_require__.e(/* import() */ 501).then(__webpack_require__.bind(__webpack_require__, 46501));
    const referencedFlows = await readReferencedFlows((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file), (definition) => moduleTargets(parseFlow(definition).flow).map((t) => t.flowId), read.json);
    const { flow, problems } = engine.loadFlow(read.json, {
        inputs: Object.keys(inputs),
        referencedFlows
    });
    if (problems.length > 0) {
        io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(`error: ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in "${flow.name}"; nothing was run`));
        for (const p of problems) {
            io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(`- ${p.node ? `node ${p.node}, ` : ''}${p.field}: ${p.message}`));
        }
        if (problems.some((p) => p.message.startsWith('MODULE_FLOW_NOT_FOUND'))) {
            io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(`A module's flow is read from FLOW_ID.json beside ${file} (save it with: echopoint-ci flow pull FLOW_ID --out ${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file), 'FLOW_ID.json')}).`));
        }
        return _core_run_results_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT_CODES */ .ai.error;
    }
    // Stops: --timeout (exit 4) and Ctrl-C / SIGTERM (exit 2).
    const controller = new AbortController();
    let stopped;
    const stop = (why) => {
        stopped ??= why;
        controller.abort();
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => stop('timed_out'), timeoutMs);
    const onCancel = () => stop('cancelled');
    io.signal?.addEventListener('abort', onCancel, { once: true });
    const terminal = (0,_progress_js__WEBPACK_IMPORTED_MODULE_5__/* .wantsLiveProgress */ .TH)(io.progress ?? process.stderr, io.env);
    const { localNodeStatus } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 56874));
    let result;
    try {
        result = await engine.runFlow(flow, {
            inputs,
            secretInputKeys: secretKeys,
            signal: controller.signal,
            referencedFlows,
            observer: {
                nodeFinished: ({ result: node }) => {
                    io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(nodeLine({
                        display_name: node.display_name,
                        node_type: node.node_type,
                        duration_ms: node.duration_ms,
                        status: localNodeStatus(node)
                    }, terminal)));
                }
            }
        });
    }
    finally {
        if (timer !== undefined)
            clearTimeout(timer);
        io.signal?.removeEventListener('abort', onCancel);
    }
    const report = (0,_core_run_local_result_js__WEBPACK_IMPORTED_MODULE_3__/* .flowReportFromResult */ .a)(result, {
        flow_id: file,
        flow_name: flow.name,
        ...(stopped ? { stopped } : {}),
        order: flow.nodes.map((n) => n.id)
    });
    const results = (0,_core_run_results_js__WEBPACK_IMPORTED_MODULE_4__/* .buildResults */ .rq)([report], result.duration_ms);
    if (junit !== undefined) {
        try {
            const { writeJunitReport } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(490)]).then(__webpack_require__.bind(__webpack_require__, 46490));
            const written = await writeJunitReport(junit, results);
            io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(`JUnit report written to ${written}`));
        }
        catch (err) {
            io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(`warning: could not write the JUnit report to ${junit}: ${err.message}`));
        }
    }
    for (const warning of result.warnings ?? [])
        io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertLine */ .Fq)(`warning: ${warning}`));
    if (output === 'json') {
        io.stdout(JSON.stringify(result, null, 2).replace(/##\[/g, '#\\u0023['));
    }
    else {
        io.stdout((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .inertText */ .UJ)(renderFlowTable(report).replace(_core_report_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .UNSAFE_EXCEPT_LF */ .YN, ' ')));
    }
    return _core_run_results_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT_CODES */ .ai[report.status];
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

/***/ 17014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ startDemoService)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/**
 * A tiny in-memory REST service for flows to test: the demo starts it next to
 * the sandbox, the example flows under examples/flows/ run against it, and the
 * engine's tests use it as "the service the CI job started". Loopback only.
 *
 * Routes (JSON unless said):
 * - `GET /health` → `{status: "ok"}`
 * - `POST /login` `{username, password}` → `{token}` (any password but "wrong")
 * - `POST /widgets` `{name, ...}` → 201 the widget with an `id`; 400 without a name;
 *   401 when an `Authorization` header is present but is not `Bearer <token>`
 * - `GET /widgets` → `{items, total}`; `GET|DELETE /widgets/{id}` → 200 / 204, 404 if unknown
 * - `POST /jobs` → 202 `{id, status: "pending"}`; `GET /jobs/{id}` → `pending`
 *   for the first two reads, then `done`
 * - `GET /status/{code}` → that status; `GET /slow/{ms}` → answers after ms
 * - `GET /echo` (any method) → `{method, path, query, headers, body}`
 * - `GET /events` → a text/event-stream of three `tick` events then `done`
 */


const MAX_BODY = 1024 * 1024;
function send(res, status, value) {
    if (value === undefined) {
        res.writeHead(status);
        res.end();
        return;
    }
    const text = JSON.stringify(value);
    res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text)
    });
    res.end(text);
}
function parse(text) {
    if (text === '')
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** Starts the service on 127.0.0.1 (port 0: any free port). */
async function startDemoService(port = 0) {
    const widgets = new Map();
    const jobs = new Map();
    const tokens = new Set();
    const requests = [];
    const timers = new Set();
    const handle = (req, res, raw) => {
        const url = new URL(req.url ?? '/', 'http://service');
        const method = req.method ?? 'GET';
        const path = url.pathname;
        requests.push(`${method} ${path}`);
        const body = parse(raw);
        const parts = path.split('/').filter(Boolean);
        const auth = req.headers.authorization;
        if (auth !== undefined && !tokens.has(auth.replace(/^Bearer /, ''))) {
            return send(res, 401, { error: 'invalid token' });
        }
        if (path === '/health')
            return send(res, 200, { status: 'ok' });
        if (path === '/login' && method === 'POST') {
            const b = (body ?? {});
            if (typeof b.username !== 'string' || b.password === 'wrong') {
                return send(res, 401, { error: 'bad credentials' });
            }
            const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
            tokens.add(token);
            return send(res, 200, { token, user: b.username });
        }
        if (parts[0] === 'widgets') {
            if (parts.length === 1 && method === 'POST') {
                const b = body;
                if (!b || typeof b !== 'object' || typeof b.name !== 'string' || b.name === '') {
                    return send(res, 400, { error: 'name is required' });
                }
                const widget = { ...b, id: `wdg_${widgets.size + 1}_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)().slice(0, 8)}` };
                widgets.set(widget.id, widget);
                return send(res, 201, widget);
            }
            if (parts.length === 1 && method === 'GET') {
                const items = [...widgets.values()];
                return send(res, 200, { items, total: items.length });
            }
            const widget = widgets.get(parts[1] ?? '');
            if (!widget)
                return send(res, 404, { error: 'no such widget' });
            if (method === 'DELETE') {
                widgets.delete(parts[1]);
                return send(res, 204);
            }
            return send(res, 200, widget);
        }
        if (parts[0] === 'jobs') {
            if (parts.length === 1 && method === 'POST') {
                const id = `job_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)().slice(0, 8)}`;
                jobs.set(id, 0);
                return send(res, 202, { id, status: 'pending' });
            }
            const reads = jobs.get(parts[1] ?? '');
            if (reads === undefined)
                return send(res, 404, { error: 'no such job' });
            jobs.set(parts[1], reads + 1);
            return send(res, 200, { id: parts[1], status: reads >= 2 ? 'done' : 'pending' });
        }
        if (parts[0] === 'status')
            return send(res, Number(parts[1]) || 200, { status: Number(parts[1]) });
        if (parts[0] === 'slow') {
            const timer = setTimeout(() => {
                timers.delete(timer);
                send(res, 200, { waited: Number(parts[1]) });
            }, Math.min(Number(parts[1]) || 0, 60_000));
            timers.add(timer);
            return;
        }
        if (path === '/echo') {
            return send(res, 200, {
                method,
                path,
                query: Object.fromEntries(url.searchParams),
                headers: req.headers,
                body
            });
        }
        if (path === '/events') {
            res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
            let n = 0;
            const tick = () => {
                n += 1;
                if (n <= 3) {
                    res.write(`event: tick\nid: ${n}\ndata: {"n":${n}}\n\n`);
                    const timer = setTimeout(tick, 10);
                    timers.add(timer);
                }
                else {
                    res.end('event: done\ndata: {"n":4}\n\n');
                }
            };
            tick();
            return;
        }
        send(res, 404, { error: `no route ${method} ${path}` });
    };
    const server = node_http__WEBPACK_IMPORTED_MODULE_0___default().createServer((req, res) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size <= MAX_BODY)
                chunks.push(chunk);
        });
        req.on('end', () => {
            if (size > MAX_BODY)
                return send(res, 413, { error: 'body too large' });
            handle(req, res, Buffer.concat(chunks).toString('utf8'));
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
    });
    const { port: bound } = server.address();
    return {
        url: `http://127.0.0.1:${bound}`,
        requests,
        close: () => new Promise((resolve) => {
            for (const timer of timers)
                clearTimeout(timer);
            server.closeAllConnections();
            server.close(() => resolve());
        })
    };
}


/***/ })

};
