/** Sets every output of interface.md section 2 from the check's result. */
import * as core from '@actions/core'
import type { KeyCheckResult } from '../core/key-check.js'

export function setKeyCheckOutputs(result: KeyCheckResult, issueNumber?: number): void {
  core.setOutput('status', result.status)
  core.setOutput('expires-at', result.expiresAt ?? '')
  core.setOutput('days-left', result.daysLeft === undefined ? '' : String(result.daysLeft))
  core.setOutput('key-id', result.keyId ?? '')
  core.setOutput('key-name', result.keyName ?? '')
  core.setOutput('permissions', JSON.stringify(result.permissions))
  core.setOutput('missing-scopes', JSON.stringify(result.missingScopes))
  core.setOutput('issue-number', issueNumber === undefined ? '' : String(issueNumber))
}
