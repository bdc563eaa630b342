import type { ChannelConsent, ConsentChannel } from '../customers.types';
import type { UpsertOutcome } from './customer-input';
import { FIELD_BIT, PROFILE_FIELDS, validateCustomerInput } from './customer-validation';
import type { NormalizedCustomer } from './customer-validation';

/** Items of one batch that refer to the same customer, merged in order into one row to store. */
export interface BatchGroup {
  customer: NormalizedCustomer;
  /** Positions of the merged items in the batch, in order. */
  indexes: number[];
}

/**
 * A batch for the upsert engine, built item by item (so a file import validates rows as it reads them):
 * each item is validated ({@link validateCustomerInput}) and folded into the batch's groups. Items that refer
 * to the same customer — the same external id, or the same email — are merged in batch order, exactly as the
 * update rules would apply them one after the other (see {@link mergeInto}). An item whose email was already
 * used in this batch by an item with another external id conflicts and is rejected; so is one whose external id
 * and email point at two different earlier items. The first email of a group stays bound to it even if a later
 * item changes the email.
 */
export class UpsertBatch {
  /** Rejections decided so far, by position; the engine fills in the rest when the batch is stored. */
  readonly outcomes: UpsertOutcome[] = [];
  readonly groups: BatchGroup[] = [];
  private readonly byExternalId = new Map<string, BatchGroup>();
  private readonly byEmail = new Map<string, BatchGroup>();
  private count = 0;

  constructor(
    private readonly source: string,
    private readonly now = new Date().toISOString(),
  ) {}

  get size(): number {
    return this.count;
  }

  /** Adds an item; returns its position in the batch. */
  add(item: unknown): number {
    const index = this.count++;
    const result = validateCustomerInput(item, this.source, this.now);
    if (!result.ok) this.outcomes[index] = { index, status: 'rejected', reason: result.reason, field: result.field };
    else this.fold(index, result.customer);
    return index;
  }

  private fold(index: number, customer: NormalizedCustomer): void {
    const { externalId, email } = customer;
    const sameId = externalId ? this.byExternalId.get(externalId) : undefined;
    const sameEmail = email ? this.byEmail.get(email) : undefined;
    if (sameEmail && sameEmail !== sameId && (sameId || (externalId && sameEmail.customer.externalId && sameEmail.customer.externalId !== externalId))) {
      const reason = `email ${email} is already used in this batch by item ${sameEmail.indexes[0]}, which has another external id`;
      this.outcomes[index] = { index, status: 'rejected', reason, field: 'email' };
      return;
    }
    let group = sameId ?? sameEmail;
    if (group) {
      mergeInto(group.customer, customer);
      group.indexes.push(index);
    } else {
      group = { customer: { ...customer }, indexes: [index] };
      this.groups.push(group);
    }
    if (group.customer.externalId) this.byExternalId.set(group.customer.externalId, group);
    if (email) this.byEmail.set(email, group);
  }
}

/**
 * The update rules, applied to `into` in place: given profile fields overwrite (a given null clears),
 * absent ones stay; attributes merge key by key (a null removes the key); tags are the union; consent is
 * replaced per channel only by another status with a newer `updatedAt` — within a batch, by a later item with
 * the same time too; the same status again keeps the time it was first given.
 */
export function mergeInto(into: NormalizedCustomer, next: NormalizedCustomer): void {
  for (const field of PROFILE_FIELDS) {
    if (next.given & FIELD_BIT[field]) into[field] = next[field];
  }
  into.given |= next.given;
  if (next.attributes || next.unset) {
    const attributes = { ...into.attributes };
    for (const key of next.unset ?? []) delete attributes[key];
    Object.assign(attributes, next.attributes);
    const unset = new Set(into.unset);
    for (const key of Object.keys(next.attributes ?? {})) unset.delete(key);
    for (const key of next.unset ?? []) unset.add(key);
    into.attributes = Object.keys(attributes).length ? attributes : null;
    into.unset = unset.size ? [...unset] : null;
  }
  if (next.tags) into.tags = [...new Set([...(into.tags ?? []), ...next.tags])];
  if (next.consent) {
    const consent: Partial<Record<ConsentChannel, ChannelConsent>> = { ...into.consent };
    for (const [channel, entry] of Object.entries(next.consent) as [ConsentChannel, ChannelConsent][]) {
      const current = consent[channel];
      if (!current || (entry.status !== current.status && Date.parse(entry.updatedAt) >= Date.parse(current.updatedAt))) consent[channel] = entry;
    }
    into.consent = consent;
  }
}
