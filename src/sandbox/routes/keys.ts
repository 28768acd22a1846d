/**
 * `GET /api-keys/self` and `GET /permissions` (docs/api-contract.md part A; B.1 and B.2).
 */
import type { ApiKeySelf } from '../../core/api/types.js'
import { apiKeyOf, jsonResponse } from '../context.js'
import type { RouteDefinition, SandboxExtensions } from '../types/http.js'
import { PERMISSION_TYPES, permissionsOf, type PermissionType } from '../scopes.js'
import { iso, optionalEnum } from '../validate.js'

export function keyRoutes(extensions: SandboxExtensions): RouteDefinition[] {
  return [
    {
      id: 'keys.self',
      method: 'GET',
      pattern: '/api-keys/self',
      // Any valid key may ask who it is; the organization comes from the key itself.
      scope: null,
      orgHeader: false,
      bucket: 'read',
      handler: (ctx) => {
        const key = apiKeyOf(ctx)
        const body: ApiKeySelf = {
          api_key_id: key.id,
          organization_id: key.organizationId,
          permissions: [...key.permissions]
        }
        if (extensions.keyIntrospection) {
          body.name = key.name
          body.expires_at = key.expiresAt === null ? null : iso(key.expiresAt)
        }
        return jsonResponse(200, body)
      }
    },
    {
      id: 'permissions.list',
      method: 'GET',
      pattern: '/permissions',
      // The public API needs api_key:create here, which CI keys usually lack (B.2).
      scope: extensions.permissionsForAnyKey ? null : 'api_key:create',
      orgHeader: true,
      bucket: 'read',
      handler: (ctx) => {
        const type: PermissionType =
          optionalEnum(ctx.query.get('type') ?? undefined, 'type', PERMISSION_TYPES) ?? 'custom'
        const items = permissionsOf(type)
        return jsonResponse(200, { total: items.length, count: items.length, items })
      }
    }
  ]
}
