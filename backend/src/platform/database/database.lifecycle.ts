import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Env } from '../config/env';
import { checkPostgres, checkRedis } from '../startup/connectivity';
import { ensureDatabase } from './ensure-database';

/**
 * Runs when the app initializes (not when it is merely built): checks PostgreSQL and Redis with
 * clear messages, creates the database if missing, connects, and applies pending migrations.
 */
@Injectable()
export class DatabaseLifecycle implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly env: Env,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.dataSource.isInitialized) return;
    await checkPostgres(this.env.DATABASE_URL);
    await checkRedis(this.env.REDIS_URL);
    if (await ensureDatabase(this.env.DATABASE_URL)) this.logger.log('Created the database');
    await this.dataSource.initialize();
    const migrate = this.env.MIGRATE_ON_START ?? this.env.LODESTAR_MODE === 'all';
    if (migrate) {
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    } else if (await this.dataSource.showMigrations()) {
      this.logger.warn('Pending migrations: run `npm run migration:run`');
    }
  }
}
