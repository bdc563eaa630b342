import { Module } from '@nestjs/common';
import { CustomersModule } from './customers.module';

/** The customers domain's Bull processors; loaded only where jobs run (`all` and `worker` modes). */
@Module({ imports: [CustomersModule], providers: [] })
export class CustomersWorkerModule {}
