import { Module } from '@nestjs/common';
import { QueueModule } from '../../../platform/queue/queue.module';
import { AuditModule } from '../../audit/audit.module';
import { CustomerUpsertModule } from '../ingest/customer-upsert.module';
import { CustomerImportMappingsController } from './customer-import-mappings.controller';
import { CustomerImportMappingsRepository } from './customer-import-mappings.repository';
import { CustomerImportMappingsService } from './customer-import-mappings.service';
import { CustomerImportRunner } from './customer-import-runner';
import { CustomerImportsController } from './customer-imports.controller';
import { CUSTOMER_IMPORTS_QUEUE } from './customer-imports.jobs';
import { CustomerImportsRepository } from './customer-imports.repository';
import { CustomerImportsService } from './customer-imports.service';

/**
 * CSV/XLSX customer imports: upload with preview and suggested mapping, saved mappings, and the background
 * run through the upsert engine on the `customer-imports` queue (its processor is in the worker module).
 */
@Module({
  imports: [AuditModule, CustomerUpsertModule, QueueModule.register(CUSTOMER_IMPORTS_QUEUE)],
  controllers: [CustomerImportsController, CustomerImportMappingsController],
  providers: [CustomerImportsService, CustomerImportsRepository, CustomerImportMappingsService, CustomerImportMappingsRepository, CustomerImportRunner],
  exports: [CustomerImportsService, CustomerImportRunner],
})
export class CustomerImportsModule {}
