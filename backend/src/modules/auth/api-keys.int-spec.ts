import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, TestWorkspace } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';

describe('API keys', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ws: TestWorkspace;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ws = await createWorkspace(app, url);
  });
  afterAll(() => app.close());

  it('shows the secret once, stores only its hash, scopes and records use', async () => {
    const created = await call(url, 'POST', '/api/api-keys', { token: ws.owner.token, body: { name: 'Shop', permissions: ['users:read'] } });
    expect(created.status).toBe(201);
    const { secret, apiKey } = created.body;
    expect(secret).toMatch(/^lsk_/);
    expect(apiKey.prefix).toBe(secret.slice(0, 12));
    const [row] = await app.get(DataSource).query('SELECT key_hash FROM api_keys WHERE id = $1', [apiKey.id]);
    expect(row.key_hash).not.toContain(secret);
    expect(JSON.stringify((await call(url, 'GET', '/api/api-keys', { token: ws.owner.token })).body)).not.toContain(secret);

    expect((await call(url, 'GET', '/api/users', { apiKey: secret })).status).toBe(200);
    expect((await call(url, 'GET', '/api/audit-events', { apiKey: secret })).status).toBe(403);
    expect((await call(url, 'GET', '/api/me', { apiKey: secret })).status).toBe(403);
    const listed = (await call(url, 'GET', '/api/api-keys', { token: ws.owner.token })).body.find((k: { id: string }) => k.id === apiKey.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('revoked and expired keys are refused', async () => {
    const created = await call(url, 'POST', '/api/api-keys', { token: ws.owner.token, body: { name: 'Temp', permissions: ['users:read'] } });
    expect((await call(url, 'DELETE', `/api/api-keys/${created.body.apiKey.id}`, { token: ws.owner.token })).status).toBe(204);
    expect((await call(url, 'GET', '/api/users', { apiKey: created.body.secret })).status).toBe(401);
    expect((await call(url, 'GET', '/api/users', { apiKey: 'lsk_made_up' })).status).toBe(401);
    const past = await call(url, 'POST', '/api/api-keys', { token: ws.owner.token, body: { name: 'Old', permissions: ['users:read'], expiresAt: '2001-01-01T00:00:00Z' } });
    expect(past.status).toBe(422);
    expect(past.body.errors[0].field).toBe('expiresAt');
  });

  it('cannot carry permissions its creator lacks', async () => {
    const admin = await addMember(app, url, ws.workspaceId, 'admin');
    const res = await call(url, 'POST', '/api/api-keys', { token: admin.token, body: { name: 'Escalate', permissions: ['workspace:manage'] } });
    expect(res.status).toBe(403);
  });
});
