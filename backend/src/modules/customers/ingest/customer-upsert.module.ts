import { Module } from '@nestjs/common';
import { CustomerUpsertRepository } from './customer-upsert.repository';
import { CustomerUpsertService } from './customer-upsert.service';

/** The customer upsert engine, shared by the bulk API, file imports and demo data. */
@Module({ providers: [CustomerUpsertService, CustomerUpsertRepository], exports: [CustomerUpsertService] })
export class CustomerUpsertModule {}
