import { Module } from '@nestjs/common';
import { CustomersModule } from './customers.module';
import { CustomerExportsProcessor } from './profiles/customer-exports.processor';

/** The customers domain's Bull processors; loaded only where jobs run (`all` and `worker` modes). */
@Module({ imports: [CustomersModule], providers: [CustomerExportsProcessor] })
export class CustomersWorkerModule {}
