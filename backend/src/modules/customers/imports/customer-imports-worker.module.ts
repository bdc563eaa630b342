import { Module } from '@nestjs/common';
import { CustomerImportsModule } from './customer-imports.module';
import { CustomerImportsProcessor } from './customer-imports.processor';

/** The `customer-imports` queue's processor; loaded only where jobs run (`all` and `worker` modes). */
@Module({ imports: [CustomerImportsModule], providers: [CustomerImportsProcessor] })
export class CustomerImportsWorkerModule {}
