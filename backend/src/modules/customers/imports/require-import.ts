import type { Actor } from '../../../platform/access/actor';
import { forbidden } from '../../../platform/errors/domain-error';

/** First line of every imports service method: the routes declare the permission too, this keeps the services safe on their own. */
export function requireImport(actor: Actor): void {
  if (!actor.permissions.has('customers:import')) throw forbidden('Requires the `customers:import` permission');
}
