import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, TestUser, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { Env } from '../../../platform/config/env';
import { ingest, order } from '../../customers/ingest/ingest.fixtures.test';
import { insertCustomer, insertTraits } from '../../customers/profiles/profiles.fixtures.test';
import type { SegmentRules } from '../rules/segment-rules.types';
import type { RefreshKind } from '../segments.types';
import { RefreshClock } from './refresh-clock';
import { refreshJobId, SEGMENT_REFRESH_QUEUE, SegmentRefreshJobName } from './segment-refresh.jobs';
import { SegmentRefreshRepository } from './segment-refresh.repository';
import { SegmentRefreshRunner } from './segment-refresh.runner';
import { SegmentRefreshService } from './segment-refresh.service';

const DAY = 86_400_000;

/** "Spent more than 100 and lives in GB". */
const GB_SPENDERS: SegmentRules = {
  version: 1,
  root: {
    type: 'group',
    operator: 'and',
    children: [
      { type: 'field', field: 'profile.country', operator: 'eq', value: 'GB' },
      { type: 'field', field: 'traits.totalSpent', operator: 'gt', value: 100 },
    ],
  },
};

/** "Ordered in the last 30 days": membership drifts as time passes. */
const RECENT_BUYERS: SegmentRules = {
  version: 1,
  root: {
    type: 'group',
    operator: 'and',
    children: [{ type: 'field', field: 'traits.lastOrderAt', operator: 'withinLastDays', value: 30 }],
  },
};

/**
 * Materialized membership end to end against PostgreSQL and Redis: the runner (full and incremental refreshes,
 * relative time, concurrency, failures), the scheduler's tick, the size history and the refresh endpoints.
 * Engine tests call the runner directly with the queue paused in this process; the endpoint tests let the worker run.
 */
describe('segment refreshes', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let queue: Queue;
  let runner: SegmentRefreshRunner;
  let service: SegmentRefreshService;
  let ws: TestWorkspace;
  let w: string;
  let seq = 0;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    queue = app.get<Queue>(getQueueToken(SEGMENT_REFRESH_QUEUE));
    runner = app.get(SegmentRefreshRunner);
    service = app.get(SegmentRefreshService);
    await queue.pause(true);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => app.close());

  const useWorkspace = async (name: string) => {
    ws = await createWorkspace(app, url, name);
    w = ws.workspaceId;
  };
  const createSegment = async (
    rules: SegmentRules,
    options: { workspaceId?: string; timeRelative?: boolean; references?: string[] } = {},
  ) => {
    const [row] = await ds.query(
      `INSERT INTO segments (workspace_id, name, rules, time_relative, referenced_segment_ids, created_by) VALUES ($1, $2, $3, $4, $5, 'test') RETURNING id`,
      [options.workspaceId ?? w, `Segment ${++seq}`, JSON.stringify(rules), options.timeRelative ?? false, options.references ?? []],
    );
    return row.id as string;
  };
  const customer = async (
    country: string,
    spent: number | null,
    extra: { erasedAt?: string; lastOrderAt?: string; externalId?: string } = {},
  ) => {
    const id = await insertCustomer(ds, w, { country, erasedAt: extra.erasedAt ?? null, externalId: extra.externalId ?? null });
    if (spent !== null) await insertTraits(ds, w, id, { totalSpent: spent, orderCount: 1, lastOrderAt: extra.lastOrderAt ?? null });
    return id;
  };
  /**
   * Stamps the workspace's customers as last changed an hour ago, so that a refresh's watermark (held back by any
   * transaction open at the time, e.g. of test files running alongside) is surely after them.
   */
  const backdate = async () => {
    await ds.query(`UPDATE customers SET updated_at = now() - interval '1 hour' WHERE workspace_id = $1`, [w]);
    await ds.query(`UPDATE customer_traits SET updated_at = now() - interval '1 hour' WHERE workspace_id = $1`, [w]);
  };
  /** Requests a refresh and runs it here (the queue is paused in this process). */
  const refresh = async (segmentId: string, kind: RefreshKind = 'full', attempt = 1) => {
    const queued = await service.requestRefresh(w, segmentId, { kind, trigger: 'manual' });
    const outcome = await runner.run({ workspaceId: w, segmentId, refreshId: queued.id }, { attempt, maxAttempts: 3 });
    return { id: queued.id, outcome };
  };
  /** The scheduler's tick, deciding over this test's workspaces only (other test files may have segments in the database). */
  const tick = async (...workspaceIds: string[]) => {
    const repository = app.get(SegmentRefreshRepository);
    const states = repository.refreshStates.bind(repository);
    jest
      .spyOn(repository, 'refreshStates')
      .mockImplementation(async () => (await states()).filter((s) => workspaceIds.includes(s.workspaceId)));
    return service.queueDueRefreshes();
  };
  const members = async (segmentId: string): Promise<Map<string, Date>> => {
    const rows: { customer_id: string; added_at: Date }[] = await ds.query(
      `SELECT customer_id, added_at FROM segment_members WHERE segment_id = $1`,
      [segmentId],
    );
    return new Map(rows.map((r) => [r.customer_id, r.added_at]));
  };
  const memberIds = async (segmentId: string) => [...(await members(segmentId)).keys()].sort();
  const segmentRow = async (id: string) =>
    (await ds.query(`SELECT status, member_count, refreshed_at, full_refreshed_at, refresh_error FROM segments WHERE id = $1`, [id]))[0];
  const refreshRow = async (id: string) => (await ds.query(`SELECT * FROM segment_refreshes WHERE id = $1`, [id]))[0];
  /** Changes of customers, stamped the way every write of the customers module stamps them. */
  const setSpent = (id: string, spent: number) =>
    ds.query(`UPDATE customer_traits SET total_spent = $2, updated_at = now() WHERE customer_id = $1`, [id, spent]);
  const setCountry = (id: string, country: string) =>
    ds.query(`UPDATE customers SET country = $2, updated_at = now() WHERE id = $1`, [id, country]);
  const queuedFor = (segmentId: string) =>
    ds.query(`SELECT id, kind, trigger FROM segment_refreshes WHERE segment_id = $1 AND status = 'queued'`, [segmentId]);

  describe('the runner', () => {
    beforeEach(() => useWorkspace(expect.getState().currentTestName ?? 'Refreshes'));

    it('materializes the matching customers, then adds and removes on a full refresh while stayers keep added_at', async () => {
      const ada = await customer('GB', 200);
      const bob = await customer('GB', 50);
      await customer('FR', 500);
      const dee = await customer('GB', 150);
      await customer('GB', 300, { erasedAt: '2025-01-01T00:00:00Z' });
      const segmentId = await createSegment(GB_SPENDERS);

      const first = await refresh(segmentId);
      expect(first.outcome).toMatchObject({ kind: 'full', size: 2, added: 2, removed: 0, evaluated: 4 });
      expect(await memberIds(segmentId)).toEqual([ada, dee].sort());
      const adaAddedAt = (await members(segmentId)).get(ada);

      await setSpent(bob, 120);
      await setCountry(dee, 'FR');
      const second = await refresh(segmentId);
      expect(await memberIds(segmentId)).toEqual([ada, bob].sort());
      expect((await members(segmentId)).get(ada)).toEqual(adaAddedAt);
      expect(await refreshRow(second.id)).toMatchObject({
        status: 'completed',
        kind: 'full',
        trigger: 'manual',
        size: 2,
        added: 1,
        removed: 1,
        evaluated: 4,
        error: null,
      });
      expect((await refreshRow(second.id)).duration_ms).toEqual(expect.any(Number));
      const seg = await segmentRow(segmentId);
      expect(seg).toMatchObject({ status: 'ready', member_count: 2, refresh_error: null });
      expect(seg.full_refreshed_at).toEqual(seg.refreshed_at);
    });

    it('evaluates only the customers changed since the last refresh on an incremental refresh, and agrees with a full one', async () => {
      const stays = await customer('GB', 200);
      const joins = await customer('GB', 50);
      const leaves = await customer('GB', 150);
      const buyer = await customer('GB', 90, { externalId: 'inc-buyer' });
      const stale = await customer('FR', 10);
      await backdate();
      const segmentId = await createSegment(GB_SPENDERS);
      await refresh(segmentId);
      expect(await memberIds(segmentId)).toEqual([stays, leaves].sort());
      const staysAddedAt = (await members(segmentId)).get(stays);
      // A member that no longer matches but did not change: an incremental refresh must leave it alone.
      await ds.query(`INSERT INTO segment_members (segment_id, customer_id, workspace_id) VALUES ($1, $2, $3)`, [segmentId, stale, w]);

      await setSpent(joins, 130);
      await setCountry(leaves, 'DE');
      // A new order through the bulk API reaches the customer's traits (and their updated_at) in its transaction.
      const res = await ingest(url, { token: ws.owner.token }, 'orders', [
        order({ customerExternalId: 'inc-buyer', placedAt: new Date().toISOString() }),
      ]);
      expect(res.body.summary).toMatchObject({ created: 1 });

      const incremental = await refresh(segmentId, 'incremental');
      expect(incremental.outcome).toMatchObject({ kind: 'incremental', evaluated: 3, added: 2, removed: 1 });
      expect(await memberIds(segmentId)).toEqual([stays, joins, buyer, stale].sort());
      expect((await members(segmentId)).get(stays)).toEqual(staysAddedAt);
      expect(await refreshRow(incremental.id)).toMatchObject({ kind: 'incremental', status: 'completed', size: 4 });

      // Nothing changed since: the next incremental refresh evaluates no one.
      expect((await refresh(segmentId, 'incremental')).outcome).toMatchObject({
        kind: 'incremental',
        evaluated: 0,
        added: 0,
        removed: 0,
        size: 4,
      });
      // A full refresh finds the same set for everyone the incremental one evaluated; only the planted stale member goes.
      expect((await refresh(segmentId, 'full')).outcome).toMatchObject({ kind: 'full', added: 0, removed: 1, size: 3 });
      expect(await memberIds(segmentId)).toEqual([stays, joins, buyer].sort());
    });

    it('runs an incremental request as a full refresh when the segment has no completed full refresh to build on', async () => {
      const ada = await customer('GB', 500);
      const segmentId = await createSegment(GB_SPENDERS);
      const { id, outcome } = await refresh(segmentId, 'incremental');
      expect(outcome).toMatchObject({ kind: 'full', added: 1 });
      expect(await refreshRow(id)).toMatchObject({ kind: 'full', status: 'completed' });
      expect(await memberIds(segmentId)).toEqual([ada]);
    });

    it('drops a member of a relative-time segment once asOf moves past its window, with no data change', async () => {
      const now = Date.now();
      const recent = await customer('GB', 10, { lastOrderAt: new Date(now - 20 * DAY).toISOString() });
      const older = await customer('GB', 10, { lastOrderAt: new Date(now - 25 * DAY).toISOString() });
      await backdate();
      const segmentId = await createSegment(RECENT_BUYERS, { timeRelative: true });
      await refresh(segmentId);
      expect(await memberIds(segmentId)).toEqual(expect.arrayContaining([recent, older]));

      const clock = app.get(RefreshClock);
      jest.spyOn(clock, 'now').mockReturnValue(new Date(now + 7 * DAY)); // older is now 32 days back, recent 27
      // An incremental refresh sees no changed customer and cannot notice the drift…
      expect((await refresh(segmentId, 'incremental')).outcome).toMatchObject({ kind: 'incremental', evaluated: 0, removed: 0 });
      // …so the scheduler's tick asks for a full one (last full refresh asked for 7 days ago ≥ SEGMENT_TIME_REFRESH_MINUTES).
      await tick(w);
      const [queued] = await queuedFor(segmentId);
      expect(queued).toMatchObject({ kind: 'full', trigger: 'time' });
      const outcome = await runner.run({ workspaceId: w, segmentId, refreshId: queued.id }, { attempt: 1, maxAttempts: 3 });
      expect(outcome).toMatchObject({ kind: 'full', removed: 1, asOf: new Date(now + 7 * DAY) });
      const after = await memberIds(segmentId);
      expect(after).toContain(recent);
      expect(after).not.toContain(older);
    });

    it('queues an incremental refresh on the tick only for segments whose workspace changed since their last refresh', async () => {
      const quiet = await createWorkspace(app, url, 'Quiet');
      const quietSegment = await createSegment(GB_SPENDERS, { workspaceId: quiet.workspaceId });
      const q = await service.requestRefresh(quiet.workspaceId, quietSegment, { kind: 'full', trigger: 'create' });
      await runner.run({ workspaceId: quiet.workspaceId, segmentId: quietSegment, refreshId: q.id }, { attempt: 1, maxAttempts: 1 });
      await customer('GB', 200);
      await backdate();
      const segmentId = await createSegment(GB_SPENDERS);
      await refresh(segmentId);

      await tick(w, quiet.workspaceId);
      expect(await queuedFor(segmentId)).toEqual([]);
      jest.restoreAllMocks();
      const changed = await customer('GB', 1000);
      await tick(w, quiet.workspaceId);
      expect(await queuedFor(segmentId)).toEqual([{ id: expect.any(String), kind: 'incremental', trigger: 'change' }]);
      expect(await queuedFor(quietSegment)).toEqual([]);
      const [{ id }] = await queuedFor(segmentId);
      await runner.run({ workspaceId: w, segmentId, refreshId: id }, { attempt: 1, maxAttempts: 3 });
      expect(await memberIds(segmentId)).toContain(changed);
    });

    it('applies concurrent requests and runs of one refresh once', async () => {
      await customer('GB', 700);
      const segmentId = await createSegment(GB_SPENDERS);
      const [a, b] = await Promise.all([
        service.requestRefresh(w, segmentId, { kind: 'incremental', trigger: 'change' }),
        service.requestRefresh(w, segmentId, { kind: 'full', trigger: 'manual' }),
      ]);
      expect(a.id).toBe(b.id);
      const rows = await ds.query(`SELECT kind, status FROM segment_refreshes WHERE segment_id = $1`, [segmentId]);
      expect(rows).toEqual([{ kind: 'full', status: 'queued' }]); // a full request makes the queued refresh full
      const jobs = (await queue.getWaiting()).filter((j) => j.data.segmentId === segmentId);
      expect(jobs.map((j) => j.id)).toEqual([refreshJobId(a.id)]);

      const job = { workspaceId: w, segmentId, refreshId: a.id };
      const outcomes = await Promise.all([
        runner.run(job, { attempt: 1, maxAttempts: 3 }),
        runner.run(job, { attempt: 1, maxAttempts: 3 }),
      ]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await refreshRow(a.id)).toMatchObject({ status: 'completed' });
      const size = (await segmentRow(segmentId)).member_count;
      expect(await memberIds(segmentId)).toHaveLength(size);
      // Run again later (Bull retrying a job that did finish): nothing happens.
      expect(await runner.run(job, { attempt: 2, maxAttempts: 3 })).toBeNull();
      // The next request is a new refresh.
      expect((await service.requestRefresh(w, segmentId, { kind: 'full', trigger: 'manual' })).id).not.toBe(a.id);
    });

    it('leaves the previous membership whole when a refresh fails midway, retries, and marks it failed on the last attempt', async () => {
      const ada = await customer('GB', 400);
      const segmentId = await createSegment(GB_SPENDERS);
      await refresh(segmentId);
      const before = await members(segmentId);
      await setCountry(ada, 'FR');
      const joins = await customer('GB', 900);

      const repository = app.get(SegmentRefreshRepository);
      const apply = repository.applyMatches.bind(repository);
      // The deletes and inserts happen, then the transaction fails: they must all be rolled back.
      jest.spyOn(repository, 'applyMatches').mockImplementation(async (...args) => {
        await apply(...args);
        throw new Error('connection lost');
      });
      const queued = await service.requestRefresh(w, segmentId, { kind: 'full', trigger: 'manual' });
      const job = { workspaceId: w, segmentId, refreshId: queued.id };
      await expect(runner.run(job, { attempt: 1, maxAttempts: 3 })).rejects.toThrow('connection lost');
      expect(await members(segmentId)).toEqual(before);
      expect(await refreshRow(queued.id)).toMatchObject({ status: 'running', error: 'connection lost' }); // Bull retries it
      await expect(runner.run(job, { attempt: 3, maxAttempts: 3 })).rejects.toThrow('connection lost');
      expect(await members(segmentId)).toEqual(before);
      expect(await refreshRow(queued.id)).toMatchObject({ status: 'failed', error: 'connection lost' });
      expect(await segmentRow(segmentId)).toMatchObject({ status: 'failed', refresh_error: 'connection lost', member_count: 1 });

      jest.restoreAllMocks();
      const retried = await refresh(segmentId);
      expect(retried.outcome).toMatchObject({ kind: 'full', added: 1, removed: 1 });
      expect(await memberIds(segmentId)).toEqual([joins]);
      expect(await segmentRow(segmentId)).toMatchObject({ status: 'ready', refresh_error: null });
    });

    it('takes over a refresh left running by a worker that died, and marks older abandoned ones failed', async () => {
      const ada = await customer('GB', 333);
      const segmentId = await createSegment(GB_SPENDERS);
      const [abandoned] = await ds.query(
        `INSERT INTO segment_refreshes (workspace_id, segment_id, kind, trigger, status, started_at) VALUES ($1, $2, 'full', 'create', 'running', now() - interval '1 hour') RETURNING id`,
        [w, segmentId],
      );
      const [crashed] = await ds.query(
        `INSERT INTO segment_refreshes (workspace_id, segment_id, kind, trigger, status, started_at) VALUES ($1, $2, 'full', 'manual', 'running', now()) RETURNING id`,
        [w, segmentId],
      );
      const outcome = await runner.run({ workspaceId: w, segmentId, refreshId: crashed.id }, { attempt: 2, maxAttempts: 3 });
      expect(outcome).toMatchObject({ kind: 'full', size: 1 });
      expect(await memberIds(segmentId)).toEqual([ada]);
      expect(await refreshRow(abandoned.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Abandoned/) });
    });

    it('fails at once, keeping the membership, when the rules cannot be compiled', async () => {
      const gone = '00000000-0000-4000-8000-000000000000';
      const segmentId = await createSegment({
        version: 1,
        root: { type: 'group', operator: 'and', children: [{ type: 'segment', segmentId: gone, operator: 'in' }] },
      });
      const queued = await service.requestRefresh(w, segmentId, { kind: 'full', trigger: 'manual' });
      expect(await runner.run({ workspaceId: w, segmentId, refreshId: queued.id }, { attempt: 1, maxAttempts: 3 })).toBeNull();
      const row = await refreshRow(queued.id);
      expect(row.status).toBe('failed');
      expect(row.error).toEqual(expect.any(String));
      expect(await segmentRow(segmentId)).toMatchObject({ status: 'failed', refresh_error: row.error, member_count: 0 });
    });

    it('queues a full refresh of the segments that refer to one whose rules changed', async () => {
      const base = await createSegment(GB_SPENDERS);
      const user = await createSegment(
        { version: 1, root: { type: 'group', operator: 'and', children: [{ type: 'segment', segmentId: base, operator: 'in' }] } },
        { references: [base] },
      );
      const unrelated = await createSegment(GB_SPENDERS);
      const queued = await service.refreshDependents(w, base);
      expect(queued.map((r) => [r.segmentId, r.kind, r.trigger])).toEqual([[user, 'full', 'update']]);
      expect(await ds.query(`SELECT 1 FROM segment_refreshes WHERE segment_id = $1`, [unrelated])).toEqual([]);
      const outcome = await runner.run({ workspaceId: w, segmentId: user, refreshId: queued[0].id }, { attempt: 1, maxAttempts: 3 });
      const full = await refresh(base);
      expect(outcome?.size).toBe(full.outcome?.size);
      expect(await memberIds(user)).toEqual(await memberIds(base));
    });
  });

  it('registers one repeatable tick, replacing one left from another interval', async () => {
    const env = app.get(Env);
    const ticks = async () =>
      (await queue.getRepeatableJobs()).filter((j) => j.name === SegmentRefreshJobName.Tick).map((j) => Number(j.every));
    const configured = env.SEGMENT_REFRESH_TICK_SECONDS;
    try {
      await service.scheduleTicks();
      await service.scheduleTicks();
      expect(await ticks()).toEqual([configured * 1000]);
      env.SEGMENT_REFRESH_TICK_SECONDS = 60;
      await service.scheduleTicks();
      expect(await ticks()).toEqual([60_000]);
    } finally {
      env.SEGMENT_REFRESH_TICK_SECONDS = configured;
      for (const job of await queue.getRepeatableJobs()) await queue.removeRepeatableByKey(job.key);
    }
  });

  describe('over HTTP', () => {
    let viewer: TestUser;
    let other: TestWorkspace;
    let segmentId: string;
    let matching: string[];

    beforeAll(async () => {
      await queue.resume(true);
      await useWorkspace('Refreshes over HTTP');
      matching = [await customer('GB', 200), await customer('GB', 300)];
      await customer('FR', 900);
      viewer = await addMember(app, url, w, 'viewer');
      other = await createWorkspace(app, url, 'Other refreshes');
      segmentId = await createSegment(GB_SPENDERS);
    });

    const waitFor = async (token: string, refreshId: string) => {
      for (let i = 0; i < 100; i++) {
        const res = await call(url, 'GET', `/api/segments/${segmentId}/refreshes/${refreshId}`, { token });
        if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`refresh ${refreshId} did not finish`);
    };

    it('refreshes on demand in the background (202), shows the progress record, and records the size history', async () => {
      const started = await call(url, 'POST', `/api/segments/${segmentId}/refresh`, { token: ws.owner.token });
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ segmentId, kind: 'full', trigger: 'manual', status: 'queued', size: null, evaluated: 0 });
      const done = await waitFor(ws.owner.token, started.body.id);
      expect(done).toMatchObject({
        status: 'completed',
        size: 2,
        added: 2,
        removed: 0,
        evaluated: 3,
        asOf: expect.any(String),
        durationMs: expect.any(Number),
      });
      expect(await memberIds(segmentId)).toEqual([...matching].sort());

      const joiner = await customer('GB', 5000);
      const second = await call(url, 'POST', `/api/segments/${segmentId}/refresh`, { token: ws.owner.token });
      await waitFor(ws.owner.token, second.body.id);
      const history = await call(url, 'GET', `/api/segments/${segmentId}/history`, { token: viewer.token });
      expect(history.status).toBe(200);
      expect(history.body.points).toEqual([
        { at: expect.any(String), size: 2, added: 2, removed: 0, kind: 'full', trigger: 'manual' },
        { at: expect.any(String), size: 3, added: 1, removed: 0, kind: 'full', trigger: 'manual' },
      ]);
      expect(new Date(history.body.to).getTime() - new Date(history.body.from).getTime()).toBe(90 * DAY);
      expect(await memberIds(segmentId)).toContain(joiner);

      jest.spyOn(app.get(RefreshClock), 'now').mockReturnValue(new Date(Date.now() + 2 * DAY));
      expect((await call(url, 'GET', `/api/segments/${segmentId}/history?days=1`, { token: viewer.token })).body.points).toEqual([]);
    });

    it('lets a viewer read but not refresh, and keeps other workspaces out', async () => {
      const denied = await call(url, 'POST', `/api/segments/${segmentId}/refresh`, { token: viewer.token });
      expect(denied.status).toBe(403);
      const [latest] = await ds.query(`SELECT id FROM segment_refreshes WHERE segment_id = $1 ORDER BY created_at DESC LIMIT 1`, [
        segmentId,
      ]);
      expect((await call(url, 'GET', `/api/segments/${segmentId}/refreshes/${latest.id}`, { token: viewer.token })).status).toBe(200);

      expect((await call(url, 'POST', `/api/segments/${segmentId}/refresh`, { token: other.owner.token })).status).toBe(404);
      expect((await call(url, 'GET', `/api/segments/${segmentId}/refreshes/${latest.id}`, { token: other.owner.token })).status).toBe(404);
      expect((await call(url, 'GET', `/api/segments/${segmentId}/history`, { token: other.owner.token })).status).toBe(404);
      const otherSegment = await createSegment(GB_SPENDERS, { workspaceId: other.workspaceId });
      expect((await call(url, 'GET', `/api/segments/${otherSegment}/refreshes/${latest.id}`, { token: other.owner.token })).status).toBe(
        404,
      );
    });

    it('answers 400 naming the parameter for a bad id or period', async () => {
      const badId = await call(url, 'POST', `/api/segments/nope/refresh`, { token: ws.owner.token });
      expect(badId.status).toBe(400);
      expect(badId.body.errors[0].field).toBe('id');
      const badRefresh = await call(url, 'GET', `/api/segments/${segmentId}/refreshes/nope`, { token: ws.owner.token });
      expect(badRefresh.body.errors[0].field).toBe('refreshId');
      const badDays = await call(url, 'GET', `/api/segments/${segmentId}/history?days=0`, { token: ws.owner.token });
      expect(badDays.status).toBe(400);
      expect(badDays.body.errors[0].field).toBe('days');
    });
  });
});
