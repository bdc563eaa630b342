import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * Quintile boundaries of a workspace's recency (days since last order), frequency (order count) and
 * monetary value (total spent) over customers with orders: four cut points each. Recomputed by the
 * scheduled RFM job; incremental trait updates score new orders against them.
 */
@Entity('customer_rfm_boundaries')
export class RfmBoundaries {
  @ForeignKey('workspaces', { name: 'customer_rfm_boundaries_workspace_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'customer_rfm_boundaries_pkey' })
  workspaceId: string;

  @Column({ type: 'double precision', array: true }) recencyDays: number[];
  @Column({ type: 'double precision', array: true }) frequency: number[];
  @Column({ type: 'double precision', array: true }) monetary: number[];
  @Column({ type: 'integer' }) customerCount: number;
  @Column({ type: 'timestamptz', precision: 3 }) computedAt: Date;
}
