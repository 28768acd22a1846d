/**
 * The JUnit XML report: one test suite, one test case per flow, node failures
 * in the failure message, durations in seconds, flow and execution IDs as
 * properties. Built with xmlbuilder2 so untrusted names are always escaped.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { create } from 'xmlbuilder2'
import {
  describeAssertion,
  firstFailure,
  type FlowReport,
  type ResultsDocument
} from '../results.js'
import { oneLine, showValue } from './escape.js'

const seconds = (ms: number | null): string => ((ms ?? 0) / 1000).toFixed(3)

function failureText(flow: FlowReport): string {
  const lines: string[] = []
  if (flow.error_message) lines.push(flow.error_message)
  for (const node of flow.nodes.filter((n) => n.status === 'failed')) {
    lines.push(
      `Node "${node.display_name}" (${node.node_type}) failed${node.error_message ? `: ${node.error_message}` : ''}`
    )
    for (const a of node.assertions.filter((x) => !x.passed)) {
      lines.push(
        `  assertion ${a.index}: ${a.extractor} ${a.operator}: expected ${showValue(a.expected)}, actual ${showValue(a.actual)}${a.error ? ` (${a.error})` : ''}`
      )
    }
  }
  return lines.join('\n')
}

function headline(flow: FlowReport): string {
  const failure = firstFailure(flow)
  if (failure?.assertion)
    return oneLine(`${failure.node.display_name}: ${describeAssertion(failure.assertion)}`)
  if (failure)
    return oneLine(`${failure.node.display_name}: ${failure.node.error_message ?? 'failed'}`)
  return oneLine(flow.error_message ?? flow.status)
}

/** Renders the report as a JUnit XML string. */
export function renderJunit(results: ResultsDocument, timestamp = new Date()): string {
  const failures = results.counts.failed
  const errors = results.counts.error + results.counts.timed_out
  const skipped = results.counts.cancelled
  const time = seconds(results.duration_ms)
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'Echopoint',
    tests: results.counts.total,
    failures,
    errors,
    skipped,
    time
  })
  const suite = root.ele('testsuite', {
    name: 'Echopoint flows',
    tests: results.counts.total,
    failures,
    errors,
    skipped,
    time,
    timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, '')
  })
  for (const flow of results.flows) {
    const testcase = suite.ele('testcase', {
      name: flow.flow_name,
      classname: 'echopoint',
      time: seconds(flow.duration_ms)
    })
    const props = testcase.ele('properties')
    props.ele('property', { name: 'flow_id', value: flow.flow_id })
    if (flow.execution_id) props.ele('property', { name: 'execution_id', value: flow.execution_id })
    if (flow.url) props.ele('property', { name: 'url', value: flow.url })
    switch (flow.status) {
      case 'failed':
        testcase
          .ele('failure', { message: headline(flow), type: 'AssertionFailure' })
          .txt(failureText(flow))
        break
      case 'timed_out':
        testcase
          .ele('error', { message: 'timed out before the flow finished', type: 'Timeout' })
          .txt(failureText(flow))
        break
      case 'error':
        testcase
          .ele('error', { message: headline(flow), type: flow.error_code ?? 'Error' })
          .txt(failureText(flow))
        break
      case 'cancelled':
        testcase.ele('skipped', { message: 'cancelled' })
        break
      default:
        break
    }
  }
  return root.end({ prettyPrint: true })
}

/** Writes the report (creating folders); returns the absolute path written. */
export async function writeJunitReport(path: string, results: ResultsDocument): Promise<string> {
  const target = resolve(path)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, renderJunit(results), 'utf8')
  return target
}
