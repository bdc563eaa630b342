import type { ChannelConsent, ConsentChannel } from '../customers.types';
import { FIELD_BIT, PROFILE_FIELDS } from './customer-validation';
import type { NormalizedCustomer } from './customer-validation';

/** Items of one batch that refer to the same customer, merged in order into one row to store. */
export interface BatchGroup {
  customer: NormalizedCustomer;
  /** Positions of the merged items in the batch, in order. */
  indexes: number[];
}

export type FoldConflict = { index: number; reason: string; field: string };

/**
 * Merges items of a batch that refer to the same customer — the same external id, or the same email — in
 * batch order, exactly as the update rules would apply them one after the other (see {@link mergeInto}).
 * An item whose email was already used in this batch by an item with another external id conflicts and
 * is rejected; so is one whose external id and email point at two different earlier items.
 */
export function foldBatch(items: { index: number; customer: NormalizedCustomer }[]): { groups: BatchGroup[]; conflicts: FoldConflict[] } {
  const groups: BatchGroup[] = [];
  const conflicts: FoldConflict[] = [];
  const byExternalId = new Map<string, BatchGroup>();
  const byEmail = new Map<string, BatchGroup>();
  for (const { index, customer } of items) {
    const { externalId, email } = customer;
    const sameId = externalId ? byExternalId.get(externalId) : undefined;
    const sameEmail = email ? byEmail.get(email) : undefined;
    if (sameEmail && sameEmail !== sameId && (sameId || (externalId && sameEmail.customer.externalId && sameEmail.customer.externalId !== externalId))) {
      const owner = sameEmail.indexes[0];
      conflicts.push({ index, field: 'email', reason: `email ${email} is already used in this batch by item ${owner}, which has another external id` });
      continue;
    }
    const group = sameId ?? sameEmail;
    if (group) {
      mergeInto(group.customer, customer);
      group.indexes.push(index);
    } else {
      groups.push({ customer: { ...customer }, indexes: [index] });
    }
    const target = group ?? groups[groups.length - 1];
    if (target.customer.externalId) byExternalId.set(target.customer.externalId, target);
    if (email) byEmail.set(email, target);
  }
  return { groups, conflicts };
}

/**
 * The update rules, applied to `into` in place: given profile fields overwrite (a given null clears),
 * absent ones stay; attributes merge key by key (a null removes the key); tags are the union; consent is
 * replaced per channel only by a newer `updatedAt` — within a batch, by a later item with the same time too.
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
      if (!current || Date.parse(entry.updatedAt) >= Date.parse(current.updatedAt)) consent[channel] = entry;
    }
    into.consent = consent;
  }
}
