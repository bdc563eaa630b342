import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshToken);
  }

  async insert(values: Pick<RefreshToken, 'workspaceId' | 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(values);
  }

  /** The token row, locked so that two concurrent refreshes with the same token cannot both succeed. */
  findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<RefreshToken | null> {
    return manager.getRepository(RefreshToken).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.repo().findOneBy({ tokenHash });
  }

  async markUsed(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(RefreshToken).update({ id }, { usedAt: new Date() });
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Revokes every session of a user (in one workspace, or all), except the family named in `keepFamilyId`. */
  async revokeAllForUser(userId: string, workspaceId?: string, manager?: EntityManager, keepFamilyId?: string): Promise<void> {
    await this.repo(manager).update(
      { userId, ...(workspaceId ? { workspaceId } : {}), ...(keepFamilyId ? { familyId: Not(keepFamilyId) } : {}), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** A session is live while its family has a token that is not revoked (used ones stay until the family is revoked). */
  async isFamilyLive(familyId: string, userId: string): Promise<boolean> {
    return this.repo().exists({ where: { familyId, userId, revokedAt: IsNull() } });
  }
}
