export const id = 489;
export const ids = [489];
export const modules = {

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


/***/ })

};
