import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { BUILT_IN_ROLES, PERMISSIONS } from '../../../platform/access/permissions';
import { notFound } from '../../../platform/errors/domain-error';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { authError } from '../auth.errors';
import { PermissionInfoDto, RoleDto, toRoleDto } from '../dto/role.dto';
import { assertCanGrant, assertKnownPermissions } from '../permission-checks';
import { RolesRepository } from '../repositories/roles.repository';
import { randomToken } from '../secrets';

export interface RoleInput {
  name?: string;
  description?: string;
  permissions?: string[];
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'role';

/** Built-in and custom roles. Built-ins are fixed; custom roles are sets of permissions admins define. */
@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor): Promise<RoleDto[]> {
    const order = Object.keys(BUILT_IN_ROLES);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    const roles = await this.roles.listWithCounts(actor.workspaceId);
    return roles.sort((a, b) => rank(a.key) - rank(b.key) || a.createdAt.getTime() - b.createdAt.getTime()).map(toRoleDto);
  }

  permissions(): PermissionInfoDto[] {
    return Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description }));
  }

  async create(actor: Actor, input: Required<Pick<RoleInput, 'name' | 'permissions'>> & RoleInput): Promise<RoleDto> {
    const permissions = [...new Set(input.permissions)].sort();
    assertKnownPermissions(permissions, 'permissions');
    assertCanGrant(actor, permissions, 'permissions');
    return this.transactions.run(async (m) => {
      const [role] = await this.roles.insertMany(
        [{ workspaceId: actor.workspaceId, key: `custom-${slug(input.name)}-${randomToken(3)}`, name: input.name, description: input.description ?? '', permissions, builtIn: false }],
        m,
      );
      await this.audit.record(actor, { action: 'role.create', objectType: 'role', objectId: role.id, after: toRoleDto({ ...role, memberCount: 0 }) }, m);
      return toRoleDto({ ...role, memberCount: 0 });
    });
  }

  async update(actor: Actor, id: string, input: RoleInput): Promise<RoleDto> {
    if (input.permissions) {
      input = { ...input, permissions: [...new Set(input.permissions)].sort() };
      assertKnownPermissions(input.permissions!, 'permissions');
      assertCanGrant(actor, input.permissions!, 'permissions');
    }
    return this.transactions.run(async (m) => {
      const role = await this.roles.findById(actor.workspaceId, id, m);
      if (!role) throw notFound('Role');
      if (role.builtIn) throw authError.builtInRole();
      const before = toRoleDto({ ...role, memberCount: 0 });
      const saved = await this.roles.save(Object.assign(role, input), m);
      const after = toRoleDto({ ...saved, memberCount: 0 });
      await this.audit.record(actor, { action: 'role.update', objectType: 'role', objectId: id, before, after }, m);
      return toRoleDto({ ...saved, memberCount: await this.roles.memberCount(actor.workspaceId, id, m) });
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (m) => {
      const role = await this.roles.findById(actor.workspaceId, id, m);
      if (!role) throw notFound('Role');
      if (role.builtIn) throw authError.builtInRole();
      const members = await this.roles.memberCount(actor.workspaceId, id, m);
      if (members) throw authError.roleInUse(members);
      await this.roles.delete(actor.workspaceId, id, m);
      await this.audit.record(actor, { action: 'role.delete', objectType: 'role', objectId: id, before: toRoleDto({ ...role, memberCount: 0 }) }, m);
    });
  }
}
