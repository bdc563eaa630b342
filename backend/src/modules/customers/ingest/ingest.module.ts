import { Module } from '@nestjs/common';
import { QueueModule } from '../../../platform/queue/queue.module';
import { AuditModule } from '../../audit/audit.module';
import { TraitsModule } from '../traits/traits.module';
import { CustomerRefResolver } from './bulk-customer-refs';
import { CustomerRefsRepository } from './bulk-customer-refs.repository';
import { BulkIngestService } from './bulk-ingest.service';
import { CustomerUpsertModule } from './customer-upsert.module';
import { EventsRepository } from './events.repository';
import { EventsIngestService } from './events.service';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';
import { IngestController } from './ingest.controller';
import { CUSTOMER_INGEST_QUEUE } from './ingest.jobs';
import { OrdersRepository } from './orders.repository';
import { OrdersIngestService } from './orders.service';

/**
 * The bulk JSON API for customers, orders and events, with idempotency keys. Customers go through the upsert
 * engine ({@link CustomerUpsertModule}); the `customer-ingest` queue's processor is in the customers worker module.
 */
@Module({
  imports: [TraitsModule, AuditModule, CustomerUpsertModule, QueueModule.register(CUSTOMER_INGEST_QUEUE)],
  controllers: [IngestController],
  providers: [
    BulkIngestService,
    IdempotencyService,
    IdempotencyRepository,
    CustomerRefResolver,
    CustomerRefsRepository,
    OrdersIngestService,
    OrdersRepository,
    EventsIngestService,
    EventsRepository,
  ],
  exports: [IdempotencyService],
})
export class IngestModule {}
