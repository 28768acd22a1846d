/**
 * The secret-leak scan: where, in what a run left behind, a secret appears, as
 * is or in any form a writer may have turned it into (JSON string, Markdown or
 * HTML escaping in a summary, URL encoding, base64). `::add-mask::<secret>`
 * lines are the runner's masking command (consumed by the runner, never shown),
 * so they are the one place a secret may be.
 *
 * The forms are written out here on purpose rather than taken from the kit's
 * redactor: a scan that shared the redactor's list could not find what that list
 * forgets.
 */

/** What a run left that people and other steps can read (run-dist.ts's DistRun fits). */
export interface RunTraces {
  stdout: string
  stderr: string
  /** Files by place name: outputs, summary, JUnit, … */
  files: Record<string, string>
}

/** Every written form of `secret` the scan looks for. */
export function leakForms(secret: string): string[] {
  const html = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const markdown = (s: string): string => s.replace(/([\\`*_[\]|~])/g, '\\$1')
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  return [
    ...new Set([
      secret,
      JSON.stringify(secret).slice(1, -1),
      markdown(secret),
      markdown(html(secret)),
      html(secret),
      encodeURIComponent(secret),
      base64.replace(/=+$/, ''),
      Buffer.from(secret, 'utf8').toString('base64url')
    ])
  ]
}

/** Names of the places (stdout, stderr, outputs, summary, JUnit, …) where any secret appears, with the form. */
export function findLeaks(run: RunTraces, secrets: readonly string[]): string[] {
  const places: Record<string, string> = {
    stdout: run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    ...run.files
  }
  const leaks: string[] = []
  for (const secret of secrets.filter((s) => s.length >= 8)) {
    const forms = leakForms(secret)
    for (const [place, text] of Object.entries(places)) {
      const form = forms.find((f) => text.includes(f))
      if (form !== undefined)
        leaks.push(form === secret ? place : `${place} (as ${JSON.stringify(form)})`)
    }
  }
  return leaks
}
