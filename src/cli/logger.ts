/**
 * The core's Logger for the CLI: everything goes to stderr (stdout is for the
 * result: the table or the JSON document). Plain lines with no control
 * characters that a CI runner will not read as commands (inertLine), so CI logs
 * stay clean; debug only with --verbose or
 * ECHOPOINT_DEBUG=1.
 */
import type { Logger } from '../core/logger.js'
import { createRedactor } from '../core/redact.js'
import { inertLine, oneLine } from '../core/report/escape.js'

export interface CliLoggerOptions {
  verbose: boolean
  write?: (line: string) => void
  /** Secrets hidden (in every encoded form) from every line, e.g. the API key. */
  secrets?: readonly (string | undefined)[]
  /** Told of each secret learned during the run (to hide it in the command's own output too). */
  onProtect?: (secret: string) => void
}

export function createCliLogger(options: CliLoggerOptions): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`))
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string')
  let redact = createRedactor(secrets)
  const line = (prefix: string, message: string, title?: string): void =>
    write(
      inertLine(
        redact(`${prefix}${title ? `${oneLine(title, 200)}: ` : ''}${oneLine(message, 4000)}`)
      )
    )
  return {
    debug: (message) => {
      if (options.verbose) line('debug: ', message)
    },
    info: (message) => line('', message),
    warning: (message, props) => line('warning: ', message, props?.title),
    error: (message, props) => line('error: ', message, props?.title),
    protect: (secret) => {
      if (secret.trim() === '' || secrets.includes(secret)) return
      secrets.push(secret)
      redact = createRedactor(secrets)
      options.onProtect?.(secret)
    }
  }
}
