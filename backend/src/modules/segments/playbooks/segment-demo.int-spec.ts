import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { call, createWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { DemoService } from '../../customers/demo/demo.service';
import { waitUntilReady } from '../segments.fixtures.test';
import { DEMO_PLAYBOOK_KEYS, findPlaybook } from './segment-playbooks';
import { SegmentPlaybooksService } from './segment-playbooks.service';

const system = { type: 'system' as const, id: 'test', label: 'demo test' };

/** The customers demo data brings the demo segments, created by the segments worker from the demo-loaded event. */
describe('demo segments', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp({ env: { DEMO_CUSTOMERS: '300' } }));
  });
  afterAll(() => app.close());

  it('creates and refreshes the demo playbooks once the demo data is loaded, and only once', async () => {
    const ws = await createWorkspace(app, url, 'Demo');
    const token = ws.owner.token;
    await app.get(DemoService).load(ws.workspaceId, system);

    const names = DEMO_PLAYBOOK_KEYS.map((key) => findPlaybook(key)?.name);
    let listed: { id: string; name: string; playbookKey: string }[] = [];
    for (const until = Date.now() + 30_000; listed.length < names.length && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      listed = (await call(url, 'GET', '/api/segments?limit=100', { token })).body.items;
    }
    expect(listed.map((s) => s.name).sort()).toEqual([...names].sort());
    expect(listed.map((s) => s.playbookKey).sort()).toEqual([...DEMO_PLAYBOOK_KEYS].sort());

    const ready = await Promise.all(listed.map((s) => waitUntilReady(url, token, s.id, 60_000)));
    const tierMembers = ready.filter((s) => String(s.playbookKey).startsWith('rfm-')).reduce((n, s) => n + Number(s.memberCount), 0);
    const stats = (await call(url, 'GET', '/api/customers/stats', { token })).body;
    expect(tierMembers).toBe(stats.totalCustomers - stats.unscoredCustomers); // every scored customer is in exactly one tier segment
    expect(ready.find((s) => s.playbookKey === 'rfm-champions')?.memberCount).toBeGreaterThan(0);
    expect(ready.every((s) => s.createdBy === system.label)).toBe(true);

    // The same event again (a retried job) creates nothing twice.
    expect(await app.get(SegmentPlaybooksService).createDemoSegments({ workspaceId: ws.workspaceId, requestedBy: system })).toEqual([]);
    expect((await call(url, 'GET', '/api/segments?limit=100', { token })).body.items).toHaveLength(names.length);
  }, 120_000);
});
