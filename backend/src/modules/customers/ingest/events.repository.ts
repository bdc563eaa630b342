import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EventRow {
  id: string;
  customerId: string;
  type: string;
  /** Serialized JSON object. */
  properties: string;
  /** ISO 8601. */
  occurredAt: string;
}

/** Behavioural events of bulk batches, written set-based; every statement is scoped to one workspace. */
@Injectable()
export class EventsRepository {
  /** Takes `count` ids from the events' identity sequence, so each item knows its id before the insert. */
  async nextIds(count: number, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT nextval(pg_get_serial_sequence('customer_events', 'id'))::text AS id FROM generate_series(1, $1)`,
      [count],
    );
    return rows.map((r) => r.id);
  }

  async insert(workspaceId: string, events: EventRow[], manager: EntityManager): Promise<void> {
    if (!events.length) return;
    await manager.query(
      `INSERT INTO customer_events (id, workspace_id, customer_id, type, properties, occurred_at)
       SELECT e.id, $1, e.customer_id, e.type, e.properties::jsonb, e.occurred_at
       FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) AS e(id, customer_id, type, properties, occurred_at)`,
      [
        workspaceId,
        events.map((e) => e.id),
        events.map((e) => e.customerId),
        events.map((e) => e.type),
        events.map((e) => e.properties),
        events.map((e) => e.occurredAt),
      ],
    );
  }
}
