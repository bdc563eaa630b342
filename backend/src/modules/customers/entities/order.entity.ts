import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An order of a customer; `amount` is the order total in `currency`. Line items are in `order_items`. */
@Entity('orders')
@Index('orders_workspace_external_id_key', ['workspaceId', 'externalId'], { unique: true, where: '"external_id" IS NOT NULL' })
/* A customer's orders (timeline, traits, the delete cascade) lead with customer_id: ids are unique across workspaces. */
@Index('orders_customer_placed_idx', ['customerId', 'placedAt'])
@Index('orders_workspace_placed_idx', ['workspaceId', 'placedAt'])
@Check('orders_channel_check', `"channel" IN ('online', 'offline')`)
@Check('orders_amount_check', `"amount" >= 0`)
export class Order {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'orders_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'orders_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @ForeignKey('customers', { name: 'orders_customer_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 255, nullable: true }) externalId: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) amount: string;
  /** ISO 4217, upper case. */
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'varchar', length: 10 }) channel: 'online' | 'offline';
  @Column({ type: 'timestamptz', precision: 3 }) placedAt: Date;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
