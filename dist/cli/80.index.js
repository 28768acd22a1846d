export const id = 80;
export const ids = [80,370];
export const modules = {

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
/* harmony import */ var _engine_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82370);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8547);


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
 * The ways a runner words one failed assertion in a node's message, each of which
 * says nothing the report's own line for that assertion (index, extractor,
 * operator, expected, actual, error) does not:
 * - Echopoint's API: `Assertion 0 failed: status_code equals 200, got 500`, values
 *   as JSON and a part it does not know left out (as the sandbox's cloud runner
 *   writes it, src/sandbox/cloud-runner.ts);
 * - the in-job engine: `assertion 0 failed: status_code equals expected=200
 *   actual=500`, or `assertion 1 (json_path equals) evaluation error: <error>`
 *   (failureMessage in src/engine/assertions.ts).
 * None when the report shortens a value of the assertion: the message then has
 * more of it than the report shows.
 */
function restatements(a) {
    const whole = (v) => v === undefined || (JSON.stringify(v) ?? String(v)).length <= _report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .VALUE_MAX */ .Xg;
    if (!whole(a.expected) || !whole(a.actual))
        return [];
    const what = `${a.extractor} ${a.operator}`;
    const api = what +
        (a.expected === undefined ? '' : ` ${JSON.stringify(a.expected)}`) +
        (a.actual === undefined ? '' : `, got ${JSON.stringify(a.actual)}`);
    const engine = `${what} expected=${(0,_engine_values_js__WEBPACK_IMPORTED_MODULE_1__/* .displayValue */ .KN)(a.expected)} actual=${(0,_engine_values_js__WEBPACK_IMPORTED_MODULE_1__/* .displayValue */ .KN)(a.actual)}`;
    const sentences = [`failed: ${api}`, `failed: ${engine}`];
    if (a.error !== undefined)
        sentences.push(`(${what}) evaluation error: ${a.error}`);
    return sentences.flatMap((rest) => [
        `Assertion ${a.index} ${rest}`,
        `assertion ${a.index} ${rest}`
    ]);
}
/** Between two assertions' sentences in one message. */
const SEPARATORS = ['; ', '\n'];
/**
 * Whether `message` is nothing but sentences from `sentences`, one after another
 * with SEPARATORS between them (a message about several assertions).
 */
function madeOf(message, sentences) {
    const reachable = new Set([0]);
    const queue = [0];
    for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
        for (const sentence of sentences) {
            if (!message.startsWith(sentence, at))
                continue;
            const end = at + sentence.length;
            if (end === message.length)
                return true;
            for (const separator of SEPARATORS) {
                const next = end + separator.length;
                if (message.startsWith(separator, end) && !reachable.has(next)) {
                    reachable.add(next);
                    queue.push(next);
                }
            }
        }
    }
    return false;
}
/**
 * Whether a node's message states nothing beyond its failed assertions, which a
 * report lists anyway (index, extractor, operator, expected, actual, error): then
 * the report leaves the message out, so each failure is stated once. That is an
 * empty message, a bare `assertion failed` (`2 assertions failed` when two
 * failed, `assertion 1 failed` when assertion 1 did), or exactly the API's or
 * the engine's sentences for failed assertions (see restatements), several
 * joined by `; ` or a line break. Anything more is kept: `Assertion failed after 3 retries:
 * connection reset by peer`, `Assertion 0 failed: extractor json_path failed: body
 * is not JSON`, a message naming an assertion the report does not list as failed.
 */
function restatesAssertions(node) {
    const failed = node.assertions.filter((a) => !a.passed);
    if (failed.length === 0)
        return false;
    const message = node.error_message?.trim() ?? '';
    if (message === '')
        return true;
    const bare = /^(?:(an?|\d+) )?assertions? failed\.?$/i.exec(message);
    if (bare) {
        if (bare[1] === undefined)
            return true;
        return (/^an?$/i.test(bare[1]) ? 1 : Number(bare[1])) === failed.length;
    }
    const indexOnly = /^assertion (\d+) failed\.?$/i.exec(message);
    if (indexOnly)
        return failed.some((a) => a.index === Number(indexOnly[1]));
    const sentences = failed.flatMap(restatements);
    return (madeOf(message, sentences) || (message.endsWith('.') && madeOf(message.slice(0, -1), sentences)));
}


/***/ }),

/***/ 82370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ hasOwn),
/* harmony export */   Im: () => (/* binding */ isEmpty),
/* harmony export */   KN: () => (/* binding */ displayValue),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   Ro: () => (/* binding */ toNumber),
/* harmony export */   fE: () => (/* binding */ toText)
/* harmony export */ });
/* unused harmony export formatNumber */
/**
 * The value model shared by operators, extractors and templates.
 *
 * Flow data is JSON: `null`, booleans, numbers, strings, arrays and plain
 * objects. Two conversions matter everywhere in the engine and must agree:
 *
 * - the **string form** (`toText`), used by the text operators (`equals`,
 *   `contains`, `regex`, …) and by `{{ref}}` interpolation inside text;
 * - the **number form** (`toNumber`), used by the numeric operators.
 *
 * Echopoint's Go runner stringifies with `strconv.FormatFloat(v, 'f', -1, 64)`
 * for numbers and `fmt.Sprintf("%v")` for the rest. We keep its number rule
 * (shortest decimal that round-trips, never an exponent: `1e21` is
 * `"1000000000000000000000"`) and write arrays and objects as JSON instead of
 * Go's `map[a:1]`, which no user could predict or match (docs/engine.md).
 */
/** True for a non-null, non-array object (a JSON object). */
function isPlainObject(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
/** Own-property lookup that never reaches `Object.prototype` (`constructor`, `__proto__`). */
function hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
}
/**
 * A number in the shortest decimal form that reads back to the same double,
 * without an exponent: `200` → `"200"`, `0.1` → `"0.1"`, `1e21` →
 * `"1000000000000000000000"`, `1.5e-7` → `"0.00000015"`. Non-finite values
 * use Go's spelling (`+Inf`, `-Inf`, `NaN`); they cannot come from JSON.
 */
function formatNumber(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Infinity)
        return '+Inf';
    if (value === -Infinity)
        return '-Inf';
    if (value === 0)
        return '0';
    // String() already gives the shortest round-trip digits; only its exponent
    // form (|x| >= 1e21 or < 1e-6) needs rewriting as plain decimal.
    const shortest = String(value);
    const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
    if (!match)
        return shortest;
    const [, sign, lead, fraction = '', exponentText] = match;
    const digits = lead + fraction;
    const exponent = Number(exponentText);
    // The decimal point sits after `lead`, i.e. after 1 digit; move it by `exponent`.
    const point = 1 + exponent;
    if (point <= 0)
        return `${sign}0.${'0'.repeat(-point)}${digits}`;
    if (point >= digits.length)
        return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
/**
 * The string form of a value: `null`/absent → `""`, strings as they are,
 * numbers by `formatNumber`, booleans `true`/`false`, arrays and objects as
 * compact JSON.
 */
function toText(value) {
    if (value === null || value === undefined)
        return '';
    switch (typeof value) {
        case 'string':
            return value;
        case 'number':
            return formatNumber(value);
        case 'boolean':
            return value ? 'true' : 'false';
        case 'bigint':
            return value.toString();
        default:
            return toJson(value);
    }
}
function toJson(value) {
    try {
        const text = JSON.stringify(value);
        return text ?? '';
    }
    catch {
        // A cycle or a BigInt deep inside: not JSON data; say so rather than throw.
        return String(value);
    }
}
/**
 * How a value is shown in a message (`expected=… actual=…`): like `toText`,
 * except that a missing value reads `null` and an empty string `""`, so a
 * message never ends in a blank.
 */
function displayValue(value) {
    if (value === null || value === undefined)
        return 'null';
    if (value === '')
        return '""';
    return toText(value);
}
// Go's strconv.ParseFloat grammar for decimal input: optional sign, digits with
// an optional fraction, optional exponent; or inf/infinity/nan in any case.
// No surrounding spaces, no hexadecimal floats, no underscores (Go accepts the
// last two only with a 0x prefix), no empty string.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
/**
 * The number form of a value for the numeric operators: a number as is, a
 * string that spells a number (`"200"`, `"-1.5e3"`, `"Inf"`), else
 * `undefined` (booleans, null, arrays, objects and other text are not numbers).
 */
function toNumber(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'bigint')
        return Number(value);
    if (typeof value !== 'string')
        return undefined;
    if (DECIMAL.test(value))
        return Number(value);
    const special = SPECIAL.exec(value);
    if (special) {
        if (special[2].toLowerCase() === 'nan')
            return NaN;
        return special[1] === '-' ? -Infinity : Infinity;
    }
    return undefined;
}
/**
 * `empty` in the operator sense: null or absent, `""`, `[]` or `{}`. Numbers
 * and booleans are never empty (their string form never is).
 */
function isEmpty(value) {
    if (value === null || value === undefined)
        return true;
    if (typeof value === 'string')
        return value === '';
    if (Array.isArray(value))
        return value.length === 0;
    if (isPlainObject(value))
        return Object.keys(value).length === 0;
    return toText(value) === '';
}


/***/ })

};
