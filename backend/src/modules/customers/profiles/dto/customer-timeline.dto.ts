import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { PageOf, PageQuery } from '../../../../platform/pagination/cursor';
import { ORDER_CHANNELS } from '../../customers.types';
import type { OrderChannel } from '../../customers.types';

/** What the timeline shows; messages join when the messaging module exists. */
export const TIMELINE_KINDS = ['orders', 'events'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export class CustomerTimelineQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TIMELINE_KINDS, enumName: 'TimelineKind', isArray: true, description: 'Only these kinds; default all' })
  @IsOptional()
  @Transform(({ value }) => (value === undefined || Array.isArray(value) ? value : String(value).split(',')))
  @IsArray() @ArrayMaxSize(TIMELINE_KINDS.length) @IsIn(TIMELINE_KINDS, { each: true })
  kinds?: TimelineKind[];
}

@ApiSchema({ name: 'OrderItem' })
export class OrderItemDto {
  @ApiProperty() product: string;
  @ApiProperty() category: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ example: 19.9 }) unitPrice: number;
}

@ApiSchema({ name: 'CustomerOrder' })
export class CustomerOrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty({ example: 59.7 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ enum: ORDER_CHANNELS, enumName: 'OrderChannel' }) channel: OrderChannel;
  @ApiProperty() placedAt: Date;
  @ApiProperty({ type: [OrderItemDto] }) items: OrderItemDto[];
}

@ApiSchema({ name: 'CustomerEvent' })
export class CustomerEventDto {
  @ApiProperty({ example: '1042' }) id: string;
  @ApiProperty({ example: 'page_view' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) properties: Record<string, unknown>;
  @ApiProperty() occurredAt: Date;
}

/** One entry of the customer 360 timeline: exactly one of `order` and `event` is set, as `kind` says. */
@ApiSchema({ name: 'TimelineEntry' })
export class TimelineEntryDto {
  @ApiProperty({ enum: ['order', 'event'], enumName: 'TimelineEntryKind' }) kind: 'order' | 'event';
  @ApiProperty({ description: 'When the order was placed or the event occurred' }) at: Date;
  @ApiProperty({ type: CustomerOrderDto, nullable: true }) order: CustomerOrderDto | null;
  @ApiProperty({ type: CustomerEventDto, nullable: true }) event: CustomerEventDto | null;
}

export const TimelinePageDto = PageOf(TimelineEntryDto);
