import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Membership } from '../entities/membership.entity';
import { Role } from '../entities/role.entity';

export interface RoleWithCount extends Role {
  memberCount: number;
}

@Injectable()
export class RolesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Role);
  }

  insertMany(roles: Partial<Role>[], manager?: EntityManager): Promise<Role[]> {
    return this.repo(manager).save(roles.map((r) => this.repo(manager).create(r)));
  }

  findById(workspaceId: string, id: string, manager?: EntityManager): Promise<Role | null> {
    return this.repo(manager).findOneBy({ workspaceId, id });
  }

  findByKey(workspaceId: string, key: string, manager?: EntityManager): Promise<Role | null> {
    return this.repo(manager).findOneBy({ workspaceId, key });
  }

  async listWithCounts(workspaceId: string): Promise<RoleWithCount[]> {
    const { entities, raw } = await this.repo()
      .createQueryBuilder('r')
      .addSelect('(SELECT count(*) FROM memberships m WHERE m.role_id = r.id AND m.workspace_id = r.workspace_id)::int', 'member_count')
      .where('r.workspace_id = :workspaceId', { workspaceId })
      .getRawAndEntities();
    return entities.map((e, i) => Object.assign(e, { memberCount: Number(raw[i].member_count) }));
  }

  memberCount(workspaceId: string, roleId: string, manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource.manager).getRepository(Membership).countBy({ workspaceId, roleId });
  }

  save(role: Role, manager?: EntityManager): Promise<Role> {
    return this.repo(manager).save(role);
  }

  async delete(workspaceId: string, id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ workspaceId, id });
  }
}
