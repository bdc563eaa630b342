import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { CUSTOMER_EXPORTS_QUEUE } from './customer-exports.jobs';
import { CustomerExportsService } from './customer-exports.service';
import { auditRows, insertCustomer, insertTraits } from './profiles.fixtures.test';

/** CSV exports end to end: HTTP → row + Bull job → worker streams the list query into a file → download. */
describe('customer CSV exports', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let queue: Queue;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    queue = app.get<Queue>(getQueueToken(CUSTOMER_EXPORTS_QUEUE));
    ws = await createWorkspace(app, url, 'Exports');
    other = await createWorkspace(app, url, 'Other exports');
    const w = ws.workspaceId;
    const ada = await insertCustomer(ds, w, {
      email: 'ada@x.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
      externalId: 'c-1',
      phone: '+441234567890',
      country: 'GB',
      tags: ['vip', 'early'],
      attributes: { plan: 'pro', seats: 3, interests: ['math', 'poetry'] },
      consent: { email: { status: 'subscribed', source: 'form', updatedAt: '2024-01-01T00:00:00.000Z' } },
      createdAt: '2024-01-01T00:00:00Z',
    });
    await insertTraits(ds, w, ada, { totalSpent: 120.5, orderCount: 3, rfmTier: 'Loyal', churnRisk: 'low', lastOrderAt: '2025-01-05T10:00:00Z', clv: 400, engagementScore: 55 });
    await insertCustomer(ds, w, { email: 'bob@x.test', firstName: '=HYPERLINK("http://evil")', country: 'GB', attributes: { plan: 'free' }, createdAt: '2024-01-02T00:00:00Z' });
    await insertCustomer(ds, w, { email: 'cy@x.test', country: 'US', createdAt: '2024-01-03T00:00:00Z' });
    await insertCustomer(ds, w, { country: 'GB', erasedAt: '2025-01-01T00:00:00Z' });
    await insertCustomer(ds, other.workspaceId, { email: 'intruder@x.test', country: 'GB' });
  });
  afterAll(() => app.close());

  const waitForExport = async (token: string, id: string) => {
    for (let i = 0; i < 100; i++) {
      const res = await call(url, 'GET', `/api/customers/exports/${id}`, { token });
      if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`export ${id} did not finish`);
  };

  const download = async (token: string, id: string) => {
    const res = await fetch(`${url}/api/customers/exports/${id}/download`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, bytes, text: bytes.toString('utf8') };
  };

  it('queues an export with the list filters, writes the CSV in the background and serves it', async () => {
    await queue.pause(true);
    const created = await call(url, 'POST', '/api/customers/exports', { token: ws.owner.token, body: { country: ['gb'], sort: '-email' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'queued',
      filters: { country: ['GB'], sort: '-email' },
      rowCount: 0,
      error: null,
      createdBy: ws.owner.email,
      finishedAt: null,
    });
    const id = created.body.id;
    const early = await call(url, 'GET', `/api/customers/exports/${id}/download`, { token: ws.owner.token });
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/export-not-ready$/);
    expect(await auditRows(ds, ws.workspaceId, id)).toEqual([
      { action: 'customer_export.create', before: null, after: { filters: { country: ['GB'], sort: '-email' }, search: false } },
    ]);

    await queue.resume(true);
    const done = await waitForExport(ws.owner.token, id);
    expect(done).toMatchObject({ status: 'completed', rowCount: 2, error: null, finishedAt: expect.any(String) });

    const { res, bytes, text } = await download(ws.owner.token, id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="customers-\\d{4}-\\d\\d-\\d\\d-${id.slice(0, 8)}\\.csv"$`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheets
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(rows.map((r) => r.email)).toEqual(['bob@x.test', 'ada@x.test']); // GB only, -email, not erased, not the other workspace
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['id', 'externalId', 'consent.email', 'rfmTier', 'attributes.interests', 'attributes.plan', 'attributes.seats']));
    expect(rows[1]).toMatchObject({
      externalId: 'c-1',
      firstName: 'Ada',
      phone: '+441234567890',
      country: 'GB',
      tags: 'vip|early',
      'consent.email': 'subscribed',
      'consent.sms': '',
      createdAt: '2024-01-01T00:00:00.000Z',
      totalSpent: '120.5',
      orderCount: '3',
      lastOrderAt: '2025-01-05T10:00:00.000Z',
      rfmTier: 'Loyal',
      churnRisk: 'low',
      clv: '400',
      engagementScore: '55',
      nightBuyer: 'false',
      'attributes.plan': 'pro',
      'attributes.seats': '3',
      'attributes.interests': 'math|poetry',
    });
    expect(rows[0]).toMatchObject({ firstName: `'=HYPERLINK("http://evil")`, totalSpent: '0', orderCount: '0', rfmTier: '', 'attributes.plan': 'free', 'attributes.seats': '' });
  });

  it('writes large exports batch by batch through the cursor', async () => {
    const big = await createWorkspace(app, url, 'Big export');
    await ds.query(
      `INSERT INTO customers (workspace_id, email, country, created_at)
       SELECT $1, 'user' || g || '@big.test', CASE WHEN g % 2 = 0 THEN 'DE' ELSE 'FR' END, now() - g * interval '1 second'
         FROM generate_series(1, 2500) g`,
      [big.workspaceId],
    );
    const created = await call(url, 'POST', '/api/customers/exports', { token: big.owner.token, body: { country: ['DE'], sort: 'createdAt' } });
    const done = await waitForExport(big.owner.token, created.body.id);
    expect(done).toMatchObject({ status: 'completed', rowCount: 1250 });
    const rows: Record<string, string>[] = parse((await download(big.owner.token, created.body.id)).text, { bom: true, columns: true });
    expect(rows).toHaveLength(1250);
    expect(new Set(rows.map((r) => r.email)).size).toBe(1250);
    expect(rows[0].email).toBe('user2500@big.test'); // oldest first
    expect(rows.every((r) => r.country === 'DE')).toBe(true);
  });

  it('finishes an export left running by a worker that died when Bull runs its job again', async () => {
    const crashed = await createWorkspace(app, url, 'Crashed export');
    await insertCustomer(ds, crashed.workspaceId, { email: 'dee@x.test', country: 'US' });
    const [row] = await ds.query(
      `INSERT INTO customer_exports (workspace_id, created_by, filters, status) VALUES ($1, 'test', '{"country":["US"],"sort":"createdAt"}', 'running') RETURNING id`,
      [crashed.workspaceId],
    );
    await app.get(CustomerExportsService).run({ workspaceId: crashed.workspaceId, exportId: row.id }, { attempt: 2, maxAttempts: 3 });
    const done = await call(url, 'GET', `/api/customers/exports/${row.id}`, { token: crashed.owner.token });
    expect(done.body).toMatchObject({ status: 'completed', rowCount: 1 });
    expect((await download(crashed.owner.token, row.id)).text).toContain('dee@x.test');
  });

  it('lists exports newest first, page by page, and only the workspace’s own', async () => {
    const second = await call(url, 'POST', '/api/customers/exports', { token: ws.owner.token, body: { q: 'ada', includeErased: true } });
    expect(second.status).toBe(201);
    expect((await auditRows(ds, ws.workspaceId, second.body.id))[0].after).toEqual({ filters: { includeErased: true, sort: '-createdAt' }, search: true });
    await waitForExport(ws.owner.token, second.body.id);
    const first = await call(url, 'GET', '/api/customers/exports?limit=1', { token: ws.owner.token });
    expect(first.body.items.map((x: { id: string }) => x.id)).toEqual([second.body.id]);
    const rest = await call(url, 'GET', `/api/customers/exports?limit=10&cursor=${first.body.nextCursor}`, { token: ws.owner.token });
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    expect((await call(url, 'GET', '/api/customers/exports', { token: other.owner.token })).body.items).toEqual([]);
  });

  it('answers 400 naming the field for bad filters, and 404 for another workspace’s export', async () => {
    const cases: [unknown, string][] = [
      [{ country: ['Germany'] }, 'country'],
      [{ sort: 'shoeSize' }, 'sort'],
      [{ rfmTier: ['Royalty'] }, 'rfmTier'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await call(url, 'POST', '/api/customers/exports', { token: ws.owner.token, body });
      expect({ field, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ field, status: 400, fields: [field] });
    }
    const mine = (await call(url, 'GET', '/api/customers/exports?limit=1', { token: ws.owner.token })).body.items[0].id;
    expect((await call(url, 'GET', `/api/customers/exports/${mine}`, { token: other.owner.token })).status).toBe(404);
    expect((await call(url, 'GET', `/api/customers/exports/${mine}/download`, { token: other.owner.token })).status).toBe(404);
    expect((await call(url, 'GET', '/api/customers/exports/nope', { token: ws.owner.token })).body.errors[0].field).toBe('id');
  });
});
