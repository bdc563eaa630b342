import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiResult, call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { auditRows, insertCustomer, insertOrder, insertTraits } from './profiles.fixtures.test';

/** Profiles over real HTTP: CRUD with audit, validation, search, every filter, every sort paged through. */
describe('customer profiles API', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url, 'Profiles');
  });
  afterAll(() => app.close());

  const api = (method: string, path: string, body?: unknown, token = ws.owner.token) => call(url, method, `/api/customers${path}`, { token, body });

  describe('create, read, update, delete', () => {
    it('round-trips a customer with normalized fields and audits each change without personal values', async () => {
      const created = await api('POST', '', {
        externalId: ' crm-42 ',
        email: 'Ada.Lovelace@Example.COM',
        phone: '+44 20 7946 0958',
        firstName: 'Ada',
        lastName: 'Lovelace',
        timezone: 'europe/london',
        locale: 'en_gb',
        country: 'gb',
        attributes: { plan: 'pro', seats: 3, beta: true, interests: ['math'] },
        consent: { email: { status: 'subscribed', source: 'signup-form', updatedAt: '2025-01-02T03:04:05+01:00' }, sms: { status: 'pending' } },
        tags: ['vip', ' vip ', 'early'],
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect(created.body).toMatchObject({
        externalId: 'crm-42',
        email: 'ada.lovelace@example.com',
        phone: '+442079460958',
        timezone: 'Europe/London',
        locale: 'en-GB',
        country: 'GB',
        attributes: { plan: 'pro', seats: 3, beta: true, interests: ['math'] },
        consent: {
          email: { status: 'subscribed', source: 'signup-form', updatedAt: '2025-01-02T02:04:05.000Z' },
          sms: { status: 'pending', source: 'console', updatedAt: expect.any(String) },
        },
        tags: ['vip', 'early'],
        erasedAt: null,
        traits: { totalSpent: 0, orderCount: 0, rfmTier: null, recencyScore: null, engagementScore: 0, categorySpend: {} },
      });

      const read = await api('GET', `/${id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);

      const patched = await api('PATCH', `/${id}`, {
        firstName: 'Augusta Ada',
        city: 'London',
        attributes: { seats: 5, beta: null, team: 'analytics' },
        tags: ['alumni'],
        consent: { email: { status: 'unsubscribed' } },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        firstName: 'Augusta Ada',
        lastName: 'Lovelace',
        city: 'London',
        email: 'ada.lovelace@example.com',
        attributes: { plan: 'pro', seats: 5, team: 'analytics', interests: ['math'] },
        tags: ['alumni'],
        consent: { email: { status: 'unsubscribed', source: 'console' }, sms: { status: 'pending' } },
      });
      expect(patched.body.attributes).not.toHaveProperty('beta');

      const cleared = await api('PATCH', `/${id}`, { phone: null, tags: [] });
      expect(cleared.body).toMatchObject({ phone: null, tags: [] });

      expect((await api('DELETE', `/${id}`)).status).toBe(204);
      expect((await api('GET', `/${id}`)).status).toBe(404);

      const audit = await auditRows(ds, ws.workspaceId, id);
      expect(audit.map((a) => a.action)).toEqual(['customer.create', 'customer.update', 'customer.update', 'customer.delete']);
      expect(audit[0].after).toEqual({
        fields: ['externalId', 'email', 'phone', 'firstName', 'lastName', 'timezone', 'locale', 'country', 'attributes', 'tags', 'consent'],
      });
      expect(audit[1].after).toEqual({ changedFields: ['firstName', 'city', 'attributes', 'tags', 'consent'] });
      expect(audit[2].after).toEqual({ changedFields: ['phone', 'tags'] });
      expect(audit[3].before).toEqual({ orders: 0, events: 0, erased: false });
      expect(JSON.stringify(audit)).not.toMatch(/lovelace|Ada|7946|London/i);
    });

    it('recomputes the traits that depend on the time zone when it changes', async () => {
      const { body } = await api('POST', '', { email: 'owl@example.com', timezone: 'UTC' });
      for (const day of ['01', '02', '03']) await insertOrder(ds, ws.workspaceId, body.id, { amount: 10, placedAt: `2025-01-${day}T23:30:00Z` });
      const tokyo = await api('PATCH', `/${body.id}`, { timezone: 'Asia/Tokyo' }); // UTC+9: 08:30 local
      expect(tokyo.body.traits).toMatchObject({ orderCount: 3, totalSpent: 30, preferredHour: 8 });
      const utc = await api('PATCH', `/${body.id}`, { timezone: 'Etc/UTC' });
      expect(utc.body).toMatchObject({ timezone: 'UTC', traits: { preferredHour: 23 } });
    });

    it('does not audit a PATCH that changes nothing', async () => {
      const { body } = await api('POST', '', { email: 'same@example.com', firstName: 'Same' });
      const again = await api('PATCH', `/${body.id}`, { firstName: 'Same', email: 'SAME@example.com' });
      expect(again.status).toBe(200);
      expect((await auditRows(ds, ws.workspaceId, body.id)).map((a) => a.action)).toEqual(['customer.create']);
    });

    it('answers 409 for an email or external id another customer has, on create and on update', async () => {
      await api('POST', '', { externalId: 'dup-1', email: 'dup@example.com' });
      const byEmail = await api('POST', '', { email: 'DUP@example.com' });
      expect(byEmail.status).toBe(409);
      expect(byEmail.body).toMatchObject({ type: expect.stringMatching(/customer-duplicate$/), errors: [{ field: 'email' }] });
      const byExternalId = await api('POST', '', { externalId: 'dup-1', email: 'other@example.com' });
      expect(byExternalId.status).toBe(409);
      expect(byExternalId.body.errors[0].field).toBe('externalId');

      const other = await api('POST', '', { email: 'free@example.com' });
      const update = await api('PATCH', `/${other.body.id}`, { email: 'dup@example.com' });
      expect(update.status).toBe(409);
      expect(update.body.errors[0].field).toBe('email');
      expect((await api('GET', `/${other.body.id}`)).body.email).toBe('free@example.com');
    });

    it('answers 422 naming the field for values the profile rules refuse', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ email: 'x@example.com', timezone: 'Mars/Olympus_Mons' }, 'timezone'],
        [{ email: 'x@example.com', locale: 'not a locale!' }, 'locale'],
        [{ email: 'x@example.com', country: 'XX' }, 'country'],
        [{ email: 'not-an-email' }, 'email'],
        [{ email: 'x@example.com', phone: '12' }, 'phone'],
        [{ email: 'x@example.com', attributes: { nested: { a: 1 } } }, 'attributes.nested'],
        [{ email: 'x@example.com', attributes: { 'bad key': 1 } }, 'attributes.bad key'],
        [{ email: 'x@example.com', consent: { email: { status: 'subscribed', updatedAt: 'yesterday' } } }, 'consent.email.updatedAt'],
        [{ firstName: 'Nobody' }, 'externalId'],
      ];
      for (const [body, field] of cases) {
        const res = await api('POST', '', body);
        expect({ body, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ body, status: 422, fields: [field] });
      }
    });

    it('answers 400 naming the field for malformed requests', async () => {
      const cases: [string, string, unknown, string][] = [
        ['POST', '', { email: 'a@example.com', shoeSize: 44 }, 'shoeSize'],
        ['POST', '', { email: 'a@example.com', consent: { email: { status: 'maybe' } } }, 'consent.email.status'],
        ['POST', '', { email: 'a@example.com', tags: 'vip' }, 'tags'],
        ['GET', '/not-a-uuid', undefined, 'id'],
        ['PATCH', '/not-a-uuid', {}, 'id'],
        ['DELETE', '/not-a-uuid', undefined, 'id'],
        ['GET', '?sort=shoeSize', undefined, 'sort'],
        ['GET', '?rfmTier=Royalty', undefined, 'rfmTier'],
        ['GET', '?churnRisk=extreme', undefined, 'churnRisk'],
        ['GET', '?country=Germany', undefined, 'country'],
        ['GET', '?nightBuyer=maybe', undefined, 'nightBuyer'],
        ['GET', '?minTotalSpent=lots', undefined, 'minTotalSpent'],
        ['GET', '?minOrderCount=1.5', undefined, 'minOrderCount'],
        ['GET', '?createdAfter=2024-13-45', undefined, 'createdAfter'],
        ['GET', '?consentEmail=yes', undefined, 'consentEmail'],
        ['GET', '?attr=plan', undefined, 'attr'],
        ['GET', '?attr=bad%20key:1', undefined, 'attr'],
        ['GET', '?cursor=garbage', undefined, 'cursor'],
        ['GET', '?colour=red', undefined, 'colour'],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await api(method, path, body);
        expect({ method, path, status: res.status, type: res.headers.get('content-type') }).toEqual({
          method,
          path,
          status: 400,
          type: expect.stringContaining('application/problem+json'),
        });
        expect({ path, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ path, fields: expect.arrayContaining([field]) });
      }
    });
  });

  describe('search and filters', () => {
    let fw: TestWorkspace;
    const ids: Record<string, string> = {};
    const list = async (query: string) => {
      const res = await call(url, 'GET', `/api/customers?${query}`, { token: fw.owner.token });
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      return res.body.items.map((c: { id: string }) => Object.keys(ids).find((k) => ids[k] === c.id)).sort();
    };

    beforeAll(async () => {
      fw = await createWorkspace(app, url, 'Filters');
      const w = fw.workspaceId;
      ids.ada = await insertCustomer(ds, w, {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@math.test',
        phone: '+441234567890',
        externalId: 'CRM-001',
        country: 'GB',
        tags: ['vip', 'newsletter'],
        attributes: { plan: 'pro', age: 36, beta: true, interests: ['golf', 'math'] },
        consent: { email: { status: 'subscribed', source: 'form', updatedAt: '2024-01-01T00:00:00.000Z' } },
        createdAt: '2024-01-10T00:00:00Z',
      });
      await insertTraits(ds, w, ids.ada, { totalSpent: 500, orderCount: 5, rfmTier: 'Champions', churnRisk: 'low', nightBuyer: true, lastOrderAt: '2025-03-10T00:00:00Z' });
      ids.grace = await insertCustomer(ds, w, {
        firstName: 'Grace',
        lastName: 'Hopper',
        email: 'grace@navy.test',
        phone: '+15555550100',
        externalId: 'CRM-002',
        country: 'US',
        tags: ['newsletter'],
        attributes: { plan: 'free', age: '36' },
        consent: { email: { status: 'unsubscribed', source: 'form', updatedAt: '2024-01-01T00:00:00.000Z' }, sms: { status: 'subscribed', source: 'form', updatedAt: '2024-01-01T00:00:00.000Z' } },
        createdAt: '2024-06-01T00:00:00Z',
      });
      await insertTraits(ds, w, ids.grace, { totalSpent: 50, orderCount: 1, rfmTier: 'At risk', churnRisk: 'high', lastOrderAt: '2024-06-01T00:00:00Z' });
      ids.alan = await insertCustomer(ds, w, { firstName: 'Alan', lastName: 'Turing', email: 'alan@bletchley.test', externalId: 'X_100%', country: 'GB', createdAt: '2025-01-01T00:00:00Z' });
      ids.erased = await insertCustomer(ds, w, { country: 'GB', erasedAt: '2025-02-01T00:00:00Z', createdAt: '2024-02-01T00:00:00Z' });
    });

    it('searches by part of the name, email, phone or external id, case-insensitively', async () => {
      expect(await list('q=love')).toEqual(['ada']);
      expect(await list('q=ADA%20LOVE')).toEqual(['ada']);
      expect(await list('q=NAVY')).toEqual(['grace']);
      expect(await list('q=5555550')).toEqual(['grace']);
      expect(await list('q=crm-00')).toEqual(['ada', 'grace']);
      expect(await list('q=zzz')).toEqual([]);
    });

    it('treats LIKE wildcards in the search term as plain characters', async () => {
      expect(await list('q=%25')).toEqual(['alan']);
      expect(await list('q=_')).toEqual(['alan']);
      expect(await list('q=x_1')).toEqual(['alan']);
      expect(await list('q=crm_001')).toEqual([]);
    });

    it('filters by country, tag, tier, churn risk and night buyer (any of several values)', async () => {
      expect(await list('country=GB')).toEqual(['ada', 'alan']);
      expect(await list('country=gb&country=US')).toEqual(['ada', 'alan', 'grace']);
      expect(await list('tag=vip')).toEqual(['ada']);
      expect(await list('tag=vip&tag=newsletter')).toEqual(['ada', 'grace']);
      expect(await list('rfmTier=Champions')).toEqual(['ada']);
      expect(await list('rfmTier=At%20risk&rfmTier=Lost')).toEqual(['grace']);
      expect(await list('churnRisk=high')).toEqual(['grace']);
      expect(await list('nightBuyer=true')).toEqual(['ada']);
      expect(await list('nightBuyer=false')).toEqual(['alan', 'grace']);
    });

    it('filters by spend, order count, last order and creation dates (no traits counts as zero)', async () => {
      expect(await list('minTotalSpent=100')).toEqual(['ada']);
      expect(await list('maxTotalSpent=50')).toEqual(['alan', 'grace']);
      expect(await list('minTotalSpent=0&maxTotalSpent=0')).toEqual(['alan']);
      expect(await list('minOrderCount=1&maxOrderCount=1')).toEqual(['grace']);
      expect(await list('lastOrderAfter=2025-01-01')).toEqual(['ada']);
      expect(await list('lastOrderBefore=2025-01-01T00:00:00Z')).toEqual(['grace']);
      expect(await list('createdAfter=2024-05-01&createdBefore=2024-12-31')).toEqual(['grace']);
      expect(await list('createdAfter=2024-06-01T00:00:00.000Z')).toEqual(['alan', 'grace']);
    });

    it('filters by consent status per channel', async () => {
      expect(await list('consentEmail=subscribed')).toEqual(['ada']);
      expect(await list('consentEmail=unsubscribed&consentSms=subscribed')).toEqual(['grace']);
      expect(await list('consentPush=subscribed')).toEqual([]);
    });

    it('filters by custom attributes: text, number, boolean, list element, several ANDed', async () => {
      expect(await list('attr=plan:pro')).toEqual(['ada']);
      expect(await list('attr=age:36')).toEqual(['ada', 'grace']);
      expect(await list('attr=beta:true')).toEqual(['ada']);
      expect(await list('attr=interests:golf')).toEqual(['ada']);
      expect(await list('attr=plan:free&attr=age:36')).toEqual(['grace']);
      expect(await list('attr=plan:PRO')).toEqual([]);
    });

    it('leaves erased customers out unless asked', async () => {
      expect(await list('country=GB&includeErased=true')).toEqual(['ada', 'alan', 'erased']);
      expect(await list('includeErased=false')).toEqual(['ada', 'alan', 'grace']);
    });

    it('lists profile and main traits, zero counters for a customer without traits', async () => {
      const res = await call(url, 'GET', '/api/customers?sort=createdAt', { token: fw.owner.token });
      expect(res.body.items[0]).toEqual({
        id: ids.ada,
        externalId: 'CRM-001',
        email: 'ada@math.test',
        phone: '+441234567890',
        firstName: 'Ada',
        lastName: 'Lovelace',
        timezone: null,
        locale: null,
        country: 'GB',
        city: null,
        attributes: { plan: 'pro', age: 36, beta: true, interests: ['golf', 'math'] },
        consent: { email: { status: 'subscribed', source: 'form', updatedAt: '2024-01-01T00:00:00.000Z' } },
        tags: ['vip', 'newsletter'],
        createdAt: '2024-01-10T00:00:00.000Z',
        updatedAt: expect.any(String),
        erasedAt: null,
        traits: {
          totalSpent: 500,
          orderCount: 5,
          avgOrderValue: null,
          firstOrderAt: null,
          lastOrderAt: '2025-03-10T00:00:00.000Z',
          rfmTier: 'Champions',
          churnRisk: 'low',
          clv: null,
          engagementScore: 0,
          nightBuyer: true,
          preferredCategory: null,
        },
      });
      expect(res.body.items[2].traits).toEqual({
        totalSpent: 0,
        orderCount: 0,
        avgOrderValue: null,
        firstOrderAt: null,
        lastOrderAt: null,
        rfmTier: null,
        churnRisk: null,
        clv: null,
        engagementScore: 0,
        nightBuyer: false,
        preferredCategory: null,
      });
    });
  });

  describe('sorting with keyset pages', () => {
    let sw: TestWorkspace;
    // Fixed ids (one random prefix) so the id tie-break order is known: c1 < c2 < … < c8.
    const prefix = randomBytes(4).toString('hex');
    const id = (n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const T = ['2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z'];
    const L1 = '2025-04-01T00:00:00Z';
    const L2 = '2025-05-01T00:00:00Z';

    beforeAll(async () => {
      sw = await createWorkspace(app, url, 'Sorting');
      const w = sw.workspaceId;
      const customers: [number, string | null, string | null, string | null, string, Parameters<typeof insertTraits>[3] | null][] = [
        [1, 'ann', 'a', 'ann@x.test', T[0], { totalSpent: 100, orderCount: 2, lastOrderAt: L1, clv: 50, engagementScore: 10 }],
        [2, 'ann', 'a', null, T[0], { totalSpent: 100, orderCount: 2, lastOrderAt: L1, clv: null, engagementScore: 10 }],
        [3, null, null, 'bob@x.test', T[0], null],
        [4, null, null, null, T[1], null],
        [5, 'cy', 'b', 'cy@x.test', T[1], { totalSpent: 0, orderCount: 0, lastOrderAt: null, clv: null, engagementScore: 40 }],
        [6, 'dee', 'c', 'dee@x.test', T[2], { totalSpent: 250.5, orderCount: 5, lastOrderAt: L2, clv: 300, engagementScore: 40 }],
        [7, 'dee', 'c', 'dan@x.test', T[2], { totalSpent: 250.5, orderCount: 5, lastOrderAt: L2, clv: 300, engagementScore: 90 }],
        [8, 'eve', 'd', 'eve@x.test', T[2], { totalSpent: 100, orderCount: 1, lastOrderAt: L2, clv: 50, engagementScore: 0 }],
      ];
      for (const [n, firstName, lastName, email, createdAt, traits] of customers) {
        await insertCustomer(ds, w, { id: id(n), firstName, lastName, email, externalId: `s-${n}`, createdAt });
        if (traits) await insertTraits(ds, w, id(n), traits);
      }
    });

    // Hand-computed: NULLs last in both directions, ties broken by id in the sort's direction.
    const expected: Record<string, number[]> = {
      createdAt: [1, 2, 3, 4, 5, 6, 7, 8],
      '-createdAt': [8, 7, 6, 5, 4, 3, 2, 1],
      name: [1, 2, 5, 6, 7, 8, 3, 4],
      '-name': [8, 7, 6, 5, 2, 1, 4, 3],
      email: [1, 3, 5, 7, 6, 8, 2, 4],
      '-email': [8, 6, 7, 5, 3, 1, 4, 2],
      totalSpent: [3, 4, 5, 1, 2, 8, 6, 7],
      '-totalSpent': [7, 6, 8, 2, 1, 5, 4, 3],
      orderCount: [3, 4, 5, 8, 1, 2, 6, 7],
      '-orderCount': [7, 6, 2, 1, 8, 5, 4, 3],
      lastOrderAt: [1, 2, 6, 7, 8, 3, 4, 5],
      '-lastOrderAt': [8, 7, 6, 2, 1, 5, 4, 3],
      clv: [1, 8, 6, 7, 2, 3, 4, 5],
      '-clv': [7, 6, 8, 1, 5, 4, 3, 2],
      engagementScore: [3, 4, 8, 1, 2, 5, 6, 7],
      '-engagementScore': [7, 6, 5, 2, 1, 8, 4, 3],
    };

    it.each(Object.keys(expected))('pages through sort=%s, 3 at a time, and gets every customer once in order', async (sort) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query = `sort=${encodeURIComponent(sort)}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const res: ApiResult = await call(url, 'GET', `/api/customers?${query}`, { token: sw.owner.token });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual(expected[sort].map(id));
      expect(pages).toBe(3);
    });

    it('refuses a cursor made for another sort', async () => {
      const first = await call(url, 'GET', '/api/customers?sort=name&limit=2', { token: sw.owner.token });
      const res = await call(url, 'GET', `/api/customers?sort=email&cursor=${first.body.nextCursor}`, { token: sw.owner.token });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'cursor', message: 'cursor is not valid' }]);
    });
  });
});
