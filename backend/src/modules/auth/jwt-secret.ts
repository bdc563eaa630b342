import { Logger, Module } from '@nestjs/common';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Env } from '../../platform/config/env';
import { randomToken } from './secrets';

export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * The JWT signing secret: `JWT_SECRET` when set (required in production, enforced by config);
 * otherwise a development secret generated once and kept in `LODESTAR_DATA_DIR`, with a warning.
 */
export function resolveJwtSecret(env: Env): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = join(env.LODESTAR_DATA_DIR, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(env.LODESTAR_DATA_DIR, { recursive: true });
    writeFileSync(file, randomToken(48), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  new Logger('Auth').warn(`JWT_SECRET is not set: using the development secret kept in ${file}. Set JWT_SECRET in production.`);
  return readFileSync(file, 'utf8').trim();
}

/** Provides the secret once, to the JWT module and the passport strategy alike. */
@Module({ providers: [{ provide: JWT_SECRET, inject: [Env], useFactory: resolveJwtSecret }], exports: [JWT_SECRET] })
export class JwtSecretModule {}
