import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, TestUser, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { insertCustomer, insertOrder } from './profiles.fixtures.test';

/** Who may do what with customers, and that workspace A never reaches B's customers or exports. */
describe('customer profiles access', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let analyst: TestUser;
  let viewer: TestUser;
  let manager: TestUser;
  let mine: string;
  let theirs: string;
  let theirExport: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    a = await createWorkspace(app, url, 'A');
    b = await createWorkspace(app, url, 'B');
    [analyst, viewer, manager] = [await addMember(app, url, a.workspaceId, 'analyst'), await addMember(app, url, a.workspaceId, 'viewer'), await addMember(app, url, a.workspaceId, 'manager')];
    mine = await insertCustomer(ds, a.workspaceId, { email: 'mine@a.test', firstName: 'Mine' });
    theirs = await insertCustomer(ds, b.workspaceId, { email: 'theirs@b.test', firstName: 'Theirs', country: 'DE' });
    await insertOrder(ds, b.workspaceId, theirs, { amount: 10, placedAt: '2025-01-01T00:00:00Z' });
    theirExport = (await call(url, 'POST', '/api/customers/exports', { token: b.owner.token, body: {} })).body.id;
  });
  afterAll(() => app.close());

  const status = async (user: { token: string }, method: string, path: string, body?: unknown) => (await call(url, method, path, { token: user.token, body })).status;

  it('lets an analyst read and export but not change, erase or delete', async () => {
    expect(await status(analyst, 'GET', '/api/customers')).toBe(200);
    expect(await status(analyst, 'GET', `/api/customers/${mine}/personal-data`)).toBe(200);
    expect(await status(analyst, 'POST', '/api/customers/exports', {})).toBe(201);
    expect(await status(analyst, 'PATCH', `/api/customers/${mine}`, { firstName: 'X' })).toBe(403);
    expect(await status(analyst, 'POST', `/api/customers/${mine}/erase`)).toBe(403);
    expect(await status(analyst, 'DELETE', `/api/customers/${mine}`)).toBe(403);
  });

  it('lets a viewer read only', async () => {
    expect(await status(viewer, 'GET', `/api/customers/${mine}`)).toBe(200);
    expect(await status(viewer, 'GET', `/api/customers/${mine}/timeline`)).toBe(200);
    expect(await status(viewer, 'GET', '/api/customers/facets')).toBe(200);
    expect(await status(viewer, 'POST', '/api/customers', { email: 'v@a.test' })).toBe(403);
    expect(await status(viewer, 'PATCH', `/api/customers/${mine}`, { firstName: 'X' })).toBe(403);
    expect(await status(viewer, 'POST', '/api/customers/exports', {})).toBe(403);
    expect(await status(viewer, 'GET', '/api/customers/exports')).toBe(403);
    expect(await status(viewer, 'GET', `/api/customers/${mine}/personal-data`)).toBe(403);
  });

  it('lets a manager write and export but not erase or delete', async () => {
    expect(await status(manager, 'POST', '/api/customers', { email: 'm@a.test' })).toBe(201);
    expect(await status(manager, 'PATCH', `/api/customers/${mine}`, { lastName: 'Managed' })).toBe(200);
    expect(await status(manager, 'POST', `/api/customers/${mine}/erase`)).toBe(403);
    expect(await status(manager, 'DELETE', `/api/customers/${mine}`)).toBe(403);
    const [row] = await ds.query('SELECT erased_at FROM customers WHERE id = $1', [mine]);
    expect(row.erased_at).toBeNull();
  });

  it("answers 404 to A for every route addressing B's customer or export, and leaves them untouched", async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/customers/${theirs}`],
      ['PATCH', `/api/customers/${theirs}`, { firstName: 'Hijacked' }],
      ['GET', `/api/customers/${theirs}/timeline`],
      ['GET', `/api/customers/${theirs}/spend`],
      ['GET', `/api/customers/${theirs}/personal-data`],
      ['POST', `/api/customers/${theirs}/erase`],
      ['DELETE', `/api/customers/${theirs}`],
      ['GET', `/api/customers/exports/${theirExport}`],
      ['GET', `/api/customers/exports/${theirExport}/download`],
    ];
    for (const [method, path, body] of attempts) {
      expect({ method, path, status: await status(a.owner, method, path, body) }).toEqual({ method, path, status: 404 });
    }
    const [row] = await ds.query('SELECT first_name, email, erased_at FROM customers WHERE id = $1', [theirs]);
    expect(row).toEqual({ first_name: 'Theirs', email: 'theirs@b.test', erased_at: null });
  });

  it("never lists B's customers to A, nor counts them in A's facets and stats", async () => {
    const ids = (await call(url, 'GET', '/api/customers?includeErased=true&limit=200', { token: a.owner.token })).body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect((await call(url, 'GET', '/api/customers?q=theirs', { token: a.owner.token })).body.items).toEqual([]);
    const facets = (await call(url, 'GET', '/api/customers/facets', { token: a.owner.token })).body;
    expect(facets.countries).toEqual([]);
    const stats = (await call(url, 'GET', '/api/customers/stats', { token: a.owner.token })).body;
    expect(stats.months.every((m: { orders: number }) => m.orders === 0)).toBe(true);
  });

  it("lets an API key of A read A's customers only", async () => {
    const key = await call(url, 'POST', '/api/api-keys', { token: a.owner.token, body: { name: 'crm', permissions: ['customers:read'] } });
    const list = await call(url, 'GET', '/api/customers', { apiKey: key.body.secret });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(theirs);
    expect((await call(url, 'GET', `/api/customers/${theirs}`, { apiKey: key.body.secret })).status).toBe(404);
    expect((await call(url, 'POST', '/api/customers', { apiKey: key.body.secret, body: { email: 'k@a.test' } })).status).toBe(403);
  });
});
