import { Module } from '@nestjs/common';
import { SegmentsModule } from './segments.module';

/** The segments module's Bull processors, loaded only in processes that run jobs. */
@Module({
  imports: [SegmentsModule],
  providers: [],
})
export class SegmentsWorkerModule {}
