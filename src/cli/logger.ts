/**
 * The core's Logger for the CLI: everything goes to stderr (stdout is for the
 * result: the table or the JSON document). Plain lines with no control
 * characters, so CI logs stay clean; debug only with --verbose or
 * ECHOPOINT_DEBUG=1.
 */
import type { Logger } from '../core/logger.js'
import { oneLine } from '../core/report/escape.js'

export interface CliLoggerOptions {
  verbose: boolean
  write?: (line: string) => void
}

export function createCliLogger(options: CliLoggerOptions): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`))
  const line = (prefix: string, message: string, title?: string): void =>
    write(`${prefix}${title ? `${oneLine(title, 200)}: ` : ''}${oneLine(message, 4000)}`)
  return {
    debug: (message) => {
      if (options.verbose) line('debug: ', message)
    },
    info: (message) => line('', message),
    warning: (message, props) => line('warning: ', message, props?.title),
    error: (message, props) => line('error: ', message, props?.title)
  }
}
