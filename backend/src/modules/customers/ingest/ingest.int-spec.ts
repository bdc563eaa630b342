import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { apiKey, event, ingest, insertCustomer } from './ingest.fixtures.test';

/** The bulk API's envelope, access rules and the customers batch. */
describe('bulk ingestion API', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let owner: { token: string };

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url, 'Ingest workspace');
    owner = { token: ws.owner.token };
    await insertCustomer(app, ws.workspaceId, 'cust-1');
  });
  afterAll(() => app.close());

  const eventCount = async () => Number((await ds.query('SELECT count(*) FROM customer_events WHERE workspace_id = $1', [ws.workspaceId]))[0].count);

  it.each([
    ['no items', {}],
    ['items not an array', { items: { 0: {} } }],
    ['empty items', { items: [] }],
    ['1,001 items', { items: Array.from({ length: 1001 }, () => event()) }],
  ])('answers %s with a 400 problem naming `items`', async (_case, body) => {
    const res = await call(url, 'POST', '/api/ingest/events', { ...owner, body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['items']));
  });

  it('refuses unknown top-level fields', async () => {
    const res = await call(url, 'POST', '/api/ingest/orders', { ...owner, body: { items: [event()], dryRun: true } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'dryRun', message: 'property dryRun should not exist' }]);
  });

  it('answers a body that is not JSON with a problem (415 for an unknown media type, 400 otherwise), never a 500', async () => {
    const text = await fetch(`${url}/api/ingest/events`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'text/csv' }, body: 'a,b\n1,2' });
    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toContain('application/problem+json');
    const plain = await fetch(`${url}/api/ingest/events`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'text/plain' }, body: '{"items":[]}' });
    expect(plain.status).toBe(400); // text/plain parses as a string, which has no `items`
    expect((await plain.json()).errors[0].field).toBe('items');
    const broken = await fetch(`${url}/api/ingest/events`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, body: '{"items": [' });
    expect(broken.status).toBe(400);
    expect(await eventCount()).toBe(0);
  });

  it('takes batches larger than the general body limit, up to the ingestion limit', async () => {
    const padding = 'x'.repeat(2_000);
    const items = Array.from({ length: 1000 }, (_, i) => event({ properties: { i, padding } })); // about 2.1 MB, over BODY_LIMIT_BYTES
    const res = await ingest(url, owner, 'events', items);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 1000, updated: 0, rejected: 0 });
    const tooBig = await call(url, 'POST', '/api/ingest/events', { ...owner, body: { items: [event({ properties: { padding: 'x'.repeat(17_000_000) } })] } });
    expect(tooBig.status).toBe(413);
    await ds.query('DELETE FROM customer_events WHERE workspace_id = $1', [ws.workspaceId]);
  });

  it('refuses a malformed Idempotency-Key with a 400 naming the header', async () => {
    for (const key of ['', 'k'.repeat(256), 'clé']) {
      const res = await ingest(url, owner, 'events', [event()], key);
      expect({ key, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ key, status: 400, field: 'Idempotency-Key' });
    }
    expect(await eventCount()).toBe(0);
  });

  it('accepts a batch of 1,000 items', async () => {
    const res = await ingest(url, owner, 'events', Array.from({ length: 1000 }, (_, i) => event({ properties: { n: i } })));
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 1000, updated: 0, rejected: 0 });
    expect(res.body.results.map((r: { index: number }) => r.index)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(await eventCount()).toBe(1000);
  });

  it('works with an API key holding customers:import; refuses a key without it and a viewer (403)', async () => {
    const importer = await apiKey(url, ws.owner.token, ['customers:import']);
    const reader = await apiKey(url, ws.owner.token, ['customers:read']);
    const viewer = await addMember(app, url, ws.workspaceId, 'viewer');
    const before = await eventCount();
    const ok = await ingest(url, { apiKey: importer }, 'events', [event()]);
    expect(ok.status).toBe(200);
    expect(ok.body.summary.created).toBe(1);
    for (const resource of ['customers', 'orders', 'events']) {
      expect((await ingest(url, { apiKey: reader }, resource, [event()])).status).toBe(403);
      expect((await ingest(url, { token: viewer.token }, resource, [event()])).status).toBe(403);
    }
    expect(await eventCount()).toBe(before + 1);
    const [audit] = await ds.query(
      `SELECT actor_type, action, after FROM audit_events WHERE workspace_id = $1 AND action = 'ingest.events' ORDER BY created_at DESC LIMIT 1`,
      [ws.workspaceId],
    );
    expect(audit).toEqual({ actor_type: 'api_key', action: 'ingest.events', after: { items: 1, summary: { created: 1, updated: 0, rejected: 0 }, idempotencyKey: null } });
  });

  it('upserts customers item by item: good items stored, bad ones rejected with reason and field', async () => {
    const res = await ingest(url, owner, 'customers', [
      { externalId: 'c-100', email: 'Grace@Example.com', firstName: 'Grace' },
      { externalId: 'c-101', email: 'not-an-email' },
      'not an object',
      { externalId: 'cust-1', firstName: 'Known' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 1, updated: 1, rejected: 2 });
    const [created, badEmail, notObject, updated] = res.body.results;
    expect(created).toEqual({ index: 0, status: 'created', id: expect.any(String) });
    expect(badEmail).toMatchObject({ index: 1, status: 'rejected', field: 'email', reason: expect.any(String) });
    expect(notObject).toMatchObject({ index: 2, status: 'rejected', reason: expect.any(String) });
    expect(updated).toEqual({ index: 3, status: 'updated', id: expect.any(String) });
    const rows = await ds.query('SELECT external_id, email, first_name FROM customers WHERE workspace_id = $1 ORDER BY external_id', [ws.workspaceId]);
    expect(rows).toEqual([
      { external_id: 'c-100', email: 'grace@example.com', first_name: 'Grace' },
      { external_id: 'cust-1', email: null, first_name: 'Known' },
    ]);
  });
});
