import { Module } from '@nestjs/common';
import { CustomersModule } from './customers.module';
import { DemoProcessor } from './demo/demo.processor';
import { CustomerImportsWorkerModule } from './imports/customer-imports-worker.module';
import { IngestProcessor } from './ingest/ingest.processor';
import { CustomerExportsProcessor } from './profiles/customer-exports.processor';
import { TraitsProcessor } from './traits/traits.processor';
import { TraitsScheduler } from './traits/traits.scheduler';

/** The customers domain's Bull processors; loaded only where jobs run (`all` and `worker` modes). */
@Module({ imports: [CustomersModule, CustomerImportsWorkerModule], providers: [IngestProcessor, CustomerExportsProcessor, TraitsProcessor, TraitsScheduler, DemoProcessor] })
export class CustomersWorkerModule {}
