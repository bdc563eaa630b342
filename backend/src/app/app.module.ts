import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../platform/config/config.module';
import { Env, runsHttp, runsWorkers } from '../platform/config/env';
import { DatabaseModule } from '../platform/database/database.module';
import { HealthModule } from '../platform/health/health.module';
import { MetricsModule } from '../platform/metrics/metrics.module';
import { QueueModule } from '../platform/queue/queue.module';
import { StorageModule } from '../platform/storage/storage.module';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../../migrations';
import { DOMAIN_MODULES, WORKER_MODULES } from './domain-modules';

/** The composition root: platform wiring, then the domain modules; worker modules only where jobs run. */
@Module({})
export class AppModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule.forRoot(ENTITIES, MIGRATIONS),
        QueueModule.forRoot(),
        StorageModule,
        MetricsModule,
        ...(runsHttp(env) ? [HealthModule] : []),
        ...DOMAIN_MODULES,
        ...(runsWorkers(env) ? WORKER_MODULES : []),
      ],
    };
  }
}
