import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { CustomerDirectoryRepository } from './customer-directory.repository';
import { CustomerDirectoryService } from './customer-directory.service';
import { CustomerChangesRepository } from './customer-changes.repository';
import { CustomerChangesService } from './customer-changes.service';

/**
 * What the segments module may know of customer data: the SQL vocabulary its compiler composes (tables,
 * columns, order and event aggregates), customer summaries and breakdowns for member sets, and which
 * customers changed since a time. Segments reach customers' tables only through these exported providers.
 */
@Module({
  imports: [ProfilesModule],
  providers: [CustomerDirectoryService, CustomerDirectoryRepository, CustomerChangesService, CustomerChangesRepository],
  exports: [CustomerDirectoryService, CustomerChangesService],
})
export class CustomerSegmentSourceModule {}
