import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { isEmail, isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/access/actor';
import { Env } from '../../platform/config/env';
import { DomainError, forbidden } from '../../platform/errors/domain-error';
import { MetricsService } from '../../platform/metrics/metrics.service';
import { decodeCursor, Page, toPage } from '../../platform/pagination/cursor';
import type { EmailMessageDetailDto, EmailMessageDto } from './dto/email-message.response';
import type { ListEmailMessagesQuery } from './dto/list-email-messages.query';
import { emailMessageNotFound, invalidRecipient } from './email.errors';
import { EMAIL_QUEUE, EmailJobName } from './email.jobs';
import type { SendEmailJob } from './email.jobs';
import { toEmailMessageDetailDto, toEmailMessageDto } from './email.mapper';
import { EmailRenderer } from './email.renderer';
import { EmailRepository } from './email.repository';
import type { EmailMessageAfter } from './email.repository';
import type { SendEmailRequest } from './email.types';
import { EMAIL_TRANSPORT, EmailTransportError } from './transports/email-transport';
import type { EmailTransport } from './transports/email-transport';

/** Where a delivery attempt stands, as seen by Bull: how many tries this is and how many it allows. */
export interface DeliveryAttempt {
  attempt: number;
  maxAttempts: number;
}

/** `retry`: throw so Bull tries again later; `failed`: give up now (final attempt or permanent error). */
export type DeliveryOutcome = { status: 'sent' | 'skipped' } | { status: 'retry' | 'failed'; error: string };

const DEFAULT_LIMIT = 50;

/**
 * Platform email: other modules call {@link send}; the `email` queue's worker calls {@link deliver};
 * the console reads the log (the sandbox inbox) through {@link list} and {@link get}.
 */
@Injectable()
export class PlatformEmailService {
  private readonly logger = new Logger('Email');

  constructor(
    private readonly env: Env,
    private readonly repository: EmailRepository,
    private readonly renderer: EmailRenderer,
    @Inject(EMAIL_TRANSPORT) private readonly transport: EmailTransport,
    @InjectQueue(EMAIL_QUEUE) private readonly queue: Queue<SendEmailJob>,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Renders `request.template`, stores the message as `queued` and queues its delivery.
   * Pass the `manager` of an open transaction to store the message with the rest of a change;
   * a job that runs before the commit finds no row yet and is retried.
   */
  async send(workspaceId: string, request: SendEmailRequest, manager?: EntityManager): Promise<{ id: string }> {
    const to = request.to.trim();
    if (!isEmail(to)) throw invalidRecipient(to);
    const rendered = this.renderer.render(request.template, request.data);
    const message = await this.repository.insert(
      {
        workspaceId,
        toAddress: to,
        fromAddress: this.env.EMAIL_FROM,
        template: request.template,
        transport: this.transport.name,
        ...rendered,
      },
      manager,
    );
    try {
      const job: SendEmailJob = { workspaceId, messageId: message.id };
      await this.queue.add(EmailJobName.Send, job, { jobId: message.id });
    } catch (error) {
      await this.repository.markNotQueued(workspaceId, message.id, `Could not be queued: ${(error as Error).message}`, manager);
      throw error;
    }
    return { id: message.id };
  }

  /** Sends one queued message through the transport and records how it went. Called by the worker. */
  async deliver(job: SendEmailJob, { attempt, maxAttempts }: DeliveryAttempt): Promise<DeliveryOutcome> {
    const message = await this.repository.findOne(job.workspaceId, job.messageId);
    if (!message) {
      // Not committed yet (sent inside a caller's transaction) or rolled back / workspace deleted.
      const error = 'Email message not found';
      return { status: attempt >= maxAttempts ? 'failed' : 'retry', error };
    }
    if (message.status !== 'queued') return { status: 'skipped' };
    const transport = this.transport.name;
    try {
      const { providerMessageId } = await this.transport.send({
        id: message.id,
        to: message.toAddress,
        from: message.fromAddress,
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
      await this.repository.markSent(job.workspaceId, message.id, transport, providerMessageId);
      this.metrics.emailsSent.inc({ transport, status: 'sent' });
      return { status: 'sent' };
    } catch (error) {
      const reason = error instanceof EmailTransportError ? error.message : `Unexpected error: ${(error as Error).message}`;
      const retryable = !(error instanceof EmailTransportError) || error.retryable;
      const final = !retryable || attempt >= maxAttempts;
      await this.repository.recordFailure(job.workspaceId, message.id, transport, reason, final);
      if (!final) return { status: 'retry', error: reason };
      this.metrics.emailsSent.inc({ transport, status: 'failed' });
      this.logger.warn(`Email ${message.id} (${message.template}) failed after ${attempt} attempt(s): ${reason}`);
      return { status: 'failed', error: reason };
    }
  }

  async list(actor: Actor, query: ListEmailMessagesQuery): Promise<Page<EmailMessageDto>> {
    requireRead(actor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.repository.list(
      actor.workspaceId,
      { to: query.to, template: query.template, status: query.status },
      limit + 1,
      afterCursor(query.cursor),
    );
    return toPage(rows, limit, (m) => ({ v: m.createdAt.toISOString(), id: m.id }), toEmailMessageDto);
  }

  async get(actor: Actor, id: string): Promise<EmailMessageDetailDto> {
    requireRead(actor);
    const message = await this.repository.findOne(actor.workspaceId, id);
    if (!message) throw emailMessageNotFound();
    return toEmailMessageDetailDto(message);
  }
}

function requireRead(actor: Actor): void {
  if (!actor.permissions.has('email:read')) throw forbidden('Requires the `email:read` permission');
}

function afterCursor(cursor: string | undefined): EmailMessageAfter | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  const createdAt = new Date(position.v);
  if (typeof position.v !== 'string' || Number.isNaN(createdAt.getTime()) || !isUUID(position.id)) {
    throw new DomainError('invalid-cursor', 400, 'cursor is not valid', [{ field: 'cursor', message: 'cursor is not valid' }]);
  }
  return { createdAt, id: position.id };
}
