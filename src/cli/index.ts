#!/usr/bin/env node
// The CLI's entry point: wire the process to main() and exit with its code.
import { main } from './main.js'

const controller = new AbortController()
for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, () => controller.abort())

/**
 * A writer to one of the process's streams. When its reader goes away
 * (`echopoint-ci run --help | head`) the stream reports EPIPE: from then on
 * the text is dropped instead of crashing, so a run still follows its flows,
 * writes its reports and exits with its verdict.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    open = false
  })
  return (text) => {
    if (open) stream.write(`${text}\n`)
  }
}

const code = await main(process.argv.slice(2), {
  env: process.env,
  stdout: writerTo(process.stdout),
  stderr: writerTo(process.stderr),
  signal: controller.signal
})
process.exitCode = code
