/**
 * How to rotate the CI key, in one place: the job summary, the reminder issue
 * and the CLI all show these steps (docs/key-expiry.md, "Rotating the key", says the same;
 * the CLI's say where its key lives instead of GitHub's secrets).
 * Plain text with `code` spans, readable in a terminal and as Markdown.
 */

/** The scopes of the `ci` preset (docs/api-contract.md part A, `GET /permissions?type=ci`). */
export const CI_PRESET_SCOPES: readonly string[] = [
  'flows:read',
  'flows:execute',
  'runner:complete'
]

const CREATE =
  'In Echopoint (Settings → API keys), create a replacement key with the same scopes (the `ci` preset: ' +
  CI_PRESET_SCOPES.map((s) => `\`${s}\``).join(', ') +
  ') and an expiration date, for example 90 days.'
const DELETE = 'Delete the old key in Echopoint.'

/** The rotation steps, in order, for a key used by the GitHub Action (a repository secret). */
export const ROTATION_STEPS: readonly string[] = [
  CREATE,
  'Update the secret everywhere the key is used: `gh secret set ECHOPOINT_API_KEY` in each repository (add `--org <org>` for an organization secret, `--env <environment>` for an environment secret).',
  'Confirm a run passes with the new key: re-run the key-expiry workflow (or any workflow that runs the flows).',
  DELETE
]

/** The rotation steps for a key the CLI reads (`ECHOPOINT_API_KEY`, set by any CI system or a shell). */
export const CLI_ROTATION_STEPS: readonly string[] = [
  CREATE,
  'Update `ECHOPOINT_API_KEY` everywhere the key is used: the secret or masked variable of each CI system that sets it, and your shell.',
  'Confirm the new key works: `echopoint-ci check-key`, then re-run a pipeline that runs the flows.',
  DELETE
]
