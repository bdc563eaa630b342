import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { isPermission, Permission } from '../../../platform/access/permissions';
import { unauthorized } from '../../../platform/errors/domain-error';
import { ApiKeysRepository } from '../repositories/api-keys.repository';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { RefreshTokensRepository } from '../repositories/refresh-tokens.repository';
import { sha256 } from '../secrets';

const toPermissions = (names: string[]) => new Set(names.filter(isPermission) as Permission[]);

/**
 * Resolves who is calling. Roles and memberships are read on every request, so a role change or a
 * deactivation takes effect at once, not when the access token expires.
 */
@Injectable()
export class ActorsService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  /** A user of a live session: signing out, a password change or deactivation ends it at once. */
  async forUser(userId: string, workspaceId: string, sessionId: string): Promise<Actor> {
    const [membership, live] = await Promise.all([
      this.memberships.find(workspaceId, userId),
      sessionId ? this.refreshTokens.isFamilyLive(sessionId, userId) : false,
    ]);
    if (!live || !membership?.active || !membership.user?.active || !membership.role) throw unauthorized('Session is no longer valid');
    return {
      type: 'user',
      id: userId,
      label: membership.user.email,
      workspaceId,
      permissions: toPermissions(membership.role.permissions),
      sessionId,
    };
  }

  async forApiKey(secret: string): Promise<Actor> {
    const key = await this.apiKeys.findByHash(sha256(secret));
    const expired = key?.expiresAt && key.expiresAt.getTime() <= Date.now();
    if (!key || key.revokedAt || expired) throw unauthorized('API key is invalid, revoked or expired', 'invalid-api-key');
    await this.apiKeys.touch(key.id);
    return { type: 'api_key', id: key.id, label: key.name, workspaceId: key.workspaceId, permissions: toPermissions(key.permissions) };
  }
}
