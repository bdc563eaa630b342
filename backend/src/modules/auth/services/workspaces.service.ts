import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/access/actor';
import { BUILT_IN_ROLES } from '../../../platform/access/permissions';
import { notFound } from '../../../platform/errors/domain-error';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { Workspace } from '../entities/workspace.entity';
import { PasswordService } from '../password.service';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { RolesRepository } from '../repositories/roles.repository';
import { UsersRepository } from '../repositories/users.repository';
import { WorkspacesRepository } from '../repositories/workspaces.repository';
import { normalizeEmail } from '../secrets';

export interface NewWorkspace {
  workspaceName: string;
  ownerEmail: string;
  ownerName: string;
  ownerPassword: string;
}

/** Workspaces: creation with their built-in roles and first owner, reading and renaming. */
@Injectable()
export class WorkspacesService {
  constructor(
    private readonly workspaces: WorkspacesRepository,
    private readonly roles: RolesRepository,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /** Creates a workspace, seeds the five built-in roles and makes the given person its owner. */
  async createWithOwner(input: NewWorkspace, manager?: EntityManager): Promise<{ workspace: Workspace; userId: string }> {
    const email = normalizeEmail(input.ownerEmail);
    this.passwords.assertAcceptable(input.ownerPassword, 'password', email);
    const passwordHash = await this.passwords.hash(input.ownerPassword);
    const work = async (m: EntityManager) => {
      const workspace = await this.workspaces.create(input.workspaceName, m);
      const roles = await this.roles.insertMany(
        Object.entries(BUILT_IN_ROLES).map(([key, r]) => ({ workspaceId: workspace.id, key, builtIn: true, ...r })),
        m,
      );
      const owner = roles.find((r) => r.key === 'owner')!;
      const user = (await this.users.findByEmail(email, m)) ?? (await this.users.create({ email, name: input.ownerName, passwordHash }, m));
      await this.memberships.create({ workspaceId: workspace.id, userId: user.id, roleId: owner.id }, m);
      return { workspace, userId: user.id };
    };
    return manager ? work(manager) : this.transactions.run(work);
  }

  /** Every workspace of the installation, oldest (the bootstrapped one) first: for operator tools, never for a request. */
  list(): Promise<Workspace[]> {
    return this.workspaces.findAll();
  }

  async get(actor: Actor): Promise<Workspace> {
    const workspace = await this.workspaces.findById(actor.workspaceId);
    if (!workspace) throw notFound('Workspace');
    return workspace;
  }

  async rename(actor: Actor, name: string): Promise<Workspace> {
    const before = await this.get(actor);
    await this.transactions.run(async (m) => {
      await this.workspaces.rename(actor.workspaceId, name, m);
      await this.audit.record(actor, { action: 'workspace.update', objectType: 'workspace', objectId: before.id, before: { name: before.name }, after: { name } }, m);
    });
    return { ...before, name };
  }
}
