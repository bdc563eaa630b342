import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';

/**
 * The segments domain (PRODUCT.md §3): rule trees compiled to SQL, live preview, materialized membership
 * with refreshes and size history, explain, members, playbooks.
 */
@Module({
  imports: [CustomersModule],
  providers: [],
  controllers: [],
  exports: [],
})
export class SegmentsModule {}
