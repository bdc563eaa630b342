import { Module } from '@nestjs/common';
import { QueueModule } from '../../platform/queue/queue.module';
import { CustomersModule } from '../customers/customers.module';
import { RefreshClock } from './refresh/refresh-clock';
import { SegmentRefreshController } from './refresh/segment-refresh.controller';
import { SEGMENT_REFRESH_QUEUE } from './refresh/segment-refresh.jobs';
import { SegmentRefreshRepository } from './refresh/segment-refresh.repository';
import { SegmentRefreshService } from './refresh/segment-refresh.service';

/**
 * The segments domain (PRODUCT.md §3): rule trees compiled to SQL, live preview, materialized membership
 * with refreshes and size history, explain, members, playbooks.
 */
@Module({
  imports: [CustomersModule, QueueModule.register(SEGMENT_REFRESH_QUEUE)],
  providers: [SegmentRefreshService, SegmentRefreshRepository, RefreshClock],
  controllers: [SegmentRefreshController],
  exports: [SegmentRefreshService],
})
export class SegmentsModule {}
