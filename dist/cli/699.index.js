export const id = 699;
export const ids = [699,501];
export const modules = {

/***/ 46501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ field),
  parseFlow: () => (/* binding */ parseFlow)
});

;// CONCATENATED MODULE: ./src/engine/flow/model.ts
/**
 * A flow definition as the engine runs it: parsed once from Echopoint's JSON
 * (parse.ts, both wire spellings), checked as a whole (validate.ts), then run.
 * Node data stays as the wire gave it here; each node type reads its own.
 */
/** The node types of docs/runner.md §3, by their canonical (snake_case) name. */
const NODE_TYPES = [
    'request',
    'delay',
    'set_variable',
    'assert',
    'branch',
    'loop',
    'poll',
    'module',
    'sse',
    'webhook_wait'
];

// EXTERNAL MODULE: ./src/engine/wire-names.ts
var wire_names = __webpack_require__(54276);
;// CONCATENATED MODULE: ./src/engine/flow/parse.ts
/**
 * Reads an Echopoint flow definition (docs/runner.md §2) into the engine's model.
 * Wire names moved from camelCase to snake_case over time, so both are read
 * everywhere (`display_name`/`displayName`, `initial_inputs`/`initialInputs`,
 * `run_when`/`runWhen`, node types `set_variable`/`setVariable`). Unknown fields
 * are ignored. Every problem found is reported, each naming the node and the
 * field; a flow with any problem is not run.
 */


function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The first of `names` present on `object` (a wire field under either spelling). */
function field(object, ...names) {
    for (const name of names)
        if (object[name] !== undefined)
            return object[name];
    return undefined;
}
const TYPES = new Set(NODE_TYPES);
function parse_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function parseNode(raw, index, problems) {
    const at = `nodes[${index}]`;
    if (!isObject(raw)) {
        problems.push({ field: at, message: 'must be an object' });
        return undefined;
    }
    const id = parse_text(raw.id);
    if (id === undefined) {
        problems.push({ field: `${at}.id`, message: 'is missing (every node needs an id)' });
        return undefined;
    }
    const node = { node: id };
    const typeText = parse_text(raw.type);
    const type = typeText === undefined ? undefined : (0,wire_names/* snakeCase */.L)(typeText);
    if (type === undefined) {
        problems.push({ ...node, field: 'type', message: 'is missing' });
    }
    else if (!TYPES.has(type)) {
        problems.push({
            ...node,
            field: 'type',
            message: `"${typeText}" is not a node type (one of ${NODE_TYPES.join(', ')})`
        });
    }
    const runWhenText = field(raw, 'run_when', 'runWhen');
    let runWhen = 'on_success';
    if (runWhenText !== undefined) {
        const word = typeof runWhenText === 'string' ? (0,wire_names/* snakeCase */.L)(runWhenText) : '';
        if (word === 'always' || word === 'on_success')
            runWhen = word;
        else
            problems.push({ ...node, field: 'run_when', message: 'must be on_success or always' });
    }
    const assertions = raw.assertions ?? [];
    if (!Array.isArray(assertions)) {
        problems.push({ ...node, field: 'assertions', message: 'must be an array' });
    }
    const outputs = [];
    const rawOutputs = raw.outputs ?? [];
    if (!Array.isArray(rawOutputs)) {
        problems.push({ ...node, field: 'outputs', message: 'must be an array' });
    }
    else {
        rawOutputs.forEach((output, i) => {
            const name = isObject(output) ? parse_text(output.name) : undefined;
            if (!isObject(output) || name === undefined) {
                problems.push({ ...node, field: `outputs[${i}].name`, message: 'is missing' });
                return;
            }
            if (outputs.some((o) => o.name === name)) {
                problems.push({
                    ...node,
                    field: `outputs[${i}].name`,
                    message: `"${name}" is declared twice`
                });
            }
            outputs.push({ name, extractor: output.extractor });
        });
    }
    const data = raw.data ?? {};
    if (!isObject(data))
        problems.push({ ...node, field: 'data', message: 'must be an object' });
    const displayName = parse_text(field(raw, 'display_name', 'displayName', 'name')) ?? id;
    return {
        id,
        displayName,
        type: (type ?? 'request'),
        runWhen,
        assertions: Array.isArray(assertions) ? assertions : [],
        outputs,
        data: isObject(data) ? data : {}
    };
}
function parseEdge(raw, index, problems) {
    const at = `edges[${index}]`;
    if (!isObject(raw)) {
        problems.push({ field: at, message: 'must be an object' });
        return undefined;
    }
    const source = parse_text(raw.source);
    const target = parse_text(raw.target);
    if (source === undefined)
        problems.push({ field: `${at}.source`, message: 'is missing' });
    if (target === undefined)
        problems.push({ field: `${at}.target`, message: 'is missing' });
    if (source === undefined || target === undefined)
        return undefined;
    return {
        id: parse_text(raw.id) ?? `${source}->${target}`,
        source,
        target,
        type: parse_text(raw.type) ?? 'success'
    };
}
/**
 * Parses a flow definition (a JSON value). Returns the flow and every problem
 * of its shape; graph and reference checks are validate.ts's.
 */
function parseFlow(raw) {
    const problems = [];
    const flow = { name: 'flow', nodes: [], edges: [], initialInputs: {} };
    if (!isObject(raw)) {
        problems.push({ field: '$', message: 'a flow definition must be a JSON object' });
        return { flow, problems };
    }
    flow.name = parse_text(raw.name) ?? 'flow';
    if (typeof raw.description === 'string')
        flow.description = raw.description;
    if (raw.version !== undefined && raw.version !== null)
        flow.version = String(raw.version);
    const inputs = field(raw, 'initial_inputs', 'initialInputs') ?? {};
    if (isObject(inputs))
        flow.initialInputs = inputs;
    else
        problems.push({ field: 'initial_inputs', message: 'must be an object of input values' });
    if (!Array.isArray(raw.nodes)) {
        problems.push({ field: 'nodes', message: 'must be an array of nodes' });
    }
    else {
        const seen = new Set();
        raw.nodes.forEach((value, i) => {
            const node = parseNode(value, i, problems);
            if (!node)
                return;
            if (seen.has(node.id)) {
                problems.push({
                    node: node.id,
                    field: `nodes[${i}].id`,
                    message: 'is used by another node too'
                });
                return;
            }
            seen.add(node.id);
            flow.nodes.push(node);
        });
    }
    const edges = raw.edges ?? [];
    if (!Array.isArray(edges))
        problems.push({ field: 'edges', message: 'must be an array' });
    else {
        edges.forEach((value, i) => {
            const edge = parseEdge(value, i, problems);
            if (edge)
                flow.edges.push(edge);
        });
    }
    return { flow, problems };
}


/***/ }),

/***/ 51699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   moduleTargets: () => (/* binding */ moduleTargets),
/* harmony export */   s: () => (/* binding */ checkModules)
/* harmony export */ });
/* harmony import */ var _flow_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46501);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82370);


/** The flow ids a flow's module nodes name, loop and poll bodies included, with the node naming each. */
function moduleTargets(flow) {
    const found = [];
    for (const node of flow.nodes) {
        if (node.type === 'module') {
            const flowId = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .Z)(node.data, 'flow_id', 'flowId');
            if (typeof flowId === 'string' && flowId.trim() !== '') {
                found.push({ nodeId: node.id, flowId: flowId.trim() });
            }
        }
        if ((node.type === 'loop' || node.type === 'poll') && (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(node.data.body)) {
            const body = (0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__.parseFlow)({ name: node.id, ...node.data.body }).flow;
            for (const inner of moduleTargets(body))
                found.push({ ...inner, nodeId: `${node.id}/${inner.nodeId}` });
        }
    }
    return found;
}
/** Missing referenced flows and module cycles, starting from `flow` (`rootId`: its own id, when known). */
function checkModules(flow, referenced = {}, rootId = '(this flow)') {
    const problems = [];
    const reported = new Set();
    const visit = (current, stack) => {
        for (const { nodeId, flowId } of moduleTargets(current)) {
            const where = { node: nodeId, field: 'data.flow_id' };
            if (stack.includes(flowId)) {
                const cycle = [...stack.slice(stack.indexOf(flowId)), flowId].join(' → ');
                if (!reported.has(cycle)) {
                    reported.add(cycle);
                    problems.push({
                        ...where,
                        message: `MODULE_CYCLE_DETECTED: the flows include each other: ${cycle}`
                    });
                }
                continue;
            }
            const child = referenced[flowId];
            if (!child) {
                if (!reported.has(`missing:${flowId}`)) {
                    reported.add(`missing:${flowId}`);
                    problems.push({
                        ...where,
                        message: `MODULE_FLOW_NOT_FOUND: flow ${flowId} is not among the referenced flows of this run`
                    });
                }
                continue;
            }
            const definition = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(child.flow_definition) ? child.flow_definition : {};
            visit((0,_flow_parse_js__WEBPACK_IMPORTED_MODULE_0__.parseFlow)({ name: flowId, ...definition }).flow, [...stack, flowId]);
        }
    };
    visit(flow, [rootId]);
    return problems;
}


/***/ }),

/***/ 54276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ snakeCase)
/* harmony export */ });
/**
 * Echopoint's wire names moved from camelCase to snake_case (docs/runner.md §2); the
 * engine reads both and keys its registries by the snake_case form.
 */
/** `setVariable` → `set_variable`, `isoTimestamp` → `iso_timestamp`, `ipv4` → `ipv4`. */
function snakeCase(name) {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}


/***/ })

};
