import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { ApiResult, call, createWorkspace, TestWorkspace, uniqueEmail } from '../../../test/auth-helpers';
import { startTestApp } from '../../../test/test-app';
import { Transactions } from '../../platform/database/transactions';
import { waitForMessage } from './email.fixtures.test';
import { EMAIL_QUEUE } from './email.jobs';
import { PlatformEmailService } from './platform-email.service';

const link = (token: string) => `https://console.example/reset-password?token=${token}`;

/** The sandbox transport end to end: service → Bull (Redis) → processor → PostgreSQL → HTTP. */
describe('platform email with the sandbox transport', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let email: PlatformEmailService;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    email = app.get(PlatformEmailService);
    ws = await createWorkspace(app, url, 'Email workspace');
    other = await createWorkspace(app, url, 'Other workspace');
  });
  afterAll(() => app.close());

  it('has a migration that matches the EmailMessage entity', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).filter((q) => q.includes('email_messages'))).toEqual([]);
  });

  it('stores the message as queued, then the worker marks it sent', async () => {
    const queue = app.get<Queue>(getQueueToken(EMAIL_QUEUE));
    await queue.pause(true); // this process's worker stops taking jobs
    const { id } = await email.send(ws.workspaceId, { to: 'ada@example.com', template: 'password-reset', data: { link: link('a'), name: 'Ada' } });
    const [queued] = await ds.query('SELECT status, attempts, transport, template, to_address, subject FROM email_messages WHERE id = $1', [id]);
    expect(queued).toEqual({
      status: 'queued',
      attempts: 0,
      transport: 'sandbox',
      template: 'password-reset',
      to_address: 'ada@example.com',
      subject: 'Reset your Lodestar password',
    });
    expect(await queue.getJob(id)).toMatchObject({ name: 'send', data: { workspaceId: ws.workspaceId, messageId: id } });

    await queue.resume(true);
    const sent = await waitForMessage(ds, id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, error: null, transport: 'sandbox', provider_message_id: null });
    expect(sent.sent_at).toBeInstanceOf(Date);

    const metrics = await (await fetch(`${url}/api/metrics`)).text();
    expect(metrics).toMatch(/lodestar_platform_emails_total\{transport="sandbox",status="sent"\} [1-9]/);
  });

  it('stores the message in the caller’s transaction and delivers it once committed', async () => {
    const id = await app.get(Transactions).run(async (manager) => {
      const sent = await email.send(ws.workspaceId, { to: 'tx@example.com', template: 'password-reset', data: { link: link('tx') } }, manager);
      await new Promise((r) => setTimeout(r, 500)); // the worker takes the job now and finds no committed row
      return sent.id;
    });
    const row = await waitForMessage(ds, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, error: null });
  });

  it('leaves nothing behind when the caller’s transaction rolls back', async () => {
    let id = '';
    await expect(
      app.get(Transactions).run(async (manager) => {
        ({ id } = await email.send(ws.workspaceId, { to: 'rollback@example.com', template: 'password-reset', data: { link: link('rb') } }, manager));
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('the caller changed its mind');
    expect(await ds.query('SELECT id FROM email_messages WHERE id = $1', [id])).toEqual([]);
  });

  describe('GET /api/email/messages', () => {
    const ids: string[] = [];
    const recipient = uniqueEmail('inbox');

    beforeAll(async () => {
      for (const [i, template] of (['invitation', 'password-reset', 'invitation', 'password-reset', 'invitation'] as const).entries()) {
        const { id } = await email.send(ws.workspaceId, { to: recipient, template, data: { link: link(String(i)), workspaceName: 'Email workspace' } });
        ids.unshift(id); // newest first
      }
      await Promise.all(ids.map((id) => waitForMessage(ds, id)));
      await email.send(other.workspaceId, { to: recipient, template: 'invitation', data: { link: link('x') } });
    });

    it('lists the workspace’s emails newest first, page by page', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `to=${encodeURIComponent(recipient)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: ApiResult<{ items: { id: string }[]; nextCursor: string | null }> = await call(url, 'GET', `/api/email/messages?${query}`, {
          token: ws.owner.token,
        });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((m: { id: string }) => m.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids); // all five, none from the other workspace, no repeats
    });

    it('describes each email without its content', async () => {
      const page = await call(url, 'GET', `/api/email/messages?to=${encodeURIComponent(recipient)}&limit=1`, { token: ws.owner.token });
      expect(page.body.items[0]).toEqual({
        id: ids[0],
        to: recipient,
        subject: 'You are invited to join Email workspace on Lodestar',
        template: 'invitation',
        transport: 'sandbox',
        status: 'sent',
        error: null,
        attempts: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });

    it('filters by template, status and part of the recipient', async () => {
      const to = encodeURIComponent(recipient.slice(0, 12).toUpperCase());
      const invitations = await call(url, 'GET', `/api/email/messages?to=${to}&template=invitation&status=sent`, { token: ws.owner.token });
      expect(invitations.body.items.map((m: { id: string }) => m.id)).toEqual([ids[0], ids[2], ids[4]]);
      const failed = await call(url, 'GET', `/api/email/messages?to=${to}&status=failed`, { token: ws.owner.token });
      expect(failed.body).toEqual({ items: [], nextCursor: null });
      const wildcard = await call(url, 'GET', `/api/email/messages?to=%25`, { token: ws.owner.token });
      expect(wildcard.body.items).toEqual([]); // `%` is a character, not a wildcard
    });

    it('answers 400 naming the field for bad filters, unknown fields and bad cursors', async () => {
      const cases: [string, string][] = [
        ['status=bounced', 'status'],
        ['template=newsletter', 'template'],
        ['limit=0', 'limit'],
        ['sort=asc', 'sort'],
        ['cursor=not-a-cursor', 'cursor'],
      ];
      for (const [query, field] of cases) {
        const res = await call(url, 'GET', `/api/email/messages?${query}`, { token: ws.owner.token });
        expect({ query, status: res.status, type: res.headers.get('content-type') }).toEqual({ query, status: 400, type: expect.stringContaining('application/problem+json') });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });

    it('shows one email with its HTML and text', async () => {
      const res = await call(url, 'GET', `/api/email/messages/${ids[1]}`, { token: ws.owner.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ids[1], template: 'password-reset', from: 'Lodestar <no-reply@lodestar.local>', status: 'sent' });
      expect(res.body.text).toContain(link('3'));
      expect(res.body.html).toContain('reset-password?token&#x3D;3');
    });

    it('answers 404 for another workspace’s email and 400 for a malformed id', async () => {
      const foreign = await call(url, 'GET', `/api/email/messages/${ids[0]}`, { token: other.owner.token });
      expect(foreign.status).toBe(404);
      expect(foreign.body.type).toMatch(/not-found$/);
      const malformed = await call(url, 'GET', '/api/email/messages/12345', { token: ws.owner.token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });

    it('requires a signed-in caller', async () => {
      expect((await call(url, 'GET', '/api/email/messages')).status).toBe(401);
    });
  });

  it('logs the email the auth module sends for an invitation, with its accept link', async () => {
    const roles = await call(url, 'GET', '/api/roles', { token: ws.owner.token });
    const viewer = roles.body.find((r: { key: string }) => r.key === 'viewer');
    const invitee = uniqueEmail('invitee');
    const created = await call(url, 'POST', '/api/invitations', { token: ws.owner.token, body: { email: invitee, roleId: viewer.id } });
    expect(created.status).toBe(201);

    const list = await call(url, 'GET', `/api/email/messages?to=${encodeURIComponent(invitee)}`, { token: ws.owner.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].template).toBe('invitation');
    const detail = await call(url, 'GET', `/api/email/messages/${list.body.items[0].id}`, { token: ws.owner.token });
    expect(detail.body.text).toMatch(/\/accept-invitation\?token=\S+/);
    expect(detail.body.text).toContain('as Viewer');
  });
});
