import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addMember, call, createWorkspace, TestWorkspace } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';

describe('audit log', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ws: TestWorkspace;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ws = await createWorkspace(app, url);
    await call(url, 'POST', '/api/roles', { token: ws.owner.token, body: { name: 'Audited role', permissions: ['users:read'] } });
    await call(url, 'PATCH', '/api/workspace', { token: ws.owner.token, body: { name: 'Renamed' } });
  });
  afterAll(() => app.close());

  it('records who did what with before/after, filterable, without secrets', async () => {
    const rename = await call(url, 'GET', '/api/audit-events?action=workspace.update', { token: ws.owner.token });
    expect(rename.body.items).toHaveLength(1);
    expect(rename.body.items[0]).toMatchObject({
      actorType: 'user',
      actorLabel: ws.owner.email,
      objectType: 'workspace',
      before: { name: 'Test workspace' },
      after: { name: 'Renamed' },
      requestId: expect.any(String),
    });
    const roles = await call(url, 'GET', '/api/audit-events?objectType=role', { token: ws.owner.token });
    expect(roles.body.items.map((e: { action: string }) => e.action)).toEqual(['role.create']);
    const future = await call(url, 'GET', `/api/audit-events?from=${new Date(Date.now() + 60_000).toISOString()}`, { token: ws.owner.token });
    expect(future.body.items).toHaveLength(0);
    const key = await call(url, 'POST', '/api/api-keys', { token: ws.owner.token, body: { name: 'key one', permissions: ['users:read'] } });
    const keyEvent = await call(url, 'GET', `/api/audit-events?objectId=${key.body.apiKey.id}`, { token: ws.owner.token });
    expect(JSON.stringify(keyEvent.body)).not.toContain(key.body.secret);
  });

  it('exports CSV with a header and one line per event', async () => {
    const res = await fetch(`${url}/api/audit-events/export?objectType=workspace`, { headers: { authorization: `Bearer ${ws.owner.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('createdAt,actorType,actorId,actorLabel,action,objectType,objectId,before,after,requestId,ip');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('workspace.update');
  });

  it('is closed to roles without audit:read, and rejects bad filters with 400', async () => {
    const manager = await addMember(app, url, ws.workspaceId, 'manager');
    expect((await call(url, 'GET', '/api/audit-events', { token: manager.token })).status).toBe(403);
    const bad = await call(url, 'GET', '/api/audit-events?from=yesterday', { token: ws.owner.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
  });
});
