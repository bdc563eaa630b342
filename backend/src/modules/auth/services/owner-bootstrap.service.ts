import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Env, runsHttp } from '../../../platform/config/env';
import { UsersRepository } from '../repositories/users.repository';
import { WorkspacesRepository } from '../repositories/workspaces.repository';
import { randomToken } from '../secrets';
import { WorkspacesService } from './workspaces.service';

export const DEFAULT_OWNER_EMAIL = 'owner@lodestar.local';

/**
 * On an empty database, creates the first workspace and its owner: from LODESTAR_OWNER_EMAIL /
 * LODESTAR_OWNER_PASSWORD when set, otherwise with a generated password printed once.
 */
@Injectable()
export class OwnerBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly env: Env,
    private readonly users: UsersRepository,
    private readonly workspacesRepo: WorkspacesRepository,
    private readonly workspaces: WorkspacesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runsHttp(this.env)) return;
    await this.bootstrap();
  }

  /** Returns the owner's email when one was created. */
  async bootstrap(): Promise<string | undefined> {
    if ((await this.users.count()) > 0) return undefined;
    const email = this.env.LODESTAR_OWNER_EMAIL ?? DEFAULT_OWNER_EMAIL;
    const generated = !this.env.LODESTAR_OWNER_PASSWORD;
    const password = this.env.LODESTAR_OWNER_PASSWORD ?? randomToken(15);
    const created = await this.workspacesRepo.withBootstrapLock(async (manager) => {
      const users: { count: number }[] = await manager.query('SELECT count(*)::int AS count FROM users');
      if (users[0].count > 0) return false;
      await this.workspaces.createWithOwner(
        { workspaceName: this.env.LODESTAR_WORKSPACE_NAME, ownerEmail: email, ownerName: 'Owner', ownerPassword: password },
        manager,
      );
      return true;
    });
    if (!created) return undefined;
    this.logger.log(`Created the first workspace "${this.env.LODESTAR_WORKSPACE_NAME}" with owner ${email}`);
    if (generated && this.env.NODE_ENV !== 'test') {
      // Printed once, to the terminal only: it is not stored anywhere in clear.
      process.stdout.write(
        `\n  First owner created. Sign in at ${this.env.PUBLIC_URL} with\n    email:    ${email}\n    password: ${password}\n  (shown once; set LODESTAR_OWNER_EMAIL / LODESTAR_OWNER_PASSWORD to choose them)\n\n`,
      );
    }
    return email;
  }
}
