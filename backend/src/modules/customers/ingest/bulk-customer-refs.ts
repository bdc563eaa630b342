import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomerRefsRepository } from './bulk-customer-refs.repository';
import { CustomerUpsertService } from './customer-upsert.service';

/** Identifiers of the customer an order or event belongs to, as sent (already validated). */
export interface CustomerRef {
  customerExternalId?: string;
  customerEmail?: string;
}

export type ResolvedRef = { customerId: string } | { reason: string; field: string };

/** Fields of the upsert engine's input, as named on an order or event. */
const REF_FIELDS: Record<string, string> = { externalId: 'customerExternalId', email: 'customerEmail' };

/**
 * Finds the customer of each order or event of a batch: by external id when one is given, else by email.
 * Customers not found are created through the upsert engine with the identifiers given (one call for the
 * batch, each distinct customer once), which applies the same matching and rules as the customers batch.
 */
@Injectable()
export class CustomerRefResolver {
  constructor(
    private readonly repository: CustomerRefsRepository,
    private readonly upserts: CustomerUpsertService,
  ) {}

  /** One answer per ref, in the same order. */
  async resolve(workspaceId: string, refs: CustomerRef[], manager: EntityManager): Promise<ResolvedRef[]> {
    if (!refs.length) return [];
    const keyed = refs.map((ref) => {
      const email = ref.customerEmail?.trim().toLowerCase();
      const key = ref.customerExternalId !== undefined ? `x:${ref.customerExternalId}` : `e:${email}`;
      return { key, externalId: ref.customerExternalId, email };
    });
    const externalIds = keyed.flatMap((r) => (r.externalId !== undefined ? [r.externalId] : []));
    const emails = keyed.flatMap((r) => (r.externalId === undefined && r.email ? [r.email] : []));
    const found = new Map<string, ResolvedRef>();
    for (const c of await this.repository.findByIdentifiers(workspaceId, externalIds, emails, manager)) {
      if (c.externalId !== null) found.set(`x:${c.externalId}`, { customerId: c.id });
      if (c.email !== null && !found.has(`e:${c.email}`)) found.set(`e:${c.email}`, { customerId: c.id });
    }

    const missing = new Map<string, { externalId?: string; email?: string }>();
    for (const r of keyed) {
      if (found.has(r.key) || missing.has(r.key)) continue;
      missing.set(r.key, { ...(r.externalId !== undefined ? { externalId: r.externalId } : {}), ...(r.email ? { email: r.email } : {}) });
    }
    if (missing.size) {
      const keys = [...missing.keys()];
      const outcomes = await this.upserts.upsertMany(workspaceId, [...missing.values()], { source: 'api' }, manager);
      for (const outcome of outcomes) {
        const key = keys[outcome.index];
        if (outcome.status !== 'rejected' && outcome.customerId) found.set(key, { customerId: outcome.customerId });
        else {
          const field = REF_FIELDS[outcome.field ?? ''] ?? (key.startsWith('x:') ? 'customerExternalId' : 'customerEmail');
          found.set(key, { reason: `The customer could not be created: ${outcome.reason ?? 'rejected'}`, field });
        }
      }
    }
    return keyed.map((r) => {
      const resolved = found.get(r.key);
      if (!resolved) throw new Error(`The upsert engine returned no outcome for customer ${r.key}`);
      return resolved;
    });
  }
}
