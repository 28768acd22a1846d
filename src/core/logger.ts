/**
 * The core logs through this interface; the action maps it to @actions/core
 * (debug, info, annotations) and the CLI to stderr. The core never writes to
 * stdout or stderr itself.
 */
export interface AnnotationProps {
  title?: string
  file?: string
}

export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
}

/** A logger that drops everything (for library use and tests that do not care). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined
}
