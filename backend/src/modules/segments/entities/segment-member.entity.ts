import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** One customer in a segment's materialized membership. */
@Entity('segment_members')
@Index('segment_members_workspace_customer_idx', ['workspaceId', 'customerId'])
export class SegmentMember {
  @ForeignKey('segments', {
    name: 'segment_members_segment_fkey',
    onDelete: 'CASCADE',
  })
  @PrimaryColumn({
    type: 'uuid',
    primaryKeyConstraintName: 'segment_members_pkey',
  })
  segmentId: string;

  @ForeignKey('customers', {
    name: 'segment_members_customer_fkey',
    onDelete: 'CASCADE',
  })
  @PrimaryColumn({
    type: 'uuid',
    primaryKeyConstraintName: 'segment_members_pkey',
  })
  customerId: string;

  @ForeignKey('workspaces', {
    name: 'segment_members_workspace_fkey',
    onDelete: 'CASCADE',
  })
  @Column({ type: 'uuid' })
  workspaceId: string;

  /** When the customer joined (kept across refreshes while they stay in). */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  addedAt: Date;
}
