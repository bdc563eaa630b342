import { Module } from '@nestjs/common';
import { QueueModule } from '../../../platform/queue/queue.module';
import { TraitsController } from './traits.controller';
import { TRAITS_QUEUE } from './traits.jobs';
import { TraitsRepository } from './traits.repository';
import { TraitsService } from './traits.service';

/** Computed traits of customers: incremental updates and the scheduled RFM recomputation. */
@Module({
  imports: [QueueModule.register(TRAITS_QUEUE)],
  controllers: [TraitsController],
  providers: [TraitsService, TraitsRepository],
  exports: [TraitsService],
})
export class TraitsModule {}
