import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A behavioural event of a customer (`page_view`, `email_opened`…) with free-form properties. */
@Entity('customer_events')
/* A customer's events (timeline, traits, the delete cascade) lead with customer_id: ids are unique across workspaces. */
@Index('customer_events_customer_occurred_idx', ['customerId', 'occurredAt'])
/* (workspace_id, type, occurred_at) INCLUDE (customer_id): segments read who did an event from the index alone (migration 1796100000100). */
@Index('customer_events_workspace_type_occurred_idx', { synchronize: false })
export class CustomerEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'customer_events_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'customer_events_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @ForeignKey('customers', { name: 'customer_events_customer_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 100 }) type: string;
  @Column({ type: 'jsonb', default: () => `'{}'` }) properties: Record<string, unknown>;
  @Column({ type: 'timestamptz', precision: 3 }) occurredAt: Date;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
