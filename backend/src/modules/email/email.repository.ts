import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailTransportName } from '../../platform/config/env';
import { escapeLike } from '../../platform/database/escape-like';
import { EmailMessage } from './entities/email-message.entity';
import type { EmailStatus, EmailTemplateName } from './email.types';

export type NewEmailMessage = Pick<
  EmailMessage,
  'workspaceId' | 'toAddress' | 'fromAddress' | 'subject' | 'html' | 'text' | 'template' | 'transport'
>;

export interface EmailMessageFilters {
  /** Case-insensitive part of the recipient address. */
  to?: string;
  template?: EmailTemplateName;
  status?: EmailStatus;
}

/** Keyset position of the last row of the previous page. */
export interface EmailMessageAfter {
  createdAt: Date;
  id: string;
}

/** The only place that queries `email_messages`; every query is scoped to one workspace. */
@Injectable()
export class EmailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Resolved per call: the data source is initialized at app start, after dependency injection. */
  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(EmailMessage);
  }

  async insert(values: NewEmailMessage, manager?: EntityManager): Promise<EmailMessage> {
    const repo = this.repo(manager);
    return repo.save(repo.create({ ...values, status: 'queued', attempts: 0 }));
  }

  findOne(workspaceId: string, id: string): Promise<EmailMessage | null> {
    return this.repo().findOneBy({ workspaceId, id });
  }

  /** Newest first (created_at desc, id desc); fetch `limit + 1` rows to know whether a next page exists. */
  list(workspaceId: string, filters: EmailMessageFilters, limit: number, after?: EmailMessageAfter): Promise<EmailMessage[]> {
    const query = this.repo()
      .createQueryBuilder('m')
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit);
    if (filters.to) query.andWhere(`m.to_address ILIKE :to ESCAPE '\\'`, { to: `%${escapeLike(filters.to)}%` });
    if (filters.template) query.andWhere('m.template = :template', { template: filters.template });
    if (filters.status) query.andWhere('m.status = :status', { status: filters.status });
    if (after) query.andWhere('(m.created_at, m.id) < (:afterCreatedAt, :afterId)', { afterCreatedAt: after.createdAt, afterId: after.id });
    return query.getMany();
  }

  /** Records a successful delivery; only a still-queued message changes. */
  async markSent(workspaceId: string, id: string, transport: EmailTransportName, providerMessageId: string | null): Promise<void> {
    await this.repo()
      .createQueryBuilder()
      .update(EmailMessage)
      .set({ status: 'sent', transport, providerMessageId, error: null, sentAt: () => 'now()', attempts: () => 'attempts + 1' })
      .where('workspace_id = :workspaceId AND id = :id AND status = :queued', { workspaceId, id, queued: 'queued' })
      .execute();
  }

  /** Records a failed attempt; `final` marks the message failed, otherwise it stays queued for the retry. */
  async recordFailure(workspaceId: string, id: string, transport: EmailTransportName, error: string, final: boolean): Promise<void> {
    await this.repo()
      .createQueryBuilder()
      .update(EmailMessage)
      .set({ status: final ? 'failed' : 'queued', transport, error, attempts: () => 'attempts + 1' })
      .where('workspace_id = :workspaceId AND id = :id AND status = :queued', { workspaceId, id, queued: 'queued' })
      .execute();
  }

  /** The job for a stored message could not be queued: the message will never leave. */
  async markNotQueued(workspaceId: string, id: string, error: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ workspaceId, id, status: 'queued' }, { status: 'failed', error });
  }
}
