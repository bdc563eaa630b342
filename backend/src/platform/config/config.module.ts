import { DynamicModule, Global, Module } from '@nestjs/common';
import { Env } from './env';

/** Provides the validated {@link Env} (loaded once by the entry point) to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Env): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: Env, useValue: env }], exports: [Env] };
  }
}
