import type { CustomerEvent } from '../entities/customer-event.entity';
import type { CustomerEventDto, CustomerOrderDto } from './dto/customer-timeline.dto';
import type { OrderWithItems } from './customer-activity.repository';

export const toOrderDto = ({ order, items }: OrderWithItems): CustomerOrderDto => ({
  id: order.id,
  externalId: order.externalId,
  amount: Number(order.amount),
  currency: order.currency,
  channel: order.channel,
  placedAt: order.placedAt,
  items: items.map((i) => ({ product: i.product, category: i.category, quantity: i.quantity, unitPrice: Number(i.unitPrice) })),
});

export const toEventDto = (e: CustomerEvent): CustomerEventDto => ({ id: e.id, type: e.type, properties: e.properties, occurredAt: e.occurredAt });
