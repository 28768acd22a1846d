/** The core's Logger on top of @actions/core: debug only with RUNNER_DEBUG, warnings and errors as annotations. */
import * as core from '@actions/core'
import type { Logger } from '../core/logger.js'

export const actionLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message, props) => core.warning(message, props),
  error: (message, props) => core.error(message, props)
}
