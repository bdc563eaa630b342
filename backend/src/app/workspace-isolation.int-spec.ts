import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addMember, call, createWorkspace, TestWorkspace } from '../../test/auth-helpers';
import { startTestApp } from '../../test/test-app';

/** A user of workspace A must never reach an object of workspace B, by id or in a list. */
describe('workspace isolation', () => {
  let app: NestFastifyApplication;
  let url: string;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const objectsOfB: Record<string, string> = {};

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    a = await createWorkspace(app, url, 'A');
    b = await createWorkspace(app, url, 'B');
    const token = b.owner.token;
    const member = await addMember(app, url, b.workspaceId, 'analyst');
    objectsOfB.member = member.userId;
    const role = await call(url, 'POST', '/api/roles', { token, body: { name: 'B role', permissions: ['users:read'] } });
    objectsOfB.role = role.body.id;
    const viewerRole = (await call(url, 'GET', '/api/roles', { token })).body.find((r: { key: string }) => r.key === 'viewer');
    const invitation = await call(url, 'POST', '/api/invitations', { token, body: { email: 'someone@b.test', roleId: viewerRole.id } });
    objectsOfB.invitation = invitation.body.id;
    const key = await call(url, 'POST', '/api/api-keys', { token, body: { name: 'B key', permissions: ['users:read'] } });
    objectsOfB.apiKey = key.body.apiKey.id;
    const mails = await call(url, 'GET', '/api/email/messages', { token });
    objectsOfB.email = mails.body.items[0].id;
    const rules = { version: 1, root: { type: 'group', operator: 'and', children: [] } };
    objectsOfB.segment = (await call(url, 'POST', '/api/segments', { token, body: { name: 'B segment', rules } })).body.id;
    for (const [name, id] of Object.entries(objectsOfB)) expect({ name, id }).toEqual({ name, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
  afterAll(() => app.close());

  it('answers 404 for every object of B addressed by id', async () => {
    const token = a.owner.token;
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `/api/users/${objectsOfB.member}`, { active: false }],
      ['PATCH', `/api/roles/${objectsOfB.role}`, { name: 'hijacked' }],
      ['DELETE', `/api/roles/${objectsOfB.role}`],
      ['DELETE', `/api/invitations/${objectsOfB.invitation}`],
      ['DELETE', `/api/api-keys/${objectsOfB.apiKey}`],
      ['GET', `/api/email/messages/${objectsOfB.email}`],
      ['GET', `/api/segments/${objectsOfB.segment}`],
      ['PATCH', `/api/segments/${objectsOfB.segment}`, { name: 'hijacked' }],
      ['DELETE', `/api/segments/${objectsOfB.segment}`],
      ['GET', `/api/segments/${objectsOfB.segment}/members`],
      ['GET', `/api/segments/${objectsOfB.segment}/members/export`],
      ['GET', `/api/segments/${objectsOfB.segment}/breakdown`],
      ['POST', '/api/segments/preview', { rules: { version: 1, root: { type: 'group', operator: 'and', children: [] } }, segmentId: objectsOfB.segment }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(url, method, path, { token, body });
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 404 });
    }
    // and B's objects are untouched
    const roles = (await call(url, 'GET', '/api/roles', { token: b.owner.token })).body;
    expect(roles.find((r: { id: string }) => r.id === objectsOfB.role).name).toBe('B role');
    const keys = (await call(url, 'GET', '/api/api-keys', { token: b.owner.token })).body;
    expect(keys.find((k: { id: string }) => k.id === objectsOfB.apiKey).revokedAt).toBeNull();
    expect((await call(url, 'GET', `/api/segments/${objectsOfB.segment}`, { token: b.owner.token })).body.name).toBe('B segment');
  });

  it('never lists objects of B', async () => {
    const token = a.owner.token;
    const ids = async (path: string) => {
      const body = (await call(url, 'GET', path, { token })).body;
      return (Array.isArray(body) ? body : body.items).map((x: { id: string }) => x.id);
    };
    expect(await ids('/api/users')).not.toContain(objectsOfB.member);
    expect(await ids('/api/roles')).not.toContain(objectsOfB.role);
    expect(await ids('/api/invitations')).not.toContain(objectsOfB.invitation);
    expect(await ids('/api/api-keys')).not.toContain(objectsOfB.apiKey);
    expect(await ids('/api/email/messages')).not.toContain(objectsOfB.email);
    expect(await ids('/api/segments')).not.toContain(objectsOfB.segment);
    const audit = (await call(url, 'GET', '/api/audit-events?limit=200', { token })).body.items;
    expect(audit.map((e: { objectId: string }) => e.objectId)).not.toContain(objectsOfB.role);
  });

  it("lets B's API key see only B", async () => {
    const key = await call(url, 'POST', '/api/api-keys', { token: b.owner.token, body: { name: 'reader', permissions: ['users:read'] } });
    const users = await call(url, 'GET', '/api/users', { apiKey: key.body.secret });
    expect(users.status).toBe(200);
    expect(users.body.items.map((u: { email: string }) => u.email)).toContain(b.owner.email);
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toContain(a.owner.email);
  });
});
