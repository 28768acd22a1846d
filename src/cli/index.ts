#!/usr/bin/env node
// The CLI's entry point: wire the process to main() and exit with its code.
import { main } from './main.js'

const controller = new AbortController()
for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, () => controller.abort())
const code = await main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => void process.stdout.write(`${text}\n`),
  stderr: (text) => void process.stderr.write(`${text}\n`),
  signal: controller.signal
})
process.exitCode = code
