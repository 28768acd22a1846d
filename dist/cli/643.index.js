export const id = 643;
export const ids = [643];
export const modules = {

/***/ 64643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLI_INPUT_NAMES: () => (/* binding */ CLI_INPUT_NAMES),
  runCommand: () => (/* binding */ runCommand),
  runCommandDefinition: () => (/* binding */ runCommandDefinition)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(48179);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/core/ci-context.ts
/**
 * What the kit knows about the CI run it is part of, read from the environment
 * variables each CI system sets. Used for the launch's trigger metadata and to
 * derive idempotency keys, so a retried step never launches a flow twice.
 */

function compact(metadata) {
    return Object.fromEntries(Object.entries(metadata).filter(([, v]) => typeof v === 'string' && v !== ''));
}
/** Reads the CI context from `env` (process.env by default). */
function detectCiContext(env = process.env) {
    if (env.GITHUB_ACTIONS === 'true') {
        const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
        const metadata = compact({
            source: 'github_actions',
            repository: env.GITHUB_REPOSITORY,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB,
            run_id: env.GITHUB_RUN_ID,
            run_attempt: env.GITHUB_RUN_ATTEMPT,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF,
            actor: env.GITHUB_ACTOR
        });
        return {
            source: 'github_actions',
            triggerType: 'git',
            metadata,
            runIdentity: env.GITHUB_RUN_ID
                ? [
                    env.GITHUB_REPOSITORY,
                    env.GITHUB_WORKFLOW,
                    env.GITHUB_JOB,
                    env.GITHUB_RUN_ID,
                    env.GITHUB_RUN_ATTEMPT ?? '1'
                ].join('|')
                : undefined,
            runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
                ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
                : undefined
        };
    }
    if (env.GITLAB_CI === 'true') {
        return {
            source: 'gitlab_ci',
            triggerType: 'git',
            metadata: compact({
                source: 'gitlab_ci',
                repository: env.CI_PROJECT_PATH,
                workflow: env.CI_PIPELINE_ID,
                job: env.CI_JOB_NAME,
                run_id: env.CI_JOB_ID,
                run_attempt: undefined,
                sha: env.CI_COMMIT_SHA,
                ref: env.CI_COMMIT_REF_NAME,
                actor: env.GITLAB_USER_LOGIN
            }),
            // GitLab gives a retried job a new CI_JOB_ID, like a new attempt on GitHub.
            runIdentity: env.CI_JOB_ID ? `gitlab|${env.CI_PROJECT_PATH}|${env.CI_JOB_ID}` : undefined,
            runUrl: env.CI_JOB_URL
        };
    }
    if (env.CIRCLECI === 'true') {
        return {
            source: 'circleci',
            triggerType: 'git',
            metadata: compact({
                source: 'circleci',
                repository: env.CIRCLE_PROJECT_REPONAME,
                workflow: env.CIRCLE_WORKFLOW_ID,
                job: env.CIRCLE_JOB,
                run_id: env.CIRCLE_BUILD_NUM,
                sha: env.CIRCLE_SHA1,
                ref: env.CIRCLE_BRANCH,
                actor: env.CIRCLE_USERNAME
            }),
            runIdentity: env.CIRCLE_BUILD_NUM
                ? `circleci|${env.CIRCLE_PROJECT_REPONAME}|${env.CIRCLE_BUILD_NUM}`
                : undefined,
            runUrl: env.CIRCLE_BUILD_URL
        };
    }
    if (env.JENKINS_URL && env.BUILD_TAG) {
        return {
            source: 'jenkins',
            triggerType: 'git',
            metadata: compact({
                source: 'jenkins',
                workflow: env.JOB_NAME,
                run_id: env.BUILD_NUMBER,
                sha: env.GIT_COMMIT,
                ref: env.GIT_BRANCH
            }),
            runIdentity: `jenkins|${env.BUILD_TAG}`,
            runUrl: env.BUILD_URL
        };
    }
    if (env.TF_BUILD === 'True') {
        return {
            source: 'azure_pipelines',
            triggerType: 'git',
            metadata: compact({
                source: 'azure_pipelines',
                repository: env.BUILD_REPOSITORY_NAME,
                workflow: env.BUILD_DEFINITIONNAME,
                job: env.SYSTEM_JOBNAME,
                run_id: env.BUILD_BUILDID,
                run_attempt: env.SYSTEM_JOBATTEMPT,
                sha: env.BUILD_SOURCEVERSION,
                ref: env.BUILD_SOURCEBRANCH,
                actor: env.BUILD_REQUESTEDFOR
            }),
            runIdentity: env.BUILD_BUILDID
                ? `azure|${env.BUILD_BUILDID}|${env.SYSTEM_JOBID ?? ''}|${env.SYSTEM_JOBATTEMPT ?? '1'}`
                : undefined
        };
    }
    if (env.BITBUCKET_BUILD_NUMBER) {
        return {
            source: 'bitbucket_pipelines',
            triggerType: 'git',
            metadata: compact({
                source: 'bitbucket_pipelines',
                repository: env.BITBUCKET_REPO_FULL_NAME,
                run_id: env.BITBUCKET_BUILD_NUMBER,
                job: env.BITBUCKET_STEP_UUID,
                sha: env.BITBUCKET_COMMIT,
                ref: env.BITBUCKET_BRANCH
            }),
            runIdentity: `bitbucket|${env.BITBUCKET_REPO_FULL_NAME}|${env.BITBUCKET_BUILD_NUMBER}|${env.BITBUCKET_STEP_UUID ?? ''}`
        };
    }
    if (env.CI === 'true' || env.CI === '1') {
        return { source: 'ci', triggerType: 'git', metadata: { source: 'ci' } };
    }
    // A terminal outside CI: a manual launch, made with an API key (the spec requires actor_type).
    const manual = { actor_type: 'api_key' };
    return { source: 'local', triggerType: 'manual', metadata: manual };
}
/**
 * The Idempotency-Key for one flow's launch (docs/interface.md: derived from the CI
 * run and the flow id). An explicit key from the user is used as given: the API
 * already scopes keys by flow. With no run identity, a random per-invocation
 * base is used so a retry inside this process still never launches twice.
 */
function idempotencyKeyFor(flowId, context, explicitKey, invocationId) {
    if (explicitKey !== undefined)
        return explicitKey;
    const base = context.runIdentity ?? `invocation|${invocationId}`;
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${base}|${flowId}`).digest('hex').slice(0, 40);
    return `echopoint-ci-${digest}`;
}
/** A fresh id for one invocation of the kit. */
function newInvocationId() {
    return (0,external_node_crypto_.randomUUID)();
}

// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(32257);
// EXTERNAL MODULE: ./src/core/run/config.ts
var run_config = __webpack_require__(86351);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/run/results.ts
var run_results = __webpack_require__(92495);
// EXTERNAL MODULE: ./src/core/api/client.ts
var client = __webpack_require__(57825);
// EXTERNAL MODULE: ./src/core/api/types.ts
var types = __webpack_require__(83965);
;// CONCATENATED MODULE: ./src/core/pool.ts
/**
 * Runs `task` over `items` with at most `limit` in flight, keeping results in
 * input order. Stops starting new tasks once `shouldStop()` says so (the tasks
 * not started get no result: `undefined`).
 */
async function mapWithConcurrency(items, limit, task, shouldStop = () => false) {
    const results = new Array(items.length).fill(undefined);
    let next = 0;
    const worker = async () => {
        while (next < items.length && !shouldStop()) {
            const index = next++;
            results[index] = await task(items[index], index);
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    await Promise.all(workers);
    return results;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./src/core/run/cancel.ts




/** How long (at most a quarter of the budget) the first cancel runs alone before the others go out regardless. */
const PROBE_MS = 500;
/**
 * Cancels every item still in flight; returns the ids it cancelled. The cancels
 * go out together (one slow or hanging answer holds up no other; the first gets
 * PROBE_MS alone to learn whether the server has the endpoint at all), each
 * bounded by the budget, and the whole call ends within it.
 */
async function cancelExecutions(api, items, options) {
    const inFlight = items.filter((item) => !(0,types/* isTerminal */.H)(item.execution.status));
    if (inFlight.length === 0)
        return [];
    const { logger } = options;
    const controller = new AbortController();
    // Every cancel in flight listens on this one signal: more than Node's default of 10 is expected.
    (0,external_node_events_.setMaxListeners)(Math.max(10, inFlight.length * 4), controller.signal);
    const budget = options.clock.sleep(options.budgetMs, controller.signal).then(() => controller.abort(), () => undefined);
    const cancelled = [];
    let unsupported = false;
    const cancelOne = async (item) => {
        if (unsupported || controller.signal.aborted)
            return;
        try {
            item.execution = await api.cancelExecution(item.flow.id, item.execution.id, {
                signal: controller.signal
            });
            cancelled.push(item.execution.id);
            logger.info(`Cancelled "${item.flow.name}" (execution ${item.execution.id})`);
        }
        catch (err) {
            const error = (0,errors/* toEchopointError */.HT)(err);
            if (error.status === 404 || error.status === 405) {
                // A server without the extension: say so once, do not retry (docs/api-contract.md B.3).
                if (!unsupported) {
                    logger.warning('The API does not support cancelling executions; flows launched by this run may still be running in Echopoint.');
                }
                unsupported = true;
            }
            else if (error.status === 409) {
                logger.debug(`Execution ${item.execution.id} had already ended`);
            }
            else if (controller.signal.aborted) {
                logger.warning(`Could not cancel "${item.flow.name}" (execution ${item.execution.id}): no answer within ${options.budgetMs} ms`);
            }
            else {
                logger.warning(`Could not cancel "${item.flow.name}" (execution ${item.execution.id}): ${error.userMessage}`);
            }
        }
    };
    // The first cancel goes alone for a moment: against a server without the endpoint it
    // is the only request (one 404, docs/api-contract.md B.3). Should it hang, the others go anyway.
    const first = cancelOne(inFlight[0]);
    // At most a quarter of the budget, so the others always get most of it.
    const probing = new AbortController();
    await Promise.race([
        first,
        options.clock
            .sleep(Math.min(PROBE_MS, options.budgetMs / 4), AbortSignal.any([controller.signal, probing.signal]))
            .catch(() => undefined)
    ]);
    probing.abort();
    await Promise.all([
        first,
        mapWithConcurrency(inFlight.slice(1), Math.max(1, options.concurrency), cancelOne)
    ]);
    controller.abort();
    await budget;
    return cancelled;
}

// EXTERNAL MODULE: ./src/core/duration.ts
var core_duration = __webpack_require__(98571);
;// CONCATENATED MODULE: ./src/core/run/fail-fast.ts

class FailFast {
    scope;
    deps;
    /** Aborted when fail-fast stops the run; undefined when fail-fast is off. */
    signal;
    controller;
    cause;
    cancelledIds = new Set();
    seen = new Set();
    constructor(enabled, scope, deps) {
        this.scope = scope;
        this.deps = deps;
        this.controller = enabled ? new AbortController() : undefined;
        this.signal = this.controller?.signal;
    }
    /** True once fail-fast stopped the run. */
    get stopped() {
        return this.signal?.aborted === true;
    }
    /** A flow's end is known: report it now, and stop the run if it did not pass. */
    ended(report) {
        const id = `${report.flow_id} ${report.execution_id ?? ''}`;
        if (this.seen.has(id))
            return;
        this.seen.add(id);
        // Where a flow failed (its node); an error without one was logged where it happened.
        if (report.status !== 'passed' && (0,run_results/* firstFailure */.fx)(report)) {
            this.deps.logger.info(`"${report.flow_name}" ${report.status}: ${(0,run_results/* failureLine */.Pu)(report) ?? ''}`);
        }
        try {
            this.deps.onFlowEnd?.(report);
        }
        catch {
            // A reporter that throws must not stop the run.
        }
        if (report.status === 'passed' || !this.controller || this.stopped)
            return;
        if (this.scope.signal.aborted)
            return;
        this.cause = report;
        this.deps.logger.info(`Fail-fast: "${report.flow_name}" ${report.status}; launching no more flows and cancelling those still running`);
        this.controller.abort(new Error(`fail-fast after "${report.flow_name}" ${report.status}`));
    }
    /** The executions about to be cancelled because of fail-fast. */
    cancelling(items) {
        if (!this.stopped || this.scope.why)
            return;
        for (const item of items)
            this.cancelledIds.add(item.flow.id);
    }
    /**
     * The reports as fail-fast leaves them: the flows it stopped say so, and are
     * left out of the run's status (`consequences`). Undefined when it did not stop the run.
     */
    outcome(reports) {
        const cause = this.cause;
        if (!cause || this.scope.why)
            return undefined;
        const why = `fail-fast after "${cause.flow_name}" ${cause.status}`;
        const consequences = new Set();
        let cancelled = 0;
        let notLaunched = 0;
        const out = reports.map((r) => {
            if (r.execution_id === null && r.status === 'cancelled') {
                consequences.add(r.flow_id);
                notLaunched++;
                return { ...r, error_message: `Not launched: ${why}` };
            }
            if (!this.cancelledIds.has(r.flow_id) || r.status === 'passed' || r.status === 'failed') {
                return r;
            }
            consequences.add(r.flow_id);
            cancelled++;
            const left = r.status === 'cancelled' ? '' : ` (${r.error_message ?? 'still running'})`;
            return {
                ...r,
                status: 'cancelled',
                error_message: `Cancelled by ${why}${left}`
            };
        });
        return {
            reports: out,
            consequences,
            stop: { flowName: cause.flow_name, status: cause.status, cancelled, notLaunched }
        };
    }
}

;// CONCATENATED MODULE: ./src/core/run/flow-reports.ts
/**
 * From what happened to each selected flow (its launch, what following it
 * found, why the run stopped) to its line in the results document. Pure: no
 * requests, no clock.
 */



function flowReportOf(flow, status, item, error) {
    const e = item?.execution;
    let message = error ? error.message : (e?.error_message ?? null);
    if (item?.nodesError)
        message = message ? `${message}; ${item.nodesError}` : item.nodesError;
    if (status !== 'passed' && e?.reported_status !== undefined && !error) {
        const said = `the API last reported status "${e.reported_status}"`;
        message = message ? `${message}; ${said}` : said;
    }
    return {
        flow_id: flow.id,
        flow_name: flow.name,
        execution_id: e?.id ?? null,
        status,
        duration_ms: e ? (0,run_results/* elapsedMs */.d5)(e.execution_started_at ?? e.started_at, e.completed_at) : null,
        error_code: error?.code ?? e?.error_code ?? null,
        error_message: message,
        url: null,
        nodes: (item?.nodes ?? []).map(run_results/* nodeReport */.H8)
    };
}
/** One report per launch, in the selection's order. */
function flowReports({ launches, items, why, leftRunning, local }) {
    const byFlow = new Map(items.map((i) => [i.flow.id, i]));
    return launches.map((launch) => {
        const item = byFlow.get(launch.flow.id);
        if (!item)
            return notLaunchedReport(launch, why);
        const ran = local?.get(item);
        if (ran)
            return ran;
        if (item.error)
            return flowReportOf(item.flow, 'error', item, item.error);
        if ((0,types/* isTerminal */.H)(item.execution.status)) {
            // A cancel we sent after the deadline still reads as timed out: that is why it stopped.
            const status = (0,run_results/* flowStatusOf */.Of)(item.execution);
            return flowReportOf(item.flow, why === 'timeout' && status === 'cancelled' ? 'timed_out' : status, item);
        }
        return flowReportOf(item.flow, why === 'cancelled' ? 'cancelled' : 'timed_out', item, leftRunning.get(item));
    });
}
/** A flow with no execution: stopped before its launch, its launch failed, or no answer came. */
function notLaunchedReport(launch, why) {
    if (launch.unanswered) {
        return flowReportOf(launch.flow, why === 'timeout' ? 'timed_out' : 'cancelled', undefined, launch.error);
    }
    const notLaunched = launch.skipped === true || launch.error?.kind === 'cancelled';
    if (notLaunched && why === 'timeout') {
        return flowReportOf(launch.flow, 'timed_out', undefined, new errors/* EchopointError */.aw('timeout', 'Not launched: the timeout passed first'));
    }
    const kind = notLaunched && why === 'cancelled' ? 'cancelled' : 'error';
    return flowReportOf(launch.flow, launch.error?.kind === 'cancelled' ? 'cancelled' : kind, undefined, launch.error);
}

// EXTERNAL MODULE: ./src/core/wake-up.ts
var wake_up = __webpack_require__(45197);
;// CONCATENATED MODULE: ./src/core/run/launch-feed.ts
/**
 * The executions of a run as their launches answer, for following them while
 * the other launches are still being sent (a pipelined run): launch.ts adds
 * each one, follow.ts reads them and waits here when none is in flight yet.
 */

class LaunchFeed {
    /** Every item launched so far, in the order their launches answered. */
    items = [];
    ended = false;
    news = new wake_up/* WakeUp */.W();
    /** True once no launch is left to answer. */
    get done() {
        return this.ended;
    }
    add(item) {
        this.items.push(item);
        this.news.wakeAll();
    }
    /** No more items will come. */
    end() {
        this.ended = true;
        this.news.wakeAll();
    }
    /** Resolves at the next item or the end (at once when ended); rejects when `signal` aborts. */
    next(signal) {
        return this.ended ? Promise.resolve() : this.news.wait(signal);
    }
}

;// CONCATENATED MODULE: ./src/core/run/poll-schedule.ts
/** First poll after launch; without expectations, back off by AUTO_GROWTH up to AUTO_MAX_MS. */
const AUTO_FIRST_MS = 1000;
const AUTO_MAX_MS = 5000;
const AUTO_GROWTH = 1.5;
/** Never closer than this, even when an end is expected sooner. */
const AUTO_MIN_MS = 500;
/** Once an execution is past its expected end: poll this often (budget permitting). */
const AUTO_TAIL_MS = 500;
/**
 * While one read covers every execution in flight (one listing page, or a
 * single execution polled on its own), rounds come at least this often, budget
 * permitting: a short run is not made to wait for being short (one flow of 1.5 s
 * is seen to end within a second of its end).
 */
const AUTO_FEW_MS = 800;
/** The delay before polling round `round` (0-based) without anything else known. */
function poll_schedule_backoffDelay(round) {
    return Math.min(AUTO_MAX_MS, AUTO_FIRST_MS * AUTO_GROWTH ** round);
}
/**
 * The shortest delay that keeps polling inside the read budget: the time to the
 * window's reset spread over the rounds the remaining requests allow.
 */
function budgetFloor(budget, now, perRound, reserve = 0) {
    if (!budget)
        return 0;
    const rounds = Math.floor(Math.max(0, budget.remaining - reserve) / Math.max(1, perRound));
    if (budget.resetAtMs !== undefined && budget.resetAtMs > now) {
        const toReset = budget.resetAtMs - now;
        return rounds >= 1 ? toReset / rounds : toReset;
    }
    // No reset time: the average rate the limit allows over its window, when known.
    if (budget.limit !== undefined && budget.limit > 0 && budget.windowMs !== undefined) {
        return (budget.windowMs * Math.max(1, perRound)) / budget.limit;
    }
    return 0;
}
/** Milliseconds to wait before the next round. */
function nextPollDelay(pollInterval, input) {
    if (pollInterval !== 'auto')
        return pollInterval;
    let delay;
    if (input.expectedEnds.length === 0) {
        delay = poll_schedule_backoffDelay(input.round);
    }
    else {
        const soonest = Math.min(...input.expectedEnds) - input.now;
        delay = soonest > 0 ? Math.min(AUTO_MAX_MS, Math.max(AUTO_MIN_MS, soonest)) : AUTO_TAIL_MS;
    }
    if (input.requestsPerRound <= 1)
        delay = Math.min(delay, AUTO_FEW_MS);
    return Math.ceil(Math.max(delay, budgetFloor(input.budget, input.now, input.requestsPerRound, input.reserve)));
}
/** The median of `values` (undefined for none). */
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

;// CONCATENATED MODULE: ./src/core/run/track.ts

/** Rows per page: the most the API allows (docs/api-contract.md part A). */
const TRACK_PAGE_SIZE = 100;
/** The earliest `started_at` among `items`, as the server wrote it. */
function earliestStart(items) {
    let best;
    for (const item of items) {
        const text = item.execution.started_at;
        const at = Date.parse(text);
        if (Number.isNaN(at))
            continue;
        if (!best || at < best.at)
            best = { at, text };
    }
    return best?.text;
}
/**
 * Pages the next round is expected to take: every execution we launched at or
 * after the earliest one in flight is in the listing (others' may add more).
 */
function expectedPages(all, pending) {
    const since = earliestStart(pending);
    if (since === undefined)
        return 1;
    const from = Date.parse(since);
    const rows = all.filter((i) => Date.parse(i.execution.started_at) >= from).length;
    return Math.max(1, Math.ceil(rows / TRACK_PAGE_SIZE));
}
/** The execution as the row tells it; fields the row lacks keep their last value. */
function merge(execution, row) {
    return {
        ...execution,
        status: row.status,
        reported_status: row.reported_status,
        completed_at: row.completed_at ?? execution.completed_at,
        error_code: row.error_code ?? execution.error_code,
        error_message: row.error_message ?? execution.error_message
    };
}
/**
 * Reads the state of every item in `pending` from the listing and updates the
 * items in place. Throws the API's error for anything but a missing endpoint.
 */
async function trackRound(api, pending, signal) {
    const byId = new Map(pending.map((item) => [item.execution.id, item]));
    const since = earliestStart(pending);
    const seen = new Set();
    const changed = [];
    let requests = 0;
    // A listing that never shows ours (or claims a huge total) must not page forever:
    // past this, the ones not seen are polled on their own.
    const maxPages = 2 * expectedPages(pending, pending) + 3;
    for (let offset = 0; seen.size < byId.size && requests < maxPages; offset += TRACK_PAGE_SIZE) {
        let page;
        try {
            requests++;
            page = await api.listExecutions({ limit: TRACK_PAGE_SIZE, offset, since }, { signal });
        }
        catch (err) {
            const error = (0,errors/* toEchopointError */.HT)(err);
            if (offset === 0 && (error.status === 404 || error.status === 405)) {
                return { kind: 'unsupported', status: error.status };
            }
            throw err;
        }
        for (const row of page.items) {
            const item = byId.get(row.id);
            if (!item || seen.has(row.id))
                continue;
            // A row of our execution that names another flow is not believed: poll it on its own.
            if (row.flow_id.toLowerCase() !== item.flow.id.toLowerCase())
                continue;
            seen.add(row.id);
            if (row.status !== item.execution.status)
                changed.push(item);
            item.execution = merge(item.execution, row);
        }
        if (page.items.length < TRACK_PAGE_SIZE || offset + page.items.length >= page.total)
            break;
    }
    const missing = pending.filter((item) => !seen.has(item.execution.id));
    return { kind: 'tracked', changed, missing, requests };
}

;// CONCATENATED MODULE: ./src/core/run/follow.ts







/** Polls of one execution that may fail in a row (after the client's own retries) before it is given up. */
const MAX_FAILED_POLLS = 5;
/** Errors that will not go away by polling again. */
const FINAL_KINDS = new Set([
    'auth',
    'permission',
    'not_found',
    'contract',
    'config'
]);
/** The delay before polling round `round` (0-based) when nothing else is known. */
function pollDelay(pollInterval, round) {
    return pollInterval === 'auto' ? backoffDelay(round) : pollInterval;
}
function isDone(item) {
    return item.error !== undefined || (0,types/* isTerminal */.H)(item.execution.status);
}
/** Fetches node results of an execution that did not pass; failures here only lose detail. */
async function fetchNodes(api, item, logger, signal) {
    try {
        item.nodes = await api.getExecutionNodes(item.flow.id, item.execution.id, { signal });
    }
    catch (err) {
        const error = (0,errors/* toEchopointError */.HT)(err);
        if (error.kind === 'cancelled')
            throw err;
        item.nodesError = `its node results could not be read: ${error.message}`;
        logger.warning(`Could not read the node results of "${item.flow.name}" (execution ${item.execution.id}): ${error.userMessage}`);
    }
}
/**
 * Says once per execution and word when the server reports a status this kit
 * does not know: the execution is still followed (it is never a pass), and the
 * log says what the server said instead of a silent "still running".
 */
function noteStatus(item, logger) {
    const word = item.execution.reported_status;
    if (word === undefined || word === item.unknownStatus)
        return;
    item.unknownStatus = word;
    logger.warning(`Execution ${item.execution.id} of "${item.flow.name}" reports status "${word}", which is not one of pending, running, completed, failed, cancelled; following it until it reaches one of those or the timeout passes`);
}
function describeEnd(item) {
    const e = item.execution;
    const took = e.completed_at && (e.execution_started_at ?? e.started_at)
        ? ` in ${(0,core_duration/* formatDuration */.a)(Date.parse(e.completed_at) - Date.parse(e.execution_started_at ?? e.started_at))}`
        : '';
    const word = e.status === 'completed' ? 'passed' : e.status;
    return `"${item.flow.name}" ${word}${took}`;
}
/** Polls one execution once; updates the item in place. */
async function pollOnce(api, item, options) {
    const { logger, signal } = options;
    try {
        const execution = await api.getExecution(item.flow.id, item.execution.id, { signal });
        item.failedPolls = 0;
        const changed = execution.status !== item.execution.status;
        item.execution = execution;
        noteStatus(item, logger);
        if ((0,types/* isTerminal */.H)(execution.status)) {
            if (execution.status !== 'completed')
                await fetchNodes(api, item, logger, signal);
            logger.info(describeEnd(item));
        }
        if (changed)
            options.onChange?.(item);
        if ((0,types/* isTerminal */.H)(execution.status))
            options.onEnd?.(item);
    }
    catch (err) {
        const error = (0,errors/* toEchopointError */.HT)(err);
        if (error.kind === 'cancelled' || signal?.aborted)
            throw err;
        item.failedPolls = (item.failedPolls ?? 0) + 1;
        if (FINAL_KINDS.has(error.kind) || item.failedPolls >= MAX_FAILED_POLLS) {
            item.error = new errors/* EchopointError */.aw(error.kind, `Stopped following execution ${item.execution.id}: ${error.message}`, { status: error.status, code: error.code, request: error.request, hint: error.hint });
            logger.error(`"${item.flow.name}": ${item.error.userMessage}`, {
                title: `Echopoint: ${item.flow.name}`
            });
            options.onChange?.(item);
            options.onEnd?.(item);
        }
        else {
            logger.debug(`Polling "${item.flow.name}" failed (${item.failedPolls}/${MAX_FAILED_POLLS}): ${error.message}`);
        }
    }
}
/** Start of an execution (epoch ms), NaN when unreadable. */
function startOf(item) {
    return Date.parse(item.execution.started_at);
}
/** How long the ended executions took, start (creation) to end. */
function durationsSeen(items) {
    const out = [];
    for (const item of items) {
        const end = item.execution.completed_at ? Date.parse(item.execution.completed_at) : NaN;
        const d = end - startOf(item);
        if ((0,types/* isTerminal */.H)(item.execution.status) && Number.isFinite(d) && d >= 0)
            out.push(d);
    }
    return out;
}
/**
 * Reports an item whose status the listing changed. One that ended without
 * passing goes to `details`: its node results are still to be read.
 */
function settleTracked(item, options, details) {
    noteStatus(item, options.logger);
    const { status } = item.execution;
    if ((0,types/* isTerminal */.H)(status) && status !== 'completed')
        details.push(item);
    else if ((0,types/* isTerminal */.H)(status))
        options.logger.info(describeEnd(item));
    options.onChange?.(item);
    if (status === 'completed')
        options.onEnd?.(item);
}
/**
 * Reads the node results of up to `count` items of `details` (all when undefined),
 * removing them from the queue. The row already gave status, error and end time.
 */
async function readDetails(api, details, options, count) {
    const batch = details.splice(0, count ?? details.length);
    await mapWithConcurrency(batch, options.concurrency, async (item) => {
        await fetchNodes(api, item, options.logger, options.signal);
        options.logger.info(describeEnd(item));
        options.onChange?.(item);
        options.onEnd?.(item);
    });
}
/**
 * Resolves when every item is terminal or errored. Rejects with the abort
 * reason when `signal` aborts.
 */
async function followExecutions(api, source, options) {
    const { clock, logger, signal } = options;
    const feed = source instanceof LaunchFeed ? source : undefined;
    // The feed's list grows as launches answer: every read of `items` sees the newest.
    const items = source instanceof LaunchFeed ? source.items : source;
    const arrived = new Set();
    // Executions that were already terminal at launch (a replayed launch) need no poll.
    const settleArrivals = async () => {
        for (const item of items) {
            if (arrived.has(item))
                continue;
            arrived.add(item);
            if (!(0,types/* isTerminal */.H)(item.execution.status))
                continue;
            if (item.execution.status !== 'completed' && !item.nodes) {
                await fetchNodes(api, item, logger, signal);
            }
            options.onEnd?.(item);
        }
    };
    let batch = typeof api.listExecutions === 'function';
    let failedRounds = 0;
    // Ended without passing, node results not read yet: read as the read budget allows,
    // so a burst of failures does not spend the reads the next rounds need.
    const details = [];
    for (let round = 0;; round++) {
        await settleArrivals();
        const launching = feed !== undefined && !feed.done;
        if (!items.some((item) => !isDone(item))) {
            if (!launching)
                break;
            // Nothing in flight yet (or any more): wait for the next launch, then start afresh.
            await feed.next(signal);
            round = -1;
            continue;
        }
        const waiting = items.filter((item) => !isDone(item));
        const typical = median(durationsSeen(items));
        const perRound = batch
            ? Math.min(waiting.length, expectedPages(items, waiting))
            : waiting.length;
        const delay = nextPollDelay(options.pollInterval, {
            round,
            now: clock.now(),
            expectedEnds: typical === undefined
                ? []
                : waiting.map((i) => startOf(i) + typical).filter((t) => Number.isFinite(t)),
            requestsPerRound: perRound,
            reserve: details.length,
            budget: api.budget?.('read')
        });
        await clock.sleep(delay, signal);
        const pending = items.filter((item) => !isDone(item));
        // Polling one by one costs one request each; the listing costs its pages.
        if (batch && pending.length > expectedPages(items, pending)) {
            try {
                const result = await trackRound(api, pending, signal);
                if (result.kind === 'unsupported') {
                    batch = false;
                    logger.info(`GET /executions is not available here (HTTP ${result.status}): following each execution on its own`);
                }
                else {
                    failedRounds = 0;
                    for (const item of result.changed)
                        settleTracked(item, options, details);
                    await mapWithConcurrency(result.missing, options.concurrency, (item) => pollOnce(api, item, options));
                    // Keep enough reads for the next round's pages.
                    const budget = api.budget?.('read');
                    const left = items.filter((item) => !isDone(item));
                    const spare = budget
                        ? Math.max(0, budget.remaining - expectedPages(items, left))
                        : details.length;
                    const last = left.length === 0 && (feed === undefined || feed.done);
                    await readDetails(api, details, options, last ? undefined : spare);
                    continue;
                }
            }
            catch (err) {
                const error = (0,errors/* toEchopointError */.HT)(err);
                if (error.kind === 'cancelled' || signal?.aborted)
                    throw err;
                failedRounds++;
                logger.debug(`Listing the executions failed (${failedRounds}/${MAX_FAILED_POLLS}): ${error.message}`);
                if (failedRounds < MAX_FAILED_POLLS && !FINAL_KINDS.has(error.kind))
                    continue;
                batch = false;
                logger.info(`Listing the executions keeps failing: following each execution on its own`);
            }
        }
        await mapWithConcurrency(pending, options.concurrency, (item) => pollOnce(api, item, options));
    }
    await readDetails(api, details, options);
}

;// CONCATENATED MODULE: ./src/core/run/launch.ts



/** Errors after which launching the other flows cannot succeed either. */
const STOP_LAUNCHING = new Set([
    'auth',
    'permission',
    'quota',
    'cancelled',
    'timeout'
]);
/** The launch body for this run (docs/api-contract.md, POST /flows/{id}/launch). */
function launchBody(config, ci) {
    const body = { runner_type: config.runner, trigger_type: ci.triggerType };
    // Required for ephemeral: the job protocol version this runner speaks (docs/runner.md §1.2).
    if (config.runner === 'ephemeral')
        body.ephemeral_job_version = 1;
    if (config.environment !== undefined)
        body.environment_key = config.environment;
    if (config.versionId !== undefined)
        body.version_id = config.versionId;
    if (Object.keys(ci.metadata).length > 0)
        body.trigger_metadata = ci.metadata;
    return body;
}
/** Launches every flow; never throws: each flow's outcome says what happened. */
async function launchFlows(api, flows, options) {
    const { config, ci, logger, signal } = options;
    const requestSignal = options.requestSignal ?? signal;
    const body = launchBody(config, ci);
    let stopError;
    const outcomes = await mapWithConcurrency(flows, config.maxParallel, async (flow) => {
        const key = idempotencyKeyFor(flow.id, ci, config.idempotencyKey, options.invocationId);
        let outcome;
        let sent = false;
        // A stop (fail-fast) withdraws a launch still waiting to be sent (for its
        // window, say); one already sent gets its answer.
        const withdraw = new AbortController();
        const onStop = () => {
            if (!sent)
                withdraw.abort(options.stop?.reason);
        };
        options.stop?.addEventListener('abort', onStop, { once: true });
        try {
            const execution = await api.launchFlow(flow.id, body, key, {
                signal: requestSignal
                    ? AbortSignal.any([requestSignal, withdraw.signal])
                    : withdraw.signal,
                onSent: () => (sent = true)
            });
            logger.info(`Launched "${flow.name}" (${flow.id}): execution ${execution.id}`);
            outcome = { flow, execution };
        }
        catch (err) {
            const error = (0,errors/* toEchopointError */.HT)(err);
            if (withdraw.signal.aborted && !sent && !signal?.aborted) {
                outcome = {
                    flow,
                    skipped: true,
                    error: notLaunchedError(undefined, signal, options.stop)
                };
                options.onLaunched?.(outcome);
                return outcome;
            }
            if (signal?.aborted && error.kind !== 'timeout' && sent) {
                outcome = {
                    flow,
                    unanswered: { idempotencyKey: key },
                    error: new errors/* EchopointError */.aw('cancelled', `The launch request was sent but no answer came before the run stopped: Echopoint may have started an execution this run could not cancel (Idempotency-Key ${key}; a retry of this step with the same key will not start it twice)`)
                };
                logger.warning(`"${flow.name}" (${flow.id}): ${outcome.error?.message ?? ''}`);
            }
            else if (signal?.aborted && error.kind !== 'timeout') {
                outcome = {
                    flow,
                    error: new errors/* EchopointError */.aw('cancelled', 'cancelled before it was launched')
                };
            }
            else if (error.kind === 'conflict') {
                // A 409 on launch: the key was used before with other parameters (docs/api-contract.md;
                // the spec names no error code for it, so the status is the signal).
                outcome = {
                    flow,
                    error: new errors/* EchopointError */.aw('conflict', `Could not launch "${flow.name}": the Idempotency-Key ${key} was already used with other launch parameters (HTTP 409)`, {
                        status: error.status,
                        code: error.code,
                        request: error.request,
                        hint: `Use a new ${config.names.idempotencyKey} (or leave it ${config.surface === 'cli' ? 'out' : 'empty'} to derive one per run), or launch with the same environment, version and runner as before`
                    })
                };
                logger.error(outcome.error?.userMessage ?? '', { title: `Echopoint: ${flow.name}` });
            }
            else {
                logger.error(`Could not launch "${flow.name}" (${flow.id}): ${error.userMessage}`, {
                    title: `Echopoint: ${flow.name}`
                });
                outcome = { flow, error };
            }
            if (STOP_LAUNCHING.has(outcome.error?.kind ?? ''))
                stopError ??= outcome.error;
        }
        finally {
            options.stop?.removeEventListener('abort', onStop);
        }
        options.onLaunched?.(outcome);
        return outcome;
    }, () => stopError !== undefined || signal?.aborted === true || options.stop?.aborted === true);
    return outcomes.map((outcome, i) => outcome ?? {
        flow: flows[i],
        skipped: true,
        error: notLaunchedError(stopError, signal, options.stop)
    });
}
/** Why a flow was never attempted: the run stopped, a launch failed, or fail-fast. */
function notLaunchedError(stopError, signal, stop) {
    if (stopError?.kind === 'cancelled' || (signal?.aborted && stopError === undefined)) {
        return new errors/* EchopointError */.aw('cancelled', 'cancelled before it was launched');
    }
    if (stopError === undefined && stop?.aborted) {
        const reason = stop.reason;
        if (reason instanceof errors/* EchopointError */.aw) {
            return new errors/* EchopointError */.aw(reason.kind, `Not launched: ${reason.message}`);
        }
        return new errors/* EchopointError */.aw('cancelled', `Not launched: ${reason instanceof Error ? reason.message : 'the run stopped launching'}`);
    }
    return new errors/* EchopointError */.aw(stopError?.kind ?? 'cancelled', `not launched: an earlier launch failed (${stopError?.message ?? 'stopped'})`);
}

// EXTERNAL MODULE: ./src/core/run/preflight.ts
var preflight = __webpack_require__(16150);
;// CONCATENATED MODULE: ./src/core/run/progress-board.ts
/**
 * Live progress of a run: one entry per selected flow, told to the listener (the
 * CLI's live view) on every change. A listener that throws never stops the run.
 */

/** Live progress: one entry per flow, told to `onProgress` on every change. A failing listener never stops the run. */
class ProgressBoard {
    listener;
    logger;
    flows = new Map();
    constructor(listener, logger) {
        this.listener = listener;
        this.logger = logger;
    }
    set(flow, update) {
        this.flows.set(flow.id, { flow, ...this.flows.get(flow.id), ...update });
        this.tell();
    }
    start(flows) {
        for (const flow of flows)
            this.flows.set(flow.id, { flow, state: 'launching' });
        this.tell();
    }
    tell() {
        if (!this.listener)
            return;
        try {
            this.listener([...this.flows.values()]);
        }
        catch (err) {
            this.logger.debug(`Live progress failed: ${(0,errors/* toEchopointError */.HT)(err).message}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/run/scope.ts
/**
 * The time frame of one run: one signal that aborts every request and wait when
 * the run must stop (the step's deadline, or a cancel from the runner), a
 * second one that gives launch requests already sent a short grace to answer,
 * and the budget left for cancelling what the run started.
 *
 * The step must end within its `timeout`, cancels and reports included, so
 * following stops a little before the deadline: `wrapUpMs(timeout)` (5.5 s, or a
 * fifth of a short timeout) is kept for the launch grace and the cancels.
 */

/** Time allowed for cancelling what we started after a cancel (GitHub allows 7.5 s before SIGTERM). */
const CANCEL_BUDGET_MS = 4000;
/**
 * After a stop, launch requests already sent get this long to answer: the server
 * may have created the execution, and only its answer tells us which one to
 * cancel. With CANCEL_BUDGET_MS this stays inside GitHub's 7.5 s.
 */
const LAUNCH_GRACE_MS = 1500;
/** Kept free at the very end of the deadline for writing the reports. */
const REPORT_MARGIN_MS = 250;
/** The abort reason of a run's signal. */
class RunAbort extends Error {
    why;
    constructor(why) {
        super(why === 'timeout' ? 'the step deadline passed' : 'the run was cancelled');
        this.why = why;
        this.name = 'AbortError';
    }
}
/** How long before its deadline a run of `timeoutMs` stops following, to cancel and report in time. */
function wrapUpMs(timeoutMs) {
    return Math.min(LAUNCH_GRACE_MS + CANCEL_BUDGET_MS, Math.floor(timeoutMs / 5));
}
class RunScope {
    clock;
    startedAt;
    /** The step's deadline (epoch ms): the run ends before it. */
    deadline;
    /** Aborts (with a RunAbort) when the run must stop. */
    signal;
    controller = new AbortController();
    timer = new AbortController();
    graceTimer = new AbortController();
    launchRequests = new AbortController();
    external;
    onExternal = () => this.stop('cancelled');
    onStop = () => this.startGrace();
    constructor(clock, timeoutMs, external) {
        this.clock = clock;
        this.startedAt = clock.now();
        this.deadline = this.startedAt + timeoutMs;
        this.signal = this.controller.signal;
        // Every request and wait of the run listens on these (up to max-parallel of each at once).
        (0,external_node_events_.setMaxListeners)(1000, this.signal, this.launchRequests.signal);
        void clock.sleep(timeoutMs - wrapUpMs(timeoutMs), this.timer.signal).then(() => this.stop('timeout'), () => undefined);
        this.external = external;
        if (external?.aborted)
            this.stop('cancelled');
        external?.addEventListener('abort', this.onExternal, { once: true });
        if (this.signal.aborted)
            this.startGrace();
        else
            this.signal.addEventListener('abort', this.onStop, { once: true });
    }
    /** Why the run was stopped, if it was. */
    get why() {
        return this.signal.aborted ? this.signal.reason.why : undefined;
    }
    /**
     * For launch requests: aborts LAUNCH_GRACE_MS after `signal` (less when the
     * deadline is near), so an answer already on its way is still read.
     */
    get launchSignal() {
        return this.launchRequests.signal;
    }
    /**
     * Milliseconds the cancels may take, from now: CANCEL_BUDGET_MS within the rest
     * of the deadline. `patient` (a run that chose to stop, fail-fast, with time
     * left) allows the rest of the deadline: a cancel may wait for the write window.
     */
    cancelBudgetMs(patient = false) {
        const untilDeadline = this.deadline - REPORT_MARGIN_MS - this.clock.now();
        if (patient && !this.why)
            return Math.max(100, untilDeadline);
        const budget = this.why === 'cancelled' ? CANCEL_BUDGET_MS : untilDeadline;
        return Math.max(100, Math.min(budget, CANCEL_BUDGET_MS));
    }
    /**
     * Milliseconds a flow's wrap-up (an ephemeral job's last events and its
     * completion) may take, from now: the rest of the deadline, or after a stop
     * the cancel budget within it. Never past the deadline.
     */
    wrapUpBudgetMs() {
        const untilDeadline = this.deadline - REPORT_MARGIN_MS - this.clock.now();
        return Math.max(100, this.why ? Math.min(untilDeadline, CANCEL_BUDGET_MS) : untilDeadline);
    }
    /** Ends the launch grace at once (every launch has answered). */
    endGrace() {
        this.graceTimer.abort();
    }
    /** Releases the timers and listeners; the process may then exit. */
    dispose() {
        this.timer.abort();
        this.graceTimer.abort();
        this.external?.removeEventListener('abort', this.onExternal);
        this.signal.removeEventListener('abort', this.onStop);
    }
    stop(why) {
        if (!this.controller.signal.aborted)
            this.controller.abort(new RunAbort(why));
    }
    startGrace() {
        const untilDeadline = this.deadline - REPORT_MARGIN_MS - this.clock.now();
        const grace = Math.max(0, Math.min(LAUNCH_GRACE_MS, untilDeadline / 3));
        void this.clock.sleep(grace, this.graceTimer.signal).then(() => this.launchRequests.abort(this.signal.reason), () => undefined);
    }
}

// EXTERNAL MODULE: ./src/core/api/jobs.ts
var jobs = __webpack_require__(71878);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(83323);
// EXTERNAL MODULE: ./src/core/run/local-result.ts
var local_result = __webpack_require__(56874);
;// CONCATENATED MODULE: ./src/core/run/job/events.ts

const FLUSH_EVERY_MS = 150;
const FLUSH_AT_EVENTS = 16;
const FLUSH_AT_BYTES = 32 * 1024;
/** The server takes at most this many events in one request. */
const MAX_BATCH = 100;
/** Attempts of the last flush, before the completion. */
const CLOSE_ATTEMPTS = 3;
/** The largest event payload sent; a node result beyond it goes without its bodies. */
const MAX_EVENT_BYTES = 64 * 1024;
/**
 * An event's payload within MAX_EVENT_BYTES: a node result's raw and parsed
 * bodies are the first to go (the completion carries the whole result), then
 * the result itself.
 */
function bounded(payload) {
    if (JSON.stringify(payload).length <= MAX_EVENT_BYTES)
        return payload;
    const result = payload.result;
    if (typeof result === 'object' && result !== null) {
        const slim = { ...result };
        for (const field of ['response_body', 'response_body_parsed', 'request_body', 'events']) {
            if (field in slim)
                slim[field] = '(left out of the progress event: too large)';
        }
        const trimmed = { ...payload, result: slim };
        if (JSON.stringify(trimmed).length <= MAX_EVENT_BYTES)
            return trimmed;
    }
    const { result: _dropped, ...rest } = payload;
    return { ...rest, result_omitted: 'too large for a progress event' };
}
class EventStream {
    options;
    unaccepted = [];
    nextSequence = 1;
    acceptedUpTo = 0;
    pendingBytes = 0;
    timer;
    sending = Promise.resolve();
    failures = 0;
    /** Set when the server refused a batch for good (a 4xx): nothing more is sent. */
    refused = false;
    /** Aborts the sends in flight (the run's stop, or the end of the wrap-up time). */
    halt = new AbortController();
    /** Requests sent (batches, resends included). */
    requests = 0;
    constructor(options) {
        this.options = options;
        options.signal?.addEventListener('abort', this.onStop, { once: true });
    }
    onStop = () => this.halt.abort();
    /** The highest sequence the server accepted (what the completion names). */
    get lastAccepted() {
        return this.acceptedUpTo;
    }
    /** Events numbered so far. */
    get count() {
        return this.nextSequence - 1;
    }
    push(type, payload) {
        const event = { sequence: this.nextSequence++, type, payload: bounded(payload) };
        this.unaccepted.push(event);
        this.pendingBytes += JSON.stringify(event).length;
        if (this.unaccepted.length >= FLUSH_AT_EVENTS || this.pendingBytes >= FLUSH_AT_BYTES) {
            this.flushNow();
        }
        else if (!this.timer) {
            const timer = new AbortController();
            this.timer = timer;
            void this.options.clock.sleep(FLUSH_EVERY_MS, timer.signal).then(() => {
                if (this.timer === timer)
                    this.flushNow();
            }, () => undefined);
        }
    }
    /**
     * Sends what is left, with a few attempts, until `signal` aborts (the time the
     * wrap-up may take); resolves with the last accepted sequence.
     */
    async close(signal) {
        this.cancelTimer();
        this.options.signal?.removeEventListener('abort', this.onStop);
        const onClose = () => this.halt.abort();
        signal?.addEventListener('abort', onClose, { once: true });
        try {
            await this.sending;
            return await this.finish(signal);
        }
        finally {
            signal?.removeEventListener('abort', onClose);
        }
    }
    async finish(signal) {
        for (let attempt = 1; attempt <= CLOSE_ATTEMPTS && this.unaccepted.length > 0 && !this.refused; attempt++) {
            await this.send();
            if (this.unaccepted.length > 0 && attempt < CLOSE_ATTEMPTS) {
                try {
                    await this.options.clock.sleep(200 * attempt, signal);
                }
                catch {
                    break;
                }
            }
        }
        if (this.unaccepted.length > 0) {
            this.options.logger.warning(`${this.unaccepted.length} progress event(s) of job ${this.options.job.jobId} could not be sent; the result is reported without them`);
        }
        return this.acceptedUpTo;
    }
    /** Stops sending (a rejected lease: nothing more goes to the server for this job). */
    stop() {
        this.cancelTimer();
        this.options.signal?.removeEventListener('abort', this.onStop);
        this.halt.abort();
        this.unaccepted.length = 0;
    }
    cancelTimer() {
        this.timer?.abort();
        this.timer = undefined;
    }
    flushNow() {
        this.cancelTimer();
        this.sending = this.sending.then(() => this.send());
    }
    /** One request per batch of up to 100, until all is accepted or a request fails. Never rejects. */
    async send() {
        const signal = this.halt.signal;
        while (this.unaccepted.length > 0 && !this.refused && !signal.aborted) {
            const batch = this.unaccepted.slice(0, MAX_BATCH);
            let accepted;
            this.requests += 1;
            try {
                accepted = await this.options.job.sendEvents({ runner_id: this.options.runnerId, boot_id: this.options.bootId, events: batch }, { signal });
            }
            catch (err) {
                const error = (0,errors/* toEchopointError */.HT)(err);
                this.failures += 1;
                // A refusal the server will repeat (400, 413, …): the progress stops, the run goes on.
                const status = error.status ?? 0;
                if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
                    this.refused = true;
                    this.options.logger.warning(`Echopoint refused the progress events of job ${this.options.job.jobId} (${error.message}); the flow runs on and its result is still reported`);
                    return;
                }
                this.options.logger.debug(`Progress events of job ${this.options.job.jobId} not sent (attempt ${this.failures}): ${error.message}`);
                return;
            }
            this.acceptedUpTo = Math.max(this.acceptedUpTo, Math.min(accepted, this.nextSequence - 1));
            const before = this.unaccepted.length;
            while (this.unaccepted.length > 0 && this.unaccepted[0].sequence <= this.acceptedUpTo) {
                const dropped = this.unaccepted.shift();
                this.pendingBytes -= JSON.stringify(dropped).length;
            }
            // The server took none of the batch (a gap on its side): resend from where it stands.
            if (this.unaccepted.length === before)
                return;
        }
        this.pendingBytes = 0;
    }
}

;// CONCATENATED MODULE: ./src/core/run/job/lease.ts

const HEARTBEAT_EVERY_MS = 10_000;
/** Never beat more often than this, whatever the lease says. */
const HEARTBEAT_FLOOR_MS = 200;
/** After a failed heartbeat, the next try comes no sooner than this. */
const HEARTBEAT_RETRY_FLOOR_MS = 1000;
/** The lease assumed when the server names none that is still ahead (a skewed clock). */
const FALLBACK_LEASE_MS = 30_000;
/** When the next heartbeat is due, from now: the earlier of 10 s and half the time left. */
function nextBeatInMs(expiresAt, now) {
    const half = (expiresAt - now) / 2;
    return Math.max(HEARTBEAT_FLOOR_MS, Math.min(HEARTBEAT_EVERY_MS, half));
}
class Lease {
    options;
    stopper = new AbortController();
    /**
     * When the lease ends on this machine's clock: the length the server gave,
     * counted from when its answer arrived here, so a skewed server clock does not
     * move the beats.
     */
    expiresAt;
    /** The lease's length, as last granted. */
    leaseMs;
    loop = Promise.resolve();
    /** Heartbeats sent (for the closing figures). */
    beats = 0;
    constructor(options) {
        this.options = options;
        const now = options.clock.now();
        this.leaseMs = options.expiresAt > now ? options.expiresAt - now : FALLBACK_LEASE_MS;
        this.expiresAt = now + this.leaseMs;
    }
    start() {
        this.loop = this.run();
    }
    /** Stops the heartbeats (the run ended); resolves when the loop has. */
    async stop() {
        this.stopper.abort();
        await this.loop;
    }
    async run() {
        const { clock, job, logger } = this.options;
        const signal = this.stopper.signal;
        let failed = false;
        while (!signal.aborted) {
            const wait = nextBeatInMs(this.expiresAt, clock.now());
            try {
                await clock.sleep(failed ? Math.max(HEARTBEAT_RETRY_FLOOR_MS, wait) : wait, signal);
            }
            catch {
                return;
            }
            try {
                this.beats += 1;
                const answer = await job.heartbeat({
                    runner_id: this.options.runnerId,
                    boot_id: this.options.bootId,
                    max_parallel_flows: this.options.maxParallelFlows,
                    runner_version: this.options.runnerVersion
                }, { signal });
                if (answer.status === 'rejected') {
                    logger.warning(`Echopoint rejected the lease of job ${job.jobId}: the execution was cancelled, completed or taken over; its run stops here`);
                    this.options.onRejected();
                    return;
                }
                // Renewed: the length the server gave (or the same as before), from now.
                const now = clock.now();
                if (answer.leaseExpiresAt !== undefined && answer.leaseExpiresAt > now) {
                    this.leaseMs = answer.leaseExpiresAt - now;
                }
                this.expiresAt = now + this.leaseMs;
                failed = false;
            }
            catch (err) {
                if (signal.aborted)
                    return;
                failed = true;
                logger.debug(`Heartbeat of job ${job.jobId} failed (tried again at the next tick): ${(0,errors/* toEchopointError */.HT)(err).message}`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/core/run/job/run-job.ts
/**
 * One flow on the ephemeral runner (docs/runner.md §1): claim the launched execution
 * (once, never repeated), run its flow definition with the flow engine inside
 * this job, keep the lease with heartbeats, send progress events, and complete
 * it with the engine's result. The flow's report comes from the local result:
 * no `/nodes` read, no polling.
 *
 * - A claim that fails or gets no answer fails the flow (`error`), naming the
 *   execution to inspect; nothing else is sent for it.
 * - A rejected lease stops the run at once; the job is not completed.
 * - The step's timeout or a cancel aborts the engine; the job completes
 *   `failed` with what finished.
 * - The completion is repeated after a 5xx or a network error only (the server
 *   applies it once).
 */








/** RFC 3339, to the second (the reference runner's precision for event times). */
function seconds(ms) {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
/** The secret values a job brings (root inputs and referenced flows' overrides), as text. */
function secretValues(job) {
    const values = job.secretInputKeys.map((key) => job.inputs[key]);
    for (const ref of Object.values(job.referencedFlows)) {
        // A child's secret may come from its overrides or from the root inputs it inherits.
        for (const key of ref.secret_input_keys ?? []) {
            values.push(ref.input_overrides?.[key] ?? job.inputs[key]);
        }
    }
    return values
        .filter((v) => v !== undefined && v !== null && v !== '')
        .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}
/**
 * Runs one launched execution in this job. Resolves with its outcome, or with
 * `undefined` when the claim was never sent (the run stopped first): the
 * execution is then left to the caller, which cancels it. Never rejects.
 */
async function runJob(item, context) {
    const { clock, logger } = context;
    const calls = { claim: 0, heartbeats: 0, eventBatches: 0, events: 0, completions: 0 };
    const began = clock.now();
    const id = item.execution.id;
    const outcome = (report, engineMs = 0) => ({
        report,
        calls,
        engineMs,
        apiMs: Math.max(0, clock.now() - began - engineMs)
    });
    let job;
    try {
        job = await context.api.claimExecution(item.flow.id, id, { runner_id: context.runnerId, boot_id: context.bootId }, { signal: context.signal, onSent: () => (calls.claim += 1) });
    }
    catch (err) {
        // Never sent (the run stopped while it waited its turn): nobody claimed it.
        if (calls.claim === 0)
            return undefined;
        const error = (0,errors/* toEchopointError */.HT)(err);
        const message = `Could not claim execution ${id}: ${error.message}. The claim is never sent twice ` +
            `(a lost answer may mean it was claimed): inspect execution ${id} in Echopoint before running the flow again.`;
        logger.error(message, { title: `Echopoint: "${item.flow.name}" could not be claimed` });
        return outcome(flowReportOf(item.flow, 'error', item, new errors/* EchopointError */.aw(error.kind, message, { code: error.code })));
    }
    logger.protect?.(job.jobToken);
    for (const value of secretValues(job))
        logger.protect?.(value);
    logger.info(`Claimed execution ${id} of "${item.flow.name}" (job ${job.jobId}); running it here`);
    try {
        return await runClaimed(item, job, context, calls, outcome);
    }
    catch (err) {
        // A defect after the claim: the flow is reported, the run goes on.
        const error = (0,errors/* toEchopointError */.HT)(err);
        const message = `Running execution ${id} here failed: ${error.message}. Inspect execution ${id} in Echopoint.`;
        logger.error(message, { title: `Echopoint: "${item.flow.name}" could not be run` });
        return outcome(flowReportOf(item.flow, 'error', item, new errors/* EchopointError */.aw(error.kind, message)));
    }
}
/** After the claim: lease, engine, events, completion. */
async function runClaimed(item, job, context, calls, outcome) {
    const { clock, logger } = context;
    const jobApi = (0,jobs/* createJobClient */.P)({
        apiUrl: context.apiUrl,
        jobId: job.jobId,
        jobToken: job.jobToken,
        clock,
        logger,
        deadline: context.deadline,
        userAgent: context.userAgent,
        names: context.names
    });
    // Stops the engine: the run's stop (timeout, cancel) or a rejected lease.
    const stop = new AbortController();
    const onRunStop = () => stop.abort();
    context.signal.addEventListener('abort', onRunStop, { once: true });
    if (context.signal.aborted)
        stop.abort();
    let rejected = false;
    const lease = new Lease({
        job: jobApi,
        runnerId: context.runnerId,
        bootId: context.bootId,
        maxParallelFlows: context.maxParallel,
        runnerVersion: `echopoint-ci/${version/* VERSION */.x}`,
        expiresAt: job.leaseExpiresAt,
        clock,
        logger,
        onRejected: () => {
            rejected = true;
            stop.abort();
        }
    });
    const events = new EventStream({
        job: jobApi,
        runnerId: context.runnerId,
        bootId: context.bootId,
        clock,
        logger,
        signal: stop.signal
    });
    lease.start();
    try {
        return await runLeased(item, job, context, calls, outcome, {
            jobApi,
            stop,
            lease,
            events,
            rejected: () => rejected
        });
    }
    finally {
        // Whatever happened: no heartbeat, event or listener outlives the job's run.
        context.signal.removeEventListener('abort', onRunStop);
        await lease.stop();
        events.stop();
    }
}
/** The job's run under its lease: engine, last events, completion. */
async function runLeased(item, job, context, calls, outcome, { jobApi, stop, lease, events, rejected }) {
    const { clock, logger } = context;
    const id = job.executionId;
    const engineStart = clock.now();
    let result;
    let definitionInvalid = false;
    try {
        const run = await runEngine(item, job, jobApi, events, stop.signal, context);
        result = run.result;
        definitionInvalid = run.definitionInvalid;
    }
    catch (err) {
        // The engine never throws for what a flow does; this is a defect: reported as the flow's error.
        const error = (0,errors/* toEchopointError */.HT)(err);
        result = emptyResult('RUNNER_ERROR', `The runner failed: ${error.message}`);
    }
    const engineMs = clock.now() - engineStart;
    if (rejected()) {
        await lease.stop();
        events.stop();
        calls.heartbeats = lease.beats;
        calls.events = events.count;
        const error = new errors/* EchopointError */.aw('conflict', `Echopoint rejected the lease of execution ${id} (job ${job.jobId}) while it ran: it was cancelled, completed or taken over. The run stopped and its result was not reported.`);
        return outcome({
            ...(0,local_result/* flowReportFromResult */.a)(result, reportMeta(item, job)),
            status: 'error',
            error_message: error.message
        }, engineMs);
    }
    // Decided from what the engine did, not from a stop that came after it finished.
    const cancelled = result.error_code === 'EXECUTION_CANCELLED';
    const stopped = cancelled ? (context.why() ?? 'cancelled') : undefined;
    const status = cancelled || definitionInvalid || result.error_code === 'RUNNER_ERROR' ? 'failed' : 'completed';
    // The wrap-up (last events, completion) has the time left; the events at most half of it.
    const budget = Math.max(100, Math.round(context.wrapUpMs()));
    const wrapUp = AbortSignal.timeout(budget);
    const lastSequence = await events.close(AbortSignal.timeout(Math.max(100, Math.round(budget / 2))));
    calls.events = events.count;
    calls.eventBatches = events.requests;
    const report = (0,local_result/* flowReportFromResult */.a)(result, {
        ...reportMeta(item, job),
        stopped: stopped === undefined ? undefined : stopped === 'timeout' ? 'timed_out' : 'cancelled'
    });
    const completedAt = clock.now();
    const requestsBefore = jobApi.stats.requests;
    try {
        await jobApi.complete({
            runner_id: context.runnerId,
            boot_id: context.bootId,
            status,
            started_at: new Date(engineStart).toISOString(),
            completed_at: new Date(Math.max(completedAt, engineStart)).toISOString(),
            duration_ms: Math.max(0, Math.round(completedAt - engineStart)),
            result,
            error_message: result.success ? null : (result.error_message ?? null),
            error_code: result.success ? null : (result.error_code ?? null),
            last_event_sequence: lastSequence,
            runner_version: `echopoint-ci/${version/* VERSION */.x}`
        }, { signal: wrapUp });
    }
    catch (err) {
        const error = (0,errors/* toEchopointError */.HT)(err);
        calls.completions = jobApi.stats.requests - requestsBefore;
        const retried = calls.completions > 1;
        const message = error.kind === 'conflict' && retried
            ? `Echopoint refused a repeated completion of execution ${id} (${error.message}); an earlier attempt whose answer was lost was probably recorded. Check execution ${id} in Echopoint.`
            : `The result of execution ${id} could not be reported to Echopoint: ${error.message}. The flow ran here (its result is below); inspect execution ${id} in Echopoint.`;
        logger.error(message, { title: `Echopoint: "${item.flow.name}" was not reported` });
        return outcome({ ...report, status: 'error', error_message: message }, engineMs);
    }
    finally {
        // The lease is kept until the completion has answered.
        await lease.stop();
        calls.heartbeats = lease.beats;
    }
    calls.completions = jobApi.stats.requests - requestsBefore;
    logger.debug(`Job ${job.jobId}: ${calls.heartbeats} heartbeat(s), ${calls.events} event(s) in ${calls.eventBatches} request(s), ${calls.completions} completion request(s)`);
    return outcome(report, engineMs);
}
function emptyResult(code, message) {
    return {
        execution_results: {},
        final_outputs: {},
        success: false,
        error_code: code,
        error_message: message,
        duration_ms: 0
    };
}
/** Loads the claimed definition and runs it, telling the events as nodes start and finish. */
async function runEngine(item, job, jobApi, events, signal, context) {
    const { clock, logger } = context;
    const engine = await Promise.all(/* import() */[__webpack_require__.e(20), __webpack_require__.e(695), __webpack_require__.e(981)]).then(__webpack_require__.bind(__webpack_require__, 55981));
    const { flow, problems } = engine.loadFlow(job.flowDefinition, {
        inputs: Object.keys(job.inputs),
        referencedFlows: job.referencedFlows,
        flowId: job.flowId
    });
    events.push('flow.started', {
        execution_id: job.executionId,
        flowName: flow.name || item.flow.name,
        timestamp: seconds(clock.now())
    });
    if (problems.length > 0) {
        const listed = problems
            .slice(0, 5)
            .map((p) => `${p.node ? `node ${p.node}, ` : ''}${p.field}: ${p.message}`)
            .join('; ');
        return {
            result: emptyResult('FLOW_DEFINITION_INVALID', `The flow definition is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${listed}`),
            definitionInvalid: true
        };
    }
    const result = await engine.runFlow(flow, {
        inputs: job.inputs,
        secretInputKeys: job.secretInputKeys,
        executionId: job.executionId,
        signal,
        clock,
        maxHttpCalls: job.maxHttpCalls,
        referencedFlows: job.referencedFlows,
        webhookRequests: (requestSignal) => jobApi.webhookRequests({ signal: requestSignal }),
        observer: {
            nodeStarted: (e) => {
                events.push('node.started', {
                    nodeId: e.nodeId,
                    displayName: e.displayName,
                    nodeType: e.nodeType,
                    timestamp: seconds(e.at)
                });
            },
            nodeFinished: (e) => {
                const failed = (0,local_result.localNodeStatus)(e.result) === 'failed';
                events.push(failed ? 'node.failed' : 'node.completed', {
                    nodeId: e.nodeId,
                    displayName: e.displayName,
                    duration: e.result.duration_ms,
                    timestamp: seconds(e.finishedAt),
                    ...(failed ? {} : { success: true }),
                    result: e.result,
                    ...(failed ? { error: e.result.error_message } : {})
                });
                if (failed)
                    logNodeFailure(logger, item, e.result);
            }
        }
    });
    return { result, definitionInvalid: false };
}
function reportMeta(item, job) {
    return { flow_id: item.flow.id, flow_name: item.flow.name, execution_id: job.executionId };
}
/** A failed node, as soon as it is seen (the report repeats it at the end). */
function logNodeFailure(logger, item, node) {
    logger.info(`"${item.flow.name}": node "${node.display_name}" failed: ${node.error_message ?? node.error_code ?? 'failed'}`);
}
/** A fresh boot id per run (docs/runner.md §1.3), and a runner id naming this kit and host. */
function runnerIdentity() {
    return { runnerId: `echopoint-ci-${version/* VERSION */.x}`, bootId: (0,external_node_crypto_.randomUUID)() };
}

;// CONCATENATED MODULE: ./src/core/run/ephemeral.ts



/**
 * Runs the executions to claim; returns the report of each one it ran. The
 * others (replays already over, and executions not claimed before a stop) are
 * left to the caller, which follows or cancels them as for a cloud run.
 */
async function runEphemeral(items, deps) {
    const reports = new Map();
    const totals = {
        claim: 0,
        heartbeats: 0,
        eventBatches: 0,
        events: 0,
        completions: 0,
        engineMs: 0,
        apiMs: 0
    };
    const toRun = items.filter((item) => !(0,types/* isTerminal */.H)(item.execution.status));
    for (const item of items.filter((i) => (0,types/* isTerminal */.H)(i.execution.status))) {
        deps.logger.info(`Execution ${item.execution.id} of "${item.flow.name}" is already ${item.execution.status} (a replay of an earlier launch): reported as it stands, not run again`);
    }
    const { runnerId, bootId } = runnerIdentity();
    const { scope } = deps;
    await mapWithConcurrency(toRun, deps.maxParallel, async (item) => {
        deps.board.set(item.flow, { state: 'running' });
        const outcome = await runJob(item, {
            api: deps.api,
            apiUrl: deps.apiUrl,
            clock: deps.clock,
            logger: deps.logger,
            signal: scope.signal,
            why: () => scope.why,
            wrapUpMs: () => scope.wrapUpBudgetMs(),
            deadline: scope.deadline,
            runnerId,
            bootId,
            maxParallel: deps.maxParallel,
            userAgent: deps.userAgent,
            names: deps.names
        });
        // Not claimed before the run stopped: left to the caller, which cancels it.
        if (!outcome)
            return;
        reports.set(item, outcome.report);
        deps.board.set(item.flow, { state: outcome.report.status });
        deps.onReport?.(item, outcome.report);
        for (const key of ['claim', 'heartbeats', 'eventBatches', 'events', 'completions']) {
            totals[key] += outcome.calls[key];
        }
        totals.engineMs += outcome.engineMs;
        totals.apiMs += outcome.apiMs;
    }, 
    // Executions not claimed when the run stops are left to the caller (they get cancelled).
    () => scope.signal.aborted || deps.stop?.aborted === true);
    return { reports, totals };
}

;// CONCATENATED MODULE: ./src/core/run/selection.ts



/** The API's largest page (docs/api-contract.md: limit 1..100). */
const PAGE_SIZE = 100;
/** A search that keeps returning pages past this is not converging; stop rather than loop. */
const MAX_PAGES = 1000;
async function searchAll(api, tags, matchMode, signal, apiUrlName) {
    const found = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
        const result = await api.searchFlows({
            tags,
            tag_match_mode: matchMode,
            pagination: { limit: PAGE_SIZE, offset },
            sort_direction: 'ASC'
        }, { signal });
        for (const item of result.items) {
            if (!matchesTags(item.tags, tags, matchMode)) {
                throw new errors/* EchopointError */.aw('contract', `POST /flows/search answered with flow ${item.id} ("${item.name}"), whose tags (${item.tags.join(', ') || 'none'}) do not match ${matchMode === 'all' ? 'all of' : 'any of'} ${tags.join(', ')}`, {
                    request: 'POST /flows/search',
                    hint: `Nothing was launched. Check that ${apiUrlName} points at the Echopoint API and not at a proxy or cache that mixes up answers`
                });
            }
            found.push(item);
        }
        offset += result.items.length;
        if (result.items.length === 0 || offset >= result.total)
            return found;
    }
    throw new errors/* EchopointError */.aw('contract', `POST /flows/search returned more than ${MAX_PAGES} pages`);
}
/** Whether a flow's tags satisfy the search (tags match exactly, docs/api-contract.md). */
function matchesTags(flowTags, asked, mode) {
    const have = new Set(flowTags);
    return mode === 'all' ? asked.every((t) => have.has(t)) : asked.some((t) => have.has(t));
}
/**
 * Takes the `index`-th of `total` slices: flows sorted by ID and dealt out in
 * turn, so every job of a matrix computes the same split from the same
 * selection, each flow lands in exactly one slice, and slices differ in size
 * by at most one.
 */
function shardOf(flows, shard) {
    const sorted = [...flows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const mine = new Set(sorted.filter((_, i) => i % shard.total === shard.index - 1).map((f) => f.id));
    // Keep the selection's own order within the slice.
    return flows.filter((f) => mine.has(f.id));
}
/** Resolves the selection into flows. Throws `not_found` naming an unknown flow ID. */
async function selectFlows(api, selection, options) {
    const names = options.names ?? run_config/* ACTION_INPUT_NAMES */.fA;
    let flows;
    if (selection.kind === 'ids') {
        const fetched = await mapWithConcurrency(selection.flowIds, options.concurrency, async (id) => {
            try {
                const flow = await api.getFlow(id, { signal: options.signal });
                return { id: flow.id, name: flow.name };
            }
            catch (err) {
                if (err instanceof errors/* EchopointError */.aw && err.kind === 'not_found') {
                    throw new errors/* EchopointError */.aw('not_found', `Flow ${id} was not found in this organization`, {
                        status: err.status,
                        code: err.code,
                        request: err.request,
                        hint: `Check the ID in ${names.flowIds}; flows of another organization are not visible to this key.`
                    });
                }
                throw err;
            }
        });
        flows = fetched.filter((f) => f !== undefined);
    }
    else {
        const items = await searchAll(api, selection.tags, selection.matchMode, options.signal, names.apiUrl);
        flows = items.map((item) => ({ id: item.id, name: item.name }));
    }
    const seen = new Set();
    flows = flows.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
    return options.shard ? shardOf(flows, options.shard) : flows;
}

;// CONCATENATED MODULE: ./src/core/run/run.ts

















/** A launched execution's state for live progress (a replayed launch may already be terminal). */
function progressStateOf(execution) {
    if ((0,types/* isTerminal */.H)(execution.status))
        return (0,run_results/* flowStatusOf */.Of)(execution);
    return execution.status === 'running' ? 'running' : 'pending';
}
/** A followed execution's report once its end is known (before any stop changes it). */
function reportOfEnd(item) {
    return item.error
        ? flowReportOf(item.flow, 'error', item, item.error)
        : flowReportOf(item.flow, (0,run_results/* flowStatusOf */.Of)(item.execution), item);
}
/** Runs everything `config` selects. Never throws. */
async function runFlows(config, deps) {
    const { clock, logger } = deps;
    // One signal for every request and wait: aborted by the deadline or by a cancel.
    const scope = new RunScope(clock, config.timeoutMs, deps.signal);
    let api;
    let key;
    const items = [];
    const failFast = new FailFast(config.failFast, scope, deps);
    const finish = (reports, error) => {
        const runStatus = error === undefined
            ? undefined
            : error.kind === 'timeout'
                ? 'timed_out'
                : error.kind === 'cancelled'
                    ? 'cancelled'
                    : 'error';
        const stats = api ? { ...api.stats } : { requests: 0, retries: 0, waits: 0, waitedMs: 0 };
        const stopped = failFast.outcome(reports);
        const results = (0,run_results/* buildResults */.rq)(stopped?.reports ?? reports, clock.now() - scope.startedAt, runStatus, { count: stats.waits, total_ms: stats.waitedMs }, stopped?.consequences);
        return {
            results,
            key,
            executionIds: items.map((i) => i.execution.id),
            error,
            stats,
            failFast: stopped?.stop
        };
    };
    try {
        api =
            deps.api ??
                (0,client/* createClient */.U)({
                    apiUrl: config.apiUrl,
                    apiKey: config.apiKey,
                    organizationId: config.organizationId,
                    clock,
                    logger,
                    deadline: scope.deadline,
                    userAgent: deps.userAgent,
                    names: config.names
                });
        const prepared = await prepare(api, config, deps, scope.signal);
        key = prepared.key;
        if (prepared.outcome)
            return finish([], prepared.outcome.error);
        const flows = prepared.flows;
        const board = new ProgressBoard(deps.onProgress, logger);
        board.start(flows);
        const parts = { api, config, deps, scope, board, failFast, items };
        let launches;
        let local = new Map();
        if (config.runner === 'ephemeral') {
            launches = await launchAll(parts, flows, failFast.signal);
            if (!scope.signal.aborted && !failFast.stopped) {
                local = (await runEphemeral(items, {
                    api,
                    apiUrl: config.apiUrl,
                    clock,
                    logger,
                    scope,
                    maxParallel: config.maxParallel,
                    board,
                    userAgent: deps.userAgent,
                    names: config.names,
                    stop: failFast.signal,
                    onReport: (_item, report) => failFast.ended(report)
                })).reports;
            }
            // What the ephemeral runner did not run (replays already over, executions not
            // claimed before a stop) is followed or cancelled as in a cloud run.
            const remote = items.filter((item) => !local.has(item));
            giveUp(remote, await followAll(parts, remote));
        }
        else {
            // Pipelined: following starts with the first launch and runs beside the rest;
            // when following fails, no more is launched (it could not be followed).
            const feed = new LaunchFeed();
            const halt = new AbortController();
            const following = followAll(parts, feed, (error) => halt.abort(error));
            const stop = failFast.signal ? AbortSignal.any([failFast.signal, halt.signal]) : halt.signal;
            try {
                launches = await launchAll(parts, flows, stop, feed);
            }
            finally {
                feed.end();
            }
            giveUp(items, await following);
        }
        const remote = items.filter((item) => !local.has(item));
        const leftRunning = await stopInFlight(api, remote, config, logger, scope, failFast);
        const reports = flowReports({ launches, items, why: scope.why, leftRunning, local });
        for (const r of reports) {
            const flow = flows.find((f) => f.id === r.flow_id);
            if (flow)
                board.set(flow, { state: r.status });
        }
        const why = scope.why;
        return finish(reports, why ? runAbortError(why, config) : undefined);
    }
    catch (err) {
        // Before any launch (preflight, selection), or a defect: the run as a whole failed.
        // Executions already launched are still reported (the steps above do not throw
        // once launching starts; this is the net under them).
        const error = scope.why ? runAbortError(scope.why, config) : (0,errors/* toEchopointError */.HT)(err);
        return finish(items.map((item) => flowReportOf(item.flow, 'error', item, error)), error);
    }
    finally {
        scope.dispose();
    }
}
/** Preflight and selection: the key's details and the flows to run, or the outcome that ends the run here. */
async function prepare(api, config, deps, signal) {
    const { logger } = deps;
    const key = await (0,preflight/* preflight */.Mz)(api, {
        organizationId: config.organizationId,
        selection: config.selection.kind,
        runner: config.runner,
        logger,
        signal,
        names: config.names,
        surface: config.surface
    });
    const flows = await selectFlows(api, config.selection, {
        concurrency: config.maxParallel,
        shard: config.shard,
        signal,
        names: config.names
    });
    const how = config.selection.kind === 'ids'
        ? 'by ID'
        : `by tag${config.selection.tags.length > 1 ? 's' : ''} ${config.selection.tags.join(', ')} (match ${config.selection.matchMode})`;
    const shard = config.shard ? `, shard ${config.shard.index}/${config.shard.total}` : '';
    logger.info(`Selected ${flows.length} flow${flows.length === 1 ? '' : 's'} ${how}${shard}`);
    if (flows.length > 0)
        return { key, flows };
    const { names } = config;
    const cli = config.surface === 'cli';
    if (config.failOnEmpty) {
        const allow = cli
            ? `pass ${names.failOnEmpty} to allow an empty run`
            : `set ${names.failOnEmpty}: false to allow an empty run`;
        return {
            key,
            flows,
            outcome: {
                error: new errors/* EchopointError */.aw('config', 'The selection matched no flows', {
                    hint: config.selection.kind === 'tags'
                        ? `Check the tags (they match exactly) and ${names.matchMode}, or ${allow}.`
                        : `${allow[0].toUpperCase()}${allow.slice(1)}.`
                })
            }
        };
    }
    logger.warning(`The selection matched no flows; passing because ${cli ? `of ${names.failOnEmpty}` : `${names.failOnEmpty} is false`}`);
    return { key, flows, outcome: {} };
}
/**
 * Launches every flow; each launched execution joins `items` (in selection
 * order, once all have answered) and `feed` (as soon as its launch answers).
 */
async function launchAll(parts, flows, stop, feed) {
    const { api, config, deps, scope, items, board, failFast } = parts;
    const { clock } = deps;
    const launches = await launchFlows(api, flows, {
        config,
        ci: deps.ci,
        invocationId: deps.invocationId,
        logger: deps.logger,
        // Once stopped, no new launch starts; those in flight get the grace to answer.
        signal: scope.signal,
        requestSignal: scope.launchSignal,
        // Fail-fast launches no more; those sent get their answer (and are cancelled).
        stop,
        onLaunched: (outcome) => {
            if (outcome.execution) {
                const item = { flow: outcome.flow, execution: outcome.execution };
                items.push(item);
                feed?.add(item);
                board.set(outcome.flow, {
                    state: progressStateOf(outcome.execution),
                    executionId: outcome.execution.id,
                    startedAt: Date.parse(outcome.execution.started_at) || clock.now()
                });
            }
            else {
                board.set(outcome.flow, {
                    state: outcome.error?.kind === 'cancelled' ? 'cancelled' : 'error'
                });
                if (outcome.error && outcome.error.kind !== 'cancelled') {
                    failFast.ended(flowReportOf(outcome.flow, 'error', undefined, outcome.error));
                }
            }
        }
    }).finally(() => scope.endGrace());
    // Keep launch order in the items (launches finish in any order).
    const order = new Map(flows.map((f, i) => [f.id, i]));
    items.sort((a, b) => (order.get(a.flow.id) ?? 0) - (order.get(b.flow.id) ?? 0));
    return launches;
}
/**
 * Follows the launched executions to the end, or until the run stops. When
 * following fails for another reason (a defect, an answer the kit cannot read),
 * resolves with that error: the run launches no more, every execution still in
 * flight gets the error (giveUp) and the run reports what it has instead of
 * failing whole; stopInFlight then cancels them.
 */
async function followAll(parts, source, onFailure) {
    const { api, config, deps, scope, board, failFast } = parts;
    if (scope.signal.aborted || failFast.stopped)
        return undefined;
    if (!(source instanceof LaunchFeed) && source.length === 0)
        return undefined;
    try {
        await followExecutions(api, source, {
            clock: deps.clock,
            logger: deps.logger,
            pollInterval: config.pollInterval,
            concurrency: config.maxParallel,
            signal: failFast.signal ? AbortSignal.any([scope.signal, failFast.signal]) : scope.signal,
            onChange: (item) => board.set(item.flow, { state: item.error ? 'error' : progressStateOf(item.execution) }),
            onEnd: (item) => failFast.ended(reportOfEnd(item))
        });
    }
    catch (err) {
        if (scope.why || failFast.stopped)
            return undefined;
        const error = (0,errors/* toEchopointError */.HT)(err);
        deps.logger.error(`Stopped following the executions: ${error.userMessage}`);
        onFailure?.(error);
        return error;
    }
    return undefined;
}
/** Gives every execution still in flight the error that stopped following them. */
function giveUp(items, error) {
    if (!error)
        return;
    for (const item of items) {
        if (!item.error && !(0,types/* isTerminal */.H)(item.execution.status)) {
            item.error = new errors/* EchopointError */.aw(error.kind, `Stopped following it: ${error.message}`, {
                status: error.status,
                code: error.code,
                request: error.request
            });
        }
    }
}
/**
 * After a stop (deadline, cancel), or for executions the run gave up following:
 * cancels what is still in flight, within the time left, and says why each one
 * left running is.
 */
async function stopInFlight(api, items, config, logger, scope, failFast) {
    const leftRunning = new Map();
    const why = scope.why;
    // Without a stop, the only executions not ended are those the run gave up following.
    const still = items.filter((i) => !(0,types/* isTerminal */.H)(i.execution.status));
    if (still.length === 0)
        return leftRunning;
    const list = still.map((i) => `"${i.flow.name}" (${i.execution.id})`).join(', ');
    const count = `${still.length} flow${still.length === 1 ? '' : 's'}`;
    // Info, not an error: the adapters report each timed-out flow (a warning
    // annotation per flow) and the verdict; an error here would say it twice.
    logger.info(why === 'timeout'
        ? `Timed out after ${(0,core_duration/* formatDuration */.a)(config.timeoutMs)} with ${count} still running: ${list}`
        : why === 'cancelled'
            ? `Cancelled with ${count} still running: ${list}`
            : failFast.stopped
                ? `Fail-fast: cancelling ${count} still running: ${list}`
                : `Cancelling ${count} this run can no longer follow: ${list}`);
    failFast.cancelling(still);
    if (why === 'cancelled' && !config.cancelOnAbort) {
        // The CLI's flag is the negative one: `--no-cancel-on-abort` is how it is turned off.
        const because = config.surface === 'cli'
            ? config.names.cancelOnAbort
            : `${config.names.cancelOnAbort} is false`;
        logger.info(`Leaving them running in Echopoint: ${because}`);
        for (const item of still) {
            leftRunning.set(item, new errors/* EchopointError */.aw('cancelled', `Left running in Echopoint (${because})`));
        }
        return leftRunning;
    }
    await cancelExecutions(api, still, {
        clock: scope.clock,
        logger,
        budgetMs: scope.cancelBudgetMs(failFast.stopped),
        // All at once (up to 32): one slow answer must not hold up the others.
        concurrency: Math.min(still.length, Math.max(config.maxParallel, 32))
    });
    for (const item of still.filter((i) => !(0,types/* isTerminal */.H)(i.execution.status))) {
        leftRunning.set(item, new errors/* EchopointError */.aw(why ?? 'contract', 'Still running in Echopoint: it could not be cancelled (see the warning above)'));
    }
    return leftRunning;
}
function runAbortError(why, config) {
    return why === 'timeout'
        ? new errors/* EchopointError */.aw('timeout', `The run did not finish within its timeout of ${(0,core_duration/* formatDuration */.a)(config.timeoutMs)}`, {
            hint: `Raise ${config.names.timeout}, or run fewer flows per job (see ${config.names.shard}).`
        })
        : new errors/* EchopointError */.aw('cancelled', 'The run was cancelled');
}
/** The outcome of a run that could not start (invalid configuration): nothing was sent. */
function outcomeOfError(error) {
    return {
        results: (0,run_results/* buildResults */.rq)([], 0, 'error'),
        executionIds: [],
        error,
        stats: { requests: 0, retries: 0, waits: 0, waitedMs: 0 }
    };
}
/** One line for the end of the log and for setFailed: what happened and what to do. */
function verdictMessage(outcome) {
    const { results, error } = outcome;
    const c = results.counts;
    if (error && results.flows.length === 0)
        return error.userMessage;
    const tally = `${c.passed}/${c.total} flows passed`;
    const stop = outcome.failFast;
    if (stop) {
        const what = [
            stop.cancelled > 0 ? `${stop.cancelled} cancelled` : '',
            stop.notLaunched > 0 ? `${stop.notLaunched} not launched` : ''
        ].filter((p) => p !== '');
        const failed = c.failed > 0 ? `; ${c.failed} failed` : '';
        const errors = c.error > 0 ? `; ${c.error} could not be run` : '';
        return `${tally}${failed}${errors}; fail-fast stopped the run after "${stop.flowName}" ${stop.status}${what.length > 0 ? ` (${what.join(', ')})` : ''}`;
    }
    switch (results.status) {
        case 'passed':
            return `All ${c.total} flow${c.total === 1 ? '' : 's'} passed`;
        case 'failed':
            return `${tally}; ${c.failed} failed`;
        case 'timed_out':
            return `${tally}; ${c.timed_out} timed out. ${error?.userMessage ?? ''}`.trim();
        case 'cancelled':
            return `${tally}; the run was cancelled`;
        default:
            return error ? `${tally}. ${error.userMessage}` : `${tally}; ${c.error} could not be run`;
    }
}

// EXTERNAL MODULE: ./src/core/input-values.ts
var input_values = __webpack_require__(92154);
;// CONCATENATED MODULE: ./src/core/report/write-reports.ts
/**
 * The report files both front doors write after a run, in one place: the JUnit
 * report (written even when the inputs did not validate, so a test-report step
 * still shows the error), with a warning instead of a failure when it cannot be
 * written. The XML builder is loaded only when a report is asked for.
 */


/**
 * Where the JUnit report goes: the validated config's path, or, when the inputs
 * did not validate, the path as the user gave it if it is usable at all.
 */
function junitTarget(config, raw) {
    return config ? config.junitPath : (0,input_values/* usablePath */.ou)(raw);
}
/** Writes the JUnit report to `path` when there is one; returns where it was written. */
async function writeJunit(path, outcome, logger) {
    if (!path)
        return undefined;
    try {
        const { writeJunitReport } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(490)]).then(__webpack_require__.bind(__webpack_require__, 46490));
        const written = await writeJunitReport(path, outcome.results, { error: outcome.error });
        logger.info(`JUnit report written to ${written}`);
        return written;
    }
    catch (err) {
        logger.warning(`Could not write the JUnit report to ${path}: ${(0,errors/* toEchopointError */.HT)(err).message}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/core/redact.ts
var core_redact = __webpack_require__(12258);
// EXTERNAL MODULE: ./src/core/report/escape.ts
var report_escape = __webpack_require__(8547);
// EXTERNAL MODULE: ./src/cli/logger.ts
var cli_logger = __webpack_require__(12280);
// EXTERNAL MODULE: ./src/cli/progress.ts
var progress = __webpack_require__(9851);
;// CONCATENATED MODULE: ./src/core/report/table.ts
/** The `--output table` rendering of a run: one line per flow, failures with their assertion, then the verdict. */




const LABEL = {
    passed: 'PASS',
    failed: 'FAIL',
    timed_out: 'TIMEOUT',
    cancelled: 'CANCELLED',
    error: 'ERROR'
};
function renderTable(outcome) {
    const { results } = outcome;
    const lines = [];
    const width = Math.max(4, ...results.flows.map((f) => Math.min(60, (0,report_escape/* oneLine */.TN)(f.flow_name).length)));
    for (const flow of results.flows) {
        const name = (0,report_escape/* oneLine */.TN)(flow.flow_name, 60).padEnd(width);
        const duration = flow.duration_ms === null ? '' : (0,core_duration/* formatDuration */.a)(flow.duration_ms);
        lines.push(`${LABEL[flow.status].padEnd(9)} ${name}  ${duration.padEnd(8)} ${flow.flow_id}`);
        const failedNodes = flow.nodes.filter((n) => n.status === 'failed');
        // The flow's message repeats its failed node's; the node lines say it more precisely.
        if (flow.status !== 'passed' && flow.error_message && failedNodes.length === 0)
            lines.push(`          ${(0,report_escape/* oneLine */.TN)(flow.error_message)}`);
        for (const node of failedNodes) {
            // A message that only restates the assertions below is left out: each failure once.
            const message = node.error_message && !(0,run_results/* restatesAssertions */.Bx)(node) ? `: ${(0,report_escape/* oneLine */.TN)(node.error_message)}` : '';
            lines.push(`          node "${(0,report_escape/* oneLine */.TN)(node.display_name, 80)}" failed${message}`);
            for (const a of node.assertions.filter((x) => !x.passed)) {
                // Why it could not be evaluated, when it could not (as the job summary says it).
                const error = a.error ? ` (${(0,report_escape/* oneLine */.TN)(a.error, 2000)})` : '';
                lines.push(`            ${(0,report_escape/* oneLine */.TN)(a.extractor, 60)} ${(0,report_escape/* oneLine */.TN)(a.operator, 30)}: expected ${(0,report_escape/* oneLine */.TN)((0,report_escape/* showValue */.vp)(a.expected))}, actual ${(0,report_escape/* oneLine */.TN)((0,report_escape/* showValue */.vp)(a.actual))}${error}`);
            }
        }
    }
    if (lines.length > 0)
        lines.push('');
    lines.push(`${verdictMessage(outcome)} (${results.status}, ${(0,core_duration/* formatDuration */.a)(results.duration_ms)})`);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
;// CONCATENATED MODULE: ./src/cli/commands/run.ts
/** `echopoint-ci run`: the same core as the action, with exit codes for any CI system. */















const CLI_INPUT_NAMES = {
    ...cli_io/* CLI_CREDENTIAL_NAMES */.wF,
    flowIds: 'FLOW_ID',
    tags: '--tag',
    matchMode: '--match-mode',
    environment: '--environment',
    versionId: '--version-id',
    runner: '--runner',
    timeout: '--timeout',
    pollInterval: '--poll-interval',
    maxParallel: '--max-parallel',
    idempotencyKey: '--idempotency-key',
    failOnEmpty: '--allow-empty',
    cancelOnAbort: '--no-cancel-on-abort',
    failFast: '--fail-fast',
    junitPath: '--junit',
    jobSummary: 'job-summary',
    shard: '--shard'
};
/** Runs the command; returns the exit code. */
async function runCommand(flowIds, flags, io) {
    if (flags.output !== 'table' && flags.output !== 'json') {
        io.stderr(`error: Invalid --output: "${flags.output}" is not one of table, json.`);
        return run_results/* EXIT_CODES */.ai.error;
    }
    // At a terminal, live progress owns stderr: log lines go above its block.
    const stream = io.progress ?? process.stderr;
    const live = (0,progress/* wantsLiveProgress */.TH)(stream, io.env)
        ? new progress/* LiveProgress */.In({ stream, color: io.env.NO_COLOR === undefined })
        : undefined;
    // Secrets learned during the run (a claimed job's secret inputs) are hidden in the output too.
    const learned = [];
    const logger = (0,cli_logger/* createCliLogger */.x)({
        verbose: flags.verbose === true,
        secrets: [(0,cli_io/* readCredentials */.L1)(flags, io.env).apiKey],
        write: live ? (line) => live.log(line) : io.stderr,
        onProtect: (secret) => learned.push(secret)
    });
    const onInterrupt = () => logger.info(flags.cancelOnAbort
        ? 'Interrupted: stopping, and cancelling the executions this run launched'
        : 'Interrupted: stopping (executions keep running: --no-cancel-on-abort)');
    io.signal?.addEventListener('abort', onInterrupt, { once: true });
    try {
        return await runAndReport(flowIds, flags, io, logger, live, learned);
    }
    finally {
        live?.stop();
        io.signal?.removeEventListener('abort', onInterrupt);
    }
}
async function runAndReport(flowIds, flags, io, logger, live, learned) {
    const creds = (0,cli_io/* readCredentials */.L1)(flags, io.env);
    let config;
    let outcome;
    try {
        config = (0,run_config/* resolveRunConfig */.y9)({
            ...creds,
            flowIds,
            tags: flags.tag,
            matchMode: flags.matchMode,
            environment: flags.environment,
            versionId: flags.versionId,
            runner: flags.runner,
            timeout: flags.timeout,
            pollInterval: flags.pollInterval,
            maxParallel: flags.maxParallel,
            idempotencyKey: flags.idempotencyKey,
            failOnEmpty: flags.allowEmpty !== true,
            cancelOnAbort: flags.cancelOnAbort,
            failFast: flags.failFast,
            junitPath: flags.junit,
            jobSummary: false,
            shard: flags.shard
        }, CLI_INPUT_NAMES, 'cli');
        outcome = await runFlows(config, {
            clock: clock/* systemClock */.ml,
            logger,
            ci: detectCiContext(io.env),
            invocationId: newInvocationId(),
            signal: io.signal,
            userAgent: `echopoint-ci-cli/${version/* VERSION */.x}`,
            onProgress: live ? (flows) => live.update(flows) : undefined
        });
    }
    catch (err) {
        outcome = outcomeOfError((0,errors/* toEchopointError */.HT)(err));
    }
    // Written even when the options did not validate: a report step then shows the error.
    await writeJunit(junitTarget(config, flags.junit), outcome, logger);
    live?.stop();
    // A run that stopped before any flow: the reason on stderr (stdout keeps only the result).
    const stoppedEarly = outcome.error !== undefined && outcome.results.flows.length === 0;
    // The core redacts what the API sends; this is the last line of defence before a person reads it.
    const redact = (0,core_redact/* createRedactor */.lY)([...(creds.apiKey ? [creds.apiKey] : []), ...learned]);
    if (stoppedEarly)
        io.stderr(redact(`error: ${(0,report_escape/* oneLine */.TN)(outcome.error?.userMessage ?? '', 4000)}`));
    // A usage error (the options did not validate, nothing was sent): only that one line.
    if (config === undefined)
        return run_results/* EXIT_CODES */.ai[outcome.results.status];
    // `##[` can only be inside a JSON string: \u0023 keeps the document equal and the runner blind.
    if (flags.output === 'json') {
        io.stdout(redact(JSON.stringify(outcome.results, null, 2)).replace(/##\[/g, '#\\u0023['));
    }
    else if (!stoppedEarly)
        io.stdout((0,report_escape/* inertText */.UJ)(redact(renderTable(outcome))));
    return run_results/* EXIT_CODES */.ai[outcome.results.status];
}
function collect(value, previous = []) {
    return [...previous, value];
}
function runCommandDefinition(io, setExit) {
    const command = new esm/* Command */.uB('run')
        .description('Launch Echopoint flows by ID or by tag, follow them to the end, and exit with the verdict')
        .argument('[FLOW_ID...]', 'flow IDs to run (or select by --tag)')
        .option('--tag <tag>', 'run flows with this tag (repeatable; comma-separated also works)', collect)
        .option('--match-mode <mode>', (0,cli_io/* describeDefault */.ZA)('any (a flow with at least one tag) or all (every tag)', 'any'))
        .option('--environment <key>', 'environment_key for the launch')
        .option('--version-id <id>', 'run a published version of the flow')
        .option('--runner <runner>', (0,cli_io/* describeDefault */.ZA)('where flows run: cloud, ephemeral (claimed and run on this machine) or self_hosted', 'cloud'))
        .option('--timeout <duration>', (0,cli_io/* describeDefault */.ZA)('overall deadline: 900, 90s, 15m, 1h', run_config/* DEFAULT_TIMEOUT */.cS))
        .option('--poll-interval <seconds>', (0,cli_io/* describeDefault */.ZA)('seconds between status polls, or auto', 'auto'))
        .option('--max-parallel <n>', (0,cli_io/* describeDefault */.ZA)('launches at once', run_config/* DEFAULT_MAX_PARALLEL */.dT))
        .option('--idempotency-key <key>', (0,cli_io/* describeDefault */.ZA)('idempotency key for the launches', 'derived from the CI run and the flow'))
        .option('--shard <i/n>', 'run only the i-th of n deterministic slices of the selection')
        .addOption((0,cli_io/* optionWithDefault */.h6)('--output <format>', 'table or json (the results document) on stdout', 'table'))
        .option('--junit <file>', 'also write a JUnit XML report to this file')
        .option('--allow-empty', 'pass when the selection matches no flow, which otherwise fails')
        .option('--no-cancel-on-abort', 'leave executions running when interrupted instead of cancelling them')
        .option('--fail-fast', 'stop at the first flow that does not pass: cancel the running executions, launch no more')
        .option('-v, --verbose', 'debug logging (never shows the key)');
    (0,cli_io/* credentialOptions */.Kn)(command);
    command
        .addHelpText('after', `
Examples:
  $ export ECHOPOINT_API_KEY=... ECHOPOINT_ORGANIZATION_ID=org_abc123
  $ echopoint-ci run --tag smoke
  $ echopoint-ci run --tag regression --tag checkout --match-mode all --junit reports/echopoint.xml
  $ echopoint-ci run 3f1c7a52-0b7e-4a55-9d8e-2b1f7c0e9a11 --timeout 10m --output json

Exit codes: 0 all passed, 1 a flow failed, 2 cancelled, 3 usage, auth, API or contract error, 4 timeout.`)
        .action(async (ids, flags) => {
        setExit(await runCommand(ids, flags, io));
    });
    return command;
}


/***/ }),

/***/ 83965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ TERMINAL_STATUSES),
/* harmony export */   H: () => (/* binding */ isTerminal)
/* harmony export */ });
/**
 * Shapes of the Echopoint API subset the kit uses (docs/api-contract.md part A and B).
 * The machine-readable source of truth is openapi/echopoint.yaml; the contract
 * test checks the sandbox's responses against it.
 */
const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'];
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(status);
}


/***/ }),

/***/ 83186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mw: () => (/* binding */ BUILT_IN_SCOPE_DESCRIPTIONS),
/* harmony export */   "if": () => (/* binding */ missingScopes),
/* harmony export */   sW: () => (/* binding */ CI_MODES),
/* harmony export */   z5: () => (/* binding */ ciModeFor)
/* harmony export */ });
const CI_MODES = [
    {
        mode: 'ids-ephemeral',
        label: 'run by flow ID, ephemeral runner',
        // The job token from the claim does the rest (heartbeats, events, completion).
        scopes: ['flows:execute']
    },
    {
        mode: 'tags-ephemeral',
        label: 'run by tag, ephemeral runner',
        scopes: ['flows:execute', 'flows:read']
    },
    {
        mode: 'polling',
        label: 'run by flow ID or tag, cloud or self-hosted runner',
        scopes: ['flows:execute', 'flows:read']
    },
    { mode: 'inventory', label: 'read-only inventory', scopes: ['flows:read'] }
];
/** What each scope the kit may ask for lets a key do. */
const BUILT_IN_SCOPE_DESCRIPTIONS = {
    'flows:read': 'read flows, search them by tag and read their executions',
    'flows:execute': 'launch flow executions (and cancel them)',
    'runner:complete': 'report results through the older ephemeral completion endpoint'
};
/** The mode a run uses, from how flows are selected and where they run. */
function ciModeFor(selection, runner) {
    const mode = runner === 'ephemeral' ? (selection === 'ids' ? 'ids-ephemeral' : 'tags-ephemeral') : 'polling';
    return CI_MODES.find((m) => m.mode === mode);
}
/** Scopes of `required` that `granted` lacks, in the order required lists them. */
function missingScopes(required, granted) {
    const have = new Set(granted);
    return required.filter((scope) => !have.has(scope));
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

/***/ 86351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ UUID_PATTERN),
/* harmony export */   cS: () => (/* binding */ DEFAULT_TIMEOUT),
/* harmony export */   dT: () => (/* binding */ DEFAULT_MAX_PARALLEL),
/* harmony export */   fA: () => (/* binding */ ACTION_INPUT_NAMES),
/* harmony export */   y9: () => (/* binding */ resolveRunConfig)
/* harmony export */ });
/* unused harmony exports MAX_TIMEOUT_MS, parseShard */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98571);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72633);
/* harmony import */ var _input_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92154);
/* harmony import */ var _idempotency_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56258);





const DEFAULT_TIMEOUT = '15m';
const DEFAULT_MAX_PARALLEL = 4;
/** Flow and version IDs are UUIDs in the published API (docs/api-contract.md, "Shapes the published spec fixes"). */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The longest `timeout` accepted: a GitHub-hosted job ends after 6 h and a
 * self-hosted one after 5 days, so a run that waits longer than a day is a
 * mistake; the bound also keeps every wait far inside what a timer can hold.
 */
const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;
const ACTION_INPUT_NAMES = {
    apiKey: 'api-key',
    organizationId: 'organization-id',
    apiUrl: 'api-url',
    flowIds: 'flow-ids',
    tags: 'tags',
    matchMode: 'match-mode',
    environment: 'environment',
    versionId: 'version-id',
    runner: 'runner',
    timeout: 'timeout',
    pollInterval: 'poll-interval',
    maxParallel: 'max-parallel',
    idempotencyKey: 'idempotency-key',
    failOnEmpty: 'fail-on-empty',
    cancelOnAbort: 'cancel-on-abort',
    failFast: 'fail-fast',
    junitPath: 'junit-path',
    jobSummary: 'job-summary',
    shard: 'shard'
};
const RUNNERS = ['cloud', 'self_hosted', 'ephemeral'];
const MATCH_MODES = ['any', 'all'];
/** How to select flows, in the words of the front door in use. */
function selectionHint(names, surface) {
    return surface === 'cli'
        ? `Give flow IDs as arguments (echopoint-ci run FLOW_ID...), or select flows with ${names.tags} TAG (repeatable).`
        : `Set ${names.flowIds} to flow IDs, or ${names.tags} to tags, comma- or newline-separated.`;
}
/** Parses `i/n` (1-based). */
function parseShard(name, text) {
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(name, `"${text}" is not of the form i/n`, 'Use for example 1/3 for the first of three shards.');
    }
    const index = Number(match[1]);
    const total = Number(match[2]);
    if (total < 1 || index < 1 || index > total) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(name, `"${text}" is out of range`, 'The shard number must be between 1 and the shard count, for example 2/3.');
    }
    return { index, total };
}
/**
 * Validates everything and returns the config. Throws ConfigError naming the
 * first bad input (by the name the user wrote) and what to do about it.
 */
function resolveRunConfig(raw, names = ACTION_INPUT_NAMES, surface = 'action') {
    const { apiKey, organizationId, apiUrl } = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveCredentials */ .z8)(raw, names, { surface });
    const flowIds = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(raw.flowIds);
    const tags = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(raw.tags);
    if (flowIds.length > 0 && tags.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${names.flowIds}/${names.tags}`, 'both are set', surface === 'cli'
            ? `Select flows either by flow IDs (arguments) or by ${names.tags}, not both.`
            : `Select flows either by ${names.flowIds} or by ${names.tags}, not both.`);
    }
    if (flowIds.length === 0 && tags.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${names.flowIds}/${names.tags}`, 'neither is set', selectionHint(names, surface));
    }
    for (const id of flowIds) {
        if (!UUID_PATTERN.test(id)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.flowIds, `"${(0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(id, 80)}" is not a flow ID (flow IDs are UUIDs, like 12274271-06b2-43b7-b64a-de134439c37f)`, `Copy the ID from the flow page in Echopoint, or select flows by ${names.tags} instead.`);
        }
    }
    for (const tag of tags) {
        if (_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .CONTROL_CHARS */ .UV.test(tag) || tag.length > 100) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.tags, `"${tag.slice(0, 40)}" is not a valid tag`, 'Tags are short names without control characters.');
        }
    }
    const matchModeText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.matchMode) ?? 'any';
    if (!MATCH_MODES.includes(matchModeText)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.matchMode, `"${matchModeText}" is not one of any, all`, 'Use any (a flow with at least one of the tags) or all (every tag).');
    }
    const matchMode = matchModeText;
    const runnerText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.runner) ?? 'cloud';
    if (!RUNNERS.includes(runnerText)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.runner, `"${runnerText}" is not one of cloud, self_hosted, ephemeral`, 'Use cloud (Echopoint runs the flows), ephemeral (this job runs them, so they can reach services it started) or self_hosted.');
    }
    const runner = runnerText;
    const timeoutText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.timeout) ?? DEFAULT_TIMEOUT;
    const timeoutMs = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(timeoutText);
    if (timeoutMs === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.timeout, `"${timeoutText}" is not a duration`, 'Use seconds (900) or a number with a unit: 90s, 15m, 1h.');
    }
    if (timeoutMs <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.timeout, `must be greater than zero (got ${timeoutText})`, 'Use for example 15m.');
    }
    if (timeoutMs > MAX_TIMEOUT_MS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.timeout, `must be at most 24h (got ${timeoutText})`, `Use for example 15m; a job that needs longer should run fewer flows per step (see ${names.shard}).`);
    }
    const pollText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.pollInterval) ?? 'auto';
    let pollInterval = 'auto';
    if (pollText !== 'auto') {
        const ms = /^\d+(\.\d+)?$/.test(pollText) ? Number(pollText) * 1000 : (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(pollText);
        if (ms === undefined || ms < 1000 || ms > 300_000) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.pollInterval, `"${pollText}" is not auto or a number of seconds between 1 and 300`, 'Use auto (recommended) or for example 10.');
        }
        pollInterval = Math.round(ms);
    }
    const maxParallelText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.maxParallel) ?? String(DEFAULT_MAX_PARALLEL);
    const maxParallel = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveInt */ .EJ)(names.maxParallel, maxParallelText, 'a whole number of at least 1, for example 4');
    if (maxParallel > 100) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.maxParallel, `must be at most 100 (got ${maxParallelText})`, 'Use for example 4.');
    }
    const idempotencyKeyText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.idempotencyKey);
    const idempotencyKey = idempotencyKeyText === undefined
        ? undefined
        : (0,_idempotency_key_js__WEBPACK_IMPORTED_MODULE_4__/* .checkIdempotencyKey */ .R)(idempotencyKeyText, names.idempotencyKey);
    const environment = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.environment);
    const versionId = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.versionId);
    if (environment !== undefined && (_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .CONTROL_CHARS */ .UV.test(environment) || environment.length > 255)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.environment, 'it contains a control character or is longer than 255 characters', 'Use the plain environment key shown in Echopoint.');
    }
    if (versionId !== undefined && !UUID_PATTERN.test(versionId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.versionId, `"${(0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(versionId, 80)}" is not a version ID (version IDs are UUIDs)`, `Copy the ID of the published version from Echopoint, or leave it ${surface === 'cli' ? 'out' : 'empty'} to run the latest.`);
    }
    const junitPath = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.junitPath);
    if (junitPath !== undefined && (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .usablePath */ .ou)(junitPath) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.junitPath, 'it contains a line break or control character', 'Use a plain file path, for example reports/echopoint.xml.');
    }
    const shardText = (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .present */ .Eb)(raw.shard);
    return {
        apiKey,
        organizationId,
        apiUrl,
        selection: flowIds.length > 0 ? { kind: 'ids', flowIds } : { kind: 'tags', tags, matchMode },
        environment,
        versionId,
        runner,
        timeoutMs,
        pollInterval,
        maxParallel,
        idempotencyKey,
        failOnEmpty: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.failOnEmpty, raw.failOnEmpty, true),
        cancelOnAbort: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.cancelOnAbort, raw.cancelOnAbort, true),
        failFast: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.failFast, raw.failFast, false),
        junitPath,
        jobSummary: (0,_input_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)(names.jobSummary, raw.jobSummary, true),
        shard: shardText === undefined ? undefined : parseShard(names.shard, shardText),
        names,
        surface
    };
}


/***/ }),

/***/ 16150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ invalidKeyHint),
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   q5: () => (/* binding */ fetchKeyInfo),
/* harmony export */   uo: () => (/* binding */ INVALID_KEY_MESSAGE)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _key_scopes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83186);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72633);
/* harmony import */ var _surface_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60068);




/** The message every adapter shows for a 401. */
const INVALID_KEY_MESSAGE = 'The API key is invalid, revoked or expired (HTTP 401)';
/** What to do about a 401, in the words of the front door in use. */
function invalidKeyHint(surface = 'action') {
    return `Create a new key with the ci preset and an expiration date, then update ${(0,_surface_js__WEBPACK_IMPORTED_MODULE_3__/* .keyStore */ .v)(surface)}.`;
}
/** `GET /api-keys/self`, with a 401 turned into the message users should see. */
async function fetchKeyInfo(api, signal, surface = 'action') {
    let key;
    try {
        key = await api.getKeySelf({ signal });
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw && err.kind === 'auth') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw('auth', INVALID_KEY_MESSAGE, {
                status: err.status,
                code: err.code,
                request: err.request,
                hint: invalidKeyHint(surface),
                cause: err
            });
        }
        throw err;
    }
    if (key.expires_at !== undefined) {
        return { key, expiresAt: key.expires_at, expiresAtSource: 'api-keys/self' };
    }
    const header = api.keyExpiresAtHeader;
    if (header !== undefined && Number.isFinite(Date.parse(header))) {
        return { key, expiresAt: new Date(Date.parse(header)).toISOString(), expiresAtSource: 'header' };
    }
    return { key, expiresAt: undefined };
}
/** Scope descriptions from the API when the key may read them, else the built-in table. */
async function scopeDescriptions(api, logger, signal) {
    const descriptions = { ..._key_scopes_js__WEBPACK_IMPORTED_MODULE_1__/* .BUILT_IN_SCOPE_DESCRIPTIONS */ .Mw };
    try {
        const page = await api.listPermissions('ci', { signal });
        for (const permission of page.items) {
            if (permission.description)
                descriptions[permission.name] = permission.description;
        }
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw && (err.kind === 'permission' || err.kind === 'not_found')) {
            logger.debug(`GET /permissions?type=ci answered ${err.status ?? err.kind}; using the built-in scope table`);
        }
        else {
            throw err;
        }
    }
    return descriptions;
}
/**
 * Runs the checks; returns the key's details, or throws an `auth`,
 * `permission` or `config` error that says what to do.
 */
async function preflight(api, options) {
    const { logger, signal } = options;
    const surface = options.surface ?? 'action';
    const organizationName = (options.names ?? _credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTION_CREDENTIAL_NAMES */ .eD).organizationId;
    const info = await fetchKeyInfo(api, signal, surface);
    const { key } = info;
    logger.debug(`Key ${key.api_key_id} (organization ${key.organization_id}) has scopes: ${key.permissions.join(', ') || 'none'}`);
    if (key.organization_id !== options.organizationId) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw('permission', `The API key belongs to organization ${key.organization_id}, but ${organizationName} is ${options.organizationId}`, {
            hint: `Set ${organizationName} to the organization the key was created in, or use a key of that organization.`
        });
    }
    const mode = (0,_key_scopes_js__WEBPACK_IMPORTED_MODULE_1__/* .ciModeFor */ .z5)(options.selection, options.runner);
    const missing = (0,_key_scopes_js__WEBPACK_IMPORTED_MODULE_1__/* .missingScopes */ ["if"])(mode.scopes, key.permissions);
    if (missing.length > 0) {
        const descriptions = await scopeDescriptions(api, logger, signal);
        const list = missing
            .map((scope) => `${scope} (${descriptions[scope] ?? 'no description'})`)
            .join('; ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EchopointError */ .aw('permission', `The API key lacks ${missing.length === 1 ? 'a scope' : `${missing.length} scopes`} needed to ${mode.label}: ${list}`, {
            code: 'MISSING_SCOPES',
            metadata: { missing_scopes: missing },
            hint: `Create a key with the ci preset (it has every scope CI needs) and update ${(0,_surface_js__WEBPACK_IMPORTED_MODULE_3__/* .keyStore */ .v)(surface)}.`
        });
    }
    return info;
}


/***/ })

};
