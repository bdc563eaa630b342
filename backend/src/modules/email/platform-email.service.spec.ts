import { jest } from '@jest/globals';
import type { Queue } from 'bull';
import type { Actor } from '../../platform/access/actor';
import type { Permission } from '../../platform/access/permissions';
import { loadEnv } from '../../platform/config/env';
import type { MetricsService } from '../../platform/metrics/metrics.service';
import { encodeCursor } from '../../platform/pagination/cursor';
import { EmailRenderer } from './email.renderer';
import type { EmailRepository } from './email.repository';
import type { EmailMessage } from './entities/email-message.entity';
import { PlatformEmailService } from './platform-email.service';
import { EmailTransportError } from './transports/email-transport';
import type { EmailTransport } from './transports/email-transport';

const WS = '00000000-0000-4000-8000-000000000001';
const ID = '00000000-0000-4000-8000-0000000000aa';

const message = (over: Partial<EmailMessage> = {}): EmailMessage => ({
  id: ID,
  workspaceId: WS,
  toAddress: 'ada@example.com',
  fromAddress: 'Lodestar <no-reply@lodestar.local>',
  subject: 'Reset your Lodestar password',
  html: '<p>hi</p>',
  text: 'hi',
  template: 'password-reset',
  transport: 'smtp',
  status: 'queued',
  providerMessageId: null,
  error: null,
  attempts: 0,
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  sentAt: null,
  ...over,
});

const actor = (permissions: Permission[] = ['email:read']): Actor => ({
  type: 'user',
  id: 'u1',
  label: 'ada@example.com',
  workspaceId: WS,
  permissions: new Set(permissions),
});

function setup() {
  const repository = {
    insert: jest.fn(async (values: Partial<EmailMessage>) => message({ ...values, id: ID })),
    findOne: jest.fn(async (): Promise<EmailMessage | null> => message()),
    list: jest.fn(async (): Promise<EmailMessage[]> => []),
    markSent: jest.fn(async () => undefined),
    recordFailure: jest.fn(async () => undefined),
    markNotQueued: jest.fn(async () => undefined),
  };
  const transport = { name: 'smtp' as const, send: jest.fn(async () => ({ providerMessageId: 'p-1' as string | null })) };
  const queue = { add: jest.fn(async () => ({})) };
  const inc = jest.fn();
  const sut = new PlatformEmailService(
    loadEnv({ EMAIL_FROM: 'Lodestar <no-reply@lodestar.local>' }),
    repository as unknown as EmailRepository,
    new EmailRenderer(),
    transport as unknown as EmailTransport,
    queue as unknown as Queue,
    { emailsSent: { inc } } as unknown as MetricsService,
  );
  return { sut, repository, transport, queue, inc };
}

describe('PlatformEmailService', () => {
  describe('send', () => {
    it('stores the rendered message as queued and queues its delivery under the message id', async () => {
      const { sut, repository, queue } = setup();
      const result = await sut.send(WS, { to: ' ada@example.com ', template: 'password-reset', data: { link: 'https://x.test/r?token=1' } });
      expect(result).toEqual({ id: ID });
      expect(repository.insert).toHaveBeenCalledWith(
        expect.objectContaining({
          workspaceId: WS,
          toAddress: 'ada@example.com',
          fromAddress: 'Lodestar <no-reply@lodestar.local>',
          template: 'password-reset',
          transport: 'smtp',
          subject: 'Reset your Lodestar password',
          text: expect.stringContaining('https://x.test/r?token=1'),
        }),
        undefined,
      );
      expect(queue.add).toHaveBeenCalledWith('send', { workspaceId: WS, messageId: ID }, { jobId: ID });
    });

    it('refuses a malformed recipient or template data before storing anything', async () => {
      const { sut, repository } = setup();
      await expect(sut.send(WS, { to: 'not-an-address', template: 'invitation', data: { link: 'https://x.test' } })).rejects.toMatchObject({
        code: 'email-invalid-recipient',
        status: 422,
      });
      await expect(sut.send(WS, { to: 'a@b.test', template: 'invitation', data: {} })).rejects.toMatchObject({
        code: 'email-invalid-template-data',
      });
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('marks the message failed and rethrows when the job cannot be queued', async () => {
      const { sut, repository, queue } = setup();
      queue.add.mockRejectedValueOnce(new Error('Redis is down'));
      await expect(sut.send(WS, { to: 'a@b.test', template: 'invitation', data: { link: 'https://x.test' } })).rejects.toThrow('Redis is down');
      expect(repository.markNotQueued).toHaveBeenCalledWith(WS, ID, 'Could not be queued: Redis is down', undefined);
    });
  });

  describe('deliver', () => {
    const job = { workspaceId: WS, messageId: ID };

    it('sends through the transport, records the provider id and counts the send', async () => {
      const { sut, repository, transport, inc } = setup();
      await expect(sut.deliver(job, { attempt: 1, maxAttempts: 3 })).resolves.toEqual({ status: 'sent' });
      expect(transport.send).toHaveBeenCalledWith(expect.objectContaining({ id: ID, to: 'ada@example.com', subject: 'Reset your Lodestar password' }));
      expect(repository.markSent).toHaveBeenCalledWith(WS, ID, 'smtp', 'p-1');
      expect(inc).toHaveBeenCalledWith({ transport: 'smtp', status: 'sent' });
    });

    it('keeps the message queued with the reason while retries remain', async () => {
      const { sut, repository, transport, inc } = setup();
      transport.send.mockRejectedValueOnce(new EmailTransportError('SMTP server could not be reached: ECONNREFUSED', true));
      await expect(sut.deliver(job, { attempt: 2, maxAttempts: 3 })).resolves.toEqual({
        status: 'retry',
        error: 'SMTP server could not be reached: ECONNREFUSED',
      });
      expect(repository.recordFailure).toHaveBeenCalledWith(WS, ID, 'smtp', 'SMTP server could not be reached: ECONNREFUSED', false);
      expect(inc).not.toHaveBeenCalled();
    });

    it('marks the message failed on the final attempt', async () => {
      const { sut, repository, transport, inc } = setup();
      transport.send.mockRejectedValueOnce(new Error('socket hang up'));
      await expect(sut.deliver(job, { attempt: 3, maxAttempts: 3 })).resolves.toEqual({ status: 'failed', error: 'Unexpected error: socket hang up' });
      expect(repository.recordFailure).toHaveBeenCalledWith(WS, ID, 'smtp', 'Unexpected error: socket hang up', true);
      expect(inc).toHaveBeenCalledWith({ transport: 'smtp', status: 'failed' });
    });

    it('gives up at once on a permanent refusal', async () => {
      const { sut, repository, transport } = setup();
      transport.send.mockRejectedValueOnce(new EmailTransportError('SMTP server rejected the message (550): no such user', false));
      await expect(sut.deliver(job, { attempt: 1, maxAttempts: 3 })).resolves.toMatchObject({ status: 'failed' });
      expect(repository.recordFailure).toHaveBeenCalledWith(WS, ID, 'smtp', expect.stringContaining('550'), true);
    });

    it('never sends a message twice', async () => {
      const { sut, repository, transport } = setup();
      repository.findOne.mockResolvedValueOnce(message({ status: 'sent' }));
      await expect(sut.deliver(job, { attempt: 1, maxAttempts: 3 })).resolves.toEqual({ status: 'skipped' });
      expect(transport.send).not.toHaveBeenCalled();
    });

    it('retries while the row is not visible yet (sender transaction not committed), then gives up', async () => {
      const { sut, repository, transport } = setup();
      repository.findOne.mockResolvedValue(null);
      await expect(sut.deliver(job, { attempt: 1, maxAttempts: 3 })).resolves.toMatchObject({ status: 'retry' });
      await expect(sut.deliver(job, { attempt: 3, maxAttempts: 3 })).resolves.toMatchObject({ status: 'failed' });
      expect(transport.send).not.toHaveBeenCalled();
    });
  });

  describe('list and get', () => {
    it('need the email:read permission', async () => {
      const { sut, repository } = setup();
      await expect(sut.list(actor(['users:read']), {})).rejects.toMatchObject({ status: 403 });
      await expect(sut.get(actor([]), ID)).rejects.toMatchObject({ status: 403 });
      expect(repository.list).not.toHaveBeenCalled();
      expect(repository.findOne).not.toHaveBeenCalled();
    });

    it('read within the actor workspace and page by created_at and id', async () => {
      const { sut, repository } = setup();
      const [a, b, z] = ['0a', '0b', 'ff'].map((n) => `00000000-0000-4000-8000-0000000000${n}`);
      const rows = [message({ id: b }), message({ id: a }), message({ id: z })];
      repository.list.mockResolvedValueOnce(rows);
      const page = await sut.list(actor(), { limit: 2, status: 'queued' });
      expect(repository.list).toHaveBeenCalledWith(WS, { status: 'queued', to: undefined, template: undefined }, 3, undefined);
      expect(page.items.map((i) => i.id)).toEqual([b, a]);
      expect(page.nextCursor).toBe(encodeCursor({ v: '2026-01-01T00:00:00.000Z', id: a }));

      await sut.list(actor(), { cursor: page.nextCursor as string });
      expect(repository.list).toHaveBeenLastCalledWith(WS, expect.anything(), 51, { createdAt: new Date('2026-01-01T00:00:00.000Z'), id: a });
    });

    it('answers 400 for a cursor that does not hold a date and a uuid', async () => {
      const { sut } = setup();
      await expect(sut.list(actor(), { cursor: encodeCursor({ v: 'yesterday', id: ID }) })).rejects.toMatchObject({ status: 400, code: 'invalid-cursor' });
      await expect(sut.list(actor(), { cursor: encodeCursor({ v: '2026-01-01T00:00:00Z', id: "x' OR 1=1" }) })).rejects.toMatchObject({ status: 400 });
    });

    it('answers 404 for a message outside the workspace and returns content otherwise', async () => {
      const { sut, repository } = setup();
      repository.findOne.mockResolvedValueOnce(null);
      await expect(sut.get(actor(), ID)).rejects.toMatchObject({ status: 404, code: 'not-found' });
      expect(repository.findOne).toHaveBeenCalledWith(WS, ID);
      await expect(sut.get(actor(), ID)).resolves.toMatchObject({ id: ID, html: '<p>hi</p>', text: 'hi', from: 'Lodestar <no-reply@lodestar.local>' });
    });
  });
});
