/**
 * Echopoint's wire names moved from camelCase to snake_case (docs/runner.md §2); the
 * engine reads both and keys its registries by the snake_case form.
 */

/** `setVariable` → `set_variable`, `isoTimestamp` → `iso_timestamp`, `ipv4` → `ipv4`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
}
