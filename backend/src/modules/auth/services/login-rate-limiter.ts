import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Env } from '../../../platform/config/env';
import { authError } from '../auth.errors';

/**
 * Limits sign-in and reset attempts per client address and account, in Redis so every API replica
 * shares the count. Complements the per-account lockout, which survives address changes.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private redis?: Redis;
  private limiter?: RateLimiterRedis;

  constructor(private readonly env: Env) {}

  async consume(scope: 'login' | 'password-reset', ip: string, email: string): Promise<void> {
    try {
      await this.get().consume(`${scope}:${ip}:${email}`);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw authError.rateLimited(Math.ceil(result.msBeforeNext / 1000));
      throw result;
    }
  }

  private get(): RateLimiterRedis {
    if (!this.limiter) {
      this.redis = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: 2 });
      this.redis.on('error', () => undefined);
      this.limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.env.QUEUE_PREFIX ?? 'lodestar'}:rl`,
        points: this.env.LOGIN_RATE_LIMIT_PER_MINUTE,
        duration: 60,
        useRedisPackage: false,
      });
    }
    return this.limiter;
  }

  onModuleDestroy() {
    this.redis?.disconnect();
  }
}
