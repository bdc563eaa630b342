import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordReset } from '../entities/password-reset.entity';

@Injectable()
export class PasswordResetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(values: Pick<PasswordReset, 'userId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await this.dataSource.getRepository(PasswordReset).insert(values);
  }

  findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<PasswordReset | null> {
    return manager.getRepository(PasswordReset).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Marks this reset used and voids the user's other open ones. */
  async consume(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
  }
}
