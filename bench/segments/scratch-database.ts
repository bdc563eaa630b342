import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '../../backend/src/app/entities';
import { dataSourceOptions } from '../../backend/src/platform/database/data-source-options';

/** The benchmark's own database: created empty and migrated with the product's migrations, dropped at the end. */
export class ScratchDatabase {
  readonly name: string;

  constructor(readonly url: string) {
    this.name = new URL(url).pathname.slice(1);
  }

  async recreate(): Promise<void> {
    await this.admin(async (db) => {
      await db.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
      await db.query(`CREATE DATABASE "${this.name}"`);
    });
    const ds = new DataSource(dataSourceOptions(this.url, ENTITIES, MIGRATIONS));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
  }

  drop(): Promise<void> {
    return this.admin((db) => db.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`).then(() => undefined));
  }

  private async admin(work: (db: Client) => Promise<void>): Promise<void> {
    const db = new Client({ connectionString: new URL('/postgres', this.url).toString() });
    await db.connect();
    try {
      await work(db);
    } finally {
      await db.end();
    }
  }
}
