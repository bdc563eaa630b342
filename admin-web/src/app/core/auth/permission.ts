/**
 * Permission keys the console checks. The catalogue itself comes from the API
 * (`listPermissions`); this union only lets the compiler catch typos in guards and templates.
 */
export type Permission =
  | 'workspace:manage'
  | 'users:read'
  | 'users:manage'
  | 'roles:manage'
  | 'api_keys:manage'
  | 'audit:read'
  | 'audit:export'
  | 'email:read'
  | 'customers:read'
  | 'customers:write'
  | 'customers:import'
  | 'customers:export'
  | 'customers:erase'
  | 'segments:read'
  | 'segments:write'
  | 'campaigns:read'
  | 'campaigns:write'
  | 'campaigns:approve'
  | 'campaigns:launch'
  | 'messaging:read'
  | 'messaging:write'
  | 'analytics:read'
  | 'ai:use';

/** `users:manage` → `users`; used to group permissions by module. */
export function permissionModule(key: string): string {
  const i = key.indexOf(':');
  return i < 0 ? key : key.slice(0, i);
}
