import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ImportMapping } from '../customers.types';

/** A named, reusable column mapping for imports. */
@Entity('customer_import_mappings')
@Index('customer_import_mappings_workspace_name_key', ['workspaceId', 'name'], { unique: true })
export class SavedImportMapping {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'customer_import_mappings_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'customer_import_mappings_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'jsonb' }) mapping: ImportMapping;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
