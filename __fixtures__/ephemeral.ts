/**
 * Sandbox fixtures for the ephemeral runner: flows whose definitions the kit's
 * engine really runs, against the demo service (src/demo-service) the test
 * starts. Built from the example flow files, so the examples, the demo and
 * these tests share one source.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SandboxFixtures } from '../src/sandbox/index.js'
import { ROOT } from './run-dist.js'
import { fixtureFlowOf } from '../src/demo-service/fixtures.js'

export const EPHEMERAL_KEY = 'epk_live_ephemeral_ci_key'
export const READ_ONLY_KEY = 'epk_live_ephemeral_read_only'
export const ORG = 'org_local'
export const FLOW_IDS = {
  crud: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d01',
  failing: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d02',
  module: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d03',
  child: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d04',
  slow: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d05',
  secret: '7a1f4e2c-0c1b-4b9e-9d1a-0e6f2b1c3d06'
}
/** The secret input of the CRUD and secret flows (a password and a token). */
export const SECRET_PASSWORD = 'hunter2-ephemeral-Secret!'
export const SECRET_TOKEN = 'tok_ephemeral_5f3e"q\\z'

type Json = Record<string, unknown>

function example(name: string): Json {
  return JSON.parse(readFileSync(join(ROOT, 'examples', 'flows', name), 'utf8')) as Json
}

function fixtureFlow(
  id: string,
  tags: string[],
  definition: Json,
  inputs: Record<string, { value: unknown; secret?: boolean }>
): Json {
  return fixtureFlowOf(id, tags, definition, inputs, ORG)
}

export function ephemeralFixtures(serviceUrl: string): SandboxFixtures {
  const base = { baseUrl: { value: serviceUrl } }
  const crud = example('widgets-crud.json')
  const failing = example('failing-on-purpose.json')
  const child = {
    name: 'Make a widget (module)',
    nodes: [
      {
        id: 'make',
        display_name: 'Create',
        type: 'request',
        data: { method: 'POST', url: '{{baseUrl}}/widgets', body: { name: '{{label}}' } },
        outputs: [{ name: 'id', extractor: { type: 'json_path', path: '$.id' } }]
      }
    ],
    edges: []
  }
  const parent = {
    name: 'Uses a module',
    nodes: [
      {
        id: 'sub',
        display_name: 'Make one through the module',
        type: 'module',
        data: {
          flow_id: FLOW_IDS.child,
          input_bindings: { label: 'from-module' },
          output_bindings: { widget: 'make.id' }
        }
      },
      {
        id: 'read',
        display_name: 'Read it',
        type: 'request',
        data: { method: 'GET', url: '{{baseUrl}}/widgets/{{sub.widget}}' },
        assertions: [
          {
            extractor_type: 'json_path',
            extractor_data: { path: '$.name' },
            operator_type: 'equals',
            operator_data: { value: 'from-module' }
          }
        ]
      }
    ],
    edges: [{ source: 'sub', target: 'read', type: 'success' }]
  }
  const slow = {
    name: 'Slow on purpose',
    nodes: [
      {
        id: 'quick',
        display_name: 'Quick',
        type: 'request',
        data: { method: 'GET', url: '{{baseUrl}}/health' }
      },
      {
        id: 'slow',
        display_name: 'Slow',
        type: 'request',
        data: { method: 'GET', url: '{{baseUrl}}/slow/30000', timeout: 60000 }
      }
    ],
    edges: [{ source: 'quick', target: 'slow', type: 'success' }]
  }
  const secret = {
    name: 'Sends a secret header',
    nodes: [
      {
        id: 'echo',
        display_name: 'Echo the token',
        type: 'request',
        data: { method: 'POST', url: '{{baseUrl}}/echo', headers: { 'X-Token': '{{token}}' } },
        assertions: [
          {
            extractor_type: 'json_path',
            extractor_data: { path: '$.headers["x-token"]' },
            operator_type: 'equals',
            operator_data: { value: 'not-the-token' }
          }
        ]
      }
    ],
    edges: []
  }
  return {
    organizations: [{ id: ORG, name: 'Local service team' }],
    api_keys: [
      {
        id: 'key_local_ci',
        key: EPHEMERAL_KEY,
        name: 'CI (ephemeral)',
        organization_id: ORG,
        // The job token does the rest: no runner:complete.
        permissions: ['flows:read', 'flows:execute'],
        expires_in_days: 90
      },
      {
        id: 'key_local_read',
        key: READ_ONLY_KEY,
        name: 'read only',
        organization_id: ORG,
        permissions: ['flows:read'],
        expires_in_days: 90
      }
    ],
    default: { organization_id: ORG, api_key_id: 'key_local_ci' },
    flows: [
      fixtureFlow(FLOW_IDS.crud, ['local', 'pass'], crud, {
        ...base,
        username: { value: 'ci-bot' },
        password: { value: SECRET_PASSWORD, secret: true }
      }),
      fixtureFlow(FLOW_IDS.failing, ['local', 'fail'], failing, base),
      fixtureFlow(FLOW_IDS.module, ['local', 'pass'], parent, base),
      fixtureFlow(FLOW_IDS.child, ['child'], child, { ...base, label: { value: 'default' } }),
      fixtureFlow(FLOW_IDS.slow, ['slow'], slow, base),
      fixtureFlow(FLOW_IDS.secret, ['secret'], secret, {
        ...base,
        token: { value: SECRET_TOKEN, secret: true }
      })
    ]
  } as unknown as SandboxFixtures
}
