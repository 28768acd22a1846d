/**
 * Reads the files a GitHub runner gives an action (`GITHUB_OUTPUT`), and turns
 * the workflow commands an action prints (`::error title=…::message`) into the
 * lines a person sees in the Actions log. The demo uses both to show the action
 * exactly as it runs on GitHub; tests use them to read the action's outputs.
 */

/**
 * Parses a GITHUB_OUTPUT file: `name=value` lines and heredoc blocks
 * `name<<DELIMITER` … `DELIMITER`, as @actions/core writes them.
 */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return outputs
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

/**
 * Renders one line of an action's stdout the way the Actions log shows it:
 * `::add-mask::` lines are consumed by the runner and never shown, `::debug::`
 * only with debug on, `::error::`/`::warning::`/`::notice::` with their titles.
 * Returns undefined for lines the log would not show.
 */
export function renderRunnerLine(line: string, showDebug = false): string | undefined {
  const command = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line)
  if (!command) return line
  const [, name, props = '', data] = command
  const title = /title=([^,]*)/.exec(props.trim())?.[1]
  const message = unescapeData(data)
  const titled = title ? `${unescapeProperty(title)}: ${message}` : message
  switch (name) {
    case 'add-mask':
    case 'set-output':
    case 'save-state':
    case 'stop-commands':
      return undefined
    case 'debug':
      return showDebug ? `##[debug]${message}` : undefined
    case 'error':
      return `Error: ${titled}`
    case 'warning':
      return `Warning: ${titled}`
    case 'notice':
      return `Notice: ${titled}`
    case 'group':
      return `▸ ${message}`
    case 'endgroup':
      return undefined
    default:
      return line
  }
}
