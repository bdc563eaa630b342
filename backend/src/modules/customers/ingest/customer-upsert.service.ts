import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../../platform/database/transactions';
import { UpsertBatch } from './customer-batch';
import type { BatchGroup } from './customer-batch';
import type { CustomerInput, UpsertOutcome } from './customer-input';
import { CustomerUpsertRepository } from './customer-upsert.repository';
import type { StagedOutcome } from './customer-upsert.repository';

/**
 * The one upsert engine for customers, used by the bulk API and by file imports.
 *
 * - **Validation** per item (see customer-validation); a bad item is rejected with its reason and
 *   field, never an error for the batch.
 * - **Matching**: by external id first, else by email. An item whose email belongs to another customer than
 *   its external id, or to a customer with another external id, is rejected; so is one addressing an
 *   erased customer.
 * - **Duplicates in a batch** are merged in batch order into one write, as if applied one after the other
 *   (the first of them reports `created` when the customer is new, the others `updated`); identity
 *   conflicts are judged against the customers as they were before the batch.
 * - **Merge rules on update**: given fields overwrite (an explicit null clears), absent fields stay;
 *   attributes merge key by key (a null value removes the key); tags are the union; consent is replaced per
 *   channel only by another status with a newer `updatedAt` (the same status again keeps the time it was
 *   first given). A customer the merge leaves unchanged is not rewritten (still reported `updated`).
 * - **Set-based**: the batch is copied into a temporary staging table and applied in a few statements, in
 *   one transaction (the caller's, when given) that holds the workspace's upsert lock, so concurrent batches
 *   of a workspace never create the same customer twice.
 */
@Injectable()
export class CustomerUpsertService {
  constructor(
    private readonly repository: CustomerUpsertRepository,
    private readonly transactions: Transactions,
  ) {}

  async upsertMany(workspaceId: string, items: unknown[], options: { source: string }, manager?: EntityManager): Promise<UpsertOutcome[]> {
    const batch = this.startBatch(options);
    for (const item of items) batch.add(item);
    return this.apply(workspaceId, batch, manager);
  }

  /** A batch to fill item by item (validated as added), then {@link apply}: how a file import feeds rows as it reads them. */
  startBatch(options: { source: string }): UpsertBatch {
    return new UpsertBatch(options.source);
  }

  /** Stores a batch; one outcome per item, in order. */
  async apply(workspaceId: string, batch: UpsertBatch, manager?: EntityManager): Promise<UpsertOutcome[]> {
    if (!manager) return this.transactions.run((m) => this.apply(workspaceId, batch, m));
    const outcomes = [...batch.outcomes];
    outcomes.length = batch.size;
    if (batch.groups.length) {
      await this.repository.lockWorkspace(manager, workspaceId);
      const staged = await this.repository.upsert(manager, workspaceId, batch.groups.map((g) => g.customer));
      for (const row of staged) record(outcomes, batch.groups, row);
    }
    return outcomes;
  }
}

function record(outcomes: UpsertOutcome[], groups: BatchGroup[], row: StagedOutcome): void {
  const group = groups[row.ord];
  if (row.problem) {
    const { reason, field } = describeProblem(row, group, groups);
    for (const index of group.indexes) outcomes[index] = { index, status: 'rejected', reason, field };
    return;
  }
  group.indexes.forEach((index, n) => {
    outcomes[index] = { index, status: row.isNew && n === 0 ? 'created' : 'updated', customerId: row.customerId };
  });
}

function describeProblem(row: StagedOutcome, group: BatchGroup, groups: BatchGroup[]): { reason: string; field: string } {
  const { externalId, email } = group.customer;
  const owner = row.ownerExternalId ? `external id ${row.ownerExternalId}` : `id ${row.ownerId}`;
  switch (row.problem) {
    case 'email-taken':
      return { field: 'email', reason: `email ${email} belongs to another customer (${owner}) than external id ${externalId}` };
    case 'email-other-external-id':
      return { field: 'email', reason: `email ${email} belongs to the customer with ${owner}, not ${externalId}` };
    case 'erased':
      return { field: externalId ? 'externalId' : 'email', reason: 'this customer was erased (GDPR) and cannot be written again' };
    case 'same-customer': {
      const first = groups[row.firstOrd ?? 0].indexes[0];
      return { field: 'email', reason: `refers to the same customer as item ${first} of this batch, by another external id or email` };
    }
    default:
      return { field: externalId ? 'externalId' : 'email', reason: 'a customer with this external id or email was written at the same moment; send it again' };
  }
}

export type { CustomerInput };
