import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Env } from '../../../platform/config/env';
import { SegmentRefreshService } from './segment-refresh.service';

/**
 * Registers the repeatable refresh tick when a worker starts. Tests (NODE_ENV=test) skip it: each test app has its
 * own queue prefix and would leave a schedule behind in Redis; they call the tick's service method instead.
 */
@Injectable()
export class SegmentRefreshScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly env: Env,
    private readonly refreshes: SegmentRefreshService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.NODE_ENV !== 'test') await this.refreshes.scheduleTicks();
  }
}
