import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { startTestApp } from '../../../test/test-app';
import { MetricsService } from '../../platform/metrics/metrics.service';
import { decodeQuotedPrintable, insertWorkspace, startFakeSendGrid, startSmtpCatcher, waitForMessage } from './email.fixtures.test';
import { PlatformEmailService } from './platform-email.service';

const data = { link: 'https://console.example/reset-password?token=t0k', name: 'Ada' };
type Body = { personalizations: { to: { email: string }[] }[] };
const recipientOf = (body: unknown) => (body as Body).personalizations[0].to[0].email;

/** Current value of `lodestar_platform_emails_total` for a transport and status. */
async function emailsCounted(app: NestFastifyApplication, transport: string, status: string): Promise<number> {
  const { values } = await app.get(MetricsService).emailsSent.get();
  return values.find((v) => v.labels.transport === transport && v.labels.status === status)?.value ?? 0;
}

/**
 * Delivery through real providers' protocols, the app in `all` mode (worker in-process, real Bull
 * on Redis with the global 3 attempts and exponential backoff from 2 s).
 */
describe('platform email delivery', () => {
  describe('through SendGrid', () => {
    let app: NestFastifyApplication;
    let ds: DataSource;
    let sendgrid: Awaited<ReturnType<typeof startFakeSendGrid>>;
    let workspaceId: string;
    const calls = new Map<string, number>();

    beforeAll(async () => {
      sendgrid = await startFakeSendGrid((request) => {
        const to = recipientOf(request.body);
        const n = (calls.get(to) ?? 0) + 1;
        calls.set(to, n);
        if (to.startsWith('unverified@')) {
          return { status: 400, body: { errors: [{ message: 'The from address does not match a verified Sender Identity.', field: 'from', help: null }] } };
        }
        if (to.startsWith('flaky@') && n === 1) return { status: 503, body: { errors: [{ message: 'Service unavailable', field: null }] } };
        if (to.startsWith('down@')) return { status: 500, body: { errors: [{ message: 'Internal error', field: null }] } };
        return { status: 202, headers: { 'x-message-id': `sg-${to}-${n}` } };
      });
      ({ app } = await startTestApp({
        env: { EMAIL_TRANSPORT: 'sendgrid', SENDGRID_API_KEY: 'SG.integration-test', SENDGRID_API_URL: sendgrid.url },
      }));
      ds = app.get(DataSource);
      workspaceId = await insertWorkspace(ds);
    });
    afterAll(async () => {
      await app.close();
      await sendgrid.close();
    });

    it('sends through the v3 API and records SendGrid’s message id', async () => {
      const { id } = await app.get(PlatformEmailService).send(workspaceId, { to: 'ok@example.com', template: 'password-reset', data });
      const row = await waitForMessage(ds, id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: 'sendgrid', provider_message_id: 'sg-ok@example.com-1', error: null });
      const request = sendgrid.requests.find((r) => recipientOf(r.body) === 'ok@example.com')!;
      expect(request.headers.authorization).toBe('Bearer SG.integration-test');
      expect(request.body).toMatchObject({
        from: { email: 'no-reply@lodestar.local' },
        subject: 'Reset your Lodestar password',
        content: [
          { type: 'text/plain', value: expect.stringContaining(data.link) },
          { type: 'text/html', value: expect.stringContaining('Hi Ada,') },
        ],
      });
    });

    it('fails a message SendGrid rejects (400) with its reason, without pointless retries', async () => {
      const { id } = await app.get(PlatformEmailService).send(workspaceId, { to: 'unverified@example.com', template: 'password-reset', data });
      const row = await waitForMessage(ds, id);
      expect(row).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: 'SendGrid rejected the message (HTTP 400): The from address does not match a verified Sender Identity. (from)',
        provider_message_id: null,
        sent_at: null,
      });
      await new Promise((r) => setTimeout(r, 2500)); // past the first backoff: no second request comes
      expect(calls.get('unverified@example.com')).toBe(1);
    });

    it('retries a 5xx and sends on the next attempt', async () => {
      const { id } = await app.get(PlatformEmailService).send(workspaceId, { to: 'flaky@example.com', template: 'password-reset', data });
      const first = await waitForMessage(ds, id, (m) => m.attempts >= 1);
      expect(first).toMatchObject({ status: 'queued', error: expect.stringContaining('SendGrid failed (HTTP 503)') });
      const row = await waitForMessage(ds, id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, error: null, provider_message_id: 'sg-flaky@example.com-2' });
    });

    it('marks the message failed only after the last of 3 attempts, and counts it once', async () => {
      const failedBefore = await emailsCounted(app, 'sendgrid', 'failed');
      const { id } = await app.get(PlatformEmailService).send(workspaceId, { to: 'down@example.com', template: 'password-reset', data });
      const second = await waitForMessage(ds, id, (m) => m.attempts >= 2);
      expect(second.status).toBe('queued');
      const row = await waitForMessage(ds, id);
      expect(row).toMatchObject({ status: 'failed', attempts: 3, error: 'SendGrid failed (HTTP 500): Internal error' });
      expect(calls.get('down@example.com')).toBe(3);
      expect(await emailsCounted(app, 'sendgrid', 'failed')).toBe(failedBefore + 1);
    }, 30_000);
  });

  describe('through SMTP', () => {
    let app: NestFastifyApplication;
    let ds: DataSource;
    let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
    let workspaceId: string;

    beforeAll(async () => {
      smtp = await startSmtpCatcher((address) => (address.startsWith('gone@') ? { code: 550, message: 'No such user here' } : undefined));
      ({ app } = await startTestApp({ env: { EMAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, EMAIL_FROM: 'Acme Marketing <marketing@acme.test>' } }));
      ds = app.get(DataSource);
      workspaceId = await insertWorkspace(ds);
    });
    afterAll(async () => {
      await app.close();
      await smtp.close();
    });

    it('delivers the invitation over SMTP and records its Message-ID', async () => {
      const { id } = await app.get(PlatformEmailService).send(workspaceId, {
        to: 'grace@example.com',
        template: 'invitation',
        data: { link: 'https://console.example/accept-invitation?token=inv1', workspaceName: 'Acme', inviterName: 'Ada' },
      });
      const row = await waitForMessage(ds, id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: 'smtp', provider_message_id: expect.stringMatching(/^<.+@acme\.test>$/) });
      const mail = smtp.messages.find((m) => m.to.includes('grace@example.com'))!;
      expect(mail.from).toBe('marketing@acme.test');
      expect(mail.raw).toMatch(/^Subject: Ada invited you to join Acme on Lodestar$/m);
      expect(mail.raw).toContain(`Message-ID: ${row.provider_message_id}`);
      expect(decodeQuotedPrintable(mail.raw)).toContain('https://console.example/accept-invitation?token=inv1');
    });

    it('fails at once when the server refuses the recipient (550)', async () => {
      const { id } = await app.get(PlatformEmailService).send(workspaceId, { to: 'gone@example.com', template: 'password-reset', data });
      const row = await waitForMessage(ds, id);
      expect(row).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringMatching(/^SMTP server rejected the message \(550\): .*No such user here/) });
    });
  });
});
