import { Module } from '@nestjs/common';
import { QueueModule } from '../../platform/queue/queue.module';
import { AuditModule } from '../audit/audit.module';
import { CustomersModule } from '../customers/customers.module';
import { SegmentPlaybooksController } from './playbooks/segment-playbooks.controller';
import { SegmentPlaybooksService } from './playbooks/segment-playbooks.service';
import { RefreshClock } from './refresh/refresh-clock';
import { SegmentRefreshController } from './refresh/segment-refresh.controller';
import { SEGMENT_REFRESH_QUEUE } from './refresh/segment-refresh.jobs';
import { SegmentRefreshRepository } from './refresh/segment-refresh.repository';
import { SegmentRefreshRunner } from './refresh/segment-refresh.runner';
import { SegmentRefreshService } from './refresh/segment-refresh.service';
import { SegmentRulesModule } from './rules/segment-rules.module';
import { SegmentExplainService } from './segment-explain.service';
import { SegmentFieldsService } from './segment-fields.service';
import { SegmentMembersController } from './segment-members.controller';
import { SegmentMembersRepository } from './segment-members.repository';
import { SegmentMembersService } from './segment-members.service';
import { SegmentPreviewRepository } from './segment-preview.repository';
import { SegmentPreviewService } from './segment-preview.service';
import { SegmentsController } from './segments.controller';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

/**
 * The segments domain (PRODUCT.md §3): rule trees compiled to SQL, live preview, materialized membership
 * with refreshes and size history, explain, members, playbooks.
 */
@Module({
  imports: [CustomersModule, SegmentRulesModule, AuditModule, QueueModule.register(SEGMENT_REFRESH_QUEUE)],
  providers: [
    SegmentsService,
    SegmentsRepository,
    SegmentPreviewService,
    SegmentPreviewRepository,
    SegmentFieldsService,
    SegmentMembersService,
    SegmentExplainService,
    SegmentMembersRepository,
    SegmentPlaybooksService,
    SegmentRefreshService,
    SegmentRefreshRepository,
    SegmentRefreshRunner,
    RefreshClock,
  ],
  // The playbooks' static path comes before the segment routes' `:id`.
  controllers: [SegmentPlaybooksController, SegmentsController, SegmentMembersController, SegmentRefreshController],
  exports: [SegmentsService, SegmentPlaybooksService, SegmentRefreshService, SegmentRefreshRunner],
})
export class SegmentsModule {}
