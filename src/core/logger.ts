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
  /**
   * Hides a secret learned during the run (an input named secret in a claimed
   * job, a job token) in everything written from now on; the action also masks
   * it in the runner's log (`::add-mask::`).
   */
  protect?(secret: string): void
}

/** A logger that drops everything (for library use and tests that do not care). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined
}
