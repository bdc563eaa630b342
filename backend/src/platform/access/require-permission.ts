import { forbidden } from '../errors/domain-error';
import type { Actor } from './actor';
import type { Permission } from './permissions';

/** First line of a service method: the route declares the permission too; this keeps services safe on their own. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw forbidden(`Requires the \`${permission}\` permission`);
}
