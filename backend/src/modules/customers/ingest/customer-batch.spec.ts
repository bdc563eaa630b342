import { UpsertBatch } from './customer-batch';
import type { NormalizedCustomer } from './customer-validation';

/** Folds items into a batch, as the engine does; `conflicts` are the items rejected while folding. */
const foldBatch = (...raw: object[]) => {
  const batch = new UpsertBatch('api', '2025-01-01T00:00:00.000Z');
  raw.forEach((item) => batch.add(item));
  return { groups: batch.groups, conflicts: batch.outcomes.filter(Boolean) };
};
const only = (groups: { customer: NormalizedCustomer }[]) => {
  expect(groups).toHaveLength(1);
  return groups[0].customer;
};

describe('UpsertBatch', () => {
  it('keeps distinct customers apart', () => {
    const { groups, conflicts } = foldBatch(
      { externalId: 'a' },
      { externalId: 'b' },
      { email: 'c@x.io' },
    );
    expect(groups.map((g) => g.indexes)).toEqual([[0], [1], [2]]);
    expect(conflicts).toEqual([]);
  });

  it('merges items with the same external id or email in order', () => {
    const { groups } = foldBatch(
      {
        externalId: 'a',
        email: 'a@x.io',
        firstName: 'One',
        attributes: { k: 1, drop: true },
        tags: ['t1'],
      },
      {
        email: 'a@x.io',
        lastName: 'Two',
        attributes: { drop: null },
        tags: ['t2', 't1'],
      },
      { externalId: 'a', firstName: 'Three', city: null },
    );
    expect(groups[0].indexes).toEqual([0, 1, 2]);
    expect(only(groups)).toMatchObject({
      externalId: 'a',
      email: 'a@x.io',
      firstName: 'Three',
      lastName: 'Two',
      city: null,
      attributes: { k: 1 },
      unset: ['drop'],
      tags: ['t1', 't2'],
    });
  });

  it('links an email-only item to a later one that adds the external id', () => {
    const { groups } = foldBatch(
      { email: 'e@x.io', firstName: 'E' },
      { externalId: 'e1', email: 'e@x.io' },
    );
    expect(only(groups)).toMatchObject({
      externalId: 'e1',
      email: 'e@x.io',
      firstName: 'E',
    });
  });

  it('keeps the newer consent per channel (a later item wins a tie), and the first time of a repeated status', () => {
    const { groups } = foldBatch(
      {
        externalId: 'a',
        consent: {
          email: { status: 'subscribed', updatedAt: '2024-03-01T00:00:00Z' },
          sms: { status: 'pending' },
          push: { status: 'subscribed', updatedAt: '2024-01-01T00:00:00Z' },
        },
      },
      {
        externalId: 'a',
        consent: {
          email: { status: 'unsubscribed', updatedAt: '2024-02-01T00:00:00Z' },
          sms: { status: 'subscribed' },
          push: { status: 'subscribed', updatedAt: '2024-05-01T00:00:00Z' },
        },
      },
    );
    expect(only(groups).consent).toEqual({
      email: {
        status: 'subscribed',
        source: 'api',
        updatedAt: '2024-03-01T00:00:00.000Z',
      },
      sms: {
        status: 'subscribed',
        source: 'api',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
      push: {
        status: 'subscribed',
        source: 'api',
        updatedAt: '2024-01-01T00:00:00.000Z',
      },
    });
  });

  it('rejects an item whose email an item with another external id already used, and records nothing of it', () => {
    const { groups, conflicts } = foldBatch(
      { externalId: 'a', email: 'same@x.io' },
      { externalId: 'b', email: 'same@x.io' },
      { externalId: 'b' },
      { externalId: 'b', email: 'same@x.io' },
    );
    expect(groups.map((g) => g.indexes)).toEqual([[0], [2]]);
    expect(conflicts.map((c) => [c.index, c.field])).toEqual([
      [1, 'email'],
      [3, 'email'],
    ]);
    expect(conflicts[0].reason).toContain('item 0');
    expect(groups[1].customer.email).toBeNull();
  });

  it('rejects invalid items by position and folds the rest', () => {
    const { groups, conflicts } = foldBatch(
      { email: 'bad' },
      { externalId: 'ok' },
    );
    expect(conflicts).toEqual([
      {
        index: 0,
        status: 'rejected',
        field: 'email',
        reason: expect.stringContaining('bad'),
      },
    ]);
    expect(groups.map((g) => g.indexes)).toEqual([[1]]);
  });
});
