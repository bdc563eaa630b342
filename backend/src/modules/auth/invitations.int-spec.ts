import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, login, TestWorkspace, TEST_PASSWORD, uniqueEmail } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';

describe('invitations', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ws: TestWorkspace;
  let roles: Record<string, string>;

  const invitationToken = async (email: string) => {
    const rows = await app.get(DataSource).query("SELECT text FROM email_messages WHERE to_address = $1 AND template = 'invitation' ORDER BY created_at DESC LIMIT 1", [email]);
    return /accept-invitation\?token=([\w-]+)/.exec(rows[0].text)![1];
  };

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ws = await createWorkspace(app, url, 'Acme');
    roles = Object.fromEntries((await call(url, 'GET', '/api/roles', { token: ws.owner.token })).body.map((r: { key: string; id: string }) => [r.key, r.id]));
  });
  afterAll(() => app.close());

  it('invites a new person who accepts by the emailed link and signs in with the role', async () => {
    const email = uniqueEmail('new');
    const created = await call(url, 'POST', '/api/invitations', { token: ws.owner.token, body: { email, roleId: roles.manager } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, status: 'pending', role: { key: 'manager' }, invitedBy: ws.owner.email });

    const token = await invitationToken(email);
    const preview = await call(url, 'GET', `/api/auth/invitations/${token}`);
    expect(preview.body).toMatchObject({ email, workspaceName: 'Acme', roleName: 'Manager', existingUser: false });

    const accepted = await call(url, 'POST', '/api/auth/invitations/accept', { body: { token, name: 'New Person', password: 'a-good-long-password' } });
    expect(accepted.status).toBe(200);
    const me = await call(url, 'GET', '/api/me', { token: accepted.body.accessToken });
    expect(me.body).toMatchObject({ user: { email, name: 'New Person' }, role: { key: 'manager' } });
    const member = await call(url, 'GET', `/api/users?q=${encodeURIComponent(email)}`, { token: ws.owner.token });
    expect(member.body.items[0].lastLoginAt).not.toBeNull();

    expect((await call(url, 'POST', '/api/auth/invitations/accept', { body: { token, name: 'x', password: 'a-good-long-password' } })).status).toBe(401);
    const list = await call(url, 'GET', '/api/invitations?status=accepted', { token: ws.owner.token });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
  });

  it('lets someone with an account in another workspace accept with their current password', async () => {
    const other = await createWorkspace(app, url, 'Other');
    await call(url, 'POST', '/api/invitations', { token: ws.owner.token, body: { email: other.owner.email, roleId: roles.analyst } });
    const token = await invitationToken(other.owner.email);
    expect((await call(url, 'GET', `/api/auth/invitations/${token}`)).body.existingUser).toBe(true);
    const wrong = await call(url, 'POST', '/api/auth/invitations/accept', { body: { token, name: '', password: 'not-my-password!' } });
    expect(wrong.status).toBe(401);
    const ok = await call(url, 'POST', '/api/auth/invitations/accept', { body: { token, name: '', password: TEST_PASSWORD } });
    expect(ok.status).toBe(200);
    await login(url, other.owner.email, TEST_PASSWORD, ws.workspaceId);
    const me = await call(url, 'GET', '/api/me', { token: ok.body.accessToken });
    expect(me.body.workspaces).toHaveLength(2);

    // and moves between the two workspaces without signing in again
    const moved = await call(url, 'POST', '/api/me/workspace', { token: ok.body.accessToken, body: { workspaceId: other.workspaceId } });
    expect(moved.status).toBe(200);
    const there = await call(url, 'GET', '/api/me', { token: moved.body.accessToken });
    expect(there.body).toMatchObject({ workspace: { id: other.workspaceId, name: 'Other' }, role: { key: 'owner' } });
    expect((await call(url, 'GET', '/api/me', { token: ok.body.accessToken })).status).toBe(401); // the old session ended
    const stranger = await createWorkspace(app, url, 'Not theirs');
    const refused = await call(url, 'POST', '/api/me/workspace', { token: moved.body.accessToken, body: { workspaceId: stranger.workspaceId } });
    expect(refused.status).toBe(404);
  });

  it('revokes an invitation so its link stops working', async () => {
    const email = uniqueEmail('revoked');
    const created = await call(url, 'POST', '/api/invitations', { token: ws.owner.token, body: { email, roleId: roles.viewer } });
    const token = await invitationToken(email);
    expect((await call(url, 'DELETE', `/api/invitations/${created.body.id}`, { token: ws.owner.token })).status).toBe(204);
    expect((await call(url, 'GET', `/api/auth/invitations/${token}`)).status).toBe(401);
  });

  it('refuses to invite with a role above the inviter, an existing member, or a bad email', async () => {
    const admin = await addMember(app, url, ws.workspaceId, 'admin');
    expect((await call(url, 'POST', '/api/invitations', { token: admin.token, body: { email: uniqueEmail('x'), roleId: roles.owner } })).status).toBe(403);
    expect((await call(url, 'POST', '/api/invitations', { token: ws.owner.token, body: { email: admin.email, roleId: roles.viewer } })).status).toBe(409);
    const bad = await call(url, 'POST', '/api/invitations', { token: ws.owner.token, body: { email: 'not-an-email', roleId: roles.viewer } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('email');
  });
});
