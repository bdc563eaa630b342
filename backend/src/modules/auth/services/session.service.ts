import { Injectable, Logger } from '@nestjs/common';
import { Env } from '../../../platform/config/env';
import { notFound } from '../../../platform/errors/domain-error';
import { Transactions } from '../../../platform/database/transactions';
import type { Actor } from '../../../platform/access/actor';
import { AuditService } from '../../audit/audit.service';
import { authError } from '../auth.errors';
import { PasswordService } from '../password.service';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { RefreshTokensRepository } from '../repositories/refresh-tokens.repository';
import { UsersRepository } from '../repositories/users.repository';
import { normalizeEmail, sha256 } from '../secrets';
import { TokenIssuer, TokenPair } from './access-token.service';
import { LoginRateLimiter } from './login-rate-limiter';

export interface LoginInput {
  email: string;
  password: string;
  workspaceId?: string;
}

/** A valid argon2id hash of a random string, verified against when the email is unknown (equal timing). */
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$vPBraMpTQP6TFNRNt5hD1g$X+IneQVX1FLaiIV1/MUSZSGJuf/undvuOKPeGv2GyM8';

/** Sign-in with rate limit and lockout, refresh-token rotation with reuse detection, sign-out. */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly env: Env,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenIssuer,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async login(input: LoginInput, client: { ip: string; requestId?: string }): Promise<TokenPair> {
    const email = normalizeEmail(input.email);
    await this.limiter.consume('login', client.ip, email);
    const user = await this.users.findByEmail(email);
    if (!user) {
      await this.passwords.verify(DUMMY_HASH, input.password);
      throw authError.invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw authError.locked(user.lockedUntil);
    if (!(await this.passwords.verify(user.passwordHash, input.password))) {
      const failures = await this.users.incrementFailures(user.id);
      if (failures >= this.env.LOGIN_MAX_ATTEMPTS) {
        const until = new Date(Date.now() + this.env.LOGIN_LOCKOUT_SECONDS * 1000);
        await this.users.update(user.id, { lockedUntil: until, failedLoginCount: 0 });
        this.logger.warn({ userId: user.id, until }, 'Account locked after repeated failed sign-ins');
        throw authError.locked(until);
      }
      throw authError.invalidCredentials();
    }
    if (!user.active) throw authError.invalidCredentials();
    const memberships = (await this.memberships.listForUser(user.id)).filter((m) => m.active);
    const membership = input.workspaceId ? memberships.find((m) => m.workspaceId === input.workspaceId) : memberships[0];
    if (!membership) throw authError.invalidCredentials();

    return this.transactions.run(async (manager) => {
      await this.users.update(user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() }, manager);
      const actor: Actor = {
        type: 'user',
        id: user.id,
        label: user.email,
        workspaceId: membership.workspaceId,
        permissions: new Set(),
        ip: client.ip,
        requestId: client.requestId,
      };
      await this.audit.record(actor, { action: 'auth.login', objectType: 'user', objectId: user.id }, manager);
      return this.tokens.issue(user.id, membership.workspaceId, undefined, manager);
    });
  }

  /**
   * Rotates a refresh token. A token presented a second time means it leaked: the whole family
   * (every token descended from the same sign-in) is revoked, and the revocation is committed
   * before the error is returned.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.transactions.run(async (manager) => {
      const row = await this.refreshTokens.findByHashForUpdate(sha256(refreshToken), manager);
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return { error: authError.invalidToken('refresh token') };
      if (row.usedAt) {
        await this.refreshTokens.revokeFamily(row.familyId, manager);
        this.logger.warn({ userId: row.userId, familyId: row.familyId }, 'Refresh token reuse: session family revoked');
        return { error: authError.refreshReused() };
      }
      const membership = await this.memberships.find(row.workspaceId, row.userId, manager);
      if (!membership?.active || !membership.user?.active) return { error: authError.invalidToken('refresh token') };
      await this.refreshTokens.markUsed(row.id, manager);
      return { tokens: await this.tokens.issue(row.userId, row.workspaceId, row.familyId, manager) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.tokens;
  }

  /**
   * Moves a signed-in user to another of their workspaces: a new session there, and the current one
   * ends. A workspace they are not an active member of is "not found", whether or not it exists.
   */
  async switchWorkspace(actor: Actor, workspaceId: string): Promise<TokenPair> {
    const membership = await this.memberships.find(workspaceId, actor.id);
    if (!membership?.active) throw notFound('Workspace');
    return this.transactions.run(async (manager) => {
      if (actor.sessionId) await this.refreshTokens.revokeFamily(actor.sessionId, manager);
      const moved: Actor = { ...actor, workspaceId, permissions: new Set() };
      await this.audit.record(moved, { action: 'auth.switch_workspace', objectType: 'workspace', objectId: workspaceId }, manager);
      return this.tokens.issue(actor.id, workspaceId, undefined, manager);
    });
  }

  /** Revokes the session the refresh token belongs to; unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (row) await this.refreshTokens.revokeFamily(row.familyId);
  }
}
