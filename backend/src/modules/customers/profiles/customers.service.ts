import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/access/actor';
import { Transactions } from '../../../platform/database/transactions';
import { invalid } from '../../../platform/errors/domain-error';
import { toPage } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { AuditService } from '../../audit/audit.service';
import { FIELD_BIT, PROFILE_FIELDS, validateCustomerInput } from '../ingest/customer-validation';
import type { NormalizedCustomer } from '../ingest/customer-validation';
import { TraitsService } from '../traits/traits.service';
import { customerPosition, decodeCustomerCursor } from './customer-cursor';
import { DEFAULT_CUSTOMER_SORT } from './customer-filters';
import type { CustomerFilters, CustomerSort } from './customer-filters';
import { CustomersRepository, duplicateFieldOf } from './customers.repository';
import type { CustomerDetailDto, CustomerDto } from './dto/customer.response';
import { profilesError } from './profiles.errors';
import { toCustomerDetailDto, toCustomerDto } from './profiles.mapper';
import { requirePermission } from '../../../platform/access/require-permission';

const DEFAULT_LIMIT = 50;

/** Profile fields besides the scalar {@link PROFILE_FIELDS}. */
const OBJECT_FIELDS = ['attributes', 'tags', 'consent'] as const;

export interface ListCustomersInput extends CustomerFilters {
  sort?: CustomerSort;
  cursor?: string;
  limit?: number;
}

/**
 * Customer profiles: the filtered list and create, read, update, delete. Every change is audited in its
 * transaction; audit rows name the fields that changed, never their values (personal data must not
 * outlive an erasure in the audit log).
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly audit: AuditService,
    private readonly traits: TraitsService,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor, input: ListCustomersInput): Promise<Page<CustomerDto>> {
    requirePermission(actor, 'customers:read');
    const { cursor, limit = DEFAULT_LIMIT, sort = DEFAULT_CUSTOMER_SORT, ...filters } = input;
    const after = decodeCustomerCursor(cursor, sort);
    const rows = await this.customers.list({ workspaceId: actor.workspaceId, filters, sort, after, limit: limit + 1 });
    return toPage(rows, limit, (r) => customerPosition(sort, r.sortValue, r.customer.id), toCustomerDto);
  }

  async get(actor: Actor, id: string): Promise<CustomerDetailDto> {
    requirePermission(actor, 'customers:read');
    const customer = await this.customers.findById(actor.workspaceId, id);
    if (!customer) throw profilesError.customerNotFound();
    return toCustomerDetailDto(customer, await this.customers.findTraits(actor.workspaceId, id));
  }

  async create(actor: Actor, input: object): Promise<CustomerDetailDto> {
    requirePermission(actor, 'customers:write');
    const given = validProfile(input, actor);
    return this.transactions.run(async (m) => {
      await this.assertUnique(actor.workspaceId, given, null, m);
      const customer = await this.write(() =>
        this.customers.insert(
          {
            workspaceId: actor.workspaceId,
            ...pick(given, PROFILE_FIELDS),
            attributes: given.attributes ?? {},
            consent: given.consent ?? {},
            tags: given.tags ?? [],
          },
          m,
        ),
      );
      const fields = [...PROFILE_FIELDS, ...OBJECT_FIELDS].filter((f) => given[f] !== null);
      await this.audit.record(actor, { action: 'customer.create', objectType: 'customer', objectId: customer.id, after: { fields } }, m);
      return toCustomerDetailDto(customer, null);
    });
  }

  /**
   * Given fields overwrite (null clears), absent ones stay; attributes merge key by key (null removes a
   * key); tags replace the list; consent replaces the given channels. External id or email must remain.
   */
  async update(actor: Actor, id: string, input: object): Promise<CustomerDetailDto> {
    requirePermission(actor, 'customers:write');
    return this.transactions.run(async (m) => {
      const customer = await this.customers.findById(actor.workspaceId, id, m, true);
      if (!customer) throw profilesError.customerNotFound();
      if (customer.erasedAt) throw profilesError.erased();
      // Stored identifiers and country complete the patch: the rules judge the customer as it will be.
      const given = validProfile({ ...pick(customer, ['externalId', 'email', 'country']), ...definedOnly(input) }, actor);
      const before = JSON.stringify(customer);
      for (const field of PROFILE_FIELDS) if (given.given & FIELD_BIT[field]) customer[field] = given[field];
      if (given.attributes || given.unset) customer.attributes = mergeAttributes(customer.attributes, given.attributes ?? {}, given.unset ?? []);
      if (given.tags || 'tags' in definedOnly(input)) customer.tags = given.tags ?? [];
      if (given.consent) customer.consent = { ...customer.consent, ...given.consent };
      const previous = JSON.parse(before) as Record<string, unknown>;
      const changed = [...PROFILE_FIELDS, ...OBJECT_FIELDS].filter((f) => JSON.stringify(previous[f]) !== JSON.stringify(customer[f]));
      if (changed.length) {
        const keys = { externalId: changed.includes('externalId') ? customer.externalId : null, email: changed.includes('email') ? customer.email : null };
        await this.assertUnique(actor.workspaceId, keys, id, m);
        await this.write(() => this.customers.save(customer, m));
        // The preferred purchase hour (and the night-buyer flag) are local hours of the customer's zone.
        if (changed.includes('timezone')) await this.traits.recomputeCustomers(m, actor.workspaceId, [id]);
        await this.audit.record(actor, { action: 'customer.update', objectType: 'customer', objectId: id, after: { changedFields: changed } }, m);
      }
      return toCustomerDetailDto(customer, await this.customers.findTraits(actor.workspaceId, id, m));
    });
  }

  /** Deletes the customer with its orders, line items, events and traits. The audit row keeps only counts. */
  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'customers:erase');
    await this.transactions.run(async (m) => {
      const customer = await this.customers.findById(actor.workspaceId, id, m, true);
      if (!customer) throw profilesError.customerNotFound();
      const activity = await this.customers.countActivity(actor.workspaceId, id, m);
      await this.customers.delete(actor.workspaceId, id, m);
      await this.audit.record(
        actor,
        { action: 'customer.delete', objectType: 'customer', objectId: id, before: { ...activity, erased: customer.erasedAt !== null } },
        m,
      );
    });
  }

  private async assertUnique(workspaceId: string, keys: { externalId: string | null; email: string | null }, exceptId: string | null, m: EntityManager) {
    const duplicate = await this.customers.findDuplicate(workspaceId, keys, exceptId, m);
    if (duplicate) throw profilesError.duplicate(duplicate);
  }

  /** Writes through the unique indexes: a concurrent duplicate becomes the same 409 as a detected one. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const field = duplicateFieldOf(error);
      throw field ? profilesError.duplicate(field) : error;
    }
  }
}

/** The rules of the upsert engine (one set for the console, the bulk API and imports); a bad field is a 422 naming it. */
function validProfile(input: object, actor: Actor): NormalizedCustomer {
  const result = validateCustomerInput(definedOnly(input), actor.type === 'api_key' ? 'api' : 'console', new Date().toISOString());
  if (!result.ok) throw invalid(result.field ?? 'body', result.reason);
  return result.customer;
}

/** Attributes after a change: `set` keys replace stored ones, `unset` keys go, others stay. */
export function mergeAttributes(stored: Record<string, unknown>, set: Record<string, unknown>, unset: string[]): Record<string, unknown> {
  const merged = { ...stored, ...set };
  for (const key of unset) delete merged[key];
  return merged;
}

/** The keys of a request body that were sent (DTO instances define every declared field). */
function definedOnly(input: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(input));
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}
