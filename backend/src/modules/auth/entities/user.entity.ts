import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person who signs in. Users are global (one login across workspaces); what they may do in a
 * workspace comes from their {@link Membership} there, which carries `workspace_id`.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased. */
  @Index('users_email_key', { unique: true }) @Column({ type: 'varchar', length: 320 }) email: string;
  @Column({ type: 'varchar', length: 200, default: '' }) name: string;
  /** argon2id hash. */
  @Column({ type: 'varchar', length: 255 }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'int', default: 0 }) failedLoginCount: number;
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
