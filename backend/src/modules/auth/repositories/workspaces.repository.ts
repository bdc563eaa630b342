import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Workspace } from '../entities/workspace.entity';

@Injectable()
export class WorkspacesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Workspace);
  }

  create(name: string, manager?: EntityManager): Promise<Workspace> {
    return this.repo(manager).save(this.repo(manager).create({ name }));
  }

  /** Every workspace, oldest first. */
  findAll(): Promise<Workspace[]> {
    return this.repo().find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<Workspace | null> {
    return this.repo().findOneBy({ id });
  }

  async rename(id: string, name: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { name });
  }

  /** Serializes first-owner bootstrap across processes starting together. */
  async withBootstrapLock<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['lodestar:bootstrap-owner']);
      return work(manager);
    });
  }
}
