import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction. Services use it when a change spans several rows (or
 * modules, e.g. a change and its audit event) so that an error leaves nothing half-written;
 * repositories take the `EntityManager` it hands out as an optional last argument.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
