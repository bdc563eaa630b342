import { Module } from '@nestjs/common';
import { CUSTOMERS_DEMO_LOADED_QUEUE } from '../../../platform/queue/domain-events';
import { QueueModule } from '../../../platform/queue/queue.module';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { TraitsModule } from '../traits/traits.module';
import { DemoOnStart } from './demo-on-start';
import { DemoController } from './demo.controller';
import { DEMO_QUEUE } from './demo.jobs';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

/** Deterministic demo data: the API (POST/GET /api/demo), the load itself, DEMO_ON_START and `npm run demo`. */
@Module({
  imports: [QueueModule.register(DEMO_QUEUE, CUSTOMERS_DEMO_LOADED_QUEUE), AuthModule, AuditModule, TraitsModule],
  controllers: [DemoController],
  providers: [DemoService, DemoRepository, DemoOnStart],
  exports: [DemoService],
})
export class DemoModule {}
