import { startFakeSendGrid } from '../email.fixtures.test';
import { EmailTransportError } from './email-transport';
import type { OutgoingEmail } from './email-transport';
import { SendGridTransport } from './sendgrid.transport';

const email: OutgoingEmail = {
  id: '00000000-0000-4000-8000-000000000001',
  to: 'ada@example.com',
  from: 'Lodestar <no-reply@lodestar.local>',
  subject: 'Reset your Lodestar password',
  html: '<p>Choose a new password</p>',
  text: 'Choose a new password',
};

/** The real @sendgrid/mail client against a local server speaking SendGrid's v3 Mail Send format. */
describe('SendGridTransport', () => {
  let sendgrid: Awaited<ReturnType<typeof startFakeSendGrid>>;
  let transport: SendGridTransport;

  beforeAll(async () => {
    sendgrid = await startFakeSendGrid(() => ({ status: 202, headers: { 'x-message-id': 'sg-msg-1' } }));
    transport = new SendGridTransport('SG.test-key', sendgrid.url);
  });
  afterAll(() => sendgrid.close());

  it('posts the v3 mail/send request and returns the x-message-id', async () => {
    sendgrid.state.reply = () => ({ status: 202, headers: { 'x-message-id': 'sg-msg-1' } });
    await expect(transport.send(email)).resolves.toEqual({ providerMessageId: 'sg-msg-1' });
    const request = sendgrid.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v3/mail/send');
    expect(request.headers.authorization).toBe('Bearer SG.test-key');
    expect(request.headers['content-type']).toContain('application/json');
    expect(request.body).toMatchObject({
      personalizations: [{ to: [{ email: 'ada@example.com' }] }],
      from: { email: 'no-reply@lodestar.local', name: 'Lodestar' },
      subject: 'Reset your Lodestar password',
      content: [
        { type: 'text/plain', value: 'Choose a new password' },
        { type: 'text/html', value: '<p>Choose a new password</p>' },
      ],
    });
  });

  it('turns a 400 into a permanent error that carries SendGrid’s reasons', async () => {
    sendgrid.state.reply = () => ({
      status: 400,
      body: { errors: [{ message: 'The from address does not match a verified Sender Identity.', field: 'from', help: null }] },
    });
    const error = await transport.send(email).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailTransportError);
    expect(error).toMatchObject({
      retryable: false,
      message: 'SendGrid rejected the message (HTTP 400): The from address does not match a verified Sender Identity. (from)',
    });
  });

  it('treats 429 and 5xx answers as worth retrying', async () => {
    sendgrid.state.reply = () => ({ status: 429, body: { errors: [{ message: 'too many requests', field: null }] } });
    await expect(transport.send(email)).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('HTTP 429') });
    sendgrid.state.reply = () => ({ status: 503 });
    await expect(transport.send(email)).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('SendGrid failed (HTTP 503)') });
  });

  it('treats an unreachable API as worth retrying', async () => {
    const closed = await startFakeSendGrid(() => ({ status: 202 }));
    await closed.close();
    const error = await new SendGridTransport('SG.test-key', closed.url).send(email).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, message: expect.stringMatching(/^SendGrid could not be reached: .*ECONNREFUSED/) });
  });
});
