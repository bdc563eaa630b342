import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { IdempotencyService } from './idempotency.service';
import { event, ingest, insertCustomer, order } from './ingest.fixtures.test';
import { CUSTOMER_INGEST_QUEUE, IngestJobName, PURGE_CRON } from './ingest.jobs';

describe('Idempotency-Key on bulk ingestion', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let owner: { token: string };
  let customerId: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url, 'Idempotency workspace');
    owner = { token: ws.owner.token };
    customerId = await insertCustomer(app, ws.workspaceId, 'cust-1');
  });
  afterAll(() => app.close());

  const countOrders = async (workspaceId = ws.workspaceId) =>
    Number((await ds.query('SELECT count(*) FROM orders WHERE workspace_id = $1', [workspaceId]))[0].count);
  const countEvents = async (type: string) =>
    Number((await ds.query('SELECT count(*) FROM customer_events WHERE workspace_id = $1 AND type = $2', [ws.workspaceId, type]))[0].count);

  it('replays the stored response for the same key and body and applies nothing twice', async () => {
    const items = [order({ externalId: 'i-1' }), order({ currency: 'nope' })];
    const first = await ingest(url, owner, 'orders', items, 'key-replay');
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const ordersAfterFirst = await countOrders();

    // The same content with keys in another order is the same request.
    const reordered = items.map((item) => Object.fromEntries(Object.entries(item).reverse()));
    const second = await ingest(url, owner, 'orders', reordered, 'key-replay');
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await countOrders()).toBe(ordersAfterFirst);
    const [traits] = await ds.query('SELECT order_count FROM customer_traits WHERE customer_id = $1', [customerId]);
    expect(traits.order_count).toBe(1);
  });

  it('refuses the same key with another body (422 naming the header) and applies nothing', async () => {
    await ingest(url, owner, 'events', [event({ type: 'reuse_a' })], 'key-reuse');
    const res = await ingest(url, owner, 'events', [event({ type: 'reuse_b' })], 'key-reuse');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.type).toMatch(/\/idempotency-key-reused$/);
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
    expect(await countEvents('reuse_b')).toBe(0);
  });

  it('applies concurrent requests with the same key once', async () => {
    const items = [event({ type: 'concurrent' }), event({ type: 'concurrent' })];
    const responses = await Promise.all(Array.from({ length: 4 }, () => ingest(url, owner, 'events', items, 'key-race')));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    responses.forEach((r) => expect(r.body).toEqual(responses[0].body));
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(3);
    expect(await countEvents('concurrent')).toBe(2);
  });

  it('scopes keys to the workspace and to the resource', async () => {
    const other = await createWorkspace(app, url, 'Other idempotency workspace');
    await insertCustomer(app, other.workspaceId, 'cust-1');
    const body = [order({ externalId: 'scoped-1' })];
    expect((await ingest(url, owner, 'orders', body, 'key-scope')).body.summary.created).toBe(1);
    const elsewhere = await ingest(url, { token: other.owner.token }, 'orders', body, 'key-scope');
    expect(elsewhere.headers.get('idempotent-replayed')).toBeNull();
    expect(elsewhere.body.summary.created).toBe(1);
    expect(await countOrders(other.workspaceId)).toBe(1);
    const events = await ingest(url, owner, 'events', [event({ type: 'scoped' })], 'key-scope');
    expect(events.headers.get('idempotent-replayed')).toBeNull();
    expect(events.body.summary.created).toBe(1);
  });

  it('treats a key older than 24 hours as new, and the daily job deletes such keys', async () => {
    await ingest(url, owner, 'events', [event({ type: 'expiring' })], 'key-old');
    await ds.query(
      `UPDATE customer_ingest_requests SET created_at = now() - interval '25 hours' WHERE workspace_id = $1 AND idempotency_key = 'key-old'`,
      [ws.workspaceId],
    );
    const again = await ingest(url, owner, 'events', [event({ type: 'expiring' })], 'key-old');
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await countEvents('expiring')).toBe(2);

    await ds.query(`UPDATE customer_ingest_requests SET created_at = now() - interval '25 hours' WHERE workspace_id = $1 AND idempotency_key = 'key-old'`, [
      ws.workspaceId,
    ]);
    const keys = () => ds.query('SELECT idempotency_key FROM customer_ingest_requests WHERE workspace_id = $1 ORDER BY idempotency_key', [ws.workspaceId]);
    expect((await keys()).map((k: { idempotency_key: string }) => k.idempotency_key)).toContain('key-old');
    expect(await app.get(IdempotencyService).purgeExpired()).toBeGreaterThanOrEqual(1);
    const left = (await keys()).map((k: { idempotency_key: string }) => k.idempotency_key);
    expect(left).not.toContain('key-old');
    expect(left).toContain('key-replay');

    const queue = app.get<Queue>(getQueueToken(CUSTOMER_INGEST_QUEUE));
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable).toEqual([expect.objectContaining({ name: IngestJobName.PurgeIdempotencyKeys, cron: PURGE_CRON })]);
  });
});
