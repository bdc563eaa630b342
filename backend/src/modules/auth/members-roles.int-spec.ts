import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addMember, call, createWorkspace, TestWorkspace } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';

describe('members and roles', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ws: TestWorkspace;
  let roleId: (key: string) => Promise<string>;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ws = await createWorkspace(app, url);
    roleId = async (key) => (await call(url, 'GET', '/api/roles', { token: ws.owner.token })).body.find((r: { key: string }) => r.key === key).id;
  });
  afterAll(() => app.close());

  it('seeds the five built-in roles with their permissions', async () => {
    const roles = (await call(url, 'GET', '/api/roles', { token: ws.owner.token })).body;
    expect(roles.map((r: { key: string }) => r.key)).toEqual(['owner', 'admin', 'manager', 'analyst', 'viewer']);
    const viewer = roles.find((r: { key: string }) => r.key === 'viewer');
    expect(viewer.permissions).toContain('customers:read');
    expect(viewer.permissions).not.toContain('users:manage');
    expect(roles.find((r: { key: string }) => r.key === 'owner').memberCount).toBe(1);
  });

  it('changes a role and the new permissions apply at once, with an audit event', async () => {
    const member = await addMember(app, url, ws.workspaceId, 'viewer');
    expect((await call(url, 'GET', '/api/api-keys', { token: member.token })).status).toBe(403);
    const res = await call(url, 'PATCH', `/api/users/${member.userId}`, { token: ws.owner.token, body: { roleId: await roleId('admin') } });
    expect(res.status).toBe(200);
    expect(res.body.role.key).toBe('admin');
    expect((await call(url, 'GET', '/api/api-keys', { token: member.token })).status).toBe(200);
    const audit = await call(url, 'GET', `/api/audit-events?action=member.update&objectId=${member.userId}`, { token: ws.owner.token });
    expect(audit.body.items[0]).toMatchObject({ actorId: ws.owner.userId, before: { role: 'viewer' }, after: { role: 'admin' } });
  });

  it('deactivating a member ends their access immediately', async () => {
    const member = await addMember(app, url, ws.workspaceId, 'manager');
    expect((await call(url, 'PATCH', `/api/users/${member.userId}`, { token: ws.owner.token, body: { active: false } })).status).toBe(200);
    expect((await call(url, 'GET', '/api/me', { token: member.token })).status).toBe(401);
    expect((await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: member.refreshToken } })).status).toBe(401);
  });

  it('keeps the last owner and refuses changes to yourself', async () => {
    const self = await call(url, 'PATCH', `/api/users/${ws.owner.userId}`, { token: ws.owner.token, body: { active: false } });
    expect(self.status).toBe(409);
    const admin = await addMember(app, url, ws.workspaceId, 'admin');
    const demote = await call(url, 'PATCH', `/api/users/${ws.owner.userId}`, { token: admin.token, body: { roleId: await roleId('viewer') } });
    expect(demote.status).toBe(403); // an admin cannot touch an owner (owner holds workspace:manage)
    const second = await addMember(app, url, ws.workspaceId, 'owner');
    expect((await call(url, 'PATCH', `/api/users/${second.userId}`, { token: ws.owner.token, body: { roleId: await roleId('viewer') } })).status).toBe(200);
  });

  it('creates, edits and deletes custom roles; built-ins are fixed', async () => {
    const created = await call(url, 'POST', '/api/roles', {
      token: ws.owner.token,
      body: { name: 'Campaign editor', description: 'Edits campaigns', permissions: ['campaigns:read', 'campaigns:write'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ builtIn: false, permissions: ['campaigns:read', 'campaigns:write'] });

    const unknown = await call(url, 'POST', '/api/roles', { token: ws.owner.token, body: { name: 'Bad', permissions: ['nuke:all'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('permissions');

    const edited = await call(url, 'PATCH', `/api/roles/${created.body.id}`, { token: ws.owner.token, body: { permissions: ['campaigns:read'] } });
    expect(edited.body.permissions).toEqual(['campaigns:read']);
    expect((await call(url, 'PATCH', `/api/roles/${await roleId('viewer')}`, { token: ws.owner.token, body: { name: 'x1' } })).status).toBe(409);

    const holder = await addMember(app, url, ws.workspaceId, created.body.key);
    expect((await call(url, 'DELETE', `/api/roles/${created.body.id}`, { token: ws.owner.token })).status).toBe(409);
    await call(url, 'PATCH', `/api/users/${holder.userId}`, { token: ws.owner.token, body: { roleId: await roleId('viewer') } });
    expect((await call(url, 'DELETE', `/api/roles/${created.body.id}`, { token: ws.owner.token })).status).toBe(204);
  });

  it('does not let an admin create a role with permissions they lack', async () => {
    const admin = await addMember(app, url, ws.workspaceId, 'admin');
    const res = await call(url, 'POST', '/api/roles', { token: admin.token, body: { name: 'Sneaky', permissions: ['workspace:manage'] } });
    expect(res.status).toBe(403);
  });

  it('searches members and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await addMember(app, url, ws.workspaceId, 'analyst');
    const first = await call(url, 'GET', '/api/users?limit=2', { token: ws.owner.token });
    expect(first.body.items).toHaveLength(2);
    const second = await call(url, 'GET', `/api/users?limit=2&cursor=${first.body.nextCursor}`, { token: ws.owner.token });
    expect(second.body.items[0].email > first.body.items[1].email).toBe(true);
    const search = await call(url, 'GET', `/api/users?q=${encodeURIComponent(ws.owner.email)}`, { token: ws.owner.token });
    expect(search.body.items.map((m: { email: string }) => m.email)).toEqual([ws.owner.email]);
    expect((await call(url, 'GET', '/api/users?cursor=garbage', { token: ws.owner.token })).status).toBe(400);
  });
});
