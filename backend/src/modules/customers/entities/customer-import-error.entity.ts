import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One rejected cell or row of an import, for the downloadable error report. */
@Entity('customer_import_errors')
@Index('customer_import_errors_import_row_idx', ['importId', 'rowNumber'])
export class CustomerImportError {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'customer_import_errors_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'customer_import_errors_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @ForeignKey('customer_imports', { name: 'customer_import_errors_import_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  importId: string;

  /** 1-based row number in the file, the header row being row 1. */
  @Column({ type: 'integer' }) rowNumber: number;
  @Column({ type: 'varchar', length: 255, nullable: true }) columnName: string | null;
  @Column({ type: 'text', nullable: true }) value: string | null;
  @Column({ type: 'text' }) reason: string;
}
