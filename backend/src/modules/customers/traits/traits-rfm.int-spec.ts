import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { Transactions } from '../../../platform/database/transactions';
import { insertCustomer, insertOrders, spreadOrders, traitsOf } from './traits.fixtures.test';
import { TRAITS_QUEUE, TraitsJobName } from './traits.jobs';
import { TraitsService } from './traits.service';

const asOf = new Date('2025-06-01T12:00:00Z');

/** Quintile boundaries, scores, tiers, the scheduled refresh and its HTTP routes. */
describe('RFM scoring', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let traits: TraitsService;
  let tx: Transactions;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    traits = app.get(TraitsService);
    tx = app.get(Transactions);
  });
  afterAll(() => app.close());

  /** One customer per spec (days since the last order, orders, total spent), folded in one batch. */
  async function customersWith(workspaceId: string, specs: [days: number, orders: number, spent: number][]): Promise<string[]> {
    const ids: string[] = [];
    const orderIds: string[] = [];
    for (const [days, n, spent] of specs) {
      const id = await insertCustomer(ds, workspaceId);
      orderIds.push(...(await insertOrders(ds, workspaceId, id, spreadOrders(asOf, n, spent, days))));
      ids.push(id);
    }
    await tx.run((m) => traits.applyOrders(m, workspaceId, orderIds, asOf));
    return ids;
  }

  it('computes quintile boundaries over customers with orders and scores everyone against them', async () => {
    const { workspaceId } = await createWorkspace(app, url, 'Quintiles');
    const customers = await customersWith(workspaceId, [
      [1, 8, 1000],
      [3, 6, 400],
      [5, 1, 10],
      [10, 5, 200],
      [20, 3, 100],
      [30, 2, 40],
      [60, 4, 150],
      [90, 3, 80],
      [200, 2, 60],
      [400, 1, 20],
    ]);
    const boundaries = await traits.refreshRfm(workspaceId, asOf);

    // percentile_cont over 10 sorted values v0…v9: the p-th cut is at position 9p, interpolated linearly.
    // Recency 1 3 5 10 20 30 60 90 200 400: 1.8 → 3 + 0.8 × 2 = 4.6; 3.6 → 10 + 0.6 × 10 = 16;
    //   5.4 → 30 + 0.4 × 30 = 42; 7.2 → 90 + 0.2 × 110 = 112.
    // Orders 1 1 2 2 3 3 4 5 6 8: 1 + 0.8 = 1.8; 2 + 0.6 = 2.6; 3 + 0.4 = 3.4; 5 + 0.2 = 5.2.
    // Spent 10 20 40 60 80 100 150 200 400 1000: 20 + 16 = 36; 60 + 12 = 72; 100 + 20 = 120; 200 + 40 = 240.
    expect(boundaries!.customerCount).toBe(10);
    expectCloseTo(boundaries!.recencyDays, [4.6, 16, 42, 112]);
    expectCloseTo(boundaries!.frequency, [1.8, 2.6, 3.4, 5.2]);
    expectCloseTo(boundaries!.monetary, [36, 72, 120, 240]);

    const scored = await Promise.all(customers.map((id) => traitsOf(ds, id)));
    expect(scored.map((t) => [t!.recency_score, t!.frequency_score, t!.monetary_score, t!.rfm_tier])).toEqual([
      [5, 5, 5, 'Champions'], // 1 day < all cuts; 8 > 5.2; 1000 > 240
      [5, 5, 5, 'Champions'],
      [4, 1, 1, 'Promising'], // 5 days ≥ 4.6; FM ⌊2/2⌋ = 1
      [4, 4, 4, 'Loyal'], // 5 orders ≤ 5.2 → 4
      [3, 3, 3, 'Need attention'],
      [3, 2, 2, 'Need attention'], // 30 days < 42, 112 → 3
      [2, 4, 4, 'At risk'], // 60 days < 112 → 2
      [2, 3, 3, 'At risk'],
      [1, 2, 2, 'Lost'],
      [1, 1, 1, 'Lost'],
    ]);
  });

  it('reaches every tier of the grid against stored boundaries, as orders arrive', async () => {
    const { workspaceId } = await createWorkspace(app, url, 'Tiers');
    await ds.query(
      `INSERT INTO customer_rfm_boundaries (workspace_id, recency_days, frequency, monetary, customer_count, computed_at)
       VALUES ($1, '{10,30,60,120}', '{1,2,3,5}', '{50,100,200,500}', 100, $2)`,
      [workspaceId, asOf],
    );
    const customers = await customersWith(workspaceId, [
      [5, 6, 600], // R 5 (5 < 10), F 5 (6 > 5), M 5 → FM 5
      [20, 4, 300], // R 4, F 4, M 4 → FM 4
      [2, 2, 80], // R 5, F 2, M 2 → FM 2
      [1, 1, 30], // R 5, F 1, M 1 → FM 1
      [15, 1, 40], // R 4, FM 1
      [45, 3, 150], // R 3, F 3, M 3
      [90, 3, 150], // R 2, FM 3
      [200, 8, 900], // R 1, FM 5
      [100, 1, 20], // R 2, FM 1
      [300, 1, 25], // R 1, FM 1
    ]);
    const tiers = await Promise.all(customers.map(async (id) => (await traitsOf(ds, id))!.rfm_tier));
    expect(tiers).toEqual([
      'Champions',
      'Loyal',
      'Potential loyalist',
      'New',
      'Promising',
      'Need attention',
      'At risk',
      "Can't lose",
      'Hibernating',
      'Lost',
    ]);
  });

  describe('over HTTP and the queue', () => {
    let ws: TestWorkspace;

    beforeAll(async () => {
      ws = await createWorkspace(app, url, 'RFM over HTTP');
      await customersWith(ws.workspaceId, [
        [3, 4, 400],
        [40, 2, 90],
        [300, 1, 20],
      ]);
    });

    it('reports no boundaries before the first run, then refreshes in the background', async () => {
      const before = await call(url, 'GET', '/api/customers/traits/status', { token: ws.owner.token });
      expect(before.status).toBe(200);
      // Fallback tiers until the first run: one-order customers New, repeat buyers Potential loyalists.
      expect(before.body).toEqual({
        boundaries: null,
        computedAt: null,
        tiers: [
          { tier: 'Potential loyalist', customers: 2 },
          { tier: 'New', customers: 1 },
        ],
      });

      const queued = await call(url, 'POST', '/api/customers/traits/refresh', { token: ws.owner.token });
      expect(queued.status).toBe(202);
      const job = await app.get<Queue>(getQueueToken(TRAITS_QUEUE)).getJob(queued.body.jobId);
      await job!.finished();

      const after = await call(url, 'GET', '/api/customers/traits/status', { token: ws.owner.token });
      expect(after.body.boundaries).toMatchObject({ customerCount: 3, frequency: [1.4, 1.8, 2.4, 3.2] }); // 1 2 4: 1 + 0.4; 1 + 0.8; 2 + 0.4 × 2; 2 + 0.6 × 2
      expect(Date.parse(after.body.computedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(after.body.tiers.reduce((sum: number, t: { customers: number }) => sum + t.customers, 0)).toBe(3);
    });

    it('lets readers see the status and only writers refresh', async () => {
      const analyst = await addMember(app, url, ws.workspaceId, 'analyst');
      expect((await call(url, 'GET', '/api/customers/traits/status', { token: analyst.token })).status).toBe(200);
      expect((await call(url, 'POST', '/api/customers/traits/refresh', { token: analyst.token })).status).toBe(403);
      const manager = await addMember(app, url, ws.workspaceId, 'manager');
      expect((await call(url, 'POST', '/api/customers/traits/refresh', { token: manager.token })).status).toBe(202);
    });

    it('queues one refresh per workspace with traits, once a day however often the daily job runs', async () => {
      const queue = app.get<Queue>(getQueueToken(TRAITS_QUEUE));
      await queue.pause(true);
      try {
        const count = await traits.queueRefreshOfAllWorkspaces();
        await traits.queueRefreshOfAllWorkspaces();
        const waiting = (await queue.getWaiting()).filter((j) => j.name === TraitsJobName.RefreshWorkspace);
        expect(count).toBeGreaterThanOrEqual(3); // this file's workspaces
        expect(waiting.map((j) => j.data.workspaceId).sort()).toEqual([...new Set(waiting.map((j) => j.data.workspaceId))].sort());
        expect(waiting.map((j) => j.data.workspaceId)).toContain(ws.workspaceId);
      } finally {
        await queue.empty();
        await queue.resume(true);
      }
    });

    it('registers the daily run as one repeatable job', async () => {
      const queue = app.get<Queue>(getQueueToken(TRAITS_QUEUE));
      await traits.scheduleDailyRefresh();
      await traits.scheduleDailyRefresh();
      const repeatable = await queue.getRepeatableJobs();
      expect(repeatable).toEqual([expect.objectContaining({ name: TraitsJobName.RefreshAll, cron: '15 3 * * *', tz: 'UTC' })]);
      await queue.removeRepeatableByKey(repeatable[0].key);
    });
  });
});

function expectCloseTo(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, 9));
}
