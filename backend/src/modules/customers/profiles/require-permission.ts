import type { Actor } from '../../../platform/access/actor';
import type { Permission } from '../../../platform/access/permissions';
import { forbidden } from '../../../platform/errors/domain-error';

/** First line of every service method: the route declares the permission too, this keeps services safe on their own. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw forbidden(`Requires the \`${permission}\` permission`);
}
