import { applyDecorators, Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CustomerInputDto } from './customer-input.dto';
import { EventInputDto } from './event-input.dto';
import { OrderInputDto } from './order-input.dto';

/** Most items one bulk request may carry. */
export const MAX_BATCH_ITEMS = 1000;

/**
 * The `items` array of a batch: 1 to {@link MAX_BATCH_ITEMS} entries. Only the envelope is validated
 * here; each item is validated on its own by the service, so one bad item is rejected without the rest.
 */
const BatchItems = (type: Type<unknown>) =>
  applyDecorators(
    ApiProperty({ type: [type], minItems: 1, maxItems: MAX_BATCH_ITEMS }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_BATCH_ITEMS),
  );

export class IngestCustomersRequest {
  @BatchItems(CustomerInputDto) items: unknown[];
}

export class IngestOrdersRequest {
  @BatchItems(OrderInputDto) items: unknown[];
}

export class IngestEventsRequest {
  @BatchItems(EventInputDto) items: unknown[];
}
