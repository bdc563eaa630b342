import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { invalid, notFound } from '../../../platform/errors/domain-error';
import { Transactions } from '../../../platform/database/transactions';
import { decodeCursor, Page, toPage } from '../../../platform/pagination/cursor';
import { AuditService } from '../../audit/audit.service';
import { authError } from '../auth.errors';
import { MemberDto, toMemberDto } from '../dto/member.dto';
import { assertCanGrant } from '../permission-checks';
import { MemberFilter, MembershipsRepository } from '../repositories/memberships.repository';
import { RefreshTokensRepository } from '../repositories/refresh-tokens.repository';
import { RolesRepository } from '../repositories/roles.repository';

export interface MemberChange {
  roleId?: string;
  active?: boolean;
}

/** Members of a workspace: listing, changing roles, deactivating. */
@Injectable()
export class MembersService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly roles: RolesRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor, filter: MemberFilter, cursor?: string, limit = 50): Promise<Page<MemberDto>> {
    const rows = await this.memberships.list(actor.workspaceId, filter, decodeCursor(cursor), limit + 1);
    return toPage(rows, limit, (m) => ({ v: m.user!.email, id: m.userId }), toMemberDto);
  }

  /**
   * Changes a member's role and/or active flag. Nobody changes themselves; nobody grants or takes
   * away a role with permissions they lack (so an admin cannot touch an owner); the last active
   * owner stays. A deactivated member's sessions in this workspace are revoked at once.
   */
  async update(actor: Actor, userId: string, change: MemberChange): Promise<MemberDto> {
    if (userId === actor.id) throw authError.selfChange();
    return this.transactions.run(async (m) => {
      const member = await this.memberships.find(actor.workspaceId, userId, m);
      if (!member) throw notFound('Member');
      const current = member.role!;
      const next = change.roleId ? await this.roles.findById(actor.workspaceId, change.roleId, m) : current;
      if (!next) throw invalid('roleId', 'roleId does not name a role of this workspace');
      assertCanGrant(actor, current.permissions, 'id');
      assertCanGrant(actor, next.permissions, 'roleId');
      const active = change.active ?? member.active;
      const losesOwner = current.key === 'owner' && member.active && (next.key !== 'owner' || !active);
      if (losesOwner) {
        const owners = await this.memberships.lockActiveOwners(actor.workspaceId, current.id, m);
        if (owners.length <= 1) throw authError.lastOwner();
      }
      await this.memberships.update(member.id, { roleId: next.id, active }, m);
      if (!active) await this.refreshTokens.revokeAllForUser(userId, actor.workspaceId, m);
      const before = { role: current.key, active: member.active };
      const after = { role: next.key, active };
      await this.audit.record(actor, { action: 'member.update', objectType: 'member', objectId: userId, before, after }, m);
      return toMemberDto({ ...member, roleId: next.id, role: next, active });
    });
  }
}
