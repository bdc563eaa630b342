import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Env } from '../../../platform/config/env';
import { DemoService } from './demo.service';

/**
 * DEMO_ON_START: queues the demo data for the first workspace once the app has started. The module
 * imports the auth module, so its start-up hooks (which bootstrap the first workspace) run before this one.
 */
@Injectable()
export class DemoOnStart implements OnApplicationBootstrap {
  constructor(
    private readonly env: Env,
    private readonly demo: DemoService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.DEMO_ON_START) await this.demo.loadFirstWorkspaceIfEmpty();
  }
}
