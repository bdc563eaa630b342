import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { Env } from '../../../platform/config/env';
import { invalid, notFound } from '../../../platform/errors/domain-error';
import { Transactions } from '../../../platform/database/transactions';
import { decodeCursor, Page, toPage } from '../../../platform/pagination/cursor';
import { AuditService } from '../../audit/audit.service';
import { PlatformEmailService } from '../../email/platform-email.service';
import { authError } from '../auth.errors';
import { InvitationDto, InvitationPreviewDto, invitationStatus, toInvitationDto } from '../dto/invitation.dto';
import { Invitation } from '../entities/invitation.entity';
import { PasswordService } from '../password.service';
import { assertCanGrant } from '../permission-checks';
import { InvitationsRepository, InvitationStatus } from '../repositories/invitations.repository';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { RolesRepository } from '../repositories/roles.repository';
import { UsersRepository } from '../repositories/users.repository';
import { WorkspacesRepository } from '../repositories/workspaces.repository';
import { normalizeEmail, randomToken, sha256 } from '../secrets';
import { TokenIssuer, TokenPair } from './access-token.service';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
}

/** Invitations by emailed one-time link: create, list, revoke, preview and accept. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly env: Env,
    private readonly invitations: InvitationsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly roles: RolesRepository,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenIssuer,
    private readonly email: PlatformEmailService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor, status: InvitationStatus | undefined, cursor?: string, limit = 50): Promise<Page<InvitationDto>> {
    const rows = await this.invitations.list(actor.workspaceId, status, decodeCursor(cursor), limit + 1);
    return toPage(rows, limit, (i) => ({ v: i.createdAt.toISOString(), id: i.id }), toInvitationDto);
  }

  /** Invites an email with a role (never one with more rights than the inviter) and emails the link. */
  async create(actor: Actor, input: { email: string; roleId: string }): Promise<InvitationDto> {
    const email = normalizeEmail(input.email);
    const role = await this.roles.findById(actor.workspaceId, input.roleId);
    if (!role) throw invalid('roleId', 'roleId does not name a role of this workspace');
    assertCanGrant(actor, role.permissions, 'roleId');
    const existing = await this.users.findByEmail(email);
    if (existing && (await this.memberships.find(actor.workspaceId, existing.id))) throw authError.alreadyMember();
    const token = randomToken();
    const inviterName = (actor.type === 'user' && (await this.users.findById(actor.id))?.name) || actor.label;
    const workspaceName = (await this.workspaces.findById(actor.workspaceId))?.name;
    // The invitation, its audit event and its email are stored together: no invitation without its email.
    const invitation = await this.transactions.run(async (m) => {
      await this.invitations.revokePending(actor.workspaceId, email, m);
      const created = await this.invitations.create(
        {
          workspaceId: actor.workspaceId,
          email,
          roleId: role.id,
          tokenHash: sha256(token),
          invitedBy: actor.type === 'user' ? actor.id : null,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        },
        m,
      );
      await this.audit.record(actor, { action: 'invitation.create', objectType: 'invitation', objectId: created.id, after: { email, role: role.key } }, m);
      await this.email.send(
        actor.workspaceId,
        {
          to: email,
          template: 'invitation',
          data: {
            workspaceName,
            inviterName,
            roleName: role.name,
            link: `${this.env.PUBLIC_URL}/accept-invitation?token=${token}`,
            expiresAt: created.expiresAt.toISOString(),
          },
        },
        m,
      );
      return created;
    });
    return { ...toInvitationDto({ ...invitation, role }), invitedBy: actor.type === 'user' ? actor.label : null };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (m) => {
      const invitation = await this.invitations.findById(actor.workspaceId, id, m);
      if (!invitation) throw notFound('Invitation');
      if (invitationStatus(invitation) !== 'pending') return;
      await this.invitations.update(id, { revokedAt: new Date() }, m);
      await this.audit.record(actor, { action: 'invitation.revoke', objectType: 'invitation', objectId: id, before: { email: invitation.email } }, m);
    });
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.invitations.findByTokenHash(sha256(token));
    if (!invitation || invitationStatus(invitation) !== 'pending') throw authError.invalidToken('invitation');
    return {
      email: invitation.email,
      workspaceName: invitation.workspace!.name,
      roleName: invitation.role!.name,
      expiresAt: invitation.expiresAt.toISOString(),
      existingUser: !!(await this.users.findByEmail(invitation.email)),
    };
  }

  /**
   * Accepts an invitation: a new person sets name and password; someone who already has a
   * Lodestar account proves it with their current password. Signs them in to the workspace.
   */
  async accept(input: AcceptInvitationInput, client: { ip: string; requestId?: string }): Promise<TokenPair> {
    const tokenHash = sha256(input.token);
    const outcome = await this.transactions.run(async (m) => {
      const invitation: Invitation | null = await this.invitations.findByTokenHash(tokenHash, m);
      if (!invitation || invitationStatus(invitation) !== 'pending') throw authError.invalidToken('invitation');
      let user = await this.users.findByEmail(invitation.email, m);
      if (user) {
        if (!(await this.passwords.verify(user.passwordHash, input.password))) throw authError.invalidCredentials();
        if (await this.memberships.find(invitation.workspaceId, user.id, m)) throw authError.alreadyMember();
      } else {
        this.passwords.assertAcceptable(input.password, 'password', invitation.email);
        user = await this.users.create({ email: invitation.email, name: input.name, passwordHash: await this.passwords.hash(input.password) }, m);
      }
      await this.memberships.create({ workspaceId: invitation.workspaceId, userId: user.id, roleId: invitation.roleId }, m);
      await this.users.update(user.id, { lastLoginAt: new Date() }, m);
      await this.invitations.update(invitation.id, { acceptedAt: new Date() }, m);
      const actor: Actor = { type: 'user', id: user.id, label: user.email, workspaceId: invitation.workspaceId, permissions: new Set(), ...client };
      await this.audit.record(actor, { action: 'invitation.accept', objectType: 'invitation', objectId: invitation.id, after: { userId: user.id } }, m);
      return this.tokens.issue(user.id, invitation.workspaceId, undefined, m);
    });
    return outcome;
  }
}
