import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/access/actor';
import { Transactions } from '../../../platform/database/transactions';
import { toPage } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { AuditService } from '../../audit/audit.service';
import type { Customer } from '../entities/customer.entity';
import { customerPosition, decodeCustomerCursor } from './customer-cursor';
import { mergeAttributes, normalizeProfile } from './customer-fields';
import type { ProfileChanges, ProfileInput } from './customer-fields';
import { DEFAULT_CUSTOMER_SORT } from './customer-filters';
import type { CustomerFilters, CustomerSort } from './customer-filters';
import { CustomersRepository, duplicateFieldOf } from './customers.repository';
import type { CustomerDetailDto, CustomerDto } from './dto/customer.response';
import { profilesError } from './profiles.errors';
import { toCustomerDetailDto, toCustomerDto } from './profiles.mapper';
import { requirePermission } from './require-permission';

const DEFAULT_LIMIT = 50;

/** The scalar profile fields a PATCH sets or clears as given. */
const SCALAR_FIELDS = ['externalId', 'email', 'phone', 'firstName', 'lastName', 'timezone', 'locale', 'country', 'city'] as const;

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

  async create(actor: Actor, input: ProfileInput): Promise<CustomerDetailDto> {
    requirePermission(actor, 'customers:write');
    const changes = normalizeProfile(input, { patch: false, source: sourceOf(actor), now: new Date() });
    if (!changes.externalId && !changes.email && !changes.phone) throw profilesError.noIdentifier();
    return this.transactions.run(async (m) => {
      await this.assertUnique(actor.workspaceId, changes, null, m);
      const customer = await this.insert(m, {
        workspaceId: actor.workspaceId,
        ...Object.fromEntries(SCALAR_FIELDS.map((f) => [f, changes[f] ?? null])),
        attributes: changes.attributes ?? {},
        consent: changes.consent ?? {},
        tags: changes.tags ?? [],
      } as Omit<Customer, 'id' | 'createdAt' | 'updatedAt' | 'erasedAt'>);
      const fields = Object.keys(changes).filter((f) => !isEmpty(changes[f as keyof ProfileChanges]));
      await this.audit.record(actor, { action: 'customer.create', objectType: 'customer', objectId: customer.id, after: { fields } }, m);
      return toCustomerDetailDto(customer, null);
    });
  }

  async update(actor: Actor, id: string, input: ProfileInput): Promise<CustomerDetailDto> {
    requirePermission(actor, 'customers:write');
    const changes = normalizeProfile(input, { patch: true, source: sourceOf(actor), now: new Date() });
    return this.transactions.run(async (m) => {
      const customer = await this.customers.findById(actor.workspaceId, id, m, true);
      if (!customer) throw profilesError.customerNotFound();
      if (customer.erasedAt) throw profilesError.erased();
      const before = JSON.parse(JSON.stringify(customer)) as Record<string, unknown>;
      for (const field of SCALAR_FIELDS) if (field in changes) customer[field] = changes[field] ?? null;
      if (changes.attributes) customer.attributes = mergeAttributes(customer.attributes, changes.attributes);
      if (changes.tags) customer.tags = changes.tags;
      if (changes.consent) customer.consent = { ...customer.consent, ...changes.consent };
      if (!customer.externalId && !customer.email && !customer.phone) throw profilesError.noIdentifier();
      const changed = [...SCALAR_FIELDS, 'attributes', 'tags', 'consent'].filter(
        (f) => JSON.stringify(before[f]) !== JSON.stringify(customer[f as keyof Customer]),
      );
      if (!changed.length) return toCustomerDetailDto(customer, await this.customers.findTraits(actor.workspaceId, id, m));
      await this.assertUnique(
        actor.workspaceId,
        { externalId: changed.includes('externalId') ? customer.externalId : null, email: changed.includes('email') ? customer.email : null },
        id,
        m,
      );
      const saved = await this.save(m, customer);
      await this.audit.record(actor, { action: 'customer.update', objectType: 'customer', objectId: id, after: { changedFields: changed } }, m);
      return toCustomerDetailDto(saved, await this.customers.findTraits(actor.workspaceId, id, m));
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

  private async assertUnique(workspaceId: string, keys: ProfileChanges, exceptId: string | null, m: EntityManager): Promise<void> {
    const duplicate = await this.customers.findDuplicate(workspaceId, keys, exceptId, m);
    if (duplicate) throw profilesError.duplicate(duplicate);
  }

  /** Writes through the unique indexes: a concurrent duplicate becomes the same 409 as a detected one. */
  private async insert(m: EntityManager, values: Omit<Customer, 'id' | 'createdAt' | 'updatedAt' | 'erasedAt'>): Promise<Customer> {
    try {
      return await this.customers.insert(values, m);
    } catch (error) {
      throw duplicateProblem(error);
    }
  }

  private async save(m: EntityManager, customer: Customer): Promise<Customer> {
    try {
      return await this.customers.save(customer, m);
    } catch (error) {
      throw duplicateProblem(error);
    }
  }
}

function duplicateProblem(error: unknown): unknown {
  const field = duplicateFieldOf(error);
  return field ? profilesError.duplicate(field) : error;
}

/** Default consent source: who made the change. */
const sourceOf = (actor: Actor) => (actor.type === 'api_key' ? 'api' : 'console');

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && !value.length) || (typeof value === 'object' && !Object.keys(value as object).length);
