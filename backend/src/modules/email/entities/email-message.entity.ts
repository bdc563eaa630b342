import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EmailTransportName } from '../../../platform/config/env';
import type { EmailStatus, EmailTemplateName } from '../email.types';

/**
 * One platform email (invitation, password reset…): what was sent, to whom, through which transport,
 * and how it went. With the sandbox transport this log is the inbox.
 *
 * Timestamps keep millisecond precision so a keyset cursor built from a JS `Date` is exact.
 * The foreign key names the `workspaces` table rather than importing the auth module's entity.
 */
@Entity('email_messages')
@Index('email_messages_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Check('email_messages_status_check', `"status" IN ('queued', 'sent', 'failed')`)
@Check('email_messages_transport_check', `"transport" IN ('sandbox', 'sendgrid', 'smtp')`)
export class EmailMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_messages_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'email_messages_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @Column({ type: 'varchar', length: 320 }) toAddress: string;
  @Column({ type: 'varchar', length: 400 }) fromAddress: string;
  @Column({ type: 'varchar', length: 500 }) subject: string;
  @Column({ type: 'text' }) html: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'varchar', length: 60 }) template: EmailTemplateName;
  @Column({ type: 'varchar', length: 20 }) transport: EmailTransportName;
  @Column({ type: 'varchar', length: 20, default: 'queued' }) status: EmailStatus;
  @Column({ type: 'varchar', length: 255, nullable: true }) providerMessageId: string | null;
  /** Reason of the last failed attempt; cleared when a retry succeeds. */
  @Column({ type: 'text', nullable: true }) error: string | null;
  /** Delivery attempts made so far. */
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) sentAt: Date | null;
}
