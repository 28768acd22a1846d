/**
 * How to rotate the CI key, in one place: the job summary, the reminder issue
 * and the CLI all show these steps (README, "Rotating the key", says the same).
 * Plain text with `code` spans, readable in a terminal and as Markdown.
 */

/** The scopes of the `ci` preset (contract.md part A, `GET /permissions?type=ci`). */
export const CI_PRESET_SCOPES: readonly string[] = [
  'flows:read',
  'flows:execute',
  'runner:complete'
]

/** The rotation steps, in order. */
export const ROTATION_STEPS: readonly string[] = [
  'In Echopoint (Settings → API keys), create a replacement key with the same scopes (the `ci` preset: ' +
    CI_PRESET_SCOPES.map((s) => `\`${s}\``).join(', ') +
    ') and an expiration date, for example 90 days.',
  'Update the secret everywhere the key is used: `gh secret set ECHOPOINT_API_KEY` in each repository (add `--org <org>` for an organization secret, `--env <environment>` for an environment secret).',
  'Confirm a run passes with the new key: re-run the key-expiry workflow (or any workflow that runs the flows).',
  'Delete the old key in Echopoint.'
]
