import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ email });
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ id });
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  create(values: Pick<User, 'email' | 'name' | 'passwordHash'>, manager?: EntityManager): Promise<User> {
    return this.repo(manager).save(this.repo(manager).create(values));
  }

  async update(id: string, values: Partial<Pick<User, 'name' | 'passwordHash' | 'failedLoginCount' | 'lockedUntil' | 'lastLoginAt'>>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, values);
  }

  /** Counts a failed sign-in atomically; returns the new count. */
  async incrementFailures(id: string): Promise<number> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ failedLoginCount: () => 'failed_login_count + 1' })
      .where('id = :id', { id })
      .returning(['failedLoginCount'])
      .execute();
    return Number(result.raw[0]?.failed_login_count ?? 0);
  }
}
