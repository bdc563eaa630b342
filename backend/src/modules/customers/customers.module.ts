import { Module } from '@nestjs/common';
import { DemoModule } from './demo/demo.module';
import { CustomerImportsModule } from './imports/customer-imports.module';
import { CustomerUpsertModule } from './ingest/customer-upsert.module';
import { IngestModule } from './ingest/ingest.module';
import { ProfilesModule } from './profiles/profiles.module';
import { CustomerSegmentSourceModule } from './segment-source/segment-source.module';
import { TraitsModule } from './traits/traits.module';

/**
 * The customers domain (PRODUCT.md §2), one Nest module per part: profiles (CRUD, search, 360, GDPR,
 * exports), traits, ingestion (bulk API and the upsert engine), imports and demo data.
 */
@Module({
  imports: [TraitsModule, IngestModule, CustomerUpsertModule, ProfilesModule, CustomerImportsModule, DemoModule, CustomerSegmentSourceModule],
  exports: [TraitsModule, IngestModule, CustomerUpsertModule, ProfilesModule, CustomerImportsModule, DemoModule, CustomerSegmentSourceModule],
})
export class CustomersModule {}
