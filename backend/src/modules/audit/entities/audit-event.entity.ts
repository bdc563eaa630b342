import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One mutating action: who did what to which object, when, with the object before and after. */
@Entity('audit_events')
@Index('audit_events_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Index('audit_events_workspace_object_idx', ['workspaceId', 'objectType', 'objectId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) workspaceId: string;
  /** `user`, `api_key` or `system`. */
  @Column({ type: 'varchar', length: 20 }) actorType: string;
  @Column({ type: 'varchar', length: 64 }) actorId: string;
  @Column({ type: 'varchar', length: 320 }) actorLabel: string;
  /** Dotted verb, e.g. `invitation.create`. */
  @Column({ type: 'varchar', length: 100 }) action: string;
  @Column({ type: 'varchar', length: 60 }) objectType: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) objectId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) requestId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
