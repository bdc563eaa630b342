import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportMapping, ImportStatus } from '../customers.types';

/** An uploaded customer file (CSV or XLSX) and the background run that imports it. */
@Entity('customer_imports')
@Index('customer_imports_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Check('customer_imports_status_check', `"status" IN ('uploaded', 'queued', 'running', 'completed', 'failed')`)
@Check('customer_imports_format_check', `"format" IN ('csv', 'xlsx')`)
@Check('customer_imports_progress_check', `"progress" BETWEEN 0 AND 100`)
export class CustomerImport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'customer_imports_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'customer_imports_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  /** The user or API key that uploaded the file. */
  @Column({ type: 'varchar', length: 120 }) createdBy: string;
  @Column({ type: 'varchar', length: 255 }) fileName: string;
  @Column({ type: 'varchar', length: 10 }) format: 'csv' | 'xlsx';
  @Column({ type: 'bigint' }) sizeBytes: string;
  /** Key of the file in the platform file storage. */
  @Column({ type: 'varchar', length: 500 }) storageKey: string;
  @Column({ type: 'varchar', length: 20, default: 'uploaded' }) status: ImportStatus;
  /** Column headers found in the file, in order. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) headers: string[];
  /** The first rows of the file as read, for the preview. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) previewRows: string[][];
  /** Detected CSV delimiter. */
  @Column({ type: 'varchar', length: 4, nullable: true }) delimiter: string | null;
  @Column({ type: 'jsonb', nullable: true }) mapping: ImportMapping | null;
  @Column({ type: 'integer', default: 0 }) processedRows: number;
  /** Percent of the file read so far (by bytes); 100 once completed. */
  @Column({ type: 'smallint', default: 0 }) progress: number;
  @Column({ type: 'integer', default: 0 }) createdCount: number;
  @Column({ type: 'integer', default: 0 }) updatedCount: number;
  @Column({ type: 'integer', default: 0 }) rejectedCount: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) finishedAt: Date | null;
}
