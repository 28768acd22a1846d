/**
 * The inputs every front door shares (run, check-key, whoami): the API key, the
 * organization ID and the API URL, validated before anything is sent.
 */
import { validateApiUrl } from './api/http/url.js'
import { ConfigError } from './errors.js'
import { CONTROL_CHARS, present } from './input-values.js'
import { keyStore, type Surface } from './surface.js'

export const DEFAULT_API_URL = 'https://api.echopoint.dev'

/** The names under which the user gave the credentials (`api-key` or `--api-key`). */
export interface CredentialNames {
  apiKey: string
  organizationId: string
  apiUrl: string
}

export const ACTION_CREDENTIAL_NAMES: CredentialNames = {
  apiKey: 'api-key',
  organizationId: 'organization-id',
  apiUrl: 'api-url'
}

/** How to give a missing credential, in the words of the front door in use. */
const GIVE: Record<Surface, { apiKey: string; organizationId: string }> = {
  action: {
    apiKey:
      'Pass the API key from a secret, for example api-key: ${{ secrets.ECHOPOINT_API_KEY }}.',
    organizationId:
      'Pass your organization ID, for example organization-id: ${{ vars.ECHOPOINT_ORGANIZATION_ID }}.'
  },
  cli: {
    apiKey:
      'Set the ECHOPOINT_API_KEY environment variable to the key (in CI, from a secret); --api-key works too, but a flag shows in process lists.',
    organizationId:
      'Set the ECHOPOINT_ORGANIZATION_ID environment variable or pass --organization-id, for example --organization-id org_abc123.'
  }
}

export interface Credentials {
  apiKey: string
  organizationId: string
  /** Validated, without a trailing slash. */
  apiUrl: string
}

/**
 * Validates the API key, the organization ID and the API URL, the inputs every
 * front door (run, check-key, whoami) shares. Throws ConfigError naming the input;
 * never echoes the key.
 */
export function resolveCredentials(
  raw: { apiKey?: string; organizationId?: string; apiUrl?: string },
  names: CredentialNames,
  options: { organizationRequired?: boolean; surface?: Surface } = {}
): Credentials {
  const surface = options.surface ?? 'action'
  const apiKeyRaw = raw.apiKey ?? ''
  if (present(apiKeyRaw) === undefined) {
    throw new ConfigError(names.apiKey, 'it is missing or empty', GIVE[surface].apiKey)
  }
  const apiKey = apiKeyRaw.trim()
  if (CONTROL_CHARS.test(apiKey) || /\s/.test(apiKey)) {
    throw new ConfigError(
      names.apiKey,
      'it contains a line break, space or other control character',
      `Copy the key again without surrounding text or line breaks and update ${keyStore(surface)}.`
    )
  }
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new ConfigError(
      names.apiKey,
      'it contains characters outside printable ASCII (an HTTP header cannot carry them)',
      `API keys are plain ASCII (epk_live_…): copy the key again and update ${keyStore(surface)}.`
    )
  }

  const organizationId = present(raw.organizationId)
  if (organizationId === undefined && options.organizationRequired === false) {
    // Only GET /api-keys/self works without it (whoami); it answers with the key's organization.
    return { apiKey, organizationId: '', apiUrl: resolveApiUrl(raw.apiUrl, names.apiUrl) }
  }
  if (organizationId === undefined) {
    throw new ConfigError(
      names.organizationId,
      'it is missing or empty',
      GIVE[surface].organizationId
    )
  }
  if (CONTROL_CHARS.test(organizationId) || !/^[\x20-\x7e]+$/.test(organizationId)) {
    throw new ConfigError(
      names.organizationId,
      'it contains a control character or characters outside printable ASCII',
      'Use the plain organization ID, such as org_abc123.'
    )
  }

  return { apiKey, organizationId, apiUrl: resolveApiUrl(raw.apiUrl, names.apiUrl) }
}

function resolveApiUrl(raw: string | undefined, name: string): string {
  return validateApiUrl(present(raw) ?? DEFAULT_API_URL, name)
    .toString()
    .replace(/\/$/, '')
}
