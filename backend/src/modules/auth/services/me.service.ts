import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { invalid, unauthorized } from '../../../platform/errors/domain-error';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { MeDto } from '../dto/me.dto';
import { PasswordService } from '../password.service';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { RefreshTokensRepository } from '../repositories/refresh-tokens.repository';
import { UsersRepository } from '../repositories/users.repository';

/** The signed-in user's own profile, workspaces and password. */
@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async get(actor: Actor): Promise<MeDto> {
    const all = await this.memberships.listForUser(actor.id);
    const current = all.find((m) => m.workspaceId === actor.workspaceId);
    const user = await this.users.findById(actor.id);
    if (!current || !user) throw unauthorized();
    return {
      user: { id: user.id, email: user.email, name: user.name },
      workspace: { id: current.workspace!.id, name: current.workspace!.name },
      role: { id: current.role!.id, key: current.role!.key, name: current.role!.name },
      permissions: [...actor.permissions].sort(),
      workspaces: all.filter((m) => m.active).map((m) => ({ id: m.workspace!.id, name: m.workspace!.name, roleName: m.role!.name })),
    };
  }

  async update(actor: Actor, name: string): Promise<MeDto> {
    const user = await this.users.findById(actor.id);
    await this.transactions.run(async (m) => {
      await this.users.update(actor.id, { name }, m);
      await this.audit.record(actor, { action: 'user.update', objectType: 'user', objectId: actor.id, before: { name: user?.name }, after: { name } }, m);
    });
    return this.get(actor);
  }

  /** Changes the password after checking the current one; other sessions are signed out. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(actor.id);
    if (!user || !(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw invalid('currentPassword', 'currentPassword is not correct', 'invalid-current-password');
    }
    this.passwords.assertAcceptable(newPassword, 'newPassword', user.email);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.transactions.run(async (m) => {
      await this.users.update(actor.id, { passwordHash }, m);
      await this.refreshTokens.revokeAllForUser(actor.id, undefined, m, actor.sessionId);
      await this.audit.record(actor, { action: 'user.password_change', objectType: 'user', objectId: actor.id }, m);
    });
  }
}
