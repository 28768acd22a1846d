/**
 * The reminder issue (docs/interface.md section 2): while the key needs rotation,
 * exactly one open issue, found again by the hidden marker in its body and
 * updated in place; once the key is healthy, a comment and the issue closed.
 *
 * Requests (GitHub REST, through @actions/github with `github-token`):
 *   GET   /repos/{owner}/{repo}/issues?state=open&labels=echopoint-key-expiry
 *   POST  /repos/{owner}/{repo}/issues                            (none open yet)
 *   PATCH /repos/{owner}/{repo}/issues/{n}                        (update, or close)
 *   POST  /repos/{owner}/{repo}/issues/{n}/comments               (before closing)
 *
 * Octokit is imported here, lazily, so a check that touches no issue never loads it.
 * Nothing here throws: a failure becomes a warning (with the `permissions:` block
 * to add on a 403); the reminder never decides whether the check passes.
 */
import type { getOctokit } from '@actions/github'
import {
  REMINDER_LABEL,
  closingComment,
  reminderBody,
  reminderMarker,
  reminderTitle,
  type ReminderTextContext
} from './reminder-text.js'

type Octokit = ReturnType<typeof getOctokit>

export interface ReminderRequest extends ReminderTextContext {
  token: string
  /** `owner/repo`, from GITHUB_REPOSITORY. */
  repository: string | undefined
  /** Values that must never be sent (the API key): replaced by *** if they ever appear. */
  secrets: string[]
}

export type ReminderOutcome =
  | { action: 'created' | 'updated'; number: number; url?: string }
  | { action: 'closed'; numbers: number[] }
  | { action: 'none' }
  | { action: 'failed'; message: string }

/** The block a workflow needs so GITHUB_TOKEN may write issues. */
export const PERMISSIONS_BLOCK = 'permissions:\n  issues: write'

interface IssueRef {
  number: number
  body?: string | null
  title: string
  html_url?: string
  pull_request?: unknown
}

function scrub(text: string, secrets: string[]): string {
  return secrets
    .filter((s) => s.length >= 4)
    .reduce((out, secret) => out.split(secret).join('***'), text)
}

/** Turns an Octokit error into the warning users see. */
export function describeGithubError(err: unknown): string {
  const status = (err as { status?: unknown }).status
  const raw = err instanceof Error ? err.message : String(err)
  // Octokit appends " - https://docs.github.com/…" to the API's message.
  const message = raw.replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '').slice(0, 300)
  if (status === 403) {
    return `The github-token may not write issues in this repository (HTTP 403: ${message}). Add this to the workflow (or the job):\n${PERMISSIONS_BLOCK}`
  }
  if (status === 404) {
    return `The repository was not found with the github-token (HTTP 404). Check GITHUB_REPOSITORY, and that the token may read this repository and write its issues:\n${PERMISSIONS_BLOCK}`
  }
  if (status === 410) {
    return 'Issues are disabled in this repository (HTTP 410): enable them in Settings → General → Features, or set open-issue: false.'
  }
  if (status === 401) {
    return 'GitHub refused the github-token (HTTP 401). Leave github-token at its default (${{ github.token }}) or pass a valid token.'
  }
  return `GitHub answered ${typeof status === 'number' ? `HTTP ${status}` : 'with an error'}: ${message}`
}

async function findOpen(
  octokit: Octokit,
  owner: string,
  repo: string,
  marker: string
): Promise<IssueRef[]> {
  const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'open',
    labels: REMINDER_LABEL,
    per_page: 100
  })) as IssueRef[]
  return issues
    .filter((issue) => !issue.pull_request && (issue.body ?? '').includes(marker))
    .sort((a, b) => a.number - b.number)
}

/**
 * Opens or updates the one reminder issue (`result.reminder === 'open'`), or
 * closes it (`'close'`). Never throws.
 */
export async function syncReminderIssue(request: ReminderRequest): Promise<ReminderOutcome> {
  const [owner, repo, ...rest] = (request.repository ?? '').split('/')
  if (!owner || !repo || rest.length > 0) {
    return {
      action: 'failed',
      message:
        'GITHUB_REPOSITORY is not set to owner/repo, so the reminder issue was not written (it is set on every GitHub runner).'
    }
  }
  const action = request.result.reminder
  if (action === 'leave') return { action: 'none' }
  const marker = reminderMarker(request.organizationId)
  try {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(request.token)
    const open = await findOpen(octokit, owner, repo, marker)

    if (action === 'close') {
      if (open.length === 0) return { action: 'none' }
      const body = scrub(closingComment(request), request.secrets)
      for (const issue of open) {
        await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body })
        await octokit.rest.issues.update({
          owner,
          repo,
          issue_number: issue.number,
          state: 'closed',
          state_reason: 'completed'
        })
      }
      return { action: 'closed', numbers: open.map((i) => i.number) }
    }

    const title = scrub(reminderTitle(request), request.secrets)
    const body = scrub(reminderBody(request), request.secrets)
    const [current, ...duplicates] = open
    if (!current) {
      const created = await octokit.rest.issues.create({
        owner,
        repo,
        title,
        body,
        labels: [REMINDER_LABEL]
      })
      return { action: 'created', number: created.data.number, url: created.data.html_url }
    }
    await octokit.rest.issues.update({ owner, repo, issue_number: current.number, title, body })
    // Exactly one open issue: close any copy (say, from two runs racing on the first day).
    for (const duplicate of duplicates) {
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: duplicate.number,
        body: `Duplicate of #${current.number}, which tracks this key.`
      })
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: duplicate.number,
        state: 'closed',
        state_reason: 'not_planned'
      })
    }
    return { action: 'updated', number: current.number, url: current.html_url }
  } catch (err) {
    return { action: 'failed', message: describeGithubError(err) }
  }
}
