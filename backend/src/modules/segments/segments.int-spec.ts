import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { call, createWorkspace, TestWorkspace } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';
import { auditRows } from '../customers/profiles/profiles.fixtures.test';
import { SEGMENT_PLAYBOOKS } from './playbooks/segment-playbooks';
import { SegmentPreviewRepository } from './segment-preview.repository';
import { all, countryIn, seedCustomers } from './segments.fixtures.test';
import type { SegmentsFixture } from './segments.fixtures.test';

describe('segments API', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let token: string;
  let people: SegmentsFixture;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url);
    token = ws.owner.token;
    people = await seedCustomers(ds, ws.workspaceId);
  });
  afterAll(() => app.close());

  const post = (path: string, body: unknown) => call(url, 'POST', path, { token, body });

  it('creates, reads, lists, renames, changes and deletes a segment, auditing each change', async () => {
    const created = await post('/api/segments', { name: 'North America', description: 'US and Canada', rules: countryIn('US', 'CA') });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      name: 'North America',
      description: 'US and Canada',
      rules: countryIn('US', 'CA'),
      timeRelative: false,
      playbookKey: null,
      usedBy: [],
      references: [],
      createdBy: ws.owner.email,
    });
    expect(['pending', 'refreshing', 'ready']).toContain(created.body.status);

    expect((await call(url, 'GET', `/api/segments/${id}`, { token })).body.name).toBe('North America');
    const listed = await call(url, 'GET', '/api/segments?search=north', { token });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(listed.body.items[0].sizeTrend).toEqual(expect.any(Array));
    expect((await call(url, 'GET', '/api/segments?search=south', { token })).body.items).toEqual([]);

    const renamed = await call(url, 'PATCH', `/api/segments/${id}`, { token, body: { name: 'Americas' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Americas');
    const recent = all({ type: 'orders', measure: 'count', operator: 'gte', value: 1, window: { kind: 'lastDays', days: 30 } });
    const changed = await call(url, 'PATCH', `/api/segments/${id}`, { token, body: { rules: recent, description: null } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ rules: recent, description: null, timeRelative: true });

    expect((await call(url, 'DELETE', `/api/segments/${id}`, { token })).status).toBe(204);
    expect((await call(url, 'GET', `/api/segments/${id}`, { token })).status).toBe(404);

    const audit = await auditRows(ds, ws.workspaceId, id);
    expect(audit.map((a) => a.action)).toEqual(['segment.create', 'segment.update', 'segment.update', 'segment.delete']);
    expect(audit[1]).toMatchObject({ before: { name: 'North America' }, after: { name: 'Americas' } });
    expect(audit[2]).toMatchObject({ before: { rules: countryIn('US', 'CA'), description: 'US and Canada' }, after: { rules: recent, description: null } });
    expect(audit[3].before).toMatchObject({ name: 'Americas', rules: recent });
  });

  it('pages the list newest first with a cursor', async () => {
    for (const name of ['Page one', 'Page two', 'Page three']) expect((await post('/api/segments', { name, rules: countryIn('DE') })).status).toBe(201);
    const first = await call(url, 'GET', '/api/segments?search=page&limit=2', { token });
    expect(first.body.items.map((s: { name: string }) => s.name)).toEqual(['Page three', 'Page two']);
    const second = await call(url, 'GET', `/api/segments?search=page&limit=2&cursor=${first.body.nextCursor}`, { token });
    expect(second.body).toMatchObject({ items: [{ name: 'Page one' }], nextCursor: null });
    expect((await call(url, 'GET', '/api/segments?cursor=nonsense', { token })).status).toBe(400);
  });

  it('refuses a name already taken, on create and on rename, with a 409 naming `name`', async () => {
    const first = await post('/api/segments', { name: 'Taken', rules: countryIn('DE') });
    expect(first.status).toBe(201);
    const again = await post('/api/segments', { name: 'Taken', rules: countryIn('US') });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
    expect((await post('/api/segments', { name: '  Taken ', rules: countryIn('US') })).status).toBe(409); // names are trimmed
    expect((await post('/api/segments', { name: '   ', rules: countryIn('US') })).status).toBe(400);
    const other = await post('/api/segments', { name: 'Other', rules: countryIn('US') });
    const rename = await call(url, 'PATCH', `/api/segments/${other.body.id}`, { token, body: { name: 'Taken' } });
    expect(rename.status).toBe(409);
    expect(rename.body.errors[0].field).toBe('name');
  });

  it('answers 400 naming the JSON path of a bad node of the tree, on create, update and preview', async () => {
    const bad = all({ type: 'field', field: 'profile.country', operator: 'in', value: ['US'] }, { type: 'field', field: 'profile.shoeSize', operator: 'eq', value: 42 });
    const created = await post('/api/segments', { name: 'Bad', rules: bad });
    expect(created.status).toBe(400);
    expect(created.body.errors.map((e: { field: string }) => e.field)).toContain('rules.root.children[1].field');
    const ok = await post('/api/segments', { name: 'Good', rules: countryIn('US') });
    const updated = await call(url, 'PATCH', `/api/segments/${ok.body.id}`, { token, body: { rules: bad } });
    expect(updated.status).toBe(400);
    expect(updated.body.errors.map((e: { field: string }) => e.field)).toContain('rules.root.children[1].field');
    expect((await call(url, 'GET', `/api/segments/${ok.body.id}`, { token })).body.rules).toEqual(countryIn('US'));
    const preview = await post('/api/segments/preview', { rules: { version: 1, root: { type: 'group', operator: 'xor', children: [] } } });
    expect(preview.status).toBe(400);
    expect(preview.body.errors.map((e: { field: string }) => e.field)).toContain('rules.root.operator');
    expect((await post('/api/segments', { name: 'No rules' })).status).toBe(400);
  });

  it('previews the count and a sample of an unsaved tree (erased customers left out)', async () => {
    const res = await post('/api/segments/preview', { rules: countryIn('US', 'CA') });
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(3);
    expect(res.body.sample.map((c: { id: string }) => c.id).sort()).toEqual([people.bob, people.cy, people.dee].sort());
    expect(res.body.sample.find((c: { id: string }) => c.id === people.bob)).toMatchObject({
      email: 'bob@example.test',
      firstName: 'Bob',
      lastName: 'Brown',
      country: 'US',
      rfmTier: 'Loyal',
      totalSpent: 300,
    });
    expect(new Date(res.body.asOf).getTime()).toBeLessThanOrEqual(Date.now());
    expect(res.body.tookMs).toEqual(expect.any(Number));

    const spenders = await post('/api/segments/preview', {
      rules: all({ type: 'orders', measure: 'sum', operator: 'gte', value: 250, window: { kind: 'lastDays', days: 30 } }),
    });
    expect(spenders.body.count).toBe(2); // Ada (1,000 three days ago) and Bob (300)
    const nobody = await post('/api/segments/preview', { rules: { version: 1, root: { type: 'group', operator: 'or', children: [] } } });
    expect(nobody.body).toMatchObject({ count: 0, sample: [] });
  });

  it('bounds previews by a statement timeout: a query running out of time is reported, not thrown', async () => {
    const repository = app.get(SegmentPreviewRepository);
    expect(await repository.runBounded([{ sql: 'SELECT pg_sleep(2)', params: [] }], 50)).toBeNull();
    expect(await repository.runBounded([{ sql: 'SELECT 1 AS one', params: [] }], 1000)).toEqual([[{ one: 1 }]]);
  });

  it('offers the field catalogue and the values present in the data', async () => {
    const res = await call(url, 'GET', '/api/segments/fields', { token });
    expect(res.status).toBe(200);
    const { fields, options } = res.body;
    expect(fields.find((f: { key: string }) => f.key === 'traits.rfmTier')).toMatchObject({ dataType: 'option', options: expect.arrayContaining(['Champions']) });
    expect(fields.find((f: { key: string }) => f.key === 'profile.country')).toMatchObject({ optionsSource: 'countries' });
    // The erased customer (US) is not counted.
    expect(options.countries).toEqual([
      { value: 'DE', count: 2 },
      { value: 'US', count: 2 },
      { value: 'CA', count: 1 },
    ]);
    expect(options.tags).toEqual([
      { value: 'newsletter', count: 2 },
      { value: 'vip', count: 1 },
    ]);
    expect(options.categories).toEqual([
      { value: 'Lighting', count: 2 },
      { value: 'Furniture', count: 1 },
    ]);
    expect(options.products).toEqual([
      { value: 'Lamp', count: 2 },
      { value: 'Desk', count: 1 },
    ]);
    expect(options.eventTypes).toEqual([
      { type: 'email_opened', properties: [{ key: 'campaign', valueType: 'string', types: ['string'], count: 1 }] },
      { type: 'page_view', properties: [{ key: 'path', valueType: 'string', types: ['string'], count: 3 }] },
    ]);
    expect(options.attributes).toEqual([
      { key: 'plan', valueType: 'string', types: ['string'], count: 2 },
      { key: 'seats', valueType: 'number', types: ['number'], count: 1 },
      { key: 'signupDate', valueType: 'date', types: ['string'], count: 1 },
    ]);
  });

  it('lists the playbooks with their live count and creates one in a click', async () => {
    const listed = await call(url, 'GET', '/api/segments/playbooks', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.map((p: { key: string }) => p.key)).toEqual(SEGMENT_PLAYBOOKS.map((p) => p.key));
    const byKey = (key: string) => listed.body.find((p: { key: string }) => p.key === key);
    expect(byKey('rfm-champions')).toMatchObject({ name: 'Champions', category: 'rfm', count: 1, segmentId: null });
    expect(byKey('rfm-champions').recommendedChannels.length).toBeGreaterThan(0);
    expect(byKey('rfm-at-risk').count).toBe(1);
    expect(byKey('rfm-lost').count).toBe(0);
    expect(byKey('big-spenders-quarter').count).toBe(1); // Ada: 1,200 in 90 days
    expect(byKey('engaged-never-bought').count).toBe(1); // Cy: three page views, no order

    const created = await post('/api/segments/playbooks/rfm-champions', {});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Champions', playbookKey: 'rfm-champions', rules: byKey('rfm-champions').rules });
    const again = await post('/api/segments/playbooks/rfm-champions', {});
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('name');
    const named = await post('/api/segments/playbooks/rfm-champions', { name: 'Champions (2)' });
    expect(named.status).toBe(201);
    expect((await post('/api/segments/playbooks/no-such-playbook', {})).status).toBe(404);
    const withoutBody = await call(url, 'POST', '/api/segments/playbooks/rfm-lost', { token });
    expect(withoutBody.status).toBe(201);
    expect(withoutBody.body.name).toBe('Lost');
    const after = await call(url, 'GET', '/api/segments/playbooks', { token });
    expect(after.body.find((p: { key: string }) => p.key === 'rfm-champions').segmentId).toBe(created.body.id);
    expect((await auditRows(ds, ws.workspaceId, created.body.id))[0]).toMatchObject({ action: 'segment.create', after: { playbookKey: 'rfm-champions' } });
  });

  it('refuses to delete a segment other segments refer to, naming them, and shows who uses it', async () => {
    const base = await post('/api/segments', { name: 'Germany', rules: countryIn('DE') });
    const middle = await post('/api/segments', { name: 'Germans who bought', rules: all({ type: 'segment', segmentId: base.body.id, operator: 'in' }) });
    expect(middle.status).toBe(201);
    expect(middle.body.references).toEqual([{ id: base.body.id, name: 'Germany' }]);
    const top = await post('/api/segments', { name: 'Not via Germans', rules: all({ type: 'segment', segmentId: middle.body.id, operator: 'notIn' }) });
    expect(top.body.references.map((r: { name: string }) => r.name).sort()).toEqual(['Germans who bought', 'Germany']);

    const refused = await call(url, 'DELETE', `/api/segments/${base.body.id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/segment-in-use$/);
    expect(refused.body.detail).toContain('Germans who bought');
    expect(refused.body.detail).toContain('Not via Germans');
    expect((await call(url, 'GET', `/api/segments/${base.body.id}`, { token })).body.usedBy.map((u: { name: string }) => u.name)).toEqual([
      'Germans who bought',
      'Not via Germans',
    ]);

    // A cycle through an edit is refused; deleting from the top down works.
    const cycle = await call(url, 'PATCH', `/api/segments/${base.body.id}`, { token, body: { rules: all({ type: 'segment', segmentId: top.body.id, operator: 'in' }) } });
    expect(cycle.status).toBe(400);
    for (const s of [top, middle, base]) expect((await call(url, 'DELETE', `/api/segments/${s.body.id}`, { token })).status).toBe(204);
  });

  it('recompiles the segments using one whose rules change', async () => {
    const inner = await post('/api/segments', { name: 'Inner', rules: countryIn('DE') });
    const outer = await post('/api/segments', { name: 'Outer', rules: all({ type: 'segment', segmentId: inner.body.id, operator: 'in' }) });
    expect(outer.body.timeRelative).toBe(false);
    const recent = all({ type: 'field', field: 'traits.lastOrderAt', operator: 'withinLastDays', value: 30 });
    expect((await call(url, 'PATCH', `/api/segments/${inner.body.id}`, { token, body: { rules: recent } })).status).toBe(200);
    expect((await call(url, 'GET', `/api/segments/${outer.body.id}`, { token })).body.timeRelative).toBe(true);
  });

  it('answers 404 for an unknown segment and 400 for an id that is not a UUID', async () => {
    expect((await call(url, 'GET', '/api/segments/6f1d8a8e-0000-4000-8000-000000000000', { token })).status).toBe(404);
    expect((await call(url, 'GET', '/api/segments/not-a-uuid', { token })).status).toBe(400);
    expect((await post('/api/segments/preview', { rules: countryIn('US'), segmentId: '6f1d8a8e-0000-4000-8000-000000000000' })).status).toBe(404);
  });
});
