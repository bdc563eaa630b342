import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { CUSTOMERS_DEMO_LOADED, CUSTOMERS_DEMO_LOADED_QUEUE } from '../../../platform/queue/domain-events';
import type { CustomersDemoLoaded } from '../../../platform/queue/domain-events';
import { SegmentPlaybooksService } from './segment-playbooks.service';

/** Creates the demo segments once the customers demo data is loaded (worker and `all` modes only). */
@Processor(CUSTOMERS_DEMO_LOADED_QUEUE)
export class SegmentDemoProcessor {
  constructor(private readonly playbooks: SegmentPlaybooksService) {}

  @Process(CUSTOMERS_DEMO_LOADED)
  demoLoaded(job: Job<CustomersDemoLoaded>): Promise<string[]> {
    return this.playbooks.createDemoSegments(job.data);
  }
}
