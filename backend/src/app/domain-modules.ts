import type { Type } from '@nestjs/common';
import { AuditModule } from '../modules/audit/audit.module';
import { AuthModule } from '../modules/auth/auth.module';
import { CustomersModule } from '../modules/customers/customers.module';
import { CustomersWorkerModule } from '../modules/customers/customers-worker.module';
import { EmailModule } from '../modules/email/email.module';
import { EmailWorkerModule } from '../modules/email/email-worker.module';
import { SegmentsModule } from '../modules/segments/segments.module';
import { SegmentsWorkerModule } from '../modules/segments/segments-worker.module';

/** Every domain module of the API. */
export const DOMAIN_MODULES: Type[] = [AuthModule, AuditModule, EmailModule, CustomersModule, SegmentsModule];

/** Modules holding Bull processors; loaded only in processes that run jobs (`all` and `worker`). */
export const WORKER_MODULES: Type[] = [EmailWorkerModule, CustomersWorkerModule, SegmentsWorkerModule];
