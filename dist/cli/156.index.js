export const id = 156;
export const ids = [156];
export const modules = {

/***/ 92156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   demoServiceCommandDefinition: () => (/* binding */ demoServiceCommandDefinition)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48179);
/* harmony import */ var _demo_service_server_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17014);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71604);
/**
 * `echopoint-ci demo-service [--port P]`: the small REST service the example
 * flows (examples/flows) test, on 127.0.0.1, until Ctrl-C.
 */



function demoServiceCommandDefinition(io, setExit) {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('demo-service')
        .description('Start the small REST service the example flows (examples/flows) test, on 127.0.0.1')
        .addOption((0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .optionWithDefault */ .h6)('--port <port>', 'port to listen on; 0 picks a free port', '4010'))
        .action(async (flags) => {
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
            io.stderr(`error: --port "${flags.port}" is not a port number (0-65535)`);
            setExit(3);
            return;
        }
        const service = await (0,_demo_service_server_js__WEBPACK_IMPORTED_MODULE_1__/* .startDemoService */ .f)(port);
        io.stdout(`Demo service listening at ${service.url} (Ctrl-C to stop)`);
        io.stdout(`Try: echopoint-ci flow run examples/flows/widgets-crud.json --input baseUrl=${service.url}`);
        await new Promise((resolve) => {
            if (io.signal?.aborted)
                resolve();
            io.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        await service.close();
    });
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
