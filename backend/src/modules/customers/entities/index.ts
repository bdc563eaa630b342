import { CustomerEvent } from './customer-event.entity';
import { CustomerExport } from './customer-export.entity';
import { CustomerImportError } from './customer-import-error.entity';
import { CustomerImport } from './customer-import.entity';
import { CustomerTraits } from './customer-traits.entity';
import { Customer } from './customer.entity';
import { SavedImportMapping } from './import-mapping.entity';
import { IngestRequest } from './ingest-request.entity';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { RfmBoundaries } from './rfm-boundaries.entity';

/** Every entity of the customers module. */
export const CUSTOMER_ENTITIES = [
  Customer,
  CustomerTraits,
  RfmBoundaries,
  Order,
  OrderItem,
  CustomerEvent,
  IngestRequest,
  CustomerImport,
  CustomerImportError,
  SavedImportMapping,
  CustomerExport,
];
