import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CustomerProfileDto, CustomerTraitsDto } from './customer.response';
import { CustomerEventDto, CustomerOrderDto } from './customer-timeline.dto';

/** Everything stored about one customer (GDPR Art. 15 / 20), as one JSON document. */
@ApiSchema({ name: 'CustomerPersonalData' })
export class CustomerPersonalDataDto {
  @ApiProperty() exportedAt: Date;
  @ApiProperty({ type: CustomerProfileDto, description: 'Profile, consent included' }) profile: CustomerProfileDto;
  @ApiProperty({ type: CustomerTraitsDto }) traits: CustomerTraitsDto;
  @ApiProperty({ type: [CustomerOrderDto], description: 'Oldest first, with line items' }) orders: CustomerOrderDto[];
  @ApiProperty({ type: [CustomerEventDto], description: 'Oldest first' }) events: CustomerEventDto[];
}

/** What an erasure removed; the audit log keeps the same, never the values. */
@ApiSchema({ name: 'CustomerErasure' })
export class CustomerErasureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() erasedAt: Date;
  @ApiProperty({ type: [String], example: ['email', 'firstName', 'attributes'], description: 'Profile fields that held data and were blanked' })
  erasedFields: string[];
  @ApiProperty({ description: 'Events whose properties were removed' }) eventsScrubbed: number;
  @ApiProperty({ description: 'Orders kept (amounts and line items, for aggregates)' }) ordersKept: number;
}
