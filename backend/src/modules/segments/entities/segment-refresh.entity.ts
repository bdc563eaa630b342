import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RefreshKind, RefreshStatus, RefreshTrigger } from '../segments.types';

/** One membership refresh: its progress while it runs and, once completed, a point of the size history. */
@Entity('segment_refreshes')
@Index('segment_refreshes_segment_created_idx', ['workspaceId', 'segmentId', 'createdAt'])
/** At most one queued refresh per segment: a request while one waits joins it. */
@Index('segment_refreshes_one_queued_key', ['segmentId'], { unique: true, where: `"status" = 'queued'` })
@Check('segment_refreshes_status_check', `"status" IN ('queued', 'running', 'completed', 'failed')`)
@Check('segment_refreshes_kind_check', `"kind" IN ('full', 'incremental')`)
export class SegmentRefresh {
  @PrimaryGeneratedColumn('uuid', {
    primaryKeyConstraintName: 'segment_refreshes_pkey',
  })
  id: string;

  @ForeignKey('workspaces', {
    name: 'segment_refreshes_workspace_fkey',
    onDelete: 'CASCADE',
  })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @ForeignKey('segments', {
    name: 'segment_refreshes_segment_fkey',
    onDelete: 'CASCADE',
  })
  @Column({ type: 'uuid' })
  segmentId: string;

  @Column({ type: 'varchar', length: 20 }) kind: RefreshKind;
  @Column({ type: 'varchar', length: 20 }) trigger: RefreshTrigger;
  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: RefreshStatus;
  /** The time relative windows were measured from. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  asOf: Date | null;
  /** Customers evaluated (all of the workspace for a full refresh, the changed ones for an incremental one). */
  @Column({ type: 'integer', default: 0 }) evaluated: number;
  @Column({ type: 'integer', nullable: true }) size: number | null;
  @Column({ type: 'integer', default: 0 }) added: number;
  @Column({ type: 'integer', default: 0 }) removed: number;
  @Column({ type: 'integer', nullable: true }) durationMs: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt: Date | null;
  /**
   * Every customer change stamped before this time is reflected in the result; the next incremental
   * refresh evaluates the customers changed at or after it.
   */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  changesFrom: Date | null;
}
