import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * One bulk-ingestion request made under an `Idempotency-Key`: a retry with the same key and body gets
 * the stored response instead of being applied twice. `response` is null while the first request runs.
 */
@Entity('customer_ingest_requests')
@Index('customer_ingest_requests_created_idx', ['createdAt'])
export class IngestRequest {
  @ForeignKey('workspaces', { name: 'customer_ingest_requests_workspace_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'customer_ingest_requests_pkey' })
  workspaceId: string;

  /** `customers`, `orders` or `events`. */
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'customer_ingest_requests_pkey' }) resource: string;
  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'customer_ingest_requests_pkey' }) idempotencyKey: string;
  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ type: 'char', length: 64 }) requestHash: string;
  @Column({ type: 'integer', nullable: true }) statusCode: number | null;
  @Column({ type: 'jsonb', nullable: true }) response: unknown;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
