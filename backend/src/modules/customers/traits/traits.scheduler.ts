import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Env } from '../../../platform/config/env';
import { TraitsService } from './traits.service';

/**
 * Registers the daily RFM run when a worker starts. Bull keeps one repeatable job per name and cron,
 * so every worker registering it at start still yields one run a day. Tests (NODE_ENV=test) skip it:
 * each test app has its own queue prefix and would leave a schedule behind in Redis.
 */
@Injectable()
export class TraitsScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly env: Env,
    private readonly traits: TraitsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.NODE_ENV !== 'test') await this.traits.scheduleDailyRefresh();
  }
}
