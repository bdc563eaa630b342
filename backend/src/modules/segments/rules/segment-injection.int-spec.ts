/**
 * Injection: rule values carrying SQL, placeholders, LIKE wildcards, escapes, quotes and odd characters, in
 * every position a value can take (field values and lists, attribute and property keys and values, event
 * names, categories, products, dates, numbers), are either rejected with a 400 naming the node's JSON path or
 * matched literally — the oracle (testing/segment-oracle.ts) says what "literally" selects, over customers
 * that hold the same payloads. Names, operators and types outside the allow-list are rejected with their
 * path; compiled predicates never contain a payload; the tables are intact afterwards. A few of the cases
 * go through the HTTP preview as well.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { call, createWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { TEST_DB_ENV } from '../../../../test/test-env';
import { dataSourceOptions } from '../../../platform/database/data-source-options';
import { DomainError } from '../../../platform/errors/domain-error';
import { SegmentCompiler } from './segment-compiler';
import { idsQuery } from './segment-queries';
import type { RuleNode, SegmentRules } from './segment-rules.types';
import { oracleCustomer } from './testing/oracle-data';
import type { OracleCustomer } from './testing/oracle-data';
import { insertDataSet } from './testing/segment-dataset';
import { evaluateSegment } from './testing/segment-oracle';

const asOf = new Date('2025-06-15T12:00:00.000Z');

/** What an attacker (or an unlucky import) might put in a value. NUL-free: PostgreSQL text cannot hold NUL. */
const PAYLOADS = [
  "'; DROP TABLE customers; --",
  'O\'Brien"); --',
  "' OR '1'='1",
  ')) OR TRUE --',
  "Robert'); DELETE FROM customers; --",
  '$1',
  '$1)::text OR TRUE --',
  '$$quoted$$',
  '$tag$x$tag$',
  '\\',
  'back\\slash\\',
  "\\'; SELECT 1; --",
  '%',
  '_',
  '100%_sure',
  '%%',
  '"double"',
  '`tick`',
  "''",
  '/* c */ x',
  '-- x',
  'Zoë ÉCOLE 日本 🎉',
  'ctl\u0001\u0002\u001f\u007f',
  '\u00ff\u00fe\u00fd',
  'tab\tnew\nline\rcr',
  "E'\\x41'",
];

const tree = (node: RuleNode): SegmentRules => ({ version: 1, root: { type: 'group', operator: 'and', children: [node] } });
const NODE = 'rules.root.children[0]';

/** One customer per payload, holding it everywhere a rule can look; plus bystanders a wildcard would catch. */
function customers(): OracleCustomer[] {
  const holders = PAYLOADS.map((p, i) =>
    oracleCustomer(randomUUID(), {
      externalId: `payload-${i}`,
      city: p,
      firstName: p,
      attributes: { note: p, [p]: 'keyed', when: '2025-01-01' },
      tags: [p],
      orders: [
        {
          id: randomUUID(),
          amountCents: 1000,
          placedAt: new Date('2025-05-01T00:00:00Z'),
          items: [{ category: p, product: p, quantity: 1, unitPriceCents: 1000 }],
        },
      ],
      events: [
        { type: p, properties: { note: p, [p]: 'keyed' }, occurredAt: new Date('2025-05-01T00:00:00Z') },
        { type: 'email_opened', properties: { campaignId: p }, occurredAt: new Date('2025-05-02T00:00:00Z') },
      ],
    }),
  );
  const bystanders = ['axb', 'plain', 'A1B', '100x-sure', "o'brien", ''].map((city, i) =>
    oracleCustomer(randomUUID(), {
      externalId: `bystander-${i}`,
      city,
      firstName: city,
      attributes: { note: city },
      tags: [city || 'none'],
      events: [{ type: 'email_opened', properties: { campaignId: city }, occurredAt: new Date('2025-05-02T00:00:00Z') }],
    }),
  );
  return [...holders, ...bystanders];
}

/** The conditions that put a payload in a value position, with the path a rejection must name. */
function valuePositions(p: string): { name: string; node: RuleNode; path: string; mustMatchHolder?: boolean }[] {
  const field = (f: string, operator: string, value: unknown) => ({ type: 'field', field: f, operator, value }) as RuleNode;
  const attr = (key: string, valueType: string, operator: string, value: unknown) =>
    ({ type: 'attribute', key, valueType, operator, value }) as RuleNode;
  const opened = (operator: string, value: unknown) =>
    ({
      type: 'event',
      event: 'email_opened',
      did: true,
      window: { kind: 'ever' },
      where: [{ key: 'campaignId', valueType: 'string', operator, value }],
    }) as RuleNode;
  const bought = (items: object) =>
    ({ type: 'orders', measure: 'count', operator: 'gte', value: 1, window: { kind: 'ever' }, items }) as RuleNode;
  return [
    ...['eq', 'contains', 'startsWith', 'endsWith'].map((op) => ({
      name: `city ${op}`,
      node: field('profile.city', op, p),
      path: `${NODE}.value`,
      mustMatchHolder: true,
    })),
    ...['neq', 'notContains'].map((op) => ({ name: `city ${op}`, node: field('profile.city', op, p), path: `${NODE}.value` })),
    { name: 'city in', node: field('profile.city', 'in', [p, 'plain']), path: `${NODE}.value`, mustMatchHolder: true },
    { name: 'city notIn', node: field('profile.city', 'notIn', [p]), path: `${NODE}.value` },
    { name: 'first name eq', node: field('profile.firstName', 'eq', p), path: `${NODE}.value`, mustMatchHolder: true },
    { name: 'country eq', node: field('profile.country', 'eq', p), path: `${NODE}.value` },
    { name: 'tags hasAny', node: field('profile.tags', 'hasAny', [p]), path: `${NODE}.value`, mustMatchHolder: true },
    { name: 'tags hasNone', node: field('profile.tags', 'hasNone', [p, 'plain']), path: `${NODE}.value` },
    { name: 'consent eq', node: field('consent.email', 'eq', p), path: `${NODE}.value` },
    { name: 'total spent gt', node: field('traits.totalSpent', 'gt', p), path: `${NODE}.value` },
    { name: 'created before', node: field('profile.createdAt', 'before', p), path: `${NODE}.value` },
    { name: 'attribute value eq', node: attr('note', 'string', 'eq', p), path: `${NODE}.value`, mustMatchHolder: true },
    { name: 'attribute value contains', node: attr('note', 'string', 'contains', p), path: `${NODE}.value`, mustMatchHolder: true },
    { name: 'attribute value in', node: attr('note', 'string', 'in', [p]), path: `${NODE}.value`, mustMatchHolder: true },
    { name: 'attribute date after', node: attr('when', 'date', 'after', p), path: `${NODE}.value` },
    { name: 'attribute key', node: attr(p, 'string', 'eq', 'keyed'), path: `${NODE}.key` },
    {
      name: 'attribute key (isSet)',
      node: { type: 'attribute', key: p, valueType: 'string', operator: 'isSet' } as RuleNode,
      path: `${NODE}.key`,
    },
    {
      name: 'event name',
      node: { type: 'event', event: p, did: true, window: { kind: 'ever' } } as RuleNode,
      path: `${NODE}.event`,
      mustMatchHolder: true,
    },
    { name: 'property value eq', node: opened('eq', p), path: `${NODE}.where[0].value`, mustMatchHolder: true },
    { name: 'property value contains', node: opened('contains', p), path: `${NODE}.where[0].value`, mustMatchHolder: true },
    { name: 'property value notIn', node: opened('notIn', [p]), path: `${NODE}.where[0].value` },
    {
      name: 'property key',
      node: {
        type: 'event',
        event: p,
        did: true,
        window: { kind: 'ever' },
        where: [{ key: p, valueType: 'string', operator: 'eq', value: 'keyed' }],
      } as RuleNode,
      path: `${NODE}.where[0].key`,
    },
    { name: 'category', node: bought({ categories: [p] }), path: `${NODE}.items.categories`, mustMatchHolder: true },
    { name: 'product', node: bought({ products: [p, 'plain'] }), path: `${NODE}.items.products`, mustMatchHolder: true },
    {
      name: 'window from',
      node: {
        type: 'orders',
        measure: 'sum',
        operator: 'gt',
        value: 0,
        window: { kind: 'between', from: p, to: '2025-06-01' },
      } as RuleNode,
      path: `${NODE}.window.from`,
    },
    {
      name: 'window to',
      node: {
        type: 'event',
        event: 'email_opened',
        did: false,
        window: { kind: 'between', from: '2025-01-01', to: p },
      } as RuleNode,
      path: `${NODE}.window.to`,
    },
    {
      name: 'window days',
      node: { type: 'orders', measure: 'count', operator: 'eq', value: 0, window: { kind: 'lastDays', days: p } } as unknown as RuleNode,
      path: `${NODE}.window.days`,
    },
    {
      name: 'order value',
      node: { type: 'orders', measure: 'sum', operator: 'gt', value: p, window: { kind: 'ever' } } as unknown as RuleNode,
      path: `${NODE}.value`,
    },
    {
      name: 'frequency times',
      node: {
        type: 'event',
        event: 'visit',
        did: true,
        window: { kind: 'ever' },
        frequency: { operator: 'atLeast', times: p },
      } as unknown as RuleNode,
      path: `${NODE}.frequency.times`,
    },
  ];
}

/** Names, operators and types that must not get past the allow-list, with the path the 400 must name. */
function allowListPositions(p: string): { name: string; rules: unknown; path: string }[] {
  const condition = (node: object) => tree(node as RuleNode);
  return [
    { name: 'field name', rules: condition({ type: 'field', field: p, operator: 'eq', value: 'x' }), path: `${NODE}.field` },
    {
      name: 'field name as a column',
      rules: condition({ type: 'field', field: `c.city) OR (${p}`, operator: 'isSet' }),
      path: `${NODE}.field`,
    },
    { name: 'operator', rules: condition({ type: 'field', field: 'profile.city', operator: p, value: 'x' }), path: `${NODE}.operator` },
    {
      name: 'attribute value type',
      rules: condition({ type: 'attribute', key: 'note', valueType: p, operator: 'eq', value: 'x' }),
      path: `${NODE}.valueType`,
    },
    {
      name: 'property value type',
      rules: condition({
        type: 'event',
        event: 'e',
        did: true,
        window: { kind: 'ever' },
        where: [{ key: 'k', valueType: p, operator: 'eq', value: 'x' }],
      }),
      path: `${NODE}.where[0].valueType`,
    },
    {
      name: 'orders measure',
      rules: condition({ type: 'orders', measure: p, operator: 'gt', value: 1, window: { kind: 'ever' } }),
      path: `${NODE}.measure`,
    },
    {
      name: 'orders operator',
      rules: condition({ type: 'orders', measure: 'sum', operator: p, value: 1, window: { kind: 'ever' } }),
      path: `${NODE}.operator`,
    },
    {
      name: 'window kind',
      rules: condition({ type: 'orders', measure: 'sum', operator: 'gt', value: 1, window: { kind: p } }),
      path: `${NODE}.window.kind`,
    },
    {
      name: 'frequency operator',
      rules: condition({ type: 'event', event: 'e', did: true, window: { kind: 'ever' }, frequency: { operator: p, times: 1 } }),
      path: `${NODE}.frequency.operator`,
    },
    { name: 'did', rules: condition({ type: 'event', event: 'e', did: p, window: { kind: 'ever' } }), path: `${NODE}.did` },
    { name: 'segment id', rules: condition({ type: 'segment', segmentId: p, operator: 'in' }), path: `${NODE}.segmentId` },
    { name: 'segment operator', rules: condition({ type: 'segment', segmentId: randomUUID(), operator: p }), path: `${NODE}.operator` },
    { name: 'node type', rules: condition({ type: p, field: 'profile.city', operator: 'isSet' }), path: `${NODE}.type` },
    { name: 'group operator', rules: { version: 1, root: { type: 'group', operator: p, children: [] } }, path: 'rules.root.operator' },
    {
      name: 'unknown property',
      rules: condition({ type: 'field', field: 'profile.city', operator: 'isSet', [`sql`]: p }),
      path: `${NODE}.sql`,
    },
    { name: 'version', rules: { version: p, root: { type: 'group', operator: 'and', children: [] } }, path: 'rules.version' },
  ];
}

/** Payloads of 4+ characters never occur in SQL by chance; 2–3 characters are looked for as a quoted literal. */
function leaked(predicate: string, p: string): boolean {
  if (p.length >= 4) return predicate.includes(p);
  return p.length > 1 && (predicate.includes(`'${p}'`) || predicate.includes(`'${p.replace(/'/g, "''")}'`));
}

describe('segment rules against injection', () => {
  let ds: DataSource;
  let workspaceId: string;
  let people: OracleCustomer[];
  const compiler = new SegmentCompiler();
  const context = () => ({ workspaceId, asOf, loadSegmentRules: async () => null });

  beforeAll(async () => {
    ds = new DataSource(dataSourceOptions(process.env[TEST_DB_ENV]!, [], []));
    await ds.initialize();
    [{ id: workspaceId }] = await ds.query("INSERT INTO workspaces (name) VALUES ('Segment injection') RETURNING id");
    people = customers();
    await insertDataSet(ds, workspaceId, { customers: people });
  });
  afterAll(() => ds?.destroy());

  /** Compiles and runs a tree: the 400's fields when rejected, else the problems found with what it selected. */
  async function attempt(rules: unknown): Promise<{ rejected: string[] } | { ids: Set<string>; predicate: string }> {
    try {
      const compiled = await compiler.compile(rules, context());
      const query = idsQuery(compiled);
      const rows: { id: string }[] = await ds.query(query.sql, query.params);
      return { ids: new Set(rows.map((r) => r.id)), predicate: compiled.predicate };
    } catch (error) {
      if (error instanceof DomainError && error.status === 400 && error.code === 'invalid-segment-rules')
        return { rejected: error.errors.map((e) => e.field) };
      throw error;
    }
  }

  it('rejects every payload in a value position with the path of the value, or matches it literally', async () => {
    const problems: string[] = [];
    const outcomes: Record<string, { rejected: number; matched: number }> = {};
    for (const [i, p] of PAYLOADS.entries()) {
      const holder = people[i].id;
      for (const { name, node, path, mustMatchHolder } of valuePositions(p)) {
        const label = `${name} ${JSON.stringify(p)}`;
        const rules = tree(node);
        const outcome = await attempt(rules);
        const tally = (outcomes[name] ??= { rejected: 0, matched: 0 });
        if ('rejected' in outcome) {
          tally.rejected++;
          if (!outcome.rejected.some((field) => field.startsWith(path)))
            problems.push(`${label}: rejected naming ${outcome.rejected.join(', ')}, not ${path}`);
          continue;
        }
        tally.matched++;
        const expected = evaluateSegment({ customers: people }, rules, { asOf, segments: new Map() });
        const differ =
          [...outcome.ids].filter((id) => !expected.has(id)).length + [...expected].filter((id) => !outcome.ids.has(id)).length;
        if (differ) problems.push(`${label}: selected ${outcome.ids.size}, literally ${expected.size} (${differ} differ)`);
        if (mustMatchHolder && !outcome.ids.has(holder)) problems.push(`${label}: the customer holding the payload was not found`);
        if (leaked(outcome.predicate, p)) problems.push(`${label}: the payload is in the SQL text`);
      }
    }
    expect(problems).toEqual([]);
    // Free-text values, lists, event names, categories and products must be accepted (and then matched literally)…
    const literal = [
      'city eq',
      'city contains',
      'city in',
      'tags hasAny',
      'attribute value eq',
      'event name',
      'property value eq',
      'category',
      'product',
    ];
    expect(literal.filter((name) => outcomes[name].rejected > 0)).toEqual([]);
    // …while keys, dates and numbers only take their own shapes.
    const shaped = [
      'attribute key',
      'property key',
      'window from',
      'window to',
      'window days',
      'created before',
      'total spent gt',
      'order value',
      'frequency times',
    ];
    expect(shaped.filter((name) => outcomes[name].matched > 0)).toEqual([]);
  }, 60_000);

  it('treats % and _ as themselves, not as wildcards', async () => {
    const cities = async (operator: string, value: string) => {
      const outcome = await attempt(tree({ type: 'field', field: 'profile.city', operator, value } as RuleNode));
      if ('rejected' in outcome) throw new Error(`rejected: ${outcome.rejected.join(', ')}`);
      return people.filter((c) => outcome.ids.has(c.id)).map((c) => c.city);
    };
    expect(await cities('eq', '_')).toEqual(['_']);
    expect((await cities('contains', '_')).sort()).toEqual(['100%_sure', '_'].sort());
    expect((await cities('contains', '%')).sort()).toEqual(['%', '100%_sure', '%%'].sort());
    expect(await cities('startsWith', '100%')).toEqual(['100%_sure']); // not '100x-sure'
    expect(await cities('eq', 'a_b')).toEqual([]); // not 'axb'
    expect((await cities('contains', '\\')).sort()).toEqual(['\\', 'back\\slash\\', "\\'; SELECT 1; --", "E'\\x41'"].sort());
    expect((await cities('eq', 'O\'BRIEN"); --')).length).toBe(1);
  });

  it('rejects names, operators and types outside the allow-list with the JSON path', async () => {
    const problems: string[] = [];
    for (const p of [...PAYLOADS, 'profile.password', 'traits.category_spend', 'c.id']) {
      for (const { name, rules, path } of allowListPositions(p)) {
        const outcome = await attempt(rules);
        if (!('rejected' in outcome)) problems.push(`${name} ${JSON.stringify(p)}: accepted`);
        else if (!outcome.rejected.includes(path))
          problems.push(`${name} ${JSON.stringify(p)}: rejected naming ${outcome.rejected.join(', ')}, not ${path}`);
      }
    }
    expect(problems).toEqual([]);
  }, 30_000);

  it('leaves the tables intact', async () => {
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM customers WHERE workspace_id = $1', [workspaceId]);
    expect(count).toBe(people.length);
    const tables = [
      'customers',
      'customer_traits',
      'orders',
      'order_items',
      'customer_events',
      'segments',
      'segment_members',
      'workspaces',
    ];
    const [present] = await ds.query(`SELECT ${tables.map((t, i) => `to_regclass($${i + 1}) IS NOT NULL AS "${t}"`).join(', ')}`, tables);
    expect(present).toEqual(Object.fromEntries(tables.map((t) => [t, true])));
    const [{ items }] = await ds.query('SELECT count(*)::int AS items FROM order_items WHERE workspace_id = $1', [workspaceId]);
    expect(items).toBe(PAYLOADS.length);
  });

  describe('through the HTTP preview', () => {
    let app: NestFastifyApplication;
    let url: string;
    let token: string;

    beforeAll(async () => {
      ({ app, url } = await startTestApp());
      const workspace = await createWorkspace(app, url, 'Segment injection over HTTP');
      token = workspace.owner.token;
      await insertDataSet(app.get(DataSource), workspace.workspaceId, { customers: customers() });
    });
    afterAll(() => app?.close());

    const preview = (rules: unknown) => call(url, 'POST', '/api/segments/preview', { token, body: { rules } });

    it('answers 400 problem+json naming the node for names outside the allow-list', async () => {
      const res = await preview(
        tree({ type: 'field', field: "profile.city'; DROP TABLE customers; --", operator: 'eq', value: 'x' } as RuleNode),
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.type).toMatch(/invalid-segment-rules$/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: `${NODE}.field` })]);
      const key = await preview(tree({ type: 'attribute', key: "note'--", valueType: 'string', operator: 'isSet' } as RuleNode));
      expect([key.status, key.body.errors?.[0]?.field]).toEqual([400, `${NODE}.key`]);
    });

    it('counts payload values literally', async () => {
      for (const p of ["'; DROP TABLE customers; --", 'O\'Brien"); --', '%', '_', '$1', '\\']) {
        const res = await preview(tree({ type: 'field', field: 'profile.city', operator: 'eq', value: p } as RuleNode));
        expect([p, res.status, res.body.count]).toEqual([p, 200, 1]);
      }
    });
  });
});
