import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Workspace } from './workspace.entity';
import { User } from './user.entity';

/** An integrator's key: shown once, stored as a SHA-256 hash, scoped to permissions, revocable. */
@Entity('api_keys')
@Index('api_keys_workspace_created_idx', ['workspaceId', 'createdAt'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) workspaceId: string;
  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 120 }) name: string;
  /** First characters of the secret, shown in lists to tell keys apart. */
  @Column({ type: 'varchar', length: 24 }) prefix: string;
  @Index('api_keys_hash_key', { unique: true }) @Column({ type: 'varchar', length: 64 }) keyHash: string;
  @Column({ type: 'text', array: true, default: '{}' }) permissions: string[];
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
