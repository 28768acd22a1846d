/**
 * The in-job runner's own parts, with a fake clock and a scripted job API:
 * progress events (numbered without gaps, batched, resent from what the server
 * accepted) and the lease (heartbeats early enough for short leases, a rejected
 * lease stops the run). The whole protocol against the sandbox is in
 * e2e-ephemeral.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { FakeClock } from '../__fixtures__/fake-clock.js'
import type { HeartbeatEntry, JobApi, ProgressEvent } from '../src/core/api/jobs.js'
import { EchopointError } from '../src/core/errors.js'
import { silentLogger } from '../src/core/logger.js'
import type { EchopointApi } from '../src/core/api/api.js'
import { runJob } from '../src/core/run/job/run-job.js'
import {
  EventStream,
  FLUSH_AT_EVENTS,
  FLUSH_EVERY_MS,
  MAX_EVENT_BYTES
} from '../src/core/run/job/events.js'
import { HEARTBEAT_EVERY_MS, Lease, nextBeatInMs } from '../src/core/run/job/lease.js'

interface Script {
  /** Per events call: the last accepted sequence to answer, or an error to throw. */
  events?: ((events: ProgressEvent[], accepted: number) => number | Error)[]
  heartbeats?: (HeartbeatEntry | Error)[]
}

function fakeJob(script: Script = {}) {
  const sent: ProgressEvent[][] = []
  const beats: number[] = []
  let accepted = 0
  const api: JobApi = {
    jobId: 'job-1',
    stats: { requests: 0, retries: 0, waits: 0, waitedMs: 0 },
    heartbeat: async () => {
      beats.push(beats.length)
      const next = script.heartbeats?.shift() ?? { jobId: 'job-1', status: 'renewed' as const }
      if (next instanceof Error) throw next
      return next
    },
    sendEvents: async (body) => {
      sent.push(body.events)
      const rule = script.events?.shift()
      const answer = rule ? rule(body.events, accepted) : undefined
      if (answer instanceof Error) throw answer
      // By default the server accepts everything contiguous with what it has.
      let upTo = accepted
      for (const e of body.events) if (e.sequence === upTo + 1) upTo = e.sequence
      accepted = answer ?? upTo
      return accepted
    },
    complete: async () => undefined,
    webhookRequests: async () => []
  }
  return { api, sent, beats }
}

const flushes = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

describe('progress events', () => {
  it('numbers events 1..n, sends a batch after 150 ms, and names the last accepted at close', async () => {
    const clock = new FakeClock({ auto: false })
    const { api, sent } = fakeJob()
    const stream = new EventStream({
      job: api,
      runnerId: 'r',
      bootId: 'b',
      clock,
      logger: silentLogger
    })
    stream.push('flow.started', { execution_id: 'e' })
    stream.push('node.started', { nodeId: 'a' })
    await flushes()
    expect(sent).toHaveLength(0)
    clock.advance(FLUSH_EVERY_MS)
    await flushes()
    expect(sent.map((batch) => batch.map((e) => e.sequence))).toEqual([[1, 2]])
    stream.push('node.completed', { nodeId: 'a' })
    expect(await stream.close()).toBe(3)
    expect(sent.flat().map((e) => e.sequence)).toEqual([1, 2, 3])
  })

  it('sends at once at 16 events', async () => {
    const clock = new FakeClock({ auto: false })
    const { api, sent } = fakeJob()
    const stream = new EventStream({
      job: api,
      runnerId: 'r',
      bootId: 'b',
      clock,
      logger: silentLogger
    })
    for (let i = 0; i < FLUSH_AT_EVENTS; i++) stream.push('node.started', { nodeId: `n${i}` })
    await flushes()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toHaveLength(FLUSH_AT_EVENTS)
  })

  it('a failed batch is resent whole with the next; a partial acceptance resends from there', async () => {
    const clock = new FakeClock()
    const { api, sent } = fakeJob({
      events: [
        () => new EchopointError('server', 'HTTP 503'),
        // The server keeps only 1..2 of 1..3.
        () => 2
      ]
    })
    const stream = new EventStream({
      job: api,
      runnerId: 'r',
      bootId: 'b',
      clock,
      logger: silentLogger
    })
    stream.push('flow.started', {})
    stream.push('node.started', {})
    stream.push('node.completed', {})
    expect(await stream.close()).toBe(3)
    expect(sent.map((batch) => batch.map((e) => e.sequence))).toEqual([[1, 2, 3], [1, 2, 3], [3]])
  })

  it('close gives up after a few attempts and names what was accepted', async () => {
    const clock = new FakeClock()
    const down = () => new EchopointError('network', 'ECONNRESET')
    const { api } = fakeJob({ events: [down, down, down, down] })
    const stream = new EventStream({
      job: api,
      runnerId: 'r',
      bootId: 'b',
      clock,
      logger: silentLogger
    })
    stream.push('flow.started', {})
    expect(await stream.close()).toBe(0)
  })
})

describe('progress events, bounded', () => {
  it('leaves bodies out of a large node result, and stops for good on a 4xx refusal', async () => {
    const clock = new FakeClock()
    const { api, sent } = fakeJob({
      events: [() => new EchopointError('config', 'HTTP 413', { status: 413 })]
    })
    const stream = new EventStream({
      job: api,
      runnerId: 'r',
      bootId: 'b',
      clock,
      logger: silentLogger
    })
    stream.push('node.completed', {
      nodeId: 'big',
      result: { node_id: 'big', response_body: 'x'.repeat(MAX_EVENT_BYTES * 2), outputs: { id: 1 } }
    })
    expect(await stream.close()).toBe(0)
    expect(sent).toHaveLength(1)
    const payload = sent[0][0].payload as { result: Record<string, unknown> }
    expect(JSON.stringify(payload).length).toBeLessThanOrEqual(MAX_EVENT_BYTES)
    expect(payload.result.outputs).toEqual({ id: 1 })
    expect(payload.result.response_body).toContain('left out')
    // Refused for good: later events are not sent at all.
    stream.push('node.started', {})
    expect(await stream.close()).toBe(0)
    expect(sent).toHaveLength(1)
  })
})

describe('the lease', () => {
  it('beats at the earlier of 10 s and half the time left', () => {
    expect(nextBeatInMs(60_000, 0)).toBe(HEARTBEAT_EVERY_MS)
    expect(nextBeatInMs(4_000, 0)).toBe(2_000)
    expect(nextBeatInMs(100, 0)).toBe(200)
  })

  it('renews with each answer, tries again after a failure, and stops on a rejection', async () => {
    const clock = new FakeClock({ auto: false })
    const now = clock.now()
    const { api, beats } = fakeJob({
      heartbeats: [
        { jobId: 'job-1', status: 'renewed', leaseExpiresAt: now + 4_000 },
        new EchopointError('server', 'HTTP 502'),
        { jobId: 'job-1', status: 'rejected' }
      ]
    })
    let rejected = 0
    const lease = new Lease({
      job: api,
      runnerId: 'r',
      bootId: 'b',
      maxParallelFlows: 1,
      runnerVersion: 'test',
      expiresAt: now + 3_000,
      clock,
      logger: silentLogger,
      onRejected: () => (rejected += 1)
    })
    lease.start()
    await clock.whenSleeping()
    // A lease of 3 s: the first beat at half of it, not after 10 s.
    expect(clock.nextWakeAt).toBe(now + 1_500)
    clock.advance(1_500)
    await clock.whenSleeping()
    expect(beats).toHaveLength(1)
    // Renewed until now+4000, at now+1500: the next beat at half of the 2.5 s left.
    expect(clock.nextWakeAt).toBe(now + 2_750)
    clock.advance(1_250)
    await clock.whenSleeping()
    expect(beats).toHaveLength(2)
    // The failed beat changed nothing: tried again at the next tick.
    clock.set(clock.nextWakeAt!)
    await flushes()
    await lease.stop()
    expect(beats).toHaveLength(3)
    expect(rejected).toBe(1)
  })
})

describe('a job, around the claim', () => {
  const item = {
    flow: { id: 'f1', name: 'Flow one', tags: [] },
    execution: { id: 'e1', flow_id: 'f1', status: 'pending' }
  } as unknown as Parameters<typeof runJob>[0]
  const context = (claim: EchopointApi['claimExecution']) =>
    ({
      api: { claimExecution: claim } as unknown as EchopointApi,
      apiUrl: 'http://127.0.0.1:1',
      clock: new FakeClock(),
      logger: silentLogger,
      signal: new AbortController().signal,
      why: () => undefined,
      wrapUpMs: () => 1000,
      deadline: Date.now() + 60_000,
      runnerId: 'r',
      bootId: 'b',
      maxParallel: 1
    }) satisfies Parameters<typeof runJob>[1]

  it('a claim never sent (the run stopped while it waited) leaves the execution to be cancelled', async () => {
    const outcome = await runJob(
      item,
      context(async () => {
        throw new EchopointError('cancelled', 'stopped')
      })
    )
    expect(outcome).toBeUndefined()
  })

  it('a claim sent whose answer was lost fails the flow, naming the execution to inspect', async () => {
    const outcome = await runJob(
      item,
      context(async (_flow, _execution, _body, options) => {
        options?.onSent?.()
        throw new EchopointError('network', 'socket hang up')
      })
    )
    expect(outcome?.report.status).toBe('error')
    expect(outcome?.report.error_message).toContain('inspect execution e1')
    expect(outcome?.calls.claim).toBe(1)
  })
})
