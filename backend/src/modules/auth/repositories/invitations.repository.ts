import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorPosition } from '../../../platform/pagination/cursor';
import { Invitation } from '../entities/invitation.entity';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Invitation);
  }

  create(values: Pick<Invitation, 'workspaceId' | 'email' | 'roleId' | 'tokenHash' | 'invitedBy' | 'expiresAt'>, manager?: EntityManager): Promise<Invitation> {
    return this.repo(manager).save(this.repo(manager).create(values));
  }

  findById(workspaceId: string, id: string, manager?: EntityManager): Promise<Invitation | null> {
    return this.repo(manager).findOne({ where: { workspaceId, id }, relations: { role: true, inviter: true } });
  }

  /** By token hash, with workspace and role; locked when a transaction manager is given. */
  findByTokenHash(tokenHash: string, manager?: EntityManager): Promise<Invitation | null> {
    if (manager) return manager.getRepository(Invitation).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
    return this.repo().findOne({ where: { tokenHash }, relations: { role: true, workspace: true } });
  }

  list(workspaceId: string, status: InvitationStatus | undefined, after: CursorPosition | undefined, limit: number): Promise<Invitation[]> {
    const q = this.repo()
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.role', 'r')
      .leftJoinAndSelect('i.inviter', 'u')
      .where('i.workspace_id = :workspaceId', { workspaceId });
    if (status === 'accepted') q.andWhere('i.accepted_at IS NOT NULL');
    if (status === 'revoked') q.andWhere('i.revoked_at IS NOT NULL');
    if (status === 'pending') q.andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()');
    if (status === 'expired') q.andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()');
    if (after) q.andWhere('(i.created_at, i.id) < (:v, :id)', { v: after.v, id: after.id });
    return q.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC').limit(limit).getMany();
  }

  /** Pending invitations for an email in a workspace are superseded by a new one. */
  async revokePending(workspaceId: string, email: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'UPDATE invitations SET revoked_at = now() WHERE workspace_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
      [workspaceId, email],
    );
  }

  async update(id: string, values: Partial<Pick<Invitation, 'acceptedAt' | 'revokedAt'>>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, values);
  }
}
