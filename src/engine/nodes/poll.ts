/**
 * poll (docs/runner.md §3): runs the body (a nested flow with `attempt`, 1-based)
 * until the node's assertions, the exit condition, pass over the body's final
 * outputs (flat keys: `$["probe.status"]`), at most `max_attempts` times,
 * `interval_ms` apart, within `timeout_ms` (0: none). A body that fails stops
 * the poll at once.
 */
import { parseAssertions, runAssertions, type AssertionResult } from '../assertions.js'
import { field } from '../flow/parse.js'
import type { NodeOutcome, NodeRunner } from '../run/types.js'
import { toNumber } from '../values.js'
import { loadNested, nestedFailure } from './nested.js'

export const runPoll: NodeRunner = async (context): Promise<NodeOutcome> => {
  const { node, clock, signal } = context
  const data = node.data
  const maxAttempts = Math.max(
    1,
    Math.floor(toNumber(field(data, 'max_attempts', 'maxAttempts')) ?? 10)
  )
  const intervalMs = Math.max(0, toNumber(field(data, 'interval_ms', 'intervalMs')) ?? 1000)
  const timeoutMs = Math.max(0, toNumber(field(data, 'timeout_ms', 'timeoutMs')) ?? 0)
  const began = clock.now()
  let attempts = 0
  let last: Record<string, unknown> = {}
  let lastResults: AssertionResult[] | undefined
  const done = (extra: Partial<NodeOutcome>): NodeOutcome => ({
    intrinsic: { attempts, result: last },
    fields: { attempts },
    ...(lastResults ? { assertionResults: lastResults } : {}),
    ...extra
  })

  let assertions
  try {
    assertions = parseAssertions(node.assertions)
  } catch (error) {
    return done({ error: { code: 'POLL_FAILED', message: (error as Error).message } })
  }
  if (assertions.length === 0) {
    return done({
      error: {
        code: 'POLL_FAILED',
        message: 'a poll needs at least one assertion (its exit condition)'
      }
    })
  }
  const inputNames = [...Object.keys(context.scope.inputs), 'attempt']
  const body = loadNested(data.body, `${node.id} body`, inputNames)
  if ('problem' in body) {
    return done({
      error: { code: 'POLL_FAILED', message: `the poll body is invalid: ${body.problem}` }
    })
  }
  const cancelled = (): NodeOutcome =>
    done({ error: { code: 'POLL_CANCELLED', message: 'the run was stopped during the poll' } })

  for (;;) {
    if (signal.aborted) return cancelled()
    attempts += 1
    const run = await context.runChild(
      body.flow,
      { ...context.scope.inputs, attempt: attempts },
      `#attempt${attempts}`
    )
    if (signal.aborted) return cancelled()
    last = { ...run.final_outputs }
    if (!run.success) {
      return done({
        error: {
          code: 'POLL_BODY_FAILED',
          message: `attempt ${attempts}: ${nestedFailure(run)}`
        }
      })
    }
    const check = runAssertions(assertions, { body: last }, { resolve: (v) => context.resolve(v) })
    lastResults = check.results
    if (check.passed) return done({ subject: { body: last } })
    const elapsed = clock.now() - began
    const timedOut = timeoutMs > 0 && elapsed + intervalMs >= timeoutMs
    if (attempts >= maxAttempts || timedOut) {
      return done({
        error: {
          code: 'POLL_CONDITION_NOT_MET',
          message: `the condition was not met after ${attempts} attempt(s)${timedOut ? ` within ${timeoutMs} ms` : ''}: ${check.message ?? ''}`
        }
      })
    }
    try {
      await clock.sleep(intervalMs, signal)
    } catch {
      return cancelled()
    }
  }
}
