import { Auth1795800000000 } from './1795800000000-auth';
import { Email1795900000000 } from './1795900000000-email';
import { Customers1796000000000 } from './1796000000000-customers';
import { CustomerImportProgress1796000000300 } from './1796000000300-customer-import-progress';
import { Segments1796100000000 } from './1796100000000-segments';
import { SegmentEventIndex1796100000100 } from './1796100000100-segment-event-index';
import { SegmentRefresh1796100000200 } from './1796100000200-segment-refresh';

/** Every migration, in order. `npm run migration:generate --name=<name>` writes new files here; add them to this list. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Auth1795800000000, Email1795900000000, Customers1796000000000, CustomerImportProgress1796000000300, Segments1796100000000, SegmentEventIndex1796100000100, SegmentRefresh1796100000200];
