import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { invalid, notFound } from '../../../platform/errors/domain-error';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { ApiKeyDto, CreatedApiKeyDto, toApiKeyDto } from '../dto/api-key.dto';
import { assertCanGrant, assertKnownPermissions } from '../permission-checks';
import { ApiKeysRepository } from '../repositories/api-keys.repository';
import { randomToken, sha256 } from '../secrets';

export interface NewApiKey {
  name: string;
  permissions: string[];
  expiresAt?: Date;
}

/** API keys for integrators: the secret is returned once and only its hash is kept. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor): Promise<ApiKeyDto[]> {
    return (await this.keys.list(actor.workspaceId)).map(toApiKeyDto);
  }

  async create(actor: Actor, input: NewApiKey): Promise<CreatedApiKeyDto> {
    const permissions = [...new Set(input.permissions)].sort();
    assertKnownPermissions(permissions, 'permissions');
    assertCanGrant(actor, permissions, 'permissions');
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw invalid('expiresAt', 'expiresAt must be in the future');
    const secret = `lsk_${randomToken(30)}`;
    return this.transactions.run(async (m) => {
      const key = await this.keys.create(
        {
          workspaceId: actor.workspaceId,
          name: input.name,
          prefix: secret.slice(0, 12),
          keyHash: sha256(secret),
          permissions,
          createdBy: actor.type === 'user' ? actor.id : null,
          expiresAt: input.expiresAt ?? null,
        },
        m,
      );
      const dto = toApiKeyDto(key);
      await this.audit.record(actor, { action: 'api_key.create', objectType: 'api_key', objectId: key.id, after: dto }, m);
      return { apiKey: dto, secret };
    });
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (m) => {
      const key = await this.keys.findById(actor.workspaceId, id, m);
      if (!key) throw notFound('API key');
      if (key.revokedAt) return;
      await this.keys.revoke(id, m);
      await this.audit.record(actor, { action: 'api_key.revoke', objectType: 'api_key', objectId: id, before: toApiKeyDto(key) }, m);
    });
  }
}
