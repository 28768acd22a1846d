/** Sets every output of docs/interface.md section 2 from the check's result. */
import * as core from '@actions/core'
import type { KeyCheckResult } from '../../core/key/check.js'
import { redact } from '../shared/workflow-log.js'

/** Every value is redacted: the key must not come back through a field the API echoed it into. */
export function setKeyCheckOutputs(result: KeyCheckResult, issueNumber?: number): void {
  const setOutput = (name: string, value: string): void => core.setOutput(name, redact(value))
  setOutput('status', result.status)
  setOutput('expires-at', result.expiresAt ?? '')
  setOutput('days-left', result.daysLeft === undefined ? '' : String(result.daysLeft))
  setOutput('key-id', result.keyId ?? '')
  setOutput('key-name', result.keyName ?? '')
  setOutput('permissions', JSON.stringify(result.permissions))
  setOutput('missing-scopes', JSON.stringify(result.missingScopes))
  setOutput('issue-number', issueNumber === undefined ? '' : String(issueNumber))
}
