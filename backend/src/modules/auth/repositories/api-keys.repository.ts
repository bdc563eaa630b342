import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKey } from '../entities/api-key.entity';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ApiKey);
  }

  create(values: Pick<ApiKey, 'workspaceId' | 'name' | 'prefix' | 'keyHash' | 'permissions' | 'createdBy' | 'expiresAt'>, manager?: EntityManager): Promise<ApiKey> {
    return this.repo(manager).save(this.repo(manager).create(values));
  }

  list(workspaceId: string): Promise<ApiKey[]> {
    return this.repo().find({ where: { workspaceId }, relations: { creator: true }, order: { createdAt: 'DESC' } });
  }

  findById(workspaceId: string, id: string, manager?: EntityManager): Promise<ApiKey | null> {
    return this.repo(manager).findOne({ where: { workspaceId, id }, relations: { creator: true } });
  }

  findByHash(keyHash: string): Promise<ApiKey | null> {
    return this.repo().findOneBy({ keyHash });
  }

  async revoke(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { revokedAt: new Date() });
  }

  /** Records use at most once a minute per key, to keep the hot path cheap. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(
      "UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
      [id],
    );
  }
}
