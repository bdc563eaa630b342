import { Global, Module } from '@nestjs/common';
import { Env, loadEnv } from './env';

/** Provides the validated {@link Env} to every module. */
@Global()
@Module({ providers: [{ provide: Env, useFactory: () => loadEnv() }], exports: [Env] })
export class ConfigModule {}
