/**
 * The sandbox's store: organizations, keys and flows from the fixtures, and the
 * executions launched since start. Lookups that serve requests are scoped by
 * organization, so a resource of another organization is simply "not found"
 * (docs/api-contract.md: 404, never 403). Tests read the store directly to check what
 * the server did (`getExecution`, `terminalAt`, `lastTerminalAt`).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from '../core/clock.js'
import type { FlowExecution, FlowSearchItem } from '../core/api/types.js'
import { observePlan, planSimulation } from './cloud-runner.js'
import { EPHEMERAL_LEASE_MS, observeEphemeral } from './ephemeral-runs.js'
import { IdempotencyStore } from './idempotency.js'
import { FixtureError } from './settings/issues.js'
import type { SandboxFixtures } from './types/fixtures.js'
import type {
  ApiKeyRecord,
  CapturedRequestRecord,
  ClaimRecord,
  ExecutionObservation,
  ExecutionRecord,
  FlowRecord,
  NewExecution,
  JobEventRecord,
  OrganizationRecord,
  WebhookRecord
} from './types/records.js'
import { executionJson, flowDefinition } from './views.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** An ephemeral job as `SandboxState.job()` shows it to tests. */
export interface JobSnapshot {
  jobId: string
  executionId: string
  runnerId: string
  bootId: string
  claimedAt: number
  leaseExpiresAt: number
  /** Heartbeats that renewed the lease. */
  renewals: number
  lastHeartbeatAt: number | null
  runnerVersion: string | null
  /** The highest contiguous sequence accepted (0 = none). */
  lastAcceptedSequence: number
  events: JobEventRecord[]
  /** Completion calls answered 204 (the first and any replays of the same payload). */
  completeCalls: number
  completion: {
    via: 'job' | 'execution'
    /** The execution's status: `completed` only when the runner said so and the flow passed. */
    status: 'completed' | 'failed'
    /** What the runner sent as `status` (job protocol only). */
    runnerStatus: 'completed' | 'failed' | null
    receivedAt: number
    result: Record<string, unknown> | null
  } | null
}
const HOUR_MS = 60 * 60 * 1000

export class SandboxState {
  readonly organizations = new Map<string, OrganizationRecord>()
  /** By key id. */
  readonly apiKeys = new Map<string, ApiKeyRecord>()
  readonly flows = new Map<string, FlowRecord>()
  /** In launch order. */
  readonly executions = new Map<string, ExecutionRecord>()
  readonly idempotency = new IdempotencyStore()
  readonly defaultOrganizationId: string
  readonly defaultApiKey: ApiKeyRecord

  private readonly keysBySecret = new Map<string, ApiKeyRecord>()
  /** Execution id by job token (claimed ephemeral executions). */
  private readonly jobTokens = new Map<string, string>()
  /** Execution id by webhook ingest token (ephemeral executions). */
  private readonly webhookTokens = new Map<string, string>()

  /**
   * @param fixtures validated fixtures (see loadFixtures)
   * @param clock resolves relative expiries and drives every execution
   * @param timeScale multiplies every simulated duration
   * @param ephemeralLeaseMs an ephemeral job's lease, from the claim and from each renewal
   */
  constructor(
    fixtures: SandboxFixtures,
    private readonly clock: Clock,
    readonly timeScale = 1,
    readonly ephemeralLeaseMs = EPHEMERAL_LEASE_MS
  ) {
    const loadedAt = clock.now()
    for (const org of fixtures.organizations) {
      this.organizations.set(org.id, { id: org.id, name: org.name ?? org.id })
    }
    for (const key of fixtures.api_keys) {
      const expiresAt =
        key.expires_in_days !== undefined
          ? loadedAt + Math.round(key.expires_in_days * DAY_MS)
          : key.expires_at
            ? Date.parse(key.expires_at)
            : null
      const record: ApiKeyRecord = {
        id: key.id,
        secret: key.key,
        name: key.name,
        organizationId: key.organization_id,
        permissions: [...key.permissions],
        expiresAt,
        revoked: key.revoked ?? false
      }
      this.apiKeys.set(record.id, record)
      this.keysBySecret.set(record.secret, record)
    }
    fixtures.flows.forEach((flow, i) => {
      // Without a date, flows are an hour apart in file order, so sorting by
      // created_at is stable and meaningful.
      const createdAt = flow.created_at
        ? Date.parse(flow.created_at)
        : loadedAt - (fixtures.flows.length - i) * HOUR_MS
      // Lower-case, as the API writes UUIDs; path parameters are lower-cased too.
      const id = flow.id.toLowerCase()
      this.flows.set(id, {
        id,
        organizationId: flow.organization_id,
        name: flow.name,
        description: flow.description ?? null,
        tags: [...flow.tags],
        version: flow.version === undefined ? '1' : String(flow.version),
        metadata: structuredClone(flow.metadata ?? {}),
        createdAt,
        updatedAt: createdAt,
        timeoutSeconds: flow.timeout_seconds ?? null,
        inputs: Object.fromEntries(
          Object.entries(flow.inputs ?? {}).map(([name, input]) => [
            name,
            { value: input.value, secret: input.secret ?? false }
          ])
        ),
        publishedVersions: [...(flow.published_versions ?? [])],
        nodes: flow.nodes.map((n) => ({
          id: n.id,
          displayName: n.display_name,
          type: n.type,
          weight: n.weight ?? 1,
          config: { ...(n.config ?? {}) },
          ...(n.run_when ? { runWhen: n.run_when } : {}),
          ...(n.assertions ? { assertions: structuredClone(n.assertions) } : {}),
          ...(n.outputs ? { outputs: structuredClone(n.outputs) } : {})
        })),
        ...(flow.edges
          ? {
              edges: flow.edges.map((e) => ({
                source: e.source,
                target: e.target,
                type: e.type ?? 'success'
              }))
            }
          : {}),
        simulation: structuredClone(flow.simulation),
        maxHttpCallsPerExecution: flow.max_http_calls_per_execution ?? 0
      })
    })

    this.defaultOrganizationId =
      fixtures.default?.organization_id ?? (fixtures.organizations[0]?.id as string)
    const inDefaultOrg = [...this.apiKeys.values()].filter(
      (k) => k.organizationId === this.defaultOrganizationId
    )
    const defaultKey = fixtures.default?.api_key_id
      ? this.apiKeys.get(fixtures.default.api_key_id)
      : (inDefaultOrg.find(
          (k) => this.isUsable(k, loadedAt) && k.permissions.includes('flows:execute')
        ) ?? inDefaultOrg[0])
    if (!defaultKey) {
      throw new FixtureError(
        'api_keys',
        `no key belongs to the default organization "${this.defaultOrganizationId}"`
      )
    }
    this.defaultApiKey = defaultKey
  }

  private isUsable(key: ApiKeyRecord, now: number): boolean {
    return !key.revoked && (key.expiresAt === null || key.expiresAt > now)
  }

  /** The key with this secret, whatever its state (auth decides what to answer). */
  keyBySecret(secret: string): ApiKeyRecord | undefined {
    return this.keysBySecret.get(secret)
  }

  /** Revokes a key (for tests: a key revoked while a run is in flight). */
  revokeKey(keyId: string): void {
    const key = this.apiKeys.get(keyId)
    if (!key) throw new Error(`unknown key ${keyId}`)
    key.revoked = true
  }

  /** The flow, if it exists in this organization. */
  flowInOrg(organizationId: string, flowId: string): FlowRecord | undefined {
    const flow = this.flows.get(flowId)
    return flow && flow.organizationId === organizationId ? flow : undefined
  }

  flowsInOrg(organizationId: string): FlowRecord[] {
    return [...this.flows.values()].filter((f) => f.organizationId === organizationId)
  }

  /** The execution, if it exists in this organization and belongs to this flow. */
  executionInOrg(
    organizationId: string,
    flowId: string,
    executionId: string
  ): ExecutionRecord | undefined {
    const record = this.executions.get(executionId)
    return record && record.organizationId === organizationId && record.flowId === flowId
      ? record
      : undefined
  }

  executionsInOrg(organizationId: string): ExecutionRecord[] {
    return [...this.executions.values()].filter((e) => e.organizationId === organizationId)
  }

  /** Creates an execution; cloud and self-hosted ones start their simulated run at once. */
  createExecution(input: NewExecution): ExecutionRecord {
    const { flow } = input
    const createdAt = this.clock.now()
    const inputs = Object.fromEntries(Object.entries(flow.inputs).map(([k, v]) => [k, v.value]))
    const secretInputKeys = Object.entries(flow.inputs)
      .filter(([, v]) => v.secret)
      .map(([k]) => k)
    const id = randomUUID()
    const ephemeral = input.runnerType === 'ephemeral'
    const jobId = ephemeral ? randomUUID() : null
    const webhook = jobId ? this.newWebhook(jobId, input.baseUrl ?? 'http://127.0.0.1') : null
    if (webhook) {
      // Launch injects them (docs/runner.md §1.7); not secret, so the API shows them too.
      inputs['webhook.url'] = webhook.url
      inputs['webhook.requests_url'] = webhook.requestsUrl
    }
    const record: ExecutionRecord = {
      id,
      flowId: flow.id,
      flowName: flow.name,
      organizationId: flow.organizationId,
      runnerType: input.runnerType,
      environmentKey: input.environmentKey,
      versionId: input.versionId,
      triggerType: input.triggerType,
      triggerMetadata: input.triggerMetadata,
      executedBy: input.executedBy,
      timeoutSeconds: flow.timeoutSeconds,
      createdAt,
      flowSnapshot: {
        id: flow.id,
        name: flow.name,
        version: flow.version,
        version_id: input.versionId,
        flow_definition: flowDefinition(flow)
      },
      runnerInputs: Object.fromEntries(
        Object.entries(inputs).map(([k, v]) => [k, secretInputKeys.includes(k) ? '***' : v])
      ),
      inputs,
      secretInputKeys,
      nodes: flow.nodes.map((n) => ({ ...n, config: { ...n.config } })),
      nodeResultIds: Object.fromEntries(flow.nodes.map((n) => [n.id, randomUUID()])),
      // The sandbox plays the self-hosted runner too; only ephemeral runs are left to the client.
      plan: ephemeral ? null : planSimulation(flow, createdAt, this.timeScale),
      jobId,
      webhook,
      claim: null,
      completion: null,
      cancelledAt: null
    }
    this.executions.set(record.id, record)
    if (webhook) this.webhookTokens.set(webhook.token, record.id)
    return record
  }

  private newWebhook(jobId: string, baseUrl: string): WebhookRecord {
    const token = `ewh_${randomBytes(18).toString('base64url')}`
    return {
      id: randomUUID(),
      token,
      url: `${baseUrl}/webhooks/ingest/${token}`,
      requestsUrl: `${baseUrl}/runner/jobs/${jobId}/webhook-requests`,
      requests: []
    }
  }

  /** Records the claim of an ephemeral execution, so its job token authenticates job calls. */
  claimJob(record: ExecutionRecord, claim: ClaimRecord): void {
    record.claim = claim
    this.jobTokens.set(claim.jobToken, record.id)
  }

  /** The claimed execution a job token belongs to (whatever its state). */
  executionByJobToken(token: string): ExecutionRecord | undefined {
    const id = this.jobTokens.get(token)
    return id === undefined ? undefined : this.executions.get(id)
  }

  /** The ephemeral execution whose job has this id (claimed or not). */
  executionByJobId(jobId: string): ExecutionRecord | undefined {
    for (const record of this.executions.values()) if (record.jobId === jobId) return record
    return undefined
  }

  /** The ephemeral execution a webhook ingest token belongs to. */
  executionByWebhookToken(token: string): ExecutionRecord | undefined {
    const id = this.webhookTokens.get(token)
    return id === undefined ? undefined : this.executions.get(id)
  }

  /**
   * The progress events the execution's job reported and the sandbox accepted, in
   * sequence order (copies; empty when unclaimed or not ephemeral). For tests.
   */
  jobEvents(executionId: string): JobEventRecord[] {
    const claim = this.executions.get(executionId)?.claim
    return claim ? claim.events.map((e) => structuredClone(e)) : []
  }

  /** The requests captured by the execution's webhook ingest, oldest first (copies). For tests. */
  webhookRequests(executionId: string): CapturedRequestRecord[] {
    const webhook = this.executions.get(executionId)?.webhook
    return webhook ? webhook.requests.map((r) => structuredClone(r)) : []
  }

  /**
   * The job of an ephemeral execution as the sandbox sees it (for tests): its lease,
   * renewals, accepted events and completion calls; undefined before the claim.
   */
  job(executionId: string): JobSnapshot | undefined {
    const record = this.executions.get(executionId)
    const claim = record?.claim
    if (!record || !claim) return undefined
    return {
      jobId: claim.jobId,
      executionId: record.id,
      runnerId: claim.runnerId,
      bootId: claim.bootId,
      claimedAt: claim.claimedAt,
      leaseExpiresAt: claim.leaseExpiresAt,
      renewals: claim.renewals,
      lastHeartbeatAt: claim.lastHeartbeatAt,
      runnerVersion: claim.runnerVersion,
      lastAcceptedSequence: claim.events.length,
      events: claim.events.map((e) => structuredClone(e)),
      completeCalls: claim.completeCalls,
      completion:
        record.completion === null
          ? null
          : {
              via: record.completion.via,
              status: record.completion.status,
              runnerStatus: record.completion.runnerStatus ?? null,
              receivedAt: record.completion.receivedAt,
              result:
                record.completion.result === undefined
                  ? null
                  : structuredClone(record.completion.result)
            }
    }
  }

  /** The state of an execution now (or at `now`). */
  observe(record: ExecutionRecord, now = this.clock.now()): ExecutionObservation {
    return observeExecution(record, now)
  }

  /** The execution as `GET /flows/{flowId}/executions/{id}` would answer it now. */
  getExecution(executionId: string): FlowExecution | undefined {
    const record = this.executions.get(executionId)
    return record ? executionJson(record, this.observe(record)) : undefined
  }

  /** Every execution as the API would answer it now, in launch order. */
  listExecutions(): FlowExecution[] {
    return [...this.executions.values()].map((r) => executionJson(r, this.observe(r)))
  }

  /** When the execution became terminal (sandbox clock ms), or null while in flight. */
  terminalAt(executionId: string): number | null {
    const record = this.executions.get(executionId)
    return record ? this.observe(record).terminalAt : null
  }

  /** When the sandbox marked the last execution terminal, or null if none is. */
  lastTerminalAt(): number | null {
    let last: number | null = null
    for (const record of this.executions.values()) {
      const at = this.observe(record).terminalAt
      if (at !== null && (last === null || at > last)) last = at
    }
    return last
  }

  /** `passed`/`failed` from the flow's latest finished execution; cancelled ones do not count. */
  lastRunStatus(flow: FlowRecord, now = this.clock.now()): FlowSearchItem['last_run_status'] {
    let latest: { at: number; status: 'passed' | 'failed' } | null = null
    for (const record of this.executions.values()) {
      if (record.flowId !== flow.id) continue
      const obs = observeExecution(record, now)
      if (obs.terminalAt === null || (obs.status !== 'completed' && obs.status !== 'failed'))
        continue
      if (!latest || obs.terminalAt >= latest.at) {
        latest = { at: obs.terminalAt, status: obs.status === 'completed' ? 'passed' : 'failed' }
      }
    }
    return latest?.status ?? 'none'
  }
}

/** The state of `record` at `now`: from its simulated plan, or from what its ephemeral runner reported. */
function observeExecution(record: ExecutionRecord, now: number): ExecutionObservation {
  return record.plan ? observePlan(record, record.plan, now) : observeEphemeral(record, now)
}
