import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { AUTH_ENTITIES } from '../modules/auth/entities';
import { CUSTOMER_ENTITIES } from '../modules/customers/entities';
import { EmailMessage } from '../modules/email/entities/email-message.entity';
import { SEGMENT_ENTITIES } from '../modules/segments/entities';

/** Every TypeORM entity, listed once for the app, the migration CLI and tests. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [...AUTH_ENTITIES, AuditEvent, EmailMessage, ...CUSTOMER_ENTITIES, ...SEGMENT_ENTITIES];
