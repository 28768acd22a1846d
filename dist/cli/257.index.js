export const id = 257;
export const ids = [257];
export const modules = {

/***/ 32257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _o: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
/* unused harmony export abortError */
function abortError(signal) {
    const reason = signal.reason;
    if (reason instanceof Error)
        return reason;
    const err = new Error('The operation was aborted');
    err.name = 'AbortError';
    return err;
}
/**
 * setTimeout holds at most 2^31 - 1 ms (about 24.8 days); a longer delay fires at
 * once. Long waits are scheduled in slices of at most this.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError(signal));
            return;
        }
        const end = Date.now() + Math.max(0, ms);
        let timer;
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortError(signal));
        };
        const arm = () => {
            const left = end - Date.now();
            timer = setTimeout(() => {
                if (end - Date.now() > 0 && left > MAX_TIMER_MS) {
                    arm();
                    return;
                }
                signal?.removeEventListener('abort', onAbort);
                resolve();
            }, Math.min(Math.max(0, left), MAX_TIMER_MS));
        };
        arm();
        signal?.addEventListener('abort', onAbort, { once: true });
    })
};



/***/ })

};
