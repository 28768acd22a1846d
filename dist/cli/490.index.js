export const id = 490;
export const ids = [490];
export const modules = {

/***/ 46490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeJunitReport: () => (/* binding */ writeJunitReport)
/* harmony export */ });
/* unused harmony exports JUNIT_CLASSNAME, xmlText, renderJunit */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var xmlbuilder2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54697);
/* harmony import */ var _run_results_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92495);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8547);
/**
 * The JUnit XML report: one test suite, one test case per flow, node failures
 * in the failure message, durations in seconds. Built with xmlbuilder2 so
 * untrusted names are always escaped.
 *
 * Valid against the JUnit schema the common consumers read (GitLab's
 * `artifacts:reports:junit`, Jenkins, mikepenz/action-junit-report,
 * dorny/test-reporter; our copy is `__fixtures__/junit.xsd`). That schema has no
 * `<properties>` inside a `<testcase>`, so the IDs go where those consumers read
 * them: suite-level properties keyed by flow ID (`flow.<flow_id>.execution_id`,
 * `flow.<flow_id>.name`, `flow.<flow_id>.url`), and each test case's
 * `<system-out>`, which GitLab and Jenkins show beside the test.
 */





/** The `classname` of every test case: consumers group and track tests by it. */
const JUNIT_CLASSNAME = 'echopoint.flows';
// Characters XML 1.0 cannot carry at all, not even escaped (https://www.w3.org/TR/xml/#charsets).
const NOT_XML = 
// eslint-disable-next-line no-control-regex
/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
/** Untrusted text made safe for an XML document (the builder escapes markup). */
function xmlText(text) {
    return text.replace(NOT_XML, '\ufffd');
}
const seconds = (ms) => ((ms ?? 0) / 1000).toFixed(3);
function failureText(flow) {
    const lines = [];
    const failedNodes = flow.nodes.filter((n) => n.status === 'failed');
    // The flow's message repeats its failed node's; the node lines say it more precisely.
    if (flow.error_message && failedNodes.length === 0)
        lines.push(flow.error_message);
    for (const node of failedNodes) {
        lines.push(`Node "${node.display_name}" (${node.node_type}) failed${node.error_message ? `: ${node.error_message}` : ''}`);
        for (const a of node.assertions.filter((x) => !x.passed)) {
            lines.push(`  assertion ${a.index}: ${a.extractor} ${a.operator}: expected ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .showValue */ .vp)(a.expected)}, actual ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .showValue */ .vp)(a.actual)}${a.error ? ` (${a.error})` : ''}`);
        }
    }
    return xmlText(lines.join('\n'));
}
function headline(flow) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)((0,_run_results_js__WEBPACK_IMPORTED_MODULE_3__/* .failureLine */ .Pu)(flow) ?? flow.status);
}
/** What a reader of the test case needs to find the run in Echopoint. */
function systemOut(flow) {
    const lines = [`flow_id: ${flow.flow_id}`, `status: ${flow.status}`];
    if (flow.execution_id)
        lines.push(`execution_id: ${flow.execution_id}`);
    if (flow.url)
        lines.push(`url: ${flow.url}`);
    return xmlText(lines.join('\n'));
}
/** Renders the report as a JUnit XML string. */
function renderJunit(results, options = {}) {
    const timestamp = options.timestamp ?? new Date(Date.now() - results.duration_ms);
    // A run that stopped before any flow (bad key, empty selection, cancelled in the
    // preflight) is one test case, so a test-report step shows why instead of "0 tests".
    const runCase = results.flows.length === 0 && results.status !== 'passed'
        ? {
            status: results.status,
            message: (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(options.error?.userMessage ?? `The run ended: ${results.status}`),
            type: options.error?.kind ?? results.status
        }
        : undefined;
    const c = results.counts;
    const tests = runCase ? 1 : c.total;
    const failures = c.failed;
    const errors = c.error + c.timed_out + (runCase && runCase.status !== 'cancelled' ? 1 : 0);
    const skipped = c.cancelled + (runCase?.status === 'cancelled' ? 1 : 0);
    const time = seconds(results.duration_ms);
    const root = (0,xmlbuilder2__WEBPACK_IMPORTED_MODULE_2__/* .create */ .vt)({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
        name: 'Echopoint',
        tests,
        failures,
        errors,
        time
    });
    const suite = root.ele('testsuite', {
        name: 'Echopoint flows',
        tests,
        failures,
        errors,
        skipped,
        time,
        // The schema's timestamp has no zone: UTC, to the second.
        timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, '')
    });
    const props = suite.ele('properties');
    props.ele('property', { name: 'status', value: results.status });
    for (const flow of results.flows) {
        const key = `flow.${xmlText(flow.flow_id)}`;
        props.ele('property', { name: `${key}.name`, value: xmlText(flow.flow_name) });
        if (flow.execution_id)
            props.ele('property', { name: `${key}.execution_id`, value: xmlText(flow.execution_id) });
        if (flow.url)
            props.ele('property', { name: `${key}.url`, value: xmlText(flow.url) });
    }
    if (runCase) {
        const testcase = suite.ele('testcase', {
            name: 'Echopoint run',
            classname: JUNIT_CLASSNAME,
            time
        });
        if (runCase.status === 'cancelled')
            testcase.ele('skipped', { message: runCase.message });
        else
            testcase.ele('error', { message: xmlText(runCase.message), type: runCase.type });
    }
    for (const flow of results.flows) {
        const testcase = suite.ele('testcase', {
            name: xmlText(flow.flow_name),
            classname: JUNIT_CLASSNAME,
            time: seconds(flow.duration_ms)
        });
        switch (flow.status) {
            case 'failed':
                testcase
                    .ele('failure', { message: xmlText(headline(flow)), type: 'AssertionFailure' })
                    .txt(failureText(flow));
                break;
            case 'timed_out':
                testcase
                    .ele('error', {
                    message: xmlText((0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(flow.error_message ?? 'timed out before the flow finished')),
                    type: 'Timeout'
                })
                    .txt(failureText(flow));
                break;
            case 'error':
                testcase
                    .ele('error', {
                    message: xmlText(headline(flow)),
                    type: xmlText(flow.error_code ?? 'Error')
                })
                    .txt(failureText(flow));
                break;
            case 'cancelled':
                testcase.ele('skipped', {
                    message: xmlText((0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(flow.error_message ?? 'cancelled'))
                });
                break;
            default:
                break;
        }
        testcase.ele('system-out').txt(systemOut(flow));
    }
    return root.end({ prettyPrint: true });
}
/** Writes the report (creating folders); returns the absolute path written. */
async function writeJunitReport(path, results, options = {}) {
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(target), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(target, renderJunit(results, options), 'utf8');
    return target;
}


/***/ })

};
