import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { call, createWorkspace, login, TestWorkspace, TEST_PASSWORD } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';

describe('sessions: sign-in, lockout, rate limit, refresh rotation, reset', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ws: TestWorkspace;

  beforeAll(async () => {
    ({ app, url } = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_SECONDS: '600' } }));
    ws = await createWorkspace(app, url);
  });
  afterAll(() => app.close());

  it('signs in and reads the profile with the access token', async () => {
    const me = await call(url, 'GET', '/api/me', { token: ws.owner.token });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ws.owner.email);
    expect(me.body.role.key).toBe('owner');
    expect(me.body.permissions).toContain('users:manage');
  });

  it('rejects a wrong password with 401 and an unknown email the same way', async () => {
    const wrong = await call(url, 'POST', '/api/auth/login', { body: { email: ws.owner.email, password: 'not-the-password' } });
    const unknown = await call(url, 'POST', '/api/auth/login', { body: { email: 'nobody@example.test', password: 'whatever-password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.type).toBe(unknown.body.type);
    await login(url, ws.owner.email, TEST_PASSWORD); // a success resets the failure count
  });

  it('locks the account after repeated failures (423), even with the right password', async () => {
    const other = await createWorkspace(app, url);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await call(url, 'POST', '/api/auth/login', { body: { email: other.owner.email, password: 'wrong-password-x' } })).status);
    }
    expect(statuses).toEqual([401, 401, 423]);
    const right = await call(url, 'POST', '/api/auth/login', { body: { email: other.owner.email, password: TEST_PASSWORD } });
    expect(right.status).toBe(423);
    expect(right.body.type).toMatch(/account-locked$/);
  });

  it('rotates refresh tokens, and a reused one revokes the whole session family', async () => {
    const first = await login(url, ws.owner.email, TEST_PASSWORD);
    const second = await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const reuse = await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.type).toMatch(/refresh-token-reused$/);

    const descendant = await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(descendant.status).toBe(401);
  });

  it('logout ends the session: its refresh token and, at once, its access token', async () => {
    const tokens = await login(url, ws.owner.email, TEST_PASSWORD);
    expect((await call(url, 'GET', '/api/me', { token: tokens.accessToken })).status).toBe(200);
    expect((await call(url, 'POST', '/api/auth/logout', { body: { refreshToken: tokens.refreshToken } })).status).toBe(204);
    expect((await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
    expect((await call(url, 'GET', '/api/me', { token: tokens.accessToken })).status).toBe(401);
    expect((await call(url, 'GET', '/api/me', { token: ws.owner.token })).status).toBe(200); // other sessions live on
  });

  it('changing the password keeps this session and ends the others', async () => {
    const other = await createWorkspace(app, url);
    const second = await login(url, other.owner.email, TEST_PASSWORD);
    const res = await call(url, 'POST', '/api/me/password', {
      token: other.owner.token,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a-changed-password-1' },
    });
    expect(res.status).toBe(204);
    expect((await call(url, 'GET', '/api/me', { token: other.owner.token })).status).toBe(200);
    expect((await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: other.owner.refreshToken } })).status).toBe(200);
    expect((await call(url, 'GET', '/api/me', { token: second.accessToken })).status).toBe(401);
    expect((await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: second.refreshToken } })).status).toBe(401);
    const wrong = await call(url, 'POST', '/api/me/password', {
      token: other.owner.token,
      body: { currentPassword: 'not-the-password', newPassword: 'another-password-2' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
  });

  it('pins the JWT algorithm, issuer and audience', async () => {
    const { sid } = jwt.decode(ws.owner.token) as { sid: string };
    const payload = { sub: ws.owner.userId, wid: ws.workspaceId, sid };
    const secret = 'test-secret-that-is-long-enough-for-hs256-signing';
    const forged = [
      jwt.sign(payload, secret, { algorithm: 'HS512', issuer: 'lodestar', audience: 'lodestar-api' }),
      jwt.sign(payload, secret, { algorithm: 'HS256', issuer: 'someone-else', audience: 'lodestar-api' }),
      jwt.sign(payload, secret, { algorithm: 'HS256', issuer: 'lodestar', audience: 'other-api' }),
      jwt.sign(payload, 'a-different-secret-of-enough-length!!', { algorithm: 'HS256', issuer: 'lodestar', audience: 'lodestar-api' }),
      jwt.sign(payload, '', { algorithm: 'none' }),
    ];
    for (const token of forged) expect((await call(url, 'GET', '/api/me', { token })).status).toBe(401);
    const good = jwt.sign(payload, secret, { algorithm: 'HS256', issuer: 'lodestar', audience: 'lodestar-api' });
    expect((await call(url, 'GET', '/api/me', { token: good })).status).toBe(200);
  });

  it('resets a password by emailed one-time link and ends existing sessions', async () => {
    const other = await createWorkspace(app, url);
    expect((await call(url, 'POST', '/api/auth/password-reset', { body: { email: other.owner.email } })).status).toBe(202);
    expect((await call(url, 'POST', '/api/auth/password-reset', { body: { email: 'nobody@example.test' } })).status).toBe(202);
    const [mail] = await app
      .get(DataSource)
      .query("SELECT text FROM email_messages WHERE to_address = $1 AND template = 'password-reset'", [other.owner.email]);
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text)![1];

    const weak = await call(url, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'short' } });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('password');

    const ok = await call(url, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'a-brand-new-password' } });
    expect(ok.status).toBe(204);
    expect((await call(url, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'another-new-password' } })).status).toBe(401);
    expect((await call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: other.owner.refreshToken } })).status).toBe(401);
    const fresh = await login(url, other.owner.email, 'a-brand-new-password');
    const audit = await call(url, 'GET', '/api/audit-events?action=user.password_reset', { token: fresh.accessToken });
    expect(audit.body.items).toHaveLength(1);
  });

  it('rejects unknown fields and names the field', async () => {
    const res = await call(url, 'POST', '/api/auth/login', { body: { email: ws.owner.email, password: 'x', isAdmin: true } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('isAdmin');
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 after the per-minute limit for one address and account', async () => {
    const { app, url } = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await call(url, 'POST', '/api/auth/login', { body: { email: 'rl@example.test', password: 'wrong-password' } })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });
});
