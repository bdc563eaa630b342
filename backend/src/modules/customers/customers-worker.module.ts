import { Module } from '@nestjs/common';
import { CustomersModule } from './customers.module';
import { IngestProcessor } from './ingest/ingest.processor';
import { CustomerExportsProcessor } from './profiles/customer-exports.processor';

/** The customers domain's Bull processors; loaded only where jobs run (`all` and `worker` modes). */
@Module({ imports: [CustomersModule], providers: [IngestProcessor, CustomerExportsProcessor] })
export class CustomersWorkerModule {}
