import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, TestUser, TestWorkspace } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';
import { all, countryIn, seedCustomers, waitUntilReady } from './segments.fixtures.test';
import type { SegmentsFixture } from './segments.fixtures.test';

/** Who may read and change segments, API keys reading members, and workspace isolation on every segment route. */
describe('segments access', () => {
  let app: NestFastifyApplication;
  let url: string;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let peopleA: SegmentsFixture;
  let peopleB: SegmentsFixture;
  let segmentA: string;
  let segmentB: string;
  let viewer: TestUser;
  let analyst: TestUser;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    const ds = app.get(DataSource);
    a = await createWorkspace(app, url, 'A');
    b = await createWorkspace(app, url, 'B');
    peopleA = await seedCustomers(ds, a.workspaceId);
    peopleB = await seedCustomers(ds, b.workspaceId);
    segmentA = (await call(url, 'POST', '/api/segments', { token: a.owner.token, body: { name: 'Americas', rules: countryIn('US', 'CA') } })).body.id;
    segmentB = (await call(url, 'POST', '/api/segments', { token: b.owner.token, body: { name: 'Americas B', rules: countryIn('US', 'CA') } })).body.id;
    await waitUntilReady(url, a.owner.token, segmentA);
    await waitUntilReady(url, b.owner.token, segmentB);
    viewer = await addMember(app, url, a.workspaceId, 'viewer');
    analyst = await addMember(app, url, a.workspaceId, 'analyst');
  }, 60_000);
  afterAll(() => app.close());

  const reads = () => [
    ['GET', '/api/segments'],
    ['GET', `/api/segments/${segmentA}`],
    ['GET', '/api/segments/fields'],
    ['GET', '/api/segments/playbooks'],
    ['GET', `/api/segments/${segmentA}/members`],
    ['GET', `/api/segments/${segmentA}/members/export`],
    ['GET', `/api/segments/${segmentA}/breakdown`],
    ['GET', `/api/segments/${segmentA}/explain/${peopleA.bob}`],
    ['POST', '/api/segments/preview', { rules: countryIn('US') }],
  ];
  const writes = () => [
    ['POST', '/api/segments', { name: 'Nope', rules: countryIn('US') }],
    ['PATCH', `/api/segments/${segmentA}`, { name: 'Hijacked' }],
    ['DELETE', `/api/segments/${segmentA}`],
    ['POST', '/api/segments/playbooks/rfm-champions', {}],
  ];

  it('lets viewers and analysts read (and preview) but not change segments', async () => {
    for (const user of [viewer, analyst]) {
      for (const [method, path, body] of reads()) {
        const res = await call(url, method as string, path as string, { token: user.token, body });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 200 });
      }
      for (const [method, path, body] of writes()) {
        const res = await call(url, method as string, path as string, { token: user.token, body });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
    }
    expect((await call(url, 'GET', `/api/segments/${segmentA}`, { token: a.owner.token })).body.name).toBe('Americas');
  });

  it('lets an API key with segments:read read members and their CSV, and refuses one without it', async () => {
    const owner = a.owner.token;
    const reader = await call(url, 'POST', '/api/api-keys', { token: owner, body: { name: 'Segment reader', permissions: ['segments:read'] } });
    expect(reader.status).toBe(201);
    const members = await call(url, 'GET', `/api/segments/${segmentA}/members`, { apiKey: reader.body.secret });
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: { id: string }) => m.id).sort()).toEqual([peopleA.bob, peopleA.cy, peopleA.dee].sort());
    const csv = await fetch(`${url}/api/segments/${segmentA}/members/export`, { headers: { 'x-api-key': reader.body.secret } });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('bob@example.test');
    expect((await call(url, 'PATCH', `/api/segments/${segmentA}`, { apiKey: reader.body.secret, body: { name: 'x' } })).status).toBe(403);

    const other = await call(url, 'POST', '/api/api-keys', { token: owner, body: { name: 'Customers only', permissions: ['customers:read'] } });
    for (const path of [`/api/segments/${segmentA}/members`, `/api/segments/${segmentA}/members/export`, '/api/segments']) {
      expect({ path, status: (await call(url, 'GET', path, { apiKey: other.body.secret })).status }).toEqual({ path, status: 403 });
    }
    const writer = await call(url, 'POST', '/api/api-keys', { token: owner, body: { name: 'Writer', permissions: ['segments:write', 'segments:read'] } });
    const created = await call(url, 'POST', '/api/segments', { apiKey: writer.body.secret, body: { name: 'By key', rules: countryIn('DE') } });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe('Writer');
  });

  it("answers 404 to A for every route addressing B's segment, and leaves it untouched", async () => {
    const token = a.owner.token;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/segments/${segmentB}`],
      ['PATCH', `/api/segments/${segmentB}`, { name: 'Hijacked' }],
      ['DELETE', `/api/segments/${segmentB}`],
      ['GET', `/api/segments/${segmentB}/members`],
      ['GET', `/api/segments/${segmentB}/members/export`],
      ['GET', `/api/segments/${segmentB}/breakdown`],
      ['GET', `/api/segments/${segmentB}/explain/${peopleB.bob}`],
      ['GET', `/api/segments/${segmentA}/explain/${peopleB.bob}`],
      ['POST', '/api/segments/preview', { rules: countryIn('US'), segmentId: segmentB }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(url, method, path, { token, body });
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    const mine = await call(url, 'GET', `/api/segments/${segmentB}`, { token: b.owner.token });
    expect(mine.body).toMatchObject({ name: 'Americas B', status: 'ready', memberCount: 3 });
  });

  it("never lists, counts, samples or references B's objects from A", async () => {
    const token = a.owner.token;
    const list = await call(url, 'GET', '/api/segments?limit=200', { token });
    expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(segmentB);
    const preview = await call(url, 'POST', '/api/segments/preview', { token, body: { rules: all() } });
    expect(preview.body.count).toBe(5);
    const bIds = Object.values(peopleB);
    expect(preview.body.sample.map((c: { id: string }) => c.id).filter((id: string) => bIds.includes(id))).toEqual([]);
    const viaB = await call(url, 'POST', '/api/segments', { token, body: { name: 'Via B', rules: all({ type: 'segment', segmentId: segmentB, operator: 'in' }) } });
    expect(viaB.status).toBe(400);
    const playbooks = await call(url, 'GET', '/api/segments/playbooks', { token });
    expect(playbooks.body.find((p: { key: string }) => p.key === 'rfm-champions').count).toBe(1);
    const fields = await call(url, 'GET', '/api/segments/fields', { token });
    expect(fields.body.options.countries.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(5);
  });
});
