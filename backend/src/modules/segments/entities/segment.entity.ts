import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SegmentRules } from '../rules/segment-rules.types';
import type { SegmentStatus } from '../segments.types';

/** A rule-based segment and the state of its materialized membership (`segment_members`). */
@Entity('segments')
@Index('segments_workspace_name_key', ['workspaceId', 'name'], { unique: true })
@Index('segments_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Index('segments_referenced_gin_idx', { synchronize: false })
@Check('segments_status_check', `"status" IN ('pending', 'refreshing', 'ready', 'failed')`)
export class Segment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'segments_pkey' })
  id: string;

  @ForeignKey('workspaces', {
    name: 'segments_workspace_fkey',
    onDelete: 'CASCADE',
  })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) description: string | null;
  /** The validated rule tree (`version` inside). */
  @Column({ type: 'jsonb' }) rules: SegmentRules;
  /** Segments this one's rules refer to (segment conditions), kept for cycle checks and "used by". */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  referencedSegmentIds: string[];
  /** True when a condition is relative to now ("last N days"), so membership drifts as time passes. */
  @Column({ type: 'boolean', default: false }) timeRelative: boolean;
  /** The playbook it was created from, if any. */
  @Column({ type: 'varchar', length: 60, nullable: true }) playbookKey: string | null;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: SegmentStatus;
  @Column({ type: 'integer', default: 0 }) memberCount: number;
  /** The evaluation time of the refresh that produced the current membership. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  refreshedAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  fullRefreshedAt: Date | null;
  @Column({ type: 'text', nullable: true }) refreshError: string | null;

  @Column({ type: 'varchar', length: 120 }) createdBy: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
