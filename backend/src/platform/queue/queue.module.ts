import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { Env } from '../config/env';

const registered = new Set<string>();

/** Names of every queue a module registered, for metrics and the dashboard. */
export const registeredQueues = (): string[] => [...registered];

/** Bull on Redis, wired once for all modules. Modules call {@link QueueModule.register} for their queues. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => ({
            url: env.REDIS_URL,
            prefix: env.QUEUE_PREFIX ?? 'lodestar',
            defaultJobOptions: {
              attempts: 3,
              backoff: { type: 'exponential', delay: 2000 },
              removeOnComplete: 1000,
              removeOnFail: 5000,
            },
          }),
        }),
      ],
      exports: [BullModule],
    };
  }

  static register(...names: string[]): DynamicModule {
    names.forEach((n) => registered.add(n));
    return BullModule.registerQueue(...names.map((name) => ({ name })));
  }
}
