import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { PERMISSION_KEY, PUBLIC_KEY, SESSION_ONLY_KEY } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import type { Permission } from '../../../platform/access/permissions';
import { DomainError, forbidden, unauthorized } from '../../../platform/errors/domain-error';
import { ActorsService } from '../services/actors.service';

type Request = FastifyRequest & { actor?: Actor; user?: Actor };

/**
 * The global guard. Public routes pass; every other route needs a user (Bearer JWT) or an API key
 * (X-Api-Key) and the permission it declares. A route that declares none is refused (fail closed).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorsService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const apiKey = request.headers['x-api-key'];
    let actor: Actor;
    if (typeof apiKey === 'string' && apiKey) {
      actor = await this.actors.forApiKey(apiKey);
    } else {
      await super.canActivate(context);
      actor = request.user!;
    }
    request.actor = { ...actor, requestId: String(request.id), ip: request.ip };

    const sessionOnly = this.reflector.getAllAndOverride<boolean>(SESSION_ONLY_KEY, targets);
    const permission = this.reflector.getAllAndOverride<Permission>(PERMISSION_KEY, targets);
    if (sessionOnly) {
      if (actor.type !== 'user') throw forbidden('This operation needs a signed-in user, not an API key');
      return true;
    }
    if (!permission) throw forbidden('This operation declares no permission');
    if (!actor.permissions.has(permission)) throw forbidden(`Requires the ${permission} permission`);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw unauthorized('A valid Bearer access token or X-Api-Key is required');
    return user;
  }
}
