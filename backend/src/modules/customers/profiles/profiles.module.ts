import { Module } from '@nestjs/common';
import { QueueModule } from '../../../platform/queue/queue.module';
import { AuditModule } from '../../audit/audit.module';
import { CustomerImportsModule } from '../imports/customer-imports.module';
import { TraitsModule } from '../traits/traits.module';
import { CustomerActivityController } from './customer-activity.controller';
import { CustomerActivityRepository } from './customer-activity.repository';
import { CustomerExportsController } from './customer-exports.controller';
import { CUSTOMER_EXPORTS_QUEUE } from './customer-exports.jobs';
import { CustomerExportsRepository } from './customer-exports.repository';
import { CustomerExportsService } from './customer-exports.service';
import { CustomerGdprController } from './customer-gdpr.controller';
import { CustomerGdprService } from './customer-gdpr.service';
import { CustomerInsightsRepository } from './customer-insights.repository';
import { CustomerInsightsService } from './customer-insights.service';
import { CustomerTimelineService } from './customer-timeline.service';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

/** Customer profiles: list and search, CRUD, the 360 timeline and spend, GDPR export and erasure, CSV exports. */
@Module({
  imports: [AuditModule, TraitsModule, CustomerImportsModule, QueueModule.register(CUSTOMER_EXPORTS_QUEUE)],
  controllers: [CustomerExportsController, CustomersController, CustomerActivityController, CustomerGdprController],
  providers: [
    CustomersService,
    CustomersRepository,
    CustomerInsightsService,
    CustomerInsightsRepository,
    CustomerTimelineService,
    CustomerActivityRepository,
    CustomerGdprService,
    CustomerExportsService,
    CustomerExportsRepository,
  ],
  exports: [CustomersService, CustomerExportsService, CustomerInsightsRepository],
})
export class ProfilesModule {}
