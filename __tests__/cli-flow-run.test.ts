/**
 * `echopoint-ci flow run` end to end: the bundled CLI runs the example flow
 * files against the demo service over loopback, with the exit codes of
 * docs/interface.md §3, the table, the JSON flow result, JUnit, secrets hidden,
 * module flows read from beside the file, and nothing sent for a bad flow.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, ROOT } from '../__fixtures__/run-dist.js'
import { startDemoService, type DemoService } from '../src/demo-service/server.js'

let service: DemoService
let dir: string
const example = (name: string): string => join(ROOT, 'examples', 'flows', name)

beforeAll(async () => {
  service = await startDemoService()
  dir = await mkdtemp(join(tmpdir(), 'echopoint-flow-run-'))
})
afterAll(async () => {
  await service.close()
  await rm(dir, { recursive: true, force: true })
})

const flowRun = (args: string[]) =>
  runCli(['flow', 'run', ...args], { env: { CI: 'true' }, killAfterMs: 60_000 })

describe('echopoint-ci flow run', () => {
  it('every example flow is valid', async () => {
    const run = await runCli(
      [
        'flow',
        'validate',
        ...['widgets-crud', 'batch-loop', 'failing-on-purpose'].map((n) => example(`${n}.json`))
      ],
      { env: { CI: 'true' } }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(3)
  })

  it('runs an example flow: exit 0, a line per node, the table', async () => {
    const run = await flowRun([example('widgets-crud.json'), '--input', `baseUrl=${service.url}`])
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain('PASS Create a widget (request)')
    expect(run.stdout).toMatch(/^PASS\s+Delete the widget \(cleanup, always runs\)\s+request/m)
    expect(run.stdout).toContain('Flow "Widgets: create, read, list, clean up" passed (6 passed')
  })

  it('a failed assertion: exit 1, expected vs actual, the cleanup skipped with its reason', async () => {
    const junit = join(dir, 'report.xml')
    const run = await flowRun([
      example('failing-on-purpose.json'),
      '--input',
      `baseUrl=${service.url}`,
      '--junit',
      junit
    ])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('status_code equals: expected 201, actual 400')
    expect(run.stdout).toContain('Skipped because step "Create without a name" failed')
    const xml = await readFile(junit, 'utf8')
    expect(xml).toContain('failures="1"')
    expect(xml).toContain('Create without a name')
  })

  it('--output json prints the flow result (docs/runner.md §5.1)', async () => {
    const run = await flowRun([
      example('batch-loop.json'),
      '--input',
      `baseUrl=${service.url}`,
      '--output',
      'json'
    ])
    expect(run.exitCode).toBe(0)
    const result = JSON.parse(run.stdout) as {
      success: boolean
      final_outputs: Record<string, unknown>
      http_calls: unknown[]
    }
    expect(result.success).toBe(true)
    expect(result.final_outputs['make-each.count']).toBe(3)
    expect(result.http_calls).toHaveLength(4)
  })

  it('an invalid flow: exit 3, every problem named, nothing sent', async () => {
    const file = join(dir, 'bad.json')
    await writeFile(
      file,
      JSON.stringify({
        name: 'bad',
        nodes: [
          { id: 'a', type: 'request', data: { method: 'GET', url: `${service.url}/health` } },
          { id: 'b', type: 'request', data: { url: `${service.url}/widgets/{{a.id}}` } },
          { id: 'c', type: 'teleport', data: {} }
        ],
        edges: [{ id: 'e', source: 'a', target: 'b' }]
      })
    )
    const before = service.requests.length
    const run = await flowRun([file])
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('2 problems in "bad"; nothing was run')
    expect(run.stderr).toContain('node b, data.url: {{a.id}}: node "a" declares no output "id"')
    expect(run.stderr).toContain('node c, type: "teleport" is not a node type')
    expect(service.requests.length).toBe(before)
  })

  it('usage errors: exit 3 before anything runs', async () => {
    const before = service.requests.length
    for (const args of [
      ['--input', 'noequals'],
      ['--timeout', 'soon'],
      ['--output', 'xml'],
      ['--inputs-file', join(dir, 'missing.json')]
    ]) {
      const run = await flowRun([example('widgets-crud.json'), ...args])
      expect(run.exitCode).toBe(3)
      expect(run.stderr).toMatch(/^error: /)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
    expect(service.requests.length).toBe(before)
  })

  it('--timeout stops the run: exit 4, what finished is reported', async () => {
    const file = join(dir, 'slow.json')
    await writeFile(
      file,
      JSON.stringify({
        name: 'slow',
        nodes: [
          { id: 'quick', type: 'request', data: { url: `${service.url}/health` } },
          { id: 'slow', type: 'request', data: { url: `${service.url}/slow/20000` } }
        ],
        edges: [{ id: 'e', source: 'quick', target: 'slow' }]
      })
    )
    const started = Date.now()
    const run = await flowRun([file, '--timeout', '1s'])
    expect(run.exitCode).toBe(4)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(run.stdout).toMatch(/^PASS\s+quick/m)
    expect(run.stdout).toContain('timed out (--timeout)')
  })

  it('--secret values are used but never printed', async () => {
    const file = join(dir, 'secret.json')
    await writeFile(
      file,
      JSON.stringify({
        name: 'secret',
        nodes: [
          {
            id: 'echo',
            type: 'request',
            data: {
              method: 'POST',
              url: `${service.url}/echo`,
              headers: { 'X-Token': '{{token}}' },
              body: { token: '{{token}}' }
            },
            assertions: [
              {
                extractor_type: 'json_path',
                extractor_data: { path: '$.body.token' },
                operator_type: 'equals',
                operator_data: { value: 'wrong-on-purpose' }
              }
            ]
          }
        ],
        edges: []
      })
    )
    const secret = 'tok-3f9a"x\\y'
    for (const output of ['table', 'json']) {
      const run = await flowRun([file, '--secret', `token=${secret}`, '--output', output])
      expect(run.exitCode).toBe(1)
      const text = run.stdout + run.stderr
      expect(text).not.toContain('tok-3f9a')
      expect(text).toContain('***')
    }
  })

  it('a module node runs FLOW_ID.json from beside the file; a missing one is exit 3', async () => {
    const child = {
      name: 'child',
      initial_inputs: { baseUrl: 'x' },
      nodes: [
        {
          id: 'make',
          type: 'request',
          data: { method: 'POST', url: '{{baseUrl}}/widgets', body: { name: '{{label}}' } },
          outputs: [{ name: 'id', extractor: { type: 'json_path', path: '$.id' } }]
        }
      ],
      edges: []
    }
    const parent = {
      name: 'parent',
      initial_inputs: { baseUrl: service.url },
      nodes: [
        {
          id: 'sub',
          type: 'module',
          data: {
            flow_id: 'make-widget',
            input_bindings: { label: 'from-module' },
            output_bindings: { widget: 'make.id' }
          }
        },
        {
          id: 'read',
          type: 'request',
          data: { url: '{{baseUrl}}/widgets/{{sub.widget}}' },
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
      edges: [{ id: 'e', source: 'sub', target: 'read' }]
    }
    const parentFile = join(dir, 'parent.json')
    await writeFile(parentFile, JSON.stringify(parent))
    const missing = await flowRun([parentFile])
    expect(missing.exitCode).toBe(3)
    expect(missing.stderr).toContain('MODULE_FLOW_NOT_FOUND')
    expect(missing.stderr).toContain('flow pull FLOW_ID')

    await writeFile(join(dir, 'make-widget.json'), JSON.stringify(child))
    const run = await flowRun([parentFile])
    expect(run.exitCode).toBe(0)
  })
})
