import type { Actor } from '../../platform/access/actor';
import { isPermission } from '../../platform/access/permissions';
import { authError } from './auth.errors';

/** Every name must be in the catalogue (422 naming the field otherwise). */
export function assertKnownPermissions(names: string[], field: string): void {
  const unknown = names.filter((n) => !isPermission(n));
  if (unknown.length) throw authError.unknownPermission(field, unknown);
}

/** Nobody grants what they do not hold themselves (no privilege escalation through roles, invitations or keys). */
export function assertCanGrant(actor: Actor, names: string[], field: string): void {
  if (names.some((n) => !actor.permissions.has(n as never))) throw authError.escalation(field);
}
