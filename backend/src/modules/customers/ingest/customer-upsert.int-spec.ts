import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { CustomerUpsertService } from './customer-upsert.service';

interface Row {
  id: string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  timezone: string | null;
  locale: string | null;
  country: string | null;
  attributes: Record<string, unknown>;
  consent: Record<string, { status: string; source: string; updatedAt: string }>;
  tags: string[];
}

/** The upsert engine against the real database: matching, merge rules, batch duplicates, conflicts, concurrency. */
describe('CustomerUpsertService', () => {
  let app: NestFastifyApplication;
  let upserts: CustomerUpsertService;
  let db: DataSource;
  let ws: string;

  const customers = (workspaceId = ws): Promise<Row[]> =>
    db.query('SELECT * FROM customers WHERE workspace_id = $1 ORDER BY created_at, external_id', [workspaceId]);
  const one = async (id: string | undefined): Promise<Row> => (await db.query('SELECT * FROM customers WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    let url: string;
    ({ app, url } = await startTestApp());
    upserts = app.get(CustomerUpsertService);
    db = app.get(DataSource);
    ws = (await createWorkspace(app, url)).workspaceId;
  });
  afterAll(() => app.close());

  it('creates customers with normalized fields and rejects bad items with their field, storing the rest', async () => {
    const outcomes = await upserts.upsertMany(
      ws,
      [
        {
          externalId: 'n-1',
          email: '  Ada@Example.COM ',
          phone: '030 1234567',
          country: 'de',
          firstName: ' Ada ',
          timezone: 'europe/berlin',
          locale: 'de_de',
          attributes: { plan: 'gold', seats: 3, vip: true, since: '2024-01-31', langs: ['de', 'en'] },
          consent: { email: { status: 'subscribed', updatedAt: '2024-05-01T12:00:00+02:00' } },
          tags: ['b', ' a ', 'b'],
        },
        { externalId: 'n-2', email: 'not-an-email' },
        { email: 'x@example.com', phone: '12345' },
        { firstName: 'No identifiers' },
        { externalId: 'n-5', timezone: 'Mars/Olympus' },
        { externalId: 'n-6', attributes: { nested: { a: 1 } } },
        { externalId: 'n-7', attributes: { '9lives': 1 } },
        { externalId: 'n-8', consent: { sms: { status: 'maybe' } } },
        { externalId: 'n-9', country: 'XX' },
        { externalId: 'n-10', unknownField: 1 },
        'not an object',
        { externalId: 'n-12', phone: '+1 415 555 2671', locale: 'en-us' },
      ],
      { source: 'api' },
    );
    expect(outcomes.map((o) => [o.status, o.field])).toEqual([
      ['created', undefined],
      ['rejected', 'email'],
      ['rejected', 'phone'],
      ['rejected', 'externalId'],
      ['rejected', 'timezone'],
      ['rejected', 'attributes.nested'],
      ['rejected', 'attributes.9lives'],
      ['rejected', 'consent.sms.status'],
      ['rejected', 'country'],
      ['rejected', 'unknownField'],
      ['rejected', undefined],
      ['created', undefined],
    ]);
    expect(outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(outcomes[1].reason).toContain('not-an-email');
    const ada = await one(outcomes[0].customerId);
    expect(ada).toMatchObject({
      external_id: 'n-1',
      email: 'ada@example.com',
      phone: '+49301234567',
      country: 'DE',
      first_name: 'Ada',
      timezone: 'Europe/Berlin',
      locale: 'de-DE',
      attributes: { plan: 'gold', seats: 3, vip: true, since: '2024-01-31', langs: ['de', 'en'] },
      consent: { email: { status: 'subscribed', source: 'api', updatedAt: '2024-05-01T10:00:00.000Z' } },
      tags: ['b', 'a'],
    });
    expect((await one(outcomes[11].customerId)).phone).toBe('+14155552671');
    expect((await customers()).length).toBe(2);
  });

  it('matches by external id, else by email, and merges by the update rules', async () => {
    const [first] = await upserts.upsertMany(
      ws,
      [
        {
          externalId: 'm-1',
          email: 'grace@example.com',
          firstName: 'Grace',
          lastName: 'Hopper',
          attributes: { plan: 'silver', seats: 1 },
          consent: {
            email: { status: 'subscribed', updatedAt: '2024-01-01T00:00:00Z' },
            sms: { status: 'subscribed', updatedAt: '2024-06-01T00:00:00Z' },
            push: { status: 'subscribed', updatedAt: '2024-01-01T00:00:00Z' },
          },
          tags: ['early'],
        },
      ],
      { source: 'api' },
    );
    const byId = await upserts.upsertMany(
      ws,
      [
        {
          externalId: 'm-1',
          lastName: null,
          attributes: { plan: 'gold', seats: null, region: 'EU' },
          consent: {
            email: { status: 'unsubscribed', source: 'preference-center', updatedAt: '2024-02-01T00:00:00Z' },
            sms: { status: 'unsubscribed', updatedAt: '2024-03-01T00:00:00Z' },
            push: { status: 'subscribed', updatedAt: '2024-04-01T00:00:00Z' },
          },
          tags: ['vip', 'early'],
        },
      ],
      { source: 'api' },
    );
    expect(byId[0]).toMatchObject({ status: 'updated', customerId: first.customerId });
    const byEmail = await upserts.upsertMany(ws, [{ email: 'GRACE@example.com', city: 'Arlington' }], { source: 'api' });
    expect(byEmail[0]).toMatchObject({ status: 'updated', customerId: first.customerId });
    const grace = await one(first.customerId);
    expect(grace).toMatchObject({
      external_id: 'm-1',
      email: 'grace@example.com',
      first_name: 'Grace', // absent: kept
      last_name: null, // given null: cleared
      attributes: { plan: 'gold', region: 'EU' },
      consent: {
        email: { status: 'unsubscribed', source: 'preference-center', updatedAt: '2024-02-01T00:00:00.000Z' }, // newer: replaced
        sms: { status: 'subscribed', source: 'api', updatedAt: '2024-06-01T00:00:00.000Z' }, // older: kept
        push: { status: 'subscribed', source: 'api', updatedAt: '2024-01-01T00:00:00.000Z' }, // same status: first time kept
      },
      tags: ['early', 'vip'],
    });
    expect((grace as unknown as { city: string }).city).toBe('Arlington');
  });

  it('does not rewrite a customer the merge leaves unchanged, and reports it updated', async () => {
    const item = { externalId: 'same-1', email: 'same@example.com', attributes: { a: 1 }, tags: ['t'], consent: { sms: { status: 'pending' } } };
    const [created] = await upserts.upsertMany(ws, [item], { source: 'api' });
    const before = (await db.query('SELECT xmin::text AS version, updated_at FROM customers WHERE id = $1', [created.customerId]))[0];
    const [again] = await upserts.upsertMany(ws, [item], { source: 'api' });
    expect(again).toMatchObject({ status: 'updated', customerId: created.customerId });
    expect((await db.query('SELECT xmin::text AS version, updated_at FROM customers WHERE id = $1', [created.customerId]))[0]).toEqual(before);
    await upserts.upsertMany(ws, [{ ...item, tags: ['u'] }], { source: 'api' });
    expect((await one(created.customerId)).tags).toEqual(['t', 'u']);
  });

  it('links an email-only customer to an external id, and rejects an email that belongs to another external id', async () => {
    const [emailOnly] = await upserts.upsertMany(ws, [{ email: 'linus@example.com' }], { source: 'api' });
    const [linked] = await upserts.upsertMany(ws, [{ externalId: 'l-1', email: 'linus@example.com' }], { source: 'api' });
    expect(linked).toMatchObject({ status: 'updated', customerId: emailOnly.customerId });
    expect((await one(emailOnly.customerId)).external_id).toBe('l-1');

    await upserts.upsertMany(ws, [{ externalId: 'l-2', email: 'ken@example.com' }], { source: 'api' });
    const [newIdOldEmail] = await upserts.upsertMany(ws, [{ externalId: 'l-3', email: 'linus@example.com' }], { source: 'api' });
    expect(newIdOldEmail).toMatchObject({ status: 'rejected', field: 'email', reason: expect.stringContaining('external id l-1, not l-3') });
    const [twoOwners] = await upserts.upsertMany(ws, [{ externalId: 'l-2', email: 'LINUS@example.com' }], { source: 'api' });
    expect(twoOwners).toMatchObject({ status: 'rejected', field: 'email', reason: expect.stringContaining('(external id l-1) than external id l-2') });
    expect((await db.query(`SELECT count(*)::int AS n FROM customers WHERE workspace_id = $1 AND external_id = 'l-3'`, [ws]))[0].n).toBe(0);
  });

  it('merges duplicates inside one batch in order, and rejects an in-batch email clash', async () => {
    const outcomes = await upserts.upsertMany(
      ws,
      [
        { externalId: 'd-1', email: 'dup@example.com', firstName: 'First', tags: ['a'], attributes: { x: 1 } },
        { email: 'DUP@example.com', lastName: 'Last', tags: ['b'] },
        { externalId: 'd-1', firstName: 'Second', attributes: { y: 2 } },
        { externalId: 'd-2', email: 'dup@example.com' },
      ],
      { source: 'api' },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'updated', 'updated', 'rejected']);
    expect(new Set(outcomes.slice(0, 3).map((o) => o.customerId)).size).toBe(1);
    expect(outcomes[3]).toMatchObject({ field: 'email', reason: expect.stringContaining('item 0') });
    expect(await one(outcomes[0].customerId)).toMatchObject({
      external_id: 'd-1',
      email: 'dup@example.com',
      first_name: 'Second',
      last_name: 'Last',
      tags: ['a', 'b'],
      attributes: { x: 1, y: 2 },
    });
  });

  it('stores a batch in the caller transaction: rolled back with it', async () => {
    await expect(
      db.transaction(async (manager) => {
        const [outcome] = await upserts.upsertMany(ws, [{ externalId: 'tx-1' }], { source: 'api' }, manager);
        expect(outcome.status).toBe('created');
        throw new Error('caller fails after the upsert');
      }),
    ).rejects.toThrow('caller fails');
    expect((await db.query(`SELECT count(*)::int AS n FROM customers WHERE workspace_id = $1 AND external_id = 'tx-1'`, [ws]))[0].n).toBe(0);
  });

  it('never creates a customer twice when two batches of a workspace run at the same time', async () => {
    const other = (await db.query(`INSERT INTO workspaces (name) VALUES ('concurrency') RETURNING id`))[0].id as string;
    const batch = (tag: string) =>
      Array.from({ length: 300 }, (_, i) => ({ externalId: `c-${i}`, email: `c${i}@example.com`, tags: [tag] }));
    const [a, b] = await Promise.all([
      upserts.upsertMany(other, batch('a'), { source: 'api' }),
      upserts.upsertMany(other, batch('b'), { source: 'api' }),
    ]);
    const created = [...a, ...b].filter((o) => o.status === 'created').length;
    const updated = [...a, ...b].filter((o) => o.status === 'updated').length;
    expect({ created, updated }).toEqual({ created: 300, updated: 300 });
    const rows = await customers(other);
    expect(rows.length).toBe(300);
    expect(rows.every((r) => r.tags.length === 2)).toBe(true);
  });

  it('keeps workspaces apart: the same external id in two workspaces is two customers', async () => {
    const other = (await db.query(`INSERT INTO workspaces (name) VALUES ('isolation') RETURNING id`))[0].id as string;
    const [mine] = await upserts.upsertMany(ws, [{ externalId: 'iso-1', firstName: 'Mine' }], { source: 'api' });
    const [theirs] = await upserts.upsertMany(other, [{ externalId: 'iso-1', firstName: 'Theirs' }], { source: 'api' });
    expect(theirs.status).toBe('created');
    expect(theirs.customerId).not.toBe(mine.customerId);
    expect((await one(mine.customerId)).first_name).toBe('Mine');
  });
});
