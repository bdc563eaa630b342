import { Module } from '@nestjs/common';
import { CustomerChangesRepository } from './customer-changes.repository';
import { CustomerChangesService } from './customer-changes.service';

/**
 * What the segments module may know of customer data: the SQL vocabulary its compiler composes (tables,
 * columns, order and event aggregates), customer summaries and breakdowns for member sets, and which
 * customers changed since a time. Segments reach customers' tables only through these exported providers.
 */
@Module({
  providers: [CustomerChangesService, CustomerChangesRepository],
  exports: [CustomerChangesService],
})
export class CustomerSegmentSourceModule {}
