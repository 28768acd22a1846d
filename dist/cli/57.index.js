export const id = 57;
export const ids = [57];
export const modules = {

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

/***/ 10057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   flowCommandDefinition: () => (/* binding */ flowCommandDefinition),
/* harmony export */   flowValidateCommand: () => (/* binding */ flowValidateCommand)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48179);
/* harmony import */ var _core_report_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8547);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71604);
/* harmony import */ var _flow_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62031);
/**
 * `echopoint-ci flow …`: flow definition files on this machine, no account
 * needed. `flow validate FILE...` checks each file as the engine would before a
 * run (src/engine/load.ts) and names every problem (node and field); exit 3 when
 * any file is invalid. `flow pull FLOW_ID [--out FILE]` saves a flow's
 * definition from the API, to run or edit it locally.
 */




/** The engine, loaded only by the flow commands (its JSONPath and RE2 libraries cost ~40 ms to load). */
const engine = () => Promise.all(/* import() */[__webpack_require__.e(695), __webpack_require__.e(370)]).then(__webpack_require__.bind(__webpack_require__, 23695));
/** Validates every file; returns the exit code (0 all valid, 3 any invalid). */
async function flowValidateCommand(files, io) {
    let invalid = 0;
    for (const file of files) {
        const read = await (0,_flow_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readFlowFile */ .j)(file);
        if (read.error !== undefined) {
            invalid++;
            io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .inertLine */ .Fq)(`error: ${file}: ${read.error}`));
            continue;
        }
        const { flow, problems } = (await engine()).loadFlow(read.json);
        if (problems.length === 0) {
            io.stdout((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .inertLine */ .Fq)(`${file}: valid ("${flow.name}", ${flow.nodes.length} node${flow.nodes.length === 1 ? '' : 's'})`));
            continue;
        }
        invalid++;
        io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .inertLine */ .Fq)(`error: ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in "${flow.name}"`));
        for (const p of problems) {
            io.stderr((0,_core_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .inertLine */ .Fq)(`- ${p.node ? `node ${p.node}, ` : ''}${p.field}: ${p.message}`));
        }
    }
    return invalid > 0 ? 3 : 0;
}
function flowCommandDefinition(io, setExit) {
    // Subcommands inherit these at creation: usage errors exit 3 through main's handler.
    const flow = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('flow')
        .description('Work with Echopoint flow definition files on this machine (no account needed)')
        .exitOverride()
        .showHelpAfterError(_io_js__WEBPACK_IMPORTED_MODULE_1__/* .USAGE_HINT */ .ox)
        .configureOutput((0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .cliOutput */ .UZ)(io));
    const collect = (value, previous = []) => [...previous, value];
    flow
        .command('run')
        .description('Run a flow definition file on this machine (no account, no API)')
        .argument('<FILE>', 'a flow definition file (Echopoint JSON)')
        .option('--input <NAME=VALUE>', 'set an input (VALUE read as JSON when it is JSON); repeatable', collect)
        .option('--secret <NAME=VALUE>', 'set an input whose value is hidden in everything printed; repeatable', collect)
        .option('--inputs-file <file>', 'a JSON object of input names to values')
        .option('--timeout <duration>', 'stop the run after this long (90s, 5m, 1h30m); exit 4')
        .addOption((0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .optionWithDefault */ .h6)('--output <format>', 'table or json (the flow result) on stdout', 'table'))
        .option('--junit <file>', 'write a JUnit XML report')
        .action(async (file, flags) => {
        const { flowRunCommand } = await Promise.all(/* import() */[__webpack_require__.e(80), __webpack_require__.e(489)]).then(__webpack_require__.bind(__webpack_require__, 10489));
        setExit(await flowRunCommand(file, flags, io));
    });
    flow
        .command('validate')
        .description('Check flow files without running them; exit 3 naming every problem (node, field)')
        .argument('<FILE...>', 'flow definition files (Echopoint JSON)')
        .action(async (files) => {
        setExit(await flowValidateCommand(files, io));
    });
    const pull = flow
        .command('pull')
        .description("Save a flow's definition from the API, to run or edit it locally")
        .argument('<FLOW_ID>', 'the flow to save (a UUID)')
        .option('--out <file>', (0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .describeDefault */ .ZA)('write the definition to this file', 'print it'))
        .option('-v, --verbose', 'debug logging (never shows the key)');
    (0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialOptions */ .Kn)(pull);
    pull.action(async (flowId, flags) => {
        const { flowPullCommand } = await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(292), __webpack_require__.e(985)]).then(__webpack_require__.bind(__webpack_require__, 49985));
        setExit(await flowPullCommand(flowId, flags, io));
    });
    return flow;
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


/***/ })

};
