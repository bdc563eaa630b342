import { Module } from '@nestjs/common';
import { TraitsService } from './traits.service';

/** Computed traits of customers: incremental updates and the scheduled RFM recomputation. */
@Module({ providers: [TraitsService], exports: [TraitsService] })
export class TraitsModule {}
