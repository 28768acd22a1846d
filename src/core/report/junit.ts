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
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { create } from 'xmlbuilder2'
import type { EchopointError } from '../errors.js'
import { failureLine, type FlowReport, type ResultsDocument } from '../run/results.js'
import { oneLine, showValue } from './escape.js'

/** The `classname` of every test case: consumers group and track tests by it. */
export const JUNIT_CLASSNAME = 'echopoint.flows'

export interface JunitOptions {
  /** When the run started (default: now minus the run's duration). */
  timestamp?: Date
  /** The error that stopped the run as a whole; reported as a test case when no flow ran. */
  error?: Pick<EchopointError, 'kind' | 'userMessage'>
}

// Characters XML 1.0 cannot carry at all, not even escaped (https://www.w3.org/TR/xml/#charsets).
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/** Untrusted text made safe for an XML document (the builder escapes markup). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\ufffd')
}

const seconds = (ms: number | null): string => ((ms ?? 0) / 1000).toFixed(3)

function failureText(flow: FlowReport): string {
  const lines: string[] = []
  const failedNodes = flow.nodes.filter((n) => n.status === 'failed')
  // The flow's message repeats its failed node's; the node lines say it more precisely.
  if (flow.error_message && failedNodes.length === 0) lines.push(flow.error_message)
  for (const node of failedNodes) {
    lines.push(
      `Node "${node.display_name}" (${node.node_type}) failed${node.error_message ? `: ${node.error_message}` : ''}`
    )
    for (const a of node.assertions.filter((x) => !x.passed)) {
      lines.push(
        `  assertion ${a.index}: ${a.extractor} ${a.operator}: expected ${showValue(a.expected)}, actual ${showValue(a.actual)}${a.error ? ` (${a.error})` : ''}`
      )
    }
  }
  return xmlText(lines.join('\n'))
}

function headline(flow: FlowReport): string {
  return oneLine(failureLine(flow) ?? flow.status)
}

/** What a reader of the test case needs to find the run in Echopoint. */
function systemOut(flow: FlowReport): string {
  const lines = [`flow_id: ${flow.flow_id}`, `status: ${flow.status}`]
  if (flow.execution_id) lines.push(`execution_id: ${flow.execution_id}`)
  if (flow.url) lines.push(`url: ${flow.url}`)
  return xmlText(lines.join('\n'))
}

/** Renders the report as a JUnit XML string. */
export function renderJunit(results: ResultsDocument, options: JunitOptions = {}): string {
  const timestamp = options.timestamp ?? new Date(Date.now() - results.duration_ms)
  // A run that stopped before any flow (bad key, empty selection, cancelled in the
  // preflight) is one test case, so a test-report step shows why instead of "0 tests".
  const runCase =
    results.flows.length === 0 && results.status !== 'passed'
      ? {
          status: results.status,
          message: oneLine(options.error?.userMessage ?? `The run ended: ${results.status}`),
          type: options.error?.kind ?? results.status
        }
      : undefined
  const c = results.counts
  const tests = runCase ? 1 : c.total
  const failures = c.failed
  const errors = c.error + c.timed_out + (runCase && runCase.status !== 'cancelled' ? 1 : 0)
  const skipped = c.cancelled + (runCase?.status === 'cancelled' ? 1 : 0)
  const time = seconds(results.duration_ms)

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'Echopoint',
    tests,
    failures,
    errors,
    time
  })
  const suite = root.ele('testsuite', {
    name: 'Echopoint flows',
    tests,
    failures,
    errors,
    skipped,
    time,
    // The schema's timestamp has no zone: UTC, to the second.
    timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, '')
  })
  const props = suite.ele('properties')
  props.ele('property', { name: 'status', value: results.status })
  for (const flow of results.flows) {
    const key = `flow.${xmlText(flow.flow_id)}`
    props.ele('property', { name: `${key}.name`, value: xmlText(flow.flow_name) })
    if (flow.execution_id)
      props.ele('property', { name: `${key}.execution_id`, value: xmlText(flow.execution_id) })
    if (flow.url) props.ele('property', { name: `${key}.url`, value: xmlText(flow.url) })
  }

  if (runCase) {
    const testcase = suite.ele('testcase', {
      name: 'Echopoint run',
      classname: JUNIT_CLASSNAME,
      time
    })
    if (runCase.status === 'cancelled') testcase.ele('skipped', { message: runCase.message })
    else testcase.ele('error', { message: xmlText(runCase.message), type: runCase.type })
  }
  for (const flow of results.flows) {
    const testcase = suite.ele('testcase', {
      name: xmlText(flow.flow_name),
      classname: JUNIT_CLASSNAME,
      time: seconds(flow.duration_ms)
    })
    switch (flow.status) {
      case 'failed':
        testcase
          .ele('failure', { message: xmlText(headline(flow)), type: 'AssertionFailure' })
          .txt(failureText(flow))
        break
      case 'timed_out':
        testcase
          .ele('error', {
            message: xmlText(oneLine(flow.error_message ?? 'timed out before the flow finished')),
            type: 'Timeout'
          })
          .txt(failureText(flow))
        break
      case 'error':
        testcase
          .ele('error', {
            message: xmlText(headline(flow)),
            type: xmlText(flow.error_code ?? 'Error')
          })
          .txt(failureText(flow))
        break
      case 'cancelled':
        testcase.ele('skipped', {
          message: xmlText(oneLine(flow.error_message ?? 'cancelled'))
        })
        break
      default:
        break
    }
    testcase.ele('system-out').txt(systemOut(flow))
  }
  return root.end({ prettyPrint: true })
}

/** Writes the report (creating folders); returns the absolute path written. */
export async function writeJunitReport(
  path: string,
  results: ResultsDocument,
  options: JunitOptions = {}
): Promise<string> {
  const target = resolve(path)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, renderJunit(results, options), 'utf8')
  return target
}
