import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { call, createWorkspace, TestWorkspace } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';
import { MEMBER_CSV_COLUMNS } from './segment-members.service';
import { all, countryIn, seedCustomers, waitUntilReady } from './segments.fixtures.test';
import type { SegmentsFixture } from './segments.fixtures.test';

/** A segment's materialized members, their CSV, breakdown and explanations, over HTTP. */
describe('segment members', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let token: string;
  let people: SegmentsFixture;
  let everyone: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url);
    token = ws.owner.token;
    people = await seedCustomers(ds, ws.workspaceId);
    const created = await call(url, 'POST', '/api/segments', { token, body: { name: 'Everyone', rules: all() } });
    everyone = created.body.id;
    await waitUntilReady(url, token, everyone);
  }, 60_000);
  afterAll(() => app.close());

  const get = (path: string) => call(url, 'GET', path, { token });

  it('pages the members in a stable order with their summaries', async () => {
    const seen: { id: string }[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res = await get(`/api/segments/${everyone}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    }
    const ids = [people.ada, people.bob, people.cy, people.dee, people.eve];
    expect(pages).toBe(3);
    expect(seen.map((m) => m.id)).toEqual([...ids].sort());
    expect(seen.find((m) => m.id === people.ada)).toEqual({
      id: people.ada,
      externalId: null,
      email: 'ada@example.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
      country: 'DE',
      rfmTier: 'Champions',
      totalSpent: 1200,
      addedAt: expect.any(String),
    });
    expect(seen.find((m) => m.id === people.cy)).toMatchObject({ rfmTier: null, totalSpent: 0 });
  });

  it('shows the completed refreshes as the size trend, in the list and the detail', async () => {
    const listed = await get('/api/segments?search=Everyone');
    expect(listed.body.items).toEqual([expect.objectContaining({ id: everyone, status: 'ready', memberCount: 5, sizeTrend: [{ at: expect.any(String), size: 5 }] })]);
    const detail = await get(`/api/segments/${everyone}`);
    expect(detail.body.sizeTrend).toEqual(listed.body.items[0].sizeTrend);
    const history = await get(`/api/segments/${everyone}/history`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain(listed.body.items[0].sizeTrend[0].at);
  });

  it('exports every member as formula-safe CSV', async () => {
    const res = await fetch(`${url}/api/segments/${everyone}/members/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('Everyone-members.csv');
    const [header, ...rows] = parse(await res.text()) as string[][];
    expect(header).toEqual(MEMBER_CSV_COLUMNS);
    expect(rows.map((r) => r[0])).toEqual([people.ada, people.bob, people.cy, people.dee, people.eve].sort());
    const eve = rows.find((r) => r[0] === people.eve) ?? [];
    expect(eve[MEMBER_CSV_COLUMNS.indexOf('firstName')]).toBe(`'=HYPERLINK("http://evil")`);
    const ada = rows.find((r) => r[0] === people.ada) ?? [];
    expect(ada.slice(1, 8)).toEqual(['', 'ada@example.test', 'Ada', 'Lovelace', 'DE', 'Champions', '1200']);
    expect(new Date(ada[8]).toISOString()).toBe(ada[8]);
  });

  it('streams a large membership in batches', async () => {
    const other = await createWorkspace(app, url, 'Large');
    const ids: string[] = [];
    for (let i = 0; i < 2100; i += 300) {
      const rows: { id: string }[] = await ds.query(
        `INSERT INTO customers (workspace_id, email, country) SELECT $1, 'bulk' || g || '@example.test', 'FR' FROM generate_series($2::int, $3::int) g RETURNING id`,
        [other.workspaceId, i, Math.min(i + 299, 2099)],
      );
      ids.push(...rows.map((r) => r.id));
    }
    const created = await call(url, 'POST', '/api/segments', { token: other.owner.token, body: { name: 'France', rules: countryIn('FR') } });
    const ready = await waitUntilReady(url, other.owner.token, created.body.id);
    expect(ready.memberCount).toBe(2100);
    const res = await fetch(`${url}/api/segments/${created.body.id}/members/export`, { headers: { authorization: `Bearer ${other.owner.token}` } });
    const rows = (parse(await res.text()) as string[][]).slice(1);
    expect(rows.map((r) => r[0])).toEqual([...ids].sort());
  });

  it('breaks the members down by RFM tier, consent per channel and spend', async () => {
    const res = await get(`/api/segments/${everyone}/breakdown`);
    expect(res.status).toBe(200);
    expect(res.body.members).toBe(5);
    const tiers = Object.fromEntries(res.body.rfmTiers.map((t: { tier: string | null; count: number }) => [String(t.tier), t.count]));
    expect(tiers).toMatchObject({ Champions: 1, Loyal: 1, 'At risk': 1, New: 1, Lost: 0, null: 1 });
    expect(res.body.rfmTiers).toHaveLength(11);
    expect(res.body.consent).toEqual([
      { channel: 'email', subscribed: 2, unsubscribed: 1, pending: 1, unknown: 1 },
      { channel: 'sms', subscribed: 1, unsubscribed: 0, pending: 0, unknown: 4 },
      { channel: 'push', subscribed: 0, unsubscribed: 0, pending: 0, unknown: 5 },
    ]);
    const spend = Object.fromEntries(res.body.spend.map((b: { from: number; count: number }) => [b.from, b.count]));
    expect(spend).toMatchObject({ 0: 1, 50: 1, 250: 1, 1000: 1, 100: 0, 25000: 0 }); // Eve 30, Dee 60, Bob 300, Ada 1,200
    expect(res.body.spend[res.body.spend.length - 1]).toMatchObject({ from: 25000, to: null });
    expect(res.body.nonBuyers).toBe(1); // Cy
  });

  it('explains why a customer is in or out, with the values compared and the materialized membership', async () => {
    const created = await call(url, 'POST', '/api/segments', { token, body: { name: 'Americas', rules: countryIn('US', 'CA') } });
    await waitUntilReady(url, token, created.body.id);
    const bob = await get(`/api/segments/${created.body.id}/explain/${people.bob}`);
    expect(bob.status).toBe(200);
    expect(bob.body).toMatchObject({ segmentId: created.body.id, customer: { id: people.bob, email: 'bob@example.test' }, matched: true, inMembership: true });
    expect(bob.body.tree).toMatchObject({ path: 'rules.root', type: 'group', matched: true, children: [{ path: 'rules.root.children[0]', matched: true, actual: 'US' }] });
    const ada = await get(`/api/segments/${created.body.id}/explain/${people.ada}`);
    expect(ada.body).toMatchObject({ matched: false, inMembership: false, tree: { matched: false, children: [{ matched: false, actual: 'DE' }] } });
    expect((await get(`/api/segments/${created.body.id}/explain/6f1d8a8e-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('answers 404 on every member route of an unknown segment', async () => {
    const unknown = '6f1d8a8e-0000-4000-8000-000000000000';
    for (const path of ['members', 'members/export', 'breakdown', `explain/${people.ada}`]) {
      expect({ path, status: (await get(`/api/segments/${unknown}/${path}`)).status }).toEqual({ path, status: 404 });
    }
    expect((await get(`/api/segments/${everyone}/members?cursor=nonsense`)).status).toBe(400);
  });
});
