import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { decodeCursor, toPage } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { toEventDto, toOrderDto } from './activity.mapper';
import { isIsoInstant } from './customer-cursor';
import { CustomerActivityRepository } from './customer-activity.repository';
import type { TimelineAfter, TimelineRef } from './customer-activity.repository';
import { CustomersRepository } from './customers.repository';
import { TIMELINE_KINDS } from './dto/customer-timeline.dto';
import type { TimelineEntryDto, TimelineKind } from './dto/customer-timeline.dto';
import { profilesError } from './profiles.errors';
import { requirePermission } from '../../../platform/access/require-permission';

const DEFAULT_LIMIT = 50;

/** The customer 360 timeline: orders (with line items) and events merged, newest first, page by page. */
@Injectable()
export class CustomerTimelineService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly activity: CustomerActivityRepository,
  ) {}

  async timeline(actor: Actor, customerId: string, query: { kinds?: TimelineKind[]; cursor?: string; limit?: number }): Promise<Page<TimelineEntryDto>> {
    requirePermission(actor, 'customers:read');
    const ws = actor.workspaceId;
    const after = timelineAfter(query.cursor);
    if (!(await this.customers.findById(ws, customerId))) throw profilesError.customerNotFound();
    const limit = query.limit ?? DEFAULT_LIMIT;
    const kinds = query.kinds?.length ? [...new Set(query.kinds)] : TIMELINE_KINDS;
    const refs = await this.activity.timeline(ws, customerId, kinds, limit + 1, after);
    const page = refs.slice(0, limit);
    const idsOf = (kind: TimelineRef['kind']) => page.filter((r) => r.kind === kind).map((r) => r.id);
    const [orders, events] = await Promise.all([this.activity.orders(ws, customerId, idsOf('order')), this.activity.events(ws, customerId, idsOf('event'))]);
    const orderById = new Map(orders.map((o) => [o.order.id, toOrderDto(o)]));
    const eventById = new Map(events.map((e) => [e.id, toEventDto(e)]));
    return toPage(
      refs,
      limit,
      (r) => ({ v: r.at.toISOString(), id: `${r.kind}:${r.id}` }),
      (r): TimelineEntryDto => ({
        kind: r.kind,
        at: r.at,
        order: r.kind === 'order' ? (orderById.get(r.id) ?? null) : null,
        event: r.kind === 'event' ? (eventById.get(r.id) ?? null) : null,
      }),
    );
  }
}

function timelineAfter(cursor: string | undefined): TimelineAfter | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  const match = /^(order|event):([0-9a-f-]{1,36})$/.exec(position.id);
  if (!isIsoInstant(position.v) || !match) throw profilesError.invalidCursor();
  return { at: position.v, kind: match[1], id: match[2] };
}
