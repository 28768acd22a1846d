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


/***/ }),

/***/ 9851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ LiveProgress),
/* harmony export */   TH: () => (/* binding */ wantsLiveProgress)
/* harmony export */ });
/* unused harmony export ANSI */
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _core_report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8547);


/** ANSI escape sequences (ECMA-48): cursor up, erase to end of screen, cursor visibility. */
const ESC = '\u001b[';
const ANSI = {
    up: (n) => `${ESC}${n}A`,
    eraseDown: `${ESC}J`,
    hideCursor: `${ESC}?25l`,
    showCursor: `${ESC}?25h`
};
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const STYLE = {
    launching: { symbol: '…', label: 'launching', color: 2 },
    pending: { symbol: '○', label: 'pending', color: 2 },
    running: { symbol: '', label: 'running', color: 36 },
    passed: { symbol: '✔', label: 'passed', color: 32 },
    failed: { symbol: '✖', label: 'failed', color: 31 },
    error: { symbol: '✖', label: 'error', color: 31 },
    timed_out: { symbol: '◔', label: 'timed out', color: 33 },
    cancelled: { symbol: '⊘', label: 'cancelled', color: 33 }
};
const IN_FLIGHT = new Set(['launching', 'pending', 'running']);
/** True when live progress should be drawn: stderr is a terminal and this is not a CI log. */
function wantsLiveProgress(stream, env) {
    const ci = (env.CI ?? '').trim().toLowerCase();
    const inCi = ci !== '' && ci !== 'false' && ci !== '0';
    return stream.isTTY === true && !inCi && env.TERM !== 'dumb';
}
/** Cuts `text` to `width` characters (code points), marking the cut with `…`. */
function fit(text, width) {
    const chars = [...text];
    if (chars.length <= width)
        return text;
    return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
class LiveProgress {
    stream;
    now;
    intervalMs;
    timers;
    color;
    startedAt;
    flows = [];
    launchedAt = new Map();
    endedAt = new Map();
    /** Lines of the block on screen now (0: nothing drawn). */
    drawn = 0;
    lastDrawAt = -Infinity;
    dirty = false;
    tick = 0;
    timer;
    stopped = false;
    constructor(options) {
        this.stream = options.stream;
        this.now = options.now ?? Date.now;
        this.intervalMs = options.intervalMs ?? 200;
        this.timers = options.timers ?? {
            setInterval: (callback, ms) => {
                const handle = setInterval(callback, ms);
                // Never keep the process alive for a redraw.
                handle.unref();
                return handle;
            },
            clearInterval: (handle) => clearInterval(handle)
        };
        this.color = options.color ?? true;
        this.startedAt = this.now();
    }
    /** The run's onProgress: new states of the flows. Draws now, or at the next tick if one was just drawn. */
    update(flows) {
        if (this.stopped)
            return;
        const now = this.now();
        for (const f of flows) {
            // Elapsed runs from the launch's answer to the end; a flow first seen already
            // finished (a replayed launch) has no elapsed time we could honestly show.
            if ((f.state === 'pending' || f.state === 'running') && !this.launchedAt.has(f.flow.id))
                this.launchedAt.set(f.flow.id, now);
            if (!IN_FLIGHT.has(f.state) && !this.endedAt.has(f.flow.id))
                this.endedAt.set(f.flow.id, now);
        }
        this.flows = flows;
        this.dirty = true;
        this.timer ??= this.timers.setInterval(() => this.onTick(), this.intervalMs);
        if (now - this.lastDrawAt >= this.intervalMs)
            this.draw();
    }
    /** Prints a log line above the live block (the block is redrawn below it). */
    log(line) {
        if (this.stopped || this.drawn === 0) {
            this.stream.write(`${line}\n`);
            return;
        }
        this.stream.write(`${this.erase()}${line}\n${this.frame()}`);
        this.lastDrawAt = this.now();
        this.dirty = false;
    }
    /** Erases the block, shows the cursor again and stops redrawing. Safe to call twice. */
    stop() {
        if (this.stopped)
            return;
        this.stopped = true;
        if (this.timer !== undefined)
            this.timers.clearInterval(this.timer);
        if (this.drawn > 0)
            this.stream.write(`${this.erase()}${ANSI.showCursor}`);
        this.drawn = 0;
    }
    onTick() {
        this.tick++;
        // Elapsed times and the spinner move while anything is in flight.
        if (this.dirty || this.flows.some((f) => IN_FLIGHT.has(f.state)))
            this.draw();
    }
    draw() {
        if (this.stopped || this.flows.length === 0)
            return;
        const hide = this.drawn === 0 ? ANSI.hideCursor : '';
        this.stream.write(`${hide}${this.erase()}${this.frame()}`);
        this.lastDrawAt = this.now();
        this.dirty = false;
    }
    /** Moves back to the first line of the block and erases it (nothing when none is drawn). */
    erase() {
        return this.drawn > 0 ? `${ANSI.up(this.drawn)}\r${ANSI.eraseDown}` : '';
    }
    /** The block's text; records its height. */
    frame() {
        const lines = this.lines();
        this.drawn = lines.length;
        return lines.map((l) => `${l}\n`).join('');
    }
    paint(text, code) {
        return this.color ? `${ESC}${code}m${text}${ESC}0m` : text;
    }
    /** The block's lines, each cut to the terminal's width so none wraps (wrapping would break the redraw). */
    lines() {
        const now = this.now();
        // A terminal of unknown size reports 0 (or nothing): assume the classic 80×24.
        const width = Math.max(20, (this.stream.columns || 80) - 1);
        const maxRows = Math.max(3, Math.min(30, (this.stream.rows || 24) - 3));
        const done = this.flows.filter((f) => !IN_FLIGHT.has(f.state)).length;
        const running = this.flows.filter((f) => f.state === 'running').length;
        const waiting = this.flows.filter((f) => f.state === 'pending' || f.state === 'launching').length;
        const head = [`${done}/${this.flows.length} done`];
        if (running)
            head.push(`${running} running`);
        if (waiting)
            head.push(`${waiting} waiting`);
        const lines = [
            fit(`Echopoint  ${head.join(' · ')}  ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(now - this.startedAt)}`, width)
        ];
        // With more flows than fit, the ones in flight are kept (in their order), then a count.
        const order = [
            ...this.flows.filter((f) => IN_FLIGHT.has(f.state)),
            ...this.flows.filter((f) => !IN_FLIGHT.has(f.state))
        ];
        const shown = order.length > maxRows ? order.slice(0, maxRows - 1) : order;
        for (const f of this.flows.filter((x) => shown.includes(x))) {
            const style = STYLE[f.state];
            const symbol = f.state === 'running' ? SPINNER[this.tick % SPINNER.length] : style.symbol;
            const since = this.launchedAt.get(f.flow.id);
            const elapsed = since === undefined ? '' : (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)((this.endedAt.get(f.flow.id) ?? now) - since);
            const plain = `${symbol} ${style.label.padEnd(9)} ${elapsed.padStart(7)}  `;
            const name = fit((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(f.flow.name, 200), Math.max(1, width - [...plain].length));
            lines.push(`${this.paint(`${symbol} ${style.label.padEnd(9)}`, style.color)} ${elapsed.padStart(7)}  ${name}`);
        }
        if (shown.length < order.length)
            lines.push(`… and ${order.length - shown.length} more`);
        return lines;
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

/***/ 56874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ flowReportFromResult),
/* harmony export */   localNodeStatus: () => (/* binding */ localNodeStatus)
/* harmony export */ });
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92495);

function localNodeStatus(node) {
    if (node.skip_reason)
        return 'skipped';
    if (node.error_message)
        return 'failed';
    return 'completed';
}
function nodeReport(node) {
    const assertions = (node.assertion_results ?? []).map(_results_js__WEBPACK_IMPORTED_MODULE_0__/* .assertionReport */ .TP);
    return {
        node_id: node.node_id,
        display_name: node.display_name,
        node_type: node.node_type,
        status: localNodeStatus(node),
        duration_ms: typeof node.duration_ms === 'number' ? node.duration_ms : null,
        error_message: node.error_message ?? null,
        assertions
    };
}
function flowReportFromResult(result, meta) {
    const nodes = Object.values(result.execution_results);
    if (meta.order) {
        const rank = new Map(meta.order.map((id, i) => [id, i]));
        nodes.sort((a, b) => (rank.get(a.node_id) ?? 1e9) - (rank.get(b.node_id) ?? 1e9));
    }
    const status = result.success ? 'passed' : (meta.stopped ?? 'failed');
    return {
        flow_id: meta.flow_id,
        flow_name: meta.flow_name,
        execution_id: meta.execution_id ?? null,
        status,
        duration_ms: result.duration_ms,
        error_code: result.success ? null : (result.error_code ?? null),
        error_message: result.success ? null : (result.error_message ?? null),
        url: null,
        nodes: nodes.map(nodeReport)
    };
}


/***/ }),

/***/ 92495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ restatesAssertions),
/* harmony export */   H8: () => (/* binding */ nodeReport),
/* harmony export */   Of: () => (/* binding */ flowStatusOf),
/* harmony export */   Pu: () => (/* binding */ failureLine),
/* harmony export */   TP: () => (/* binding */ assertionReport),
/* harmony export */   ai: () => (/* binding */ EXIT_CODES),
/* harmony export */   d5: () => (/* binding */ elapsedMs),
/* harmony export */   fx: () => (/* binding */ firstFailure),
/* harmony export */   rq: () => (/* binding */ buildResults)
/* harmony export */ });
/* unused harmony exports countFlows, runStatusOf, describeAssertion */
/** Exit code of each status (docs/interface.md section 3); with several flows the highest wins. */
const EXIT_CODES = {
    passed: 0,
    failed: 1,
    cancelled: 2,
    error: 3,
    timed_out: 4
};
/** Maps an execution's terminal status to the flow's status in the report. */
function flowStatusOf(execution) {
    switch (execution.status) {
        case 'completed':
            return 'passed';
        case 'failed':
            return 'failed';
        case 'cancelled':
            return 'cancelled';
        default:
            // Still pending or running when we stopped following it.
            return 'timed_out';
    }
}
/** Milliseconds between two RFC 3339 times, or null when either is missing or invalid. */
function elapsedMs(from, to) {
    if (!from || !to)
        return null;
    const ms = Date.parse(to) - Date.parse(from);
    return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
/** An assertion as the report shows it, from the API's node results or the engine's own. */
function assertionReport(a) {
    const report = {
        index: a.index,
        extractor: a.extractor,
        operator: a.operator,
        expected: a.expected,
        actual: a.actual,
        passed: a.passed
    };
    if (a.error)
        report.error = a.error;
    return report;
}
/** The node part of the report, from `GET …/nodes`. */
function nodeReport(node) {
    const assertions = Array.isArray(node.result?.assertion_results)
        ? node.result.assertion_results.map(assertionReport)
        : [];
    return {
        node_id: node.node_id,
        display_name: node.display_name,
        node_type: node.node_type,
        status: node.status,
        duration_ms: typeof node.duration_ms === 'number'
            ? node.duration_ms
            : elapsedMs(node.started_at, node.completed_at),
        error_message: node.error_message ?? null,
        assertions
    };
}
/** Counts per status. */
function countFlows(flows) {
    const counts = {
        total: flows.length,
        passed: 0,
        failed: 0,
        timed_out: 0,
        cancelled: 0,
        error: 0
    };
    for (const flow of flows)
        counts[flow.status] += 1;
    return counts;
}
/**
 * The run's status: the status with the highest exit code among the flows and
 * `runStatus` (the run's own outcome when it failed before or outside any flow);
 * `passed` for an empty selection that was allowed. Flows in `consequences` (those
 * fail-fast cancelled because another failed) do not count: the cause does.
 */
function runStatusOf(flows, runStatus, consequences) {
    let status = runStatus ?? 'passed';
    for (const flow of flows) {
        if (consequences?.has(flow.flow_id))
            continue;
        if (EXIT_CODES[flow.status] > EXIT_CODES[status])
            status = flow.status;
    }
    return status;
}
/** Builds the document; `success` is true only when every selected flow passed. */
function buildResults(flows, durationMs, runStatus, waits = { count: 0, total_ms: 0 }, consequences) {
    const status = runStatusOf(flows, runStatus, consequences);
    return {
        status,
        success: status === 'passed' && flows.every((f) => f.status === 'passed'),
        duration_ms: Math.max(0, Math.round(durationMs)),
        counts: countFlows(flows),
        flows,
        waits: { count: waits.count, total_ms: Math.round(waits.total_ms) }
    };
}
/** The first failed assertion of a flow (for annotations and one-line summaries). */
function firstFailure(flow) {
    for (const node of flow.nodes) {
        const assertion = node.assertions.find((a) => !a.passed);
        if (assertion)
            return { node, assertion };
    }
    const node = flow.nodes.find((n) => n.status === 'failed');
    return node ? { node } : undefined;
}
/** `status_code equals 200, got 500` */
function describeAssertion(a) {
    const show = (v) => typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? 'undefined');
    const base = `${a.extractor} ${a.operator} ${show(a.expected)}, got ${show(a.actual)}`;
    return a.error ? `${base} (${a.error})` : base;
}
/** One line on a flow that did not pass: where it failed, e.g. `Create widget: status_code equals 201, got 500`. */
function failureLine(flow) {
    const failure = firstFailure(flow);
    if (failure?.assertion) {
        return `${failure.node.display_name}: ${describeAssertion(failure.assertion)}`;
    }
    if (failure)
        return `${failure.node.display_name}: ${failure.node.error_message ?? 'failed'}`;
    return flow.error_message ?? undefined;
}
/**
 * Whether a node's message only restates its failed assertions (the API writes
 * `Assertion 0 failed: status_code equals 200, got 500`, the engine `assertion 0
 * failed: …`): a report that lists the assertions (expected and actual) then
 * leaves the message out, so each failure is stated once.
 */
function restatesAssertions(node) {
    const message = node.error_message?.trim() ?? '';
    return (node.assertions.some((a) => !a.passed) &&
        (message === '' || /^(an |\d+ )?assertions? (\d+ )?failed\b/i.test(message)));
}


/***/ })

};
