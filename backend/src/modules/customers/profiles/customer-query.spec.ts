import { attributeCondition, buildCustomerQuery, customerWhere, keysetCondition, SORT_KEYS, SqlParams } from './customer-query';

const WS = '00000000-0000-4000-8000-000000000001';
const ID = '00000000-0000-4000-8000-0000000000ff';

describe('customer list query builder', () => {
  it('scopes to the workspace, leaves erased customers out, sorts and limits', () => {
    const { sql, params } = buildCustomerQuery({ workspaceId: WS, filters: {}, sort: '-createdAt', limit: 51 });
    expect(sql).toContain('FROM customers c LEFT JOIN customer_traits t ON t.customer_id = c.id');
    expect(sql).toContain('WHERE c.workspace_id = $1 AND c.erased_at IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT $2');
    expect(params).toEqual([WS, 51]);
  });

  it('keeps erased customers with includeErased and has no LIMIT without a limit (the export)', () => {
    const { sql } = buildCustomerQuery({ workspaceId: WS, filters: { includeErased: true }, sort: 'createdAt' });
    expect(sql).not.toContain('erased_at IS NULL');
    expect(sql).not.toContain('LIMIT');
    expect(sql).toMatch(/ORDER BY c\.created_at ASC, c\.id ASC$/);
  });

  it('searches the trigram expression with LIKE wildcards escaped and the term lower-cased', () => {
    const p = new SqlParams();
    const where = customerWhere(WS, { q: ' 50%_OFF\\ ' }, p);
    expect(where[2]).toBe(`customer_search_text(c.first_name, c.last_name, c.email, c.phone, c.external_id) LIKE $2 ESCAPE '\\'`);
    expect(p.values[1]).toBe('%50\\%\\_off\\\\%');
  });

  it('turns multi-valued filters into any-of array conditions and ranges into coalesced bounds', () => {
    const p = new SqlParams();
    const where = customerWhere(
      WS,
      {
        country: ['DE', 'FR'],
        tag: ['vip'],
        rfmTier: ['Champions', 'Lost'],
        churnRisk: ['high'],
        nightBuyer: false,
        minTotalSpent: 10.5,
        maxOrderCount: 3,
        createdAfter: '2024-05-01',
        lastOrderBefore: '2025-01-01T12:00:00+02:00',
        consentSms: 'subscribed',
      },
      p,
    );
    expect(where.slice(2)).toEqual([
      'c.country = ANY($2::bpchar[])',
      'c.tags && $3::text[]',
      't.rfm_tier = ANY($4::text[])',
      't.churn_risk = ANY($5::text[])',
      'COALESCE(t.night_buyer, false) = $6',
      'COALESCE(t.total_spent, 0) >= $7::numeric',
      'COALESCE(t.order_count, 0) <= $8::integer',
      't.last_order_at < $9::timestamptz',
      'c.created_at >= $10::timestamptz',
      'c.consent @> $11::jsonb',
    ]);
    expect(p.values.slice(1)).toEqual([
      ['DE', 'FR'],
      ['vip'],
      ['Champions', 'Lost'],
      ['high'],
      false,
      10.5,
      3,
      '2025-01-01T10:00:00.000Z',
      '2024-05-01T00:00:00.000Z',
      '{"sms":{"status":"subscribed"}}',
    ]);
  });

  it('matches an attribute as text, list element, and the number or boolean the text spells', () => {
    const values = (pair: string) => {
      const p = new SqlParams();
      const sql = attributeCondition(pair, p);
      expect(sql).toBe(`(${p.values.map((_, i) => `c.attributes @> $${i + 1}::jsonb`).join(' OR ')})`);
      return p.values.map((v) => JSON.parse(v as string));
    };
    expect(values('plan:pro')).toEqual([{ plan: 'pro' }, { plan: ['pro'] }]);
    expect(values('age:42')).toEqual([{ age: '42' }, { age: ['42'] }, { age: 42 }]);
    expect(values('vip:true')).toEqual([{ vip: 'true' }, { vip: ['true'] }, { vip: true }]);
    expect(values('note:a:b')).toEqual([{ note: 'a:b' }, { note: ['a:b'] }]);
    expect(values('empty:')).toEqual([{ empty: '' }, { empty: [''] }]);
  });

  it('ANDs several attribute filters', () => {
    const where = customerWhere(WS, { attr: ['plan:pro', 'city:Berlin'] }, new SqlParams());
    expect(where.filter((w) => w.startsWith('(c.attributes @>'))).toHaveLength(2);
  });

  describe('sort and keyset', () => {
    it('puts NULLs last in both directions for nullable keys, then orders by the key and the id', () => {
      expect(buildCustomerQuery({ workspaceId: WS, filters: {}, sort: 'lastOrderAt' }).sql).toMatch(
        /ORDER BY \(t\.last_order_at\) IS NULL, t\.last_order_at ASC, c\.id ASC$/,
      );
      expect(buildCustomerQuery({ workspaceId: WS, filters: {}, sort: '-name' }).sql).toMatch(
        /ORDER BY \(NULLIF\(lower\(concat_ws\(' ', c\.first_name, c\.last_name\)\), ''\)\) IS NULL, NULLIF\(.*\) DESC, c\.id DESC$/,
      );
      expect(buildCustomerQuery({ workspaceId: WS, filters: {}, sort: '-totalSpent' }).sql).toMatch(/ORDER BY COALESCE\(t\.total_spent, 0\) DESC, c\.id DESC$/);
    });

    it('continues after a value: later values, equal values with a later id, then the NULLs', () => {
      const p = new SqlParams();
      expect(keysetCondition(SORT_KEYS.clv, false, { value: '12.50', id: ID }, p)).toBe(
        '(t.clv > $2::numeric OR (t.clv = $2::numeric AND c.id > $1::uuid) OR (t.clv) IS NULL)',
      );
      expect(p.values).toEqual([ID, '12.50']);
    });

    it('continues after a NULL with the remaining NULLs only', () => {
      const p = new SqlParams();
      expect(keysetCondition(SORT_KEYS.lastOrderAt, true, { value: null, id: ID }, p)).toBe('((t.last_order_at) IS NULL AND c.id < $1::uuid)');
    });

    it('has no NULL branch for keys that cannot be NULL', () => {
      const p = new SqlParams();
      expect(keysetCondition(SORT_KEYS.orderCount, true, { value: 3, id: ID }, p)).toBe(
        '(COALESCE(t.order_count, 0) < $2::integer OR (COALESCE(t.order_count, 0) = $2::integer AND c.id < $1::uuid))',
      );
    });

    it('adds the keyset after the filters and before the limit', () => {
      const { sql, params } = buildCustomerQuery({ workspaceId: WS, filters: { tag: ['a'] }, sort: 'email', after: { value: 'b@x.test', id: ID }, limit: 3 });
      expect(sql).toContain('AND c.tags && $2::text[] AND (c.email > $4::text OR (c.email = $4::text AND c.id > $3::uuid) OR (c.email) IS NULL) ORDER BY');
      expect(params).toEqual([WS, ['a'], ID, 'b@x.test', 3]);
    });
  });
});
