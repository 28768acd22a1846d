/**
 * The front door a person is using: the GitHub Action (inputs in a workflow) or
 * the CLI (flags and environment variables at a terminal or in another CI
 * system). Messages name a setting the way that front door spells it (the names
 * maps: `max-parallel` or `--max-parallel`); where a hint says how to change a
 * setting, it uses that front door's syntax too (`fail-on-empty: false` or
 * `--allow-empty`), so nobody at a terminal is told to edit a workflow.
 */
export type Surface = 'action' | 'cli'

/** Where the API key is kept, for "update …": the workflow's secret, or the variable the CLI reads. */
export function keyStore(surface: Surface): string {
  return surface === 'cli' ? 'ECHOPOINT_API_KEY' : 'the ECHOPOINT_API_KEY secret'
}
