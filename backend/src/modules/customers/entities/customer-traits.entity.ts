import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Computed traits of one customer, kept current incrementally as orders and events arrive (see the
 * traits service for every formula). The running sums (`category_spend`, `hour_counts`,
 * `engagement_points`) exist so each new order or event updates the traits without rescanning history.
 * A row exists once a customer has an order or an event.
 */
@Entity('customer_traits')
@Index('customer_traits_workspace_tier_idx', ['workspaceId', 'rfmTier'])
@Index('customer_traits_workspace_spent_idx', ['workspaceId', 'totalSpent'])
@Index('customer_traits_workspace_last_order_idx', ['workspaceId', 'lastOrderAt'])
@Index('customer_traits_workspace_updated_idx', ['workspaceId', 'updatedAt'])
@Check('customer_traits_churn_risk_check', `"churn_risk" IN ('low', 'medium', 'high')`)
export class CustomerTraits {
  @ForeignKey('customers', { name: 'customer_traits_customer_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'customer_traits_pkey' })
  customerId: string;

  @ForeignKey('workspaces', { name: 'customer_traits_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 }) totalSpent: string;
  @Column({ type: 'integer', default: 0 }) orderCount: number;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true }) avgOrderValue: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) firstOrderAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) lastOrderAt: Date | null;
  @Column({ type: 'smallint', nullable: true }) recencyScore: number | null;
  @Column({ type: 'smallint', nullable: true }) frequencyScore: number | null;
  @Column({ type: 'smallint', nullable: true }) monetaryScore: number | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) rfmTier: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true }) clv: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) churnRisk: 'low' | 'medium' | 'high' | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) preferredCategory: string | null;
  /** Hour of day 0–23 in the customer's time zone (UTC when unknown). */
  @Column({ type: 'smallint', nullable: true }) preferredHour: number | null;
  @Column({ type: 'boolean', default: false }) nightBuyer: boolean;
  /** 0–100. */
  @Column({ type: 'smallint', default: 0 }) engagementScore: number;
  /** Running amount spent per category (line-item quantity × unit price). */
  @Column({ type: 'jsonb', default: () => `'{}'` }) categorySpend: Record<string, number>;
  /** Orders per local hour of day, 24 counters. */
  @Column({ type: 'integer', array: true, default: () => `array_fill(0, ARRAY[24])` }) hourCounts: number[];
  /** Exponentially decayed event points as of `engagement_at` (see the traits service). */
  @Column({ type: 'double precision', default: 0 }) engagementPoints: number;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) engagementAt: Date | null;
  @Column({ type: 'integer', default: 0 }) eventCount: number;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) lastEventAt: Date | null;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
