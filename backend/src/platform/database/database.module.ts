import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MixedList } from 'typeorm';
import { Env } from '../config/env';
import { dataSourceOptions } from './data-source-options';
import { DatabaseLifecycle } from './database.lifecycle';
import { Transactions } from './transactions';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Classes = MixedList<Function>;

/**
 * TypeORM wired once. The data source is initialized by the start-up sequence (not by Nest), so
 * the app can be built without a database, e.g. to write the OpenAPI document.
 */
@Module({})
export class DatabaseModule {
  static forRoot(entities: Classes, migrations: Classes): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => ({
            ...dataSourceOptions(env.DATABASE_URL, entities, migrations),
            manualInitialization: true,
          }),
        }),
      ],
      providers: [DatabaseLifecycle, Transactions],
      exports: [Transactions],
      global: true,
    };
  }
}
