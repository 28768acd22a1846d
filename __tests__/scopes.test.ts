/** The scopes each CI mode needs (src/core/key/scopes.ts, docs/api-contract.md part B). */
import { describe, expect, it } from '@jest/globals'
import { ciModeFor, missingScopes } from '../src/core/key/scopes.js'

describe('scopes per mode', () => {
  it('uses the contract table of scopes per mode', () => {
    expect(ciModeFor('ids', 'cloud').scopes).toEqual(['flows:execute', 'flows:read'])
    // The job token from the claim does the rest: no runner:complete (docs/api-contract.md part B).
    expect(ciModeFor('tags', 'ephemeral').scopes).toEqual(['flows:execute', 'flows:read'])
    expect(ciModeFor('ids', 'ephemeral').scopes).toEqual(['flows:execute'])
    expect(missingScopes(['flows:execute', 'flows:read'], ['flows:read'])).toEqual([
      'flows:execute'
    ])
  })
})
