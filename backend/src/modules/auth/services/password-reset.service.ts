import { Injectable, Logger } from '@nestjs/common';
import { Env } from '../../../platform/config/env';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { PlatformEmailService } from '../../email/platform-email.service';
import type { Actor } from '../../../platform/access/actor';
import { authError } from '../auth.errors';
import { PasswordService } from '../password.service';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { PasswordResetsRepository } from '../repositories/password-resets.repository';
import { RefreshTokensRepository } from '../repositories/refresh-tokens.repository';
import { UsersRepository } from '../repositories/users.repository';
import { normalizeEmail, randomToken, sha256 } from '../secrets';
import { LoginRateLimiter } from './login-rate-limiter';

const RESET_TTL_MS = 3600 * 1000;

/** Password reset by emailed one-time link. Requests never reveal whether an email is registered. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly env: Env,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordService,
    private readonly limiter: LoginRateLimiter,
    private readonly email: PlatformEmailService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async request(rawEmail: string, ip: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    await this.limiter.consume('password-reset', ip, email);
    const user = await this.users.findByEmail(email);
    if (!user?.active) return;
    const membership = (await this.memberships.listForUser(user.id)).find((m) => m.active);
    if (!membership) return;
    const token = randomToken();
    await this.resets.create({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    // The platform email log is kept per workspace: the reset email is filed under the user's first workspace.
    await this.email.send(membership.workspaceId, {
      to: email,
      template: 'password-reset',
      data: { name: user.name, link: `${this.env.PUBLIC_URL}/reset-password?token=${token}`, expiresInMinutes: RESET_TTL_MS / 60000 },
    });
    this.logger.log({ userId: user.id }, 'Password reset requested');
  }

  /** Sets the new password, voids every open reset link, ends every session and lifts a lockout. */
  async confirm(token: string, password: string): Promise<void> {
    await this.transactions.run(async (m) => {
      const reset = await this.resets.findByHashForUpdate(sha256(token), m);
      if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) throw authError.invalidToken('reset link');
      const user = await this.users.findById(reset.userId, m);
      if (!user?.active) throw authError.invalidToken('reset link');
      this.passwords.assertAcceptable(password, 'password', user.email);
      await this.users.update(user.id, { passwordHash: await this.passwords.hash(password), failedLoginCount: 0, lockedUntil: null }, m);
      await this.resets.consume(user.id, m);
      await this.refreshTokens.revokeAllForUser(user.id, undefined, m);
      for (const membership of await this.memberships.listForUser(user.id)) {
        const actor: Actor = { type: 'user', id: user.id, label: user.email, workspaceId: membership.workspaceId, permissions: new Set() };
        await this.audit.record(actor, { action: 'user.password_reset', objectType: 'user', objectId: user.id }, m);
      }
    });
  }
}
