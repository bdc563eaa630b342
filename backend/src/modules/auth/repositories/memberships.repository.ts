import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { CursorPosition } from '../../../platform/pagination/cursor';
import { Membership } from '../entities/membership.entity';

export interface MemberFilter {
  q?: string;
  active?: boolean;
  roleId?: string;
}

/** Memberships joined with their user and role. */
@Injectable()
export class MembershipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Membership);
  }

  create(values: Pick<Membership, 'workspaceId' | 'userId' | 'roleId'>, manager?: EntityManager): Promise<Membership> {
    return this.repo(manager).save(this.repo(manager).create(values));
  }

  find(workspaceId: string, userId: string, manager?: EntityManager): Promise<Membership | null> {
    return this.repo(manager).findOne({ where: { workspaceId, userId }, relations: { user: true, role: true } });
  }

  /** Every membership of a user, oldest first, with workspace and role. */
  listForUser(userId: string): Promise<Membership[]> {
    return this.repo().find({ where: { userId }, relations: { workspace: true, role: true }, order: { createdAt: 'ASC' } });
  }

  /** Members ordered by email; keyset on (email, user id). */
  list(workspaceId: string, filter: MemberFilter, after: CursorPosition | undefined, limit: number): Promise<Membership[]> {
    const q = this.repo()
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .innerJoinAndSelect('m.role', 'r')
      .where('m.workspace_id = :workspaceId', { workspaceId });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, '\\$&').toLowerCase()}%`;
      q.andWhere(new Brackets((b) => b.where('u.email LIKE :like', { like }).orWhere('lower(u.name) LIKE :like', { like })));
    }
    if (filter.active !== undefined) q.andWhere('m.active = :active', { active: filter.active });
    if (filter.roleId) q.andWhere('m.role_id = :roleId', { roleId: filter.roleId });
    if (after) q.andWhere('(u.email, u.id) > (:v, :id)', { v: after.v, id: after.id });
    return q.orderBy('u.email', 'ASC').addOrderBy('u.id', 'ASC').limit(limit).getMany();
  }

  async update(id: string, values: Partial<Pick<Membership, 'roleId' | 'active'>>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, values);
  }

  /** Active owners of a workspace, locked for the rest of the transaction so two demotions cannot race. */
  async lockActiveOwners(workspaceId: string, ownerRoleId: string, manager: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM memberships WHERE workspace_id = $1 AND role_id = $2 AND active FOR UPDATE',
      [workspaceId, ownerRoleId],
    );
    return rows.map((r) => r.user_id);
  }
}
