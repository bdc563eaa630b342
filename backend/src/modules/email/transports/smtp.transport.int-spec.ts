import { decodeQuotedPrintable, startSmtpCatcher } from '../email.fixtures.test';
import type { OutgoingEmail } from './email-transport';
import { SmtpTransport } from './smtp.transport';

const email: OutgoingEmail = {
  id: '00000000-0000-4000-8000-000000000001',
  to: 'ada@example.com',
  from: 'Lodestar <no-reply@lodestar.local>',
  subject: 'Reset your Lodestar password',
  html: '<p>Open <a href="https://console.example/reset-password?token=abc">the link</a></p>',
  text: 'Open https://console.example/reset-password?token=abc',
};

/** nodemailer against a real SMTP server (smtp-server) on 127.0.0.1. */
describe('SmtpTransport', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher((address) => {
      if (address.startsWith('gone@')) return { code: 550, message: 'No such user here' };
      if (address.startsWith('busy@')) return { code: 451, message: 'Try again later' };
      return undefined;
    });
  });
  afterAll(() => smtp.close());

  it('delivers a multipart message with both parts and returns its Message-ID', async () => {
    const { providerMessageId } = await new SmtpTransport(smtp.url).send(email);
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.from).toBe('no-reply@lodestar.local');
    expect(mail.to).toEqual(['ada@example.com']);
    expect(mail.raw).toMatch(/^Subject: Reset your Lodestar password$/m);
    expect(mail.raw).toMatch(/^From: Lodestar <no-reply@lodestar\.local>$/m);
    expect(mail.raw).toContain('multipart/alternative');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const body = decodeQuotedPrintable(mail.raw);
    expect(body).toContain('Open https://console.example/reset-password?token=abc');
    expect(body).toContain('<a href="https://console.example/reset-password?token=abc">');
    expect(providerMessageId).toMatch(/^<.+@lodestar\.local>$/);
    expect(mail.raw).toContain(`Message-ID: ${providerMessageId}`);
  });

  it('reports a 5xx refusal as permanent and a 4xx as worth retrying', async () => {
    const transport = new SmtpTransport(smtp.url);
    await expect(transport.send({ ...email, to: 'gone@example.com' })).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(/^SMTP server rejected the message \(550\): .*No such user here/),
    });
    await expect(transport.send({ ...email, to: 'busy@example.com' })).rejects.toMatchObject({
      retryable: true,
      message: expect.stringMatching(/^SMTP server deferred the message \(451\): .*Try again later/),
    });
  });

  it('reports an unreachable server as worth retrying', async () => {
    const down = await startSmtpCatcher();
    await down.close();
    await expect(new SmtpTransport(down.url).send(email)).rejects.toMatchObject({
      retryable: true,
      message: expect.stringMatching(/^SMTP server could not be reached: .*ECONNREFUSED/),
    });
  });
});
