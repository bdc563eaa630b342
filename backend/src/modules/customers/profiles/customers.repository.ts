import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CustomerTraits } from '../entities/customer-traits.entity';
import { Customer } from '../entities/customer.entity';
import { buildCustomerQuery } from './customer-query';
import type { CustomerQuery } from './customer-query';

/** The main traits shown in lists, as stored (numerics as strings); null when the customer has no traits row. */
export type TraitsSummary = Pick<
  CustomerTraits,
  | 'totalSpent'
  | 'orderCount'
  | 'avgOrderValue'
  | 'firstOrderAt'
  | 'lastOrderAt'
  | 'rfmTier'
  | 'churnRisk'
  | 'clv'
  | 'engagementScore'
  | 'nightBuyer'
  | 'preferredCategory'
>;

export interface CustomerListRow {
  customer: Customer;
  traits: TraitsSummary | null;
  /** The value the list is sorted by (Date, numeric string, number, text or null). */
  sortValue: unknown;
}

export type NewCustomer = Omit<Customer, 'id' | 'createdAt' | 'updatedAt' | 'erasedAt'>;

/** What a unique index refused: the external id or the email of another customer. */
export type DuplicateField = 'externalId' | 'email';

const UNIQUE_INDEXES: Record<string, DuplicateField> = {
  customers_workspace_external_id_key: 'externalId',
  customers_workspace_email_key: 'email',
};

/** Customers and their traits: lookups, the filtered list and writes. Every query is scoped to one workspace. */
@Injectable()
export class CustomersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async list(query: CustomerQuery): Promise<CustomerListRow[]> {
    const { sql, params } = buildCustomerQuery(query);
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, params);
    return rows.map(toListRow);
  }

  /** With `lock`, the row stays locked until the transaction of `manager` ends. */
  findById(workspaceId: string, id: string, manager?: EntityManager, lock = false): Promise<Customer | null> {
    const query = this.manager(manager).getRepository(Customer).createQueryBuilder('c').where('c.workspace_id = :workspaceId AND c.id = :id', { workspaceId, id });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  findTraits(workspaceId: string, customerId: string, manager?: EntityManager): Promise<CustomerTraits | null> {
    return this.manager(manager).getRepository(CustomerTraits).findOneBy({ workspaceId, customerId });
  }

  /** Which of the external id and email another customer (not `exceptId`) already has. */
  async findDuplicate(
    workspaceId: string,
    keys: { externalId?: string | null; email?: string | null },
    exceptId: string | null,
    manager?: EntityManager,
  ): Promise<DuplicateField | null> {
    if (!keys.externalId && !keys.email) return null;
    const [row] = await this.manager(manager).query(
      `SELECT COALESCE(external_id = $2, false) AS external_id_taken
         FROM customers
        WHERE workspace_id = $1 AND (external_id = $2 OR email = $3) AND ($4::uuid IS NULL OR id <> $4)
        ORDER BY 1 DESC LIMIT 1`,
      [workspaceId, keys.externalId ?? null, keys.email ?? null, exceptId],
    );
    if (!row) return null;
    return row.external_id_taken ? 'externalId' : 'email';
  }

  insert(values: NewCustomer, manager: EntityManager): Promise<Customer> {
    const repo = manager.getRepository(Customer);
    return repo.save(repo.create(values));
  }

  save(customer: Customer, manager: EntityManager): Promise<Customer> {
    return manager.getRepository(Customer).save(customer);
  }

  /** Removes the customer; orders, line items, events and traits go with it (foreign keys cascade). */
  async delete(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Customer).delete({ workspaceId, id });
  }

  /**
   * Blanks every personal field of a customer and marks it erased (GDPR). The country stays: it is not
   * personal on its own and keeps geographic aggregates right. Returns when it happened.
   */
  async erase(workspaceId: string, id: string, manager: EntityManager): Promise<Date> {
    const [rows] = await manager.query(
      `UPDATE customers
          SET external_id = NULL, email = NULL, phone = NULL, first_name = NULL, last_name = NULL, city = NULL,
              locale = NULL, timezone = NULL, attributes = '{}'::jsonb, consent = '{}'::jsonb, tags = '{}'::text[],
              erased_at = now(), updated_at = now()
        WHERE workspace_id = $1 AND id = $2
        RETURNING erased_at`,
      [workspaceId, id],
    );
    return rows[0].erased_at;
  }

  /** How many orders and events a customer has. */
  async countActivity(workspaceId: string, id: string, manager?: EntityManager): Promise<{ orders: number; events: number }> {
    const [row] = await this.manager(manager).query(
      `SELECT (SELECT count(*) FROM orders WHERE workspace_id = $1 AND customer_id = $2)::int AS orders,
              (SELECT count(*) FROM customer_events WHERE workspace_id = $1 AND customer_id = $2)::int AS events`,
      [workspaceId, id],
    );
    return row;
  }
}

/** The field a unique-index violation is about, or null for any other error. */
export function duplicateFieldOf(error: unknown): DuplicateField | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? (UNIQUE_INDEXES[driverError.constraint ?? ''] ?? null) : null;
}

/** A row of the list query (snake_case columns) as a customer entity and its main traits. */
export function toListRow(row: Record<string, unknown>): CustomerListRow {
  const customer = Object.assign(new Customer(), {
    id: row.id,
    externalId: row.external_id,
    email: row.email,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    timezone: row.timezone,
    locale: row.locale,
    country: row.country,
    city: row.city,
    attributes: row.attributes,
    consent: row.consent,
    tags: row.tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    erasedAt: row.erased_at,
  });
  const traits: TraitsSummary | null =
    row.order_count === null
      ? null
      : {
          totalSpent: row.total_spent as string,
          orderCount: row.order_count as number,
          avgOrderValue: row.avg_order_value as string | null,
          firstOrderAt: row.first_order_at as Date | null,
          lastOrderAt: row.last_order_at as Date | null,
          rfmTier: row.rfm_tier as string | null,
          churnRisk: row.churn_risk as TraitsSummary['churnRisk'],
          clv: row.clv as string | null,
          engagementScore: row.engagement_score as number,
          nightBuyer: row.night_buyer as boolean,
          preferredCategory: row.preferred_category as string | null,
        };
  return { customer, traits, sortValue: row.sort_value };
}
