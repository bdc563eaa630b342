import { Module } from '@nestjs/common';
import { CUSTOMERS_DEMO_LOADED_QUEUE } from '../../platform/queue/domain-events';
import { QueueModule } from '../../platform/queue/queue.module';
import { SegmentDemoProcessor } from './playbooks/segment-demo.processor';
import { SegmentRefreshProcessor } from './refresh/segment-refresh.processor';
import { SegmentRefreshScheduler } from './refresh/segment-refresh.scheduler';
import { SegmentsModule } from './segments.module';

/** The segments module's Bull processors, loaded only in processes that run jobs. */
@Module({
  imports: [SegmentsModule, QueueModule.register(CUSTOMERS_DEMO_LOADED_QUEUE)],
  providers: [SegmentDemoProcessor, SegmentRefreshProcessor, SegmentRefreshScheduler],
})
export class SegmentsWorkerModule {}
