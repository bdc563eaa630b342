import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Env } from '../config/env';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private client?: Redis;

  constructor(
    private readonly env: Env,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isHealthy(key: string) {
    const check = this.indicator.check(key);
    try {
      this.client ??= new Redis(this.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.client.on('error', () => undefined);
      const answer = await this.client.ping();
      return answer === 'PONG' ? check.up() : check.down({ message: answer });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  onModuleDestroy() {
    this.client?.disconnect();
  }
}
