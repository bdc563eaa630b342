import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';
import type { Actor } from './actor';
import type { Permission } from './permissions';

export const PUBLIC_KEY = 'lodestar:public';
export const PERMISSION_KEY = 'lodestar:permission';
export const SESSION_ONLY_KEY = 'lodestar:session-only';

/** A route anyone may call (sign-in, health, password reset…). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));

/** The permission a route needs; shown in the OpenAPI document as `x-permission`. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiExtension('x-permission', permission),
    ApiBearerAuth('bearer'),
    ApiSecurity('apiKey'),
    ApiUnauthorizedResponse({ type: ProblemDto, description: 'Missing or invalid credentials' }),
    ApiForbiddenResponse({ type: ProblemDto, description: `Requires the \`${permission}\` permission` }),
    ApiTooManyRequestsResponse({ type: ProblemDto, description: 'Rate limited' }),
  );

/**
 * A route any signed-in user may call about themselves (profile, password); needs a user session,
 * not an API key. Declared as the pseudo-permission `self`.
 */
export const RequireSession = () =>
  applyDecorators(
    SetMetadata(SESSION_ONLY_KEY, true),
    ApiExtension('x-permission', 'self'),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({ type: ProblemDto, description: 'Missing or invalid credentials' }),
  );

/** The resolved {@link Actor} of the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
