import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ExportStatus } from '../customers.types';

/** A CSV export of a filtered customer list, written in the background. */
@Entity('customer_exports')
@Index('customer_exports_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Check('customer_exports_status_check', `"status" IN ('queued', 'running', 'completed', 'failed')`)
export class CustomerExport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'customer_exports_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'customer_exports_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @Column({ type: 'varchar', length: 120 }) createdBy: string;
  /** The list filters the export was asked with (same shape as the list query). */
  @Column({ type: 'jsonb' }) filters: Record<string, unknown>;
  @Column({ type: 'varchar', length: 20, default: 'queued' }) status: ExportStatus;
  @Column({ type: 'integer', default: 0 }) rowCount: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) storageKey: string | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) finishedAt: Date | null;
}
